import Foundation
@testable import LectorKit
@testable import LectorLexicon
@testable import LectorRules
import LectorTestSupport
import Testing

/// The stores of the threads of one check (`AlignmentWords` with a `SharedWordInfos`) adopt
/// what another store learned of a word instead of reading the dictionaries again: each word's
/// knowledge must be what a store of its own makes, and each store's ids its own.
@Suite struct SharedWordInfosTests {
    /// Everything an info says but its id.
    struct Content: Equatable {
        let info: WordInfo
        static func == (a: Content, b: Content) -> Bool {
            let (x, y) = (a.info, b.info)
            return x.written == y.written && x.folded == y.folded && x.lemmas == y.lemmas && x.translations == y.translations
                && x.translationSynonyms == y.translationSynonyms && x.isKnown == y.isKnown && x.isCapitalized == y.isCapitalized
                && x.latin == y.latin && x.cognateKey == y.cognateKey && x.lemmaCognates == y.lemmaCognates
                && x.translationCognates == y.translationCognates && x.antonyms == y.antonyms
                && x.directAntonyms == y.directAntonyms && x.ownAntonyms == y.ownAntonyms
                && x.negatedTranslations == y.negatedTranslations && x.negatedSynonyms == y.negatedSynonyms
        }
    }

    /// The words of the seed article in both languages (names in Cyrillic among them), each also
    /// lower-cased and capitalized, and names no dictionary has, in an order shuffled by `seed`.
    static func words(seed: UInt64) throws -> [(String, LexicalAlignment.Side)] {
        var result: [(String, LexicalAlignment.Side)] = []
        for (path, side) in [(Fixtures.seedSourcePath, LexicalAlignment.Side.source), (Fixtures.seedArticlePath, .target)] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let words = Set(text.split { !$0.isLetter && $0 != "-" }.map(String.init))
            for word in words.sorted() {
                result += [(word, side), (word.lowercased(), side), (word.prefix(1).uppercased() + word.dropFirst(), side)]
            }
        }
        var generator = SeededGenerator(seed: seed)
        for index in 0..<50 { result.append(("Zq\(index)ow", index % 2 == 0 ? .source : .target)) }
        result.shuffle(using: &generator)
        return result
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)), arguments: [1, 2, 3] as [UInt64])
    func adoptedKnowledgeIsWhatAStoreOfItsOwnMakes(seed: UInt64) throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let words = try Self.words(seed: seed)
        #expect(words.count > 500)
        let alone = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        let table = SharedWordInfos.unnamed(lexicon: lexicon)
        let first = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en", sharedInfos: table))
        let second = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en", sharedInfos: table))
        // The first store learns a third of the words; the second then asks for all of them
        // (adopting that third, learning the rest), and the first asks for all again.
        for (word, side) in words.prefix(words.count / 3) { _ = first.info(of: word, side: side) }
        let adopted = words.map { second.info(of: $0.0, side: $0.1) }
        let again = words.map { first.info(of: $0.0, side: $0.1) }
        for (index, (word, side)) in words.enumerated() {
            let expected = Content(info: alone.info(of: word, side: side))
            #expect(Content(info: adopted[index]) == expected, "\(word) (\(side)), seed \(seed)")
            #expect(Content(info: again[index]) == expected, "\(word) (\(side)), seed \(seed)")
        }
        // Each store numbers its own infos: one id per word and side, none shared with the store
        // it adopted from, and an adopted info is asked again as the same object.
        let keys = Set(words.map { "\($0.1)|\($0.0)" })
        #expect(Set(adopted.map(\.id)).count == keys.count && !adopted.contains { $0.id == WordInfo.unmemoized })
        #expect(adopted.indices.allSatisfy { adopted[$0] !== again[$0] })
        #expect(words.indices.allSatisfy { second.info(of: words[$0].0, side: words[$0].1) === adopted[$0] })
        #expect(table.count == keys.count)
    }

    /// A word another store made from its other normalization form is made anew, not adopted: the
    /// table's keys compare by canonical equivalence, the dictionaries read bytes.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func aWordInTheOtherNormalizationFormIsNotAdopted() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let table = SharedWordInfos.unnamed(lexicon: lexicon)
        let first = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en", sharedInfos: table))
        let second = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en", sharedInfos: table))
        let alone = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        for word in ["Größe", "Ärger", "Übung", "Café", "Förderung", "Männer"] {
            let nfc = word.precomposedStringWithCanonicalMapping, nfd = word.decomposedStringWithCanonicalMapping
            #expect(Array(nfc.utf8) != Array(nfd.utf8))
            _ = first.info(of: nfc, side: .source)
            let made = second.info(of: nfd, side: .source)
            #expect(Array(made.written.utf8) == Array(nfd.utf8), "\(word)")
            let expected = alone.info(of: nfd, side: .source)
            #expect(made.isKnown == expected.isKnown && made.lemmas == expected.lemmas && made.translations == expected.translations,
                    "\(word)")
        }
    }

    /// Two stores of one table asking for the same words at once, in different orders, as two
    /// threads of a check do.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func storesOnTwoThreadsAtOnceKnowWhatAStoreAloneKnows() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let orders = [try Self.words(seed: 7), try Self.words(seed: 8)]
        let table = SharedWordInfos.unnamed(lexicon: lexicon)
        let stores = [try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en", sharedInfos: table)),
                      try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en", sharedInfos: table))]
        let results = InfoResults()
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            results.set(thread, orders[thread].map { stores[thread].info(of: $0.0, side: $0.1) })
        }
        let alone = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        for thread in 0..<2 {
            let infos = results.infos(thread)
            #expect(infos.count == orders[thread].count)
            for (index, (word, side)) in orders[thread].enumerated() {
                #expect(Content(info: infos[index]) == Content(info: alone.info(of: word, side: side)), "\(word) (\(side)), thread \(thread)")
            }
        }
    }

    /// A file checked in chunks on two threads (whose stores share one table) gives the findings
    /// of the file checked whole on one thread (one store), for a German–English file of varied
    /// words: the seed article's units with words and numbers swapped between them, seeded.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func chunksOnTwoThreadsGiveTheFindingsOfOneThread() throws {
        let lines = try String(contentsOfFile: Fixtures.path("Tests/LectorKitTests/Fixtures/Bilingual/seed-article.de-en.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap { line -> (String, String)? in
                guard !line.allSatisfy(\.isWhitespace), let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let source = object["source"] as? String, let target = object["target"] as? String else { return nil }
                return (source, target)
            }
        #expect(lines.count >= 4)
        let sourceWords = lines.flatMap { $0.0.split(separator: " ").map(String.init) }
        let targetWords = lines.flatMap { $0.1.split(separator: " ").map(String.init) }
        var generator = SeededGenerator(seed: 14)
        var records: [String] = []
        func json(_ text: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
        }
        for index in 0..<(3 * Checker.unitsPerChunk) {
            var (source, target) = lines[index % lines.count]
            // A unit in three gets a word of another unit (an addition or omission), some a number.
            if index % 3 == 1 { source += " " + sourceWords.randomElement(using: &generator)! }
            if index % 3 == 2 { target += " " + targetWords.randomElement(using: &generator)! }
            if index % 7 == 0 { target += " \(Int.random(in: 1...99, using: &generator)) units." }
            records.append(#"{"id": "u\#(index)", "source": \#(json(source)), "target": \#(json(target))}"#)
        }
        let file = try JSONLinesReader.read(data: Data(records.joined(separator: "\n").utf8), name: "chunks.jsonl")
        func checker(jobs: Int) throws -> Checker {
            var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en", sourceLanguage: "de")
            configuration.jobs = jobs
            return try Checker(configuration)
        }
        let whole = try checker(jobs: 1).check(file)
        let chunked = try checker(jobs: 2).check(file)
        #expect(chunked == whole)
        #expect(Set(whole.map(\.ruleID)).isSuperset(of: ["meaning.addition", "names.missing", "numbers.mismatch"]))
    }
}

private final class InfoResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: [WordInfo]] = [:]
    func set(_ thread: Int, _ infos: [WordInfo]) { lock.withLock { results[thread] = infos } }
    func infos(_ thread: Int) -> [WordInfo] { lock.withLock { results[thread] ?? [] } }
}
