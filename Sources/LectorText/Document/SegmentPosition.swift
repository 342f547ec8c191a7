/// One anchor of a segment's text in its file: the segment's UTF-16 offset `utf16Offset` stands at
/// `line`:`column` (Unicode scalars), `byteOffset` (UTF-8, from the start of the file, a BOM
/// included). From one anchor to the next, text and file advance together scalar for scalar, so an
/// entity, an escape, a removed inline code or the start of a continued string begins a new anchor.
public struct SegmentPosition: Sendable, Hashable {
    public let utf16Offset: Int
    public let line: Int
    public let column: Int
    public let byteOffset: Int

    public init(utf16Offset: Int, line: Int, column: Int, byteOffset: Int) {
        self.utf16Offset = utf16Offset
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }
}

/// Line and column of byte offsets in a file's UTF-8 bytes, lines ending at `\n`, `\r\n` or `\r` as
/// `SourceDocument` counts them. Offsets asked in ascending order cost one pass over the file in all.
package struct FileLineIndex {
    private let bytes: [UInt8]
    /// The file offset of `bytes[0]`, and its line (a part of a file: one line of JSON Lines).
    private let base: Int
    private let firstLine: Int
    private let firstColumn: Int
    private let bomLength: Int
    /// Where the walk stands: an index in `bytes` and its line and column.
    private var byte: Int
    private var line: Int
    private var column = 1

    /// The whole file's bytes, or the bytes of a part of it: `byteOffset` is where the part starts in
    /// the file, at `line` and `column`. Offsets asked stay file offsets.
    package init(bytes: [UInt8], line: Int = 1, column: Int = 1, byteOffset: Int = 0) {
        self.bytes = bytes
        base = byteOffset
        firstLine = line
        firstColumn = column
        self.line = line
        self.column = column
        bomLength = byteOffset == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        byte = bomLength
    }

    /// The 1-based line and column (Unicode scalars) of a byte offset in the file.
    package mutating func position(ofByte fileOffset: Int) -> (line: Int, column: Int) {
        let target = min(max(fileOffset - base, bomLength), bytes.count)
        if target < byte {
            // Asked backwards (rare): walk again from the start.
            byte = bomLength
            line = firstLine
            column = firstColumn
        }
        if byte < target, !walkWithoutCarriageReturns(to: target) {
            while byte < target {
                let value = bytes[byte]
                if value == 0x0A || (value == 0x0D && (byte + 1 == bytes.count || bytes[byte + 1] != 0x0A)) {
                    line += 1
                    column = 1
                } else if value & 0xC0 != 0x80 {
                    column += 1
                }
                byte += 1
            }
        }
        return (line, column)
    }

    /// The walk to `target` where no `\r` lies before it (every file with LF line ends): line
    /// feeds counted, then the scalars after the last one, eight bytes at a time (the byte loop
    /// was a tenth of reading a 20,000-unit XLIFF file). Returns `false`, having moved nothing,
    /// where a `\r` is in the way.
    private mutating func walkWithoutCarriageReturns(to target: Int) -> Bool {
        let start = byte
        let walked: (lineFeeds: Int, scalars: Int)? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let lineFeeds = Self.count(in: base, start..<target, of: 0x0A)
            guard Self.count(in: base, start..<target, of: 0x0D) == 0 else { return nil }
            var last = target - 1
            if lineFeeds > 0 { while base[last] != 0x0A { last -= 1 } }
            let from = lineFeeds > 0 ? last + 1 : start
            return (lineFeeds, target - from - Self.continuationBytes(in: base, from..<target))
        }
        guard let (lineFeeds, scalars) = walked else { return false }
        if lineFeeds > 0 {
            line += lineFeeds
            column = 1 + scalars
        } else {
            column += scalars
        }
        byte = target
        return true
    }

    private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// How many bytes of `range` are `value`.
    private static func count(in base: UnsafePointer<UInt8>, _ range: Range<Int>, of value: UInt8) -> Int {
        let pattern = ones &* UInt64(value)
        let low7 = ~highBits
        var count = 0
        var position = range.lowerBound
        let raw = UnsafeRawPointer(base)
        while position + 8 <= range.upperBound {
            let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) ^ pattern
            // The high bit of each byte that is not zero, exactly (no borrow crosses bytes).
            let nonzero = ((word & low7) &+ low7) | word
            // Most words hold none: the population count, a long sequence of instructions on
            // the baseline x86-64 this is built for (no POPCNT), is skipped for them.
            let hits = ~nonzero & highBits
            if hits != 0 { count &+= hits.nonzeroBitCount }
            position += 8
        }
        while position < range.upperBound {
            if base[position] == value { count &+= 1 }
            position += 1
        }
        return count
    }

    /// How many bytes of `range` are UTF-8 continuation bytes (`10xxxxxx`).
    private static func continuationBytes(in base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var position = range.lowerBound
        let raw = UnsafeRawPointer(base)
        while position + 8 <= range.upperBound {
            let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            // Bit 7 set and bit 6 clear, byte by byte (none in ASCII text, where no count is made).
            let continuations = word & ~(word << 1) & highBits
            if continuations != 0 { count &+= continuations.nonzeroBitCount }
            position += 8
        }
        while position < range.upperBound {
            if base[position] & 0xC0 == 0x80 { count &+= 1 }
            position += 1
        }
        return count
    }
}

