import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// Locations come from position marks every 64 UTF-16 units instead of a walk from the line's
/// start (which made one long line with many findings quadratic). They must agree with that walk
/// everywhere: on long lines, across surrogate pairs and mark boundaries, after a BOM.
@Suite struct LinearLocationTests {
    /// The location as the old walk computed it: line by line breaks, columns in scalars, bytes in UTF-8.
    static func reference(_ text: String, bom: Int, offset: Int) -> (line: Int, column: Int, byte: Int) {
        var line = 1, column = 1, byte = bom
        let units = Array(text.utf16)
        var index = 0
        while index < offset {
            let unit = units[index]
            byte += unit < 0x80 ? 1 : unit < 0x800 ? 2 : (0xD800..<0xDC00).contains(unit) ? 4 : (0xDC00..<0xE000).contains(unit) ? 0 : 3
            if unit == 0x0A || (unit == 0x0D && (index + 1 == units.count || units[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if !(0xDC00..<0xE000).contains(unit) {
                column += 1
            }
            index += 1
        }
        return (line, column, byte)
    }

    @Test(arguments: 0..<6)
    func locationsAgreeWithAWalkFromTheLineStart(_ seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed + 1))
        let pieces = ["Kiev", " ", "ä", "€", "🇺🇦", "𝔸", "\n", "\r\n", "\r", "“", "Ё", "a"]
        // Long lines (hundreds of units between breaks) so that offsets fall far from line starts.
        let text = (0..<3000).map { _ in
            pieces[Int.random(in: 0..<(Int.random(in: 0..<50, using: &generator) == 0 ? pieces.count : 6), using: &generator)]
        }.joined()
        let withBOM = seed.isMultiple(of: 2)
        let data = (withBOM ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
        let document = try SourceDocument.decode(data, path: "random.txt")
        let units = Array(text.utf16)
        for offset in stride(from: 0, through: units.count, by: 7) where offset == units.count || !(0xDC00..<0xE000).contains(units[offset]) {
            let expected = Self.reference(text, bom: withBOM ? 3 : 0, offset: offset)
            let location = document.location(ofUTF16Offset: offset)
            #expect(location.line == expected.line && location.column == expected.column && location.byteOffset == expected.byte,
                    "offset \(offset): \(location) ≠ \(expected)")
        }
    }

    /// 16,000 unclosed `“` on one line (a case that took 9 s): each is reported, once.
    @Test func everyUnclosedQuoteOfALongLineIsReported() throws {
        let scan = try QuoteScanner(language: "en").scan(String(repeating: "“", count: 16_000))
        #expect(scan.issues.count == 16_000)
        #expect(scan.issues.allSatisfy { $0.kind == .unclosed })
        #expect(scan.issues.map(\.range.lowerBound) == Array(0..<16_000))
    }

    /// Nested pairs still close innermost first with the per-closer stacks.
    @Test func nestedMarksPairInnermostFirst() throws {
        let scan = try QuoteScanner(language: "en").scan("(a “b ‘c’ d” e) [f] “(g”")
        #expect(scan.quotations.map(\.depth) == [0, 1, 0])
        #expect(scan.issues.map(\.kind) == [.unclosed])
        #expect(scan.issues.first?.range == 21..<22)
    }
}

