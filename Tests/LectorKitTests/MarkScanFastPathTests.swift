import Foundation
import LectorICU
import LectorTestSupport
@testable import LectorFormats
@testable import LectorRules
@testable import LectorText
import Testing

/// The scans that look for a few marks many units a step (`UnitScan`) and read only the tokens
/// around them give what reading every token gave; the sixteen-unit walk of `SourceDocument`
/// places lines, columns and bytes as a walk scalar by scalar does.
@Suite struct MarkScanFastPathTests {
    /// Random text over an alphabet of the marks, the spaces that end tokens and their look-alikes.
    static func randomTexts(_ count: Int, alphabet: [String], length: ClosedRange<Int>) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: length, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func unitScanFindsWhatAUnitByUnitSearchFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let count = Int.random(in: 0...100, using: &generator)
            // Few targets in long stretches, so that whole blocks are skipped and the tails read.
            let units = (0..<count).map { _ in UInt16.random(in: 0...0x4F, using: &generator) }
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...0x4F, using: &generator) | (Bool.random(using: &generator) ? 0x80 : 0) }
            let start = Int.random(in: 0...count, using: &generator)
            units.withUnsafeBufferPointer { buffer in
                let expected = units[start...].firstIndex { $0 == 0x3A || $0 == 0x40 || $0 == 0x2E } ?? count
                #expect(UnitScan.firstIndex(in: buffer, from: start, ofAny: 0x3A, 0x40, 0x2E) == expected, "\(units) \(start)")
            }
            bytes.withUnsafeBufferPointer { buffer in
                let targets: [UInt8] = [0x3A, 0x40, 0x2F, 0x5C, 0xAE]
                let expected = bytes[start...].firstIndex { targets.contains($0) } ?? count
                #expect(UnitScan.firstIndex(in: buffer, from: start, ofAny: 0x3A, 0x40, 0x2F, 0x5C, 0xAE) == expected, "\(bytes) \(start)")
            }
        }
    }

    @Test func protectedRangesAreTheTokenByTokenOnes() throws {
        let seed = try String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8)
        let alphabet = ["w", "W", "ww", "www.", "WwW.", ".", ":", "://", "@", "/", "\\", "a", "x.y", "C:", "~/", "../",
                        "http", "mailto:", "ftp", "https://", ".md", " ", "\n", "\t", "\u{A0}", "“", "»", "(", ")", "é",
                        "请", ".org", "1", "-"]
        let texts = [seed, "\u{FEFF}www.x.org and \u{FEFF}C:\\dir\\file.txt", "www.", "wwwww.example.org", "https://", "a@b.cd"]
            + Self.randomTexts(3000, alphabet: alphabet, length: 0...24)
        var found = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let expected = PlainText.protectedRangesByToken(in: bytes)
            if !expected.isEmpty { found += 1 }
            #expect(PlainText.protectedRanges(in: bytes) == expected, "\(text.debugDescription)")
        }
        #expect(found > 500)
    }

    @Test func spellingExclusionsAreTheTokenByTokenOnes() throws {
        let alphabet = ["w", "W", "www.", "WWW.", ".", ":", "://", "@", "/", "a", " ", "\n", "\r", "\t", "\u{A0}",
                        "\u{2009}", "é", "\u{0301}", "ｗ", "Ŵ", "x.y"]
        var found = 0
        for text in Self.randomTexts(3000, alphabet: alphabet, length: 0...20) {
            let expected = ScalarFastPathTests.spellingExclusionsByToken(text)
            if !expected.isEmpty { found += 1 }
            #expect(SpellingUnknownRule.excludedRanges(in: Array(text.utf16)) == expected, "\(text.debugDescription)")
        }
        #expect(found > 500)
    }

    /// The UTF-16 of a string, widened sixteen ASCII bytes at a time and decoded by hand beyond,
    /// is ICU's and the standard library's: every scalar length, at every offset from a block's start.
    @Test func encodingIsICUs() throws {
        let alphabet = ["a", "Z", " ", "\n", "é", "ß", "€", "’", "東", "😀", "\u{10FFFF}", "\u{0301}", "\u{7F}", "\u{80}", "\u{7FF}",
                        "\u{800}", "\u{FFFF}", "\u{10000}", "sixteen letters!"]
        let texts = try Fixtures.seedTexts + [String(contentsOfFile: Fixtures.seedSourcePath, encoding: .utf8), ""]
            + Self.randomTexts(3000, alphabet: alphabet, length: 0...40)
        for text in texts {
            let encoded = LectorICU.UTF16.encode(text)
            #expect(encoded == Array(text.utf16) && encoded == LectorICU.UTF16.encodeWithICU(text), "\(text.debugDescription)")
        }
    }

    @Test func codeMasksAreTheCodeSet() {
        for unit in UInt16(0)...0x3FF {
            #expect(SpellingUnknownRule.isCode(unit) == SpellingUnknownRule.code.contains(unit), "\(unit)")
        }
    }

    /// Every offset's line, column and byte offset, against a walk over the scalars; texts long
    /// enough to cross the sixteen-unit blocks and the marks every `markStride` units.
    @Test func locationsAreTheScalarWalks() {
        let alphabet = ["a", "bc", "defghij", "klmnopqrstuvwxyz", " ", "\n", "\r", "\r\n", "é", "€", "😀", "请", "\u{0301}"]
        for text in Self.randomTexts(300, alphabet: alphabet, length: 0...160) {
            let document = SourceDocument(path: "t.txt", text: text)
            let scalars = Array(text.unicodeScalars)
            var line = 1
            var lineStartScalar = 0
            var offset = 0
            var bytes = 0
            var lineStarts = [0]
            var lineByteStarts = [0]
            for (index, scalar) in scalars.enumerated() {
                let expected = TextLocation(line: line, column: index - lineStartScalar + 1, byteOffset: bytes, utf16Offset: offset)
                #expect(document.location(ofUTF16Offset: offset) == expected, "\(text.debugDescription) at \(offset)")
                offset += scalar.utf16.count
                bytes += scalar.utf8.count
                // A line ends after `\n`, and after a `\r` that no `\n` follows.
                if scalar == "\n" || (scalar == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n")) {
                    line += 1
                    lineStartScalar = index + 1
                    lineStarts.append(offset)
                    lineByteStarts.append(bytes)
                }
            }
            #expect(document.lineStarts == lineStarts && document.lineByteStarts == lineByteStarts, "\(text.debugDescription)")
            #expect(document.location(ofUTF16Offset: offset)
                == TextLocation(line: line, column: scalars.count - lineStartScalar + 1, byteOffset: bytes, utf16Offset: offset))
        }
    }
}
