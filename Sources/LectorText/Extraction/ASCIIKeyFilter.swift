import Foundation

/// Rules out, without hashing, most ASCII strings that are no key of a lexicon: the date and
/// number readers (and the cue lexicons of the meaning rules) look every word of a text up, and
/// almost none is a month name, a number word or a cue.
///
/// It keeps, for each first byte, the lengths of the keys that an ASCII string can equal. A
/// `String` equals another when they are canonically equivalent, so that is each key's canonical
/// decomposition when that is ASCII (`K` for a key with U+212A KELVIN SIGN); a key whose
/// decomposition is not ASCII equals no ASCII string.
public struct ASCIIKeyFilter: Sendable {
    /// By first byte, bit `n` set for a key of `n` bytes (bit 63 for 63 bytes or more).
    private var lengths = [UInt64](repeating: 0, count: 128)

    public init(keys: some Sequence<String>) {
        for key in keys {
            let decomposed = key.decomposedStringWithCanonicalMapping
            guard let first = decomposed.utf8.first, decomposed.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            lengths[Int(first)] |= 1 << UInt64(min(decomposed.utf8.count, 63))
        }
    }

    /// `false` only when `string` is ASCII and equal to no key; `true` when it may be one.
    public func mayContain(_ string: String) -> Bool {
        let utf8 = string.utf8
        guard let first = utf8.first, first < 0x80,
              lengths[Int(first)] & (1 << UInt64(min(utf8.count, 63))) == 0 else { return true }
        return !utf8.allSatisfy { $0 < 0x80 }
    }

    /// `mayContain(string)` for a caller that knows already whether the string is ASCII.
    public func mayContain(_ string: String, isASCII: Bool) -> Bool {
        let utf8 = string.utf8
        guard let first = utf8.first, first < 0x80,
              lengths[Int(first)] & (1 << UInt64(min(utf8.count, 63))) == 0 else { return true }
        return !isASCII
    }

    /// `mayContain` of what `TokenizedText.folded` makes of the code units, without making it:
    /// ASCII folds by lower-casing `A`–`Z` alone.
    func mayContain(foldingASCII units: ArraySlice<UInt16>) -> Bool {
        guard let first = units.first, first < 0x80 else { return true }
        let folded = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
        guard lengths[Int(folded)] & (1 << UInt64(min(units.count, 63))) == 0 else { return true }
        return units.contains { $0 >= 0x80 }
    }
}
