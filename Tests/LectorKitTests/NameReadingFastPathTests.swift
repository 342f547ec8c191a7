import Foundation
import LectorGlossary
import LectorICU
import LectorKit
import LectorLexicon
@testable import LectorRules
import LectorText
import LectorTestSupport
import Testing

/// How `names.missing` and `names.replaced` read a word's case off its UTF-16 units in one pass
/// (`NamesMissingRule.WordCase`), and `names.missing` on German without sentence segmentation.
@Suite struct NameReadingFastPathTests {
    static let words = ["Peskow", "peskow", "NATO", "Nato", "КоАП", "ЦАХАЛа", "Дм", "iPhone", "McDonald", "ÖlPreis", "Ölpreis",
                        "ß", "Straße", "STRASSE", "Ǆemal", "ǅemal", "𝐀bc", "𝐀𝐁c", "A𝐁c", "Ab😀", "😀Ab", "Kiew’s", "A", "Ab", "ABc", ""]

    /// The pass over units answers as the pass over the decoded word's scalars, surrogate
    /// pairs (`𝐀`, a capital outside the Basic Multilingual Plane) included.
    @Test func unitsGiveTheCaseOfTheScalars() {
        for word in Self.words {
            let units = Array(word.utf16)
            let fromUnits = units.withUnsafeBufferPointer { NamesMissingRule.WordCase(units: $0) }
            let fromScalars = NamesMissingRule.WordCase(word.unicodeScalars)
            #expect(fromUnits.mayBeName == fromScalars.mayBeName, "\(word)")
            // The reading it replaced: a capital first, some lower case, at most one capital after it.
            let scalars = Array(word.unicodeScalars)
            let expected = !scalars.isEmpty && scalars[0].properties.isUppercase && scalars.contains { $0.properties.isLowercase }
                && scalars.dropFirst().filter { $0.properties.isUppercase }.count < 2
            #expect(fromUnits.mayBeName == expected, "\(word)")
        }
    }

