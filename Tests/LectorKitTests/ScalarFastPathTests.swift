import Foundation
import LectorText
import LectorICU
import LectorTestSupport
@testable import LectorRules
import Testing

/// The shortcuts of the performance pass answer exactly what the code they replaced answered.
@Suite struct ScalarFastPathTests {
    /// Every scalar of the Basic Multilingual Plane and a sample above it: the table must agree
    /// with the standard library's properties, in the table's range and beyond it.
    @Test func latin1PropertiesAreTheStandardLibrarys() {
        let values = Array(0...0xFFFF) + Array(stride(from: 0x10000, through: 0x10FFFF, by: 97))
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let properties = scalar.properties
            #expect(Latin1ScalarProperties.isAlphabetic(scalar) == properties.isAlphabetic, "\(value)")
            #expect(Latin1ScalarProperties.isWhitespace(scalar) == properties.isWhitespace, "\(value)")
            #expect(Latin1ScalarProperties.isUppercase(scalar) == properties.isUppercase, "\(value)")
            #expect(Latin1ScalarProperties.isLowercase(scalar) == properties.isLowercase, "\(value)")
            #expect(Latin1ScalarProperties.isNumeric(scalar) == (properties.numericType != nil), "\(value)")
            #expect(Latin1ScalarProperties.isNonspacingMark(scalar) == (properties.generalCategory == .nonspacingMark), "\(value)")
        }
    }

    /// The edge walk before it decoded from the edge: every scalar of the masked text decoded,
    /// then walked from one end.
    static func referenceRun(of text: String, atStart: Bool, masked: [UInt16]) -> (classes: [String], range: Range<Int>) {
        let scalars = Array(String(decoding: masked, as: Unicode.UTF16.self).unicodeScalars)
        var offsets: [Int] = []
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        var classes: [String] = []
        let length = text.utf16.count
        var lower = atStart ? 0 : length, upper = atStart ? 0 : length
        var started = false
        for index in atStart ? Array(scalars.indices) : Array(scalars.indices.reversed()) {
            let scalar = scalars[index]
            if StringText.isInvisible(scalar) { continue }
            if scalar.properties.isWhitespace { if started { break } else { continue } }
            guard StringText.isPunctuationOrSymbol(scalar) else { break }
            // A sign of a quantity (`%`, `€`) belongs to its number; a run of full stops and
            // ellipses of three or more is one ellipsis (`……`).
            if PunctuationClass.isQuantitySign(scalar) { break }
            let cls = StringText.punctuationClass(scalar)
            let dots: [String: Int] = [".": 1, "..": 2, "...": 3]
            if let count = dots[cls], let last = classes.last, let before = dots[last] {
                classes[classes.count - 1] = count + before >= 3 ? "..." : ".."
            } else {
                classes.append(cls)
            }
            let range = offsets[index]..<(offsets[index] + scalar.utf16.count)
            lower = started ? min(lower, range.lowerBound) : range.lowerBound
            upper = started ? max(upper, range.upperBound) : range.upperBound
            started = true
        }
        if !atStart { classes.reverse() }
        let compared = classes.map { $0 == ".." ? "." : $0 }.filter { !["quote", "(", ")", "[", "]", "{", "}"].contains($0) }
        return (compared, lower..<upper)
    }

    static let edgeTexts: [String] = {
        var texts = ["", " ", "Weiter", "<< Previous", "…Неверно", "- Suivant", "¿Qué?", "«Да!»", "Hello...", "Hello…",
                     "'%1$S'.", "negated '%1$S'.", "\u{200B}!Wait?\u{200B}", "😀 smile 😀!", "!😀", "𝐀𝐁?", "a \u{00A0}.",
                     "(Note)", "[x] ...", "&File", "%s öffnen!", "„Zitat“", "\t\n.!?\n", "..", "...", "....", "—dash—",
                     "加载中……", "完成 %d%%。", "Rabatt 6,7 %.", "Prix : 5 €", "20 °C!", "…."]
        let seed = (try? String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8)) ?? ""
        texts += seed.split(separator: "\n").prefix(200).map(String.init)
        return texts
    }()

    @Test func punctuationEdgesAreTheSame() {
        let settings = StringCheckSettings()
        for text in Self.edgeTexts {
            let masked = StringText.masked(text, settings: settings)
            // Unpaired surrogates too: masking may blank half of a pair.
            var broken = masked
            if let index = broken.firstIndex(where: { $0 & 0xFC00 == 0xD800 }) { broken[index] = 0x20 }
            for units in [masked, broken, Array(masked.reversed())] {
                for atStart in [true, false] {
                    let fast = PunctuationEdge.run(of: text, atStart: atStart, settings: settings, masked: units)
                    let reference = Self.referenceRun(of: text, atStart: atStart, masked: units)
                    #expect(fast.classes == reference.classes && fast.range == reference.range, "\(text) \(atStart)")
                }
            }
        }
        #expect(Self.edgeTexts.count > 30)
    }

    /// `SpellingUnknownRule.excludedRanges` as it was first written: every token made a string and tested.
    static func spellingExclusionsByToken(_ text: String) -> [Range<Int>] {
        let utf16 = Array(text.utf16)
        var ranges: [Range<Int>] = []
        var start = 0
        func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0xA0 }
        while start < utf16.count {
            while start < utf16.count, isSpace(utf16[start]) { start += 1 }
            var end = start
            while end < utf16.count, !isSpace(utf16[end]) { end += 1 }
            if end > start {
                let token = String(decoding: utf16[start..<end], as: Unicode.UTF16.self)
                if token.contains("://") || token.lowercased().hasPrefix("www.") || token.dropFirst().dropLast().contains("@") {
                    ranges.append(start..<end)
                }
            }
            start = end
        }
        return ranges
    }

    /// URL and address ranges of `spelling.unknown` are built only for tokens with a `:`, an `@` or
    /// a leading `www.`; every other token never matched (random texts: `MarkScanFastPathTests`).
    @Test func spellingExclusionsAreTheSame() {
        let seed = (try? String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8)) ?? ""
        let texts = [seed, "see https://nato.int/news_2024 or mail press@nato.int, WWW.Example.org and www.x",
                     "Www. wWw.a w@ @x x@ a@b ftp://x :// :/ /: file:///tmp a:b", "ẃww.x Ŵww.x ｗｗｗ.x \u{0301}www.x"]
        for text in texts {
            #expect(SpellingUnknownRule.excludedRanges(in: Array(text.utf16)) == Self.spellingExclusionsByToken(text), "\(text.prefix(40))")
        }
    }

    /// Text without `:` or `@` holds no URL or address for `markup.mismatch`.
    @Test func markupTokensNeedAColonOrAnAt() {
        let seed = (try? String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8)) ?? ""
        for line in seed.split(separator: "\n").map(String.init) where !line.contains(":") && !line.contains("@") {
            let nsText = line as NSString
            #expect(MarkupMismatchRule.expression.matches(in: line, range: NSRange(location: 0, length: nsText.length)).isEmpty)
        }
        #expect(MarkupMismatchRule.tokens(in: "Mail press@nato.int or see https://nato.int.").map(\.text)
            == ["press@nato.int", "https://nato.int"])
    }
}

@Suite struct CaseFoldingFastPathTests {
    /// An ASCII string folds without ICU; with a non-ASCII letter appended it goes through ICU,
    /// and its ASCII part must fold the same.
    @Test func asciiFoldsAsICUFoldsIt() {
        let printable = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }.joined()
        var strings = [printable, "", "KYIV", "Kyiv's", "I", "NATO-Gipfel", "\t\n\r", "\u{7F}\u{01}"]
        strings += (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for string in strings {
            let viaICU = String(CaseMapping.fold(string + "é").dropLast())
            #expect(CaseMapping.fold(string) == viaICU, "\(string)")
        }
        #expect(CaseMapping.fold("İSTANBUL", turkic: true) == CaseMapping.fold("İSTANBULé", turkic: true).dropLast().description)
    }
}
