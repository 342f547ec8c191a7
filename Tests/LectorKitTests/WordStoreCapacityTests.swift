@testable import LectorLexicon
@testable import LectorRules
import LectorTestSupport
import Testing

/// The per-word stores kept from record to record of a stream stop keeping words at
/// `WordStoreCapacity.words`, so that a stream of ever new words (names) keeps memory flat; the
/// words kept before stay kept, and a word past the bound is still answered, made each time.
@Suite struct WordStoreCapacityTests {
    /// Names no dictionary has, each new (a stream of random names).
    func names(_ count: Int) -> [String] {
        (0..<count).map { index in
            var (rest, letters) = (index, "")
            repeat {
                letters.append(Character(UnicodeScalar(UInt8(97 + rest % 26))))
                rest /= 26
            } while rest > 0
            return "Zq" + letters + "ov"
        }
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func alignmentKeepsNoWordPastItsCapacity() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        let names = names(WordStoreCapacity.words + 20)
        #expect(Set(names).count == names.count)
        let first = names.map { words.info(of: $0, side: .source) }
        // The first `words` names are kept (numbered, and the same info when asked again) ...
        #expect(first.prefix(WordStoreCapacity.words).allSatisfy { $0.id != WordInfo.unmemoized })
        #expect(words.info(of: names[0], side: .source) === first[0])
        // ... the rest are made each time and numbered for no memo of counterparts.
        #expect(first.suffix(20).allSatisfy { $0.id == WordInfo.unmemoized })
        let late = words.info(of: names[names.count - 1], side: .source)
        #expect(late !== first[names.count - 1] && late.lemmas == first[names.count - 1].lemmas)
        // The other side has a store of its own.
        #expect(words.info(of: names[names.count - 1], side: .target).id != WordInfo.unmemoized)
    }

    @Test func nameMemosKeepNoWordPastTheirCapacity() {
        let names = names(WordStoreCapacity.words + 5)
        var made = 0
        let targetKeys = NamesMissingRule.TargetKeyMemo()
        let entry = NamesMissingRule.TargetKeys.Entry(key: "zq", capitalized: nil, sound: nil)
        for name in names { _ = targetKeys.entry(name) { made += 1; return entry } }
        #expect(made == names.count)
        _ = targetKeys.entry(names[0]) { made += 1; return entry }
        #expect(made == names.count)
        _ = targetKeys.entry(names[names.count - 1]) { made += 1; return entry }
        #expect(made == names.count + 1)

        made = 0
        let sourceWords = SourceWordMemo()
        let source = SourceWordMemo.Entry(keys: ["zq"], adjectiveKeys: [], codes: [], sounds: [])
        for name in names { _ = sourceWords.entry(name) { made += 1; return source } }
        _ = sourceWords.entry(names[1]) { made += 1; return source }
        _ = sourceWords.entry(names[names.count - 2]) { made += 1; return source }
        #expect(made == names.count + 1)
    }

    /// Counterpart verdicts are kept up to their own bound, and answered the same past it.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func counterpartVerdictsStopAtTheirBound() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        let side = Int(Double(AlignmentWords.counterpartsCapacity).squareRoot()) + 10
        let sources = names(side).map { words.info(of: $0, side: .source) }
        let targets = names(side).map { words.info(of: $0, side: .target) }
        for source in sources { for target in targets { _ = words.areCounterparts(source, target) } }
        #expect(words.counterpartCount == AlignmentWords.counterpartsCapacity)
        // The same name on both sides is its own counterpart, kept or not.
        #expect(words.areCounterparts(sources[0], targets[0]) && words.areCounterparts(sources[side - 1], targets[side - 1]))
        for (s, t) in [(0, 1), (side - 1, 0), (side - 1, side - 2)] {
            #expect(words.areCounterparts(sources[s], targets[t]) == LexicalAlignment.areCounterparts(sources[s], targets[t]))
        }
    }

    /// The word facts of the alignment (ASCII words by their bytes, the others by their strings)
    /// keep at most `WordStoreCapacity.words` words a side between the two tables, and a word
    /// past the bound is still read, alike.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func alignmentFactsKeepNoWordPastTheirCapacity() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        // Half ASCII, half with an umlaut (kept by string), all new.
        let names = names(WordStoreCapacity.words + 40).enumerated().map { $0.offset % 2 == 0 ? $0.element : "Ü" + $0.element }
        for chunk in stride(from: 0, to: names.count, by: 20) {
            let sentence = names[chunk..<min(chunk + 20, names.count)].joined(separator: " ")
            _ = words.words(of: SentenceWord.words(in: sentence, language: "de"), side: .source)
        }
        #expect(words.keptFactsCount(side: .source) == WordStoreCapacity.words)
        #expect(words.keptFactsCount(side: .target) == 0)
        let last = try #require(names.last)
        let again = words.words(of: SentenceWord.words(in: "Und \(last) und \(names[0])", language: "de"), side: .source)
        #expect(again.map(\.text) == ["und", last.lowercased(), "und", names[0].lowercased()])
        #expect(again[1].info.id == WordInfo.unmemoized && again[3].info.id != WordInfo.unmemoized)
        // The memos read a word's info id off its facts: kept and unkept words carry their info's.
        #expect(again.allSatisfy { $0.infoID == $0.info.id })
        #expect(again[0].facts.isFunction && !again[1].facts.isFunction && again[1].isContent)
    }
}