    /// `names.replaced`'s test on a word's range answers as the one on its decoded text.
    @Test func capitalizedInsideOnUnitsIsTheSame() {
        let text = "Gestern sagte Peskow. Moskau NATO Nato ЦАХАЛа Ölpreis 𝐀bc Ab 😀Ab: Kiew’s «Trump» und Dr. Merz"
        let utf16 = Array(text.utf16)
        var start = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "." || $0 == ":" || $0 == "«" || $0 == "»" }) {
            let offset = text.utf16.distance(from: text.utf16.startIndex, to: word.startIndex.samePosition(in: text.utf16)!)
            let range = offset..<(offset + word.utf16.count)
            #expect(NamesReplacedRule.isCapitalizedInside(range, of: utf16)
                    == NamesReplacedRule.isCapitalizedInside(String(word), at: offset, of: utf16), "\(word)")
            start = range.upperBound
        }
        #expect(start == utf16.count)
    }

    /// German capitalizes its nouns, so a name's verdict is the same at the start of a sentence
    /// as inside it: names opening a sentence, after a quotation mark and after an abbreviation's
    /// period are all read (those the translation lacks reported, in order), as before the
    /// sentences went unsegmented.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func germanNamesAtSentenceStartsAfterQuotesAndAbbreviations() throws {
        // `Drosten`, `Spahn`, `Merz`, `Scholz`, `Habeck` open sentences, `Tichanowski` a
        // quotation, `Wieler` follows `Dr.`; names the house glossary has (`Peskow`) are its.
        let source = "Drosten sagte am Montag, Lauterbach sei angereist. „Tichanowski kommt“, sagte Dr. Wieler am Abend. "
            + "Spahn traf Blinken in Kiew. Merz? Scholz! Habeck schwieg."
        let checker = Fixtures.bilingualChecker(from: "de", to: "en")
        func missing(_ target: String) -> [String] {
            checker.check(SourceDocument(path: "t.en.txt", text: target), source: SourceDocument(path: "s.de.txt", text: source))
                .filter { $0.ruleID == "names.missing" }.map(\.message)
                .compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
        }
        let without = "He said on Monday that he had arrived. \"He is coming\", the doctor said in the evening. "
            + "The minister met the minister in Kyiv. He? He! He was silent."
        #expect(missing(without) == ["Drosten", "Tichanowski", "Wieler", "Spahn", "Merz", "Scholz", "Habeck"])
        let with = "Drosten said on Monday that Lauterbach had arrived. \"Tikhanovsky is coming\", Dr Wieler said in the evening. "
            + "Spahn met Blinken in Kyiv. Merz? Scholz! Habeck was silent."
        #expect(missing(with).isEmpty)
    }

    /// An initial joined to a name by its period (`Дм.Гордон`) leaves the name; a lower-case
    /// word before the period (`дм.Песков`) is read as the word it starts, and is none.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func nameAfterAnInitialsPeriod() throws {
        let checker = Fixtures.bilingualChecker(from: "ru", to: "en")
        let findings = checker.check(SourceDocument(path: "t.en.txt", text: "Yesterday he spoke in parliament. Then he came."),
                                     source: SourceDocument(path: "s.ru.txt", text: "Вчера Дм.Гордон выступил в парламенте. Затем пришёл дм.Песков."))
            .filter { $0.ruleID == "names.missing" }
        #expect(findings.map(\.message) == ["the name `Гордон` in the source has no counterpart in this sentence"])
    }
    /// Real text in several scripts: the seed articles (German, English), and when the shared
    /// data is beside the repository, Russian sources with their English translations (MLQE-PE)
    /// and French references with elided articles (`l' un`, WMT terminology); and a line of
    /// elisions, possessives, capitals outside ASCII and surrogate pairs.
    static func realTexts() throws -> [(language: String, lines: [String])] {
        func lines(_ path: String) throws -> [String] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        var texts: [(language: String, lines: [String])] = [
            ("de", try lines(Fixtures.seedSourcePath)), ("en", try lines(Fixtures.seedArticlePath)),
            ("fr", ["Des rapports d'Italie, de l’Amérique et dell'Italia : d'après Ölpreis, I'm Trump's 😀Ab 𝐀bc L'Élysée l'ÉTAT ß",
                    "Шойгу и Песков прибыли в Москву. „Tichanowski kommt“, sagte Dr. Wieler — Kyiv’s mayor 🇺🇦 met NATO."]),
        ]
        if OptionalResource.sharedData {
            let mlqe = try lines(Fixtures.path("../shared/data/mlqe-pe/ru-en/dev.tsv")).dropFirst().prefix(400).map { $0.split(separator: "\t") }
            texts.append(("ru", mlqe.compactMap { $0.count > 1 ? String($0[1]) : nil }))
            texts.append(("en", mlqe.compactMap { $0.count > 2 ? String($0[2]) : nil }))
            let terms = try lines(Fixtures.path("../shared/data/terminology/wmt21-en-fr-dev/dev.tsv")).dropFirst().prefix(400)
            texts.append(("fr", terms.compactMap { line in line.split(separator: "\t").dropFirst(2).first.map(String.init) }))
        }
        return texts
    }

    /// A pair's units are copied from its document instead of encoded from its text: the same
    /// units for every sentence of real text and for ranges that start and end anywhere, in the
    /// middle of a surrogate pair too (whose text has U+FFFD there).
    @Test func pairUnitsAreTheEncodedText() throws {
        var ranges = 0, cut = 0
        for (language, lines) in try Self.realTexts() {
            let document = SourceDocument(path: "t.\(language).txt", text: lines.joined(separator: "\n"))
            let sentences = try TextSegmenter(.sentence, locale: language)
            var all: [Range<Int>] = []
            document.utf16.withUnsafeBufferPointer { units in sentences.forEachSegment(in: units) { all.append($0.start..<$0.end) } }
            for start in stride(from: 0, to: document.utf16.count, by: 5) {
                for length in [0, 1, 2, 3, 17, 60] where start + length <= document.utf16.count { all.append(start..<(start + length)) }
            }
            for range in all {
                let text = document.text(in: range)
                if text.unicodeScalars.contains("\u{FFFD}") { cut += 1 }
                let units = SentencePairContext.units(of: document, in: range, text: text)
                if units != LectorICU.UTF16.encode(text) { Issue.record("units of \(range) in the \(language) text: \(text)") }
                ranges += 1
            }
        }
        #expect(ranges > 5_000 && cut > 0)
    }

    /// Letter segments of each line by the language's word segmenter.
    static func wordSegments(of line: String, language: String) throws -> PairWordSegments {
        let units = LectorICU.UTF16.encode(line)
        var segments: [Segment] = []
        let words = try TextSegmenter(.word, locale: language)
        units.withUnsafeBufferPointer { buffer in words.forEachSegment(in: buffer) { segments.append($0) } }
        return PairWordSegments(units: units, segments: segments)
    }

    /// `names.missing` reads the translation's capitalized words first, passing over words that
    /// start with an ASCII lower-case letter on their units: the same words, keys and Latin
    /// spellings as the keys of every word list, with the memo (which finds a word it has by
    /// its units) and without.
    @Test func capitalizedTargetKeysAreThoseOfAllKeys() throws {
        let latin = try Transliterator(id: "Any-Latin; Latin-ASCII; [:Zs:] Remove")
        let memo = NamesMissingRule.TargetKeyMemo()
        var names = 0, lines = 0
        for (language, text) in try Self.realTexts() {
            for line in text {
                let words = try Self.wordSegments(of: line, language: language)
                let all = NamesMissingRule.TargetKeys(words, latin: latin)
                for capitalized in [NamesMissingRule.TargetKeys(capitalizedOf: words, latin: latin),
                                    NamesMissingRule.TargetKeys(capitalizedOf: words, latin: latin, memo: memo)] {
                    if capitalized.capitalized != all.capitalized || capitalized.capitalizedWords != all.capitalizedWords
                        || capitalized.capitalizedLatin != all.capitalizedLatin {
                        Issue.record("capitalized words of \(line): \(capitalized.capitalizedWords), not \(all.capitalizedWords)")
                    }
                }
                // Every word's entry through the memo (by its units, once it has them): the same keys.
                let memoized = NamesMissingRule.TargetKeys(words, latin: latin, memo: memo)
                if memoized.all != all.all || memoized.sounds != all.sounds || memoized.lowercase != all.lowercase
                    || memoized.capitalized != all.capitalized || memoized.capitalizedWords != all.capitalizedWords
                    || memoized.capitalizedLatin != all.capitalizedLatin {
                    Issue.record("keys of \(line) through the memo differ")
                }
                names += all.capitalized.count
                lines += 1
            }
        }
        #expect(lines > 100 && names > lines)
    }

    /// `names.replaced` asks whether a translation's key is close to a source word's keys on
    /// each word's entry in place, reading the words only as far as one is close: the same answer
    /// as on all the words' keys in one array, asked of a fresh reading and of one read part of
    /// the way by earlier questions; and that array (`all`, made when needed) lists them in the
    /// words' order.
    @Test func sourceKeysAnswerAsTheirJoinedKeys() throws {
        let latin = try Transliterator(id: "Any-Latin; Latin-ASCII; [:Zs:] Remove")
        let texts = try Self.realTexts()
        var asked = 0, close = 0
        for (sourceIndex, (language, sourceLines)) in texts.enumerated() {
            let inflection = InflectionRules.forLanguage(language)
            let targetLines = texts[(sourceIndex + 1) % texts.count].lines
            // Entries found by the words' units once the memo has them.
            let memo = SourceWordMemo()
            func entry(_ word: String) -> SourceWordMemo.Entry {
                SourceWordMemo.Entry(
                    keys: NamesMissingRule.keys(of: word, inflection: inflection, latin: latin),
                    adjectiveKeys: NameCorrespondence.adjectiveStem(word).map { NamesMissingRule.keys(of: $0, inflection: .none, latin: latin) } ?? [],
                    codes: [], sounds: [])
            }
            for (index, line) in sourceLines.enumerated() {
                let words = try Self.wordSegments(of: line, language: language)
                let entries = words.segments.filter { [.letter, .ideographic, .kana].contains($0.kind) }.map(words.text(of:)).map { word in
                    (entry: entry(word), isCapitalized: word.unicodeScalars.first?.properties.isUppercase ?? false)
                }
                let joined = entries.flatMap { $0.entry.keys + $0.entry.adjectiveKeys }
                #expect(NamesReplacedRule.SourceKeys(entries: entries).all == joined)
                let partly = NamesReplacedRule.SourceKeys(words, entry: entry)
                func memoized() -> NamesReplacedRule.SourceKeys {
                    NamesReplacedRule.SourceKeys(words, memo: memo) { word in memo.entry(word) { entry(word) } }
                }
                #expect(memoized().capitalization == entries.map(\.isCapitalized))
                #expect(memoized().all == joined)
                let other = targetLines.isEmpty ? "" : targetLines[index % targetLines.count]
                let keys = other.split(whereSeparator: { !$0.isLetter }).flatMap {
                    NamesMissingRule.keys(of: String($0), inflection: .none, latin: latin)
                } + joined.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
                for key in keys {
                    let expected = NamesMissingRule.isCloseEitherWay(key, toAnyOf: joined)
                    if NamesReplacedRule.SourceKeys(words, entry: entry).isCloseToSomeKey(key) != expected
                        || partly.isCloseToSomeKey(key) != expected || memoized().isCloseToSomeKey(key) != expected {
                        Issue.record("\(key) against \(line): not \(expected)")
                    }
                    asked += 1
                    if expected { close += 1 }
                }
                #expect(partly.all == joined)
                #expect(NamesReplacedRule.SourceKeys(words, entry: entry).all == joined)
            }
        }
        #expect(asked > 1_000 && close > 100 && close < asked)
    }

    /// `UTF16WordTable` answers as a dictionary keyed by the units: every word of the real texts
    /// (surrogate pairs included), values replaced, through its growth; a word not put in has no
    /// value, nor one canonically equivalent to a word put in but written with other units.
    @Test func wordTableAnswersAsADictionaryOfUnits() throws {
        var table = UTF16WordTable<Int>()
        var reference: [[UInt16]: Int] = [:]
        var words: [[UInt16]] = []
        for (_, lines) in try Self.realTexts() {
            for line in lines { words += line.split(separator: " ").map { Array($0.utf16) } }
        }
        words += [[], Array("Müller".utf16), Array("Mu\u{308}ller".utf16)]
        for (index, word) in words.enumerated() where index % 3 != 1 && word != Array("Mu\u{308}ller".utf16) {
            word.withUnsafeBufferPointer { table.insert(index, for: $0) }
            reference[word] = index
        }
        #expect(reference.count > 1_000 && table.count == reference.count)
        for word in words {
            let value = word.withUnsafeBufferPointer { table.value(of: $0) }
            if value != reference[word] { Issue.record("\(String(decoding: word, as: Unicode.UTF16.self)): \(String(describing: value))") }
        }
        #expect(Array("Mu\u{308}ller".utf16).withUnsafeBufferPointer { table.value(of: $0) } == nil)
    }

    /// `NamesMissingRule.names` of one line at a time in one language, without CLDR's places or
    /// a spelling dictionary, told the memo to read verdicts through.
    struct NameReader {
        let language: String
        let words: TextSegmenter
        let sentences: TextSegmenter
        let lexicon: FreeDictDictionary?
        let inflection: InflectionRules

        init(_ language: String) throws {
            self.language = language
            words = try TextSegmenter(.word, locale: language)
            sentences = try TextSegmenter(.sentence, locale: language)
            lexicon = Lexicon.headwords(of: language)
            inflection = InflectionRules.forLanguage(language)
        }

        func names(in line: String, memo: NamesMissingRule.OrdinaryWordMemo) -> [String] {
            let document = SourceDocument(path: "s.\(language).txt", text: line)
            return NamesMissingRule().names(in: 0..<document.utf16.count, of: document, words: words, sentences: sentences,
                                            lexicon: lexicon, spelling: nil, places: nil,
                                            inflection: inflection, excluding: [], memo: memo)
        }
    }

    /// `names.missing` reads a word's verdict by its units once it has one (`OrdinaryWordMemo`'s
    /// unit table): over real text read twice with one memo, the same names in every line as
    /// with a new memo for each line, which decides every word afresh.
    @Test func namesByUnitVerdictsAreThoseDecidedAfresh() throws {
        var names = 0, lines = 0
        for (language, text) in try Self.realTexts() {
            let reader = try NameReader(language)
            let shared = NamesMissingRule.OrdinaryWordMemo()
            for _ in 0..<2 {
                for line in text {
                    let expected = reader.names(in: line, memo: NamesMissingRule.OrdinaryWordMemo())
                    let found = reader.names(in: line, memo: shared)
                    if found != expected { Issue.record("\(language) \(line): \(found), not \(expected)") }
                    names += expected.count
                    lines += 1
                }
            }
        }
        #expect(lines > 200 && names > 50)
    }

    /// A mis-encoded piece of a word (`‰` for `ä`) is no name and leaves nothing in the memo: its
    /// verdict depends on how it is spelt (decomposed, the dictionaries do not know it), and the
    /// memo answers a later word by its text under canonical equivalence, so a verdict kept for
    /// `A\u{308}pfel‰x` would make the composed `Äpfel` of the next sentence a name.
    @Test func misencodedPiecesLeaveNoVerdict() throws {
        let reader = try NameReader("de")
        let shared = NamesMissingRule.OrdinaryWordMemo()
        for line in ["Wir haben A\u{308}pfel‰x gekauft.", "Wir haben Äpfel gekauft.", "Sie essen Äpfel und Birnen."] {
            let expected = reader.names(in: line, memo: NamesMissingRule.OrdinaryWordMemo())
            #expect(reader.names(in: line, memo: shared) == expected, "\(line)")
        }
    }

    /// `names.replaced` finds a capitalized word's facts by its units (`TargetNameMemo.facts(ofUnits:)`)
    /// as it found them by its text: two readings of de→en fed the same words in the same order,
    /// one through each path. The words: every capitalized word of WMT23's English references
    /// and of the seed article, each also with its diacritics decomposed (its text equal to the
    /// composed one, its units not), all of them twice.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func targetWordFactsByUnitsAreTheFactsByText() throws {
        let checker = Fixtures.bilingualChecker(from: "de", to: "en")
        let source = SourceDocument(path: "s.de.txt", text: "Text.")
        let bilingual = BilingualContext(source: source, sourceLanguage: "de", pairs: [], sourceIndex: try #require(checker.sourceIndex),
                                         sourceGlossaryMatches: [], inlineCodes: nil, isPairedByFile: false)
        let context = CheckContext(document: SourceDocument(path: "t.en.txt", text: "Text."), index: checker.index, glossaryMatches: [],
                                   bilingual: bilingual, lexicon: checker.lexicon)
        let byUnits = try #require(try NamesReplacedRule().prepare(for: context, bilingual: bilingual))
        let byText = try #require(try NamesReplacedRule().prepare(for: context, bilingual: bilingual))
        var texts = Fixtures.seedTexts
        if let text = try? String(contentsOfFile: Fixtures.path("../shared/data/terminology/wmt23-de-en/test.tsv"), encoding: .utf8) {
            texts += text.split(separator: "\n").dropFirst().prefix(2_000).map { String($0.split(separator: "\t")[2]) }
        }
        var words: [String] = ["Zürich", "Zu\u{308}rich", "Kyiv", "Kyiv's", "Trump’s", "I'm", "Germany", "German", "Berlin", "Ångström"]
        for text in texts {
            for word in text.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
            where word.first?.isUppercase == true {
                words.append(String(word))
                let decomposed = word.decomposedStringWithCanonicalMapping
                if !decomposed.utf16.elementsEqual(word.utf16) { words.append(decomposed) }
            }
        }
        func describe(_ facts: NamesReplacedRule.TargetWordFacts?) -> String {
            guard let facts else { return "nil" }
            return "\(facts.isKnownName) \(facts.isLanguage) \(facts.isPlaceOrLanguage) \(facts.keys) \(facts.sound ?? "-") \(facts.codes)"
        }
        var names = 0, decomposed = 0
        for word in words + words {
            let found = Array(word.utf16).withUnsafeBufferPointer { units in
                byUnits.targetWords.facts(ofUnits: units, word: { word }) { NamesReplacedRule.facts(of: $0, prepared: byUnits) }
            }
            let expected = byText.targetWords.facts(word) { NamesReplacedRule.facts(of: word, prepared: byText) }
            #expect(describe(found) == describe(expected), "\(word)")
            if expected?.isKnownName == true { names += 1 }
            if word.unicodeScalars.contains(where: { $0.properties.canonicalCombiningClass != .notReordered }) { decomposed += 1 }
        }
        #expect(words.count > 2_000 && names > 100 && decomposed >= 4)
    }
}
