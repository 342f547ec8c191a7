import Foundation
import LectorICU
import LectorLexicon
import LectorText

/// The names of weekdays, months and languages of a locale (`LowerCaseNames`) kept in the lexicon
/// disk cache: ICU names each of its 600 language codes one call at a time (23 M of the 1,504 M
/// instructions a ten-unit de→en check costs, for `capitalization.start`'s two languages).
///
/// A stored list is trusted only for the files it was made from (`DerivedTables`); the locale is
/// the key, compared with the stored copy; the payload's checksum is checked by `LexiconDiskCache`.
/// Where a source cannot be named, the names are read from ICU every time.
enum LowerCaseNamesStore {
    /// The names of `locale`, read once per process.
    static func names(locale: String) throws(ICUError) -> LowerCaseNames {
        try memo.value(for: locale) { () throws(ICUError) -> LowerCaseNames in try read(locale: locale) }
    }

    private static let memo = ProcessMemo<String, LowerCaseNames>()

    static func read(locale: String, cache: LexiconDiskCache = .standard) throws(ICUError) -> LowerCaseNames {
        let key = "lower-case-names:" + locale
        return try DerivedTables.table(
            kind: .lowerCaseNames, key: key, cache: cache, decode: { decode($0, key: key, locale: locale) },
            encode: { made in
                guard let lower = DerivedTables.section(made.lowerCaseWords),
                      let capitalized = DerivedTables.section(made.capitalizedWords) else { return nil }
                return [Data(key.utf8), lower, capitalized]
            },
            make: { () throws(ICUError) in try LowerCaseNames(locale: locale) })
    }

    /// The names of checked sections made for `key`; `nil` for anything else (read from ICU again).
    static func decode(_ sections: [Data]?, key: String, locale: String) -> LowerCaseNames? {
        guard let sections, sections.count == 3, sections[0] == Data(key.utf8),
              let lower = DerivedTables.words(sections[1]), let capitalized = DerivedTables.words(sections[2]) else { return nil }
        return LowerCaseNames(locale: locale, lowerCaseWords: lower, capitalizedWords: capitalized)
    }
}
