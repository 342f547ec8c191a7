import Foundation
import LectorText

/// Reads glossaries kept as CSV (comma) or TSV (tab) tables, one term per row.
///
/// The first row is a header. Columns, in any order (names are case-insensitive):
///
/// | column | required | meaning |
/// |---|---|---|
/// | `concept` | yes | concept id; rows with the same id are one concept |
/// | `language` | yes | BCP 47 tag of the term |
/// | `term` | yes | the term |
/// | `status` | no | `preferred`, `admitted` (default), `deprecated`, `superseded` |
/// | `note` | no | shown in messages |
/// | `case-sensitive` | no | `yes`/`no` (default `no`) |
/// | `definition` | no | concept definition (first non-empty one wins) |
///
/// Quoting follows RFC 4180 (`"a, b"`, `""` for a quote). The parser is Lector's own because
/// errors must name the line, and a quoted field may span lines; the CSV packages available do
/// not report source lines.
public enum CSVGlossaryReader {
    public static func read(contentsOf path: String) throws(InputError) -> Glossary {
        let document: SourceDocument
        do {
            document = try SourceDocument.load(path: path)
        } catch {
            throw InputError(file: path, line: error.line,
                             message: error.message.replacingOccurrences(of: "file", with: "glossary"))
        }
        let delimiter: Character = path.lowercased().hasSuffix(".tsv") || path.lowercased().hasSuffix(".tab")
            ? "\t" : ","
        return try read(text: document.text, name: path, delimiter: delimiter)
    }

    public static func read(text: String, name: String, delimiter: Character) throws(InputError) -> Glossary {
        let rows = try DelimitedTable.rows(of: text, delimiter: delimiter, file: name)
        guard let header = rows.first else { throw InputError(file: name, line: 1, message: "empty glossary") }
        var columns: [String: Int] = [:]
        for (index, field) in header.fields.enumerated() {
            let key = field.trimmingWhitespace().lowercased().replacingOccurrences(of: "_", with: "-")
            let canonical = ["concept-id": "concept", "id": "concept", "lang": "language",
                             "case": "case-sensitive", "casesensitive": "case-sensitive"][key] ?? key
            guard ["concept", "language", "term", "status", "note", "case-sensitive", "definition"]
                .contains(canonical) else {
                throw InputError(file: name, line: header.line, message: "unknown column “\(field)”; "
                    + "expected concept, language, term, status, note, case-sensitive, definition")
            }
            columns[canonical] = index
        }
        for required in ["concept", "language", "term"] where columns[required] == nil {
            throw InputError(file: name, line: header.line, message: "missing column “\(required)”")
        }

        var order: [String] = []
        var termsByConcept: [String: [Term]] = [:]
        var definitions: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        for row in rows.dropFirst() {
            if row.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            guard row.fields.count == header.fields.count else {
                throw InputError(file: name, line: row.line, message:
                    "expected \(header.fields.count) fields, found \(row.fields.count)")
            }
            func field(_ column: String) -> String {
                columns[column].map { row.fields[$0].trimmingWhitespace() } ?? ""
            }
            let concept = field("concept")
            let term = field("term").collapsingWhitespace()
            let language = field("language")
            guard !concept.isEmpty else { throw InputError(file: name, line: row.line, message: "empty concept id") }
            guard !term.isEmpty else { throw InputError(file: name, line: row.line, message: "empty term") }
            guard !language.isEmpty else { throw InputError(file: name, line: row.line, message: "empty language") }
            try Term.checkLanguage(language, file: name, line: row.line)
            guard let status = TermStatus(glossaryValue: field("status")) else {
                throw InputError(file: name, line: row.line, message: "unknown status “\(field("status"))”; "
                    + "expected preferred, admitted, deprecated or superseded")
            }
            let caseValue = field("case-sensitive").lowercased()
            guard ["", "yes", "no", "true", "false", "1", "0", "y", "n"].contains(caseValue) else {
                throw InputError(file: name, line: row.line, message: "case-sensitive must be yes or no, not “\(caseValue)”")
            }
            let note = field("note")
            if termsByConcept[concept] == nil {
                order.append(concept)
                firstLine[concept] = row.line
            }
            termsByConcept[concept, default: []].append(Term(
                text: term, language: language, status: status,
                isCaseSensitive: ["yes", "true", "1", "y"].contains(caseValue),
                note: note.isEmpty ? nil : note, position: GlossaryPosition(file: name, line: row.line)))
            let definition = field("definition")
            if !definition.isEmpty, definitions[concept] == nil { definitions[concept] = definition }
        }
        let concepts = order.map { id in
            Concept(id: id, definition: definitions[id], terms: termsByConcept[id] ?? [],
                    position: GlossaryPosition(file: name, line: firstLine[id] ?? 1))
        }
        return Glossary(name: name, concepts: concepts)
    }
}

/// RFC 4180 rows with the 1-based line each starts on.
enum DelimitedTable {
    struct Row {
        let line: Int
        let fields: [String]
    }

    static func rows(of text: String, delimiter: Character, file: String) throws(InputError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
        var quoteLine = 0
        var inQuotes = false
        var atFieldStart = true
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        while let character = next() {
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where atFieldStart:
                inQuotes = true
                quoteLine = line
                atFieldStart = false
            case delimiter:
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\n", "\r\n", "\r":
                fields.append(field)
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                field = ""
                atFieldStart = true
                line += 1
                rowLine = line
            default:
                field.append(character)
                atFieldStart = false
            }
        }
        if inQuotes { throw InputError(file: file, line: quoteLine, message: "unclosed quoted field") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}
