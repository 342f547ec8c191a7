@_implementationOnly import CICU

/// A Unicode script (UAX #24) as ICU reports it.
public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's `UScriptCode` value.
    public let code: Int32
    /// ISO 15924 code, for example `Cyrl`.
    public let shortName: String
    /// Long name, for example `Cyrillic`.
    public let name: String

    public var description: String { name }

    /// The script of a code point. `Common` for punctuation and digits, `Inherited` for combining marks.
    public init(of scalar: Unicode.Scalar) {
        let code = Self.code(of: scalar)
        self.code = code
        if code >= 0, code < Self.names.count {
            (shortName, name) = Self.names[Int(code)]
        } else {
            (shortName, name) = Self.lookUpNames(code)
        }
    }

    public var isCommonOrInherited: Bool { code == Self.common || code == Self.inherited }

    // MARK: Codes, without building names (the hot paths compare these)

    /// `UScriptCode` of `Zyyy` (Common): punctuation, digits, symbols.
    public static let common: Int32 = USCRIPT_COMMON.rawValue
    /// `UScriptCode` of `Zinh` (Inherited): combining marks.
    public static let inherited: Int32 = USCRIPT_INHERITED.rawValue
    /// `UScriptCode` of `Latn`.
    public static let latin: Int32 = USCRIPT_LATIN.rawValue
    /// `UScriptCode` of `Cyrl`.
    public static let cyrillic: Int32 = USCRIPT_CYRILLIC.rawValue

    /// ICU's script code of a code point; ASCII answers without calling ICU.
    @inline(__always)
    public static func code(of scalar: Unicode.Scalar) -> Int32 {
        let value = scalar.value
        if value < 0x80 {
            // In ASCII only the letters have a script (Latin); everything else is Common.
            return (value | 0x20) &- 0x61 < 26 ? latin : common
        }
        var status: Int32 = 0
        return cicu_uscript_getScript(UChar32(value), &status).rawValue
    }

    /// Names of every script code ICU knows, read once (`Script(of:)` used to build two strings per call).
    private static let names: [(String, String)] = {
        var table: [(String, String)] = []
        for code in 0..<Int32(USCRIPT_CODE_LIMIT.rawValue) { table.append(lookUpNames(code)) }
        return table
    }()

    private static func lookUpNames(_ code: Int32) -> (String, String) {
        let script = UScriptCode(rawValue: code)
        return (cicu_uscript_getShortName(script).map { String(cString: $0) } ?? "Zzzz",
                cicu_uscript_getName(script).map { String(cString: $0) } ?? "Unknown")
    }
}