extension SegmentText {
    /// Anchors at most this many UTF-16 units apart, so locating a finding in a long segment never
    /// walks far.
    static let anchorStride = 1024

    /// Sets `positions` from `verbatimRuns` (byte offsets in the file `index` reads): an anchor where
    /// each run starts, where each run ends (the text between two runs, an escape or an entity,
    /// starts there; where nothing is between them, markup was, and the end anchor comes before
    /// the next run's at the same offset), and at the end of the last run. Nothing without runs.
    package mutating func locatePositions(in index: inout FileLineIndex) {
        guard let runs = verbatimRuns, !runs.isEmpty else { return }
        // ASCII text (most translations into English) is its own UTF-16 and UTF-8, unit for byte:
        // its runs are measured without copying the text's UTF-16 (`utf16.count` of a native ASCII
        // string is its length, not a count).
        let isASCII = text.utf16.count == text.utf8.count
        let units = isASCII ? [] : Array(text.utf16)
        let unitCount = isASCII ? text.utf8.count : units.count
        var anchors: [SegmentPosition] = []
        func add(_ offset: Int, _ byte: Int) {
            // An escape's anchor run (`VerbatimRun.anchor`) often repeats where a run ended.
            if let last = anchors.last, last.utf16Offset == offset, last.byteOffset == byte { return }
            let place = index.position(ofByte: byte)
            anchors.append(SegmentPosition(utf16Offset: offset, line: place.line, column: place.column, byteOffset: byte))
        }
        var previousEnd: (unit: Int, byte: Int)?
        // An empty anchor run before the run that starts at its offset. The readers give most
        // runs in that order already, which is checked rather than sorted into a new array.
        let precedes = { (a: VerbatimRun, b: VerbatimRun) in (a.text.lowerBound, a.text.upperBound) < (b.text.lowerBound, b.text.upperBound) }
        let isOrdered = runs.indices.dropFirst().allSatisfy { !precedes(runs[$0], runs[$0 - 1]) }
        let ordered = isOrdered ? runs : runs.sorted(by: precedes)
        for run in ordered {
            guard run.text.upperBound <= unitCount else { return }
            // Where the previous run ended, unless the file just goes on there.
            if let end = previousEnd, end.unit < run.text.lowerBound || end.byte != run.byteOffset { add(end.unit, end.byte) }
            add(run.text.lowerBound, run.byteOffset)
            if isASCII {
                // The loop below, where every unit is one byte and none is a surrogate.
                var position = run.text.lowerBound + Self.anchorStride
                while position < run.text.upperBound {
                    add(position, run.byteOffset + (position - run.text.lowerBound))
                    position += Self.anchorStride
                }
                previousEnd = (run.text.upperBound, run.byteOffset + run.text.count)
                continue
            }
            var byte = run.byteOffset
            var sinceAnchor = 0
            for position in run.text {
                let unit = units[position]
                if sinceAnchor >= Self.anchorStride, unit & 0xFC00 != 0xDC00 {
                    add(position, byte)
                    sinceAnchor = 0
                }
                byte += SourceDocument.utf8Length(of: unit)
                sinceAnchor += 1
            }
            previousEnd = (run.text.upperBound, byte)
        }
        if let end = previousEnd { add(end.unit, end.byte) }
        positions = anchors
    }
}

extension BilingualFile {
    /// The file with each target's `positions` set from its verbatim runs in `bytes` (the file's
    /// own bytes, as read with `mappingTargets`).
    package var targetsLocated: Bool { units.contains { $0.target?.positions.isEmpty == false } }

    package func locatingTargets(in bytes: [UInt8]) -> BilingualFile {
        guard units.contains(where: { $0.target?.verbatimRuns?.isEmpty == false }) else { return self }
        var index = FileLineIndex(bytes: bytes)
        var located = units
        for position in located.indices {
            guard var target = located[position].target, target.positions.isEmpty, target.verbatimRuns?.isEmpty == false
            else { continue }
            target.locatePositions(in: &index)
            located[position].target = target
        }
        return with(units: located)
    }
}
