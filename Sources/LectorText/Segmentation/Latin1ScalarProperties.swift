/// The Unicode properties the word-splitting loops ask of every scalar, answered from a table for
/// U+0000…U+00FF and from the standard library above.
///
/// `Unicode.Scalar.Properties` looks each property up in the standard library's compressed tables
/// (a search per call); on Latin-script text, where almost every scalar is below U+0100, those
/// look-ups were 12 % of a bilingual check's CPU. The table is filled from the same properties at
/// first use, so every answer is the standard library's by construction.
public enum Latin1ScalarProperties {
    private static let alphabetic: UInt8 = 1 << 0
    private static let whitespace: UInt8 = 1 << 1
    private static let uppercase: UInt8 = 1 << 2
    private static let lowercase: UInt8 = 1 << 3
    private static let numeric: UInt8 = 1 << 4
    private static let nonspacingMark: UInt8 = 1 << 5

    private static let table: [UInt8] = (0..<256).map { value in
        let properties = Unicode.Scalar(UInt8(value)).properties
        var flags: UInt8 = 0
        if properties.isAlphabetic { flags |= alphabetic }
        if properties.isWhitespace { flags |= whitespace }
        if properties.isUppercase { flags |= uppercase }
        if properties.isLowercase { flags |= lowercase }
        if properties.numericType != nil { flags |= numeric }
        if properties.generalCategory == .nonspacingMark { flags |= nonspacingMark }
        return flags
    }

    @inline(__always)
    private static func has(_ flag: UInt8, _ scalar: Unicode.Scalar) -> Bool? {
        scalar.value < 256 ? table[Int(scalar.value)] & flag != 0 : nil
    }

    /// `scalar.properties.isAlphabetic`.
    public static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        has(alphabetic, scalar) ?? scalar.properties.isAlphabetic
    }

    /// `scalar.properties.isWhitespace`.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        has(whitespace, scalar) ?? scalar.properties.isWhitespace
    }

    /// `scalar.properties.isUppercase`.
    public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        has(uppercase, scalar) ?? scalar.properties.isUppercase
    }

    /// `scalar.properties.isLowercase`.
    public static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        has(lowercase, scalar) ?? scalar.properties.isLowercase
    }

    /// `scalar.properties.numericType != nil`: a digit or any other character with a numeric value.
    public static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        has(numeric, scalar) ?? (scalar.properties.numericType != nil)
    }

    /// `scalar.properties.generalCategory == .nonspacingMark`.
    public static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        has(nonspacingMark, scalar) ?? (scalar.properties.generalCategory == .nonspacingMark)
    }
}
