import LectorICU

/// A calendar date found in text: day and month always, the year when the text gives one.
public struct ExtractedDate: Sendable, Hashable, CustomStringConvertible {
    public let day: Int
    /// 1 = January.
    public let month: Int
    public let year: Int?
    /// UTF-16 range of the whole date in the text (`24. Februar 2022`, `Feb. 24, 2022`).
    public let range: Range<Int>
    /// The date as written.
    public let text: String
    /// UTF-16 range of the day's digits.
    public let dayRange: Range<Int>
    /// UTF-16 range of the month: its name, or its digits in a numeric date.
    public let monthRange: Range<Int>
    /// UTF-16 range of the year's digits.
    public let yearRange: Range<Int>?
    /// The month is written with digits (`28.03.2022`, `03/28/2022`, `2022-03-28`, `3月28日`).
    public let isNumeric: Bool

    /// Whether two dates name the same day. A missing year matches any year.
    public func isSameDay(as other: ExtractedDate) -> Bool {
        day == other.day && month == other.month && (year == nil || other.year == nil || year == other.year)
    }

    public var description: String {
        "\(year.map { String($0) } ?? "????")-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day) “\(text)”"
    }
}

/// A day of the week or a month named in text, with or without a date around it (`am Dienstag`,
/// `im März`, `on Tuesday`): what a translation may change while every number stays.
public struct NamedDay: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case weekday, month }
    public let kind: Kind
    /// The weekday (0 = Sunday … 6 = Saturday) or the month (1 = January).
    public let value: Int
    /// UTF-16 range of the name.
    public let range: Range<Int>
    /// The name as written.
    public let text: String
}

/// Finds dates in text in one language.
///
/// Written with the month's name (`24. Februar`, `am 24. Februar 2022`, `February 24`,
/// `Feb. 24, 2022`, `24th of February`, `24 февраля`, `24 лютого`, `1er mars`), with the month
/// names of every form ICU knows (`DateSymbols`: format and stand-alone, wide and abbreviated,
/// compared case-insensitively, with or without a trailing dot). Day-before-month is read in every
/// language; month-before-day where ICU's long date pattern puts the month first, and in English,
/// and then only with a capital where the language capitalizes month names (`you may 5` is no date).
///
/// Numeric dates: `28.03.2022` (dots: day.month.year), `2022-03-28` (ISO), `28.03.` (dot-date
/// languages, no year), and slashed dates in the order of the language's short date pattern:
/// `03/28/2022` is M/D/Y in `en` and `en-US`, `28/03/2022` is D/M/Y in `en-GB`, `fr`, `de`. A slashed
/// date that is impossible in that order but valid the other way round is read the other way.
/// Two-digit years are 19xx from 69 and 20xx below (POSIX `%y`). Chinese and Japanese
/// `2022年3月28日`.
///
/// A month or a year on its own (`im März`, `in 2022`) is not a date and is not reported. Dates
/// written in words (`the twenty-fourth`) and ranges of days (`24.–26. Februar`, only `26. Februar`
/// is found) are out of scope.
///
/// One instance holds ICU objects and is not thread-safe: create one per task.
public final class DateExtractor {
    /// The BCP 47 tag the extractor was made for.
    public let language: String
    let locale: ExtractionLocale
    private let segmenter: TextSegmenter
    /// Folded month name → (month, whether the name is an abbreviation).
    private let monthNames: [String: (month: Int, isAbbreviation: Bool)]
    /// The keys of `monthNames`, to skip looking up most words that are none.
    private let monthFilter: ASCIIKeyFilter
    /// The same, closer: `ASCIIKeyFilter` lets through `der` (for `dez` and `apr`) and every
    /// word with a non-ASCII letter, for every word of every sentence.
    private let monthShapes: KeyShapes
    private let slashOrder: FieldOrder
    private let allowsMonthFirst: Bool
    /// The language capitalizes month names (`en`, `de`); month-first dates then need a capital,
    /// so that `they march 10 miles` and `you may 5` are no dates.
    private let capitalizesMonths: Bool
    private let usesDottedDates: Bool
    private let ordinalSuffixes: Set<String>
    private let numberWords: NumberWords?
    private let dayMonthLinks: Set<String>
    private let weekdayNames: [String: Int]
    private let namedDayNames: [String: (kind: NamedDay.Kind, value: Int)]
    private let dayShapes: KeyShapes
    private let capitalizesWeekdays: Bool
    private let declinesNames: Bool

