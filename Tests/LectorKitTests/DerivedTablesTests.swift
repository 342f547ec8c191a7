import Foundation
@testable import LectorICU
@testable import LectorLexicon
@testable import LectorRules
@testable import LectorText
import Testing

/// CLDR's unit names kept in the lexicon disk cache (`UnitNameStore`) are the ones ICU writes
/// (`UnitWords.catalogueForms`), when the cache is written, when it is read, and when its file is
/// damaged (read from ICU again and rewritten).
@Suite struct UnitNameStoreTests {
    static let locales = ["de", "en", "en_001", "ru", "cs", "fr", "ja", "zh", "ro", "uk", "pl"]

    @Test(.enabled(if: DerivedTables.files != nil, "needs /proc/self/maps"))
    func storedFormsAreICUs() throws {
        let folder = NSTemporaryDirectory() + "lector-units-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = LexiconDiskCache(folder: folder)
        let sources = try #require(DerivedTables.files)
        #expect(sources.contains { ($0 as NSString).lastPathComponent.hasPrefix("libicuuc") })
        for locale in Self.locales {
            let reference = try UnitWords.catalogueForms(locale: locale)
            #expect(reference.count == UnitWords.catalogueStems.count)
            #expect(reference.contains { !$0.isEmpty })
            let key = UnitNameStore.key(locale: locale)
            let path = try #require(cache.file(kind: .unitNames, sources: sources, key: key))
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(try UnitNameStore.forms(locale: locale, cache: cache) == reference)
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(UnitNameStore.decode(cache.read(kind: .unitNames, sources: sources, key: key), key: key) == reference)
            #expect(try UnitNameStore.forms(locale: locale, cache: cache) == reference)

            // A flipped byte in the payload fails the checksum: the forms come from ICU again.
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes[bytes.count - 2] ^= 0x20
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(cache.read(kind: .unitNames, sources: sources, key: key) == nil)
            #expect(try UnitNameStore.forms(locale: locale, cache: cache) == reference)
            #expect(UnitNameStore.decode(cache.read(kind: .unitNames, sources: sources, key: key), key: key) == reference)
        }
    }

