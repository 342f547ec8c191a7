import Foundation

/// Rules out, without hashing, most ASCII strings that are no key of a lexicon: the date and
/// number readers (and the cue lexicons of the meaning rules) look every word of a text up, and
/// almost none is a month name, a number word or a cue.
///
/// It keeps, for each first byte and for each last byte, the lengths of the keys that an ASCII
/// string can equal: a string that equals a key has its first byte, last byte and length. A
/// `String` equals another when they are canonically equivalent, so that is each key's canonical
/// decomposition when that is ASCII (`K` for a key with U+212A KELVIN SIGN); a key whose
/// decomposition is not ASCII equals no ASCII string.
public struct ASCIIKeyFilter: Sendable {
    /// By first byte, bit `n` set for a key of `n` bytes (bit 63 for 63 bytes or more).
    private var lengths = [UInt64](repeating: 0, count: 128)
    /// The same by last byte.
    private var lastLengths = [UInt64](repeating: 0, count: 128)

    public init(keys: some Sequence<String>) {
        for key in keys {
            let decomposed = key.decomposedStringWithCanonicalMapping
            guard let first = decomposed.utf8.first, let last = decomposed.utf8.last,
                  decomposed.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            let length: UInt64 = 1 << UInt64(min(decomposed.utf8.count, 63))
            lengths[Int(first)] |= length
            lastLengths[Int(last)] |= length
        }
    }

    /// Whether a key of `count` bytes starts with `first` and ends with `last` (ASCII bytes);
    /// `true` does not mean that there is one: the two are asked apart.
    @inline(__always)
    private func mayHave(first: Int, last: Int, count: Int) -> Bool {
        let length: UInt64 = 1 << UInt64(min(count, 63))
        return lengths[first] & length != 0 && lastLengths[last] & length != 0
    }

    /// `false` only when `string` is ASCII and equal to no key; `true` when it may be one.
    public func mayContain(_ string: String) -> Bool {
        guard let edges = string.utf8Edges, edges.first < 0x80, edges.last < 0x80,
              !mayHave(first: Int(edges.first), last: Int(edges.last), count: edges.count) else { return true }
        return !string.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `mayContain(string)` for a caller that knows already whether the string is ASCII.
    public func mayContain(_ string: String, isASCII: Bool) -> Bool {
        guard let edges = string.utf8Edges, edges.first < 0x80, edges.last < 0x80,
              !mayHave(first: Int(edges.first), last: Int(edges.last), count: edges.count) else { return true }
        return !isASCII
    }

    /// `mayContain` of what `TokenizedText.folded` makes of the code units, without making it:
    /// ASCII folds by lower-casing `A`–`Z` alone.
    func mayContain<Units: RandomAccessCollection<UInt16>>(foldingASCII units: Units) -> Bool where Units.Index == Int {
        guard let first = units.first, let last = units.last, first < 0x80, last < 0x80 else { return true }
        func folded(_ unit: UInt16) -> Int { Int(unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit) }
        guard !mayHave(first: folded(first), last: folded(last), count: units.count) else { return true }
        return units.contains { $0 >= 0x80 }
    }
}
