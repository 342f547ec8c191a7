import Foundation
import LectorTestSupport
import Testing
@testable import LectorHunspell

/// `HunspellDictionary` keeps its answers to `spell` and `stem` for every thread that asks
/// (`HunspellAnswerMemo`): what it answers from there must be what libhunspell answers.
@Suite struct HunspellAnswerMemoTests {
    /// The words of the German seed article as written and in lower case, and each with a letter
    /// too many (unknown words, whose empty stems are kept too).
    static let words: [String] = {
        var seen = Set<String>()
        var words: [String] = []
        for word in Fixtures.seedTexts[0].split(whereSeparator: { !$0.isLetter }).map(String.init) {
            for form in [word, word.lowercased(), word + "x"] where seen.insert(form).inserted { words.append(form) }
        }
        return words
    }()

    /// Eight threads ask one dictionary the same words in different orders, spell and stem
    /// interleaved, four times over, while its memo fills: every answer is the one a dictionary of
    /// its own gives to a single thread that asks each word once.
    @Test(.enabled(if: Installed.hunspell("de"), "needs hunspell-de-de"))
    func answersOfManyThreadsAreTheSerialAnswers() throws {
        let reference = try HunspellDictionaryTests.dictionary("de"), shared = try HunspellDictionaryTests.dictionary("de")
        let words = Self.words
        #expect(words.count > 300)
        let spelled = words.map(reference.spell), stems = words.map(reference.stem)
        #expect(spelled.contains(true) && spelled.contains(false))
        #expect(stems.contains { !$0.isEmpty } && stems.contains { $0.isEmpty })

        let threads = 8
        let wrong = Tally()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var generator = SeededGenerator(seed: UInt64(thread + 1))
            for round in 0..<4 {
                for index in Array(words.indices).shuffled(using: &generator) {
                    // Half the threads stem first, so both kinds are asked first by some thread.
                    if (thread + round).isMultiple(of: 2) {
                        if shared.stem(words[index]) != stems[index] { wrong.add("stem \(words[index])") }
                        if shared.spell(words[index]) != spelled[index] { wrong.add("spell \(words[index])") }
                    } else {
                        if shared.spell(words[index]) != spelled[index] { wrong.add("spell \(words[index])") }
                        if shared.stem(words[index]) != stems[index] { wrong.add("stem \(words[index])") }
                    }
                }
            }
        }
        #expect(wrong.items.isEmpty, "\(wrong.items.prefix(10))")
        #expect(shared.answers.count == 2 * words.count)
    }

    /// Answers are kept by the word's exact bytes: a word and its other normalization form
    /// (`Öl` composed, and `O`, U+0308, `l`) are different words to libhunspell, equal as Swift
    /// strings, and the form asked first must not answer for the other.
    @Test(.enabled(if: Installed.hunspell("de"), "needs hunspell-de-de"))
    func eachNormalizationFormGetsItsOwnAnswer() throws {
        let composed = Self.words.filter { Array($0.utf8) != Array($0.decomposedStringWithCanonicalMapping.utf8) }
        let decomposed = composed.map(\.decomposedStringWithCanonicalMapping)
        #expect(composed.count > 20 && zip(composed, decomposed).allSatisfy { $0 == $1 })
        // Dictionaries asked one form only give libhunspell's answers for it, and they differ.
        let forDecomposed = try HunspellDictionaryTests.dictionary("de"), forComposed = try HunspellDictionaryTests.dictionary("de")
        let spelled = decomposed.map(forDecomposed.spell), stems = decomposed.map(forDecomposed.stem)
        #expect(zip(spelled, composed.map(forComposed.spell)).contains { $0 != $1 })
        // One asked the composed forms first answers the decomposed ones as libhunspell does.
        let shared = try HunspellDictionaryTests.dictionary("de")
        for word in composed { _ = shared.spell(word); _ = shared.stem(word) }
        #expect(decomposed.map(shared.spell) == spelled)
        #expect(decomposed.map(shared.stem) == stems)
    }

    /// A word added to the dictionary changes its answers: none kept from before survives.
    @Test(.enabled(if: Installed.hunspell("ru"), "needs hunspell-ru"))
    func addingAWordForgetsTheAnswersGivenBefore() throws {
        let ru = try HunspellDictionaryTests.dictionary("ru")
        #expect(!ru.spell("Шмыгаль") && ru.stem("Шмыгаля").isEmpty)
        #expect(!ru.spell("Зеленского") && ru.stem("Зеленского").isEmpty)
        ru.add("Шмыгаль")
        #expect(ru.spell("Шмыгаль"))
        #expect(ru.add("Зеленский", inflectedLike: "Достоевский"))
        #expect(ru.spell("Зеленского"))
        #expect(ru.stem("Зеленского").contains("Зеленский"))
    }

    /// A stream of ever new words keeps at most two generations of each stripe: memory stays flat,
    /// and a word asked again after the turn-over is still answered right.
    @Test func theMemoIsBounded() throws {
        let folder = Fixtures.temporaryDirectory()
        let affix = folder.appendingPathComponent("tiny.aff"), dictionary = folder.appendingPathComponent("tiny.dic")
        try "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n".write(to: affix, atomically: true, encoding: .utf8)
        try "2\nKyiv\nZelensky/S\n".write(to: dictionary, atomically: true, encoding: .utf8)
        let tiny = try HunspellDictionary(affixPath: affix.path, dictionaryPath: dictionary.path)
        let bound = 2 * HunspellAnswerMemo.stripeCount * HunspellAnswerMemo.stripeCapacity
        for number in 0..<(3 * bound) {
            #expect(!tiny.spell("word\(number)"))
            #expect(tiny.stem("word\(number)").isEmpty)
            if number.isMultiple(of: 1_000) {
                #expect(tiny.spell("Zelenskys"))
                #expect(tiny.stem("Zelenskys") == ["Zelensky"])
            }
        }
        #expect(tiny.answers.count <= 2 * bound)
        #expect(tiny.answers.count >= bound / 2)
    }
}

/// What many threads found wrong, collected under a lock (here and in `WordNetTests`).
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
}
