import Foundation
@testable import LectorKit
@testable import LectorLexicon
@testable import LectorRules
import LectorTestSupport
import Testing

/// A dictionary translation that negates with a word of its own (FreeDict's eng-deu gives
/// `forbidden` as `nicht erlaubt`) links its other words to the headword for the alignment, but
/// `meaning.antonym` must not take them for the headword's meaning; and the English forms of a
/// word's translations are made once per word for the process, whichever thread's store asks.
@Suite(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
struct NegatedTranslationTests {
    @Test func aNegatedTranslationIsNoPlainCounterpart() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        let forbidden = words.info(of: "forbidden", side: .target)
        let erlaubt = words.info(of: "erlaubt", side: .source)
        #expect(forbidden.negatedTranslations.contains("erlaubt"))
        #expect(!forbidden.negatedTranslations.contains("verboten"))
        // Still counterparts for the omission and addition checks, but not for the antonym check.
        #expect(words.areCounterparts(erlaubt, forbidden))
        #expect(!words.arePlainCounterparts(erlaubt, forbidden))
        #expect(words.arePlainCounterparts(words.info(of: "verboten", side: .source), forbidden))
        #expect(erlaubt.negatedTranslations.isEmpty)
    }

    @Test(arguments: [("de", "nicht erlaubt", true), ("de", "verboten", false), ("de", "nicht nur", false),
                      ("en", "not allowed", true), ("en", "go away", false), ("fr", "ne pas autoriser", true),
                      ("cs", "nepovolený", false)])
    func negatesWithAWordOfItsOwn(_ language: String, _ translation: String, _ expected: Bool) throws {
        let lexicon = try #require(NegationLexicon.forLanguage(language))
        #expect(lexicon.negatesWithWord(translation) == expected)
    }

    @Test func translationLemmasAreMadeOncePerWordForAllStoresOfATable() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let table = SharedWordInfos.unnamed(lexicon: lexicon)
        let stores = [try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en", sharedInfos: table)),
                      try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en", sharedInfos: table))]
        let made = Counter()
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            let store = stores[thread]
            for word in ["gestiegen", "erlaubt", "höher", "gestiegen"] {
                let lemmas = store.translationLemmas(of: store.info(of: word, side: .source), side: .source) {
                    made.add(word)
                    return [word + "!"]
                }
                #expect(lemmas == [word + "!"])
            }
        }
        // A word both threads asked at once may be made by each; never more often than that.
        #expect(made.counts.values.allSatisfy { $0 <= 2 })
        let alone = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        var calls = 0
        for _ in 0..<3 {
            _ = alone.translationLemmas(of: alone.info(of: "gestiegen", side: .source), side: .source) {
                calls += 1
                return []
            }
        }
        #expect(calls == 1)
        var tableCalls = 0
        _ = stores[0].translationLemmas(of: stores[0].info(of: "höher", side: .source), side: .source) {
            tableCalls += 1
            return []
        }
        #expect(tableCalls == 0)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var counts: [String: Int] = [:]
        func add(_ word: String) { lock.withLock { counts[word, default: 0] += 1 } }
    }
}
