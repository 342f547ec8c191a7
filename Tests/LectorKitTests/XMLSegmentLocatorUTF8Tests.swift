import Foundation
@testable import LectorFormats
import LectorTestSupport
import Testing

/// `XMLSegmentLocator.isUTF8` validates a file's bytes where they lie (`UTF8Span`) instead of
/// making a `String` of them: it must accept and refuse exactly what `String(validating:)` does.
@Suite struct XMLSegmentLocatorUTF8Tests {
    /// Valid sequences of every length, and what makes UTF-8 invalid: a lone continuation byte,
    /// overlong forms, surrogates, scalars past U+10FFFF, bytes never used, and lead bytes cut short.
    static let pieces: [[UInt8]] = [
        Array("<a>".utf8), Array(" text ".utf8), Array("é".utf8), Array("€".utf8), Array("𝐀".utf8), Array("\u{FEFF}".utf8),
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFE], [0xFF],
        [0xC3], [0xE2, 0x82], [0xF0, 0x9D, 0x90],
    ]

    @Test func acceptsWhatStringValidationAccepts() {
        var generator = SeededGenerator(seed: 8)
        var valid = 0
        for _ in 0..<20_000 {
            var bytes = Array("<x>".utf8)
            for _ in 0..<Int.random(in: 0...6, using: &generator) { bytes += Self.pieces.randomElement(using: &generator)! }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            #expect(XMLSegmentLocator.isUTF8(bytes) == expected, "\(bytes)")
            // Behind a byte-order mark, the bytes after it decide.
            #expect(XMLSegmentLocator.isUTF8([0xEF, 0xBB, 0xBF] + bytes) == expected, "\(bytes)")
        }
        // Both answers were drawn often.
        #expect(valid > 2_000 && valid < 18_000)
    }

    @Test func declarationsAndOtherByteOrderMarks() {
        #expect(XMLSegmentLocator.isUTF8(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>é</a>".utf8)))
        #expect(!XMLSegmentLocator.isUTF8(Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>e</a>".utf8)))
        #expect(!XMLSegmentLocator.isUTF8([0xFF, 0xFE] + Array("<a/>".utf8)))
        #expect(XMLSegmentLocator.isUTF8([]))
    }
}
