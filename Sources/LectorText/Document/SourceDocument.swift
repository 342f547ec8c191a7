import Foundation
import LectorICU

/// A text file as Lector checks it: its path, its text, and the UTF-16 buffer all matching runs on.
///
/// Positions in findings are 1-based lines and 1-based columns counted in **Unicode scalars**
/// (code points), plus a 0-based UTF-8 byte offset from the start of the file. Lines end at
/// `\n`, `\r\n` or `\r`.
public struct SourceDocument: Sendable {
    /// The path as given by the user (or `<stdin>`); reported unchanged.
    public let path: String
    public let text: String
    /// `text` in UTF-16 code units; offsets in `TextRange` index into this.
    public let utf16: [UInt16]
    /// UTF-16 offset at which each line starts.
    package let lineStarts: [Int]
    /// UTF-8 byte offset at which each line starts (after a BOM, if the file had one).
    package let lineByteStarts: [Int]
    /// Bytes of a UTF-8 byte-order mark that preceded the text in the file (0 or 3).
    package let bomLength: Int
    /// For a document assembled from the segments of a bilingual file: where each line came from.
    let segmentOrigins: [SegmentOrigin]?
    /// Unicode scalars and UTF-8 bytes (the BOM included) before every `markStride`-th UTF-16
    /// offset, so a location costs at most `markStride` steps however long its line is. Walking
    /// from the line's start made one 10 MB line with 50,000 findings quadratic.
    private let scalarMarks: [Int]
    private let byteMarks: [Int]
    static let markStride = 64
    /// For a document whose markup is masked (HTML, Markdown: `EditableFileLoader`): the file's own
    /// text, of the same UTF-16 length and lines as `utf16`.
    let unmaskedUTF16: [UInt16]?

    /// Where one segment of a bilingual file stands in that file, and where its own line breaks
    /// were (they are spaces in the assembled text, so that one segment is one line).
    struct SegmentOrigin: Sendable {
        let line: Int
        let column: Int?
        /// UTF-16 offsets within the segment of the line breaks it had.
        let lineBreaks: [Int]
        /// `SegmentText.positions`; when there are any, locations come from them.
        var positions: [SegmentPosition] = []
        /// The segment's own text (line breaks kept), when it has `positions` and line breaks (without
        /// them, it is the segment's line of the document).
        var units: [UInt16] = []
    }

    public init(path: String, text: String) {
        self.init(path: path, text: text, bomLength: 0)
    }

    /// A document whose line *n* is segment *n* of a bilingual file (an empty line for a missing
    /// segment). Findings in it are reported at their own place in the file through the segment's
    /// `positions` (line, column and byte offset in the file, escapes and entities counted as
    /// written). A segment without them is reported from its start (`line`, `column` where the
    /// format gives one), and its `byteOffset` then counts within the segment.
    public static func assembled(path: String, segments: [SegmentText?]) -> SourceDocument {
        var origins: [SegmentOrigin] = []
        origins.reserveCapacity(segments.count)
        let text = assembledText(segments) { origins.append($0) }
        return SourceDocument(path: path, text: text, bomLength: 0, segmentOrigins: origins)
    }

    /// The text of `assembled(path:segments:)` without the document: for what reads the words of
    /// many units and no place in them (the source words a file's chunks share), the document's
    /// UTF-16 units, lines and marks were most of the cost.
    public static func assembledText(_ segments: [SegmentText?]) -> String {
        assembledText(segments) { _ in }
    }

