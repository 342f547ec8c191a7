import Foundation
import LectorICU
import LectorTestSupport
@testable import LectorGlossary
@testable import LectorKit
@testable import LectorRules
@testable import LectorText
import Testing

/// The words glossary matching notes (`GlossaryMatcher.matches(in:words:)`) are the segmenter's,
/// and `spelling.unknown` finds the same with them as when it splits the text itself.
@Suite struct WordSpansTests {
    /// Texts in several scripts, with the marks and long words the segmenter treats apart.
    static func texts() -> [String] {
        var texts = Fixtures.seedTexts + Fixtures.seedLines
        texts += [
            "Київ і Львів; 東京で会議を開いた。ภาษาไทยง่ายนิดเดียว 👩‍👩‍👧 İstanbul ß a\u{00AD}b e\u{301}te\u{301}",
            "don't we'll U.S. 3.5 1,000 a_b x@y.z https://nato.int/a?b=c — “quoted” ‘single’",
            "", " ", "word", String(repeating: "a", count: 70_000) + " tail",
        ]
        return texts
    }

    @Test func theMatchersWordsAreTheSegmentersWords() throws {
        let index = Fixtures.englishChecker.index
        let matcher = try GlossaryMatcher(index: index)
        let segmenter = try WordSegmenter(locale: index.targetLanguage)
        for text in Self.texts() {
            let document = SourceDocument(path: "t.txt", text: text)
            let (matches, words) = matcher.matchesAndWords(in: document)
            var expected: [WordSpan] = []
            document.utf16.withUnsafeBufferPointer { utf16 in
                segmenter.forEachWord(in: utf16) { expected.append(WordSpan(start: $0, end: $1, kind: $2)) }
            }
            #expect((0..<words.count).map { words[$0] } == expected, "\(text.prefix(60))")
            // Noting the words changes no match.
            #expect(matches.map(\.range) == matcher.matches(in: document).map(\.range))
        }
    }

    /// A word of 65,535 units or more keeps its end (in the side table), and a word past 2³² its
    /// start (its high bits in the other).
    @Test func longWordsAndFarStartsAreKept() {
        var writer = WordSpans.Writer(expected: 1)
        let far = 1 << 32
        let spans = [(0, 65_534), (65_535, 131_070), (131_071, 131_072), (131_073, 231_073), (231_074, 231_080),
                     (far - 3, far + 2), (far + 5, far + 70_000), (3 * far + 1, 3 * far + 2), (3 * far + 9, 3 * far + 12)]
        for (start, end) in spans { writer.append(start: start, end: end, kind: .letter) }
        let words = writer.finish()
        #expect(words.count == spans.count)
        #expect((0..<words.count).map { words[$0].start } == spans.map(\.0))
        #expect((0..<words.count).map { words[$0].end } == spans.map(\.1))
    }

    /// The rule alone (splitting the text) and the rule given the matcher's words find the same;
    /// both on texts where it finds something.
    @Test(.enabled(if: SpellingUnknownTests.hasEnglish, "needs hunspell-en-us"))
    func spellingFindsTheSameWithTheMatchersWords() throws {
        let checker = Fixtures.englishChecker
        let matcher = try GlossaryMatcher(index: checker.index)
        var found = 0
        // Not the 70,000-letter word: Hunspell's suggestions for it take minutes.
        let texts = Self.texts().filter { $0.utf16.count < 50_000 }
        for text in texts + ["The negotiatons resumed; the delagation of Kyiv arived.", "sucessful-looking plan, didn ´ t"] {
            let document = SourceDocument(path: "t.txt", text: text)
            let (matches, words) = matcher.matchesAndWords(in: document)
            var context = CheckContext(document: document, index: checker.index, glossaryMatches: matches, lexicon: checker.lexicon)
            let alone = SpellingUnknownRule().findings(in: context)
            context.targetWords = words
            let given = SpellingUnknownRule().findings(in: context)
            #expect(given.map(\.range) == alone.map(\.range) && given.map(\.message) == alone.map(\.message), "\(text.prefix(60))")
            found += alone.count
        }
        #expect(found >= 4)
    }
}
