import Foundation
import LectorTestSupport
import Testing
@testable import LectorLexicon

@Suite struct FreeDictDictionaryTests {
    @Test func dictdNumbersAreBase64MostSignificantFirst() {
        #expect(FreeDictDictionary.decodeBase64Number(Array("A".utf8)) == 0)
        #expect(FreeDictDictionary.decodeBase64Number(Array("B0".utf8)) == 64 + 52)
        #expect(FreeDictDictionary.decodeBase64Number(Array("x3J".utf8)) == (49 * 64 + 55) * 64 + 9)
        #expect(FreeDictDictionary.decodeBase64Number(Array("a-b".utf8)) == nil)
    }

    /// Entries as FreeDict's deu-eng, pol-eng and jpn-eng ship them.
    @Test func translationsOfAnEntryKeepTheirPartOfSpeech() {
        let abfallen = "Abfallen /ˈapfˌalən/ <neut, n, sg>\ndecline <n>, downgrade <n> [Am.]\n         Note: of sth.\n   Synonyms: {Gefälle}, {abfallender Verlauf}\n\n"
        #expect(FreeDictDictionary.translations(inEntry: abfallen) == [
            DictionaryTranslation(text: "decline", partOfSpeech: .noun),
            DictionaryTranslation(text: "downgrade", partOfSpeech: .noun),
        ])
        let secede = "abfallen /ˈapfˌalən/ <v, intr>\n [geogr.] slope downwards <v>, dip <v>\n see: {abfallend}\n\n"
        #expect(FreeDictDictionary.translations(inEntry: secede).map(\.text) == ["slope downwards", "dip"])
        let kot = "kot /kɔt/ <n>\n1. dust bunny\n(potocznie, potoczny) kłąb kurzu\n2. cat\n(zoologia, zoologiczny) Felis silvestris domesticus;\n"
        #expect(FreeDictDictionary.translations(inEntry: kot).map(\.text) == ["dust bunny", "cat"])
        #expect(FreeDictDictionary.translations(inEntry: kot).allSatisfy { $0.partOfSpeech == .noun })
        let good = "good /gud/\nхороший\n"
        #expect(FreeDictDictionary.translations(inEntry: good) == [DictionaryTranslation(text: "хороший", partOfSpeech: nil)])
        // The 60-character limit counts characters, not bytes: 40 Cyrillic letters are 80 bytes.
        let long = String(repeating: "д", count: 40)
        #expect(FreeDictDictionary.translations(inEntry: "x\n\(long) <n>\n").map(\.text) == [long])
        #expect(FreeDictDictionary.translations(inEntry: "x\n\(String(repeating: "д", count: 61))\n").isEmpty)
        // Sense numbers at the end and labels anywhere go; words keep one space between them.
        #expect(FreeDictDictionary.translations(inEntry: "x\n[zool.]  big   cat 2\n").map(\.text) == ["big cat"])
        // eng-pol numbers senses in Roman and Arabic before the translation.
        let dog = "dog /dɒg/\nI.  <N> 1.  [gatunek]  pies\n 2.  [samiec]  pies\nII.  <V> 1.  chodzić ślad w ślad (sb - za kimś)\n"
        #expect(FreeDictDictionary.translations(inEntry: dog).map(\.text) == ["pies", "chodzić ślad w ślad"])
        #expect(FreeDictDictionary.translations(inEntry: dog).first?.partOfSpeech == .noun)
    }

    @Test(.enabled(if: Installed.freeDict("de", "en"), "needs dict-freedict-deu-eng"))
    func looksUpAHeadwordInAnyCase() throws {
        let path = try #require(LexicalResource.freeDictIndex(from: "de", to: "en", in: Installed.paths))
        let dictionary = try FreeDictDictionary(indexPath: path)
        #expect(dictionary.language == "de")
        #expect(dictionary.entryCount > 100_000)
        #expect(dictionary.contains("abfallen"))
        #expect(dictionary.contains("ABFALLEN"))
        #expect(dictionary.contains("Größe"))
        // Letters beyond ASCII fold too (`GRÖSSE` is another word: ß has no one-letter capital).
        #expect(dictionary.contains("GRÖßE"))
        #expect(dictionary.contains("ärger"))
        #expect(!dictionary.contains("Selenskyj-Abfallen"))
        let texts = try dictionary.translations(of: "abfallen").map(\.text)
        #expect(texts.contains("decline"))
        #expect(texts.contains("fall off"))
        #expect(try dictionary.translations(of: "Hund").contains { $0.text == "dog" && $0.partOfSpeech == .noun })
    }

    /// `entries(of:)` reads a headword's entries in one span; each must be the bytes its own read
    /// gives. Every 97th headword of the index, and words with several entries (`Bank`, `Tor`).
    @Test(.enabled(if: Installed.freeDict("de", "en"), "needs dict-freedict-deu-eng"))
    func entriesReadTogetherAreEachEntry() throws {
        let path = try #require(LexicalResource.freeDictIndex(from: "de", to: "en", in: Installed.paths))
        let dictionary = try FreeDictDictionary(indexPath: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        var words = ["Bank", "Tor", "Leiter", "See", "Schloss", "Kiefer", "Band", "Mutter", "Golf", "sein", "Abfallen", "Größe"]
        words += stride(from: 0, to: lines.count, by: 97).compactMap { lines[$0].split(separator: "\t").first.map(String.init) }
        var several = 0
        for word in words {
            let oneByOne = try dictionary.entriesReadOneByOne(of: word)
            if oneByOne.count > 1 { several += 1 }
            #expect(try dictionary.entries(of: word) == oneByOne, "\(word)")
        }
        // The sample must hold words the span read serves.
        #expect(several > 100)
    }

    /// A headword whose entries lie in chunks 0 and 2 of a dictzip file whose chunk 1 is damaged:
    /// each entry reads, so the span read (which inflates chunk 1 too) must not make it an error.
    @Test func entriesOfADamagedFileReadAsEachEntryReads() throws {
        var bytes = [UInt8](Data(base64Encoded: DictzipFileTests.dictzip)!)
        // Chunk 1's compressed bytes start at 124 (a 50-byte header, then chunk 0's 74): 0xFF is a
        // final block of the reserved type, which zlib refuses.
        bytes[124] = 0xFF
        let folder = Fixtures.temporaryDirectory()
        let index = folder.appendingPathComponent("freedict-deu-eng.index").path
        try Data(bytes).write(to: URL(fileURLWithPath: folder.appendingPathComponent("freedict-deu-eng.dict.dz").path))
        // Lines 0 (offset 0) and 10 (offset 550 = "Im"), 55 bytes ("3") each.
        try "wort\tA\t3\nwort\tIm\t3\n".write(toFile: index, atomically: true, encoding: .utf8)
        let dictionary = try FreeDictDictionary(indexPath: index, cache: .off)
        let lines = DictzipFileTests.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\n" }
        #expect(try dictionary.entriesReadOneByOne(of: "wort") == [String(lines[0]), String(lines[10])])
        #expect(try dictionary.entries(of: "wort") == [String(lines[0]), String(lines[10])])
    }

    /// A cached slot table is plausible exactly when every slot lies within the index, as a test
    /// of each slot says: the largest at the index's size, one past it, at the end or the start
    /// of the table, and tables of the wrong shape.
    @Test func plausibleTableIsEverySlotWithinTheIndex() {
        var generator = SeededGenerator(seed: 14)
        for round in 0..<400 {
            let count = [8, 16, 64, 1024, 1000][round % 5]
            let indexSize = Int.random(in: 0...5_000, using: &generator)
            var slots = (0..<count).map { _ in UInt32.random(in: 0...UInt32(indexSize), using: &generator) }
            switch round % 4 {
            case 1: slots[Int.random(in: 0..<count, using: &generator)] = UInt32(indexSize) + 1
            case 2: slots[count - 1] = round % 8 == 2 ? UInt32.max : UInt32(indexSize)
            case 3: slots[0] = UInt32(indexSize) + UInt32(round)
            default: break
            }
            let entries = count / 2 - round % 3
            let shaped = count >= 16 && count & (count - 1) == 0 && entries >= 0 && entries * 2 <= count
            let expected = shaped && slots.allSatisfy { Int($0) <= indexSize }
            #expect(FreeDictDictionary.isPlausibleTable(slots, entries: entries, indexSize: indexSize) == expected, "round \(round)")
        }
    }
}