    enum FieldOrder: Sendable { case dmy, mdy, ymd }

    /// What the extractor reads off ICU and Lector's lexicons for a language: the same for every
    /// instance, so made once per language (`ProcessMemo`).
    struct Tables: Sendable {
        let locale: ExtractionLocale
        let monthNames: [String: (month: Int, isAbbreviation: Bool)]
        let monthFilter: ASCIIKeyFilter
        let monthShapes: KeyShapes
        let slashOrder: FieldOrder
        let allowsMonthFirst: Bool
        let capitalizesMonths: Bool
        let usesDottedDates: Bool
        let ordinalSuffixes: Set<String>
        let numberWords: NumberWords?
        let dayMonthLinks: Set<String>
        /// Folded wide weekday name → 0 (Sunday) … 6; names of one word only.
        let weekdayNames: [String: Int]
        /// What `namedDays` reads a folded word as, in one look-up: each weekday name, and each
        /// month name that is no abbreviation and no weekday name.
        let namedDayNames: [String: (kind: NamedDay.Kind, value: Int)]
        /// The shapes of the weekday names and the month names that are no abbreviation.
        let dayShapes: KeyShapes
        let capitalizesWeekdays: Bool
        /// The language declines month names (CLDR's format and stand-alone names differ, as
        /// Russian `декабря` and `декабрь`), so text writes cases CLDR does not list (`в декабре`).
        let declinesNames: Bool

        init(language: String) throws(ICUError) {
            locale = ExtractionLocale(language)
            let symbols = try DateSymbols(locale: locale.localeID)
            var names: [String: (Int, Bool)] = [:]
            for (lists, isAbbreviation) in [([symbols.months, symbols.standaloneMonths], false),
                                            ([symbols.shortMonths, symbols.standaloneShortMonths], true)] {
                for list in lists {
                    for (index, name) in list.enumerated() {
                        var folded = CaseMapping.fold(name)
                        if folded.hasSuffix(".") { folded.removeLast() }
                        // Digits mean a CJK month (`3月`), which is read by its own pattern.
                        guard !folded.isEmpty, !folded.contains(where: \.isNumber), names[folded] == nil else { continue }
                        names[folded] = (index + 1, isAbbreviation)
                    }
                }
            }
            for (name, month) in ExtractionLexicon.extraMonthForms(locale.language) where names[name] == nil {
                names[name] = (month, true)
            }
            for (name, month) in ExtractionLexicon.monthCaseForms(locale.language) where names[name] == nil {
                names[name] = (month, false)
            }
            monthNames = names
            monthFilter = ASCIIKeyFilter(keys: names.keys)
            monthShapes = KeyShapes(keys: names.keys)
            slashOrder = DateExtractor.fieldOrder(of: symbols.shortDatePattern) ?? .dmy
            allowsMonthFirst = locale.language == "en" || DateExtractor.fieldOrder(of: symbols.longDatePattern) == .mdy
            capitalizesMonths = symbols.months.first?.first?.isUppercase ?? false
            usesDottedDates = DateExtractor.patternLetters(symbols.shortDatePattern).separators.contains(".")
            ordinalSuffixes = ExtractionLexicon.ordinalSuffixes(locale.language)
            numberWords = NumberWords.forLanguage(locale.language)
            dayMonthLinks = ExtractionLexicon.dayMonthLinks(locale.language)
            var weekdays: [String: Int] = [:]
            for (day, forms) in symbols.weekdayForms.enumerated() {
                for form in forms {
                    let folded = CaseMapping.fold(form)
                    // Names of two words (`segunda-feira`) are several tokens: left out.
                    guard !folded.isEmpty, folded.allSatisfy(\.isLetter), weekdays[folded] == nil else { continue }
                    weekdays[folded] = day
                }
            }
            weekdayNames = weekdays
            var named = weekdays.mapValues { (kind: NamedDay.Kind.weekday, value: $0) }
            for (name, (month, isAbbreviation)) in names where !isAbbreviation && named[name] == nil { named[name] = (.month, month) }
            namedDayNames = named
            dayShapes = KeyShapes(keys: Array(weekdays.keys) + names.filter { !$0.value.1 }.map(\.key))
            capitalizesWeekdays = symbols.weekdayForms.first?.first?.first?.isUppercase ?? false
            // Or writes the names in lower case, as words whose endings vary (Estonian
            // `esmaspäeval`, `jaanuarisse`); languages that capitalize them (English `March`,
            // whose verb `marched` has the stem `march`) read CLDR's forms only.
            declinesNames = symbols.months != symbols.standaloneMonths
                || !(symbols.months.first?.first?.isUppercase ?? true) && !capitalizesWeekdays
        }
    }

