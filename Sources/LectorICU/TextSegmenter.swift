@_implementationOnly import CICU

/// What ICU's word-break rules say about a segment (`ubrk_getRuleStatus`).
public enum WordKind: Sendable, Equatable {
    /// Spaces, punctuation, symbols.
    case none
    case number
    case letter
    case kana
    case ideographic

    init(ruleStatus: Int32) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<300: self = .letter
        case 300..<400: self = .kana
        case 400..<500: self = .ideographic
        default: self = .none
        }
    }

    /// Words and numbers, as opposed to spaces and punctuation.
    public var isWordLike: Bool { self != .none }
}

/// One segment of a UTF-16 buffer: `[start, end)` in code units.
public struct Segment: Sendable, Equatable {
    public let start: Int
    public let end: Int
    public let kind: WordKind

    /// A segment found without ICU, where its rules are known to give the same
    /// (`SegmentSplitter` of LectorText).
    @inlinable package init(start: Int, end: Int, kind: WordKind) {
        (self.start, self.end, self.kind) = (start, end, kind)
    }
}

/// Word or sentence segmentation for a locale through ICU's break iterators.
///
/// One instance holds one ICU break iterator; it is not thread-safe. Create one per task.
public final class TextSegmenter {
    public enum Unit: Sendable { case word, sentence }

    private let handle: OpaquePointer
    public let unit: Unit
    public let locale: String

    /// - Parameter locale: an ICU locale id. For sentences, `@ss=standard` is added so that
    ///   CLDR's abbreviation list prevents breaks after "Mr." or "Dr.".
    public init(_ unit: Unit, locale: String) throws(ICUError) {
        var status: Int32 = 0
        let effectiveLocale: String
        if unit == .sentence, !locale.contains("@") {
            effectiveLocale = locale + "@ss=standard"
        } else {
            effectiveLocale = locale
        }
        let key = (unit == .word ? "word " : "sentence ") + effectiveLocale
        handle = try Self.prototypes.withValue(for: key, make: { () throws(ICUError) -> ICUPrototype in
            let pointer = effectiveLocale.withCString {
                cicu_ubrk_open(unit == .word ? UBRK_WORD : UBRK_SENTENCE, $0, &status)
            }
            try checkStatus(status, "open \(unit) break iterator for \(locale)")
            return ICUPrototype(pointer: UnsafeMutableRawPointer(pointer!))
        }) { (prototype: ICUPrototype) throws(ICUError) -> OpaquePointer in
            status = 0
            let clone = cicu_ubrk_clone(OpaquePointer(prototype.pointer), &status)
            try checkStatus(status, "clone \(unit) break iterator for \(locale)")
            guard let clone else { throw ICUError(operation: "clone \(unit) break iterator for \(locale)", name: "U_MEMORY_ALLOCATION_ERROR") }
            return clone
        }
        self.unit = unit
        self.locale = locale
    }

    deinit { cicu_ubrk_close(handle) }

    /// One break iterator per kind and locale, opened once and cloned for each instance.
    private static let prototypes = ICUCache<ICUPrototype>()

    /// Calls `body` for every segment of `text`, in order. The buffer must stay valid for the call.
    public func forEachSegment(in text: UnsafeBufferPointer<UInt16>, _ body: (Segment) -> Void) {
        guard !text.isEmpty else { return }
        let iterator = handle
        var status: Int32 = 0
        cicu_ubrk_setText(iterator, text.baseAddress, Int32(text.count), &status)
        guard status <= 0 else { return }
        var start = cicu_ubrk_first(iterator)
        var end = cicu_ubrk_next(iterator)
        while end != UBRK_DONE {
            let kind = unit == .word ? WordKind(ruleStatus: cicu_ubrk_getRuleStatus(iterator)) : .none
            body(Segment(start: Int(start), end: Int(end), kind: kind))
            start = end
            end = cicu_ubrk_next(iterator)
        }
        // Detach so the iterator never points at a freed buffer.
        var empty: UInt16 = 0
        cicu_ubrk_setText(iterator, &empty, 0, &status)
    }

    /// All segments of `string`, as `String`s with their kind; convenient, not for hot paths.
    public func segments(of string: String) -> [(text: String, kind: WordKind)] {
        let units = UTF16.encode(string)
        var result: [(String, WordKind)] = []
        units.withUnsafeBufferPointer { buffer in
            forEachSegment(in: buffer) { segment in
                result.append((UTF16.decode(UnsafeBufferPointer(rebasing: buffer[segment.start..<segment.end])),
                               segment.kind))
            }
        }
        return result
    }
}
