import Foundation

/// Byte scans of a string's UTF-8, for the "has it any of these characters at all" checks of the
/// rules, readers and documents before their real work: `String.UTF8View.contains(where:)` walks
/// string indices, several times slower than a loop over the contiguous bytes every native
/// string has.
///
/// Public rather than `package`: the rules call `contains(_:where:)` across the module boundary on
/// hot paths, and Swift 6.3 inlines an `@inlinable` function into another module only when it is
/// public (a `package` one stays a call, with its predicate as a closure: 1.2 % of a news check).
public enum UTF8Bytes {
    /// Whether a byte of `text`'s UTF-8 satisfies `predicate`.
    @inlinable @inline(__always)
    public static func contains(_ text: String, where predicate: (UInt8) -> Bool) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains(where: predicate) }) {
            return found
        }
        return text.utf8.contains(where: predicate)
    }

    /// Whether `text`'s UTF-8 has `byte`, found by the C library's `memchr`, which reads many
    /// bytes a step where `contains(where:)` tests them one by one.
    package static func contains(_ text: String, byte: UInt8) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }) {
            return found
        }
        return text.utf8.contains(byte)
    }

    /// The index of the first `byte` in `bytes[start..<end]` (`end` defaults to the end), found by
    /// `memchr`: the readers skip a file's text between the bytes they stop at this way.
    package static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let end = min(end ?? buffer.count, buffer.count)
            guard let base = buffer.baseAddress, start < end,
                  let found = memchr(base + start, Int32(byte), end - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// Whether two strings have the same UTF-8 bytes. Not `==`, which is canonical equivalence
    /// (NFC and NFD spellings are equal by it), and not `utf8.elementsEqual`, which walks string
    /// indices byte by byte: `StringPair.masked` asks this of every string check's texts, and the XML readers of every
    /// target they locate.
    package static func equal(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        if let same = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                guard let xBase = x.baseAddress, let yBase = y.baseAddress, count > 0 else { return true }
                return memcmp(xBase, yBase, count) == 0
            }
        }), let same {
            return same
        }
        return a.utf8.elementsEqual(b.utf8)
    }
}

extension UTF8Bytes {
    /// Whether `bytes` are well-formed UTF-8, by the rules of `String(validating:as:)` (Unicode's
    /// table 3-7: no overlong form, no surrogate, nothing above U+10FFFF), without making a
    /// `String` of them. The readers validate a whole file this way before reading it:
    /// `String(validating:)` copied the file into a string only to drop it, and the standard
    /// library's check goes byte by byte where text is mostly ASCII, which this skips eight bytes
    /// at a time.
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < count {
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The range the second byte must be in, and how many bytes the sequence has.
            let second: ClosedRange<UInt8>
            let length: Int
            switch lead {
            case 0xC2...0xDF: second = 0x80...0xBF; length = 2
            case 0xE0: second = 0xA0...0xBF; length = 3
            case 0xE1...0xEC, 0xEE...0xEF: second = 0x80...0xBF; length = 3
            case 0xED: second = 0x80...0x9F; length = 3
            case 0xF0: second = 0x90...0xBF; length = 4
            case 0xF1...0xF3: second = 0x80...0xBF; length = 4
            case 0xF4: second = 0x80...0x8F; length = 4
            default: return false
            }
            guard index + length <= count, second.contains(base[index + 1]) else { return false }
            if length > 2 {
                guard base[index + 2] & 0xC0 == 0x80 else { return false }
                if length > 3 { guard base[index + 3] & 0xC0 == 0x80 else { return false } }
            }
            index += length
        }
        return true
    }

    package static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }
}
