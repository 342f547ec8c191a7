import Foundation
import LectorTestSupport
import Testing
@testable import LectorLexicon

/// The on-disk cache of FreeDict tables: used when valid, rebuilt (with the same answers) when
/// damaged, cut short or older than its dictionary. Each test works on its own copy of a small
/// installed dictionary (eng-rus, which Lector also reads backwards for ru→en).
@Suite struct LexiconDiskCacheTests {
    /// A temporary folder with a copy of eng-rus and an empty cache folder.
    struct Fixture {
        let folder: String
        let index: String
        let cache: LexiconDiskCache

        init() throws {
            let installed = try #require(LexicalResource.freeDictIndex(from: "en", to: "ru", in: Installed.paths))
            folder = NSTemporaryDirectory() + "lector-cache-test-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder + "/cache", withIntermediateDirectories: true)
            index = folder + "/freedict-eng-rus.index"
            try FileManager.default.copyItem(atPath: installed, toPath: index)
            try FileManager.default.copyItem(atPath: String(installed.dropLast(".index".count)) + ".dict.dz",
                                             toPath: folder + "/freedict-eng-rus.dict.dz")
            cache = LexiconDiskCache(folder: folder + "/cache")
        }

        var slotsFile: String { cache.file(kind: .freeDictSlots, sources: [index])! }
        var linksFile: String { cache.file(kind: .freeDictReverseLinks, sources: [index, String(index.dropLast(6)) + ".dict.dz"])! }

        /// What a lexicon answers from this dictionary both ways: lookups use the hash table,
        /// ru→en the reverse links.
        func answers() throws -> [String] {
            let dictionary = try FreeDictDictionary(indexPath: index, cache: cache)
            let reversed = try ReversedDictionary(dictionary)
            return try ["dog", "house", "water", "Dog"].map { try dictionary.translations(of: $0).map(\.text).joined(separator: ",") }
                + ["собака", "дом", "вода"].map { try reversed.translations(of: $0).map(\.text).joined(separator: ",") }
                + ["\(dictionary.entryCount)"]
        }

        func isValid(_ file: String, kind: LexiconDiskCache.Kind, sources: [String]) -> Bool {
            cache.read(kind: kind, sources: sources) != nil
        }
    }

