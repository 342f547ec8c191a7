import Foundation

/// Tables Lector derives from large lexical files (a FreeDict index's hash table, a dictionary's
/// reverse links), kept on disk between runs: building them costs 5–1,000 ms per resource and every
/// `lector check` would otherwise pay it again.
///
/// The folder is `LECTOR_CACHE_DIR` (`off` disables the cache), else `$XDG_CACHE_HOME/lector`, else
/// `~/.cache/lector`. A file is written to a temporary name and renamed, so a reader sees a whole
/// file or none; it is trusted only when everything checks: magic, format version, byte order, kind,
/// the path, size and modification time of every source file it was built from, its own length and
/// the checksum of its payload. Anything else (a file cut short, flipped bytes, a dictionary
/// upgraded since) is treated as absent: the table is built from the source again and rewritten.
/// A cache that cannot be written (read-only home) only costs the build on every run.
public struct LexiconDiskCache: Sendable, Hashable {
    /// The folder, `nil` when the cache is off.
    public let folder: String?

    public init(folder: String?) { self.folder = folder }

    public static let off = LexiconDiskCache(folder: nil)

    /// The cache of this process's environment.
    public static let standard = resolve()

    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> LexiconDiskCache {
        if let configured = environment["LECTOR_CACHE_DIR"], !configured.isEmpty {
            return LexiconDiskCache(folder: configured == "off" ? nil : (configured as NSString).expandingTildeInPath)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return LexiconDiskCache(folder: (xdg as NSString).appendingPathComponent("lector"))
        }
        guard let home = environment["HOME"], !home.isEmpty else { return .off }
        return LexiconDiskCache(folder: (home as NSString).appendingPathComponent(".cache/lector"))
    }

    /// What a cache file holds; the number is part of the header. Bump `version` whenever the code
    /// that builds any table changes what it builds: source files that did not change would
    /// otherwise keep serving the old table.
    public enum Kind: UInt32, Sendable {
        case freeDictSlots = 1, freeDictReverseLinks = 2
        /// The model word each glossary name is inflected like in a Hunspell dictionary.
        case hunspellModels = 3
        /// The size and checksum of a `.dic` copy in libhunspell's bucket order (`HunspellLoadOrder`).
        case hunspellOrder = 4
        /// Every entry's parsed translations of a FreeDict dictionary (`FreeDictTranslationTable`).
        case freeDictTranslations = 5
        /// The forms of CLDR's unit names in a locale, as ICU's number formatter writes them.
        case unitNames = 6
        /// The places CLDR names in a language pair (`NameCorrespondence.Places` in LectorRules).
        case places = 7
        /// The names of weekdays, months and languages of a locale (`LowerCaseNames`).
        case lowerCaseNames = 8

        var fileTag: String {
            switch self {
            case .freeDictSlots: "index"
            case .freeDictReverseLinks: "reverse"
            case .hunspellModels: "models"
            case .hunspellOrder: "order"
            case .freeDictTranslations: "translations"
            case .unitNames: "units"
            case .places: "places"
            case .lowerCaseNames: "lower-case-names"
            }
        }
    }
    /// 2: the checksum of four lanes (`Checksum`).
    static let version: UInt32 = 2
    static let magic = Array("LECTORLX".utf8)
    static let byteOrderMark: UInt32 = 0x0102_0304

    /// The cache file of a table built from `sources` (the first names it) and, where the table
    /// depends on more than the files (the words added to a dictionary), `key`: the caller stores
    /// the key in a section and compares it, since different keys could share a name.
    public func file(kind: Kind, sources: [String], key: String = "") -> String? {
        guard let folder, let first = sources.first else { return nil }
        let name = ((first as NSString).lastPathComponent as NSString).deletingPathExtension
        let identity = sources.joined(separator: "\n") + (key.isEmpty ? "" : "\n#" + key)
        return (folder as NSString).appendingPathComponent(
            "\(name)-\(kind.fileTag)-\(String(Self.checksum(Array(identity.utf8)), radix: 16)).bin")
    }

