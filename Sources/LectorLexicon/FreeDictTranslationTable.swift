import Foundation
import LectorZlib

/// Every entry's translations of one FreeDict dictionary, parsed in one pass and kept on disk
/// (`LexiconDiskCache`), so that a look-up decodes a few bytes instead of inflating a dictzip chunk.
///
/// On real text each new word is a look-up, and each look-up of a large dictionary inflated on
/// average half a 58 KB chunk to read an entry of about 100 bytes: ru→en, which goes through German
/// (`deu-eng`, 100 MB inflated), spent about a third of its CPU in zlib. The table holds exactly what
/// `FreeDictDictionary.translations(inEntry:)` gives for each entry's text, for every index line that
/// names an entry inside the data; a line it does not hold is read from the dictzip file as before.
///
/// Layout (three sections of the cache file, native byte order as the cache checks):
/// - `lines`: the index line starts of the entries held, ascending (`UInt32`);
/// - `spans`: for each of them the start and end of its translations in `blob` (`UInt32` pairs);
/// - `blob`: each translation as a part-of-speech byte, its length in UTF-8 bytes (LEB128) and
///   its text.
final class FreeDictTranslationTable: @unchecked Sendable {
    /// The parse the table stores. Change it with `FreeDictDictionary.forEachTranslation` (or
    /// `strip`, `partOfSpeech`): a table cached by another parse would otherwise keep serving it.
    static let parserVersion = 1

    // Immutable after init (hence `@unchecked Sendable`): mapped from the cache file or built here.
    private let lines: Data
    private let spans: Data
    private let blob: Data
    /// The cache file open for reading `blob`'s entries, when the table was read from one.
    private let blobFile: BlobFile?
    /// Entries held.
    let count: Int

    private init(lines: Data, spans: Data, blob: Data, blobFile: BlobFile? = nil) {
        (self.lines, self.spans, self.blob, self.blobFile) = (lines, spans, blob, blobFile)
        count = lines.count / 4
    }

    /// Whether entries are read from the cache file (`pread`) rather than through its map (tests).
    var readsFromFile: Bool { blobFile != nil }

    /// The blob section of a cache file, read an entry at a time. Look-ups land all over the blob
    /// (13 MB for deu-eng), and the kernel maps a page cache's pages into a process in blocks of up
    /// to hundreds of kilobytes around each touched byte: through the map, a few thousand look-ups
    /// made the whole blob count in the process's resident memory (about 25 MB for the two German
    /// tables: a 120,000-record stream peaked at 202 MB with the blobs mapped, 174 MB with them
    /// read). Read, it counts nothing; the lines and spans, which a binary search touches, stay
    /// mapped.
    private final class BlobFile: @unchecked Sendable {
        // Immutable; `pread` takes its own offset, so threads share the descriptor.
        let descriptor: Int32
        let offset: Int

        init?(path: String, offset: Int) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            self.offset = offset
        }

        /// Reads `count` bytes at `start` of the section into `buffer`; `false` on a short read or
        /// an error (the look-up then reads the dictzip file, which reports its own errors).
        func read(_ start: Int, _ count: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            count == 0 || LexiconDiskCache.readFully(descriptor, count, at: offset + start, into: buffer.baseAddress!)
        }

