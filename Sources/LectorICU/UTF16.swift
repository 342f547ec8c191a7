@_implementationOnly import CICU

/// Conversions between `String` and UTF-16 code units.
///
/// ICU works on UTF-16. Measured on this machine, ICU's converters are 2× (to UTF-16) and 7×
/// (back to a `String`) faster than the standard library's views, so Lector converts once per
/// document with these and works on the buffer from then on.
public enum UTF16 {
    /// The UTF-16 code units of `string`. Invalid UTF-8 cannot occur in a Swift `String`.
    ///
    /// Sixteen ASCII bytes at a time are widened to units here, and the rest decoded scalar by
    /// scalar, without ICU: a document's text is mostly ASCII, and ICU's converter, fast as it is
    /// per call, was 4 % of a target-only check. `encodeWithICU` is kept to test this against.
    public static func encode(_ string: String) -> [UInt16] {
        var string = string
        return string.withUTF8 { utf8 -> [UInt16] in
            if utf8.isEmpty { return [] }
            // A UTF-16 encoding never has more code units than the UTF-8 encoding has bytes.
            return [UInt16](writingAtMost: utf8.count) { buffer, count in
                count = transcode(utf8, into: buffer)
            }
        }
    }

    /// Writes the UTF-16 of valid UTF-8 `bytes` into `units` (at least as long) and returns the
    /// number of units.
    @inline(__always)
    static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into units: UnsafeMutableBufferPointer<UInt16>) -> Int {
        guard let source = bytes.baseAddress, let target = units.baseAddress else { return 0 }
        let count = bytes.count
        var read = 0
        var written = 0
        let raw = UnsafeRawPointer(source)
        while read < count {
            if read + 16 <= count {
                let low = raw.loadUnaligned(fromByteOffset: read, as: UInt64.self)
                let high = raw.loadUnaligned(fromByteOffset: read + 8, as: UInt64.self)
                if (low | high) & 0x8080_8080_8080_8080 == 0 {
                    // Four bytes spread into four units by shifts and masks: `SIMD16`'s widening
                    // conversion compiles to a loop over the lanes, and so did a loop of sixteen.
                    let out = UnsafeMutableRawPointer(target + written)
                    out.storeBytes(of: spread(low & 0xFFFF_FFFF), toByteOffset: 0, as: UInt64.self)
                    out.storeBytes(of: spread(low >> 32), toByteOffset: 8, as: UInt64.self)
                    out.storeBytes(of: spread(high & 0xFFFF_FFFF), toByteOffset: 16, as: UInt64.self)
                    out.storeBytes(of: spread(high >> 32), toByteOffset: 24, as: UInt64.self)
                    read += 16
                    written += 16
                    continue
                }
            }
            let lead = UInt32(source[read])
            if lead < 0x80 {
                target[written] = UInt16(lead)
                read += 1
                written += 1
            } else if lead < 0xE0 {
                target[written] = UInt16((lead & 0x1F) << 6 | UInt32(source[read + 1]) & 0x3F)
                read += 2
                written += 1
            } else if lead < 0xF0 {
                target[written] = UInt16(truncatingIfNeeded: (lead & 0x0F) << 12 | (UInt32(source[read + 1]) & 0x3F) << 6
                    | UInt32(source[read + 2]) & 0x3F)
                read += 3
                written += 1
            } else {
                let scalar = (lead & 0x07) << 18 | (UInt32(source[read + 1]) & 0x3F) << 12
                    | (UInt32(source[read + 2]) & 0x3F) << 6 | UInt32(source[read + 3]) & 0x3F
                target[written] = UInt16(truncatingIfNeeded: 0xD800 + ((scalar - 0x10000) >> 10))
                target[written + 1] = UInt16(truncatingIfNeeded: 0xDC00 + ((scalar - 0x10000) & 0x3FF))
                read += 4
                written += 2
            }
        }
        return written
    }

    /// Four bytes in the low half of `word` as four 16-bit units.
    @inline(__always)
    static func spread(_ word: UInt64) -> UInt64 {
        let pairs = (word | word << 16) & 0x0000_FFFF_0000_FFFF
        return (pairs | pairs << 8) & 0x00FF_00FF_00FF_00FF
    }

    /// `encode` by ICU's converter.
    public static func encodeWithICU(_ string: String) -> [UInt16] {
        var string = string
        return string.withUTF8 { utf8 -> [UInt16] in
            if utf8.isEmpty { return [] }
            // A UTF-16 encoding never has more code units than the UTF-8 encoding has bytes.
            let capacity = utf8.count
            return [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                var status: Int32 = 0
                var length: Int32 = 0
                utf8.withMemoryRebound(to: CChar.self) { bytes in
                    _ = cicu_strFromUTF8(buffer.baseAddress, Int32(capacity), &length,
                                         bytes.baseAddress, Int32(bytes.count), &status)
                }
                count = status > 0 ? 0 : Int(length)
            }
        }
    }

    /// A `String` from UTF-16 code units; unpaired surrogates become U+FFFD.
    public static func decode(_ units: UnsafeBufferPointer<UInt16>) -> String {
        if units.isEmpty { return "" }
        // ASCII (most words): the bytes are the units, and a capacity of exactly the length keeps
        // a string of up to 15 bytes inline, with no allocation and no call into ICU.
        if units.count <= 64, !units.contains(where: { $0 >= 0x80 }) {
            return String(unsafeUninitializedCapacity: units.count) { bytes in
                for index in 0..<units.count { bytes[index] = UInt8(truncatingIfNeeded: units[index]) }
                return units.count
            }
        }
        // At most three UTF-8 bytes per UTF-16 code unit.
        let capacity = units.count * 3
        return String(unsafeUninitializedCapacity: capacity) { bytes in
            var status: Int32 = 0
            var length: Int32 = 0
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = cicu_strToUTF8(chars.baseAddress, Int32(capacity), &length,
                                   units.baseAddress, Int32(units.count), &status)
            }
            return status > 0 ? 0 : Int(length)
        }
    }

    /// A `String` from UTF-16 code units.
    public static func decode<C: Collection<UInt16>>(_ units: C) -> String {
        if let result = units.withContiguousStorageIfAvailable({ decode($0) }) { return result }
        return Array(units).withUnsafeBufferPointer { decode($0) }
    }
}

/// Runs an ICU "preflight" style call: try a stack-sized buffer, grow once on overflow.
func withGrowingBuffer(
    initialCapacity: Int,
    _ fill: (UnsafeMutablePointer<UInt16>?, Int32, inout Int32) -> Int32
) -> (units: [UInt16], status: Int32) {
    var capacity = max(initialCapacity, 16)
    while true {
        var status: Int32 = 0
        var needed: Int32 = 0
        let units = [UInt16](writingAtMost: capacity) { buffer, count in
            needed = fill(buffer.baseAddress, Int32(capacity), &status)
            count = status == CICU_BUFFER_OVERFLOW_ERROR || status > 0
                ? 0 : Int(needed)
        }
        if status == CICU_BUFFER_OVERFLOW_ERROR {
            capacity = Int(needed) + 1
            continue
        }
        return (units, status)
    }
}
