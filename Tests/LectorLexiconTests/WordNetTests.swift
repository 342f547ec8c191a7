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

    /// WordNet's pointer links `forbid` to `permit`, but the opposition is the sense's: `prohibit`,
    /// in `forbid`'s synset, opposes `permit` and `allow` too, and `fall`, in the sense of
    /// `decrease`, opposes `increase`. A word sharing no sense with a pointer's word gains nothing.
    @Test func antonymPointersHoldForEveryWordOfTheSense() throws {
        let wordNet = try Self.wordNet()
        #expect(wordNet.antonyms(of: "prohibit", throughHeads: false).contains("permit"))
        #expect(wordNet.antonyms(of: "prohibit", throughHeads: false).contains("allow"))
        #expect(wordNet.antonyms(of: "fall", throughHeads: false).contains("increase"))
        #expect(!wordNet.antonyms(of: "prohibit", throughHeads: false).contains("prohibit"))
        #expect(wordNet.antonyms(of: "table", throughHeads: false).isEmpty)
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
    /// Every lemma of every index file finds its own line, and a word between two lemmas finds
    /// none (the binary search lands anywhere in a line and finds its ends).
    @Test(.enabled(if: Installed.wordNet, "needs wordnet-base"))
    func everyIndexLineIsFoundByItsLemma() throws {
        let wordNet = try Self.wordNet()
        for pos in WordNet.PartOfSpeech.allCases {
            let text = try String(contentsOfFile: wordNet.folder + "/index.\(pos.rawValue)", encoding: .utf8)
            let lines = text.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            #expect(lines.count > 3_000)
            for (number, line) in lines.enumerated() where pos != .noun || number % 4 == 0 {
                let lemma = String(line.prefix { $0 != " " })
                #expect(wordNet.indexLine(of: lemma, pos: pos) == line, "\(pos) \(lemma)")
                #expect(wordNet.indexLine(of: lemma + "~", pos: pos) == nil, "\(pos) \(lemma)~")
            }
        }
    }

    /// The synset as the line's text split on spaces reads it (how `synset(at:pos:)` read it until
    /// it read bytes): the specification the byte reading is held to.
    static func synsetFromText(_ data: [UInt8], at offset: Int) -> WordNet.Synset? {
        guard offset < data.count else { return nil }
        var end = offset
        while end < data.count, data[end] != 0x0A, data[end] != UInt8(ascii: "|") { end += 1 }
        let line = String(decoding: data[offset..<end], as: UTF8.self)
        let fields = line.split(separator: " ")
        guard fields.count > 4, Int(fields[0]) == offset, let wordCount = Int(fields[3], radix: 16) else { return nil }
        var cursor = 4
        var words: [String] = []
        for _ in 0..<wordCount where cursor + 1 < fields.count {
            var word = fields[cursor]
            if let paren = word.firstIndex(of: "(") { word = word[..<paren] }
            words.append(String(word))
            cursor += 2
        }
        guard cursor < fields.count, let pointerCount = Int(fields[cursor]) else { return nil }
        cursor += 1
        var pointers: [WordNet.Pointer] = []
        for _ in 0..<pointerCount where cursor + 3 < fields.count {
            let sourceTarget = fields[cursor + 3]
            if let target = Int(fields[cursor + 1]), let pos = WordNet.pos(fields[cursor + 2]), sourceTarget.count == 4 {
                pointers.append(WordNet.Pointer(symbol: String(fields[cursor]), offset: target, pos: pos,
                                                sourceWord: Int(sourceTarget.prefix(2), radix: 16) ?? 0,
                                                targetWord: Int(sourceTarget.suffix(2), radix: 16) ?? 0))
            }
            cursor += 4
        }
        return WordNet.Synset(words: words, pointers: pointers, isSatellite: fields[2] == "s")
    }

    /// The synsets of every part of speech (and an offset inside each line, which names none)
    /// reads as the text reading reads it: words, pointers, satellites.
    @Test(.enabled(if: Installed.wordNet, "needs wordnet-base"))
    func synsetsReadFromBytesAreTheTextReading() throws {
        let wordNet = try Self.wordNet()
        for pos in WordNet.PartOfSpeech.allCases {
            let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: wordNet.folder + "/data.\(pos.rawValue)")))
            var compared = 0, satellites = 0, pointers = 0
            var start = 0
            var line = 0
            for (index, byte) in data.enumerated() where byte == 0x0A {
                defer { start = index + 1; line += 1 }
                // Every third noun (82,000 synsets), every synset of the others.
                guard pos != .noun || line % 3 == 0 else { continue }
                for offset in [start, start + 3] {
                    let read = wordNet.synset(at: offset, pos: pos)
                    #expect(read == Self.synsetFromText(data, at: offset), "\(pos) \(offset)")
                    guard let read else { continue }
                    compared += 1
                    pointers += read.pointers.count
                    if read.isSatellite { satellites += 1 }
                }
            }
            #expect(compared > 3_000, "\(pos)")
            #expect(pointers > compared, "\(pos)")
            if pos == .adj { #expect(satellites > 1_000) }
        }
    }

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

    /// The files are mapped when the `WordNet` is made and read by every thread at once, without a
    /// lock: what many threads are told is what one thread is told.
    @Test func manyThreadsGetTheSerialAnswers() throws {
        let wordNet = try Self.wordNet()
        let words = ["dog", "went", "wetter", "soggy", "begin", "forbid", "Munich", "increase", "big", "children", "ice cream", "blorfs"]
        @Sendable func answers(_ word: String) -> [[String]] {
            [wordNet.lemmas(of: word), wordNet.synonyms(of: word), wordNet.antonyms(of: word),
             wordNet.antonyms(of: word, throughHeads: false), [wordNet.isLemma(word) ? "lemma" : "-", "\(String(describing: wordNet.nameSense(of: word)))"]]
        }
        let serial = words.map(answers)
        let wrong = Tally()
        DispatchQueue.concurrentPerform(iterations: 16 * words.count) { iteration in
            let index = (iteration * 7) % words.count
            if answers(words[index]) != serial[index] { wrong.add(words[index]) }
        }
        #expect(wrong.items.isEmpty, "\(wrong.items.prefix(10))")
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
