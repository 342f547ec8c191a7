import Foundation
import LectorText
import LectorICU
import LectorGlossary
@testable import LectorRules
import Testing

/// `names.missing` asks for the source's spelling dictionary only for a capitalized word that has
/// no counterpart in the translation (uk_UA costs about 200 ms of CPU to load), and decides the
/// same names as when it had the dictionary from the start.
@Suite struct NamesSpellingOnDemandTests {
    static let source = "Президент України Володимир Зеленський провів переговори з прем'єр-міністром Польщі у Києві."

    func names(skipping skipped: @escaping (String) -> Bool, spellingAsked: inout [String]) throws -> [String] {
        let document = SourceDocument(path: "source.txt", text: Self.source)
        var asked: [String] = []
        var current = ""
        let result = try NamesMissingRule().names(
            in: 0..<Self.source.utf16.count, of: document, words: TextSegmenter(.word, locale: "uk"),
            sentences: TextSegmenter(.sentence, locale: "uk"), lexicon: nil,
            spelling: { asked.append(current); return nil }, places: nil, inflection: .none, excluding: [],
            unless: { word in current = word; return skipped(word) })
        spellingAsked = asked
        return result
    }

    @Test func wordsWithCounterpartsNeverAskForTheDictionary() throws {
        var asked: [String] = []
        let names = try names(skipping: { _ in true }, spellingAsked: &asked)
        #expect(names.isEmpty)
        #expect(asked.isEmpty)
    }

    @Test func onlyTheWordsWithoutCounterpartAskForIt() throws {
        var asked: [String] = []
        // `Польщі` alone without a counterpart: the dictionary is asked about it and no other word.
        let names = try names(skipping: { $0 != "Польщі" }, spellingAsked: &asked)
        #expect(asked == ["Польщі"])
        // Without a dictionary, a capitalized word inside the sentence is a name.
        #expect(names == ["Польщі"])
    }

    @Test func noWordSkippedGivesEveryNameAsBefore() throws {
        var asked: [String] = []
        let names = try names(skipping: { _ in false }, spellingAsked: &asked)
        // Every capitalized word of three letters or more is asked about; without a dictionary the
        // one opening the sentence is not judged, the others are names.
        #expect(asked == ["Президент", "України", "Володимир", "Зеленський", "Польщі", "Києві"])
        #expect(names == ["України", "Володимир", "Зеленський", "Польщі", "Києві"])
    }

    @Test func theDictionaryIsFetchedOnceOnFirstUse() {
        var loads = 0
        let lazy = NamesMissingRule.LazySpelling { loads += 1; return nil }
        #expect(!lazy.isLoaded)
        #expect(lazy.dictionary == nil)
        #expect(lazy.dictionary == nil)
        #expect(lazy.isLoaded)
        #expect(loads == 1)
    }
}