/// `ASCIIWordFacts`, the alignment's table of ASCII words by their bytes.
@Suite struct ASCIIWordFactsTests {
    func facts(_ text: String) -> AlignmentWords.WordFacts {
        AlignmentWords.WordFacts(text: text, info: WordInfo(
            id: 1, written: text, folded: text, lemmas: [], translations: [], translationSynonyms: [], isKnown: false,
            isCapitalized: false, latin: nil, cognateKey: nil, lemmaCognates: [], translationCognates: [], antonyms: [],
            directAntonyms: []), isFunction: false, isDigits: false, hasTwoLetters: true, figures: "")
    }

    @Test func keysOnlyShortASCIIWords() throws {
        #expect(ASCIIWordFacts.key(of: "Regierung") != nil)
        #expect(ASCIIWordFacts.key(of: "sixteen-letters!") != nil)
        #expect(ASCIIWordFacts.key(of: "seventeen-letters") == nil)
        #expect(ASCIIWordFacts.key(of: "Größe") == nil)
        #expect(ASCIIWordFacts.key(of: "") == nil)
        // The Kelvin sign is canonically `K`, but it is no ASCII byte: such a word goes by its string.
        #expect(ASCIIWordFacts.key(of: "\u{212A}iew") == nil)
        // Case, length and the second eight bytes all tell words apart.
        let keys = ["kiew", "Kiew", "kie", "kiewx", "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefgh", "abcdefgh\u{0}"]
            .map { ASCIIWordFacts.key(of: $0)! }
        #expect(Set(keys.map { "\($0.low) \($0.high) \($0.length)" }).count == keys.count)
    }

    /// The key read as two words at once is the key read byte by byte, on words of every length
    /// up to the longest keyed, ASCII or not (a seeded generator; the failing word is printed).
    @Test func keysReadWholeAreKeysReadByBytes() {
        var generator = SeededGenerator(seed: 14)
        let alphabet = Array("abcxyzKQ09-'.\u{0}\u{7F}äß€😀")
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...18, using: &generator)
            let word = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let count = word.utf8.count
            let expected = count <= ASCIIWordFacts.maximumLength ? ASCIIWordFacts.keyByBytes(of: word, count: count) : nil
            #expect(ASCIIWordFacts.key(of: word) == expected, "\(Array(word.utf8))")
        }
        #expect(ASCIIWordFacts.key(of: "abcdefghijklmnop") == ASCIIWordFacts.keyByBytes(of: "abcdefghijklmnop", count: 16))
    }

    @Test func findsWhatItKeepsThroughGrowth() throws {
        var table = ASCIIWordFacts()
        let words = (0..<3_000).map { "w\($0 * 7919)" }
        var kept: [String: AlignmentWords.WordFacts] = [:]
        for word in words {
            let made = facts(word)
            kept[word] = made
            table.insert(made, for: try #require(ASCIIWordFacts.key(of: word)))
        }
        #expect(table.count == words.count)
        for word in words { #expect(table.facts(of: ASCIIWordFacts.key(of: word)!) === kept[word]) }
        #expect(table.facts(of: ASCIIWordFacts.key(of: "w1")!) == nil)
        // A word kept again replaces its facts, as a dictionary's entry is replaced.
        let replacement = facts(words[5])
        table.insert(replacement, for: ASCIIWordFacts.key(of: words[5])!)
        #expect(table.count == words.count && table.facts(of: ASCIIWordFacts.key(of: words[5])!) === replacement)
    }

    /// `find`, the look-up of a whole sentence's keys at once, finds what `facts(of:)` finds key
    /// by key: kept words (through collisions, the table full to half its slots), words never
    /// kept, and `noKey`, which it skips.
    @Test func findsAllAtOnceAsOneByOne() throws {
        var table = ASCIIWordFacts()
        let words = (0..<2_048).map { "w\($0 * 7919)" }
        for (index, word) in words.enumerated() where index % 3 != 0 {
            table.insert(facts(word), for: try #require(ASCIIWordFacts.key(of: word)))
        }
        var lookups = words.map { ASCIIWordFacts.Lookup(key: ASCIIWordFacts.key(of: $0)!) }
            + [ASCIIWordFacts.Lookup(key: ASCIIWordFacts.noKey), ASCIIWordFacts.Lookup(key: ASCIIWordFacts.key(of: "w1")!)]
        table.find(&lookups)
        var found = 0
        for lookup in lookups {
            let expected = lookup.key == ASCIIWordFacts.noKey ? nil : table.facts(of: lookup.key)
            if expected != nil { found += 1 }
            #expect((lookup.entry >= 0 ? table.facts(at: lookup.entry) : nil) === expected, "\(lookup.key)")
        }
        #expect(found == words.indices.filter { $0 % 3 != 0 }.count)
    }
}
