import Foundation
import LectorTestSupport
import LectorZlib
import Testing
@testable import LectorLexicon

@Suite struct FreeDictTranslationTableTests {
    /// A dictd number (`FreeDictDictionary.decodeBase64Number` read backwards).
    static func dictdNumber(_ value: Int) -> String {
        let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var value = value
        var result = ""
        repeat {
            result = String(digits[value % 64]) + result
            value /= 64
        } while value > 0
        return result
    }

    /// A FreeDict pair of files in a new folder: the 9-chunk fixture of `DictzipFileTests` (damaged
    /// in chunk 1 if asked) and an index of `lines`; returns the index's path.
    static func dictionaryFiles(_ lines: [String], damaged: Bool = false) throws -> String {
        var bytes = [UInt8](Data(base64Encoded: DictzipFileTests.dictzip)!)
        // Chunk 1's compressed bytes start at 124: 0xFF is a reserved block type, which zlib refuses.
        if damaged { bytes[124] = 0xFF }
        let folder = Fixtures.temporaryDirectory()
        try Data(bytes).write(to: folder.appendingPathComponent("freedict-deu-eng.dict.dz"))
        let index = folder.appendingPathComponent("freedict-deu-eng.index").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: index, atomically: true, encoding: .utf8)
        return index
    }

    /// Entries at random places of the fixture's text (2,200 bytes in chunks of 256): many cross one
    /// or several chunk boundaries, some share a start, two run past the end.
    static func randomIndex(seed: UInt64, entries: Int) -> [String] {
        var generator = SeededGenerator(seed: seed)
        var lines: [String] = []
        for number in 0..<entries {
            let offset = Int.random(in: 0..<2_150, using: &generator)
            let length = Int.random(in: 0...min(700, 2_200 - offset), using: &generator)
            lines.append("wort\(number % 37)\t\(dictdNumber(offset))\t\(dictdNumber(length))")
        }
        lines.append("past\t\(dictdNumber(2_150))\t\(dictdNumber(100))")
        lines.append("00databaseinfo\tA\tz")
        lines.append("broken\t#\tA")
        return lines
    }

    /// What each entry's own read and parse gives, line by line: the table must hold the same, and
    /// hold no line whose entry cannot be read.
    @Test func holdsWhatEachEntryParsesTo() throws {
        let indexPath = try Self.dictionaryFiles(Self.randomIndex(seed: 14, entries: 600))
        let index = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        let data = try DictzipFile(path: String(indexPath.dropLast(".index".count)) + ".dict.dz")
        let table = try FreeDictTranslationTable.build(index: index, data: data)
        #expect(!table.readsFromFile)
        var held = 0
        var start = 0
        for line in String(decoding: index, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            defer { start += line.utf8.count + 1 }
            let fields = line.split(separator: "\t")
            let offset = FreeDictDictionary.decodeBase64Number(Array(fields[1].utf8))
            let length = FreeDictDictionary.decodeBase64Number(Array(fields[2].utf8))
            guard !line.hasPrefix("00database"), let offset, let length, offset + length <= 2_200 else {
                #expect(table.translations(atLine: start) == nil, "\(line)")
                continue
            }
            let text = String(decoding: try data.read(offset: offset, length: length), as: UTF8.self)
            #expect(table.translations(atLine: start) == FreeDictDictionary.translations(inEntry: text), "\(line)")
            held += 1
        }
        #expect(held == 600)
        #expect(table.count == 600)
        // The fixture's entries parse to something: the line after an entry's first is a translation.
        #expect(try FreeDictDictionary.translations(inEntry: String(decoding: data.read(offset: 0, length: 110), as: UTF8.self))
            == [DictionaryTranslation(text: "entry 001: the quick brown fox jumps over the lazy dog", partOfSpeech: nil)])
    }

    /// Every line of installed dictionaries (one with umlauts and Cyrillic, one indented): the
    /// table against each entry read and parsed on its own.
    @Test(.enabled(if: Installed.freeDict("de", "ru") && Installed.freeDict("en", "pl"), "needs dict-freedict-deu-rus and dict-freedict-eng-pol"))
    func agreesWithInstalledDictionariesLineByLine() throws {
        for (from, to) in [("de", "ru"), ("en", "pl")] {
            let indexPath = try #require(LexicalResource.freeDictIndex(from: from, to: to, in: Installed.paths))
            let index = try Data(contentsOf: URL(fileURLWithPath: indexPath))
            let data = try DictzipFile(path: String(indexPath.dropLast(".index".count)) + ".dict.dz")
            let built = try FreeDictTranslationTable.build(index: index, data: data)
            #expect(!built.readsFromFile)
            // Stored and read back, as every run after the first uses it: entries read from the file.
            let cache = LexiconDiskCache(folder: Fixtures.temporaryDirectory().appendingPathComponent("cache").path)
            let sources = [indexPath, data.path]
            #expect(cache.write(kind: .freeDictTranslations, sources: sources, sections: built.sections))
            let stored = try #require(cache.readStored(kind: .freeDictTranslations, sources: sources))
            let table = try #require(FreeDictTranslationTable.validated(stored))
            #expect(table.readsFromFile)
            #expect(table.count == built.count)
            let whole = try data.readAll()
            var compared = 0, withTranslations = 0
            index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                    defer { start = end + 1 }
                    guard let (offset, length) = FreeDictDictionary.entryFields(bytes, start, end) else {
                        #expect(table.translations(atLine: start) == nil)
                        continue
                    }
                    let expected = FreeDictDictionary.translations(inEntry: String(decoding: whole[offset..<(offset + length)], as: UTF8.self))
                    #expect(table.translations(atLine: start) == expected, "\(from)-\(to) line at \(start)")
                    compared += 1
                    if !expected.isEmpty { withTranslations += 1 }
                }
            }
            #expect(compared == table.count)
            #expect(withTranslations > 1_000, "\(from)-\(to)")
        }
    }

    /// A dictionary with a cache builds its table after `tableBuildThreshold` look-ups and stores
    /// it; a later process reads it from the cache after `tableLookAfter`; answers never change.
    @Test func isBuiltOnceStoredAndReadBack() throws {
        let lines = Self.randomIndex(seed: 3, entries: 200)
        let indexPath = try Self.dictionaryFiles(lines)
        let cache = LexiconDiskCache(folder: Fixtures.temporaryDirectory().appendingPathComponent("cache").path)
        let words = (0..<37).map { "Wort\($0)" } + ["broken", "absent"]
        let plain = try FreeDictDictionary(indexPath: indexPath, cache: .off)
        let expected = try words.map { try plain.translations(of: $0) }

        let first = try FreeDictDictionary(indexPath: indexPath, cache: cache)
        let threshold = FreeDictDictionary.tableBuildThreshold(chunks: 9, cached: true)
        var lookUps = 0
        while lookUps < threshold - 1 {
            for (word, answer) in zip(words, expected) where lookUps < threshold - 1 {
                #expect(try first.translations(of: word) == answer, "\(word)")
                // A word without entries makes no look-up of the table.
                if try !first.entries(of: word).isEmpty { lookUps += 1 }
            }
        }
        #expect(first.heldTranslationTable == nil)
        #expect(try first.translations(of: "wort1") == expected[1])
        // Once stored, the table is the stored one, its entries read from the file.
        #expect(first.heldTranslationTable?.readsFromFile == true)
        for (word, answer) in zip(words, expected) { #expect(try first.translations(of: word) == answer, "\(word)") }
        let stored = try #require(cache.file(kind: .freeDictTranslations, sources: [indexPath, first.dataPath], key: "parser \(FreeDictTranslationTable.parserVersion)"))
        #expect(FileManager.default.fileExists(atPath: stored))

        let second = try FreeDictDictionary(indexPath: indexPath, cache: cache)
        for _ in 1..<FreeDictDictionary.tableLookAfter { _ = try second.translations(of: "wort2") }
        #expect(second.heldTranslationTable == nil)
        _ = try second.translations(of: "wort2")
        #expect(second.heldTranslationTable?.readsFromFile == true)
        for (word, answer) in zip(words, expected) { #expect(try second.translations(of: word) == answer, "\(word)") }

        // A damaged table is no table: the next process reads entries until it builds a new one.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: stored)))
        bytes[bytes.count - 3] ^= 0x41
        try Data(bytes).write(to: URL(fileURLWithPath: stored))
        let third = try FreeDictDictionary(indexPath: indexPath, cache: cache)
        for _ in 0..<FreeDictDictionary.tableLookAfter { _ = try third.translations(of: "wort2") }
        #expect(third.heldTranslationTable == nil)
        for _ in 0..<threshold { _ = try third.translations(of: "wort2") }
        #expect(third.heldTranslationTable != nil)
        for (word, answer) in zip(words, expected) { #expect(try third.translations(of: word) == answer, "\(word)") }
    }

    /// A dictzip file with a damaged chunk builds no table, and look-ups go on as each entry reads:
    /// entries in the damaged chunk throw, the others answer.
    @Test func aDamagedDictionaryBuildsNoTable() throws {
        // Two lines' worth (110 bytes) at 0 (chunk 0), 300 (chunk 1, damaged) and 600 (chunk 2).
        let indexPath = try Self.dictionaryFiles(["good\tA\tBu", "bad\tEs\tBu", "fine\tJY\tBu"], damaged: true)
        let data = try DictzipFile(path: String(indexPath.dropLast(".index".count)) + ".dict.dz")
        #expect(throws: DictzipFile.ReadError.self) {
            try FreeDictTranslationTable.build(index: Data(contentsOf: URL(fileURLWithPath: indexPath)), data: data)
        }
        let cache = LexiconDiskCache(folder: Fixtures.temporaryDirectory().appendingPathComponent("cache").path)
        let dictionary = try FreeDictDictionary(indexPath: indexPath, cache: cache)
        for _ in 0...FreeDictDictionary.tableBuildThreshold(chunks: 9, cached: true) {
            #expect(try !dictionary.translations(of: "good").isEmpty)
            #expect(try !dictionary.translations(of: "fine").isEmpty)
            #expect(throws: DictzipFile.ReadError.self) { try dictionary.translations(of: "bad") }
        }
        #expect(dictionary.heldTranslationTable == nil)
    }
}
