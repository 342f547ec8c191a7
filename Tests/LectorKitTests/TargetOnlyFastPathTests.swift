import Foundation
@testable import LectorText
import LectorICU
import LectorFormats
import LectorGlossary
import LectorKit
import LectorTestSupport
@testable import LectorRules
import Testing

/// The shortcuts of the target-only pass answer what the code they stand in front of answers.
@Suite struct TargetOnlyFastPathTests {
    /// Lines of the seed articles and hand-made text around each shortcut's edge cases.
    static func texts() throws -> [String] {
        var texts = Fixtures.seedLines
        texts += [
            "see https://nato.int/news or www.kyiv.ua, WWW.Example.org and Www.x.y; mail press@nato.int, @handle, name@",
            "ftp://x mailto:a@b.c http:// ://x a://b wwwx www. ww.x w.w.w. w:// x:/ 10:30 @ a@ @a",
            "wait, when, where? we were working with www", "ÿwww.x wwẘ.x ẃww.x www․x www.ü", "Straße://x e\u{301}@x",
            "the the the talks", "The talks the talks the talks continue.", "ha ha ha", "1 1 1 1", "Ha HA ha",
            "the talks, the talks, the talks", "we 'll we 'll we 'll", "a b a b a b", "x y z x y z x y z w",
            "one two three four one two three four one two three four", "one two three four five one two three four five",
            "(quoted) [x] {y} “z” „w“ «v» ‘u’ don’t", "no marks at all here", "", "\u{201C}", "x)", "1) item",
            "e\u{301}te\u{301} Київ і Львів 東京で会議 👩‍👩‍👧 İstanbul ß a\u{00AD}b",
        ]
        return texts
    }

    /// Every whitespace-separated token of the texts and of their pairs joined without space.
    static func tokens() throws -> [String] {
        let texts = try texts()
        var tokens = texts.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
        tokens += zip(tokens, tokens.dropFirst()).map { $0 + $1 }
        return tokens
    }

    @Test func asciiLinkTokensAreTheStringTest() throws {
        var ascii = 0
        for token in try Self.tokens() {
            let units = Array(token.utf16)[...]
            let reference = token.contains("://") || token.lowercased().hasPrefix("www.") || token.dropFirst().dropLast().contains("@")
            guard let fast = SpellingUnknownRule.asciiLinkToken(units) else {
                #expect(units.contains { $0 >= 0x80 }, "\(token)")
                continue
            }
            ascii += 1
            #expect(fast == reference, "\(token)")
        }
        #expect(ascii > 1000)
    }

    /// The ASCII verdict map answers what a dictionary of the same words answers, through growth.
    @Test func asciiWordMemoIsADictionary() throws {
        var memo = ASCIIWordMemo()
        var reference: [String: Bool] = [:]
        let words = try Self.tokens() + (0..<5000).map { "w\($0 * 7919 % 10007)" }
        for (index, word) in words.enumerated() {
            let units = Array(word.utf16)
            units.withUnsafeBufferPointer { units in
                // No hash exactly for the tokens with a unit beyond ASCII (the hash reads four units a step).
                #expect((ASCIIWordMemo.hash(units) == nil) == units.contains { $0 >= 0x80 }, "\(word)")
                guard let hash = ASCIIWordMemo.hash(units) else {
                    #expect(units.contains { $0 >= 0x80 }, "\(word)")
                    return
                }
                #expect(memo.value(of: units, hash: hash) == reference[word], "\(word)")
                if reference[word] == nil {
                    reference[word] = index % 3 == 0
                    memo.insert(units, hash: hash, value: index % 3 == 0)
                }
                #expect(memo.value(of: units, hash: hash) == reference[word], "\(word)")
            }
        }
        #expect(reference.count > 5000)
    }

