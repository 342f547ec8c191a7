import Foundation
import LectorICU

/// Word segmentation by ICU's rules (UAX #29 as tailored for the locale), with a fast path for
/// ASCII text.
///
/// ICU's break iterator costs about 10 ns per code unit, as much as all the rest of glossary
/// matching. Runs of ASCII text are split here instead, by the same rules restricted to ASCII
/// (WB5–WB13b: letters, digits, `_`, and `.` `'` `,` `;` between letters or digits); every
/// stretch of text around a non-ASCII code unit goes to ICU, cut at boundaries where ICU's
/// segmentation cannot depend on what lies outside the stretch (before a space or a line break
/// that follows an ASCII character other than a space or CR).
///
/// The word-break class of each ASCII character is read from the ICU in use, once per locale
/// and process, by segmenting probe strings (ICU 72 joins `@` to letters, later versions do
/// not; Finnish and Swedish treat `:` as a mid-letter). The fast path is then checked against
/// ICU on probes covering every ASCII character in every rule context, and turned off if any
/// disagrees: ICU then does everything.
package final class WordSegmenter {
    private let icu: TextSegmenter
    /// The calibrated ASCII classes, or `nil`: no fast path.
    private let classes: [ASCIIClass]?
    package var usesFastPath: Bool { classes != nil }

    package init(locale: String) throws(ICUError) {
        icu = try TextSegmenter(.word, locale: locale)
        classes = Self.calibratedClasses(locale: locale)
    }

    /// Calls `body` with the start, end and kind of every word-like segment (letters, numbers,
    /// kana, ideographs) of `text`, in order: exactly the segments of ICU's word break iterator
    /// whose rule status is not `none`.
    @inline(__always)
    package func forEachWord(in text: UnsafeBufferPointer<UInt16>, _ body: (Int, Int, WordKind) -> Void) {
        if let classes {
            classes.withUnsafeBufferPointer { Self.forEachWordHybrid(in: text, classes: $0, icu: icu, body) }
        } else {
            icu.forEachSegment(in: text) { segment in
                if segment.kind.isWordLike { body(segment.start, segment.end, segment.kind) }
            }
        }
    }

    /// The word-like segments of `forEachWord` as a list (`WordSpans`), for glossary matching
    /// and the rules that read the same words.
    package func words(in document: SourceDocument) -> WordSpans {
        document.utf16.withUnsafeBufferPointer { words(in: $0) }
    }

    package func words(in text: UnsafeBufferPointer<UInt16>) -> WordSpans {
        // About one word per six units of prose: no growth, usually.
        var writer = WordSpans.Writer(expected: text.count / 5)
        forEachWord(in: text) { start, end, kind in writer.append(start: start, end: end, kind: kind) }
        return writer.finish()
    }

    // MARK: - The hybrid walk

    static func forEachWordHybrid(in text: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<ASCIIClass>,
                                  icu: TextSegmenter, _ body: (Int, Int, WordKind) -> Void) {
        let count = text.count
        var position = 0
        while position < count {
            // The next non-ASCII unit.
            var next = position
            while next < count, text[next] < 0x80 { next += 1 }
            if next == count {
                forEachASCIIWord(in: text, from: position, to: count, classes: classes, body)
                return
            }
            // ICU takes the stretch from the last safe boundary before it to the first one after.
            var islandStart = next
            while islandStart > position, !isSafeBoundary(text, islandStart) { islandStart -= 1 }
            var islandEnd = next + 1
            while islandEnd < count, !isSafeBoundary(text, islandEnd) { islandEnd += 1 }
            forEachASCIIWord(in: text, from: position, to: islandStart, classes: classes, body)
            let island = UnsafeBufferPointer(rebasing: text[islandStart..<islandEnd])
            icu.forEachSegment(in: island) { segment in
                if segment.kind.isWordLike { body(islandStart + segment.start, islandStart + segment.end, segment.kind) }
            }
            position = islandEnd
        }
    }

    /// A position where ICU always breaks and after which its segmentation does not depend on
    /// anything before: a space or line break after an ASCII character other than a space or CR.
    /// (UAX #29 keeps horizontal spaces together, CR with LF, and nothing else across these.)
    @inline(__always)
    static func isSafeBoundary(_ text: UnsafeBufferPointer<UInt16>, _ index: Int) -> Bool {
        let unit = text[index]
        guard unit == 0x20 || unit == 0x0A || unit == 0x0D else { return false }
        let before = text[index - 1]
        return before < 0x80 && before != 0x20 && before != 0x0D
    }

    // MARK: - ASCII

    /// Word-break classes of the ASCII characters (UAX #29), as far as word segments go.
    enum ASCIIClass: UInt8, CaseIterable {
        case other = 0, letter, digit
        /// `_` (ExtendNumLet): joins letters, digits and itself.
        case extendNumLet
        /// Joins letters only (MidLetter; `:` in some locales).
        case midLetter
        /// `.` and `'`: join letters, and digits (MidNumLet, Single_Quote).
        case midNumLet
        /// `,` and `;`: join digits (MidNum).
        case midNum
    }

    /// UAX #29's classes of the ASCII characters, before calibration.
    static let defaultClasses: [ASCIIClass] = (0..<128).map { value -> ASCIIClass in
        switch UInt8(value) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "_"): return .extendNumLet
        case UInt8(ascii: "."), UInt8(ascii: "'"): return .midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        default: return .other
        }
    }

    /// The words of an ASCII stretch `text[start..<end]` that begins at a boundary and ends at
    /// one (or at the end of the text).
    @inline(__always)
    static func forEachASCIIWord(in text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int,
                                 classes: UnsafeBufferPointer<ASCIIClass>, _ body: (Int, Int, WordKind) -> Void) {
        var index = start
        while index < end {
            let first = classes[Int(text[index])]
            guard first == .letter || first == .digit || first == .extendNumLet else {
                index += 1
                continue
            }
            let wordStart = index
            // ICU's rule status is the one of the rule that joined the last character: a word
            // that ends in a letter is a letter word, one that ends in a digit a number; `_`
            // keeps the status of what precedes it (`__` counts as letters).
            var last = first
            var beforeLast = ASCIIClass.other
            index += 1
            scan: while index < end {
                let next = classes[Int(text[index])]
                switch next {
                case .letter, .digit, .extendNumLet:
                    // WB5, WB8–WB10, WB13a, WB13b: letters, digits and `_` stay together.
                    beforeLast = last
                    last = next
                    index += 1
                case .midLetter, .midNumLet, .midNum:
                    // WB6/7 (letter · letter) and WB11/12 (digit · digit).
                    guard index + 1 < end else { break scan }
                    let after = classes[Int(text[index + 1])]
                    if last == .letter, after == .letter, next != .midNum {
                        beforeLast = .letter
                        index += 2
                    } else if last == .digit, after == .digit, next != .midLetter {
                        beforeLast = .digit
                        index += 2
                    } else {
                        break scan
                    }
                case .other:
                    break scan
                }
            }
            let kind: WordKind
            switch last {
            case .letter: kind = .letter
            case .digit: kind = .number
            default:  // `_`
                if index - wordStart == 1 {
                    kind = .none  // a lone `_` is no word
                } else {
                    kind = beforeLast == .digit ? .number : .letter
                }
            }
            if kind != .none { body(wordStart, index, kind) }
        }
    }

    // MARK: - Calibration against ICU

    nonisolated(unsafe) private static var calibrations: [String: [ASCIIClass]?] = [:]
    private static let calibrationsLock = NSLock()

    /// The ASCII classes under which the fast path gives ICU's words for `locale` on every probe,
    /// or `nil` (worked out once per locale).
    static func calibratedClasses(locale: String) -> [ASCIIClass]? {
        calibrationsLock.lock()
        defer { calibrationsLock.unlock() }
        if let known = calibrations[locale] { return known }
        // `nil` only turns the ASCII fast path off: words then come from ICU's own segmenter.
        let result = (try? TextSegmenter(.word, locale: locale)).flatMap { calibrate(icu: $0) }
        calibrations[locale] = result
        return result
    }

    /// Reads each ASCII character's class off ICU, then checks every probe.
    static func calibrate(icu: TextSegmenter) -> [ASCIIClass]? {
        var classes = defaultClasses
        // The characters the probes are built around must have their default classes.
        for anchor in [0x61, 0x62, 0x31, 0x32, 0x5F] as [UInt16] {
            guard probes(for: anchor).allSatisfy({ agrees(on: $0, classes: classes, icu: icu) }) else { return nil }
        }
        for unit in UInt16(0)..<128 {
            let probes = probes(for: unit)
            let candidates = [classes[Int(unit)]] + ASCIIClass.allCases.filter { $0 != classes[Int(unit)] }
            guard let fitting = candidates.first(where: { candidate in
                classes[Int(unit)] = candidate
                return probes.allSatisfy { agrees(on: $0, classes: classes, icu: icu) }
            }) else { return nil }
            classes[Int(unit)] = fitting
        }
        return classes
    }

    /// One ASCII character alone and in the contexts the rules look at: after and before a
    /// letter, a digit and `_`, and between two letters, two digits, a letter and a digit.
    static func probes(for unit: UInt16) -> [[UInt16]] {
        let a: UInt16 = 0x61, b: UInt16 = 0x62, one: UInt16 = 0x31, two: UInt16 = 0x32, underscore: UInt16 = 0x5F
        var result: [[UInt16]] = [[unit]]
        for other in [a, one, underscore] {
            result.append([other, unit])
            result.append([unit, other])
            result.append([other, unit, other])
        }
        result.append([a, unit, b])
        result.append([one, unit, two])
        result.append([a, unit, one])
        result.append([one, unit, a])
        result.append([a, unit, unit, b])
        result.append([one, unit, unit, two])
        result.append([a, one, unit, b])
        result.append([one, a, unit, two])
        result.append([a, underscore, unit, one])
        result.append([one, underscore, unit, a])
        return result
    }

    /// ICU's word segments and the fast path's, compared.
    static func agrees(on probe: [UInt16], classes: [ASCIIClass], icu: TextSegmenter) -> Bool {
        probe.withUnsafeBufferPointer { text in
            var expected: [(Int, Int, WordKind)] = []
            icu.forEachSegment(in: text) { segment in
                if segment.kind.isWordLike { expected.append((segment.start, segment.end, segment.kind)) }
            }
            var found: [(Int, Int, WordKind)] = []
            classes.withUnsafeBufferPointer { classes in
                forEachWordHybrid(in: text, classes: classes, icu: icu) { found.append(($0, $1, $2)) }
            }
            return expected.count == found.count && zip(expected, found).allSatisfy { $0 == $1 }
        }
    }
}
