import Foundation
import Testing
import LectorHunspell
@testable import LectorLexicon

/// A `.dic` copied in libhunspell's hash order loads the same dictionary (every answer the same)
/// and is kept in the disk cache until its dictionary changes.
@Suite struct HunspellLoadOrderTests {
    /// A temporary folder with a copy of an installed dictionary and an empty cache folder.
    struct Fixture {
        let folder: String
        let affix: String
        let dictionary: String
        let cache: LexiconDiskCache

        init(_ language: String) throws {
            let files = try #require(LexicalResource.hunspellFiles(language, in: Installed.paths))
            folder = NSTemporaryDirectory() + "lector-order-test-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder + "/cache", withIntermediateDirectories: true)
            affix = folder + "/\(language).aff"
            dictionary = folder + "/\(language).dic"
            try FileManager.default.copyItem(atPath: files.affix, toPath: affix)
            try FileManager.default.copyItem(atPath: files.dictionary, toPath: dictionary)
            cache = LexiconDiskCache(folder: folder + "/cache")
        }

        /// Words of the dictionary and forms around them, in every case, every 40th entry.
        func sample() throws -> [String] {
            let text = try String(contentsOfFile: dictionary, encoding: .utf8)
            var words: [String] = []
            for (index, line) in text.split(separator: "\n").dropFirst().enumerated() where index % 40 == 0 {
                let word = String(line.prefix { $0 != "/" })
                words += [word, word.uppercased(), word.capitalized, word.lowercased(), String(word.dropLast()), word + "u", word + "ami"]
            }
            return words
        }
    }

    static func answers(_ dictionary: HunspellDictionary, _ words: [String]) -> [String] {
        words.map { "\($0) \(dictionary.spell($0)) \(dictionary.stem($0))" }
    }

    @Test(.enabled(if: Installed.hunspell("cs"), "needs hunspell-cs"))
    func theOrderedCopyAnswersAsTheDictionary() throws {
        let fixture = try Fixture("cs")
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let copy = HunspellLoadOrder.loadPath(affix: fixture.affix, dictionary: fixture.dictionary, cache: fixture.cache)
        #expect(copy != fixture.dictionary)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)).count >= Data(contentsOf: URL(fileURLWithPath: fixture.dictionary)).count)
        let plain = try HunspellDictionary(affixPath: fixture.affix, dictionaryPath: fixture.dictionary)
        let ordered = try HunspellDictionary(affixPath: fixture.affix, dictionaryPath: fixture.dictionary, loadingFrom: copy)
        let words = try fixture.sample()
        #expect(Self.answers(plain, words) == Self.answers(ordered, words))
        for word in ["Prahax", "kočkaa", "Moldavskoo", "programuu"] {
            #expect(plain.suggest(word) == ordered.suggest(word))
        }
    }

    @Test(.enabled(if: Installed.hunspell("cs"), "needs hunspell-cs"))
    func theCopyIsReusedAndMadeAgainWhenTheDictionaryChangesOrIsDamaged() throws {
        let fixture = try Fixture("cs")
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let first = HunspellLoadOrder.loadPath(affix: fixture.affix, dictionary: fixture.dictionary, cache: fixture.cache)
        let made = try #require(try FileManager.default.attributesOfItem(atPath: first)[.modificationDate] as? Date)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(HunspellLoadOrder.loadPath(affix: fixture.affix, dictionary: fixture.dictionary, cache: fixture.cache) == first)
        #expect(try FileManager.default.attributesOfItem(atPath: first)[.modificationDate] as? Date == made)

        // Damaged copy: rebuilt under the same name.
        let handle = try #require(FileHandle(forWritingAtPath: first))
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data("zzzz".utf8))
        try handle.close()
        #expect(HunspellLoadOrder.loadPath(affix: fixture.affix, dictionary: fixture.dictionary, cache: fixture.cache) == first)
        let rebuilt = try HunspellDictionary(affixPath: fixture.affix, dictionaryPath: fixture.dictionary, loadingFrom: first)
        let plain = try HunspellDictionary(affixPath: fixture.affix, dictionaryPath: fixture.dictionary)
        let words = try fixture.sample()
        #expect(Self.answers(plain, words) == Self.answers(rebuilt, words))

        // A changed dictionary (one word added): a new copy, which knows the word.
        var text = try String(contentsOfFile: fixture.dictionary, encoding: .utf8)
        text += "Zzyzxovice\n"
        try text.write(toFile: fixture.dictionary, atomically: true, encoding: .utf8)
        let second = HunspellLoadOrder.loadPath(affix: fixture.affix, dictionary: fixture.dictionary, cache: fixture.cache)
        #expect(second != first)
        let changed = try HunspellDictionary(affixPath: fixture.affix, dictionaryPath: fixture.dictionary, loadingFrom: second)
        #expect(changed.spell("Zzyzxovice"))
    }

    @Test func aHiddenCapitalizedFormSharedWithAnotherWordKeepsTheOriginalOrder() throws {
        // `NATO/A` adds a hidden `Nato`, which is also a word of its own: order decides which
        // flags the entry keeps, so the two lines stay in their order whatever their buckets.
        for lines in [["Nato", "NATO/A"], ["NATO/A", "Nato"]] {
            var text = "40\n"
            for filler in 0..<40 { text += "slovo\(filler)\n" }
            text.insert(contentsOf: lines[0] + "\n", at: text.index(text.startIndex, offsetBy: 3))
            text += lines[1] + "\n"
            let ordered = try #require(HunspellLoadOrder.reordered(Data(text.utf8), affix: "SET UTF-8\n"))
            let result = String(decoding: ordered, as: UTF8.self).split(separator: "\n").map(String.init)
            #expect(Set(result) == Set(text.split(separator: "\n").map(String.init)))
            #expect(try #require(result.firstIndex(of: lines[0])) < #require(result.firstIndex(of: lines[1])))
        }
        let plain = Data("3\nkočka\nabc\nNATO/A\n".utf8)
        let ordered = HunspellLoadOrder.reordered(plain, affix: "SET UTF-8\n")
        #expect(ordered.map { Set(String(decoding: $0, as: UTF8.self).split(separator: "\n")) } == Set(["3", "kočka", "abc", "NATO/A"]))
        // Morphological fields and reversed words are not reordered.
        #expect(HunspellLoadOrder.reordered(Data("2\nabc po:noun\nxyz\n".utf8), affix: "SET UTF-8\n") == nil)
        #expect(HunspellLoadOrder.reordered(plain, affix: "SET UTF-8\nCOMPLEXPREFIXES\n") == nil)
    }

    @Test func theCacheOffLoadsTheOriginal() {
        #expect(HunspellLoadOrder.loadPath(affix: "/nonexistent.aff", dictionary: "/nonexistent.dic", cache: .off) == "/nonexistent.dic")
    }
}