    @Test(.enabled(if: Installed.freeDict("en", "ru"), "needs dict-freedict-eng-rus"))
    func aBuiltTableIsStoredAndReadBackWithTheSameAnswers() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let uncached = try fixture.answers()
        #expect(uncached.contains { $0.contains("собака") })
        #expect(FileManager.default.fileExists(atPath: fixture.slotsFile))
        #expect(FileManager.default.fileExists(atPath: fixture.linksFile))
        let modified = try FileManager.default.attributesOfItem(atPath: fixture.slotsFile)[.modificationDate] as? Date
        #expect(try fixture.answers() == uncached)
        // Read, not rewritten.
        #expect(try FileManager.default.attributesOfItem(atPath: fixture.slotsFile)[.modificationDate] as? Date == modified)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder + "/cache").sorted()
            == [fixture.linksFile, fixture.slotsFile].map { ($0 as NSString).lastPathComponent }.sorted())
    }

    @Test(.enabled(if: Installed.freeDict("en", "ru"), "needs dict-freedict-eng-rus"))
    func aCorruptOrTruncatedFileIsRebuiltWithTheSameAnswers() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let expected = try fixture.answers()
        for file in [fixture.slotsFile, fixture.linksFile] {
            let original = try Data(contentsOf: URL(fileURLWithPath: file))
            var damaged: [Data] = []
            // One flipped byte in the payload (the table itself), in the header, a file cut short,
            // a file with bytes appended, an empty file.
            for position in [original.count - 3, 9] {
                var flipped = original
                flipped[position] ^= 0x5A
                damaged.append(flipped)
            }
            damaged += [original.prefix(original.count / 2), original + Data([0, 0, 0, 0]), Data()]
            for bytes in damaged {
                try bytes.write(to: URL(fileURLWithPath: file))
                #expect(try fixture.answers() == expected)
                // Rebuilt and rewritten whole.
                #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == original)
            }
        }
    }

    /// The checksum mixes each 32-byte block's four words in four lanes: a byte damaged at any of
    /// the 32 positions of a block (each byte of each lane), or among the bytes after the last
    /// block, makes the file invalid. The last 45 bytes of the payload cover a whole block and the
    /// tail, wherever the payload ends.
    @Test(.enabled(if: Installed.freeDict("en", "ru"), "needs dict-freedict-eng-rus"))
    func aByteDamagedInAnyLaneMakesTheFileInvalid() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        _ = try fixture.answers()
        let file = fixture.slotsFile
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(fixture.isValid(file, kind: .freeDictSlots, sources: [fixture.index]))
        for back in 1...45 {
            var flipped = original
            flipped[original.count - back] ^= 0x01
            try flipped.write(to: URL(fileURLWithPath: file))
            #expect(!fixture.isValid(file, kind: .freeDictSlots, sources: [fixture.index]), "\(back)")
        }
        try original.write(to: URL(fileURLWithPath: file))
        #expect(fixture.isValid(file, kind: .freeDictSlots, sources: [fixture.index]))
    }

    /// The same of the checksum itself, for lengths that end inside a block, on a block's end and
    /// inside a word: every byte, flipped by any one bit, changes it; so does a block's words swapped.
    @Test func everyDamagedByteChangesTheChecksum() {
        var generator = SeededGenerator(seed: 7)
        for count in [1, 8, 31, 32, 33, 64, 100, 131] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let checksum = LexiconDiskCache.checksum(bytes)
            for position in 0..<count {
                for bit in 0..<8 {
                    var damaged = bytes
                    damaged[position] ^= 1 << bit
                    #expect(LexiconDiskCache.checksum(damaged) != checksum, "\(count) \(position) \(bit)")
                }
            }
            if count >= 32 {
                let swapped = Array(bytes[8..<16] + bytes[0..<8] + bytes[16...])
                #expect(LexiconDiskCache.checksum(swapped) != checksum || swapped == bytes)
            }
        }
    }

    @Test(.enabled(if: Installed.freeDict("en", "ru"), "needs dict-freedict-eng-rus"))
    func aDictionaryChangedSinceTheFileWasWrittenIsReadAgain() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        _ = try fixture.answers()
        // A new entry at the front: every line start moves, so a stale table would find nothing.
        // The size differs; a second change keeps the size and only moves the modification time.
        let original = try String(contentsOfFile: fixture.index, encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let dogLine = try #require(lines.first { $0.hasPrefix("dog\t") })
        lines.insert("aaaaa" + dogLine.dropFirst(3), at: 0)
        try lines.joined(separator: "\n").write(toFile: fixture.index, atomically: false, encoding: .utf8)
        let dictionary = try FreeDictDictionary(indexPath: fixture.index, cache: fixture.cache)
        #expect(try dictionary.translations(of: "aaaaa") == dictionary.translations(of: "dog"))
        #expect(try !dictionary.translations(of: "dog").isEmpty)
        #expect(try ReversedDictionary(dictionary).translations(of: "собака").map(\.text).contains("aaaaa"))

        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.slotsFile))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -86_400)], ofItemAtPath: fixture.index)
        #expect(fixture.cache.read(kind: .freeDictSlots, sources: [fixture.index]) == nil)
        _ = try FreeDictDictionary(indexPath: fixture.index, cache: fixture.cache)
        let after = try Data(contentsOf: URL(fileURLWithPath: fixture.slotsFile))
        #expect(after != before)  // the header carries the new modification time
        #expect(fixture.cache.read(kind: .freeDictSlots, sources: [fixture.index]) != nil)
    }

    @Test func theFolderComesFromTheEnvironment() {
        #expect(LexiconDiskCache.resolve(environment: ["LECTOR_CACHE_DIR": "off", "HOME": "/home/a"]).folder == nil)
        #expect(LexiconDiskCache.resolve(environment: ["LECTOR_CACHE_DIR": "/x", "XDG_CACHE_HOME": "/y"]).folder == "/x")
        #expect(LexiconDiskCache.resolve(environment: ["XDG_CACHE_HOME": "/y", "HOME": "/home/a"]).folder == "/y/lector")
        #expect(LexiconDiskCache.resolve(environment: ["HOME": "/home/a"]).folder == "/home/a/.cache/lector")
        // A relative XDG_CACHE_HOME is invalid by the XDG specification and ignored.
        #expect(LexiconDiskCache.resolve(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/home/a"]).folder == "/home/a/.cache/lector")
    }

    @Test(.enabled(if: Installed.freeDict("en", "ru"), "needs dict-freedict-eng-rus"))
    func anOffOrUnwritableCacheStillAnswers() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let expected = try fixture.answers()
        let off = try FreeDictDictionary(indexPath: fixture.index, cache: .off)
        #expect(try off.translations(of: "dog").map(\.text).joined(separator: ",") == expected[0])
        // A cache "folder" that is a file cannot be written.
        let blocked = LexiconDiskCache(folder: fixture.index)
        #expect(!blocked.write(kind: .freeDictSlots, sources: [fixture.index], sections: [Data([1])]))
        let dictionary = try FreeDictDictionary(indexPath: fixture.index, cache: blocked)
        #expect(try dictionary.translations(of: "dog").map(\.text).joined(separator: ",") == expected[0])
    }
    /// A large payload's checksum is read from the file in megabyte pieces: the same value as over
    /// the bytes in memory, for payloads ending inside a word, at a piece's end and past it, from
    /// an offset that is not a multiple of 8; and `nil` for a file shorter than asked.
    @Test func aChecksumReadFromTheFileIsTheChecksumOfItsBytes() throws {
        var generator = SeededGenerator(seed: 5)
        let bytes = (0..<((3 << 20) + 21)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = NSTemporaryDirectory() + "lector-checksum-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (offset, count) in [(0, bytes.count), (13, 1 << 20), (13, (1 << 20) + 5), (7, 2 << 20), (0, 3), (21, 3 << 20)] {
            let expected = LexiconDiskCache.checksum(Array(bytes[offset..<(offset + count)]))
            #expect(LexiconDiskCache.checksum(ofFile: path, from: offset, count: count) == expected, "\(offset) \(count)")
        }
        // Fed in pieces of any length, the checksum is the one pass's.
        for _ in 0..<20 {
            let count = Int.random(in: 0...5_000, using: &generator)
            var checksum = LexiconDiskCache.Checksum(count: count)
            var start = 0
            while start < count {
                let end = min(count, start + Int.random(in: 0...80, using: &generator))
                bytes[start..<end].withUnsafeBytes { checksum.add($0) }
                start = end
            }
            #expect(checksum.value == LexiconDiskCache.checksum(Array(bytes[..<count])), "\(count)")
        }
        #expect(LexiconDiskCache.checksum(ofFile: path, from: 100, count: bytes.count) == nil)
        #expect(LexiconDiskCache.checksum(ofFile: path + ".absent", from: 0, count: 8) == nil)
    }
}