        deinit { close(descriptor) }
    }

    /// The sections the cache stores.
    var sections: [Data] { [lines, spans, blob] }

    /// A table from cached sections, or `nil` when their sizes do not fit together. The checksum
    /// vouches for the bytes; the contents are not scanned here (that would touch every page of
    /// the map, 6 MB of lines and spans for deu-eng, when a check reads a few of them), and a read
    /// checks what it reads, so a table of another shape answers nothing wrong and never reads
    /// outside its sections.
    static func validated(_ sections: [Data]) -> FreeDictTranslationTable? {
        guard sections.count == 3, sections[0].count % 4 == 0, sections[1].count == sections[0].count * 2,
              sections[2].count < Int(UInt32.max) else { return nil }
        return FreeDictTranslationTable(lines: sections[0], spans: sections[1], blob: sections[2])
    }

    /// `validated`, for a table read from the cache: its entries are then read from the file. A
    /// file that cannot be opened again leaves them read through the map, which holds the same bytes.
    static func validated(_ stored: LexiconDiskCache.Stored) -> FreeDictTranslationTable? {
        guard let table = validated(stored.sections) else { return nil }
        guard stored.offsets.count == 3, let file = BlobFile(path: stored.path, offset: stored.offsets[2]) else { return table }
        return FreeDictTranslationTable(lines: table.lines, spans: table.spans, blob: table.blob, blobFile: file)
    }

    // MARK: - Reading

    /// The translations of the entry on the index line starting at `line`, `nil` when the table
    /// does not hold that line.
    func translations(atLine line: Int) -> [DictionaryTranslation]? {
        guard let entry = entry(atLine: line) else { return nil }
        let (start, end) = spans.withUnsafeBytes {
            (Int($0.loadUnaligned(fromByteOffset: entry * 8, as: UInt32.self)),
             Int($0.loadUnaligned(fromByteOffset: entry * 8 + 4, as: UInt32.self)))
        }
        guard start <= end, end <= blob.count else { return nil }
        guard let blobFile else {
            return blob.withUnsafeBytes { Self.decode($0.bindMemory(to: UInt8.self), start, end) }
        }
        return withUnsafeTemporaryAllocation(byteCount: end - start, alignment: 1) { buffer in
            guard blobFile.read(start, end - start, into: buffer) else { return nil }
            return Self.decode(UnsafeRawBufferPointer(buffer).bindMemory(to: UInt8.self), 0, end - start)
        }
    }

    /// The translations `bytes[start..<end]` holds.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [DictionaryTranslation] {
        var result: [DictionaryTranslation] = []
        var cursor = start
        while cursor < end {
            let pos = Self.partOfSpeech(code: bytes[cursor])
            cursor += 1
            var length = 0
            var shift = 0
            while cursor < end {
                let byte = bytes[cursor]
                cursor += 1
                length |= Int(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 || shift > 28 { break }
            }
            // A length past the span ends the entry (only a damaged table has one).
            guard length <= end - cursor else { break }
            result.append(DictionaryTranslation(text: String(decoding: bytes[cursor..<(cursor + length)], as: UTF8.self),
                                                partOfSpeech: pos))
            cursor += length
        }
        return result
    }

    /// Binary search of the held line starts.
    private func entry(atLine line: Int) -> Int? {
        guard line >= 0, line <= Int(UInt32.max) else { return nil }
        let target = UInt32(line)
        return lines.withUnsafeBytes { raw in
            var low = 0, high = count
            while low < high {
                let middle = (low + high) / 2
                if raw.loadUnaligned(fromByteOffset: middle * 4, as: UInt32.self) < target { low = middle + 1 } else { high = middle }
            }
            return low < count && raw.loadUnaligned(fromByteOffset: low * 4, as: UInt32.self) == target ? low : nil
        }
    }

    private static func partOfSpeech(code: UInt8) -> DictionaryTranslation.PartOfSpeech? {
        switch code {
        case 1: .noun
        case 2: .verb
        case 3: .adjective
        case 4: .adverb
        case 5: .other
        default: nil
        }
    }

    private static func code(_ pos: DictionaryTranslation.PartOfSpeech?) -> UInt8 {
        switch pos {
        case nil: 0
        case .noun: 1
        case .verb: 2
        case .adjective: 3
        case .adverb: 4
        case .other: 5
        }
    }

    // MARK: - Building

    /// The longest entry the table holds (FreeDict's longest are a few kilobytes).
    static let longestEntry = 1 << 20

    /// Parses every entry the index names, in one pass over the data that inflates each chunk once
    /// and holds one or two at a time. Throws what the data throws (a damaged chunk): then there
    /// is no table and look-ups read entry by entry, with their own errors.
    static func build(index: Data, data: DictzipFile) throws -> FreeDictTranslationTable {
        // Every line naming an entry, in the order of the text (the order the pass meets them).
        // 12 bytes a line (deu-eng has 519,000): this and the blob are the peak memory of the run.
        var places: [(offset: UInt32, length: UInt32, line: UInt32)] = []
        index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            FreeDictDictionary.forEachLine(bytes) { start, end in
                // An entry longer than `longestEntry` stays out: the pass keeps an unfinished
                // entry's text, and a damaged line's length would make it keep the rest of the file.
                if let (offset, length) = FreeDictDictionary.entryFields(bytes, start, end), length <= longestEntry,
                   offset + length < Int(UInt32.max) {
                    places.append((UInt32(offset), UInt32(length), UInt32(start)))
                }
            }
        }
        places.sort { ($0.offset, $0.line) < ($1.offset, $1.line) }

        // A `Data` grows by `realloc`, which moves a large block's pages instead of copying them,
        // and becomes the table's section as it is: an array would be copied into one.
        var blob = Data()
        var record: [UInt8] = []
        var spanOfLine: [(line: UInt32, start: UInt32, end: UInt32)] = []
        spanOfLine.reserveCapacity(places.count)
        var window: [UInt8] = []
        var windowStart = 0
        var next = 0
        try data.forEachPiece { offset, piece in
            if window.isEmpty { windowStart = offset }
            window += piece
            let windowEnd = windowStart + window.count
            try window.withUnsafeBufferPointer { text in
                while next < places.count, Int(places[next].offset) + Int(places[next].length) <= windowEnd {
                    let place = (offset: Int(places[next].offset), length: Int(places[next].length), line: places[next].line)
                    next += 1
                    // Before the window: an entry whose text was dropped cannot be (offsets only grow).
                    guard place.offset >= windowStart else { continue }
                    let entry = text[(place.offset - windowStart)..<(place.offset - windowStart + place.length)]
                    // `translations(of:)` parses an entry as a String, whose decoding repairs bad
                    // UTF-8, and `entry(atLine:)` its bytes: the two agree on valid text only, so
                    // an entry that is not stays out and each reads it its own way.
                    guard String(validating: entry, as: UTF8.self) != nil else { continue }
                    let start = blob.count
                    FreeDictDictionary.forEachTranslation(inEntry: entry) { translation, pos in
                        record.removeAll(keepingCapacity: true)
                        record.append(code(pos))
                        var length = translation.count
                        repeat {
                            record.append(UInt8(length & 0x7F) | (length > 0x7F ? 0x80 : 0))
                            length >>= 7
                        } while length > 0
                        record += translation
                        blob.append(contentsOf: record)
                    }
                    guard blob.count < Int(UInt32.max) else { throw FreeDictDictionary.LoadError.tooLarge(data.path) }
                    spanOfLine.append((place.line, UInt32(start), UInt32(blob.count)))
                }
            }
            // Keep the text from the first entry not yet parsed (it may end in a later piece).
            let keepFrom = next < places.count ? max(Int(places[next].offset), windowStart) : windowEnd
            if keepFrom >= windowEnd {
                window.removeAll(keepingCapacity: true)
            } else if keepFrom > windowStart {
                window.removeFirst(keepFrom - windowStart)
                windowStart = keepFrom
            }
        }
        // The pass is over: its list goes before the sections are made (the run's peak memory).
        places = []
        // Lines whose entry runs past the data stay out: their own read reports it.
        spanOfLine.sort { $0.line < $1.line }
        // The sections are made as `Data` directly: arrays would be copied into one.
        var lines = Data(capacity: spanOfLine.count * 4)
        var spans = Data(capacity: spanOfLine.count * 8)
        var last: UInt32?
        for item in spanOfLine where item.line != last {
            last = item.line
            withUnsafeBytes(of: item.line) { lines.append(contentsOf: $0) }
            withUnsafeBytes(of: item.start) { spans.append(contentsOf: $0) }
            withUnsafeBytes(of: item.end) { spans.append(contentsOf: $0) }
        }
        return FreeDictTranslationTable(lines: lines, spans: spans, blob: blob)
    }
}
