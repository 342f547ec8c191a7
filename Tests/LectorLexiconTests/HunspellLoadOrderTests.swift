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
            // The files themselves, not Debian's links between names (`fr_FR.aff` → `fr.aff`).
            try FileManager.default.copyItem(atPath: URL(fileURLWithPath: files.affix).resolvingSymlinksInPath().path, toPath: affix)
            try FileManager.default.copyItem(atPath: URL(fileURLWithPath: files.dictionary).resolvingSymlinksInPath().path, toPath: dictionary)
            cache = LexiconDiskCache(folder: folder + "/cache")
        }

        /// Words of the dictionary and forms around them, in every case, every `stride`th entry.
        func sample(encoding: String.Encoding, stride: Int = 40) throws -> [String] {
            let text = try #require(String(data: Data(contentsOf: URL(fileURLWithPath: dictionary)), encoding: encoding))
            var words: [String] = []
            for (index, line) in text.split(separator: "\n").dropFirst().enumerated() where index % stride == 0 {
                let word = String(line.prefix { $0 != "/" && $0 != "\t" && $0 != " " })
                words += [word, word.uppercased(), word.capitalized, word.lowercased(), String(word.dropLast()), word + "u", word + "ami",
                          word + "s"]
            }
            return words
        }
    }

    static func answers(_ dictionary: HunspellDictionary, _ words: [String]) -> [String] {
        words.map { "\($0) \(dictionary.spell($0)) \(dictionary.stem($0)) \(dictionary.analyze($0))" }
    }

    /// Every installed dictionary of the checked languages is reordered and answers spell, stem
    /// and analyze as the original: cs, ru and uk in UTF-8 without fields; de_DE (comment lines
    /// after a tab), en_GB and fr (morphological fields), es_ES and it_IT (spaces in lines); pl_PL
    /// in ISO 8859-2. Suggestions are compared for cs only (above): libhunspell stops some of its
    /// suggestion searches after a time limit, so under load two loads of the same file can
    /// answer differently (seen with pl_PL: 2 suggestions, then 9).
    @Test(arguments: ["de", "en", "en-GB", "es", "fr", "it", "pl", "ru", "uk"])
    func everyDictionaryIsOrderedAndAnswersAsTheOriginal(language: String) throws {
        guard Installed.hunspell(language) else { return }
        let fixture = try Fixture(language)
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let copy = HunspellLoadOrder.loadPath(affix: fixture.affix, dictionary: fixture.dictionary, cache: fixture.cache)
        #expect(copy != fixture.dictionary, "\(language) is not reordered")
        let plain = try HunspellDictionary(affixPath: fixture.affix, dictionaryPath: fixture.dictionary)
        let ordered = try HunspellDictionary(affixPath: fixture.affix, dictionaryPath: fixture.dictionary, loadingFrom: copy)
        let encoding: String.Encoding = plain.encodingName.uppercased().replacingOccurrences(of: "-", with: "") == "ISO88592" ? .isoLatin2 : .utf8
        let words = try fixture.sample(encoding: encoding, stride: 150)
        #expect(words.count > 1_000)
        let (before, after) = (Self.answers(plain, words), Self.answers(ordered, words))
        #expect(before == after)
        if let (first, second) = zip(before, after).first(where: { $0 != $1 }) { Issue.record("\(language): \(first) ≠ \(second)") }
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
        let words = try fixture.sample(encoding: .utf8)
        #expect(Self.answers(plain, words) == Self.answers(ordered, words))
        // libhunspell stops some suggestion searches after a time limit measured in the process's
        // CPU time, which the other tests' threads use too: under load one ask may stop earlier
        // than the other (seen in a CI run: a third suggestion cut short). An ordering that
        // changed the answers differs on every ask; a time limit hit only on some.
        for word in ["Prahax", "kočkaa", "Moldavskoo", "programuu"] {
            let agree = (0..<5).contains { _ in plain.suggest(word) == ordered.suggest(word) }
            #expect(agree, "\(word): \(plain.suggest(word)) ≠ \(ordered.suggest(word))")
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
        let words = try fixture.sample(encoding: .utf8)
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
        // Pronunciations (`ph:`, read into the replacement table in line order), reversed words
        // and Turkic case rules are not reordered; other morphological fields are.
        #expect(HunspellLoadOrder.reordered(Data("2\nabc ph:abk\nxyz\n".utf8), affix: "SET UTF-8\n") == nil)
        #expect(HunspellLoadOrder.reordered(Data("2\nabc po:noun\nxyz\n".utf8), affix: "SET UTF-8\n") != nil)
        #expect(HunspellLoadOrder.reordered(plain, affix: "SET UTF-8\nCOMPLEXPREFIXES\n") == nil)
        #expect(HunspellLoadOrder.reordered(plain, affix: "SET UTF-8\nLANG tr_TR\n") == nil)
        // 8-bit encodings other than ISO 8859-2 (libhunspell's default, ISO 8859-1, among them).
        #expect(HunspellLoadOrder.reordered(plain, affix: "SET ISO8859-1\n") == nil)
        #expect(HunspellLoadOrder.reordered(plain, affix: "TRY abc\n") == nil)
    }

    @Test func linesAreCutAsLibhunspellCutsThem() {
        func word(_ line: String) -> String? {
            HunspellLoadOrder.entry(ArraySlice(Array(line.utf8))).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(word("Haus/Sp") == "Haus")
        #expect(word("abandonware/M\tNoun: uncountable") == "abandonware")
        #expect(word("\tThis is the dictionary file") == "")  // de_DE's comments: an empty word
        #expect(word("1er/-- po:adj is:mas is:sg") == "1er")
        #expect(word("Ascope ") == "Ascope ")  // es_ES: the space is part of the word
        #expect(word("a cappella") == "a cappella")
        #expect(word("km\\/h/S") == "km/h")
        #expect(word("/ Estensione linguistica") == "/")  // a slash first is the word, the rest flags
        #expect(word("x\r") == nil)
        #expect(HunspellLoadOrder.atoi(ArraySlice(Array(" 75595 words".utf8))) == 75595)
    }

    @Test func eightBitDictionariesAreOrderedByTheirBytes() throws {
        // ISO 8859-2: `ŁÓDŹ` adds the hidden `Łódź`, whose bytes decide its bucket.
        var text = "40\n"
        for filler in 0..<40 { text += "słowo\(filler)\n" }
        text += "Łódź\nŁÓDŹ/A\n"
        let data = try #require(text.data(using: .isoLatin2))
        let ordered = try #require(HunspellLoadOrder.reordered(data, affix: "SET ISO8859-2\n"))
        let result = try #require(String(data: ordered, encoding: .isoLatin2)).split(separator: "\n").map(String.init)
        #expect(Set(result) == Set(text.split(separator: "\n").map(String.init)))
        #expect(try #require(result.firstIndex(of: "Łódź")) < #require(result.firstIndex(of: "ŁÓDŹ/A")))
        let settings = try #require(HunspellLoadOrder.Settings(affix: Array("SET ISO8859-2\n".utf8)))
        let upper = try #require("ŁÓDŹ".data(using: .isoLatin2))
        #expect(settings.hiddenForm(of: Array(upper)) == .some(Array(try #require("Łódź".data(using: .isoLatin2)))))
        #expect(settings.hiddenForm(of: Array(try #require("Łódź".data(using: .isoLatin2)))) == .none)
    }

    @Test func theCacheOffLoadsTheOriginal() {
        #expect(HunspellLoadOrder.loadPath(affix: "/nonexistent.aff", dictionary: "/nonexistent.dic", cache: .off) == "/nonexistent.dic")
    }
}
