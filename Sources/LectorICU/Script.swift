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
        var status: Int32 = 0
        let script = cicu_uscript_getScript(UChar32(scalar.value), &status)
        code = script.rawValue
        shortName = cicu_uscript_getShortName(script).map { String(cString: $0) } ?? "Zzzz"
        name = cicu_uscript_getName(script).map { String(cString: $0) } ?? "Unknown"
    }

    public var isCommonOrInherited: Bool { shortName == "Zyyy" || shortName == "Zinh" }
}
