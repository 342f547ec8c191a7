import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(file: path, message: FileManager.default.fileExists(atPath: path)
                ? "cannot read the glossary" : "no such glossary file")
        }
        return try read(data: data, name: path)
    }

    public static func read(data: Data, name: String) throws(InputError) -> Glossary {
        let parser = XMLParser(data: data)
        // Never fetch DTDs or external entities: a TBX file must not make Lector read other files.
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        let builder = TBXBuilder(file: name, parser: parser)
        parser.delegate = builder
        let finished = parser.parse()
        // A truncated document can make parse() return true while parserError is set: check both.
        if let problem = builder.problem { throw problem }
        if let error = parser.parserError {
            throw InputError(file: name, line: max(builder.errorLine ?? parser.lineNumber, 1),
                             message: "malformed XML: \(XMLDocumentWalker.describe(error as NSError))")
        }
        if !finished { throw InputError(file: name, line: max(parser.lineNumber, 1), message: "malformed XML") }
        guard builder.sawRoot else { throw InputError(file: name, line: 1, message: "empty document") }
        return Glossary(name: name, concepts: builder.concepts)
    }
}

/// Collects concepts while XMLParser walks the document.
private final class TBXBuilder: NSObject, XMLParserDelegate {
    let file: String
    unowned let parser: XMLParser
    var concepts: [Concept] = []
    var problem: InputError?
    var sawRoot = false
    /// Line of the first XML error: libxml2 may read on after it, so the final line is not it.
    var errorLine: Int?

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

    init(file: String, parser: XMLParser) {
        self.file = file
        self.parser = parser
    }

    private func fail(_ message: String) {
        if problem == nil { problem = InputError(file: file, line: max(parser.lineNumber, 1), message: message) }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if errorLine == nil { errorLine = parser.lineNumber }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard problem == nil else { return }
        if !sawRoot {
            sawRoot = true
            guard elementName == "martif" || elementName == "tbx" else {
                fail("not a TBX file: the root element is <\(elementName)>, expected <tbx> or <martif>")
                return
            }
            return
        }
        switch elementName {
        case "termEntry", "conceptEntry":
            conceptID = attributes["id"] ?? attributes["xml:id"] ?? "line-\(parser.lineNumber)"
            conceptLine = parser.lineNumber
            subjectField = nil
            definition = nil
            conceptNotes = []
            terms = []
        case "langSet", "langSec":
            guard conceptID != nil else { return fail("<\(elementName)> outside a concept entry") }
            guard let lang = attributes["xml:lang"] ?? attributes["lang"], !lang.isEmpty else {
                return fail("<\(elementName)> without xml:lang")
            }
            language = lang
        case "tig", "ntig", "termSec":
            guard language != nil else { return fail("<\(elementName)> outside a language section") }
            inTerm = true
            termLine = parser.lineNumber
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

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        guard problem == nil else { return }
        if let (element, type) = collecting,
           element == elementName || (element == "termNote" && type == elementName) {
            finishCollecting(element: element, type: type, value: text.collapsingWhitespace())
            collecting = nil
        }
        switch elementName {
        case "tig", "ntig", "termSec":
            finishTerm()
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

    private func finishCollecting(element: String, type: String?, value: String) {
        switch (element, type) {
        case ("term", _):
            if inTerm { termText = value }
        case ("termNote", "administrativeStatus"), ("termNote", "normativeAuthorization"),
             ("admin", "administrativeStatus"):
            guard let status = TermStatus(glossaryValue: value) else {
                return fail("unknown term status “\(value)”")
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

    private func finishTerm() {
        guard inTerm else { return }
        inTerm = false
        guard let termText, !termText.isEmpty else {
            return fail("term entry without a <term>")
        }
        let abbreviated = ["acronym", "abbreviation", "initialism", "shortform"]
            .contains((termType ?? "").lowercased().replacingOccurrences(of: " ", with: ""))
        terms.append(Term(text: termText, language: language ?? "", status: termStatus ?? .admitted,
                          isCaseSensitive: caseSensitive || abbreviated, termType: termType,
                          partOfSpeech: partOfSpeech, note: termNote,
                          position: GlossaryPosition(file: file, line: termLine)))
    }
}
