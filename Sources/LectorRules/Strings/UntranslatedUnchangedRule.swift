import LectorICU
import LectorText
import LectorFormats
import LectorGlossary
import LectorLexicon

import Foundation

/// A UI string left as in the source, short ones included (`Save as` → `Save as`). Strings that
/// may well stay are not reported: no letters (`1234`, `2×2`, `???`), one letter, capitals and
/// digits only (`OK`, `F1`, `HTML`, `&ACRONYM`), measures and CSS (`7em`, `width: 12em;`,
/// `10&nbsp;MB`, `100 km/h`), a copyright line of names (`© 2024 Acme Inc.`, `&copy;` too), a
/// trademarked name alone (`Acme™`; `Acme™ Settings` is reported),
/// placeholders, tags and URLs only, and the words
/// of `Resources/Strings/identical-allowed.txt` and the project's `strings: identical_allowed`.
/// Nor are words both languages write alike (`Name`, `Status`, `Hotel` in German): every word must
/// be one the translation's Hunspell dictionary accepts as written and that FreeDict gives as its
/// own translation between the pair (`name` → `Name`), so a false friend (`Bad`, `Die`, `Gift`)
/// or an English word a dictionary happens to list is still reported. Without both resources for
/// the pair, nothing is excused this way.
public struct UntranslatedUnchangedRule: UnitRule {
    public static let description = RuleDescription(
        id: "untranslated.unchanged",
        name: "Unchanged string",
        summary: "The translation is the source unchanged (accelerators aside), and the source is not a name, code or number that may stay.",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample(unit: "↓Save as", source: "Save as", from: "en", to: "de"),
            RuleExample(unit: "↓Un&changed", source: "&Unchanged", from: "en", to: "af"),
            RuleExample(unit: "↓Two words", source: "Two words", from: "en", to: "fr"),
            RuleExample(unit: "↓Файл не найден", source: "Файл не найден", from: "ru", to: "uk"),
            RuleExample(unit: "↓© 2024 Acme Inc. All rights reserved.", source: "© 2024 Acme Inc. All rights reserved.", from: "en", to: "de"),
            RuleExample(unit: "↓10&nbsp;files", source: "10&nbsp;files", from: "en", to: "de"),
            RuleExample(unit: "↓&copy; 2024 Acme Inc. All rights reserved.", source: "&copy; 2024 Acme Inc. All rights reserved.", from: "en", to: "de"),
            RuleExample(unit: "↓Acme™ makes it easy", source: "Acme™ makes it easy", from: "en", to: "de"),
            RuleExample(unit: "↓Sign In With Acme™", source: "Sign In With Acme™", from: "en", to: "de"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "1234", source: "1234", from: "en", to: "de"),
            RuleExample(unit: "2×2", source: "2×2", from: "en", to: "af"),
            RuleExample(unit: "OK", source: "OK", from: "en", to: "fr"),
            RuleExample(unit: "F1", source: "F1", from: "en", to: "ru"),
            RuleExample(unit: "&ACRONYM", source: "&ACRONYM", from: "en", to: "af"),
            RuleExample(unit: "$ProgramName$", source: "$ProgramName$", from: "en", to: "af"),
            RuleExample(unit: "https://example.org", source: "https://example.org", from: "en", to: "de"),
            RuleExample(unit: "Firefox", source: "Firefox", from: "en", to: "de"),
            RuleExample(unit: "Speichern unter", source: "Save as", from: "en", to: "de"),
            RuleExample(unit: "7em", source: "7em", from: "en", to: "af"),
            RuleExample(unit: "width: 12em;", source: "width: 12em;", from: "en", to: "fr"),
            RuleExample(unit: "© 2024 Acme Inc.", source: "© 2024 Acme Inc.", from: "en", to: "de"),
            RuleExample(unit: "10&nbsp;MB", source: "10&nbsp;MB", from: "en", to: "fr"),
            RuleExample(unit: "&copy; 2024 Acme Inc.", source: "&copy; 2024 Acme Inc.", from: "en", to: "de"),
            RuleExample(unit: "Acme™", source: "Acme™", from: "en", to: "de"),
            RuleExample(unit: "100 km/h", source: "100 km/h", from: "en", to: "de"),
            RuleExample(unit: "10&nbsp;MB/s", source: "10&nbsp;MB/s", from: "en", to: "fr"),
        ]
    )

    public init() {}

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        let source = Self.comparable(pair.source, settings: context.strings)
        guard source == Self.comparable(pair.target, settings: context.strings) else { return [] }
        let allowed = IdenticalStrings.builtIn.union(context.strings.identicalAllowed)
        guard let words = Self.wordsToTranslate(source, original: pair.source, allowed: allowed) else { return [] }
        if let lexicon = context.lexicon, let bilingual = context.bilingual,
           words.allSatisfy({ Self.isWrittenAlike($0, from: bilingual.sourceLanguage, to: context.index.targetLanguage,
                                                   allowed: allowed, lexicon: lexicon) }) { return [] }
        findings.append(RuleFinding(range: pair.targetStartPoint, message: "the translation is the source unchanged"))
        return findings
    }

    /// The text without accelerator markers and outer white space.
    static func comparable(_ text: String, settings: StringCheckSettings) -> String {
        AcceleratorRule.stripped(text, markers: settings.acceleratorMarkers).trimmingWhitespace()
    }

    /// Whether a word of an unchanged string is one the translation's language writes alike: no
    /// lower-case letter (`PDF`), in the allowed list, or accepted by the target's Hunspell as
    /// written and given by FreeDict as a translation of itself (source lemmas `photos` → `photo`,
    /// compared with the target's lemmas of the word: `Photos` → `photo`).
    static func isWrittenAlike(_ word: Substring, from source: String, to target: String,
                               allowed: Set<String>, lexicon: Lexicon) -> Bool {
        let text = String(word)
        if !text.contains(where: \.isLowercase) || allowed.contains(text) { return true }
        guard lexicon.isKnown(text, language: target) == true else { return false }
        let folded = text.lowercased()
        let targetForms = Set([folded] + lexicon.lemmas(of: text, language: target).map { $0.lowercased() })
        for lemma in [folded] + lexicon.lemmas(of: folded, language: source) {
            if lexicon.translations(of: lemma, from: source, to: target).contains(where: { targetForms.contains($0.text.lowercased()) }) {
                return true
            }
        }
        return false
    }

    /// The words of a string that need translating (letters, without digits), or `nil` when the
    /// string may stay as it is.
    static func wordsToTranslate(_ text: String, original: String, allowed: Set<String>) -> [Substring]? {
        if allowed.contains(text) || allowed.contains(original.trimmingWhitespace()) { return nil }
        // Letters left once placeholders, tags, URLs and e-mail addresses are set aside.
        var masked = LectorICU.UTF16.decode(StringText.masked(text, settings: StringCheckSettings()))
        for token in MarkupMismatchRule.tokens(in: masked).reversed() {
            let units = Array(masked.utf16)
            masked = LectorICU.UTF16.decode(units[..<token.range.lowerBound] + units[token.range.upperBound...])
        }
        // A CSS declaration (`width: 12em;`) is code.
        if masked.range(of: #"^(\s*[a-z-]+\s*:\s*[^;:]+;)+\s*$"#, options: .regularExpression) != nil { return nil }
        // `&copy;` is the copyright sign written as a reference (read in `text`: masking takes
        // an entity for a placeholder).
        let isCopyright = masked.contains("©")
            || text.range(of: #"&(copy|#169|#[xX]0*[aA]9);"#, options: .regularExpression) != nil
        // A character reference stands for one character (`10&nbsp;MB`), not for a word to translate.
        masked = masked.replacingOccurrences(of: #"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"#, with: " ",
                                             options: .regularExpression)
        // A word with a digit in it is a measure or a code (`12em`, `400px`, `x86`), not a word to translate.
        let words = masked.split { !$0.isLetter && !$0.isNumber }.filter { !$0.contains(where: \.isNumber) }
        let letters = words.joined().unicodeScalars.filter { $0.properties.isAlphabetic }
        guard letters.count > 1 else { return nil }
        // Capitals and digits only: acronyms, keys, codes.
        if words.allSatisfy({ word in !word.contains { $0.isLowercase } }) { return nil }
        // One word that is a name in the allowed list in another case, or a single CamelCase identifier.
        if words.count == 1, let word = words.first, word.dropFirst().contains(where: { $0.isUppercase }) { return nil }
        // A copyright line of names (`© 2024 Acme Inc.`) stays as written; a sentence beside it
        // (`All rights reserved`) has words in lower case and is still reported.
        if isCopyright, words.allSatisfy({ $0.first?.isUppercase == true }) { return nil }
        // A trademarked name (`Acme™`, `Contoso®`): every word carries the mark. A word without one
        // beside a marked name (`Acme™ Settings`, a Title Case menu item) is still to translate.
        if masked.contains(where: { $0 == "™" || $0 == "®" }) {
            let marked = Set(masked.split { $0 == " " || $0 == "\u{A0}" }.compactMap { piece -> Substring? in
                guard let last = piece.last, last == "™" || last == "®" else { return nil }
                return piece.dropLast()
            })
            if words.allSatisfy({ marked.contains($0) }) { return nil }
        }
        return words
    }
}

/// Strings a translation commonly keeps as they are, across languages: product and company names,
/// units, codes. From `Resources/Strings/identical-allowed.txt`, one per line.
enum IdenticalStrings {
    static let builtIn: Set<String> = {
        // Read like the other word lists (CueLexicon): the file ships inside the library, and a
        // test (`identicalAllowedListLoads`) fails if it does not load.
        guard let text = LectorResources.text(of: "Strings/identical-allowed.txt") else { return [] }
        return Set(text.split(separator: "\n").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()
}
