import Foundation
@_implementationOnly import CZlib

/// A dictzip file (`.dict.dz`): gzip whose header carries a random-access table (the `RA` extra
/// field: chunk length, then the compressed size of every chunk), so a range of the original text
/// is read by inflating only the chunks that hold it. A plain gzip file without that field is read
/// by inflating it whole, once.
///
/// Safe to share between threads: the compressed bytes are memory-mapped and read only, and each
/// read inflates into its own buffers.
public final class DictzipFile: @unchecked Sendable {
    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case notGzip(String)
        case corrupt(String, detail: String)
        case outOfRange(String, offset: Int, length: Int)

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read \(path)"
            case .notGzip(let path): "\(path) is not a gzip file"
            case .corrupt(let path, let detail): "\(path) is damaged: \(detail)"
            case .outOfRange(let path, let offset, let length):
                "\(path) has no bytes \(offset)..<\(offset + length)"
            }
        }
    }

    public let path: String
    /// Whether the file has a dictzip random-access table (otherwise reads inflate the whole file).
    public var hasRandomAccess: Bool { chunkLength > 0 }

    private let compressed: Data
    private let chunkLength: Int
    /// Start of each compressed chunk in `compressed`, plus the end of the last one.
    private let chunkStarts: [Int]
    private let dataStart: Int
    private let lock = NSLock()
    nonisolated(unsafe) private var inflatedWhole: [UInt8]?

    public init(path: String) throws {
        self.path = path
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw ReadError.unreadable(path)
        }
        compressed = data
        let header = try Self.parseHeader(data, path: path)
        dataStart = header.dataStart
        chunkLength = header.chunkLength
        var starts = [header.dataStart]
        starts.reserveCapacity(header.chunkSizes.count + 1)
        for size in header.chunkSizes { starts.append(starts[starts.count - 1] + size) }
        guard starts.last! <= data.count else {
            throw ReadError.corrupt(path, detail: "chunk table runs past the end of the file")
        }
        chunkStarts = starts
    }

    /// The uncompressed bytes `offset..<offset + length`.
    public func read(offset: Int, length: Int) throws -> [UInt8] {
        guard offset >= 0, length >= 0 else { throw ReadError.outOfRange(path, offset: offset, length: length) }
        if length == 0 { return [] }
        guard hasRandomAccess else {
            let whole = try readAll()
            guard offset + length <= whole.count else {
                throw ReadError.outOfRange(path, offset: offset, length: length)
            }
            return Array(whole[offset..<offset + length])
        }
        // Each read of a chunked file inflates its chunk from the chunk's start, and a reversed
        // dictionary (deu-rus, 3.7 MB, for ru→de) reads one entry per look-up: a tenth of a ru-en
        // check. So a small file (`keptWholeLimit`) that has served twice as many reads as it has
        // chunks (by then they cost about what inflating it whole does, so a short check never
        // pays for it) is inflated whole and kept, and so is one already read whole (`readAll`).
        // A file that cannot be inflated whole (a damaged chunk) is read chunk by chunk as before,
        // with the chunks' own errors.
        if let kept = keptWhole() {
            guard offset + length <= kept.count else { throw ReadError.outOfRange(path, offset: offset, length: length) }
            return Array(kept[offset..<offset + length])
        }
        let first = offset / chunkLength
        let last = (offset + length - 1) / chunkLength
        guard last < chunkStarts.count - 1 else { throw ReadError.outOfRange(path, offset: offset, length: length) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((last - first + 1) * chunkLength)
        // The last chunk is inflated only up to the end of the range: a chunk holds about 58 KB,
        // a dictionary entry about 100 bytes, and raw deflate cannot start in the middle.
        for chunk in first...last {
            try inflateChunk(chunk, into: &bytes, upTo: chunk == last ? offset + length - last * chunkLength : nil)
        }
        let start = offset - first * chunkLength
        guard start + length <= bytes.count else { throw ReadError.outOfRange(path, offset: offset, length: length) }
        return Array(bytes[start..<start + length])
    }

    /// Uncompressed sizes up to which the whole text is kept once read (a chunked file's size is
    /// its chunk count times the chunk length, the last chunk counted whole).
    public static let keptWholeLimit = 8 << 20

    /// Whether `keptWhole` failed to inflate the file whole; then reads go chunk by chunk.
    nonisolated(unsafe) private var wholeFailed = false
    /// Reads answered chunk by chunk so far.
    nonisolated(unsafe) private var chunkReads = 0

    /// The whole text when it is kept, or when the file is small and read often enough to keep it;
    /// `nil` otherwise.
    private func keptWhole() -> [UInt8]? {
        let chunks = chunkStarts.count - 1
        lock.lock()
        let kept = inflatedWhole, failed = wholeFailed
        chunkReads += 1
        let due = chunkReads > 2 * chunks
        lock.unlock()
        if let kept { return kept }
        guard !failed, due, chunkLength * chunks <= Self.keptWholeLimit else { return nil }
        do {
            return try readAll()
        } catch {
            lock.withLock { wholeFailed = true }
            return nil
        }
    }

    /// The whole uncompressed text (inflated once and kept).
    public func readAll() throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let inflatedWhole { return inflatedWhole }
        let whole = try inflate(from: 0, count: compressed.count, windowBits: 15 + 16, capacity: nil)
        inflatedWhole = whole
        return whole
    }

    /// The uncompressed size gzip's trailer gives (modulo 2^32), when it is plausible for the
    /// compressed size; 0 otherwise. Only a reservation of room: a damaged trailer changes no byte.
    private var wholeSizeHint: Int {
        guard compressed.count >= 18 else { return 0 }
        let size = compressed.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: $0.count - 4, as: UInt32.self))) }
        return size <= 64 * compressed.count ? size : 0
    }

    /// Chunks in the random-access table (0 for a file without one).
    public var chunkCount: Int { hasRandomAccess ? chunkStarts.count - 1 : 0 }

    /// The uncompressed text in order, piece by piece: each chunk inflated once and handed to
    /// `body` with its offset, then dropped. A pass over a whole large file (deu-eng: 100 MB
    /// inflated) that holds one chunk at a time, where `readAll` would keep all of it. A file
    /// without a random-access table is one piece, read (and kept) by `readAll`.
    public func forEachPiece(_ body: (_ offset: Int, _ bytes: [UInt8]) throws -> Void) throws {
        guard hasRandomAccess else {
            try body(0, try readAll())
            return
        }
        for chunk in 0..<chunkCount {
            // A pass reads each compressed page once: the pages behind it leave this process's
            // memory as it goes (and the rest at its end), rather than the whole file (17 MB for
            // deu-eng) staying there once the pass is over.
            if chunk % 256 == 0 { releaseResidentPages(before: chunkStarts[chunk]) }
            var bytes: [UInt8] = []
            try inflateChunk(chunk, into: &bytes)
            // Offsets count every chunk but the last as `chunkLength` bytes; one that is not
            // would shift every later entry.
            guard chunk == chunkCount - 1 || bytes.count == chunkLength else {
                throw ReadError.corrupt(path, detail: "chunk \(chunk) inflates to \(bytes.count) bytes, not \(chunkLength)")
            }
            try body(chunk * chunkLength, bytes)
        }
        releaseResidentPages()
    }

    /// Asks the kernel to drop the compressed file's pages from this process's resident memory,
    /// as a pass over the whole file (`forEachPiece`) does, when later reads need few of them. Only a
    /// request (`MADV_PAGEOUT`): the bytes stay readable, and a later read brings its pages back.
    public func releaseResidentPages() { releaseResidentPages(before: compressed.count) }

    private func releaseResidentPages(before offset: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        compressed.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, page > 0, offset > 0 else { return }
            let address = Int(bitPattern: base)
            let start = (address + page - 1) / page * page
            let end = (address + min(offset, raw.count)) / page * page
            guard end > start else { return }
            // Advice, not a read: a kernel without MADV_PAGEOUT (before 5.4) refuses it, and that
            // changes nothing but the memory figure.
            _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_PAGEOUT)
        }
    }

    // MARK: - Inflating

    private func inflateChunk(_ chunk: Int, into bytes: inout [UInt8], upTo limit: Int? = nil) throws {
        let start = chunkStarts[chunk]
        let piece = try inflate(from: start, count: chunkStarts[chunk + 1] - start, windowBits: -15,
                                capacity: limit ?? chunkLength, limit: limit)
        bytes.append(contentsOf: piece)
    }

    /// Inflates `count` compressed bytes at `from`: raw deflate (a dictzip chunk, ended by a full
    /// flush) when `windowBits` is negative, a whole gzip stream otherwise. With a `limit`, stops
    /// once that many bytes are out (a chunk cut short is not an error: the rest is not wanted).
    private func inflate(from start: Int, count: Int, windowBits: Int32, capacity: Int?, limit: Int? = nil) throws -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflateInit2(&stream, windowBits) == Z_OK else {
            throw ReadError.corrupt(path, detail: "zlib would not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        // The whole file's text is kept (`readAll`): grown by appending, its array would have up
        // to twice the room it needs (deu-fra: 7 MB of text).
        if capacity == nil, windowBits > 0 { output.reserveCapacity(wholeSizeHint) }
        var buffer = [UInt8](repeating: 0, count: limit ?? max(capacity ?? 0, 1 << 16))
        let status: Int32 = compressed.withUnsafeBytes { raw -> Int32 in
            let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.next_in = UnsafeMutablePointer(mutating: base + start)
            stream.avail_in = UInt32(count)
            var status: Int32 = Z_OK
            repeat {
                let room = min(buffer.count, limit.map { $0 - output.count } ?? buffer.count)
                status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(room)
                    let result = CZlib.inflate(&stream, windowBits < 0 ? Z_SYNC_FLUSH : Z_NO_FLUSH)
                    return result
                }
                let produced = room - Int(stream.avail_out)
                output.append(contentsOf: buffer[0..<produced])
                if let limit, output.count >= limit, status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR { return Z_OK }
                if status == Z_BUF_ERROR, stream.avail_in == 0 { return Z_STREAM_END }
                if status != Z_OK { break }
            } while stream.avail_in > 0 || stream.avail_out == 0
            return status
        }
        guard status == Z_OK || status == Z_STREAM_END else {
            throw ReadError.corrupt(path, detail: "inflate failed (zlib status \(status))")
        }
        return output
    }

    // MARK: - Header

    struct Header {
        var dataStart: Int
        var chunkLength: Int
        var chunkSizes: [Int]
    }

    /// Reads the gzip header (RFC 1952) and the dictzip `RA` subfield of its extra field.
    static func parseHeader(_ data: Data, path: String) throws -> Header {
        let bytes = [UInt8](data.prefix(1 << 20))
        guard bytes.count >= 10, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else {
            throw ReadError.notGzip(path)
        }
        func u16(_ at: Int) throws -> Int {
            guard at + 1 < bytes.count else { throw ReadError.corrupt(path, detail: "header cut short") }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        let flags = bytes[3]
        var cursor = 10
        var chunkLength = 0
        var chunkSizes: [Int] = []
        if flags & 0x04 != 0 {
            let extraLength = try u16(cursor)
            cursor += 2
            let extraEnd = cursor + extraLength
            var field = cursor
            while field + 4 <= extraEnd {
                let fieldLength = try u16(field + 2)
                if bytes[field] == UInt8(ascii: "R"), bytes[field + 1] == UInt8(ascii: "A"), fieldLength >= 6 {
                    let version = try u16(field + 4)
                    let length = try u16(field + 6)
                    let count = try u16(field + 8)
                    if version == 1, length > 0, fieldLength >= 6 + 2 * count {
                        chunkLength = length
                        chunkSizes = try (0..<count).map { try u16(field + 10 + 2 * $0) }
                    }
                }
                field += 4 + fieldLength
            }
            cursor = extraEnd
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
            while cursor < bytes.count, bytes[cursor] != 0 { cursor += 1 }
            cursor += 1
        }
        if flags & 0x02 != 0 { cursor += 2 }
        guard cursor <= data.count else { throw ReadError.corrupt(path, detail: "header cut short") }
        return Header(dataStart: cursor, chunkLength: chunkLength, chunkSizes: chunkSizes)
    }
}
