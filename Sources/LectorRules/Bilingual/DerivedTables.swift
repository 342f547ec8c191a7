import Foundation
import LectorLexicon

/// Tables Lector derives from ICU's data and keeps in the lexicon disk cache: the files they depend
/// on, as the cache stamps its sources (the image that holds this code, which derives the tables,
/// and every ICU library and data file mapped into the process), and their encoding as text. A
/// table stored with them is trusted only while none of them changed; a new build of Lector or an
/// upgraded ICU makes it again.
enum DerivedTables {
    /// The files, `nil` where they cannot be named (no `/proc`) or no longer are the files this
    /// process runs: such a table is made from ICU every time, and neither read nor stored.
    ///
    /// Checked at each call, not once: the cache stamps a file when it reads or writes a table,
    /// and a binary or an ICU library replaced on disk while a process runs (a rebuild, a package
    /// upgrade) would otherwise have this process's tables, made by the old code or data, stored
    /// under the new file's stamp.
    static var files: [String]? { mappedSources.flatMap(unchanged) }

    /// The paths of `mapped`, `nil` when a path is gone or holds another file (inode) now.
    static func unchanged(_ mapped: [MappedFile]) -> [String]? {
        for file in mapped {
            var info = stat()
            guard stat(file.path, &info) == 0, UInt64(info.st_ino) == file.inode else { return nil }
        }
        return mapped.map(\.path)
    }

    /// The table stored in `cache` for `key` (`decode` of its checked sections), else the one
    /// `make` makes, stored when `encode` can write it; where the sources cannot be named, made
    /// every time. The one way each derived table is read or made and stored.
    static func table<Table, Failure: Error>(
        kind: LexiconDiskCache.Kind, key: String, cache: LexiconDiskCache,
        decode: ([Data]?) -> Table?, encode: (Table) -> [Data]?, make: () throws(Failure) -> Table
    ) throws(Failure) -> Table {
        guard let sources = files else { return try make() }
        if let stored = decode(cache.read(kind: kind, sources: sources, key: key)) { return stored }
        let made = try make()
        if let sections = encode(made) { cache.write(kind: kind, sources: sources, key: key, sections: sections) }
        return made
    }

    /// A file mapped into the process, with the inode it was mapped from.
    struct MappedFile: Equatable {
        let path: String
        let inode: UInt64
    }

    /// The image that holds this code (the executable, or the shared library Lector is linked
    /// into when a program embeds it) and ICU's files, as `/proc/self/maps` names them; `nil`
    /// where that cannot be read, or where `ICU_DATA` is set: ICU then reads data from files it
    /// maps only while it opens them (`.res` files under that folder), which no stamp covers.
    static let mappedSources: [MappedFile]? = {
        guard ProcessInfo.processInfo.environment["ICU_DATA"] == nil,
              let maps = readToEnd("/proc/self/maps") else { return nil }
        let entries = mappings(maps)
        let here = UInt(bitPattern: #dsohandle)
        guard let code = entries.first(where: { $0.range.contains(here) })?.file else { return nil }
        let icu = icuFiles(entries)
        return icu.isEmpty ? nil : [code] + icu
    }()

    /// The file-backed lines of a `/proc/self/maps` text: address range, inode and path. A path
    /// that is not UTF-8 is repaired into one no file has: its stamp fails, and so nothing is
    /// stored.
    static func mappings(_ maps: [UInt8]) -> [(range: Range<UInt>, file: MappedFile)] {
        var entries: [(range: Range<UInt>, file: MappedFile)] = []
        for line in maps.split(separator: UInt8(ascii: "\n")) {
            guard let slash = line.firstIndex(of: UInt8(ascii: "/")) else { continue }
            // address perms offset dev inode, then spaces and the path
            let fields = line[..<slash].split(separator: UInt8(ascii: " "))
            guard fields.count >= 5, let dash = fields[0].firstIndex(of: UInt8(ascii: "-")),
                  let low = UInt(String(decoding: fields[0][..<dash], as: UTF8.self), radix: 16),
                  let high = UInt(String(decoding: fields[0][(dash + 1)...], as: UTF8.self), radix: 16), low <= high,
                  let inode = UInt64(String(decoding: fields[4], as: UTF8.self)) else { continue }
            entries.append((low..<high, MappedFile(path: String(decoding: line[slash...], as: UTF8.self), inode: inode)))
        }
        return entries
    }

    /// The ICU libraries and data files among `entries` (`libicuuc`, `libicui18n`, `libicudata`,
    /// an `icudt*.dat`), once each, sorted by path.
    static func icuFiles(_ entries: [(range: Range<UInt>, file: MappedFile)]) -> [MappedFile] {
        var files: [String: MappedFile] = [:]
        for entry in entries {
            let name = (entry.file.path as NSString).lastPathComponent
            guard name.hasPrefix("libicu") || name.hasPrefix("icudt") else { continue }
            files[entry.file.path] = entry.file
        }
        return files.keys.sorted().map { files[$0]! }
    }

    /// The ICU files mapped into this process (`icuFiles` of its map).
    static func icuFiles() -> [String] {
        readToEnd("/proc/self/maps").map { icuFiles(mappings($0)).map(\.path) } ?? []
    }

    /// A file's bytes read to its end. `String(contentsOfFile:)` reads as many bytes as `stat`
    /// gives, and of a `/proc` file, which it gives as 0, it read the first 4 KB only: a process
    /// with many libraries (a test runner) had ICU's past them.
    static func readToEnd(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            bytes += buffer[..<got]
        }
        return bytes
    }

    /// Whether `text` holds none of the ASCII separators (FS, GS, RS, US) the stored tables use.
    static func isStorable(_ text: String) -> Bool {
        !text.utf8.contains { $0 >= 0x1C && $0 <= 0x1F }
    }

    /// A set of words as a section: each word followed by RS, in sorted order; `nil` where a word
    /// holds a separator.
    static func section(_ words: Set<String>) -> Data? {
        var text = ""
        for word in words.sorted() {
            guard isStorable(word) else { return nil }
            text += word + "\u{1E}"
        }
        return Data(text.utf8)
    }

    /// The words of a section made by `section(_:)`; `nil` for anything else.
    static func words(_ section: Data) -> Set<String>? {
        guard let text = String(data: section, encoding: .utf8), let words = records(text, "\u{1E}") else { return nil }
        return Set(words)
    }

    /// The records of `text`, each ended by `terminator`; `nil` when the text does not end with one.
    /// Cut on the bytes (a split by characters was most of reading a file back): a separator is
    /// a control character, which is always a character of its own, so the cuts are the same.
    static func records(_ text: String, _ terminator: Unicode.Scalar) -> [String]? {
        let byte = UInt8(terminator.value)
        guard text.utf8.last.map({ $0 == byte }) ?? true else { return nil }
        return text.utf8.split(separator: byte, omittingEmptySubsequences: false).dropLast().map { String(Substring($0)) }
    }
}
