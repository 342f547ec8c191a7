import Foundation
import LectorText

/// Reads TermBase eXchange files: TBX 2 (`<martif>`: `termEntry` / `langSet` / `tig` or `ntig`)
/// and TBX v3, ISO 30042:2019 (`<tbx>`: `conceptEntry` / `langSec` / `termSec`), in both the DCA
/// style (`<termNote type="administrativeStatus">`) and the DCT style (`<basic:administrativeStatus>`).
///
/// Term status comes from `administrativeStatus` or TBX 2 `normativeAuthorization`; a term without
/// one is admitted. Acronyms and abbreviations (`termType`) are matched case-sensitively, and so is
/// any term with `<termNote type="x-caseSensitive">yes</termNote>`.
public enum TBXGlossaryReader {
    public static func read(contentsOf path: String) throws(InputError) -> Glossary {
        try read(data: FileBytes.read(path: path, missing: "no such glossary file", unreadable: "cannot read the glossary"),
                 name: path)
    }

    /// Reads through the shared `XMLDocumentWalker`, so a TBX file is refused for the same reasons as an
    /// XLIFF or TMX file (entity declarations, malformed bytes), with the same messages.
    public static func read(data: Data, name: String) throws(InputError) -> Glossary {
        let builder = TBXBuilder(file: name)
        try XMLDocumentWalker.walk(data, name: name, handler: builder)
        return Glossary(name: name, concepts: builder.concepts)
    }
}

/// Collects concepts while the walker reads the document.
private final class TBXBuilder: XMLDocumentHandler {
    let file: String
    var concepts: [Concept] = []
    var sawRoot = false

    // Current concept.
    private var conceptID: String?
    private var conceptLine = 0
    private var subjectField: String?
    private var definition: String?
    private var conceptNotes: [String] = []
    private var terms: [Term] = []
    // Current language section and term.
    private var language: String?
    private var inTerm = false
    private var termLine = 0
    private var termText: String?
    private var termStatus: TermStatus?
    private var termType: String?
    private var partOfSpeech: String?
    private var caseSensitive = false
    private var termNote: String?
    // Text collection for the element being read.
    private var text = ""
    private var collecting: (element: String, type: String?)?

    init(file: String) {
        self.file = file
    }

    private func failure(_ message: String, line: Int) -> InputError {
        InputError(file: file, line: line, message: message)
    }

    func start(_ tag: XMLStartTag) throws(InputError) {
        let elementName = tag.name
        let attributes = tag.attributes
        if !sawRoot {
            sawRoot = true
            guard elementName == "martif" || elementName == "tbx" else {
                throw failure("not a TBX file: the root element is <\(elementName)>, expected <tbx> or <martif>",
                              line: tag.line)
            }
            return
        }
        switch elementName {
        case "termEntry", "conceptEntry":
            conceptID = attributes["id"] ?? attributes["xml:id"] ?? "line-\(tag.line)"
            conceptLine = tag.line
            subjectField = nil
            definition = nil
            conceptNotes = []
            terms = []
        case "langSet", "langSec":
            guard conceptID != nil else { throw failure("<\(elementName)> outside a concept entry", line: tag.line) }
            guard let lang = attributes["xml:lang"] ?? attributes["lang"], !lang.isEmpty else {
                throw failure("<\(elementName)> without xml:lang", line: tag.line)
            }
            try Term.checkLanguage(lang, file: file, line: tag.line)
            language = lang
        case "tig", "ntig", "termSec":
            guard language != nil else { throw failure("<\(elementName)> outside a language section", line: tag.line) }
            inTerm = true
            termLine = tag.line
            termText = nil
            termStatus = nil
            termType = nil
            partOfSpeech = nil
            caseSensitive = false
            termNote = nil
        case "term", "note", "termNote", "descrip", "admin":
            startCollecting(elementName, type: attributes["type"])
        case "administrativeStatus", "normativeAuthorization", "termType", "partOfSpeech",
             "subjectField", "definition":
            // TBX v3 DCT style: the data category is the element name.
            startCollecting("termNote", type: elementName)
        default:
            break
        }
    }

    private func startCollecting(_ element: String, type: String?) {
        collecting = (element, type)
        text = ""
    }

    var wantsCharacters: Bool { collecting != nil }

    func characters(_ string: String) {
        if collecting != nil { text += string }
    }

    func end(_ elementName: String, line: Int) throws(InputError) {
        if let (element, type) = collecting,
           element == elementName || (element == "termNote" && type == elementName) {
            try finishCollecting(element: element, type: type, value: text.collapsingWhitespace(), line: line)
            collecting = nil
        }
        switch elementName {
        case "tig", "ntig", "termSec":
            try finishTerm(line: line)
        case "langSet", "langSec":
            language = nil
        case "termEntry", "conceptEntry":
            guard let conceptID else { return }
            concepts.append(Concept(id: conceptID, subjectField: subjectField, definition: definition,
                                    notes: conceptNotes, terms: terms,
                                    position: GlossaryPosition(file: file, line: conceptLine)))
            self.conceptID = nil
        default:
            break
        }
    }

    private func finishCollecting(element: String, type: String?, value: String, line: Int) throws(InputError) {
        switch (element, type) {
        case ("term", _):
            if inTerm { termText = value }
        case ("termNote", "administrativeStatus"), ("termNote", "normativeAuthorization"),
             ("admin", "administrativeStatus"):
            guard let status = TermStatus(glossaryValue: value) else {
                throw failure("unknown term status “\(value)”", line: line)
            }
            termStatus = status
        case ("termNote", "termType"):
            termType = value
        case ("termNote", "partOfSpeech"):
            partOfSpeech = value
        case ("termNote", "x-caseSensitive"):
            caseSensitive = ["yes", "true", "1"].contains(value.lowercased())
        case ("descrip", "subjectField"), ("termNote", "subjectField"):
            subjectField = value
        case ("descrip", "definition"), ("termNote", "definition"):
            if definition == nil { definition = value }
        case ("note", _):
            guard !value.isEmpty else { return }
            if inTerm { termNote = termNote.map { $0 + " " + value } ?? value } else { conceptNotes.append(value) }
        default:
            break
        }
    }

    private func finishTerm(line: Int) throws(InputError) {
        guard inTerm else { return }
        inTerm = false
        guard let termText, !termText.isEmpty else {
            throw failure("term entry without a <term>", line: line)
        }
        let abbreviated = ["acronym", "abbreviation", "initialism", "shortform"]
            .contains((termType ?? "").lowercased().replacingOccurrences(of: " ", with: ""))
        terms.append(Term(text: termText, language: language ?? "", status: termStatus ?? .admitted,
                          isCaseSensitive: caseSensitive || abbreviated, termType: termType,
                          partOfSpeech: partOfSpeech, note: termNote,
                          position: GlossaryPosition(file: file, line: termLine)))
    }
}