    /// `/proc` files are read to their end, past the first 4 KB that `String(contentsOfFile:)` read
    /// of them; a regular file reads as Foundation reads it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/maps"), "needs /proc"))
    func filesAreReadToTheirEnd() throws {
        let maps = try #require(DerivedTables.readToEnd("/proc/self/maps"))
        #expect(maps.count > 4096)
        #expect(maps.last == UInt8(ascii: "\n"))
        let path = #filePath
        #expect(DerivedTables.readToEnd(path) == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(DerivedTables.readToEnd(path + ".missing") == nil)
        // The libraries are named as the map names them, each once.
        let text = String(decoding: maps, as: UTF8.self)
        for file in DerivedTables.icuFiles() { #expect(text.contains(file)) }
        #expect(Set(DerivedTables.icuFiles()).count == DerivedTables.icuFiles().count)
    }

    /// The code's own image is the first source: in this test runner, the runner itself, where
    /// Lector's modules are linked.
    @Test(.enabled(if: DerivedTables.mappedSources != nil, "needs /proc/self/maps and no ICU_DATA"))
    func theCodesImageIsASource() throws {
        let sources = try #require(DerivedTables.mappedSources)
        let executable = try #require(realpath("/proc/self/exe", nil))
        defer { free(executable) }
        #expect(sources.first?.path == String(cString: executable))
        #expect(DerivedTables.files == sources.map(\.path))
    }

    /// A file replaced on disk since it was mapped (another inode at its path) or gone names no
    /// source: a table made by the old code or data is then neither stored nor read.
    @Test func aReplacedOrMissingFileNamesNoSource() throws {
        let folder = NSTemporaryDirectory() + "lector-mapped-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/libicuuc.so.72", replacement = folder + "/new"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        var info = stat()
        #expect(stat(path, &info) == 0)
        let mapped = [DerivedTables.MappedFile(path: path, inode: UInt64(info.st_ino))]
        #expect(DerivedTables.unchanged(mapped) == [path])
        try Data("new".utf8).write(to: URL(fileURLWithPath: replacement))
        #expect(rename(replacement, path) == 0)
        #expect(DerivedTables.unchanged(mapped) == nil)
        try FileManager.default.removeItem(atPath: path)
        #expect(DerivedTables.unchanged(mapped) == nil)
    }

    /// A line of `/proc/self/maps` is read for its address range, inode and path; anonymous
    /// mappings are left out.
    @Test func mapLinesAreRead() {
        let maps = Array("""
            7f00a000-7f00b000 r--p 00000000 fd:01 1234567                    /usr/lib/x86_64-linux-gnu/libicuuc.so.72.1
            7f00b000-7f00c000 rw-p 00000000 00:00 0 
            7f00c000-7f00d000 r-xp 00001000 fd:01 1234567                    /usr/lib/x86_64-linux-gnu/libicuuc.so.72.1
            7f00d000-7f00e000 r--p 00000000 fd:01 42                         /opt/lector/bin/lector (deleted)

            """.utf8)
        let entries = DerivedTables.mappings(maps)
        #expect(entries.map(\.range) == [0x7f00a000..<0x7f00b000, 0x7f00c000..<0x7f00d000, 0x7f00d000..<0x7f00e000])
        #expect(entries.map(\.file.inode) == [1234567, 1234567, 42])
        #expect(entries[2].file.path == "/opt/lector/bin/lector (deleted)")
        #expect(DerivedTables.icuFiles(entries).map(\.path) == ["/usr/lib/x86_64-linux-gnu/libicuuc.so.72.1"])
    }

    @Test func decodingRefusesWhatWasNotMadeForTheKey() throws {
        let reference = try UnitWords.catalogueForms(locale: "de")
        let key = UnitNameStore.key(locale: "de")
        let sections = try #require(UnitNameStore.encode(reference, key: key))
        #expect(UnitNameStore.decode(sections, key: key) == reference)
        #expect(UnitNameStore.decode(sections, key: UnitNameStore.key(locale: "en")) == nil)
        #expect(UnitNameStore.decode([sections[0]], key: key) == nil)
        #expect(UnitNameStore.decode([sections[0], sections[1].dropLast()], key: key) == nil)
        #expect(UnitNameStore.decode([sections[0], Data("99999\u{1F}A\u{1F}km\u{1E}".utf8)], key: key) == nil)
        #expect(UnitNameStore.decode([sections[0], Data("0\u{1F}X\u{1F}km\u{1E}".utf8)], key: key) == nil)
        #expect(UnitNameStore.encode([[MeasureUnitNames.Form(text: "a\u{1E}b", isBeforeNumber: false)]], key: key) == nil)
    }
}

/// The places of a language pair kept in the lexicon disk cache (`PlacesStore`) are the ones read
/// from CLDR through ICU, when written, when read, and when the file is damaged.
@Suite struct PlacesStoreTests {
    static func expectSame(_ a: NameCorrespondence.Places, _ b: NameCorrespondence.Places) {
        #expect(a.entries.count == b.entries.count)
        #expect(a.entries.elementsEqual(b.entries) { $0.source == $1.source && $0.target == $1.target })
        #expect(a.sourceWords == b.sourceWords)
        #expect(a.sourceCalendar == b.sourceCalendar)
        #expect(a.targetCalendar == b.targetCalendar)
        #expect(a.targetPlacesAndLanguages == b.targetPlacesAndLanguages)
        #expect(a.targetLanguages == b.targetLanguages)
        #expect(a.targetCitiesAndCountries == b.targetCitiesAndCountries)
    }

