/// The Unicode properties the word-splitting loops ask of every scalar, answered from bit sets for
/// U+0000…U+00FF and from the standard library above.
///
/// `Unicode.Scalar.Properties` looks each property up in the standard library's compressed tables
/// (a search per call); on Latin-script text, where almost every scalar is below U+0100, those
/// look-ups were 12 % of a bilingual check's CPU. The bit sets are constants: a table filled at
/// first use was a global, whose lazy initialization is checked (`swift_once`) on every call, in
/// loops over every scalar of every pair. They are the standard library's answers, as
/// `ScalarFastPathTests` checks for every scalar of the Basic Multilingual Plane.
public enum Latin1ScalarProperties {
    /// One bit per scalar U+0000…U+00FF, scalar `n` at bit `n % 64` of word `n / 64`.
    private typealias Bits = (UInt64, UInt64, UInt64, UInt64)

    @inline(__always)
    private static func has(_ bits: Bits, _ scalar: Unicode.Scalar) -> Bool? {
        let value = scalar.value
        guard value < 256 else { return nil }
        let word = switch value >> 6 {
        case 0: bits.0
        case 1: bits.1
        case 2: bits.2
        default: bits.3
        }
        return (word >> UInt64(value & 63)) & 1 != 0
    }

    /// `scalar.properties.isAlphabetic`.
    public static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        has((0x0000_0000_0000_0000, 0x07FF_FFFE_07FF_FFFE, 0x0420_0400_0000_0000, 0xFF7F_FFFF_FF7F_FFFF), scalar)
            ?? scalar.properties.isAlphabetic
    }

    /// `scalar.properties.isWhitespace`.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        has((0x0000_0001_0000_3E00, 0x0000_0000_0000_0000, 0x0000_0001_0000_0020, 0x0000_0000_0000_0000), scalar)
            ?? scalar.properties.isWhitespace
    }

    /// `scalar.properties.isUppercase`.
    public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        has((0x0000_0000_0000_0000, 0x0000_0000_07FF_FFFE, 0x0000_0000_0000_0000, 0x0000_0000_7F7F_FFFF), scalar)
            ?? scalar.properties.isUppercase
    }

    /// `scalar.properties.isLowercase`.
    public static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        has((0x0000_0000_0000_0000, 0x07FF_FFFE_0000_0000, 0x0420_0400_0000_0000, 0xFF7F_FFFF_8000_0000), scalar)
            ?? scalar.properties.isLowercase
    }

    /// `scalar.properties.numericType != nil`: a digit or any other character with a numeric value.
    public static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        has((0x03FF_0000_0000_0000, 0x0000_0000_0000_0000, 0x720C_0000_0000_0000, 0x0000_0000_0000_0000), scalar)
            ?? (scalar.properties.numericType != nil)
    }

    /// `scalar.properties.generalCategory == .nonspacingMark` (none below U+0100).
    public static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 256 ? false : scalar.properties.generalCategory == .nonspacingMark
    }
}