    /// The memo's comparison of four units a step is `==` of the units, at every length and
    /// wherever the first difference is.
    @Test func memoComparesUnitsAsArraysDo() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...13, using: &generator)
            let a = (0..<count).map { _ in UInt16.random(in: 0x61...0x63, using: &generator) }
            var b = a
            if count > 0, Bool.random(using: &generator) { b[Int.random(in: 0..<count, using: &generator)] ^= 0x100 }
            a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in
                    let same = count == 0 || ASCIIWordMemo.sameUnits(x.baseAddress!, y.baseAddress!, count: count)
                    #expect(same == (a == b), "\(a) \(b)")
                }
            }
        }
    }

    /// `mayLoop` may say yes where `loop` finds nothing (hashes of different words may collide, a
    /// repeated short word is no loop), never no where `loop` finds one.
    /// Without a source, a loop is reported on the loop, with every repetition counted and a short text.
    @Test func aLoopIsPlacedOnTheLoopCountedAndShort() throws {
        let checker = try Checker(CheckConfiguration(targetLanguage: "en"))
        let long = String(repeating: "word ", count: 3000)
        for (text, column, excerpt, count) in [("He said it was very very very good.\n", 16, "very very very", 3),
                                               ("He said it was very Very very very good.\n", 16, "very Very very", 4),
                                               (long + "\n", 1, "word word word", 3000)] {
            let findings = checker.check(SourceDocument(path: "t.en.txt", text: text)).filter { $0.ruleID == "garbled.sentence" }
            #expect(findings.count == 1, "\(text.prefix(40))")
            #expect(findings.first?.location.column == column)
            #expect(findings.first?.text == excerpt)
            #expect(findings.first?.message.contains("repeated \(count)× in a row") == true, "\(findings.first?.message ?? "")")
        }
    }

    @Test func loopPrefilterNeverMissesALoop() throws {
        var loops = 0
        var rejected = 0
        let texts = try Self.texts()
        for text in texts + texts.map({ $0 + " " + $0 + " " + $0 }) {
            let units = Array(text.utf16)
            let may = units.withUnsafeBufferPointer { GarbledConditions.mayLoop(ascii: $0) }
            let loop = GarbledConditions.loop(in: text, language: "en")
            if loop != nil { loops += 1 }
            guard let may else {
                #expect(units.contains { $0 >= 0x80 }, "\(text)")
                continue
            }
            if !may { rejected += 1 }
            #expect(may || loop == nil, "\(text)")
        }
        #expect(loops > 10)
        #expect(rejected > 20)
    }

    /// `hasRepeatedRun`, the prefilters' one comparison per item and length, answers as
    /// `repeatedRun` does on hashes: sequences over a small alphabet, so that runs of every length
    /// occur, near misses (two repeats, a break inside the third) too.
    @Test func repeatedRunTestIsTheSlicesComparison() {
        var random = SystemRandomNumberGenerator()
        var found = 0
        for _ in 0..<4000 {
            let count = Int.random(in: 0...16, using: &random)
            let alphabet = UInt64.random(in: 1...3, using: &random)
            let items = (0..<count).map { _ in UInt64.random(in: 0..<alphabet, using: &random) }
            let expected = GarbledConditions.repeatedRun(items, lengths: 1...4, minimumUnit: 1) != nil
            if expected { found += 1 }
            #expect(GarbledConditions.hasRepeatedRun(items, lengths: 1...4) == expected, "\(items)")
        }
        #expect(found > 100)
        #expect(GarbledConditions.hasRepeatedRun([1, 2, 1, 2, 1, 2], lengths: 1...4))
        #expect(!GarbledConditions.hasRepeatedRun([1, 2, 1, 2, 1, 3], lengths: 1...4))
    }

    /// A paragraph `mayLoop(paragraph:)` rules out has no sentence (ICU's) with a loop, also where
    /// sentences end without a space (`end.Then`, `3.5.Next`).
    @Test func paragraphPrefilterNeverMissesALoop() throws {
        let segmenter = try TextSegmenter(.sentence, locale: "en")
        let texts = try Self.texts()
        var paragraphs = texts
        for (index, text) in texts.enumerated() {
            let next = texts[(index + 7) % texts.count]
            paragraphs += [text + " " + next, text + "." + next, text + "?" + next + " " + next + "!" + next,
                           "talks.Talks.talks.Talks", "Stop.Stop.Stop. Go", "A.B.C.D. a b a b a b"]
        }
        var ruledOut = 0
        for paragraph in paragraphs {
            let units = Array(paragraph.utf16)
            guard units.withUnsafeBufferPointer({ GarbledConditions.mayLoop(paragraph: $0) }) == false else { continue }
            ruledOut += 1
            #expect(!paragraph.contains("'"))
            for sentence in segmenter.segments(of: paragraph) {
                #expect(GarbledConditions.loop(in: sentence.text, language: "en") == nil, "\(paragraph)")
            }
        }
        #expect(ruledOut > 20)
    }

    /// The ASCII answers of `CodeUnit.isLetter` and `SpellingUnknownRule.isAlphabetic` are the
    /// property table's, and so are the others (every BMP unit; surrogates as before).
    @Test func asciiLetterTestsAreThePropertyTable() {
        for value in 0...0xFFFF {
            let unit = UInt16(value)
            let scalar = Unicode.Scalar(unit)
            let alphabetic = scalar?.properties.isAlphabetic ?? false
            #expect(SpellingUnknownRule.isAlphabetic(unit) == alphabetic, "\(value)")
            let letter = (0xD800..<0xE000).contains(unit) || alphabetic
            #expect(CodeUnit.isLetter(unit) == letter, "\(value)")
        }
    }

    /// The matcher's memo of skeleton answers for ASCII tokens gives the matches of the matcher
    /// without it: capitalized words that come back, inflected or not, some of them skeletons of
    /// glossary names, and the seed articles.
    @Test func skeletonMemoGivesTheSameMatches() throws {
        var text = try Self.texts().joined(separator: "\n") + "\n"
        for _ in 0..<3 {
            text += "Kyjiw and Kiew, Kyiw or Kievs; Zelenskyj, Selenskyj, Zelenskij and Medinsky met Medinskiy in Mariupols. "
            text += "Odessa, Odesa, ODESA and Odesas: The Talks Said Kuleba, Peskov and Kharkov; KIEV Kievs Kiev's Kiyv.\n"
        }
        let document = SourceDocument(path: "text.txt", text: text)
        let index = Fixtures.englishChecker.index
        let memoized = try GlossaryMatcher(index: index)
        let plain = try GlossaryMatcher(index: index)
        plain.memoizesSkeletons = false
        func describe(_ match: GlossaryMatch) -> String {
            "\(match.range) \(match.suffixLength) \(match.conceptIndex) \(match.kind) \(match.key) \(match.hasInnerInflection) \(match.lemma ?? "")"
        }
        // Twice: the second call answers from the memo the first filled.
        for _ in 0..<2 {
            let found = memoized.matches(in: document).map(describe)
            #expect(found == plain.matches(in: document).map(describe))
        }
        let skeletons = memoized.matches(in: document).filter {
            if case .variant(_, .skeleton) = $0.kind { return true }
            return false
        }
        // Skeleton hits, met again in the later lines (answered from the memo there).
        #expect(skeletons.count >= 3)
    }

    /// The matcher's memos by code units of any script (skeletons of capitalized tokens, Hunspell's
    /// stems) give, sentence after sentence, what a fresh matcher without them finds in that
    /// sentence: German and Russian sources, names spelled with diacritics, umlauted nouns that
    /// come back.
    @Test func memosOfAnyScriptGiveTheSameMatches() throws {
        var cases: [(language: String, sentences: [String])] = []
        var german = try String(contentsOfFile: Fixtures.seedSourcePath, encoding: .utf8).split(separator: "\n").map(String.init)
        let names = "Kýjiw, Kyïv und Kijów; Zełenski, Zelenskýj, Medinskí und Mariupól. Die Gespräche über Getreideexporte in Lwiw, "
            + "Behörden, Höhe, Präsident Selenskyjs Berater und Außenminister Kuleba sprachen in Kyjiw."
        german += [names, names, "Über Kýjiws Zukunft und Zełenskis Reise: Gespräche, Gespräche."]
        let russian = ["Зеленский и Зеленского встретили Кулебу в Киеве и Киеве.", "Киевские власти, Мариуполь и Харьков; Зеленскому."]
        var russianData = russian
        let wmt = Fixtures.path("../shared/data/terminology/wmt23-de-en/test.tsv")
        if let text = try? String(contentsOfFile: wmt, encoding: .utf8) {
            german += text.split(separator: "\n").dropFirst().prefix(400).map { String($0.split(separator: "\t")[1]) }
        }
        let mlqe = Fixtures.path("../shared/data/mlqe-pe/ru-en/dev.tsv")
        if let text = try? String(contentsOfFile: mlqe, encoding: .utf8) {
            russianData += text.split(separator: "\n").dropFirst().prefix(400).map { String($0.split(separator: "\t")[1]) }
        }
        cases = [("de", german + german.prefix(50)), ("ru", russianData + russian)]
        func describe(_ match: GlossaryMatch) -> String {
            "\(match.range) \(match.suffixLength) \(match.conceptIndex) \(match.kind) \(match.key) \(match.hasInnerInflection) \(match.lemma ?? "")"
        }
        for (language, sentences) in cases {
            let index = try #require(Fixtures.bilingualChecker(from: language, to: "en").sourceIndex)
            let memoized = try GlossaryMatcher(index: index)
            var nonASCIISkeletons = 0
            var lemmas = 0
            for sentence in sentences {
                let document = SourceDocument(path: "text.txt", text: sentence)
                let plain = try GlossaryMatcher(index: index)
                plain.memoizesSkeletons = false
                let found = memoized.matches(in: document)
                #expect(found.map(describe) == plain.matches(in: document).map(describe), "\(language): \(sentence)")
                for match in found {
                    if case .variant(_, .skeleton) = match.kind, document.utf16[match.range].contains(where: { $0 >= 0x80 }) {
                        nonASCIISkeletons += 1
                    }
                    if match.lemma != nil || match.suffixLength > 0 { lemmas += 1 }
                }
            }
            // The memos' non-ASCII answers were asked for, and met again in later sentences.
            if language == "de" { #expect(nonASCIISkeletons >= 4, "\(language)") }
            #expect(lemmas >= 2, "\(language)")
        }
    }

    @Test func asciiDecodingIsTheSameString() throws {
        for text in try Self.texts() + Self.tokens() + [String(repeating: "abc ", count: 40), "\u{0}\u{7F}x"] {
            let units = Array(text.utf16)
            let decoded = units.withUnsafeBufferPointer { LectorICU.UTF16.decode($0) }
            #expect(decoded == String(decoding: units, as: Unicode.UTF16.self), "\(text)")
            #expect(decoded.utf8.elementsEqual(text.utf8), "\(text)")
        }
    }

    /// A line the scanner skips for want of a mark scans to nothing.
    @Test func linesWithoutMarksHaveNoQuoteIssues() throws {
        for language in ["en", "de", "fr", "ru", "ja"] {
            let scanner = try QuoteScanner(language: language)
            var skipped = 0
            for text in try Self.texts() {
                let units = Array(text.utf16)
                let hasMark = units.withUnsafeBufferPointer { scanner.containsMark($0) }
                let scan = scanner.scan(utf16: units)
                if !hasMark {
                    skipped += 1
                    #expect(scan.issues.isEmpty && scan.quotations.isEmpty, "\(language): \(text)")
                }
                for mark in ["(", ")", "[", "]", "{", "}", "“", "”", "„", "«", "»", "‘", "’", "「"] {
                    let withMark = Array((text + mark).utf16)
                    #expect(withMark.withUnsafeBufferPointer { scanner.containsMark($0) }, "\(mark)")
                }
            }
            #expect(skipped > 10)
        }
    }

    /// The link finder reads a token as bytes only when it has a `/`, `\`, `@`, `:` or `www.`:
    /// every link `protectedRanges` finds in a token has one.
    @Test func linkFinderSkipsOnlyTokensWithoutLinks() throws {
        for token in try Self.tokens() + ["docs/Kiev.md", "C:\\x", "~/a", "a.b.c", "x.pdf", "www.a", "WwW.b"]
        where !token.utf8.contains(where: { [9, 10, 11, 12, 13, 32].contains($0) }) {
            let found = !PlainText.protectedRanges(in: Array(token.utf8)).isEmpty
            let gate = token.contains { "/\\@:".contains($0) } || token.lowercased().contains("www.")
            #expect(!found || gate, "\(token)")
            var finder = PlainText.LinkFinder()
            let units = Array(token.utf16)
            guard !units.isEmpty else { continue }
            #expect(finder.overlapsLink(0..<units.count, in: units) == found, "\(token)")
        }
    }
}