    private static let tables = ProcessMemo<String, Tables>()

    public init(language: String) throws(ICUError) {
        self.language = language
        let tables = try Self.tables.value(for: language) { () throws(ICUError) in try Tables(language: language) }
        locale = tables.locale
        segmenter = try TextSegmenter(.word, locale: locale.localeID)
        monthNames = tables.monthNames
        monthFilter = tables.monthFilter
        monthShapes = tables.monthShapes
        slashOrder = tables.slashOrder
        allowsMonthFirst = tables.allowsMonthFirst
        capitalizesMonths = tables.capitalizesMonths
        usesDottedDates = tables.usesDottedDates
        ordinalSuffixes = tables.ordinalSuffixes
        numberWords = tables.numberWords
        dayMonthLinks = tables.dayMonthLinks
        weekdayNames = tables.weekdayNames
        namedDayNames = tables.namedDayNames
        dayShapes = tables.dayShapes
        capitalizesWeekdays = tables.capitalizesWeekdays
        declinesNames = tables.declinesNames
    }

    /// The wide names `namedDays` knows, folded, with what each names; for reading other forms
    /// through a dictionary (`namedDays(inUTF16:segments:otherForm:)`).
    public var dayNameForms: [(form: String, kind: NamedDay.Kind, value: Int)] {
        weekdayNames.map { ($0.key, NamedDay.Kind.weekday, $0.value) }
            + monthNames.filter { !$0.value.isAbbreviation }.map { ($0.key, NamedDay.Kind.month, $0.value.month) }
    }

    /// Whether the language declines the names of months, so that text writes forms CLDR does
    /// not list (Russian `в декабре`, `к октябрю`).
    public var declinesDayNames: Bool { declinesNames }

    /// Dates in `text`, in order; ranges are UTF-16 offsets into `text`.
    public func dates(in text: String) -> [ExtractedDate] {
        dates(inUTF16: LectorICU.UTF16.encode(text))
    }

    /// Dates in UTF-16 code units (for example `SourceDocument.utf16`), in order.
    public func dates(inUTF16 units: [UInt16]) -> [ExtractedDate] {
        dates(in: TokenizedText(units: units, segmenter: segmenter))
    }

    /// Convenience for one text; prefer an instance when extracting from many.
    public static func dates(in text: String, language: String) throws(ICUError) -> [ExtractedDate] {
        try DateExtractor(language: language).dates(in: text)
    }

    // MARK: - Named days and months

    /// The days of the week and the months `text` names by their wide names (CLDR's format and
    /// stand-alone forms, and the case forms the date reader knows), in order, inside a date or
    /// not. Abbreviations are left out (`So`, `Do`, `Mar` are words too), and so is a name in
    /// lower case where the language capitalizes it (`you may`, `they march`).
    public func namedDays(in text: String, otherForm: ((ArraySlice<UInt16>) -> (NamedDay.Kind, Int)?)? = nil) -> [NamedDay] {
        namedDays(in: TokenizedText(units: LectorICU.UTF16.encode(text), segmenter: segmenter), otherForm: otherForm)
    }

    /// `namedDays(in:)` of a text already in UTF-16 code units and segmented into words by a
    /// word segmenter of this extractor's locale.
    ///
    /// `otherForm` is asked of a word that is no listed name (a dictionary's stems, say): the
    /// kind and value it names, if any.
    public func namedDays(inUTF16 units: [UInt16], segments: [Segment],
                          otherForm: ((ArraySlice<UInt16>) -> (NamedDay.Kind, Int)?)? = nil) -> [NamedDay] {
        namedDays(in: TokenizedText(units: units, segments: segments), otherForm: otherForm)
    }

