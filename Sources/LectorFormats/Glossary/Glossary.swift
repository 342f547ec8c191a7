import LectorICU
import LectorText

/// The normative status of a term (TBX `administrativeStatus` / `normativeAuthorization`).
public enum TermStatus: String, Sendable, Codable, CaseIterable {
    case preferred
    case admitted
    case deprecated
    case superseded

    /// Preferred and admitted terms may be used; deprecated and superseded ones are findings.
    public var isAllowed: Bool { self == .preferred || self == .admitted }

    /// Parses TBX values (`preferredTerm-admn-sts`, TBX 2 `preferredTerm`, `deprecatedTerm`, …)
    /// and the plain words used in CSV glossaries.
    public init?(glossaryValue: String) {
        let value = glossaryValue.trimmingWhitespace().lowercased()
        let stem = value.hasSuffix("-admn-sts") ? String(value.dropLast("-admn-sts".count)) : value
        switch stem {
        case "preferred", "preferredterm", "standardizedterm", "standardized": self = .preferred
        case "admitted", "admittedterm", "allowed", "": self = .admitted
        case "deprecated", "deprecatedterm", "forbidden", "notrecommended": self = .deprecated
        case "superseded", "supersededterm", "obsolete", "legacy": self = .superseded
        default: return nil
        }
    }
}

/// Where an item of a glossary was read: file and 1-based line.
public struct GlossaryPosition: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// One designation of a concept in one language.
public struct Term: Hashable, Sendable {
    /// Throws an input error at `file:line` unless `tag` is a BCP 47 tag of a language ICU knows:
    /// a term in `xx-bogus` would never match, and the glossary would check less than it seems to.
    /// TBX and CSV glossaries refuse the same tags as `--target-lang`.
    static func checkLanguage(_ tag: String, file: String, line: Int) throws(InputError) {
        // Tags that name no language on purpose (private use `x-…`, `qaa`–`qtz`, undetermined
        // `und`) are a termbase's own business: such terms match no text, and stop nothing.
        let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        if primary == "x" || primary == "und" || (primary.count == 3 && primary >= "qaa" && primary <= "qtz") { return }
        do {
            _ = try LanguageTag(tag)
        } catch {
            throw InputError(file: file, line: line, message: "unknown language tag “\(tag)”")
        }
    }


    public let text: String
    /// BCP 47 tag as written in the glossary (`en`, `de-CH`).
    public let language: String
    public let status: TermStatus
    /// Compare with case (acronyms: `NATO` vs deprecated `Nato`).
    public let isCaseSensitive: Bool
    /// TBX `termType` (`acronym`, `fullForm`, …), when given.
    public let termType: String?
    /// TBX `partOfSpeech` (`properNoun`, …), when given.
    public let partOfSpeech: String?
    public let note: String?
    public let position: GlossaryPosition?

    public init(text: String, language: String, status: TermStatus, isCaseSensitive: Bool = false,
                termType: String? = nil, partOfSpeech: String? = nil, note: String? = nil,
                position: GlossaryPosition? = nil) {
        self.text = text
        self.language = language
        primaryLanguage = Self.primaryLanguage(of: language)
        self.status = status
        self.isCaseSensitive = isCaseSensitive
        self.termType = termType
        self.partOfSpeech = partOfSpeech
        self.note = note
        self.position = position
    }

    /// The primary language subtag, lower-cased (`de` for `de-CH`); stored, since matching asks often.
    public let primaryLanguage: String

    package static func primaryLanguage(of tag: String) -> String {
        LanguageSubtag.primary(of: tag)
    }
}

/// A concept: one thing (a person, a place), with its terms in every language.
public struct Concept: Hashable, Sendable {
    /// The concept id from the glossary, unique within it.
    public let id: String
    public let subjectField: String?
    public let definition: String?
    public let notes: [String]
    public let terms: [Term]
    public let position: GlossaryPosition?

    public init(id: String, subjectField: String? = nil, definition: String? = nil, notes: [String] = [],
                terms: [Term], position: GlossaryPosition? = nil) {
        self.id = id
        self.subjectField = subjectField
        self.definition = definition
        self.notes = notes
        self.terms = terms
        self.position = position
    }

    public func terms(in language: String) -> [Term] {
        let wanted = Term.primaryLanguage(of: language)
        return terms.filter { $0.primaryLanguage == wanted }
    }

    /// The preferred term in `language`, else its first admitted term.
    public func preferredTerm(in language: String) -> Term? {
        let candidates = terms(in: language)
        return candidates.first { $0.status == .preferred } ?? candidates.first { $0.status == .admitted }
    }
}

/// A termbase: concepts read from one file.
public struct Glossary: Sendable {
    /// The file it was read from (or a name given by the caller).
    public let name: String
    public let concepts: [Concept]

    public init(name: String, concepts: [Concept]) {
        self.name = name
        self.concepts = concepts
    }

    /// Languages that have at least one term.
    public var languages: Set<String> { Set(concepts.flatMap { $0.terms.map(\.primaryLanguage) }) }
}

extension String {
    package func trimmingWhitespace() -> String {
        // Most texts start and end with an ASCII character that is no white space (Unicode's
        // White_Space in ASCII: tab to carriage return, and space): nothing to cut.
        func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) }
        if let edges = utf8Edges, isPlain(edges.first), isPlain(edges.last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// Runs of white space folded to one space, ends trimmed: how terms are compared and shown.
    func collapsingWhitespace() -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