    // MARK: - Reading

    /// The sections stored for these sources, or `nil` when there is no valid file for them.
    public func read(kind: Kind, sources: [String], key: String = "") -> [Data]? {
        readStored(kind: kind, sources: sources, key: key)?.sections
    }

    /// A cache file's checked sections, with the file's path and where each section starts in it,
    /// for a reader that reads part of a section from the file instead of through the map.
    public struct Stored: Sendable {
        public let path: String
        public let sections: [Data]
        public let offsets: [Int]
    }

    /// The sections stored for these sources and where they lie in their file, or `nil` when there
    /// is no valid file for them.
    public func readStored(kind: Kind, sources: [String], key: String = "") -> Stored? {
        guard let path = file(kind: kind, sources: sources, key: key),
              let stamps = sources.map(Self.stamp).allNonNil(),
              // A missing or unreadable cache file is an empty cache.
              let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped),
              let (sections, offsets) = Self.decode(data, kind: kind, stamps: stamps, path: path) else { return nil }
        return Stored(path: path, sections: sections, offsets: offsets)
    }

    /// The sections of a cache file's bytes, `nil` unless everything checks. With the file's `path`,
    /// a large payload's checksum is computed from reads of the file rather than from `data` (a map
    /// of it): checking touches every byte, and a touched page of a map counts in the process's
    /// memory while the table is in use, though a look-up reads a few of them (deu-eng's
    /// translation table is 18 MB).
    /// Each section comes with its start in `data`.
    static func decode(_ data: Data, kind: Kind, stamps: [SourceStamp], path: String? = nil)
        -> (sections: [Data], offsets: [Int])? {
        var reader = Reader(data: data)
        guard reader.bytes(magic.count) == magic, reader.uint32() == version, reader.uint32() == byteOrderMark,
              reader.uint32() == kind.rawValue, let sourceCount = reader.uint32(), Int(sourceCount) == stamps.count else { return nil }
        for stamp in stamps {
            guard let length = reader.uint32(), let path = reader.bytes(Int(length)), path == Array(stamp.path.utf8),
                  reader.uint64() == stamp.size, reader.uint64() == stamp.modified else { return nil }
        }
        guard let sectionCount = reader.uint32(), sectionCount < 64 else { return nil }
        var lengths: [Int] = []
        for _ in 0..<sectionCount {
            guard let length = reader.uint64(), length < UInt64(Int.max) else { return nil }
            lengths.append(Int(length))
        }
        guard let checksum = reader.uint64(), reader.position + lengths.reduce(0, +) == data.count else { return nil }
        let payload = data[(data.startIndex + reader.position)...]
        if let path, payload.count >= streamedChecksumSize {
            guard Self.checksum(ofFile: path, from: reader.position, count: payload.count) == checksum else { return nil }
        } else {
            guard payload.withUnsafeBytes({ Self.checksum($0) }) == checksum else { return nil }
        }
        var sections: [Data] = []
        var offsets: [Int] = []
        var start = payload.startIndex
        for length in lengths {
            sections.append(payload[start..<(start + length)])
            offsets.append(start - data.startIndex)
            start += length
        }
        return (sections, offsets)
    }

    // MARK: - Writing

    /// Stores the sections for these sources; `false` when the cache is off or cannot be written.
    @discardableResult
    public func write(kind: Kind, sources: [String], key: String = "", sections: [Data]) -> Bool {
        guard let folder, let path = file(kind: kind, sources: sources, key: key),
              let stamps = sources.map(Self.stamp).allNonNil() else { return false }
        let header = Self.header(kind: kind, stamps: stamps, sections: sections)
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            removeAbandonedTemporaryFiles(in: folder)
            // The sections are written one after the other, not copied into one buffer first: a
            // translation table is tens of megabytes, and two copies of it were most of the peak
            // memory of the run that built it.
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let file = FileHandle(forWritingAtPath: temporary) else {
                throw CocoaError(.fileWriteUnknown)
            }
            do {
                try file.write(contentsOf: header)
                for section in sections { try file.write(contentsOf: section) }
                try file.close()
            } catch {
                try? file.close()  // the write failed already; the temporary file is removed below
                throw error
            }
            guard rename(temporary, path) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)  // best effort: the rename failed already
                return false
            }
            return true
        } catch {
            // An unwritable cache (read-only home, full disk) decides nothing: the table was built
            // and is used; the next run builds it again.
            try? FileManager.default.removeItem(atPath: temporary)  // best effort, as above
            return false
        }
    }

    /// A process that exits while a background load writes leaves its temporary file; one older
    /// than an hour is no write in progress.
    private func removeAbandonedTemporaryFiles(in folder: String) {
        let manager = FileManager.default
        // An unreadable folder has nothing to tidy; the write that follows reports the real problem.
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix(".tmp") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  modified.timeIntervalSinceNow < -3600 else { continue }
            try? manager.removeItem(atPath: path)  // another process may have removed it first
        }
    }

    /// Everything of a cache file before its sections' bytes, the checksum of those included.
    static func header(kind: Kind, stamps: [SourceStamp], sections: [Data]) -> Data {
        var header: [UInt8] = magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value) { header += $0 } }
        append(version)
        append(byteOrderMark)
        append(kind.rawValue)
        append(UInt32(stamps.count))
        for stamp in stamps {
            let path = Array(stamp.path.utf8)
            append(UInt32(path.count))
            header += path
            append(stamp.size)
            append(stamp.modified)
        }
        append(UInt32(sections.count))
        for section in sections { append(UInt64(section.count)) }
        var checksum = Checksum(count: sections.reduce(0) { $0 + $1.count })
        for section in sections { section.withUnsafeBytes { checksum.add($0) } }
        append(checksum.value)
        return Data(header)
    }

    // MARK: - Sources and checksum

    /// What identifies the version of a source file: its resolved path, size and modification time.
    struct SourceStamp: Equatable {
        let path: String
        let size: UInt64
        /// Modification time in nanoseconds since 1970.
        let modified: UInt64
    }

    static func stamp(_ path: String) -> SourceStamp? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        guard stat(resolved, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return SourceStamp(path: resolved, size: UInt64(info.st_size),
                           modified: UInt64(bitPattern: Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)))
    }

    /// A 64-bit checksum over 8-byte words (the tables are megabytes; a byte-wise hash would cost
    /// as much as part of what the cache saves), and each byte after the last whole word. Not
    /// cryptographic: it detects damage, not intent. Fed piece by piece (sections written one
    /// after the other, a file read a megabyte at a time), it gives what one pass over all the
    /// bytes gives: a block cut by the end of a piece is completed from the next.
    ///
    /// The words of each 32-byte block go to four lanes, one word each, mixed into one value at
    /// the end: one chain of multiplications made every word wait for the one before (checking
    /// deu-eng's tables at start-up was a twentieth of a news check), four run side by side.
    /// Every step (a lane's mix, the lanes' combination, a tail byte's) is a bijection of the
    /// value before it, so a change in any one word or byte always changes the checksum.
    struct Checksum {
        private var lanes: (UInt64, UInt64, UInt64, UInt64)
        private let count: Int
        /// Bytes of a block that a piece's end cut, under 32.
        private var pending: [UInt8] = []

        init(count: Int) {
            self.count = count
            let seed = UInt64(count)
            lanes = (0x243F_6A88_85A3_08D3 ^ seed, 0x1319_8A2E_0370_7344 ^ seed,
                     0xA409_3822_299F_31D0 ^ seed, 0x082E_FA98_EC4E_6C89 ^ seed)
        }

        private static func mix(_ hash: UInt64, _ word: UInt64, shift: UInt64 = 31) -> UInt64 {
            let hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            return hash ^ (hash >> shift)
        }

        private static func mixBlocks(_ bytes: UnsafeRawBufferPointer, from start: Int, count blocks: Int,
                                      into lanes: inout (UInt64, UInt64, UInt64, UInt64)) {
            var (a, b, c, d) = lanes
            var offset = start
            // A shift of its own per lane: with one shift the compiler packed two lanes into a
            // vector register, which has no 64-bit multiplication (emulated, it ran at half speed).
            for _ in 0..<blocks {
                a = mix(a, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self), shift: 31)
                b = mix(b, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self), shift: 29)
                c = mix(c, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self), shift: 27)
                d = mix(d, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self), shift: 33)
                offset += 32
            }
            lanes = (a, b, c, d)
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var index = 0
            if !pending.isEmpty {
                while pending.count < 32, index < bytes.count {
                    pending.append(bytes[index])
                    index += 1
                }
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { Self.mixBlocks($0, from: 0, count: 1, into: &lanes) }
                pending.removeAll(keepingCapacity: true)
            }
            let blocks = (bytes.count - index) / 32
            Self.mixBlocks(bytes, from: index, count: blocks, into: &lanes)
            index += blocks * 32
            pending.append(contentsOf: bytes[index...])
        }

        var value: UInt64 {
            var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
            hash = Self.mix(Self.mix(Self.mix(Self.mix(hash, lanes.0), lanes.1), lanes.2), lanes.3)
            // The last block's whole words, then its bytes.
            let words = pending.count / 8
            pending.withUnsafeBytes { tail in
                for word in 0..<words { hash = Self.mix(hash, tail.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)) }
            }
            for byte in pending[(words * 8)...] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return hash ^ (hash >> 29)
        }
    }

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = Checksum(count: bytes.count)
        checksum.add(bytes)
        return checksum.value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { checksum($0) } }

    /// Payloads from which `decode` reads the file to check them instead of touching the map.
    static let streamedChecksumSize = 1 << 20

    /// `checksum` of `count` bytes of a file from `offset`, read a megabyte at a time; `nil` when
    /// the file cannot be read to the end.
    static func checksum(ofFile path: String, from offset: Int, count: Int) -> UInt64? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var checksum = Checksum(count: count)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var done = 0
        while done < count {
            let wanted = min(buffer.count, count - done)
            guard buffer.withUnsafeMutableBytes({ readFully(descriptor, wanted, at: offset + done, into: $0.baseAddress!) }) else { return nil }
            buffer.withUnsafeBytes { checksum.add(UnsafeRawBufferPointer(rebasing: $0[..<wanted])) }
            done += wanted
        }
        return checksum.value
    }

    /// Reads `count` bytes of a file at `offset` into `buffer`, through short reads and
    /// interruptions; `false` on an error or the file's end.
    static func readFully(_ descriptor: Int32, _ count: Int, at offset: Int, into buffer: UnsafeMutableRawPointer) -> Bool {
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            done += got
        }
        return true
    }

    // MARK: - Arrays

    static func data<T: FixedWidthInteger>(_ array: [T]) -> Data { array.withUnsafeBytes { Data($0) } }

    /// The array a section holds, `nil` if its length is not a whole number of elements.
    static func array<T: FixedWidthInteger>(_ data: Data, of type: T.Type) -> [T]? {
        guard data.count % MemoryLayout<T>.stride == 0 else { return nil }
        let count = data.count / MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw) }
            initialized = count
        }
    }

    private struct Reader {
        let data: Data
        var position = 0

        mutating func bytes(_ count: Int) -> [UInt8]? {
            guard count >= 0, position + count <= data.count else { return nil }
            defer { position += count }
            let start = data.startIndex + position
            return Array(data[start..<(start + count)])
        }

        mutating func uint32() -> UInt32? { integer() }
        mutating func uint64() -> UInt64? { integer() }

        private mutating func integer<T: FixedWidthInteger>() -> T? {
            let size = MemoryLayout<T>.size
            guard position + size <= data.count else { return nil }
            defer { position += size }
            return data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: T.self) }
        }
    }
}

extension Array {
    /// The elements unwrapped, or `nil` if any is `nil`.
    func allNonNil<T>() -> [T]? where Element == T? {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self {
            guard let element else { return nil }
            result.append(element)
        }
        return result
    }
}
