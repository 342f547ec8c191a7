import Foundation
import LectorTestSupport
@testable import LectorRules
import Testing

/// `GarbledConditions.comparableLength` counts on UTF-8 bytes; it must give what the walk over
/// the string's scalars (`scalarLength`) gives, on every kind of scalar and on real sentences.
@Suite struct ComparableLengthTests {
    /// Every class the count tells apart: ASCII letters and white space, Latin-1 and other white
    /// space, two-, three- and four-byte scalars, the dense scripts at both ends of their ranges.
    @Test func byteCountIsTheScalarCount() {
        let texts = [
            "", " ", "a", "\t\n\u{0B}\u{0C}\r x", "\u{08}\u{0E}\u{1F}", "Der Präsident sagte: „Nein.“",
            "no\u{00A0}break\u{2003}em\u{3000}ideographic", "北京は東京より遠い。", "한국어 문장입니다",
            "\u{1100}\u{11FF}\u{3040}\u{30FF}\u{3400}\u{4DBF}\u{4E00}\u{9FFF}\u{AC00}\u{D7AF}\u{F900}\u{FAFF}",
            "\u{10FF}\u{1200}\u{303F}\u{3100}\u{33FF}\u{4DC0}\u{D7B0}\u{F8FF}\u{FB00}", "😀 family: 👨‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "Ωμέγα – кириллица — עברית العربية", String(repeating: "short ", count: 3), "fifteen bytes!!",
        ]
        for text in texts {
            #expect(GarbledConditions.comparableLength(text) == GarbledConditions.scalarLength(text), "\(text.debugDescription)")
        }
        var generator = SeededGenerator(seed: 3101)
        let pool: [ClosedRange<UInt32>] = [0x00...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF, 0x3000...0x3100]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let range = pool.randomElement(using: &generator)!
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { text.unicodeScalars.append(scalar) }
            }
            #expect(GarbledConditions.comparableLength(text) == GarbledConditions.scalarLength(text), "\(text.debugDescription)")
        }
    }

    /// Texts long enough for many eight-byte steps and for the lanes to be added up more than
    /// once (31 steps): every ASCII byte, white space dense, and a non-ASCII scalar at every
    /// offset of a step.
    @Test func longTextsCountAsTheirScalars() {
        var generator = SeededGenerator(seed: 3102)
        let ascii = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        let spaces: [Character] = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "x"]
        for length in [7, 8, 9, 247, 248, 249, 255, 256, 257, 1_000] {
            for pool in [ascii, spaces] {
                let text = String((0..<length).map { _ in pool.randomElement(using: &generator)! })
                #expect(GarbledConditions.comparableLength(text) == GarbledConditions.scalarLength(text), "\(text.debugDescription)")
                for insert in ["ä", "\u{3000}", "北", "😀"] {
                    for offset in [0, 1, 5, 7, 8, 15, length / 2, length - 1] where offset >= 0 && offset <= length {
                        // By scalars: `\r\n` is one character, so characters may be fewer than `length`.
                        var scalars = Array(text.unicodeScalars)
                        scalars.insert(contentsOf: insert.unicodeScalars, at: offset)
                        let mixed = String(String.UnicodeScalarView(scalars))
                        #expect(GarbledConditions.comparableLength(mixed) == GarbledConditions.scalarLength(mixed), "\(mixed.debugDescription)")
                    }
                }
            }
        }
    }

    /// The evaluation data's sentences, sources and translations, Japanese and Chinese among them.
    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func byteCountIsTheScalarCountOnSharedData() throws {
        var checked = 0
        for path in ["ced/en-de/dev.tsv", "ced/en-ja/dev.tsv", "ced/en-zh/dev.tsv", "terminology/wmt21-en-fr-dev/dev.tsv",
                     "mlqe-pe/ru-en/dev.tsv", "mlqe-pe/ro-en/dev.tsv", "mlqe-pe/et-en/dev.tsv"] {
            let text = try String(contentsOfFile: Fixtures.path("../shared/data/" + path), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                for column in line.split(separator: "\t", omittingEmptySubsequences: false).prefix(3) {
                    let value = String(column)
                    #expect(GarbledConditions.comparableLength(value) == GarbledConditions.scalarLength(value), "\(value.debugDescription)")
                    checked += 1
                }
            }
        }
        #expect(checked > 5_000)
    }
}
