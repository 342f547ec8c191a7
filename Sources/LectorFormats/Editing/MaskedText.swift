import Foundation
import LectorText

/// Builds the `EditableText` of a markup file from the byte ranges that hold its prose: everything
/// else (tags, code, URLs, comments, entities) is masked in the checked document, so rules never
/// see it and fixes never reach it, while every position stays exact.
///
/// Masking replaces each character by a blank of the same UTF-8 and UTF-16 length (space, U+00A0,
/// U+2002, or for a four-byte character U+10100, a separator mark), and keeps line breaks, so a
/// finding's line, column and byte offset in the masked document are its place in the file.
/// The file's own text stays available (`SourceDocument.unmaskedText(in:)`) for the rules that
/// compare markup and for suppression comments.
struct MaskedTextBuilder {
    let bytes: [UInt8]
    /// Prose: byte ranges in increasing order, not overlapping.
    private var spans: [(bytes: Range<Int>, escaping: ReplacementEscaping)] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Marks a byte range as prose (ranges must come in increasing order); empty ranges are ignored.
    mutating func prose(_ range: Range<Int>, escaping: ReplacementEscaping) {
        guard !range.isEmpty else { return }
        if let last = spans.last, last.bytes.upperBound == range.lowerBound {
            spans[spans.count - 1].bytes = last.bytes.lowerBound..<range.upperBound
            return
        }
        spans.append((range, escaping))
    }

    func build(path: String) throws(InputError) -> EditableText {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Decoding the file itself first reports invalid UTF-8 at its line.
        let original = try SourceDocument.decode(Data(bytes), path: path)
        var masked = bytes
        var runs: [VerbatimRun] = []
        var units = 0
        var position = bom
        var next = 0
        while position < bytes.count {
            if next < spans.count, spans[next].bytes.lowerBound == position {
                let span = spans[next]
                let start = units
                while position < span.bytes.upperBound {
                    units += Self.utf16Count(ofLeadByte: bytes[position])
                    position += 1
                }
                runs.append(VerbatimRun(text: start..<units, byteOffset: span.bytes.lowerBound, escaping: span.escaping))
                next += 1
                continue
            }
            let end = next < spans.count ? spans[next].bytes.lowerBound : bytes.count
            while position < end {
                let byte = bytes[position]
                let length = Self.sequenceLength(ofLeadByte: byte)
                let filler: [UInt8] = switch (byte, length) {
                case (0x0A, _), (0x0D, _): [byte]
                case (_, 1): [0x20]
                case (_, 2): [0xC2, 0xA0]
                case (_, 3): [0xE2, 0x80, 0x82]
                default: [0xF0, 0x90, 0x84, 0x80]
                }
                for offset in 0..<length where position + offset < masked.count { masked[position + offset] = filler[offset] }
                units += length == 4 ? 2 : 1
                position += length
            }
        }
        let document = try SourceDocument.decode(Data(masked), path: path, unmasked: original.utf16)
        return EditableText(document: document, original: bytes, runs: runs)
    }

    @inline(__always)
    static func utf16Count(ofLeadByte byte: UInt8) -> Int {
        if byte & 0xC0 == 0x80 { return 0 }
        return byte >= 0xF0 ? 2 : 1
    }

    @inline(__always)
    static func sequenceLength(ofLeadByte byte: UInt8) -> Int {
        switch byte {
        case 0..<0x80: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        case 0xF0...: 4
        default: 1
        }
    }
}

extension UInt8 {
    @inline(__always) var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    @inline(__always) var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0C }
    @inline(__always) var asciiLowercased: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }
}
