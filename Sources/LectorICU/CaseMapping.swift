@_implementationOnly import CICU

/// Locale-aware case mapping and locale-independent case folding through ICU.
public enum CaseMapping {
    /// Full case folding (`ß` → `ss`, final `ς` → `σ`); Turkic dotless/dotted i optional.
    public static func fold(_ string: String, turkic: Bool = false) -> String {
        // Default folding maps only `A`–`Z` among ASCII characters (to `a`–`z`); an ASCII word,
        // most words of Latin-script text, is folded without the round trip through ICU.
        if !turkic, let folded = foldedASCII(string) { return folded }
        let units = UTF16.encode(string)
        let options: UInt32 = turkic ? UInt32(U_FOLD_CASE_EXCLUDE_SPECIAL_I) : UInt32(U_FOLD_CASE_DEFAULT)
        let result = units.withUnsafeBufferPointer { source in
            withGrowingBuffer(initialCapacity: source.count + 8) { dest, capacity, status in
                cicu_strFoldCase(dest, capacity, source.baseAddress, Int32(source.count), options, &status)
            }
        }
        return UTF16.decode(result.units)
    }

    /// `string` with `A`–`Z` lower-cased when it is all ASCII; `nil` otherwise.
    private static func foldedASCII(_ string: String) -> String? {
        var string = string
        return string.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: bytes, as: Unicode.UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                return bytes.count
            }
        }
    }

    /// Upper case by the rules of `locale` (`tr`: `i` → `İ`).
    public static func uppercase(_ string: String, locale: String) -> String {
        map(string, locale: locale, upper: true)
    }

    /// Lower case by the rules of `locale` (`tr`: `I` → `ı`; Greek final sigma in context).
    public static func lowercase(_ string: String, locale: String) -> String {
        map(string, locale: locale, upper: false)
    }

    private static func map(_ string: String, locale: String, upper: Bool) -> String {
        let units = UTF16.encode(string)
        let result = units.withUnsafeBufferPointer { source in
            locale.withCString { loc in
                withGrowingBuffer(initialCapacity: source.count + 8) { dest, capacity, status in
                    upper
                        ? cicu_strToUpper(dest, capacity, source.baseAddress, Int32(source.count), loc, &status)
                        : cicu_strToLower(dest, capacity, source.baseAddress, Int32(source.count), loc, &status)
                }
            }
        }
        return UTF16.decode(result.units)
    }
}
