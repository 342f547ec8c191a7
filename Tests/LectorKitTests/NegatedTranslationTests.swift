import Foundation
@testable import LectorKit
@testable import LectorLexicon
@testable import LectorRules
import LectorTestSupport
import Testing

/// A dictionary translation that negates with a word of its own (FreeDict's eng-deu gives
/// `forbidden` as `nicht erlaubt`) links its other words to the headword for the alignment, but
/// `meaning.antonym` must not take them for the headword's meaning.
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
}
