@_implementationOnly import CICU

/// The names of weekdays, months and languages in one language, as CLDR writes them in running
/// text: `lundi`, `janvier`, `français` in French; `Montag`, `Januar`, `Französisch` in German.
///
/// Languages differ in whether these are proper nouns: English and German capitalize them, French,
/// Spanish, Czech, Russian and many more do not. So `Monday` → `lunes` changes the case of the first
/// letter correctly, and a check of start capitalization has to know which words these are in the
/// target language, from `udat_getSymbols` (format and stand-alone, wide and abbreviated) and
/// `uloc_getDisplayLanguage` over ICU's list of language codes.
public struct LowerCaseNames: Sendable {
    /// The ICU locale id the names were read for.
    public let locale: String
    /// The first word of every name CLDR writes in lower case (`lundi`, `janv`, `français`);
    /// abbreviation dots are not part of a word.
    public let lowerCaseWords: Set<String>
    /// The first word of every name CLDR writes with a capital (`Monday`, `English`, `Jan`).
    public let capitalizedWords: Set<String>

    private static let cache = ICUCache<LowerCaseNames>()

    public init(locale: String) throws(ICUError) {
        self = try Self.cache.value(for: locale) { () throws(ICUError) -> LowerCaseNames in
            try LowerCaseNames(reading: locale)
        }
    }

    /// Names read before (a copy of what `init(locale:)` reads, kept on disk by the caller).
    public init(locale: String, lowerCaseWords: Set<String>, capitalizedWords: Set<String>) {
        self.locale = locale
        self.lowerCaseWords = lowerCaseWords
        self.capitalizedWords = capitalizedWords
    }

    private init(reading locale: String) throws(ICUError) {
        self.locale = locale
        let dates = try DateSymbols(locale: locale)
        var names = dates.months + dates.shortMonths + dates.standaloneMonths + dates.standaloneShortMonths
            + dates.weekdays + dates.shortWeekdays
        if var cursor = cicu_uloc_getISOLanguages() {
            while let code = cursor.pointee {
                let language = String(cString: code)
                cursor += 1
                let name = try PlaceNames.displayLanguage(language, in: locale)
                // Without a name in this locale ICU answers the code itself.
                if !name.isEmpty, name != language { names.append(name) }
            }
        }
        var lower = Set<String>()
        var capitalized = Set<String>()
        for name in names {
            let word = String(name.unicodeScalars.prefix { $0.properties.isAlphabetic })
            guard word.unicodeScalars.count > 1, let first = word.unicodeScalars.first else { continue }
            if first.properties.isLowercase { lower.insert(word) } else if first.properties.isUppercase { capitalized.insert(word) }
        }
        lowerCaseWords = lower
        capitalizedWords = capitalized
    }
}