    @Test(.enabled(if: DerivedTables.files != nil, "needs /proc/self/maps"))
    func storedPlacesAreCLDRs() throws {
        let folder = NSTemporaryDirectory() + "lector-places-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = LexiconDiskCache(folder: folder)
        let sources = try #require(DerivedTables.files)
        let latin = try Transliterator(id: NamesMissingRule.latinTransliteration)
        for (source, target) in [("de", "en"), ("ru", "en"), ("en", "de"), ("ja", "en"), ("cs", "en"), ("zh", "fr")] {
            let reference = try NameCorrespondence.Places(source: source, target: target, latin: latin)
            #expect(reference.entries.count > 10)
            let key = PlacesStore.key(source: source, target: target, latin: latin)
            let path = try #require(cache.file(kind: .places, sources: sources, key: key))
            Self.expectSame(try PlacesStore.places(source: source, target: target, latin: latin, cache: cache), reference)
            #expect(FileManager.default.fileExists(atPath: path))
            let stored = try #require(PlacesStore.decode(cache.read(kind: .places, sources: sources, key: key), key: key))
            Self.expectSame(stored, reference)
            #expect(PlacesStore.decode(cache.read(kind: .places, sources: sources, key: key), key: key + "x") == nil)

            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes[bytes.count - 2] ^= 0x20
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(cache.read(kind: .places, sources: sources, key: key) == nil)
            Self.expectSame(try PlacesStore.places(source: source, target: target, latin: latin, cache: cache), reference)
        }
    }
}

/// The names of weekdays, months and languages kept in the lexicon disk cache
/// (`LowerCaseNamesStore`) are the ones ICU gives, when written, when read, and when damaged.
@Suite struct LowerCaseNamesStoreTests {
    @Test(.enabled(if: DerivedTables.files != nil, "needs /proc/self/maps"))
    func storedNamesAreICUs() throws {
        let folder = NSTemporaryDirectory() + "lector-lower-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = LexiconDiskCache(folder: folder)
        let sources = try #require(DerivedTables.files)
        for locale in ["en", "de", "fr", "ru", "cs", "ja", "ro"] {
            let reference = try LowerCaseNames(locale: locale)
            // Japanese writes no case: both sets are empty, and stored empty.
            #expect((reference.capitalizedWords.isEmpty && reference.lowerCaseWords.isEmpty) == (locale == "ja"))
            let key = "lower-case-names:" + locale
            let path = try #require(cache.file(kind: .lowerCaseNames, sources: sources, key: key))
            for _ in 0..<2 {
                let read = try LowerCaseNamesStore.read(locale: locale, cache: cache)
                #expect(read.locale == locale)
                #expect(read.lowerCaseWords == reference.lowerCaseWords)
                #expect(read.capitalizedWords == reference.capitalizedWords)
                #expect(FileManager.default.fileExists(atPath: path))
            }
            #expect(LowerCaseNamesStore.decode(cache.read(kind: .lowerCaseNames, sources: sources, key: key), key: key + "x",
                                               locale: locale) == nil)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes[bytes.count - 2] ^= 0x20
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(cache.read(kind: .lowerCaseNames, sources: sources, key: key) == nil)
            #expect(try LowerCaseNamesStore.read(locale: locale, cache: cache).lowerCaseWords == reference.lowerCaseWords)
        }
    }

    /// A word list survives the round trip whatever it holds but the separators.
    @Test func wordSectionsRoundTrip() throws {
        let words: Set<String> = ["", "a", "Ünter", "東京", "e\u{301}", "\r\n", "x y", "\u{1C}"]
        #expect(DerivedTables.section(words) == nil)
        let storable = words.subtracting(["\u{1C}"])
        #expect(DerivedTables.words(try #require(DerivedTables.section(storable))) == storable)
        #expect(DerivedTables.words(Data("a\u{1E}b".utf8)) == nil)
        #expect(DerivedTables.words(Data()) == [])
    }
}
