import Foundation

/// Tables Lector derives from ICU's data and keeps in the lexicon disk cache: the files they depend
/// on, as the cache stamps its sources (the running executable, whose code derives the tables, and
/// every ICU library and data file mapped into the process), and their encoding as text. A table
/// stored with them is trusted only while none of them changed; a new build of Lector or an
/// upgraded ICU makes it again.
enum DerivedTables {
    /// The files, `nil` where they cannot be named (no `/proc`): such a table is made every time.
    static let files: [String]? = {
        guard let executable = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(executable) }
        let icu = icuFiles()
        return icu.isEmpty ? nil : [String(cString: executable)] + icu
    }()

    /// The ICU libraries and data files mapped into the process (`libicuuc`, `libicui18n`,
    /// `libicudata`, an `icudt*.dat`), from `/proc/self/maps`, sorted. Read on its bytes: a split
    /// of the text by characters cost as much as reading a table back.
    static func icuFiles() -> [String] {
        // An unreadable map names no source: the tables are then made from ICU.
        guard let maps = readToEnd("/proc/self/maps") else { return [] }
        var files: Set<String> = []
        for line in maps.split(separator: UInt8(ascii: "\n")) {
            guard let first = line.firstIndex(of: UInt8(ascii: "/")), let last = line.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let name = line[(last + 1)...]
            guard name.starts(with: "libicu".utf8) || name.starts(with: "icudt".utf8) else { continue }
            // A path that is not UTF-8 is repaired into one no file has: its stamp fails, and so
            // nothing is stored.
            files.insert(String(decoding: line[first...], as: UTF8.self))
        }
        return files.sorted()
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
