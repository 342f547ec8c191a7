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
}
