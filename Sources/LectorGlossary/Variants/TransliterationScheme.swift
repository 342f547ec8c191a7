import Foundation
import LectorICU
import LectorText
import LectorFormats

/// A way of writing Cyrillic names in Latin letters: one of ICU's transliterators, or a rule set
/// shipped with Lector (`Resources/Transliteration/*.txt`) or given by the user.
///
/// Each scheme applies to the languages whose spelling rules it encodes (`Russian-Latin/BGN` to
/// `ru`); the variant deriver runs it on the glossary's terms in those languages.
public struct TransliterationScheme: Sendable, Hashable {
    /// ICU id (`Russian-Latin/BGN`) or the rule set's own id (`Lector-Russian-German`).
    public let id: String
    /// How messages name the result: "the German transcription of Мединский".
    public let label: String
    /// Primary language subtags of the terms this scheme transliterates.
    public let languages: Set<String>
    /// The language whose writers use this scheme (`de` for the German transcription), if any:
    /// when several schemes give one spelling, the one the glossary confirms explains it.
    public let outputLanguage: String?
    /// ICU rule text; `nil` for ICU's built-in transliterators.
    public let rules: String?

    public init(id: String, label: String, languages: Set<String>, outputLanguage: String? = nil,
                rules: String? = nil) {
        self.id = id
        self.label = label
        self.languages = languages
        self.outputLanguage = outputLanguage
        self.rules = rules
    }

    /// Opens the ICU transliterator. Rule sets that do not compile fail with their line.
    public func makeTransliterator(file: String? = nil) throws(InputError) -> Transliterator {
        if let rules {
            do {
                return try Transliterator(id: id, rules: rules)
            } catch {
                throw InputError(file: file ?? id, line: error.line + Self.headerLines(rules),
                                 message: "transliteration rules do not compile: \(error)")
            }
        }
        do {
            return try Transliterator(id: id)
        } catch {
            throw InputError(file: file ?? id, message: error.description)
        }
    }

    /// ICU counts lines from the first rule; our files start with the same text, so no offset.
    private static func headerLines(_ rules: String) -> Int { 0 }

    /// ICU's own schemes that Lector uses.
    public static let icuSchemes: [TransliterationScheme] = [
        TransliterationScheme(id: "Russian-Latin/BGN", label: "BGN/PCGN romanization", languages: ["ru"]),
        TransliterationScheme(id: "Ukrainian-Latin/BGN", label: "BGN/PCGN romanization", languages: ["uk"]),
        TransliterationScheme(id: "Belarusian-Latin/BGN", label: "BGN/PCGN romanization", languages: ["be"]),
        TransliterationScheme(id: "Cyrillic-Latin", label: "scholarly (ISO 9) transliteration",
                              languages: ["ru", "uk", "be", "bg", "sr", "mk"]),
        TransliterationScheme(id: "Any-Latin; Latin-ASCII", label: "plain ASCII transliteration",
                              languages: ["ru", "uk", "be", "bg", "sr", "mk"]),
    ]

    /// ICU's schemes plus the rule sets shipped in Lector's resources, read once per process (the
    /// rule sets' compilation checks them); after `prepareBuiltIn()`, read on a thread of its own.
    public static func builtIn() throws(InputError) -> [TransliterationScheme] {
        try builtInSchemes.value(orMake: readBuiltIn)
    }

    /// Starts reading the built-in schemes (`builtIn()`) on a thread of its own, and opening there
    /// every transliterator that variant derivation clones: the schemes' own, and `Latin-ASCII`
    /// (`VariantDeriver`'s shortcut). ICU takes about 15 ms of CPU for them (its transliterator
    /// registry is built on first use, and each rule set is compiled), and a checker cannot build
    /// its glossary index before it has them: a caller that will make a checker calls this as
    /// early as it can, so that they are made while it reads its configuration and glossary.
    /// `builtIn()` waits for them. Each transliterator is opened once per process and cloned
    /// afterwards (`Transliterator`); a thread that opened one of them meanwhile could open it a
    /// second time, and a checker opens none before its `builtIn()` returns.
    public static func prepareBuiltIn() {
        builtInSchemes.start { () throws(InputError) in
            let schemes = try readBuiltIn()
            // Lector's rule sets were compiled by `readBuiltIn`.
            for id in schemes.filter({ $0.rules == nil }).map(\.id) + ["Latin-ASCII"] {
                do {
                    _ = try Transliterator(id: id)
                } catch {
                    // A failure is not kept (`Transliterator`): the deriver opening this id fails
                    // again, and reports it, as it would have without this thread.
                }
            }
            return schemes
        }
    }

    private static let builtInSchemes = PreparedValue<[TransliterationScheme], InputError>(threadName: "lector.schemes")

    /// The schemes `builtIn()` gives, read now.
    static func readBuiltIn() throws(InputError) -> [TransliterationScheme] {
        var schemes = icuSchemes
        for name in LectorResources.names(in: "Transliteration", withExtension: "txt") {
            guard let rules = LectorResources.text(of: name) else { continue }
            schemes.append(try parse(rules: rules, file: "Resources/" + name))
        }
        return schemes
    }

    /// Reads a rule file whose first comment lines name it:
    /// `# id: …`, `# label: …`, `# applies-to: ru uk`, `# output-language: de`, `# source: …`.
    public static func load(contentsOf path: String) throws(InputError) -> TransliterationScheme {
        let document = try SourceDocument.load(path: path)
        return try parse(rules: document.text, file: path)
    }

    public static func parse(rules: String, file: String) throws(InputError) -> TransliterationScheme {
        var fields: [String: String] = [:]
        for line in rules.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#") else { break }
            let body = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            if let colon = body.firstIndex(of: ":") {
                let key = body[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                if fields[key] == nil {
                    fields[key] = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        guard let id = fields["id"], !id.isEmpty else {
            throw InputError(file: file, line: 1, message: "transliteration rules need a “# id: …” header line")
        }
        let languages = Set((fields["applies-to"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," })
            .map { Term.primaryLanguage(of: String($0)) })
        guard !languages.isEmpty else {
            throw InputError(file: file, line: 1, message: "transliteration rules need a “# applies-to: …” header line")
        }
        let output = fields["output-language"].map { Term.primaryLanguage(of: $0) }
        let scheme = TransliterationScheme(id: id, label: fields["label"] ?? id, languages: languages,
                                           outputLanguage: output, rules: rules)
        _ = try scheme.makeTransliterator(file: file)
        return scheme
    }
}
