import Foundation
import LectorICU
import LectorHunspell
import LectorLexicon
import LectorText
import LectorGlossary

/// A word Hunspell does not know in the translation's language, with Hunspell's suggestions.
///
/// Only words that start with a lower-case letter are judged: a capitalized word may be a name,
/// and no spelling dictionary lists enough names (German nouns are capitalized too, so German
/// misspellings of nouns go unseen). Never judged: glossary terms and their variants (the
/// glossary's matches), words of the source (names kept as they are), URLs, e-mail addresses,
/// anything with digits, code-like tokens (`snake_case`, `camelCase`, paths, `@handles`), all-caps
/// acronyms, words with a period inside (`vk.com`, `i.e`), parts of a contraction, hyphenated
/// compound or abbreviation the dictionary knows whole (`didn´t`, `sous-jacents`, `approx.`), and
/// the configured house words (`spelling: { words: [...] }`). Text tagged with a language alone
/// (`en`) may use any standard variety's spelling (`colour`, `color`). Without a Hunspell
/// dictionary for the language the rule is off, and the run says so once.
public struct SpellingUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "spelling.unknown",
        name: "Unknown word",
        summary: "A word the language's Hunspell dictionary does not know, with its suggestions; names, glossary terms, URLs, numbers, code and house words excepted.",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("The talks in Kyiv were ↓sucessful."),
            RuleExample("Die Gespräche waren ↓erfolgreih.", source: "The talks were successful.", from: "en", to: "de"),
            RuleExample("Переговоры были ↓успешнымы.", source: "The talks were successful.", from: "en", to: "ru"),
            RuleExample("A ↓sucessful-looking plan."),
        ],
        nonTriggeringExamples: [
            RuleExample("The talks in Kyiv were successful."),
            RuleExample("Zelenskyy met the NATO envoy; see https://nato.int/news_2024 or mail press@nato.int."),
            RuleExample("Call parseJson() on item_count, then v2beta."),
            RuleExample("They didn´t know the pre-existing rules, approx. ten of them, i.e. most; see vk.com or strategy.pdf."),
            RuleExample("Die Gespräche mit Selenskyj waren erfolgreich.", source: "The talks with Zelenskyy were successful.",
                        from: "en", to: "de"),
            RuleExample("Переговоры с Зеленским были успешными.", source: "The talks with Zelenskyy were successful.",
                        from: "en", to: "ru"),
            RuleExample("The talks, said the mayor of Kyiv, went well.", source: "Die Gespräche, sagte der Bürgermeister von Kyjiw, verliefen gut.",
                        from: "de", to: "en"),
        ]
    )

    /// Suggestions shown in the message.
    static let suggestionCount = 3

    /// Which words are judged.
    public struct Options: RuleOptions {
        public var minLength = 2

        public init() {}

        public static let options: [RuleOption<Options>] = [
            .integer("min_length", \.minLength, in: 1...100,
                     summary: "words shorter than this many UTF-16 units are not judged"),
        ]
    }

    public let options: Options

    public init() { options = Options() }
    public init(options: Options) { self.options = options }

    public func findings(in context: CheckContext) -> [RuleFinding] {
        let language = context.index.targetLanguage
        // The dictionary inflected glossary matching loaded (with the glossary's names) if there is
        // one: the same file, loaded once. Without a dictionary the rule is off, and
        // `Checker.resourceNotices` says so once per run.
        guard let hunspell = context.index.hunspellWithTerms ?? context.lexicon?.hunspell(context.targetLanguageTag) else { return [] }
        let document = context.document
        // The words glossary matching read, split by the same segmenter (same locale, same text);
        // otherwise the text is split here: ICU's words, ASCII stretches split by the same rules
        // without ICU (`WordSegmenter`).
        let words: WordSpans
        if let given = context.targetWords {
            words = given
        } else {
            do {
                words = try WordSegmenter(locale: language).words(in: document)
            } catch {
                return [.failure(of: Self.description, error)]
            }
        }
        // A unit's ICU MessageFormat selectors are syntax (`few {`; `few{` also touches code).
        let messageFormat = context.bilingual?.units == nil ? [] : StringText.messageFormatSyntax(in: document, settings: context.strings)
        var excluded = ExcludedRanges(Self.excludedRanges(in: document.utf16)
            + context.glossaryMatches.map(\.range) + messageFormat)
        let sourceWords = context.documentSourceWords ?? context.bilingual.map { Self.foldedWords(of: $0.source.text) } ?? []
        let languageName = LexicalLanguages.name(LexicalLanguages.primary(language))
        // Text tagged `en` may be spelled as any standard variety (`colour`, `color`); `en-US` only
        // as American English.
        let tagParts = context.targetLanguageTag.split(whereSeparator: { $0 == "-" || $0 == "_" })
        let anyVariety = !(tagParts.count > 1 && tagParts[1].count == 2)
        var varieties: [HunspellDictionary]?
        func isKnown(_ candidate: String) -> Bool {
            if hunspell.spell(candidate) { return true }
            guard anyVariety else { return false }
            if varieties == nil {
                varieties = (context.lexicon?.hunspellVarieties(language) ?? []).filter { $0.dictionaryPath != hunspell.dictionaryPath }
            }
            return varieties?.contains { $0.spell(candidate) } ?? false
        }
        var findings: [RuleFinding] = []
        var unknownForms: [String: Bool] = [:]
        // The verdicts of `unknownForms` for ASCII words, keyed by code units: no string and no
        // SipHash per word (a string per word and its dictionary look-up were most of the rule's
        // time on English text). Each entry copies the dictionary's, which never changes once set.
        var asciiMemo = ASCIIWordMemo(capacity: 1024)
        var suggestionsByForm: [String: [String]] = [:]
        // One loop over the list, not a closure per word: the verdict below writes to this
        // function's variables, and a closure handed on as a value had each write checked for
        // exclusive access at run time.
        document.utf16.withUnsafeBufferPointer { utf16 in
            for number in 0..<words.count {
                let span = words[number]
                let start = span.start, end = span.end, kind = span.kind
                guard kind == .letter, end - start >= options.minLength else { continue }
                let range = start..<end
                guard !excluded.overlaps(range),
                      !Self.touchesCode(utf16, range) else { continue }
                // An ASCII word that does not start with a lower-case letter is not judged
                // (`isJudged`), and needs no string.
                if utf16[start] < 0x80, !(0x61...0x7A).contains(utf16[start]) { continue }
                let units = UnsafeBufferPointer(rebasing: utf16[range])
                // An ASCII word's verdict, once made below, is read off its code units.
                let asciiHash = ASCIIWordMemo.hash(units)
                let remembered = asciiHash.flatMap { asciiMemo.value(of: units, hash: $0) }
                if remembered == false { continue }
                let word = document.text(in: range)
                // The verdict on the word alone is remembered per form: Hunspell's spell and
                // suggest are most of the rule's time. Only the joined forms depend on where it is.
                let unknown: Bool
                if let remembered {
                    unknown = remembered
                } else if let cached = unknownForms[word] {
                    unknown = cached
                    if let asciiHash { asciiMemo.insert(units, hash: asciiHash, value: cached) }
                } else {
                    unknown = Self.isJudged(word) && {
                        let folded = CaseMapping.fold(word)
                        guard !context.spellingWords.contains(folded), !sourceWords.contains(folded) else { return false }
                        let plainApostrophe = word.replacingOccurrences(of: "’", with: "'")
                        return !(isKnown(word) || (plainApostrophe != word && isKnown(plainApostrophe))
                            || Self.isClosedCompound(word, hunspell: hunspell) || context.index.containsToken(word))
                    }()
                    unknownForms[word] = unknown
                    if let asciiHash { asciiMemo.insert(units, hash: asciiHash, value: unknown) }
                }
                guard unknown else { continue }
                // The word is part of a longer written unit the dictionary knows: a contraction
                // across an apostrophe-like mark (`didn´t`, tokenized `didn 't`), a hyphenated
                // compound (`sous-jacents`, `pre-existing` or closed `preexisting`), an
                // abbreviation with its period (`approx.`).
                if Self.joinedForms(of: range, in: utf16).contains(where: isKnown) { continue }
                let suggestions: [String]
                if let cached = suggestionsByForm[word] {
                    suggestions = cached
                } else {
                    suggestions = Array(hunspell.suggest(word).prefix(Self.suggestionCount))
                    suggestionsByForm[word] = suggestions
                }
                var message = "“\(word)” is not in the \(languageName) dictionary"
                if !suggestions.isEmpty {
                    message += "; did you mean " + suggestions.map { "“\($0)”" }.joined(separator: ", ") + "?"
                }
                findings.append(RuleFinding(range: range, message: message, suggestion: suggestions.first))
            }
        }
        return findings
    }

    /// Parts each of this many letters or more make a closed compound.
    static let minimumCompoundPart = 4

    /// Two known words written as one (`videoconferences`): dictionaries lag behind closed
    /// compounds, in English as much as in German. A run-on pair of words (`thenext`) passes too;
    /// that is the price of not flagging correct compounds.
    static func isClosedCompound(_ word: String, hunspell: HunspellDictionary) -> Bool {
        let characters = Array(word)
        guard characters.count >= 2 * minimumCompoundPart else { return false }
        for split in minimumCompoundPart...(characters.count - minimumCompoundPart) {
            if hunspell.spell(String(characters[..<split])), hunspell.spell(String(characters[split...])) { return true }
        }
        return false
    }

    /// Lower-case initial, letters (and word-internal apostrophes, hyphens, periods) only, no inner
    /// capital (`parseJson`).
    static func isJudged(_ word: String) -> Bool {
        guard let first = word.first, first.isLetter, first.isLowercase else { return false }
        var sawLower = false
        for character in word {
            if character.isUppercase, sawLower { return false }
            if character.isLowercase { sawLower = true }
            if character.isNumber || character == "_" { return false }
            // A period inside (`vk.com`, `strategy.pdf`, `i.e`): a domain, a file or an abbreviation.
            if character == "." { return false }
            if !character.isLetter, !"'’-·\u{00AD}".contains(character), !character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                return false
            }
        }
        return true
    }

    /// The characters that make a neighbouring word code: `_/\@#=<>{}` `` ` `` `$%&|~^`.
    static let code: Set<UInt16> = Set("_/\\@#=<>{}`$%&|~^".utf16)
    /// `code` as two 64-bit masks over ASCII, written as literals: a mask computed from the set is
    /// a lazily made global, and the check that it was made (`swift_once`) ran for every word
    /// (1.6 % of a target-only check). `codeMasksAreTheCodeSet` checks them against `code`.
    static let codeMaskLow: UInt64 = 0x7000_8078_0000_0000
    static let codeMaskHigh: UInt64 = 0x7800_0001_D000_0001

    @inline(__always)
    static func isCode(_ unit: UInt16) -> Bool {
        if unit < 64 { return codeMaskLow & (1 << UInt64(unit)) != 0 }
        if unit < 128 { return codeMaskHigh & (1 << UInt64(unit - 64)) != 0 }
        return false
    }

    /// Marks that stand for an apostrophe in contractions: `'`, `’`, `‘`, `´`, `` ` ``, `ʼ`.
    static let apostrophes: Set<UInt16> = [0x27, 0x2019, 0x2018, 0xB4, 0x60, 0x2BC]
    /// Hyphens that join a compound: `-` and U+2010.
    static let hyphens: Set<UInt16> = [0x2D, 0x2010]

    /// The longer units a word may be part of, to be looked up whole: with the letters across an
    /// apostrophe-like mark on either side (one space allowed on each side of the mark, as in
    /// tokenized text), with the letters across a hyphen on either side (hyphenated and closed),
    /// and with a following period.
    static func joinedForms(of range: Range<Int>, in utf16: UnsafeBufferPointer<UInt16>) -> [String] {
        func isLetter(_ unit: UInt16) -> Bool { Unicode.Scalar(unit)?.properties.isAlphabetic ?? false }
        func text(_ bounds: Range<Int>) -> String { String(decoding: utf16[bounds], as: Unicode.UTF16.self) }
        let word = text(range)
        var forms: [String] = []
        // After the word: [space] mark [space] letters.
        var cursor = range.upperBound
        if cursor < utf16.count, utf16[cursor] == 0x20 { cursor += 1 }
        if cursor < utf16.count, apostrophes.contains(utf16[cursor]) {
            var start = cursor + 1
            if start < utf16.count, utf16[start] == 0x20 { start += 1 }
            var end = start
            while end < utf16.count, isLetter(utf16[end]) { end += 1 }
            if end > start { forms.append(word + "'" + text(start..<end)) }
        }
        // Before the word: letters [space] mark [space].
        cursor = range.lowerBound - 1
        if cursor >= 0, utf16[cursor] == 0x20 { cursor -= 1 }
        if cursor >= 0, apostrophes.contains(utf16[cursor]) {
            var end = cursor
            if end > 0, utf16[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > 0, isLetter(utf16[start - 1]) { start -= 1 }
            if end > start { forms.append(text(start..<end) + "'" + word) }
        }
        // Hyphenated: the letters across a hyphen right after or right before the word.
        if range.upperBound + 1 < utf16.count, hyphens.contains(utf16[range.upperBound]), isLetter(utf16[range.upperBound + 1]) {
            var end = range.upperBound + 1
            while end < utf16.count, isLetter(utf16[end]) { end += 1 }
            let next = text((range.upperBound + 1)..<end)
            forms += [word + "-" + next, word + next]
        }
        if range.lowerBound >= 2, hyphens.contains(utf16[range.lowerBound - 1]), isLetter(utf16[range.lowerBound - 2]) {
            var start = range.lowerBound - 1
            while start > 0, isLetter(utf16[start - 1]) { start -= 1 }
            let previous = text(start..<(range.lowerBound - 1))
            forms += [previous + "-" + word, previous + word]
        }
        if range.upperBound < utf16.count, utf16[range.upperBound] == 0x2E { forms.append(word + ".") }
        return forms
    }

    /// A word joined to code-like neighbours: `_`, `/`, `\`, `@`, `#`, `=`, `<`, `>`, `{`, `}`, `` ` ``,
    /// a `.` followed by a letter (file names, `v2.beta`), or `(` right after it (a call).
    static func touchesCode(_ utf16: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        if range.lowerBound > 0, isCode(utf16[range.lowerBound - 1]) { return true }
        if range.upperBound < utf16.count {
            let next = utf16[range.upperBound]
            if isCode(next) || next == 0x28 { return true }
            if next == 0x2E, range.upperBound + 1 < utf16.count, isAlphabetic(utf16[range.upperBound + 1]) { return true }
        }
        if range.lowerBound > 0, utf16[range.lowerBound - 1] == 0x2E, range.lowerBound > 1,
           isAlphabetic(utf16[range.lowerBound - 2]) { return true }
        return false
    }

    /// `Unicode.Scalar(unit)?.properties.isAlphabetic`, answered for ASCII without the property
    /// table (every sentence-final word has a `.` after it): the ASCII letters are the only
    /// Alphabetic ASCII characters.
    @inline(__always)
    static func isAlphabetic(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return (unit | 0x20) &- 0x61 < 26 }
        return Unicode.Scalar(unit)?.properties.isAlphabetic ?? false
    }

    /// URLs and e-mail addresses: whitespace-delimited runs with `://`, a `www.` start or an `@`
    /// between letters.
    ///
    /// Only a token with a `:` or an `@`, or one that starts with `www.` in any case, can pass the
    /// test (no scalar but `W` and `w` lowercases to `w`, none but `.` to `.`), so the text is
    /// searched for those marks (`UnitScan`, many units a step) and only the tokens around them
    /// are read: token by token, the scan was a twentieth of a target-only check.
    static func excludedRanges(in utf16: [UInt16]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        @inline(__always) func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0xA0 }
        @inline(__always) func isW(_ unit: UInt16) -> Bool { unit | 0x20 == 0x77 }
        utf16.withUnsafeBufferPointer { units in
            var position = 0
            while true {
                let mark = UnitScan.firstIndex(in: units, from: position, ofAny: 0x3A, 0x40, 0x2E)
                guard mark < units.count else { break }
                // A `.` counts only as the end of a token's leading `www`.
                if units[mark] == 0x2E {
                    guard mark >= 3, isW(units[mark - 1]), isW(units[mark - 2]), isW(units[mark - 3]),
                          mark == 3 || isSpace(units[mark - 4]) else {
                        position = mark + 1
                        continue
                    }
                }
                // The token around the mark; the tokens before it have been read (a token with a
                // mark is read whole, and the search goes on after it).
                var start = mark
                while start > 0, !isSpace(units[start - 1]) { start -= 1 }
                var end = mark + 1
                while end < units.count, !isSpace(units[end]) { end += 1 }
                let token = utf16[start..<end]
                if let isLink = asciiLinkToken(token) {
                    if isLink { ranges.append(start..<end) }
                } else {
                    let text = String(decoding: token, as: Unicode.UTF16.self)
                    if text.contains("://") || text.lowercased().hasPrefix("www.") || text.dropFirst().dropLast().contains("@") {
                        ranges.append(start..<end)
                    }
                }
                position = end
            }
        }
        return ranges
    }

    /// The test of `excludedRanges` on an ASCII token, read off its code units (one character per
    /// unit, so `contains`, `lowercased` and `dropFirst` of the string mean the same on the units):
    /// most English tokens that start with `w` need no string. `nil` for a token with non-ASCII
    /// units, which the string test decides.
    static func asciiLinkToken(_ token: ArraySlice<UInt16>) -> Bool? {
        var hasScheme = false
        var innerAt = false
        var index = token.startIndex
        while index < token.endIndex {
            let unit = token[index]
            if unit >= 0x80 { return nil }
            if unit == 0x3A, index + 2 < token.endIndex, token[index + 1] == 0x2F, token[index + 2] == 0x2F { hasScheme = true }
            if unit == 0x40, index > token.startIndex, index < token.endIndex - 1 { innerAt = true }
            index += 1
        }
        if hasScheme || innerAt { return true }
        guard token.count >= 4 else { return false }
        let first = token.startIndex
        return token[first] | 0x20 == 0x77 && token[first + 1] | 0x20 == 0x77 && token[first + 2] | 0x20 == 0x77 && token[first + 3] == 0x2E
    }

    /// The source's words, case-folded: its characters split at every character that is not a
    /// letter, an apostrophe or a hyphen (`foldedWordsByCharacter`).
    ///
    /// Read off the UTF-8 bytes where the text is ASCII (the source words of a whole file are read
    /// for every check of a bilingual file, and character by character they took a tenth of a
    /// second per 20,000 units). An ASCII separator byte with ASCII on both sides is a character of
    /// its own (no grapheme joins two ASCII scalars but CR LF, both separators, and an ASCII scalar
    /// is no prepended mark), so the text splits there as it does by characters; a stretch
    /// between such bytes that is all ASCII is a word of ASCII letters, apostrophes and hyphens,
    /// folded by lower-casing A–Z (all that default case folding changes in ASCII); any other
    /// stretch is split by characters.
    public static func foldedWords(of text: String) -> Set<String> {
        var text = text
        var reader = FoldedWordsReader()
        text.withUTF8 { bytes in
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else {
                    reader.ascii = false
                    continue
                }
                let isWordByte = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x27 || byte == 0x2D
                guard !isWordByte, index == 0 || bytes[index - 1] < 0x80, index + 1 == bytes.count || bytes[index + 1] < 0x80
                else { continue }
                reader.take(bytes, to: index)
                reader.start = index + 1
                reader.ascii = true
            }
            reader.take(bytes, to: bytes.count)
        }
        return reader.words
    }

    /// `foldedWords`' state from stretch to stretch: a value with a mutating method, not variables
    /// a nested function captures, whose every write was checked for exclusive access at run time
    /// (a tenth of the function's time).
    private struct FoldedWordsReader {
        var words = Set<String>()
        // The stretches met so far, by their bytes: a file's source repeats its words, and the
        // same stretch gives the same words. Strings made, folded (by ICU, beyond ASCII) and hashed
        // into the set for every word of a German source were most of the time.
        var seen = ASCIITokenMemo<Bool>(capacity: 1024)
        var key: [UInt16] = []
        var start = 0
        var ascii = true

        mutating func take(_ bytes: UnsafeBufferPointer<UInt8>, to end: Int) {
            guard end > start else { return }
            let stretch = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // Long stretches (a run of Cyrillic words with no ASCII split point) seldom come
            // back whole, and are read without the memo.
            if stretch.count <= SpellingUnknownRule.rememberedStretch {
                key.removeAll(keepingCapacity: true)
                for byte in stretch { key.append(UInt16(byte)) }
                let isNew = key.withUnsafeBufferPointer { units in
                    let hash = ASCIITokenMemo<Bool>.hash(anyUnits: units)
                    guard seen.value(of: units, hash: hash) == nil else { return false }
                    seen.insert(units, hash: hash, value: true)
                    return true
                }
                guard isNew else { return }
            }
            if ascii {
                words.insert(String(unsafeUninitializedCapacity: stretch.count) { buffer in
                    for (offset, byte) in stretch.enumerated() { buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                    return stretch.count
                })
            } else {
                SpellingUnknownRule.insertFoldedWordsByCharacter(of: String(decoding: stretch, as: UTF8.self), into: &words)
            }
        }
    }

    /// The longest stretch of bytes `foldedWords` remembers.
    static let rememberedStretch = 48

    /// `foldedWords` character by character.
    static func foldedWordsByCharacter(of text: String) -> Set<String> {
        var words = Set<String>()
        insertFoldedWordsByCharacter(of: text, into: &words)
        return words
    }

    /// `foldedWordsByCharacter` inserted into `words`: `foldedWords` meets a stretch of this kind
    /// at nearly every word of a language with letters beyond ASCII, and a set made for each and
    /// joined to the rest was a quarter of its time.
    static func insertFoldedWordsByCharacter(of text: String, into words: inout Set<String>) {
        // As `text.split { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }` splits, scalar by
        // scalar where each scalar is a character of its own (`CueLexicon.words`).
        for word in CueLexicon.words(inLowercased: text, joiningHyphens: true) { words.insert(CaseMapping.fold(String(word))) }
    }
}

/// ASCII words (as UTF-16 code units) and their verdict.
typealias ASCIIWordMemo = ASCIITokenMemo<Bool>

/// Ranges a word must not overlap, asked about words in text order. One pass over the ranges
/// sorted by start answers all words: a scan of every range per word made a long line with many
/// glossary matches quadratic (20,000 matches on one 320 KB HTML line took minutes).
struct ExcludedRanges {
    private let ranges: [Range<Int>]
    private var next = 0
    /// The largest end among the ranges that start before the last word's end.
    private var reach = Int.min

    init(_ ranges: [Range<Int>]) {
        self.ranges = ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether `range` overlaps one of the ranges; `range` must not end before the one asked before.
    mutating func overlaps(_ range: Range<Int>) -> Bool {
        while next < ranges.count, ranges[next].lowerBound < range.upperBound {
            reach = max(reach, ranges[next].upperBound)
            next += 1
        }
        // Every range counted in `reach` starts before `range` ends; one that also ends after
        // `range` starts overlaps it.
        return !range.isEmpty && reach > range.lowerBound
    }
}

