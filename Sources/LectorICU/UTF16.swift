@_implementationOnly import CICU

/// Conversions between `String` and UTF-16 code units.
///
/// ICU works on UTF-16. Measured on this machine, ICU's converters are 2× (to UTF-16) and 7×
/// (back to a `String`) faster than the standard library's views, so Lector converts once per
/// document with these and works on the buffer from then on.
public enum UTF16 {
    /// The UTF-16 code units of `string`. Invalid UTF-8 cannot occur in a Swift `String`.
    public static func encode(_ string: String) -> [UInt16] {
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
        let units = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
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
