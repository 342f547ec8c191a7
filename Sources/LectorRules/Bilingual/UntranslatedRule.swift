import LectorICU
import LectorText

/// Text left in the source language: a translation identical to its source, or words in the
/// source's script inside a translation written in another script.
public struct UntranslatedRule: BilingualRule {
    public static let description = RuleDescription(
        id: "untranslated.text",
        name: "Untranslated text",
        summary: "A sentence is identical to its source, or keeps words in the source's script; names and glossary terms excepted.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("↓Die Gespräche beginnen am Dienstag.", source: "Die Gespräche beginnen am Dienstag.", from: "de", to: "en"),
            RuleExample("Fire them: ↓звілнити!", source: "Звільнити їх!", from: "uk", to: "en"),
            RuleExample("The spokesman said the talks were ↓весьма полезными.",
                        source: "Пресс-секретарь сказал, что переговоры были весьма полезными.", from: "ru", to: "en"),
            RuleExample("Der Sprecher nannte die Gespräche ↓дуже корисними.",
                        source: "Речник назвав переговори дуже корисними.", from: "uk", to: "de"),
            // A name in another script is transliterated, not copied.
            RuleExample("Talks with ↓Кравцов went well.", source: "Переговоры с Кравцовым прошли хорошо, сказал Кравцов.", from: "ru", to: "en"),
            RuleExample(unit: "{n, plural, one{# элемент} few{# элемента} many{# элементов ↓items} other{# элемента}}",
                        source: "{n, plural, one{# item} other{# items}}", from: "en", to: "ru"),
            // Ordinary words of the source, also where they outnumber the translation's own
            // letters, and a capital that only starts the source's sentence.
            RuleExample(unit: "Удалить ↓account", source: "Delete account", from: "en", to: "ru"),
            RuleExample(unit: "Ваша ↓subscription has expired", source: "Your subscription has expired", from: "en", to: "ru"),
            RuleExample(unit: "↓Subscription истекла", source: "Subscription expired", from: "en", to: "ru"),
            RuleExample(unit: "Η ↓subscription έληξε", source: "The subscription expired", from: "en", to: "el"),
        ],
        nonTriggeringExamples: [
            RuleExample("The talks begin on Tuesday.", source: "Die Gespräche beginnen am Dienstag.", from: "de", to: "en"),
            RuleExample("NATO.", source: "NATO.", from: "de", to: "en"),
            RuleExample("Peskov said the talks were very useful.",
                        source: "Песков сказал, что переговоры были весьма полезными.", from: "ru", to: "en"),
            RuleExample("Die Gespräche beginnen am Dienstag.", source: "The talks begin on Tuesday.", from: "en", to: "de"),
            // ICU MessageFormat's selectors (`one`, `few`, `=0`, `offset:`) are syntax, not words.
            RuleExample(unit: "{n, plural, one{# элемент} few{# элемента} many{# элементов} other{# элемента}}", source: "{n, plural, one{# item} other{# items}}", from: "en", to: "ru"),
            RuleExample(unit: "{guests, plural, offset:1 =0{Никто не пришёл} one{Пришёл {host}} other{Пришли {host} и ещё #}}",
                        source: "{guests, plural, offset:1 =0{Nobody came} one{{host} came} other{{host} and # others came}}",
                        from: "en", to: "ru"),
            RuleExample(unit: "{gender, select, female{Она ответила} male{Он ответил} other{Они ответили}}",
                        source: "{gender, select, female{She replied} male{He replied} other{They replied}}", from: "en", to: "uk"),
            // Names, acronyms, units and file extensions copied from the source stay in the
            // source's script; so does i18next's nesting (`$t(key)`), which is code.
            RuleExample(unit: "Экспорт в PDF", source: "Export to PDF", from: "en", to: "ru"),
            RuleExample(unit: "Открыть в Telegram", source: "Open in Telegram", from: "en", to: "ru"),
            RuleExample(unit: "Настройки iCloud", source: "iCloud settings", from: "en", to: "ru"),
            RuleExample(unit: "Подключиться к Wi-Fi", source: "Connect to Wi-Fi", from: "en", to: "ru"),
            RuleExample(unit: "Сохранить как .docx", source: "Save as .docx", from: "en", to: "ru"),
            RuleExample(unit: "Разрешение 300 dpi", source: "Resolution 300 dpi", from: "en", to: "ru"),
            RuleExample(unit: "Απαιτεί Windows 10 ή νεότερη έκδοση", source: "Requires Windows 10 or later", from: "en", to: "el"),
            RuleExample(unit: "تصدير إلى PDF", source: "Export to PDF", from: "en", to: "ar"),
            RuleExample(unit: "Настройки $t(menu.file)", source: "$t(menu.file) settings", from: "en", to: "ru"),
        ],
        scope: .bilingual
    )

    /// Scripts written with an alphabet, where a word in another one stands out.
    static let alphabeticScripts: Set<String> = ["Latn", "Cyrl", "Grek", "Arab", "Hebr", "Armn", "Geor"]
    /// Letters an identical sentence must have before it counts: "NATO." or "OK" may well stay.
    static let minimumIdenticalLetters = 12

    public init() {}

    /// The script the translation's language is written in (`LanguageTag.likelyScript`), looked
    /// up once, not pair by pair: each look-up took the lock of ICU's cache that
    /// every thread shares. `nil` where CLDR names none or ICU cannot read the tag; then the
    /// letters decide, as they always did.
    public struct Preparation: Sendable {
        let expectedScript: String?
    }

    public func prepare(for context: CheckContext, bilingual _: BilingualContext) -> Preparation {
        do {
            return Preparation(expectedScript: try LanguageTag.likelyScript(of: context.index.targetLanguage))
        } catch {
            // A tag ICU cannot read names no script: the letters decide, as they always did.
            return Preparation(expectedScript: nil)
        }
    }

    /// The script depends on the translation's language alone.
    public static let preparationOutlivesDocument = true

    public func findings(in pair: SentencePairContext, using prepared: Preparation) -> [RuleFinding] {
        // In a file of UI strings an identical translation is `untranslated.unchanged`'s, which
        // knows the strings that may stay (so the letters are not even read there).
        if pair.bilingual.units == nil {
            let sourceLetters = Self.letters(pair.sourceText)
            if sourceLetters.count >= Self.minimumIdenticalLetters, sourceLetters == Self.letters(pair.targetText),
               Self.ordinaryWordCount(pair.targetText) >= 3 {
                return [RuleFinding(range: pair.targetRange, message: "the translation is identical to the source")]
            }
        }
        return foreignScriptRuns(in: pair.targetRange, target: pair.targetText, source: pair.sourceText, context: pair.check,
                                 expectedScript: prepared.expectedScript)
    }

    public func findings(inUnpaired pair: UnpairedSentenceContext) -> [RuleFinding] {
        guard pair.pair.source != nil, pair.pair.target == nil, pair.bilingual.isPairedByFile else { return [] }
        // A String Catalog holds every language, each checked apart: say which one lacks it.
        let language = pair.bilingual.format == "xcstrings" ? " into \(pair.check.index.targetLanguage)" : ""
        return [RuleFinding(range: pair.pair.anchor..<pair.pair.anchor, message: "this unit has no translation\(language)")]
    }

    /// Case-folded letters and digits only: punctuation and spacing do not make a translation.
    static func letters(_ text: String) -> [Unicode.Scalar] {
        CaseMapping.fold(text).unicodeScalars.filter { Latin1ScalarProperties.isAlphabetic($0) || Latin1ScalarProperties.isNumeric($0) }
    }

    /// Words of three letters or more, not in capitals, with at least one in lower case:
    /// credits, names and titles ("©REUTERS/Yoruk Isik") have none and need no translation.
    static func ordinaryWordCount(_ text: String) -> Int {
        let words = text.split(whereSeparator: { !$0.isLetter }).filter { word in
            word.count >= 3 && !word.allSatisfy { $0.isUppercase }
        }
        return words.contains { $0.first?.isLowercase == true } ? words.count : 0
    }

    /// The script with the most letters. A tie goes to a script other than `unlike` (the source's),
    /// then by name: a dictionary's order differs from run to run, and findings must not.
    /// The script of every ASCII letter, as `Script` names it.
    private static let asciiLetterScript = Script(of: "a").shortName

    static func dominantScript(_ text: String, unlike: String? = nil) -> String? {
        // ASCII letters are all Latin: counted apart, they cost no script look-up and no hashing.
        // In ASCII only A–Z and a–z are alphabetic, tested on the byte: a property look-up in
        // another module per scalar was most of this rule's time on Latin texts.
        var asciiLetters = 0
        // Other letters by ICU script code, with one letter of each to name its script at the end:
        // a sentence has one script or two, so a short list beats hashing a name per letter.
        var others: [(code: Int32, letter: Unicode.Scalar, count: Int)] = []
        func count(_ scalar: Unicode.Scalar) {
            guard Latin1ScalarProperties.isAlphabetic(scalar) else { return }
            let code = Script.code(of: scalar)
            guard code != Script.common, code != Script.inherited else { return }
            if let index = others.firstIndex(where: { $0.code == code }) {
                others[index].count += 1
            } else {
                others.append((code, scalar, 1))
            }
        }
        let read: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            // A String's UTF-8 is valid: a lead byte's high bits give its scalar's length, and
            // continuation bytes are read with their lead.
            var index = 0
            // Eight ASCII bytes at a time: with 0x20 set (lower case), a byte is a letter when
            // adding 0x1F carries it past 0x7F (it is 0x61 or more) and adding 0x05 does not (it
            // is below 0x7B). No byte of an ASCII word carries into the next.
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                let high: UInt64 = 0x8080_8080_8080_8080
                while index &+ 8 <= bytes.count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    guard word & high == 0 else { break }
                    let lower = word | 0x2020_2020_2020_2020
                    let letters = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505) & high
                    asciiLetters &+= letters.nonzeroBitCount
                    index &+= 8
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte | 0x20) &- 0x61 < 26 { asciiLetters += 1 }
                    index += 1
                    continue
                }
                let (lead, length): (UInt8, Int) = byte < 0xE0 ? (byte & 0x1F, 2) : byte < 0xF0 ? (byte & 0x0F, 3) : (byte & 0x07, 4)
                var value = UInt32(lead)
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                index += length
                if let scalar = Unicode.Scalar(value) { count(scalar) }
            }
        }
        if read == nil {
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    if (scalar.value | 0x20) &- 0x61 < 26 { asciiLetters += 1 }
                } else {
                    count(scalar)
                }
            }
        }
        // A script's name is a function of its code, so counts by name are the counts by code
        // added up; names are distinct, so the comparison below orders them all (a dictionary's
        // order never mattered), and no dictionary is made for the one script most sentences have.
        // Most sentences have ASCII letters and no other: their script needs no list.
        if others.isEmpty { return asciiLetters > 0 ? Self.asciiLetterScript : nil }
        var counts: [(key: String, value: Int)] = asciiLetters > 0 ? [(Self.asciiLetterScript, asciiLetters)] : []
        for other in others {
            let name = Script(of: other.letter).shortName
            if let index = counts.firstIndex(where: { $0.key == name }) {
                counts[index].value += other.count
            } else {
                counts.append((name, other.count))
            }
        }
        return counts.max { a, b in
            (a.value, a.key != unlike ? 1 : 0, a.key) < (b.value, b.key != unlike ? 1 : 0, b.key)
        }?.key
    }

    /// The script of the translation: its language's (CLDR), where that is another alphabet than
    /// the source's and the translation has letters of it, so that `Ваша subscription has expired`
    /// is Cyrillic with Latin left in it although most of its letters are Latin; else the script
    /// with the most letters.
    static func targetScript(of target: String, expectedScript expected: String?, sourceScript: String) -> String? {
        let dominant = dominantScript(target, unlike: sourceScript)
        guard dominant == sourceScript else { return dominant }
        guard let expected, expected != sourceScript, alphabeticScripts.contains(expected) else { return dominant }
        let hasLetterOfIt = target.unicodeScalars.contains { scalar in
            scalar.isASCII ? (scalar.value | 0x20) &- 0x61 < 26 && expected == asciiLetterScript
                : scalar.properties.isAlphabetic && Script(of: scalar).shortName == expected
        }
        return hasLetterOfIt ? expected : dominant
    }

    private func foreignScriptRuns(in range: Range<Int>, target: String, source: String, context: CheckContext,
                                   expectedScript: String?) -> [RuleFinding] {
        guard let sourceScript = Self.dominantScript(source),
              let targetScript = Self.targetScript(of: target, expectedScript: expectedScript, sourceScript: sourceScript),
              sourceScript != targetScript, Self.alphabeticScripts.contains(targetScript) else { return [] }
        // Glossary terms and placeholders (`%lld`, `{name}`) are not words left untranslated.
        let covered = context.glossaryMatches.starting(in: range).map(\.range)
            + StringText.codeRanges(in: target, settings: context.strings).map {
                (range.lowerBound + $0.lowerBound)..<(range.lowerBound + $0.upperBound)
            }
        var runs: [Range<Int>] = []
        var runStart: Int?
        var runEnd = range.lowerBound
        var offset = range.lowerBound
        // Walk scalars: letters of the source's script extend a run, spaces and punctuation
        // between them keep it open, letters of any other script close it.
        for scalar in target.unicodeScalars {
            let width = scalar.utf16.count
            if scalar.properties.isAlphabetic {
                let script = Script(of: scalar).shortName
                if script == sourceScript, !covered.contains(where: { $0.contains(offset) }) {
                    if runStart == nil { runStart = offset }
                    runEnd = offset + width
                } else if !Script(of: scalar).isCommonOrInherited, let start = runStart {
                    runs.append(start..<runEnd)
                    runStart = nil
                }
            }
            offset += width
        }
        if let start = runStart { runs.append(start..<runEnd) }
        let name = LanguageScriptName.name(of: sourceScript)
        // Brands, acronyms and units stay in Latin letters in any script; a Cyrillic or Greek
        // name in a Latin translation is transliterated (`Путин` → `Putin`), so it may not stay.
        let kept = sourceScript == Self.asciiLetterScript
            ? KeptSourceWords(source: source, allowed: IdenticalStrings.builtIn.union(context.strings.identicalAllowed)) : nil
        return runs.compactMap { run in
            let text = context.document.text(in: run)
            let before = target.utf16.prefix(run.lowerBound - range.lowerBound)
            if let kept, kept.mayStay(text, after: String(before) ?? "") { return nil }
            return RuleFinding(range: run, message: "\(name) text left untranslated: “\(text)”")
        }
    }
}

