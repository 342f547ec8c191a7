import LectorICU
import LectorText
import LectorFormats
import LectorGlossary

/// The same word twice in a row: `Save the the rhino`. Not reported where the source repeats a
/// word too (`Blah blah` → `Bla bla`, `No, no!` → `¡No no!`: a reduplication is translated by
/// one, in whatever words), for numbers, placeholders and tags (`%s %s`, `<br> <br>`), across
/// punctuation or a placeholder (`%s oder %s oder %s`), or for the repetitions a language's
/// grammar makes (German `die die`, French `nous nous`, English `had had`, Czech `se se`,
/// Sesotho `ba ba`).
public struct WordsDoubledRule: UnitRule {
    public static let description = RuleDescription(
        id: "words.doubled",
        name: "Doubled word",
        summary: "A word is repeated right after itself (`the the`), where the source does not repeat it and the language's grammar does not.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "Save the ↓the rhino", source: "Rette das Nashorn", from: "de", to: "en"),
            RuleExample(unit: "Datei wurde ↓wurde gespeichert", source: "File was saved", from: "en", to: "de"),
            RuleExample(unit: "Файл не ↓не найден", source: "File not found", from: "en", to: "ru"),
            RuleExample(unit: "Wählen Sie %s oder ↓oder %s", source: "Choose %s or %s", from: "en", to: "de"),
            RuleExample(unit: "Uložte ↓uložte soubor", source: "Save the file", from: "en", to: "cs"),
            // The source repeats one word: it excuses one doubling of the translation, not two.
            RuleExample(unit: "Bla bla, Datei ↓Datei öffnen", source: "Blah blah, open file", from: "en", to: "de"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "Save the rhino", source: "Rette das Nashorn", from: "de", to: "en"),
            RuleExample(unit: "tsenyo ya %s %s", source: "%s %s installation", from: "en", to: "af"),
            RuleExample(unit: "Lyn een <br> <br> lyn twee", source: "Line one <br> <br> line two", from: "en", to: "af"),
            RuleExample(unit: "Banna ba ba leshome", source: "Ten men", from: "en", to: "st"),
            RuleExample(unit: "Leute, die die Regeln kennen", source: "People who know the rules", from: "en", to: "de"),
            RuleExample(unit: "Nous nous levons tôt", source: "We get up early", from: "en", to: "fr"),
            RuleExample(unit: "Bye, bye!", source: "Tschüss!", from: "de", to: "en"),
            RuleExample(unit: "Версия 2 2", source: "Version 2 2", from: "en", to: "ru"),
            // A placeholder stands for a word: the words around it are not next to each other.
            RuleExample(unit: "Wählen Sie %s oder %s oder %s", source: "Choose %s or %s or %s", from: "en", to: "de"),
            RuleExample(unit: "Kies {0} en {1} en {2}", source: "Choose {0} and {1} and {2}", from: "en", to: "af"),
            // Czech reflexive `se` before the preposition `se`, and `je to to, co` ("it is what").
            RuleExample(unit: "Přihlaste se se svým účtem", source: "Sign in with your account", from: "en", to: "cs"),
            RuleExample(unit: "Je to to, co hledáte", source: "It is what you are looking for", from: "en", to: "cs"),
            RuleExample(unit: "Je to to, čo hľadáte", source: "It is what you are looking for", from: "en", to: "sk"),
            RuleExample(unit: "Jest to to, czego szukasz", source: "It is what you are looking for", from: "en", to: "pl"),
            // The source doubles a word, the translation another, or across a comma.
            RuleExample(unit: "Bla bla", source: "Blah blah", from: "en", to: "de"),
            RuleExample(unit: "¡No no!", source: "No, no!", from: "en", to: "es"),
        ]
    )

    public init() {}

    /// Words whose doubling is grammatical, by language.
    static let grammatical: [String: Set<String>] = [
        "en": ["had", "that", "is"],
        "de": ["die", "der", "das", "den", "dem", "des", "sie"],
        "nl": ["dat", "die"],
        "fr": ["nous", "vous"],
        // Reflexive `se` before the preposition `se` (`přihlaste se se svým účtem`); `to` as
        // subject before `to` as object (`je to to, co hledáte`, Slovak `je to to, čo`, Polish
        // `jest to to, czego`).
        "cs": ["se", "to"],
        "sk": ["to"],
        "pl": ["to"],
        "af": ["die"],
        "st": ["ba", "le", "o"],
        "tn": ["ba", "le", "o"],
        "zu": [],
    ]

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        // The translation first: a source's doubles only excuse the translation's, and most
        // translations have none, so the source need not be read.
        let targetDoubles = Self.doubles(in: pair.target, settings: context.strings,
                                         masked: pair.maskedTarget(settings: context.strings))
        guard !targetDoubles.isEmpty else { return [] }
        let allowed = Self.grammatical[context.targetPrimaryLanguage] ?? []
        let candidates = targetDoubles.filter { !allowed.contains($0.word) }
        guard !candidates.isEmpty else { return [] }
        // Each repetition of the source excuses one doubling of the translation: the same word's
        // first (`Bye bye` → `Bye bye`), then any other (`Blah blah` → `Bla bla`).
        var repetitions = Self.repetitions(in: pair.source, settings: context.strings)
        var excused = Array(repeating: false, count: candidates.count)
        for (index, double) in candidates.enumerated() {
            if let same = repetitions.firstIndex(of: double.word) {
                repetitions.remove(at: same)
                excused[index] = true
            }
        }
        for index in candidates.indices where !excused[index] && !repetitions.isEmpty {
            repetitions.removeFirst()
            excused[index] = true
        }
        return zip(candidates, excused).filter { !$0.1 }.map { double, _ in
            RuleFinding(range: pair.range(double.range), message: "“\(double.text)” twice in a row")
        }
    }

    /// Marks a source may put between the two halves of a repetition (`No, no!`, `Bye-bye`,
    /// `Go! Go!`): a translation writes the pair in its own way.
    private static let repetitionSeparators: Set<Character> = [" ", ",", "-", "\u{2010}", "\u{2011}", "!", "¡", "…"]

    /// Words (case-folded) equal to the word before them with only spaces and
    /// `repetitionSeparators` between: the source's repetitions. A placeholder between them
    /// stands for a word (`%s or %s or %s` repeats nothing).
    static func repetitions(in text: String, settings: StringCheckSettings) -> [String] {
        let masked = LectorICU.UTF16.decode(StringText.masked(text, settings: settings))
        let placeholders = StringText.placeholderRanges(in: text, settings: settings)
        var offset = 0
        var result: [String] = []
        var previous: String?
        var word = ""
        var separatorsOnly = true
        func close() {
            guard !word.isEmpty else { return }
            let folded = word.lowercased()
            if separatorsOnly, previous == folded, !word.allSatisfy(\.isNumber) { result.append(folded) }
            previous = folded
            word = ""
            separatorsOnly = true
        }
        for character in masked {
            if character.isLetter || character.isNumber || character == "'" && !word.isEmpty {
                word.append(character)
            } else {
                close()
                if !repetitionSeparators.contains(character) || placeholders.contains(where: { $0.contains(offset) }) {
                    separatorsOnly = false
                }
            }
            offset += character.utf16.count
        }
        close()
        return result
    }

    /// Words equal (case-folded) to the word before them, with only spaces between.
    static func doubles(in text: String, settings: StringCheckSettings,
                        masked units: [UInt16]? = nil) -> [(word: String, text: String, range: Range<Int>)] {
        let maskedUnits = units ?? StringText.masked(text, settings: settings)
        if !maskedUnits.contains(where: { $0 >= 0x300 }) { return doubles(in: text, settings: settings, belowCombiningMarks: maskedUnits) }
        let masked = LectorICU.UTF16.decode(maskedUnits)
        var result: [(String, String, Range<Int>)] = []
        // A placeholder between two words stands for a word of its own (`%s oder %s oder %s`).
        // Found only for a candidate: most strings double no word.
        var placeholders: [Range<Int>]?
        var previous: (word: String, end: Int)?
        var offset = 0
        var wordStart: Int?
        var word = ""
        func close(at end: Int) {
            guard let start = wordStart else { return }
            let folded = word.lowercased()
            if let previous, previous.word == folded, !word.allSatisfy(\.isNumber),
               Array(masked.utf16)[previous.end..<start].allSatisfy({ $0 == 0x20 }) {
                if placeholders == nil { placeholders = StringText.placeholderRanges(in: text, settings: settings) }
                if !placeholders!.contains(where: { $0.overlaps(previous.end..<start) }) {
                    result.append((folded, word, start..<end))
                }
            }
            previous = (folded, end)
            wordStart = nil
            word = ""
        }
        for character in masked {
            let width = character.utf16.count
            if character.isLetter || character.isNumber || character == "'" && wordStart != nil {
                if wordStart == nil { wordStart = offset }
                word.append(character)
            } else {
                close(at: offset)
                if character != " " { previous = nil }
            }
            offset += width
        }
        close(at: offset)
        return result
    }

    /// `doubles` of masked text whose units are all below U+0300 (Latin script without combining
    /// marks): there every scalar is a character of its own (no grapheme cluster starts below the
    /// combining marks but `\r\n`, which reads the same as two separators), so the text is read by
    /// its units, and a word is made into a string only when it doubles the one before.
    private static func doubles(in text: String, settings: StringCheckSettings,
                                belowCombiningMarks units: [UInt16]) -> [(word: String, text: String, range: Range<Int>)] {
        var result: [(String, String, Range<Int>)] = []
        var placeholders: [Range<Int>]?
        var previous: Range<Int>?
        var wordStart: Int?
        // The tables are read into locals once: each read of a static in the loop went through
        // its lazy initializer's `swift_once`, a quarter of this function's time.
        let lowercaseUnits = Self.lowercaseUnits, characterClass = Self.characterClass
        func sameFolded(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            // Below U+0300 a scalar lower-cases without context, mostly to one scalar
            // (`lowercaseUnits`) that is canonically equivalent to no other string: words of such
            // scalars fold alike when they have as many units and those fold alike. Words with
            // another scalar (`İ`) fold as the strings do.
            // Read by index: slices of `units` (`units[a]`) retained and released the array for
            // each word of every string.
            let several = Self.severalUnits
            for index in a where lowercaseUnits[Int(units[index])] == several { return lowercased(a) == lowercased(b) }
            for index in b where lowercaseUnits[Int(units[index])] == several { return lowercased(a) == lowercased(b) }
            guard a.count == b.count else { return false }
            for index in 0..<a.count
            where lowercaseUnits[Int(units[a.lowerBound + index])] != lowercaseUnits[Int(units[b.lowerBound + index])] {
                return false
            }
            return true
        }
        func lowercased(_ range: Range<Int>) -> String { LectorICU.UTF16.decode(units[range]).lowercased() }
        func close(at end: Int) {
            guard let start = wordStart else { return }
            let word = start..<end
            if let before = previous, sameFolded(before, word), !units[word].allSatisfy({ characterClass[Int($0)] & isNumber != 0 }),
               units[before.upperBound..<start].allSatisfy({ $0 == 0x20 }) {
                if placeholders == nil { placeholders = StringText.placeholderRanges(in: text, settings: settings) }
                if !placeholders!.contains(where: { $0.overlaps(before.upperBound..<start) }) {
                    let written = LectorICU.UTF16.decode(units[word])
                    result.append((written.lowercased(), written, word))
                }
            }
            previous = word
            wordStart = nil
        }
        for (offset, unit) in units.enumerated() {
            if characterClass[Int(unit)] != 0 || unit == 0x27 && wordStart != nil {  // letter, number; ' inside a word
                if wordStart == nil { wordStart = offset }
            } else {
                close(at: offset)
                if unit != 0x20 { previous = nil }
            }
        }
        close(at: units.count)
        return result
    }

    /// The lower case of each scalar below U+0300 as one code unit, or `severalUnits` (`İ` → `i̇`).
    static let lowercaseUnits: [UInt16] = (0..<0x300).map { value in
        let lowered = String(Character(Unicode.Scalar(UInt32(value))!)).lowercased().utf16
        return lowered.count == 1 ? lowered.first! : severalUnits
    }
    static let severalUnits: UInt16 = 0xFFFF

    private static let isLetter: UInt8 = 1, isNumber: UInt8 = 2
    /// `Character.isLetter` and `isNumber` of each scalar below U+0300, from the standard library.
    private static let characterClass: [UInt8] = (0..<0x300).map { value in
        let character = Character(Unicode.Scalar(UInt32(value))!)
        return (character.isLetter ? isLetter : 0) | (character.isNumber ? isNumber : 0)
    }
}
