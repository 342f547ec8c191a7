import Foundation
import Testing
@testable import LectorLexicon

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

    /// The exception lists are binary-searched in the mapped files: for every inflected form of
    /// every list (the first and last lines included), the bases found are those a table of the
    /// whole file gives, in file order, and a word between two lines or past the ends has none.
    @Test func exceptionListsSearchedInPlaceAnswerLikeAWholeTable() throws {
        let wordNet = try Self.wordNet()
        var checked = 0
        for pos in WordNet.PartOfSpeech.allCases {
            let path = (wordNet.folder as NSString).appendingPathComponent("\(pos.rawValue).exc")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            var table: [String: [String]] = [:]
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ").map(String.init)
                if fields.count >= 2 { table[fields[0], default: []] += fields.dropFirst() }
            }
            for (form, bases) in table {
                #expect(wordNet.exceptionBases(of: form, pos: pos) == bases, "\(pos.rawValue).exc: \(form)")
                #expect(wordNet.exceptionBases(of: form + "q", pos: pos).isEmpty || table[form + "q"] != nil)
                checked += 1
            }
            #expect(wordNet.exceptionBases(of: "\u{1}", pos: pos).isEmpty)
            #expect(wordNet.exceptionBases(of: "zzzzzzzz", pos: pos).isEmpty)
        }
        #expect(checked > 5_000)
        #expect(wordNet.exceptionBases(of: "went", pos: .verb) == ["go"])
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

    /// Without heads, a satellite has no antonym (`soggy`), and a word keeps only its own senses'
    /// (`wet` still opposes `dry`).
    @Test func antonymsWithoutHeads() throws {
        let wordNet = try Self.wordNet()
        #expect(wordNet.antonyms(of: "soggy", throughHeads: false).isEmpty)
        #expect(wordNet.antonyms(of: "wet", throughHeads: false).contains("dry"))
        #expect(wordNet.antonyms(of: "good", throughHeads: false).contains("bad"))
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

    /// `synsetWords`, which synonyms read, gives every synset's words as the full parse does:
    /// every synset of the adjectives, adverbs and verbs, every 7th noun, and offsets that start
    /// no synset (inside a line, on the license header).
    @Test(.enabled(if: Installed.wordNet, "needs wordnet-base"))
    func synsetWordsAreTheFullParsesWords() throws {
        let wordNet = try Self.wordNet()
        for pos in WordNet.PartOfSpeech.allCases {
            let data = try Data(contentsOf: URL(fileURLWithPath: wordNet.folder + "/data.\(pos.rawValue)"))
            var offsets: [Int] = []
            var start = 0
            var line = 0
            for (index, byte) in data.enumerated() where byte == 0x0A {
                if data[start] != 0x20, pos != .noun || line % 7 == 0 { offsets.append(start) }
                offsets.append(start + 3)
                start = index + 1
                line += 1
            }
            #expect(offsets.count > 1_000)
            var synsets = 0
            for offset in offsets {
                let full = wordNet.synset(at: offset, pos: pos)?.words
                #expect(wordNet.synsetWords(at: offset, pos: pos) == full, "\(pos) \(offset)")
                if full != nil { synsets += 1 }
            }
            #expect(synsets > 500)
        }
    }

    @Test func synonymsOfEverySense() throws {
        let wordNet = try Self.wordNet()
        #expect(wordNet.synonyms(of: "big").contains("large"))
        #expect(wordNet.synonyms(of: "car").contains("automobile"))
        #expect(!wordNet.synonyms(of: "car").contains("car"))
    }
}

/// `WordNet.display` turns underscores into spaces as Foundation's `replacingOccurrences` does,
/// which it replaced for ASCII words, and which leaves `_` before a combining mark alone.
@Suite struct WordNetDisplayTests {
    @Test func underscoresBecomeSpacesAsFoundationMakesThem() {
        var words = ["", "_", "__", "ice_cream", "a_b_c", "plain", "_x_", "a_\u{301}b", "_\u{301}", "é_e\u{301}_", "über_all", "x_😀_y",
                     "Нью_Йорк", "a_\u{200D}b", "tab\t_\n"]
        for a in ["a", "_", "é", "\u{301}", " ", "Z", "_\u{301}"] {
            for b in ["a", "_", "é", "\u{301}", " ", "Z", "_\u{301}"] { words.append(a + b + "_" + a) }
        }
        for word in words {
            let display = WordNet.display(word)
            #expect(Array(display.utf8) == Array(word.replacingOccurrences(of: "_", with: " ").utf8), "\(word.debugDescription)")
        }
        #expect(WordNet.display("a_\u{301}b").unicodeScalars.map(\.value) == [0x61, 0x5F, 0x301, 0x62])
        #expect(WordNet.display("ice_cream") == "ice cream")
    }
}