/// What a translation may copy from its source in the source's script: names, acronyms, units
/// and file extensions, which stay as they are in a Cyrillic, Greek or Arabic translation (`Экспорт
/// в PDF`, `Войти через Google`, `Настройки iCloud`, `10 MB`, `.docx`). A run of the source's
/// ordinary words (`Удалить account`) is not among them.
struct KeptSourceWords {
    let source: String
    let allowed: Set<String>
    /// Capitals in the source tell names apart only where it also writes words in lower case:
    /// in `SAVE TO PDF` or `Go To Next Page` every word has one.
    let capitalsAreNames: Bool

    init(source: String, allowed: Set<String>) {
        self.source = source
        self.allowed = allowed
        let laterWords = Self.words(in: source).dropFirst()
        capitalsAreNames = laterWords.contains { word in word.first?.isLowercase == true }
    }

    static func words(in text: String) -> [Substring] {
        text.split { !$0.isLetter && !$0.isNumber }
    }

    /// Whether `run`, a run of the source's script in the translation after `before`, is
    /// copied from the source and is made of words that may stay.
    func mayStay(_ run: String, after before: String) -> Bool {
        guard source.contains(run) else { return false }
        if allowed.contains(run) { return true }
        // A file extension (`.docx`) or a unit's symbol after a number (`10 MB`, `72 dpi`; not
        // `5 minutes`).
        let lead = before.reversed().prefix { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" }
        let beforeLead = before.dropLast(lead.count).last
        if lead.isEmpty, beforeLead == ".", before.dropLast().last.map({ !$0.isLetter && !$0.isNumber }) ?? true { return true }
        if beforeLead?.isNumber == true, run.count <= 3, run.allSatisfy(\.isLetter) { return true }
        return Self.words(in: run).allSatisfy(isKept)
    }

    private func isKept(_ word: Substring) -> Bool {
        if allowed.contains(String(word)) || word.contains(where: \.isNumber) { return true }
        let capitals = word.filter(\.isUppercase).count
        guard capitals > 0, capitalsAreNames else { return false }
        // An acronym (`USB`) or a name in mixed case (`iCloud`, `GitHub`).
        if capitals > 1 || word.first?.isUppercase == false { return true }
        // A capital is a name's only where the source's sentence does not start with the word.
        return occurrences(of: word).contains { !isSentenceStart($0) }
    }

    /// Where `word` stands in the source as a whole word.
    private func occurrences(of word: Substring) -> [String.Index] {
        var result: [String.Index] = []
        var searchStart = source.startIndex
        while let found = source.range(of: word, range: searchStart..<source.endIndex) {
            let wholeBefore = found.lowerBound == source.startIndex || !source[source.index(before: found.lowerBound)].isLetter
            let wholeAfter = found.upperBound == source.endIndex || !source[found.upperBound].isLetter
            if wholeBefore, wholeAfter { result.append(found.lowerBound) }
            searchStart = found.upperBound
        }
        return result
    }

    /// Whether only white space, quotation marks and brackets stand between `index` and the start
    /// of the source or the end of a sentence (`.`, `!`, `?`, `:`, a line break).
    private func isSentenceStart(_ index: String.Index) -> Bool {
        for character in source[..<index].reversed() {
            if character.isWhitespace && !character.isNewline { continue }
            if character.isNewline || ".!?:…".contains(character) { return true }
            if character.isPunctuation, !",;-".contains(character) { continue }
            return false
        }
        return true
    }
}

/// English names of the scripts Lector reports on.
enum LanguageScriptName {
    static func name(of code: String) -> String {
        ["Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek", "Arab": "Arabic", "Hebr": "Hebrew",
         "Armn": "Armenian", "Geor": "Georgian", "Hani": "Chinese", "Hira": "Japanese", "Kana": "Japanese",
         "Hang": "Korean", "Thai": "Thai"][code] ?? code
    }
}
