@_implementationOnly import CICU

/// A locale's month names and date patterns in the Gregorian calendar, from CLDR through ICU's
/// `udat_getSymbols` and `udat_toPattern`.
///
/// ICU keeps two sets of names: *format* names, used inside a date, and *stand-alone* names, used
/// on their own. In languages with case this is where the grammatical forms live: Russian format
/// `февраля` (genitive, "24 февраля") against stand-alone `февраль`; Czech `února` against `únor`.
/// Lector matches dates against all four sets.
public struct DateSymbols: Sendable, Equatable {
    /// The ICU locale id the symbols were read for (without the calendar keyword).
    public let locale: String
    /// Format, wide: `January` … (`января` … in `ru`). Index 0 is January.
    public let months: [String]
    /// Format, abbreviated: `Jan` (`Jan.` in `de`, `янв.` in `ru`).
    public let shortMonths: [String]
    /// Stand-alone, wide: `январь` in `ru`.
    public let standaloneMonths: [String]
    /// Stand-alone, abbreviated.
    public let standaloneShortMonths: [String]
    /// The wide names of each day of the week, format and stand-alone, each once; index 0 is Sunday
    /// (`[["Sunday"], ["Monday"], …]`; `[["воскресенье"], …]`).
    public let weekdayForms: [[String]]
    /// Names of the days of the week, format and stand-alone, each once: `Monday` (`понедельник`).
    public var weekdays: [String] {
        var names: [String] = []
        for name in weekdayForms.joined() where !names.contains(name) { names.append(name) }
        return names
    }
    /// Abbreviated names of the days of the week, format and stand-alone, each once: `Mon` (`пн`, `lun.`).
    public let shortWeekdays: [String]
    /// The locale's long date pattern (`MMMM d, y` in `en`, `d. MMMM y` in `de`).
    public let longDatePattern: String
    /// The locale's short date pattern (`M/d/yy` in `en`, `dd/MM/y` in `en_GB`, `dd.MM.yy` in `de`).
    public let shortDatePattern: String

    /// - Parameter locale: an ICU locale id or BCP 47 tag. The Gregorian calendar is used whatever
    ///   the locale's default calendar or `@calendar=` keyword.
    public init(locale: String) throws(ICUError) {
        self = try Self.cache.value(for: locale) { () throws(ICUError) -> DateSymbols in
            try DateSymbols(reading: locale)
        }
    }

    /// The symbols per locale, read once.
    private static let cache = ICUCache<DateSymbols>()

    private init(reading locale: String) throws(ICUError) {
        // Other keywords do not change month names, so the calendar simply replaces them.
        let gregorian = String(locale.prefix { $0 != "@" }) + "@calendar=gregorian"
        var status: Int32 = 0
        let long = gregorian.withCString { cicu_udat_open(CICU_UDAT_NONE, CICU_UDAT_LONG, $0, &status) }
        try checkStatus(status, "open date format for \(locale)")
        guard let long else { throw ICUError(operation: "open date format for \(locale)", name: "U_MISSING_RESOURCE_ERROR") }
        defer { cicu_udat_close(long) }
        let short = gregorian.withCString { cicu_udat_open(CICU_UDAT_NONE, CICU_UDAT_SHORT, $0, &status) }
        try checkStatus(status, "open date format for \(locale)")
        guard let short else { throw ICUError(operation: "open date format for \(locale)", name: "U_MISSING_RESOURCE_ERROR") }
        defer { cicu_udat_close(short) }

        self.locale = locale
        months = try Self.symbols(CICU_UDAT_MONTHS, of: long)
        shortMonths = try Self.symbols(CICU_UDAT_SHORT_MONTHS, of: long)
        standaloneMonths = try Self.symbols(CICU_UDAT_STANDALONE_MONTHS, of: long)
        standaloneShortMonths = try Self.symbols(CICU_UDAT_STANDALONE_SHORT_MONTHS, of: long)
        shortWeekdays = try Self.distinctSymbols([CICU_UDAT_SHORT_WEEKDAYS, CICU_UDAT_STANDALONE_SHORT_WEEKDAYS], of: long)
        // ICU numbers the days from 1 (Sunday) and keeps slot 0 empty.
        let format = try Self.symbols(CICU_UDAT_WEEKDAYS, of: long)
        let standalone = try Self.symbols(CICU_UDAT_STANDALONE_WEEKDAYS, of: long)
        weekdayForms = (1..<8).map { day in
            var forms: [String] = []
            for list in [format, standalone] where day < list.count && !list[day].isEmpty && !forms.contains(list[day]) {
                forms.append(list[day])
            }
            return forms
        }
        longDatePattern = try Self.pattern(of: long)
        shortDatePattern = try Self.pattern(of: short)
    }

    /// Every distinct name of a month (1 = January) in this locale, wide forms first.
    public func forms(ofMonth month: Int) -> [String] {
        guard (1...12).contains(month) else { return [] }
        var result: [String] = []
        for list in [months, standaloneMonths, shortMonths, standaloneShortMonths]
        where month <= list.count && !result.contains(list[month - 1]) {
            result.append(list[month - 1])
        }
        return result
    }

    /// The names of several sets, each once, without the empty slot ICU keeps before Sunday.
    private static func distinctSymbols(_ types: [Int32], of format: UnsafeMutableRawPointer) throws(ICUError) -> [String] {
        var names: [String] = []
        for type in types {
            for name in try symbols(type, of: format) where !name.isEmpty && !names.contains(name) { names.append(name) }
        }
        return names
    }

    private static func symbols(_ type: Int32, of format: UnsafeMutableRawPointer) throws(ICUError) -> [String] {
        // The Gregorian calendar has 12 months; ICU may report a 13th, empty slot (UNDECIMBER).
        let count = min(Int(cicu_udat_countSymbols(format, type)), 12)
        var result: [String] = []
        for index in 0..<count {
            let name = withGrowingBuffer(initialCapacity: 32) { dest, capacity, status in
                cicu_udat_getSymbols(format, type, Int32(index), dest, capacity, &status)
            }
            try checkStatus(name.status, "read month names")
            result.append(UTF16.decode(name.units))
        }
        return result
    }

    private static func pattern(of format: UnsafeMutableRawPointer) throws(ICUError) -> String {
        let result = withGrowingBuffer(initialCapacity: 32) { dest, capacity, status in
            cicu_udat_toPattern(format, dest, capacity, &status)
        }
        try checkStatus(result.status, "read date pattern")
        return UTF16.decode(result.units)
    }
}