    func namedDays(in text: TokenizedText, otherForm: ((ArraySlice<UInt16>) -> (NamedDay.Kind, Int)?)? = nil) -> [NamedDay] {
        var found: [NamedDay] = []
        // Most words of a text are neither: one look at the shapes of both kinds rules them out
        // before anything is folded (the capital is asked last, of a name found).
        // Where the language capitalizes both kinds and reads no other form, a word that starts
        // with an ASCII letter in lower case is none (most words of an English or German text).
        let needsCapital = capitalizesWeekdays && capitalizesMonths && otherForm == nil
        for index in text.tokens.indices where text.tokens[index].kind == .letter {
            let range = text.tokens[index].range
            if needsCapital, case 0x61...0x7A = text.units[range.lowerBound] { continue }
            var named: (kind: NamedDay.Kind, value: Int)?
            if text.mayBeKey(index, in: dayShapes) { named = namedDayNames[text.folded(index)] }
            if named == nil, let otherForm { named = otherForm(text.units[range]) }
            guard let named else { continue }
            let capitalizes = named.kind == .weekday ? capitalizesWeekdays : capitalizesMonths
            guard !capitalizes || CodeUnit.isUppercase(text.units[range.lowerBound]) else { continue }
            found.append(NamedDay(kind: named.kind, value: named.value, range: range, text: text.text(range)))
        }
        return found
    }

    // MARK: - Matching

