import Testing
import LectorLexicon

@Suite(.enabled(if: Installed.wordNet, "needs wordnet-base")) struct WordNetTests {
    static func wordNet() throws -> WordNet { try WordNet(folder: WordNet.locate(in: Installed.paths)!) }

    @Test func lemmasFromExceptionsAndDetachmentRules() throws {
        let wordNet = try Self.wordNet()
        #expect(wordNet.lemmas(of: "went").contains("go"))
        #expect(wordNet.lemmas(of: "dogs") == ["dog"])
        #expect(wordNet.lemmas(of: "negotiations").contains("negotiation"))
        #expect(wordNet.lemmas(of: "wetter").contains("wet"))
        #expect(wordNet.lemmas(of: "Kiev") == ["kiev"])
        #expect(wordNet.lemmas(of: "blorfs").isEmpty)
        #expect(wordNet.isLemma("ice cream"))
    }

    @Test func directAndIndirectAntonyms() throws {
        let wordNet = try Self.wordNet()
        #expect(wordNet.antonyms(of: "good").contains("bad"))
        #expect(wordNet.antonyms(of: "increase").contains("decrease"))
        #expect(wordNet.antonyms(of: "wet").contains("dry"))
        // A satellite has no antonym of its own: it borrows its head's (`soggy` is similar to `wet`).
        #expect(wordNet.antonyms(of: "soggy").contains("dry"))
        #expect(!wordNet.antonyms(of: "good").contains("good"))
        #expect(wordNet.antonyms(of: "table").isEmpty)
    }

    /// WordNet links `end` to `begin`; `start` and `commence` share `begin`'s synset, so they are
    /// opposites of `end` too (a translation of `beginnen` may say any of them).
    @Test func antonymsReachTheWholeOppositeSense() throws {
        let wordNet = try Self.wordNet()
        let ofEnd = wordNet.antonyms(of: "end")
        #expect(ofEnd.contains("begin"))
        #expect(ofEnd.contains("start"))
        #expect(ofEnd.contains("commence"))
        #expect(!ofEnd.contains("end"))
        #expect(!ofEnd.contains("finish"))
    }

    @Test func synonymsOfEverySense() throws {
        let wordNet = try Self.wordNet()
        #expect(wordNet.synonyms(of: "big").contains("large"))
        #expect(wordNet.synonyms(of: "car").contains("automobile"))
        #expect(!wordNet.synonyms(of: "car").contains("car"))
    }
}
