import Foundation

/// Undoes the tokenization that some MT output carries (`am 15 . April`, `F - 35`,
/// `2011 年 7 月 4 日`), so that numbers and dates read as they would in running text.
///
/// Offsets change, so callers that detokenize report at the sentence, not at the number.
public enum Detokenizer {
    private static let spaceBeforePunctuation = try! NSRegularExpression(pattern: #" +([.,;:!?%)\]}])"#)
    private static let spaceAfterBracket = try! NSRegularExpression(pattern: #"([(\[{]) +"#)
    private static let spacedHyphen = try! NSRegularExpression(pattern: #"(?<=[\p{L}\p{N}]) - (?=[\p{L}\p{N}])"#)
    private static let spaceAroundCJK = try! NSRegularExpression(
        pattern: #"(?<=[\p{Han}\p{Hiragana}\p{Katakana}\p{N}]) +(?=[\p{Han}\p{Hiragana}\p{Katakana}\p{N}])"#)
    private static let tokenizedMarks = try! NSRegularExpression(pattern: #"\S [.,;:!?](?: |$)"#)

    /// Whether the text shows tokenization: punctuation standing alone after a word.
    public static func looksTokenized(_ text: String) -> Bool {
        // Every match has a space right before one of the marks; text without that pair (almost
        // all text) cannot match, and the expression costs more than the scan.
        guard hasSpaceBeforeMark(text) else { return false }
        return tokenizedMarks.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// U+0020 followed by one of `.,;:!?`: what `tokenizedMarks` needs between `\S` and the end.
    /// Every pair's target is asked: eight places are tested at once, each byte from 1 on against
    /// the marks and the byte before it against the space (`matching(_:in:)`), the last few
    /// one by one.
    static func hasSpaceBeforeMark(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            let raw = UnsafeRawBufferPointer(bytes)
            var index = 1
            while index + 8 <= raw.count {
                let marks = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let before = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index - 1, as: UInt64.self))
                let isMark = matching(0x2E, in: marks) | matching(0x2C, in: marks) | matching(0x3B, in: marks)
                    | matching(0x3A, in: marks) | matching(0x21, in: marks) | matching(0x3F, in: marks)
                if isMark & matching(0x20, in: before) != 0 { return true }
                index += 8
            }
            while index < raw.count {
                if raw[index - 1] == 0x20 {
                    switch raw[index] {
                    case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F: return true
                    default: break
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// The high bit of each byte of `word` that equals `byte`, and no other bit: exact for each
    /// byte (no borrow runs from one byte into the next, as in the quicker zero-byte test).
    @inline(__always)
    static func matching(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((difference & lows) &+ lows) | difference | lows)
    }

    /// The text as running text: detokenized when it looks tokenized, else unchanged.
    public static func readable(_ text: String) -> (text: String, wasTokenized: Bool) {
        looksTokenized(text) ? (detokenize(text), true) : (text, false)
    }

    public static func detokenize(_ text: String) -> String {
        var result = text
        for (expression, template) in [(spaceBeforePunctuation, "$1"), (spaceAfterBracket, "$1"), (spacedHyphen, "-"),
                                       (spaceAroundCJK, "")] {
            result = expression.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result),
                                                         withTemplate: template)
        }
        return result
    }
}