    func dates(in text: TokenizedText) -> [ExtractedDate] {
        var found: [ExtractedDate] = []
        // A date with a month name has one (`monthField`, only ever of a letter token); most
        // sentences have none, and then no token need be read as a day (`dayField` looks every
        // word up as an ordinal). Where the text has some, a date written with one is tried only
        // at a month (`monthFirstDate`) or two to five tokens before one (`dayFirstDate`: `24`,
        // `.`, space, a link word, space).
        var months: [Int] = []
        for index in text.tokens.indices where text.tokens[index].kind == .letter && monthField(at: index, in: text) != nil {
            months.append(index)
        }
        // Without a month name every date is numeric, and starts at a number token, which holds
        // a digit: a text without any (most sentences) has none of these dates.
        var index = !months.isEmpty || text.mayHaveDigit ? 0 : text.tokens.count
        var nextMonth = 0
        func namedDate(at index: Int) -> (ExtractedDate, Int)? {
            while nextMonth < months.count, months[nextMonth] < index { nextMonth += 1 }
            let atMonth = nextMonth < months.count && months[nextMonth] == index
            let monthAhead = months[nextMonth...].contains { $0 >= index + 2 && $0 <= index + 5 }
            return (monthAhead ? dayFirstDate(at: index, in: text) : nil) ?? (atMonth ? monthFirstDate(at: index, in: text) : nil)
        }
        while index < text.tokens.count {
            // Without a month name only a number token can start a date (`numericDate`): the
            // words and spaces between (nine tokens in ten) are passed over here, where each
            // was a call that made an empty date (news.xlf: 467,000 calls, 29 M instructions).
            if months.isEmpty, text.tokens[index].kind != .number {
                index += 1
                continue
            }
            if let (date, next) = numericDate(at: index, in: text) ?? (months.isEmpty ? nil : namedDate(at: index)) {
                found.append(date)
                index = next
            } else {
                index += 1
            }
        }
        if text.hasUnitsFromU0660 { found += cjkDates(in: text) }
        // Most texts have no date or one: nothing to order.
        return found.count < 2 ? found : found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private struct Field {
        let value: Int
        let range: Range<Int>
    }

    private func makeDate(day: Field, month: Field, year: Field?, range: Range<Int>, numeric: Bool,
                          in text: TokenizedText) -> ExtractedDate? {
        guard Self.isValid(day: day.value, month: month.value, year: year?.value) else { return nil }
        return ExtractedDate(day: day.value, month: month.value, year: year?.value, range: range,
                             text: text.text(range), dayRange: day.range, monthRange: month.range,
                             yearRange: year?.range, isNumeric: numeric)
    }

    /// `28.03.2022`, `28.03.`, `03/28/2022`, `2022-03-28`.
    private func numericDate(at index: Int, in text: TokenizedText) -> (ExtractedDate, Int)? {
        let token = text.tokens[index]
        guard token.kind == .number else { return nil }
        // Dotted: ICU keeps `28.03.2022` as one number token. Most number tokens have no dot
        // and are one part: they need no list of parts made.
        guard text.units[token.range].contains(0x2E) else { return slashedDate(at: index, in: text) }
        let parts = Self.split(text.units, token.range, on: 0x2E)
        if parts.count == 3 || (parts.count == 2 && usesDottedDates && text.isSingle(index + 1, [0x2E])
                                && !text.isDigits(index + 2)) {
            let fields = parts.compactMap { range in CodeUnit.integer(text.units[range]).map { Field(value: $0, range: range) } }
            guard fields.count == parts.count else { return nil }
            let lengths = parts.map(\.count)
            if parts.count == 2 {
                guard (1...2).contains(lengths[0]), (1...2).contains(lengths[1]) else { return nil }
                let range = token.start..<(token.end + 1)
                return makeDate(day: fields[0], month: fields[1], year: nil, range: range, numeric: true, in: text)
                    .map { ($0, index + 2) }
            }
            let order: FieldOrder
            if lengths[0] == 4, (1...2).contains(lengths[1]), (1...2).contains(lengths[2]) {
                order = .ymd
            } else if (1...2).contains(lengths[0]), (1...2).contains(lengths[1]), lengths[2] == 2 || lengths[2] == 4 {
                order = .dmy
            } else {
                return nil
            }
            return date(fields, order: order, swapIfInvalid: false, range: token.range, in: text).map { ($0, index + 1) }
        }
        return nil
    }

    /// `03/28/2022`, `2022-03-28`: five tokens, number separator number separator number.
    private func slashedDate(at index: Int, in text: TokenizedText) -> (ExtractedDate, Int)? {
        // The separator first: most numbers have none after them, and are no date.
        guard text.isValid(index + 4), text.tokens[index + 1].end - text.tokens[index + 1].start == 1 else { return nil }
        let separator = text.units[text.tokens[index + 1].start]
        guard separator == 0x2F || separator == 0x2D, text.isDigits(index),
              text.isDigits(index + 2), text.isSingle(index + 3, [separator]), text.isDigits(index + 4),
              !text.isSingle(index - 1, [separator]), !text.isSingle(index + 5, [separator]),
              !(text.isSingle(index + 5, [0x2E, 0x2C]) && text.isDigits(index + 6))
        else { return nil }
        let indices = [index, index + 2, index + 4]
        let fields = indices.map { Field(value: text.integer($0) ?? 0, range: text.tokens[$0].range) }
        let lengths = indices.map { text.tokens[$0].end - text.tokens[$0].start }
        let order: FieldOrder
        if lengths[0] == 4, (1...2).contains(lengths[1]), (1...2).contains(lengths[2]) {
            order = .ymd
        } else if (1...2).contains(lengths[0]), (1...2).contains(lengths[1]), lengths[2] == 2 || lengths[2] == 4 {
            // Hyphenated day-first dates (`28-03-2022`) are Dutch and Danish; slashes follow the locale.
            order = separator == 0x2D ? .dmy : (slashOrder == .ymd ? .dmy : slashOrder)
        } else {
            return nil
        }
        let range = text.tokens[index].start..<text.tokens[index + 4].end
        return date(fields, order: order, swapIfInvalid: separator == 0x2F, range: range, in: text)
            .map { ($0, index + 5) }
    }

    private func date(_ fields: [Field], order: FieldOrder, swapIfInvalid: Bool, range: Range<Int>,
                      in text: TokenizedText) -> ExtractedDate? {
        var (day, month, year): (Field, Field, Field)
        switch order {
        case .dmy: (day, month, year) = (fields[0], fields[1], fields[2])
        case .mdy: (month, day, year) = (fields[0], fields[1], fields[2])
        case .ymd: (year, month, day) = (fields[0], fields[1], fields[2])
        }
        if year.range.count == 2 {
            year = Field(value: year.value + (year.value >= 69 ? 1900 : 2000), range: year.range)
        }
        if let date = makeDate(day: day, month: month, year: year, range: range, numeric: true, in: text) {
            return date
        }
        guard swapIfInvalid, order != .ymd else { return nil }
        return makeDate(day: month, month: day, year: year, range: range, numeric: true, in: text)
    }

    /// `24. Februar 2022`, `24 февраля`, `24th of February`, `1er mars`.
    private func dayFirstDate(at index: Int, in text: TokenizedText) -> (ExtractedDate, Int)? {
        guard let day = dayField(at: index, in: text) else { return nil }
        var next = index + 1
        if text.isSingle(next, [0x2E]) { next += 1 }
        guard text.isInlineSpace(next) else { return nil }
        next += 1
        if !dayMonthLinks.isEmpty, dayMonthLinks.contains(text.folded(next)), text.isInlineSpace(next + 1) {
            next += 2
        }
        guard let (month, afterMonth) = monthField(at: next, in: text) else { return nil }
        var end = text.tokens[afterMonth - 1].end
        next = afterMonth
        var year: Field?
        if text.isInlineSpace(next), let found = yearField(at: next + 1, in: text) {
            year = found
            end = found.range.upperBound
            next += 2
        }
        let range = text.tokens[index].start..<end
        return makeDate(day: day, month: month, year: year, range: range, numeric: false, in: text).map { ($0, next) }
    }

    /// `February 24`, `Feb. 24, 2022`, `March 10th`.
    private func monthFirstDate(at index: Int, in text: TokenizedText) -> (ExtractedDate, Int)? {
        guard allowsMonthFirst, let (month, afterMonth) = monthField(at: index, in: text),
              !capitalizesMonths || CodeUnit.isUppercase(text.units[text.tokens[index].start]),
              text.isInlineSpace(afterMonth), let day = dayField(at: afterMonth + 1, in: text) else { return nil }
        var next = afterMonth + 2
        // `March 10:30`, `March 10,000`, `March 10.5`: the number is not a day.
        if text.isSingle(next, [0x3A, 0x2E, 0x2C]), text.isDigits(next + 1) { return nil }
        var end = text.tokens[afterMonth + 1].end
        var year: Field?
        var cursor = next
        if text.isSingle(cursor, [0x2C]) { cursor += 1 }
        if text.isInlineSpace(cursor), let found = yearField(at: cursor + 1, in: text) {
            year = found
            end = found.range.upperBound
            next = cursor + 2
        }
        let range = text.tokens[index].start..<end
        return makeDate(day: day, month: month, year: year, range: range, numeric: false, in: text).map { ($0, next) }
    }

    /// A day of the month: one or two digits, or an ordinal (`24th`, `1er`).
    private func dayField(at index: Int, in text: TokenizedText) -> Field? {
        guard text.isValid(index) else { return nil }
        let token = text.tokens[index]
        let units = text.units[token.range]
        let digitCount = units.prefix(while: CodeUnit.isASCIIDigit).count
        if digitCount == 0, token.kind == .letter, let numberWords, token.end - token.start <= 12,
           text.mayBeKey(index, in: numberWords.filter), let day = numberWords.ordinal(text.folded(index)) {
            // `am ersten November`, `le premier mars`, `November first`.
            return Field(value: day, range: token.range)
        }
        guard (1...2).contains(digitCount) else { return nil }
        if digitCount < units.count {
            let suffix = CaseMapping.fold(text.text(token.start + digitCount..<token.end))
            guard ordinalSuffixes.contains(suffix) else { return nil }
        }
        let digits = token.start..<(token.start + digitCount)
        guard let value = CodeUnit.integer(text.units[digits]), (1...31).contains(value) else { return nil }
        return Field(value: value, range: digits)
    }

    /// A month name, with the dot after it when it is an abbreviation; returns the next token index.
    private func monthField(at index: Int, in text: TokenizedText) -> (Field, Int)? {
        guard text.isValid(index), text.tokens[index].kind == .letter,
              text.mayBeKey(index, in: monthShapes), text.mayBeKey(index, in: monthFilter),
              let (month, isAbbreviation) = monthNames[text.folded(index)] else { return nil }
        let token = text.tokens[index]
        if isAbbreviation, text.isSingle(index + 1, [0x2E]) {
            return (Field(value: month, range: token.start..<(token.end + 1)), index + 2)
        }
        return (Field(value: month, range: token.range), index + 1)
    }

    /// A four-digit year (1000–2999) that is not the start of a longer number or a time.
    private func yearField(at index: Int, in text: TokenizedText) -> Field? {
        guard text.isDigits(index, count: 4...4), let value = text.integer(index), (1000...2999).contains(value),
              !(text.isSingle(index + 1, [0x3A, 0x2C, 0x2E]) && text.isDigits(index + 2)) else { return nil }
        return Field(value: value, range: text.tokens[index].range)
    }

    /// `2022年3月28日`, `3月28日`, `3月28号` (ASCII or full-width digits).
    private func cjkDates(in text: TokenizedText) -> [ExtractedDate] {
        // `月` is U+6708, and a date needs a digit before it.
        guard text.hasUnitsFromU0660, text.mayHaveDigit else { return [] }
        let units = text.units
        var result: [ExtractedDate] = []
        func digitRun(endingAt end: Int) -> Field? {
            var start = end
            while start > 0, Self.cjkDigit(units[start - 1]) != nil { start -= 1 }
            return digitField(start..<end)
        }
        func digitRun(startingAt start: Int) -> Field? {
            var end = start
            while end < units.count, Self.cjkDigit(units[end]) != nil { end += 1 }
            return digitField(start..<end)
        }
        func digitField(_ range: Range<Int>) -> Field? {
            guard (1...4).contains(range.count) else { return nil }
            return Field(value: units[range].reduce(0) { $0 * 10 + (Self.cjkDigit($1) ?? 0) }, range: range)
        }
        for index in units.indices where units[index] == 0x6708 {  // 月
            guard let month = digitRun(endingAt: index), month.range.count <= 2,
                  let day = digitRun(startingAt: index + 1), day.range.count <= 2,
                  day.range.upperBound < units.count,
                  [0x65E5, 0x53F7, 0x865F].contains(units[day.range.upperBound])  // 日 号 號
            else { continue }
            var start = month.range.lowerBound
            var year: Field?
            if start > 0, units[start - 1] == 0x5E74, let found = digitRun(endingAt: start - 1), found.range.count == 4 {  // 年
                year = found
                start = found.range.lowerBound
            }
            if let date = makeDate(day: day, month: month, year: year, range: start..<(day.range.upperBound + 1),
                                   numeric: true, in: text) {
                result.append(date)
            }
        }
        return result
    }

    // MARK: - Helpers

    private static func cjkDigit(_ unit: UInt16) -> Int? {
        if CodeUnit.isASCIIDigit(unit) { return Int(unit - 0x30) }
        if unit >= 0xFF10, unit <= 0xFF19 { return Int(unit - 0xFF10) }
        return nil
    }

    private static func split(_ units: [UInt16], _ range: Range<Int>, on separator: UInt16) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where units[index] == separator {
            parts.append(start..<index)
            start = index + 1
        }
        parts.append(start..<range.upperBound)
        return parts
    }

