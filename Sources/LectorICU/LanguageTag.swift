@_implementationOnly import CICU

/// A BCP 47 language tag, checked against ICU's list of ISO 639 languages.
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible {
    /// The tag as BCP 47 (`de-CH`).
    public let identifier: String
    /// The ICU locale id (`de_CH`), as break iterators and case mapping expect it.
    public let localeID: String
    /// The primary language subtag (`de`).
    public let language: String

    public var description: String { identifier }

    public enum Problem: Error, Equatable, Sendable { case malformed(String), unknownLanguage(String) }

    public init(_ tag: String) throws(Problem) {
        let trimmed = tag.replacingUnderscores()
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 < 0x80 }) else { throw .malformed(tag) }
        var status: Int32 = 0
        var parsed: Int32 = 0
        var locale = [CChar](repeating: 0, count: 160)
        let length = trimmed.withCString { cicu_uloc_forLanguageTag($0, &locale, 160, &parsed, &status) }
        guard status <= 0, Int(parsed) == trimmed.utf8.count, length > 0 else {
            throw .malformed(tag)
        }
        var language = [CChar](repeating: 0, count: 16)
        status = 0
        _ = cicu_uloc_getLanguage(locale, &language, 16, &status)
        let languageCode = String(cChars: language)
        guard status <= 0, Self.knownLanguages.contains(languageCode) else {
            throw .unknownLanguage(tag)
        }
        self.localeID = String(cChars: locale)
        self.language = languageCode
        self.identifier = trimmed
    }

    /// The English name of a language code (`de` → `German`), from CLDR through ICU.
    public static func englishName(of code: String) -> String {
        let result = code.withCString { locale in
            withGrowingBuffer(initialCapacity: 32) { dest, capacity, status in
                cicu_uloc_getDisplayLanguage(locale, "en", dest, capacity, &status)
            }
        }
        let name = UTF16.decode(result.units)
        return name.isEmpty ? code : name
    }

    /// The script a language is written in unless its tag says otherwise (`ru` → `Cyrl`, `sr` →
    /// `Cyrl`, `sr-Latn` → `Latn`, `ja` → `Jpan`), from CLDR's likely subtags; nil when CLDR names
    /// none. Looked up once per tag.
    public static func likelyScript(of tag: String) throws(ICUError) -> String? {
        try likelyScripts.value(for: tag) { () throws(ICUError) -> String? in
            var status: Int32 = 0
            var locale = [CChar](repeating: 0, count: 160)
            var parsed: Int32 = 0
            _ = tag.replacingUnderscores().withCString { cicu_uloc_forLanguageTag($0, &locale, 160, &parsed, &status) }
            try checkStatus(status, "read the language tag \(tag)")
            var maximized = [CChar](repeating: 0, count: 160)
            _ = cicu_uloc_addLikelySubtags(locale, &maximized, 160, &status)
            try checkStatus(status, "find the likely script of \(tag)")
            // `ru_Cyrl_RU`: the script is the subtag of four letters after the language.
            let subtags = String(cChars: maximized).split(separator: "_")
            return subtags.dropFirst().first { $0.count == 4 && $0.allSatisfy(\.isLetter) }.map(String.init)
        }
    }

    private static let likelyScripts = ICUCache<String?>()

    /// ISO 639 codes that ICU knows (two-letter and three-letter).
    private static let knownLanguages: Set<String> = {
        var result = Set<String>()
        guard var cursor = cicu_uloc_getISOLanguages() else { return result }
        while let code = cursor.pointee {
            result.insert(String(cString: code))
            cursor += 1
        }
        return result
    }()
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "_" ? "-" : $0 }))
    }
}

extension String {
    /// A string from a NUL-terminated C buffer.
    init(cChars: [CChar]) {
        self = String(decoding: cChars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
