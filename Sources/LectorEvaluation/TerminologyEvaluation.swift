import Foundation
import LectorText
import LectorFormats
import LectorGlossary

/// Counts how many annotated term instances a translation satisfies, on the public WMT
/// terminology test sets, so Lector's term matching can be compared with the official scorers.
///
/// Each term is judged on its own: a one-concept glossary whose target terms are the term's
/// accepted translations, matched in the translation with Lector's glossary matcher. (Judging
/// all terms of a sentence with one glossary would let a longer term hide a shorter one, which
/// the official scorers do not do.) A term annotated *n* times in a sentence is satisfied as
/// often as it occurs, at most *n* times.
public enum TerminologyEvaluation {
    public enum Mode: String, Sendable, CaseIterable {
        /// Case-sensitive, no inflection: what the official WMT21 surface scorer does.
        case exact
        /// Lector's normal matching: case-insensitive, with the target language's inflection suffixes.
        case inflected
    }

    public struct Result: Sendable, Equatable, CustomStringConvertible {
        public let dataset: String
        public let mode: Mode
        public let satisfied: Int
        public let total: Int
        /// Up to 500 terms that were not satisfied, for the record: (row id, accepted forms).
        public let missed: [String]
        /// Rows where the data set's own count of satisfied terms differs from Lector's:
        /// "row id: official → Lector" (WMT21 ships the official scorer's per-row count).
        public let disagreements: [String]

        public var rate: Double { total == 0 ? 0 : Double(satisfied) / Double(total) }
        public var description: String {
            "\(dataset) [\(mode.rawValue)]: \(satisfied) of \(total) term instances satisfied ("
                + String(format: "%.2f", rate * 100) + " %)"
        }
    }

    /// One row of a test set: the translation to check and its term instances.
    struct Row {
        let id: String
        let translation: String
        /// Accepted target forms of each term instance.
        let instances: [[String]]
        /// The official scorer's count for the row, when the data set has it.
        var officialCount: Int? = nil
    }

    /// WMT21 terminology (English→French dev, TICO-19): the Fairseq MT against `terms_json`.
    public static func wmt21(path: String, mode: Mode) throws(InputError) -> Result {
        let table = try readTable(path: path, required: ["id", "mt_fairseq_fr", "terms_json"])
        var rows: [Row] = []
        for (line, fields) in table.rows {
            guard let terms = json(fields[table.columns["terms_json"]!]) as? [[String: Any]] else {
                throw InputError(file: path, line: line, message: "terms_json is not a JSON array of objects")
            }
            rows.append(Row(id: fields[table.columns["id"]!], translation: fields[table.columns["mt_fairseq_fr"]!],
                            instances: terms.map { ($0["accepted"] as? [String]) ?? [] },
                            officialCount: table.columns["mt_terms_matched"].flatMap { Int(fields[$0]) }))
        }
        return try evaluate(rows, language: "fr", mode: mode, dataset: "WMT21 en-fr dev, Fairseq MT")
    }

    /// WMT23 terminology (German→English): the reference translations against `terms_proper_json`.
    public static func wmt23(path: String, mode: Mode) throws(InputError) -> Result {
        let table = try readTable(path: path, required: ["id", "reference_en", "terms_proper_json"])
        var rows: [Row] = []
        for (line, fields) in table.rows {
            guard let terms = json(fields[table.columns["terms_proper_json"]!]) as? [[String: Any]] else {
                throw InputError(file: path, line: line, message: "terms_proper_json is not a JSON array of objects")
            }
            rows.append(Row(id: fields[table.columns["id"]!], translation: fields[table.columns["reference_en"]!],
                            instances: terms.compactMap { ($0["en"] as? String).map { [$0] } }))
        }
        return try evaluate(rows, language: "en", mode: mode, dataset: "WMT23 de-en test, references")
    }

    static func evaluate(_ rows: [Row], language: String, mode: Mode, dataset: String) throws(InputError) -> Result {
        var satisfied = 0
        var total = 0
        var missed: [String] = []
        var disagreements: [String] = []
        let inflection = mode == .exact ? InflectionRules.none : InflectionRules.forLanguage(language)
        for row in rows {
            let document = SourceDocument(path: row.id, text: row.translation)
            let satisfiedBefore = satisfied
            defer {
                if let official = row.officialCount, official != satisfied - satisfiedBefore {
                    disagreements.append("\(row.id): official \(official) → Lector \(satisfied - satisfiedBefore)")
                }
            }
            // A term annotated twice in a sentence needs two occurrences in the translation,
            // as the official scorer counts it.
            var groups: [[String]: Int] = [:]
            var order: [[String]] = []
            for accepted in row.instances {
                if groups[accepted] == nil { order.append(accepted) }
                groups[accepted, default: 0] += 1
            }
            for accepted in order {
                let wanted = groups[accepted]!
                total += wanted
                let terms = accepted.map { Term(text: $0, language: language, status: .preferred, isCaseSensitive: mode == .exact) }
                let glossary = Glossary(name: "instance", concepts: [Concept(id: "term", terms: terms)])
                let index = try GlossaryIndex(glossaries: [glossary], targetLanguage: language, schemes: [],
                                              inflection: inflection)
                let found: Int
                do {
                    found = try GlossaryMatcher(index: index).matches(in: document).filter {
                        if case .allowed = $0.kind { return true } else { return false }
                    }.count
                } catch {
                    throw InputError(file: dataset, message: error.description)
                }
                satisfied += min(found, wanted)
                if found < wanted, missed.count < 500 {
                    missed.append("\(row.id): \(accepted.joined(separator: " | "))")
                }
            }
        }
        return Result(dataset: dataset, mode: mode, satisfied: satisfied, total: total, missed: missed,
                      disagreements: disagreements)
    }

    struct Table {
        let columns: [String: Int]
        let rows: [(line: Int, fields: [String])]
    }

    /// A tab-separated file with a header. These files quote nothing (their JSON columns hold
    /// quotation marks), so a line is split at tabs only.
    static func readTable(path: String, required: [String]) throws(InputError) -> Table {
        let document = try SourceDocument.load(path: path)
        var lines = document.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else {
            throw InputError(file: path, line: 1, message: "empty file")
        }
        let columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for column in required where columns[column] == nil {
            throw InputError(file: path, line: 1, message: "missing column “\(column)”")
        }
        var rows: [(Int, [String])] = []
        for (index, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count else {
                throw InputError(file: path, line: index + 1, message: "expected \(header.count) fields, found \(fields.count)")
            }
            rows.append((index + 1, fields))
        }
        return Table(columns: columns, rows: rows)
    }

    static func json(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