    private static func assembledText(_ segments: [SegmentText?], origin add: (SegmentOrigin) -> Void) -> String {
        var text = ""
        // The text's final size, so that appending 20,000 segments does not copy it into ever
        // larger buffers (each of them fresh pages to fault in).
        text.reserveCapacity(segments.reduce(segments.count) { $0 + ($1?.text.utf8.count ?? 0) })
        for (index, segment) in segments.enumerated() {
            if index > 0 { text += "\n" }
            guard let segment else {
                add(SegmentOrigin(line: 1, column: nil, lineBreaks: []))
                continue
            }
            var breaks: [Int] = []
            // Most segments hold no line break (LF, CR, or U+2028, whose UTF-8 starts with 0xE2):
            // appended as they are, not rebuilt scalar by scalar.
            if Self.mayHoldLineBreak(segment.text) {
                var flattened = String.UnicodeScalarView()
                var offset = 0
                for scalar in segment.text.unicodeScalars {
                    if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" {
                        breaks.append(offset)
                        flattened.append(" ")
                    } else {
                        flattened.append(scalar)
                    }
                    offset += scalar.utf16.count
                }
                text += String(flattened)
            } else {
                text += segment.text
            }
            var origin = SegmentOrigin(line: segment.line, column: segment.column, lineBreaks: breaks)
            if !segment.positions.isEmpty {
                origin.positions = segment.positions
                // A segment without line breaks is its line of the document, unit for unit: read
                // there (`filePosition`) instead of copied for every segment.
                if !breaks.isEmpty { origin.units = Array(segment.text.utf16) }
            }
            add(origin)
        }
        return text
    }

    /// Whether `text` has a byte that starts a line break (LF, CR, or the 0xE2 of U+2028), read
    /// from its contiguous UTF-8 (`UTF8Bytes`): `utf8.contains(where:)` walks string indices, and
    /// asked of every segment it was a third of `assembled`. Each byte is looked for by `memchr`,
    /// which reads many bytes a step: tested one by one, the three bytes took 690 instructions
    /// of a news unit's 70 bytes, for each side of every unit.
    static func mayHoldLineBreak(_ text: String) -> Bool {
        UTF8Bytes.contains(text, byte: 0x0A) || UTF8Bytes.contains(text, byte: 0x0D) || UTF8Bytes.contains(text, byte: 0xE2)
    }

    init(path: String, text: String, bomLength: Int, segmentOrigins: [SegmentOrigin]? = nil,
         unmasked: [UInt16]? = nil) {
        self.segmentOrigins = segmentOrigins
        unmaskedUTF16 = unmasked
        self.path = path
        self.text = text
        self.bomLength = bomLength
        let encoded = LectorICU.UTF16.encode(text)
        utf16 = encoded
        var starts = [0]
        var byteStarts = [bomLength]
        var bytes = bomLength
        var scalars = 0
        var scalarMarks: [Int] = []
        var byteMarks: [Int] = []
        scalarMarks.reserveCapacity(encoded.count / Self.markStride + 1)
        byteMarks.reserveCapacity(encoded.count / Self.markStride + 1)
        // Stride by stride over the units, with ASCII (most units of most texts) counted without
        // `utf8Length`'s ranges, sixteen units at a time where all are ASCII: unit by unit, this
        // walk was a twentieth of a target-only check.
        encoded.withUnsafeBufferPointer { units in
            var index = 0
            let raw = units.baseAddress.map(UnsafeRawPointer.init)
            // Masks and equality only: `.>=` on `SIMD16` compiles to a loop over the lanes, thirty
            // times slower than the whole walk unit by unit.
            let nonASCII = SIMD16<UInt16>(repeating: 0xFF80)
            let zero = SIMD16<UInt16>(repeating: 0)
            let lineFeed = SIMD16<UInt16>(repeating: 0x0A)
            let carriageReturn = SIMD16<UInt16>(repeating: 0x0D)
            while index < units.count {
                scalarMarks.append(scalars)
                byteMarks.append(bytes)
                let strideEnd = min(index + Self.markStride, units.count)
                while index < strideEnd {
                    if index + 16 <= strideEnd, let raw {
                        let block = raw.loadUnaligned(fromByteOffset: index * 2, as: SIMD16<UInt16>.self)
                        if !UnitScan.hasLane((block & nonASCII) .!= zero) {
                            scalars += 16
                            bytes += 16
                            if UnitScan.hasLane((block .== lineFeed) .| (block .== carriageReturn)) {
                                for offset in index..<(index + 16) {
                                    let unit = units[offset]
                                    if unit == 0x0A || (unit == 0x0D && (offset + 1 == units.count || units[offset + 1] != 0x0A)) {
                                        starts.append(offset + 1)
                                        byteStarts.append(bytes - (index + 16 - offset - 1))
                                    }
                                }
                            }
                            index += 16
                            continue
                        }
                    }
                    let unit = units[index]
                    if unit < 0x80 {
                        scalars += 1
                        bytes += 1
                        if unit == 0x0A || (unit == 0x0D && (index + 1 == units.count || units[index + 1] != 0x0A)) {
                            starts.append(index + 1)
                            byteStarts.append(bytes)
                        }
                    } else {
                        if !Self.isLowSurrogate(unit) { scalars += 1 }
                        bytes += Self.utf8Length(of: unit)
                    }
                    index += 1
                }
            }
        }
        if encoded.count % Self.markStride == 0 {
            scalarMarks.append(scalars)
            byteMarks.append(bytes)
        }
        self.scalarMarks = scalarMarks
        self.byteMarks = byteMarks
        lineStarts = starts
        lineByteStarts = byteStarts
    }

    @inline(__always)
    static func isLowSurrogate(_ unit: UInt16) -> Bool { unit & 0xFC00 == 0xDC00 }

    /// Unicode scalars and UTF-8 bytes (counting a BOM) before a UTF-16 offset, in at most
    /// `markStride` steps. A high surrogate counts the scalar and its 4 bytes, its low half nothing.
    @inline(__always)
    func counts(before offset: Int) -> (scalars: Int, bytes: Int) {
        let mark = offset / Self.markStride
        var scalars = scalarMarks[mark]
        var bytes = byteMarks[mark]
        var index = mark * Self.markStride
        while index < offset {
            let unit = utf16[index]
            if !Self.isLowSurrogate(unit) { scalars += 1 }
            bytes += Self.utf8Length(of: unit)
            index += 1
        }
        return (scalars, bytes)
    }

    /// Reads a UTF-8 file. Invalid UTF-8 is an error naming the line of the first bad byte.
    public static func load(path: String) throws(InputError) -> SourceDocument {
        try decode(FileBytes.read(path: path), path: path)
    }

    /// Decodes UTF-8 bytes (a leading BOM is skipped, byte offsets still count it).
    public static func decode(_ data: Data, path: String) throws(InputError) -> SourceDocument {
        try decode(data, path: path, unmasked: nil)
    }

    package static func decode(_ data: Data, path: String, unmasked: [UInt16]?) throws(InputError) -> SourceDocument {
        // Validated where the bytes lie: a copy into an array first cost a copy of every window of
        // a long text and the fresh pages it was written to.
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let text: String? = data.withUnsafeBytes { raw in
            String(validating: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[bom...]), as: Unicode.UTF8.self)
        }
        guard let text else {
            throw InputError(file: path, line: firstInvalidLine([UInt8](data)[bom...]),
                             message: "the file is not valid UTF-8")
        }
        return SourceDocument(path: path, text: text, bomLength: bom, unmasked: unmasked)
    }

    /// Throws `decode`'s error for bytes that are not UTF-8, for a reader that reads the bytes
    /// themselves (`POReader`).
    package static func validateUTF8(_ bytes: ArraySlice<UInt8>, path: String) throws(InputError) {
        guard UTF8Bytes.isValid(bytes) else {
            throw InputError(file: path, line: firstInvalidLine(bytes), message: "the file is not valid UTF-8")
        }
    }

    /// The 1-based line of the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                // Validate line by line so the reported line is the one holding the bad byte.
                if String(validating: bytes[lineStart..<index], as: Unicode.UTF8.self) == nil { return line }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return line
    }

    /// Number of UTF-8 bytes of a UTF-16 code unit (a surrogate pair counts 4 on its high half).
    @inline(__always)
    package static func utf8Length(of unit: UInt16) -> Int {
        switch unit {
        case 0..<0x80: return 1
        case 0x80..<0x800: return 2
        case 0xD800..<0xDC00: return 4
        case 0xDC00..<0xE000: return 0
        default: return 3
        }
    }

    /// The 1-based line of this document's text that holds a UTF-16 offset. For an assembled
    /// document this is the segment's number, not its line in the bilingual file.
    public func textLine(ofUTF16Offset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The location of a UTF-16 offset.
    public func location(ofUTF16Offset offset: Int) -> TextLocation {
        let low = textLine(ofUTF16Offset: offset) - 1
        if let segmentOrigins, low < segmentOrigins.count {
            return segmentLocation(offset, line: low, origin: segmentOrigins[low])
        }
        let here = counts(before: offset)
        let lineStart = counts(before: lineStarts[low])
        return TextLocation(line: low + 1, column: here.scalars - lineStart.scalars + 1, byteOffset: here.bytes,
                            utf16Offset: offset)
    }

    /// Where a non-empty range that ends at `offset` ends: `location(ofUTF16Offset:)`, except that
    /// in a bilingual file's segment a range ending where an inline tag was taken out
    /// (`In <g>Kiev</g> today`) ends before the tag, not after it, where the next text starts.
    public func endLocation(ofUTF16Offset offset: Int) -> TextLocation {
        let low = textLine(ofUTF16Offset: offset) - 1
        if let segmentOrigins, low < segmentOrigins.count, !segmentOrigins[low].positions.isEmpty {
            return filePosition(offset - lineStarts[low], line: low, origin: segmentOrigins[low], utf16Offset: offset, endingThere: true)
        }
        return location(ofUTF16Offset: offset)
    }

    /// A location inside an assembled segment, in the coordinates of the bilingual file.
    private func segmentLocation(_ offset: Int, line: Int, origin: SegmentOrigin) -> TextLocation {
        let segmentStart = lineStarts[line]
        let within = offset - segmentStart
        if !origin.positions.isEmpty { return filePosition(within, line: line, origin: origin, utf16Offset: offset, endingThere: false) }
        // Breaks are in ascending order: count those before `within` by binary search.
        let breaksBefore = origin.lineBreaks.partitionPoint { $0 < within }
        let lineStart = segmentStart + (breaksBefore > 0 ? origin.lineBreaks[breaksBefore - 1] + 1 : 0)
        let here = counts(before: offset)
        let column = (breaksBefore == 0 ? (origin.column ?? 1) : 1) + here.scalars - counts(before: lineStart).scalars
        let bytes = here.bytes - counts(before: segmentStart).bytes
        return TextLocation(line: origin.line + breaksBefore, column: column, byteOffset: bytes, utf16Offset: offset)
    }

    /// A segment offset in the file's coordinates: from the last anchor at or before it, walked
    /// over the segment's own text (its line breaks are the file's there). Two anchors stand at
    /// one offset where a run of text ends and the next starts after markup: the next run's is
    /// where text starts there, the first where a range `endingThere` ends.
    private func filePosition(_ within: Int, line: Int, origin: SegmentOrigin, utf16Offset: Int, endingThere: Bool) -> TextLocation {
        if !origin.units.isEmpty {
            return Self.filePosition(within, units: origin.units[...], origin: origin, utf16Offset: utf16Offset, endingThere: endingThere)
        }
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : utf16.count
        return Self.filePosition(within, units: utf16[lineStarts[line]..<end], origin: origin, utf16Offset: utf16Offset,
                                 endingThere: endingThere)
    }

    /// `filePosition` over the segment's `units`.
    private static func filePosition(_ within: Int, units: ArraySlice<UInt16>, origin: SegmentOrigin, utf16Offset: Int,
                                     endingThere: Bool) -> TextLocation {
        let units = UnitsFromZero(units: units)
        let positions = origin.positions
        var low = 0
        var high = positions.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if positions[middle].utf16Offset <= within { low = middle } else { high = middle - 1 }
        }
        if endingThere {
            while low > 0, positions[low - 1].utf16Offset == within, positions[low].utf16Offset == within { low -= 1 }
        }
        let anchor = positions[low]
        var line = anchor.line
        var column = anchor.column
        var bytes = anchor.byteOffset
        var index = anchor.utf16Offset
        let end = min(within, units.count)
        while index < end {
            let unit = units[index]
            if unit == 0x0A || (unit == 0x0D && (index + 1 == units.count || units[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if !isLowSurrogate(unit) {
                column += 1
            }
            bytes += utf8Length(of: unit)
            index += 1
        }
        return TextLocation(line: line, column: column, byteOffset: bytes, utf16Offset: utf16Offset)
    }

    /// A slice read from offset 0.
    private struct UnitsFromZero {
        let units: ArraySlice<UInt16>
        var count: Int { units.count }
        subscript(index: Int) -> UInt16 { units[units.startIndex + index] }
    }

    /// The text of a UTF-16 range.
    public func text(in range: Range<Int>) -> String {
        utf16.withUnsafeBufferPointer { LectorICU.UTF16.decode(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The text of a UTF-16 range as the file has it: for a masked document (HTML, Markdown) with
    /// its markup, URLs and code; otherwise `text(in:)`.
    public func unmaskedText(in range: Range<Int>) -> String {
        guard let unmaskedUTF16 else { return text(in: range) }
        return unmaskedUTF16.withUnsafeBufferPointer { LectorICU.UTF16.decode(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether the file's text differs from `text` (markup, URLs or code masked out); when it
    /// does not, `unmaskedText(in:)` is `text(in:)`.
    public var isMasked: Bool { unmaskedUTF16 != nil }

    /// The whole text as the file has it (see `unmaskedText(in:)`).
    public var unmaskedText: String {
        unmaskedUTF16 == nil ? text : unmaskedText(in: 0..<utf16.count)
    }

    /// The 1-based line's text, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        var end = line < lineStarts.count ? lineStarts[line] : utf16.count
        while end > lineStarts[line - 1], utf16[end - 1] == 0x0A || utf16[end - 1] == 0x0D { end -= 1 }
        return text(in: lineStarts[line - 1]..<end)
    }

    public var lineCount: Int { lineStarts.count }

    /// The UTF-16 range of a 1-based line, without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return utf16.count..<utf16.count }
        var end = line < lineStarts.count ? lineStarts[line] : utf16.count
        while end > lineStarts[line - 1], utf16[end - 1] == 0x0A || utf16[end - 1] == 0x0D { end -= 1 }
        return lineStarts[line - 1]..<end
    }
}

/// A 1-based position in a document. `column` counts Unicode scalars; `byteOffset` is 0-based UTF-8.
public struct TextLocation: Hashable, Sendable, Codable, Comparable {
    public let line: Int
    public let column: Int
    public let byteOffset: Int
    public let utf16Offset: Int

    public init(line: Int, column: Int, byteOffset: Int, utf16Offset: Int) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.utf16Offset = utf16Offset
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