    static func isValid(day: Int, month: Int, year: Int?) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if month == 2, day == 29, let year {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        }
        return day <= lengths[month - 1]
    }

    /// The order of day, month and year in an ICU date pattern (`M/d/yy` → M/D/Y).
    static func fieldOrder(of pattern: String) -> FieldOrder? {
        let letters = patternLetters(pattern).letters
        guard let day = letters.firstIndex(of: "d"),
              let month = letters.firstIndex(where: { $0 == "M" || $0 == "L" }) else { return nil }
        let year = letters.firstIndex(where: { $0 == "y" || $0 == "Y" || $0 == "u" }) ?? letters.endIndex
        if year < month, month < day { return .ymd }
        return month < day ? .mdy : .dmy
    }

    /// Pattern letters in order, and the literal characters between them, skipping quoted text.
    static func patternLetters(_ pattern: String) -> (letters: [Character], separators: Set<Character>) {
        var letters: [Character] = []
        var separators = Set<Character>()
        var quoted = false
        for character in pattern {
            if character == "'" { quoted.toggle(); continue }
            if quoted { continue }
            if character.isLetter, character.isASCII {
                if letters.last != character { letters.append(character) }
            } else if !character.isWhitespace {
                separators.insert(character)
            }
        }
        return (letters, separators)
    }
}
