import LectorICU

/// What a number in text is, which decides whether a bilingual check compares it.
public enum NumberRole: Sendable, Hashable, CaseIterable {
    /// A quantity: `20.000`, `1,2`, `-5`, `24th`, `10 km`.
    case plain
    /// A percentage: `12 %`, `12%`, `12 Prozent`, `12 percent`, `12 процентов`, `12,5 %`.
    case percent
    /// A four-digit integer from 1000 to 2100 standing alone: `2022`, and decades (`1990s`, `1990er`).
    case year
    /// A time of day: `13:56`, `8:00`, `13 Uhr`, `13.56 Uhr`, `13h56`, `8 a.m.`. The value is
    /// minutes after midnight (`13:56` → 836).
    case time
    /// The day of a date: `24` in `24. Februar`, `February 24`, `28.03.2022`.
    case dayOfMonth
    /// The month or year of a date: `03` and `2022` in `28.03.2022`, `2022` in `24. Februar 2022`.
    case datePart
    /// Digits inside a name or identifier: `F-16`, `COVID-19`, `G7`, `MH17`, `Su-25`, `5G`.
    case inName
    /// A figure of three groups of digits or more joined by dots that no number format reads
    /// and that is no date: a version `1.2.3`, an address `192.168.0.1`, `12.34.56`. Such a
    /// figure is not localized, so it has no value (0) and is compared as written.
    case dotted

    /// Whether numbers.mismatch should compare numbers of this role between source and target.
    /// Dates are compared as dates, times and names not at all.
    public var isCompared: Bool { self == .plain || self == .percent || self == .year }
}

/// A number found in text.
public struct ExtractedNumber: Sendable, Hashable, CustomStringConvertible {
    /// The value as written: -5 for `-5`, 12 (not 0.12) for `12 %`, 1.2 for `1,2 млн`; for a time,
    /// minutes after midnight.
    public let value: Double
    public let role: NumberRole
    /// UTF-16 range of the whole mention: sign, digits, separators and, for a percentage, the
    /// percent sign or word (`12,5 %`, `12 Prozent`); for a time, `13:56`.
    public let range: Range<Int>
    /// The mention as written.
    public let text: String
    /// `false` when the language's number format (through ICU) rejected the digits and they were read
    /// the other way round: `3.5` in German text is 3.5, not a German number. A check may flag it.
    public let isLocaleFormatted: Bool

    public init(value: Double, role: NumberRole, range: Range<Int>, text: String, isLocaleFormatted: Bool = true) {
        self.value = value
        self.role = role
        self.range = range
        self.text = text
        self.isLocaleFormatted = isLocaleFormatted
    }

    public var description: String { "\(value) \(role) “\(text)” \(range)" }
}

/// The numbers and dates of one text (`NumberExtractor.reading(inUTF16:segments:)`), with the
/// text's tokens, which an extractor of the same language reads the names of days and months off.
public final class NumberReading {
    let text: TokenizedText
    public let numbers: [ExtractedNumber]
    public let dates: [ExtractedDate]

    fileprivate init(read text: TokenizedText, by extractor: NumberExtractor) {
        self.text = text
        (numbers, dates) = extractor.numbersAndDates(of: text)
    }
}

/// Finds the numbers in a text in one language, with what each one is.
///
/// Candidates are ICU's word segments for the language (`TextSegmenter(.word)`): it keeps `20.000`,
/// `1,2` and `28.03.2022` as one token. Each is read with ICU's number format for the language
/// (`NumberParser`), so `20.000` is 20000 in `de` and `20,000` is 20000 in `en`. Where the language
/// groups digits with a space (`ru`, `uk`, `fr`, `cs`), `1 500` (U+0020, U+00A0 or U+202F) is joined
/// into one number when the group after the space has exactly three digits.
///
/// Also handled: signs (`-5`, `−5`, only after a space, a bracket or the start, so `10-12` is a range
/// of two numbers), percentages, years, times, dates (`DateExtractor`; their parts are reported
/// with `.dayOfMonth`/`.datePart`), ordinals (`24th`, `1er`), units written onto the number (`10km`),
/// and digits inside names (`F-16`, `COVID-19`, `G7`).
///
/// Numbers written as words (`twenty-five`, `fünfundzwanzig`, `двадцать`) and scale words after
/// figures (`1,2 млн` = 1,200,000, `5 Mio.`, `400万`, `3 lakh`) are read from
/// `Resources/Numbers/number-words.txt` (`NumberWords`); a lone `one`/`ein`/`один` is an article.
///
/// Roman numerals of two letters or more up to 39 are read (`XVIII`, `RomanNumeral`).
///
/// Out of scope: fractions (`½`, `3/4`), CJK numerals written without figures,
/// and digits of scripts ICU's parser does not read for the language.
///
/// One instance holds ICU objects and is not thread-safe: create one per task.
public final class NumberExtractor {
    /// The BCP 47 tag the extractor was made for.
    public let language: String
    private let locale: ExtractionLocale
    private let segmenter: TextSegmenter
    private let parser: NumberParser
    /// Reads numbers written in the other convention (`3.5` in German text).
    private let fallbackParser: NumberParser
    private let dateExtractor: DateExtractor
    private let percentWords: [[String]]
    private let ordinalSuffixes: Set<String>
    private let decadeSuffixes: Set<String>
    private let hourWords: Set<String>
    private let hourWordsBefore: ShapedWords
    private let meridiems: [String: Bool]
    private let numberWords: NumberWords?
    private let figureScaleLinks: ShapedWords
    private let minusWords: ShapedWords
    /// Chinese and Japanese write numbers with Han numerals too (`十亿`, `两千`): `CJKNumeral`.
    private let readsHanNumerals: Bool
    /// Whether the language's number format reads a run of ASCII digits as the integer they
    /// write (every format with Latin digits): such a run (`76`, `2022`), most numbers of a text,
    /// is then read without ICU's parser.
    private let readsASCIIDigits: Bool
    /// `parser.groupsWithSpace`, which looks the grouping separator's scalars up at every call.
    private let groupsWithSpace: Bool
    private let neighbourShapes: NeighbourShapes

    /// German `Vol.` and `Gew.` before `%` (`3 Vol.-%`), folded: read by `percentMarker(at:in:)` and kept
    /// in the percent shapes, which must not rule out a word it reads.
    static let germanPercentBases = ["vol", "gew"]

    /// The shapes (`KeyShapes`) of the words a number's next word is read against in more than
    /// one lexicon (the words of one set are `ShapedWords`): the words around most numbers are
    /// none of them (`sich 76 Delegierte`), and are then not folded and hashed for each look-up.
    struct NeighbourShapes: Sendable {
        /// The first words of the percent words, and German `vol`, `gew` (`3 Vol.-%`).
        let percent: KeyShapes
        /// A percent word of no words would match any token: no shape then rules one out.
        let percentMatchesAny: Bool
        /// Hour words and 12-hour markers, which follow the hour.
        let clock: KeyShapes

        init(language: String, percentWords: [[String]], hourWords: Set<String>, meridiems: [String: Bool]) {
            percent = KeyShapes(keys: percentWords.compactMap(\.first) + (language == "de" ? NumberExtractor.germanPercentBases : []))
            percentMatchesAny = percentWords.contains(where: \.isEmpty)
            clock = KeyShapes(keys: Array(hourWords) + Array(meridiems.keys))
        }
    }

    /// The lexicons of a language, the same for every instance: made once per language.
    struct Tables: Sendable {
        let locale: ExtractionLocale
        let percentWords: [[String]]
        let ordinalSuffixes: Set<String>
        let decadeSuffixes: Set<String>
        let hourWords: Set<String>
        let hourWordsBefore: ShapedWords
        let meridiems: [String: Bool]
        let numberWords: NumberWords?
        let figureScaleLinks: ShapedWords
        let minusWords: ShapedWords
        let neighbourShapes: NeighbourShapes

        init(language: String) {
            locale = ExtractionLocale(language)
            percentWords = ExtractionLexicon.percentWords(locale.language)
            ordinalSuffixes = ExtractionLexicon.ordinalSuffixes(locale.language)
            decadeSuffixes = ExtractionLexicon.decadeSuffixes(locale.language)
            hourWords = ExtractionLexicon.hourWords(locale.language)
            hourWordsBefore = ShapedWords(ExtractionLexicon.hourWordsBefore(locale.language))
            meridiems = ExtractionLexicon.meridiems(locale.language)
            numberWords = NumberWords.forLanguage(locale.language)
            figureScaleLinks = ShapedWords(ExtractionLexicon.figureScaleLinks(locale.language))
            minusWords = ShapedWords(ExtractionLexicon.minusWords(locale.language))
            neighbourShapes = NeighbourShapes(language: locale.language, percentWords: percentWords, hourWords: hourWords,
                                              meridiems: meridiems)
        }
    }

    private static let tables = ProcessMemo<String, Tables>()

    public init(language: String) throws(ICUError) {
        self.language = language
        let tables = Self.tables.value(for: language) { Tables(language: language) }
        locale = tables.locale
        segmenter = try TextSegmenter(.word, locale: locale.localeID)
        parser = try NumberParser(locale: locale.localeID)
        fallbackParser = try NumberParser(locale: parser.decimalSeparator == "," ? "en" : "de")
        dateExtractor = try DateExtractor(language: language)
        percentWords = tables.percentWords
        ordinalSuffixes = tables.ordinalSuffixes
        decadeSuffixes = tables.decadeSuffixes
        hourWords = tables.hourWords
        hourWordsBefore = tables.hourWordsBefore
        meridiems = tables.meridiems
        numberWords = tables.numberWords
        figureScaleLinks = tables.figureScaleLinks
        minusWords = tables.minusWords
        neighbourShapes = tables.neighbourShapes
        readsHanNumerals = locale.language == "zh" || locale.language == "ja"
        let parser = parser
        groupsWithSpace = parser.groupsWithSpace
        readsASCIIDigits = ["0", "7", "42", "2022", "0123", "123456789012345"].allSatisfy { parser.parse($0) == Double($0) }
    }

    /// Numbers in `text`, in order; ranges are UTF-16 offsets into `text`.
    public func numbers(in text: String) -> [ExtractedNumber] {
        numbers(inUTF16: LectorICU.UTF16.encode(text))
    }

    /// Numbers in UTF-16 code units (for example `SourceDocument.utf16`), in order.
    public func numbers(inUTF16 units: [UInt16]) -> [ExtractedNumber] {
        let text = TokenizedText(units: units, segmenter: segmenter)
        return numbers(in: text, dates: dateExtractor.dates(in: text))
    }

    /// The numbers and the dates of a text in one pass over ICU's segments.
    public func numbersAndDates(in text: String) -> (numbers: [ExtractedNumber], dates: [ExtractedDate]) {
        numbersAndDates(of: TokenizedText(units: LectorICU.UTF16.encode(text), segmenter: segmenter))
    }

    /// The word segmenter the extractor reads a text's tokens with: segments made with it (or
    /// with another word segmenter of the same locale) may be handed to
    /// `numbersAndDates(inUTF16:segments:)`.
    public var wordSegmenter: TextSegmenter { segmenter }

    /// `numbersAndDates(in:)` of a text already in UTF-16 code units and segmented into words by
    /// a word segmenter of `wordSegmenter.locale`: a caller that segments the text for other
    /// reasons too does it once.
    public func numbersAndDates(inUTF16 units: [UInt16], segments: [Segment]) -> (numbers: [ExtractedNumber], dates: [ExtractedDate]) {
        numbersAndDates(of: TokenizedText(units: units, segments: segments))
    }

    /// `numbersAndDates(inUTF16:segments:)`, kept with the tokens they were read from: the
    /// names of days and months of the same text (`namedDays(in:otherForm:)`) are read off them
    /// without scanning the text and folding its words again.
    public func reading(inUTF16 units: [UInt16], segments: [Segment]) -> NumberReading {
        NumberReading(read: TokenizedText(units: units, segments: segments), by: self)
    }

    /// `numbersAndDates(in:)`, kept with its tokens (`reading(inUTF16:segments:)`).
    public func reading(of text: String) -> NumberReading {
        NumberReading(read: TokenizedText(units: LectorICU.UTF16.encode(text), segmenter: segmenter), by: self)
    }

    /// `namedDays(inUTF16:segments:otherForm:)` of the text `reading` was made of, by this
    /// extractor or another of the same language (whose word segments are the same).
    public func namedDays(in reading: NumberReading, otherForm: ((ArraySlice<UInt16>) -> (NamedDay.Kind, Int)?)? = nil) -> [NamedDay] {
        dateExtractor.namedDays(in: reading.text, otherForm: otherForm)
    }

    /// The days of the week and months named in a text (`DateExtractor.namedDays(in:)`).
    public func namedDays(in text: String, otherForm: ((ArraySlice<UInt16>) -> (NamedDay.Kind, Int)?)? = nil) -> [NamedDay] {
        dateExtractor.namedDays(in: text, otherForm: otherForm)
    }

    /// `namedDays(in:)` of a text segmented by `wordSegmenter` (or one of the same locale).
    public func namedDays(inUTF16 units: [UInt16], segments: [Segment],
                          otherForm: ((ArraySlice<UInt16>) -> (NamedDay.Kind, Int)?)? = nil) -> [NamedDay] {
        dateExtractor.namedDays(inUTF16: units, segments: segments, otherForm: otherForm)
    }

    /// The reader of dates this extractor uses (for the names of days and months it knows).
    public var dates: DateExtractor { dateExtractor }

    /// Convenience for one text; prefer an instance when extracting from many.
    public static func numbers(in text: String, language: String) throws(ICUError) -> [ExtractedNumber] {
        try NumberExtractor(language: language).numbers(in: text)
    }

    // MARK: - Scanning

    fileprivate func numbersAndDates(of text: TokenizedText) -> (numbers: [ExtractedNumber], dates: [ExtractedDate]) {
        let dates = dateExtractor.dates(in: text)
        return (numbers(in: text, dates: dates), dates)
    }

    private func numbers(in text: TokenizedText, dates: [ExtractedDate]) -> [ExtractedNumber] {
        var result: [ExtractedNumber] = []
        // Read once for the scan: `wordNumber` copied the lexicon's fields at each letter token.
        let numberWords = numberWords
        var dateCursor = 0
        var index = 0
        while index < text.tokens.count {
            let token = text.tokens[index]
            guard text.hasDigit(index) else {
                // Roman numerals and number words are letter tokens: the spaces and punctuation
                // between words (half of a sentence's tokens) go straight to the Han numerals.
                if token.kind == .letter, text.withUnits(of: index, RomanNumeral.mayBeNumeral),
                   let value = RomanNumeral.value(of: text.text(ofToken: index)) {
                    result.append(ExtractedNumber(value: Double(value), role: .plain, range: token.range,
                                                  text: text.text(ofToken: index)))
                    index += 1
                } else if token.kind == .letter, let numberWords, Self.mayBeNumberWord(index, in: text, numberWords),
                          let (number, next) = wordNumber(at: index, in: text,
                                                          inDate: dates.contains { $0.range.overlaps(token.range) }) {
                    result.append(number)
                    index = next
                } else if readsHanNumerals, let (numbers, next) = hanNumerals(at: index, in: text) {
                    result += numbers
                    index = next
                } else {
                    index += 1
                }
                continue
            }
            while dateCursor < dates.count, dates[dateCursor].range.upperBound <= token.start { dateCursor += 1 }
            if dateCursor < dates.count, dates[dateCursor].range.overlaps(token.range) {
                result += dateParts(of: dates[dateCursor], within: token.range, in: text)
                index += 1
                continue
            }
            if let (time, next) = time(at: index, in: text) {
                result.append(time)
                index = next
                continue
            }
            if text.hasLetter(index) {
                result += alphanumeric(at: index, in: text)
                index += 1
                continue
            }
            if let (number, next) = number(at: index, in: text) {
                result.append(number)
                index = next
            } else {
                index += 1
            }
        }
        return result
    }

    private func dateParts(of date: ExtractedDate, within range: Range<Int>, in text: TokenizedText) -> [ExtractedNumber] {
        var parts: [(Range<Int>, NumberRole)] = [(date.dayRange, .dayOfMonth)]
        if date.isNumeric { parts.append((date.monthRange, .datePart)) }
        if let year = date.yearRange { parts.append((year, .datePart)) }
        return parts
            .filter { range.contains($0.0.lowerBound) && $0.0.upperBound <= range.upperBound }
            .sorted { $0.0.lowerBound < $1.0.lowerBound }
            .compactMap { part, role in
                let digits = text.units[part].map { unit -> UInt16 in unit >= 0xFF10 && unit <= 0xFF19 ? unit - 0xFF10 + 0x30 : unit }
                guard let value = CodeUnit.integer(digits) else { return nil }
                return ExtractedNumber(value: Double(value), role: role, range: part, text: text.text(part))
            }
    }

    /// A plain number, possibly signed, space-grouped, or a percentage; returns the next token.
    private func number(at index: Int, in text: TokenizedText) -> (ExtractedNumber, Int)? {
        let token = text.tokens[index]
        // ICU keeps a trailing U+202F in the token (`12,5 ` before `%` in French).
        var end = token.end
        while end > token.start, CodeUnit.isInlineSpace(text.units[end - 1]) { end -= 1 }
        var last = index
        // Only where the language groups digits with a space: in English `Figure 2 300 samples`
        // are two numbers.
        if groupsWithSpace {
            while let (groupEnd, groupToken) = spaceGroup(after: last, numberRange: token.start..<end, in: text) {
                end = groupEnd
                last = groupToken
            }
        }
        let digits = text.units[token.start..<end]
        let parsed = digits.withUnsafeBufferPointer { buffer -> (Double, Bool)? in
            if readsASCIIDigits, buffer.count <= 15, let value = CodeUnit.integer(buffer) { return (Double(value), true) }
            if let value = parser.parse(buffer) { return (value, true) }
            if let value = fallbackParser.parse(buffer) { return (value, false) }
            return nil
        }
        guard let (magnitude, isLocaleFormatted) = parsed else {
            return Self.dottedFigure(digits, in: text).map { ($0, index + 1) }
        }
        var start = token.start
        var value = magnitude
        if let sign = sign(before: index, in: text) {
            start = sign.offset
            if sign.isMinus { value = -value }
        }
        var role = NumberRole.plain
        var rangeEnd = end
        if let percentEnd = percentMarker(at: end, in: text) {
            role = .percent
            rangeEnd = percentEnd
            last = max(last, (text.tokenIndex(startingAt: percentEnd) ?? text.tokens.count) - 1)
        } else if let (scale, scaleEnd, scaleLast) = scaleWord(at: end, in: text) {
            // `10 тысяч`, `1,2 млн`, `400万`, `5 Mio.`: the figure times the scale.
            value *= scale
            rangeEnd = scaleEnd
            last = max(last, scaleLast)
        } else if isInName(index, in: text) {
            role = .inName
        } else if start == token.start, last == index, text.isDigits(index, count: 4...4),
                  (1000...2100).contains(Int(magnitude)) {
            role = .year
        }
        let range = start..<rangeEnd
        return (ExtractedNumber(value: value, role: role, range: range, text: text.text(range),
                                isLocaleFormatted: isLocaleFormatted), last + 1)
    }

    /// `1.2.3`, `192.168.0.1`, `12.34.56` (`NumberRole.dotted`): digits that no number format read,
    /// in three groups or more joined by dots. Three groups that may be a day, a month and a year
    /// in either order (`1.2.24`, `2024.3.1`), which this language's date reader did not take, are
    /// left out: a date is `dates.mismatch`'s, which must not be reported twice. So is a time of
    /// day with dots (`13.45.30`, Finnish and German), which the other language writes `13:45:30`.
    static func dottedFigure(_ units: ArraySlice<UInt16>, in text: TokenizedText) -> ExtractedNumber? {
        let groups = split(units, where: { $0 == 0x2E })
        guard groups.count >= 3, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(CodeUnit.isASCIIDigit) }),
              !mayBeDate(groups), !mayBeTime(groups, in: units) else { return nil }
        let range = units.startIndex..<units.endIndex
        return ExtractedNumber(value: 0, role: .dotted, range: range, text: text.text(range))
    }

    /// Whether three groups of digits may be hours, minutes and seconds (`9.05.00`, `23.59.59`):
    /// a `clock` with dots, then seconds.
    private static func mayBeTime(_ groups: [ArraySlice<UInt16>], in units: ArraySlice<UInt16>) -> Bool {
        guard groups.count == 3, groups[2].count == 2, let seconds = CodeUnit.integer(groups[2]),
              let (hours, minutes) = clock(units[groups[0].startIndex..<groups[1].endIndex], separator: 0x2E) else { return false }
        return hours <= 23 && minutes <= 59 && seconds <= 59
    }

    /// Whether three groups of digits may be a date: day and month of one or two digits and a year
    /// of two or four after them, or a year of four digits before a month and a day.
    private static func mayBeDate(_ groups: [ArraySlice<UInt16>]) -> Bool {
        guard groups.count == 3, let first = CodeUnit.integer(groups[0]), let second = CodeUnit.integer(groups[1]) else { return false }
        let third = CodeUnit.integer(groups[2]) ?? 0
        let dayAndMonth = { (a: Int, b: Int) in (1...31).contains(a) && (1...12).contains(b) || (1...12).contains(a) && (1...31).contains(b) }
        if groups[0].count <= 2, groups[1].count <= 2, groups[2].count == 2 || groups[2].count == 4 {
            return dayAndMonth(first, second)
        }
        return groups[0].count == 4 && groups[1].count <= 2 && groups[2].count <= 2 && (1...12).contains(second) && (1...31).contains(third)
    }

    /// `1` + space + `500`: the end of the joined number and the token of the group.
    private func spaceGroup(after last: Int, numberRange: Range<Int>, in text: TokenizedText) -> (Int, Int)? {
        let units = text.units
        // A space and a number after it first: most numbers have none, and are not split below.
        let space = last + 1
        guard text.isValid(space + 1), text.tokens[space].end - text.tokens[space].start == 1,
              CodeUnit.isInlineSpace(units[text.tokens[space].start]),
              text.tokens[space + 1].kind == .number, !text.hasLetter(space + 1) else { return nil }
        // The number so far must be an integer in groups: 1–3 digits, then groups of exactly 3.
        let groups = Self.split(units[numberRange], where: CodeUnit.isInlineSpace)
        guard groups.allSatisfy({ $0.allSatisfy(CodeUnit.isASCIIDigit) }),
              let first = groups.first, (1...3).contains(first.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        let next = text.tokens[space + 1]
        var nextEnd = next.end
        while nextEnd > next.start, CodeUnit.isInlineSpace(units[nextEnd - 1]) { nextEnd -= 1 }
        let leadingDigits = units[next.start..<nextEnd].prefix(while: CodeUnit.isASCIIDigit).count
        guard leadingDigits == 3 else { return nil }
        if next.start + leadingDigits < nextEnd {
            // Only a decimal part may follow the group (`1 500,5`).
            let rest = text.text((next.start + leadingDigits)..<nextEnd)
            guard rest.hasPrefix(parser.decimalSeparator),
                  rest.dropFirst(parser.decimalSeparator.count).allSatisfy(\.isASCIIDigitCharacter),
                  rest.count > parser.decimalSeparator.count else { return nil }
        }
        return (nextEnd, space + 1)
    }

    /// A sign written right before the number (`-5`, `−5`, `+3`) after a space, a bracket or the start,
    /// or as a word (`minus 15`, `минус 15`) that no number precedes (`20 minus 5` subtracts).
    private func sign(before index: Int, in text: TokenizedText) -> (offset: Int, isMinus: Bool)? {
        if text.isInlineSpace(index - 1), text.isValid(index - 2), text.tokens[index - 2].kind == .letter,
           text.isWord(index - 2, in: minusWords) {
            var previous = index - 3
            while previous >= 0, text.isWhitespace(previous) { previous -= 1 }
            if previous >= 0, text.hasDigit(previous) { return nil }
            return (text.tokens[index - 2].start, true)
        }
        let signIndex = index - 1
        guard text.isSingle(signIndex, [0x2D, 0x2212, 0x2013, 0x2B]) else { return nil }
        let before = signIndex - 1
        guard before < 0 || text.isWhitespace(before) || text.isSingle(before, [0x28, 0x5B, 0x7B]) else { return nil }
        // `10 – 12` is a range: skip spaces back, and there must be no number.
        var previous = before
        while previous >= 0, text.isWhitespace(previous) { previous -= 1 }
        if previous >= 0, text.hasDigit(previous), text.tokens[previous].kind == .number { return nil }
        let unit = text.units[text.tokens[signIndex].start]
        return (text.tokens[signIndex].start, unit != 0x2B)
    }

    /// `%`, ` %`, ` Prozent`, ` per cent` right after the number: the end of the marker.
    private func percentMarker(at offset: Int, in text: TokenizedText) -> Int? {
        let units = text.units
        var cursor = offset
        if cursor < units.count, CodeUnit.isInlineSpace(units[cursor]) { cursor += 1 }
        guard cursor < units.count else { return nil }
        if ExtractionLexicon.percentSigns.contains(units[cursor]) { return cursor + 1 }
        guard cursor > offset, let first = text.tokenIndex(startingAt: cursor),
              text.mayBeKey(first, in: neighbourShapes.percent) || neighbourShapes.percentMatchesAny else { return nil }
        // German `3 Vol.-%`, `5 Gew.%`: percent by volume or weight.
        if locale.language == "de", Self.germanPercentBases.contains(text.folded(first)), text.isSingle(first + 1, [0x2E]) {
            var sign = first + 2
            if text.isSingle(sign, [0x2D]) { sign += 1 }
            if text.isValid(sign), text.tokens[sign].end - text.tokens[sign].start == 1,
               ExtractionLexicon.percentSigns.contains(units[text.tokens[sign].start]) {
                return text.tokens[sign].end
            }
        }
        for words in percentWords {
            var tokenIndex = first
            var matched = true
            for (position, word) in words.enumerated() {
                if position > 0 {
                    guard text.isInlineSpace(tokenIndex) else { matched = false; break }
                    tokenIndex += 1
                }
                guard text.isValid(tokenIndex), text.folded(tokenIndex) == word else { matched = false; break }
                tokenIndex += 1
            }
            if matched { return text.tokens[tokenIndex - 1].end }
        }
        return nil
    }

    /// A scale word right after a figure (one space allowed): its value, the end of the word, its token.
    private func scaleWord(at offset: Int, in text: TokenizedText) -> (Double, Int, Int)? {
        guard let numberWords else { return nil }
        let units = text.units
        var cursor = offset
        if cursor < units.count, CodeUnit.isInlineSpace(units[cursor]) { cursor += 1 }
        guard cursor < units.count, var token = text.tokenIndex(startingAt: cursor) else { return nil }
        if var scale = numberWords.denseScale(units[cursor]) {
            // `3千万` = 3 × 1,000 × 10,000: a larger scale after a smaller one multiplies it.
            var end = cursor + 1, last = scale
            while end < units.count, let next = numberWords.denseScale(units[end]), next > last {
                scale *= next
                last = next
                end += 1
            }
            while text.isValid(token + 1), text.tokens[token].end < end { token += 1 }
            return (scale, end, token)
        }
        if !figureScaleLinks.isEmpty, text.isWord(token, in: figureScaleLinks),
           text.isInlineSpace(token + 1), text.isValid(token + 2) {
            token += 2
        }
        guard text.hasLetter(token), text.tokens[token].end - text.tokens[token].start <= 12,
              text.mayBeKey(token, in: numberWords.shapes), let scale = numberWords.scale(text.folded(token)) else { return nil }
        return (scale, text.tokens[token].end, token)
    }

    // MARK: - Numbers written as words

    /// `three`, `twenty-five`, `drei`, `fünfundzwanzig`, `десять тысяч`, `one million`: a number
    /// written in words (one alone is an article in most languages, and is not read).
    /// Whether the letter token at `index` may start a number written in words, by its length
    /// and shape (the first test of `wordNumber`, which returns nothing where this is `false`):
    /// asked in the scan, it spares most words of a text a call that copied the lexicon's fields
    /// and made an empty answer (news.xlf: 329,000 calls, 31 M instructions of their own).
    @inline(__always)
    private static func mayBeNumberWord(_ index: Int, in text: TokenizedText, _ numberWords: NumberWords) -> Bool {
        // Without compounds a number word is a form of the lexicon (`NumberWords.parts`).
        text.tokens[index].end - text.tokens[index].start <= (numberWords.compounds ? 40 : numberWords.longest * 2)
            && (numberWords.compounds ? text.mayBeCompound(index, in: numberWords)
                : text.mayBeKey(index, in: numberWords.shapes) && text.mayBeKey(index, in: numberWords.filter))
    }

    private func wordNumber(at index: Int, in text: TokenizedText, inDate: Bool) -> (ExtractedNumber, Int)? {
        guard let numberWords, text.tokens[index].kind == .letter, Self.mayBeNumberWord(index, in: text, numberWords),
              let first = parts(of: text.folded(index), in: numberWords) else { return nil }
        // An ordinal word says its number as a figure with a suffix does (`nineteenth century` =
        // `19. Jahrhundert`). The small ones are not read (`first`, `second half` are as often
        // not counts, and a translation renders `1.` as either), nor the day of a date.
        if first.count == 1, first[0].kind == .ordinal {
            guard first[0].value >= 11, !inDate else { return nil }
            let range = text.tokens[index].range
            return (ExtractedNumber(value: first[0].value, role: .plain, range: range, text: text.text(range)), index + 1)
        }
        var reader = NumberWords.Reader()
        for part in first where !reader.add(part, strict: first.count == 1) { return nil }
        var lastNumberToken = index
        var cursor = index + 1
        while text.isValid(cursor + 1), text.isInlineSpace(cursor) || text.isSingle(cursor, [0x2D]) {
            guard text.tokens[cursor + 1].kind == .letter, let parts = parts(of: text.folded(cursor + 1), in: numberWords) else { break }
            // `twenty-first`: a unit's ordinal ends the number.
            if parts.count == 1, parts[0].kind == .ordinal {
                if !inDate, parts[0].value < 10, reader.hasValue, reader.current.truncatingRemainder(dividingBy: 10) == 0,
                   reader.add(NumberWords.Entry(kind: .unit, value: parts[0].value), strict: true) {
                    lastNumberToken = cursor + 1
                }
                break
            }
            var taken = true
            for part in parts where !reader.add(part, strict: true) { taken = false; break }
            guard taken else { break }
            if parts.contains(where: { $0.kind != .link }) { lastNumberToken = cursor + 1 }
            cursor += 2
        }
        guard reader.hasValue, reader.hasCount, !reader.onlyOne, reader.value > 0 else { return nil }
        let end = text.tokens[lastNumberToken].end
        // `Ninety-eight percent` is a percentage as `98 %` is.
        if let percentEnd = percentMarker(at: end, in: text) {
            let range = text.tokens[index].start..<percentEnd
            let next = text.tokenIndex(startingAt: percentEnd) ?? text.tokens.count
            return (ExtractedNumber(value: reader.value, role: .percent, range: range, text: text.text(range)), next)
        }
        let range = text.tokens[index].start..<end
        return (ExtractedNumber(value: reader.value, role: .plain, range: range, text: text.text(range)), lastNumberToken + 1)
    }

    /// `numberWords.parts(of: folded)`, kept per word in a compounding language: its common
    /// words that start like a number word (`Eindruck`, `Über`, `führen`) come back sentence
    /// after sentence, and each was split prefix by prefix again. A kept answer is given only
    /// to the very bytes it was made for: the dictionary finds a word by canonical equivalence,
    /// and a decomposed spelling (`fu\u{308}hren`) is split on its own characters.
    func parts(of folded: String, in numberWords: NumberWords) -> [NumberWords.Entry]? {
        guard numberWords.compounds else { return numberWords.parts(of: folded) }
        if let known = compoundParts[folded] {
            return UTF8Bytes.equal(known.word, folded) ? known.parts : numberWords.parts(of: folded)
        }
        let made = numberWords.parts(of: folded)
        if compoundParts.count < Self.compoundPartsCapacity { compoundParts[folded] = (folded, made) }
        return made
    }

    /// The words `parts(of:in:)` keeps (an extractor serves one task, and kept preparations
    /// carry it from document to document): past this many, answers are made and not kept.
    private static let compoundPartsCapacity = 8_192
    private var compoundParts: [String: (word: String, parts: [NumberWords.Entry]?)] = [:]

    /// Han numerals inside the token (`十亿元`, `两千`, ICU's dictionary may join them to the word
    /// after): each number and the token after the last one, or `nil` when the token has none.
    private func hanNumerals(at index: Int, in text: TokenizedText) -> ([ExtractedNumber], Int)? {
        let token = text.tokens[index]
        guard text.units[token.range].contains(where: CJKNumeral.isNumeral) else { return nil }
        var numbers: [ExtractedNumber] = []
        var offset = token.start
        var end = token.end
        while offset < end {
            // A numeral starts where the unit before it is none (`万一` is not `一`), nor a word of
            // "several" (`数十万` "hundreds of thousands", `几千`, `上万` "tens of thousands").
            if offset == 0 || !CJKNumeral.isNumeral(text.units[offset - 1]) && !Self.hanSeveral.contains(text.units[offset - 1]),
               let (value, numeralEnd) = CJKNumeral.read(text.units, from: offset) {
                var range = offset..<numeralEnd
                var number = ExtractedNumber(value: value, role: .plain, range: range, text: text.text(range))
                if let percentEnd = percentMarker(at: numeralEnd, in: text) {
                    range = offset..<percentEnd
                    number = ExtractedNumber(value: value, role: .percent, range: range, text: text.text(range))
                }
                numbers.append(number)
                offset = range.upperBound
                end = max(end, offset)
            } else {
                offset += 1
            }
        }
        guard !numbers.isEmpty else { return nil }
        var next = index + 1
        while text.isValid(next), text.tokens[next].end <= end { next += 1 }
        return (numbers, next)
    }

    /// 数, 數, 几, 幾, 上, 好: "several", "some" before a place word.
    private static let hanSeveral: Set<UInt16> = [0x6570, 0x6578, 0x51E0, 0x5E7E, 0x4E0A, 0x597D]

    /// The number follows a word and a hyphen with no space: `F-16`, `COVID-19`, `Su-25`.
    private func isInName(_ index: Int, in text: TokenizedText) -> Bool {
        text.isSingle(index - 1, [0x2D, 0x2010, 0x2011]) && text.isValid(index - 2) && text.hasLetter(index - 2)
    }

    // MARK: - Times

    /// `13:56`, `8:00`, `13:56:07`, `1:56 p.m.`, `8 a.m.`, `13 Uhr`, `13.56 Uhr`, `13 h 56`, `13h56`.
    private func time(at index: Int, in text: TokenizedText) -> (ExtractedNumber, Int)? {
        let token = text.tokens[index]
        let units = text.units
        var hour: Int
        var minute = 0
        var end = token.end
        var next = index + 1
        var explicitClock = false
        // `2pm`, `2.30pm`, `2:30pm`: a 12-hour marker written onto the figure.
        var suffixPM: Bool?
        if let (core, isPM) = meridiemSuffix(of: token.range, in: text) {
            suffixPM = isPM
            if let value = CodeUnit.integer(units[token.start..<core]), (1...2).contains(core - token.start) {
                hour = value
            } else if let clock = Self.clock(units[token.start..<core], separator: 0x2E) {
                (hour, minute) = clock
            } else {
                return nil
            }
        } else if text.isDigits(index, count: 1...2), let value = text.integer(index) {
            hour = value
            if text.isSingle(next, [0x3A]), text.isDigits(next + 1, count: 2...2), let minutes = text.integer(next + 1) {
                minute = minutes
                end = text.tokens[next + 1].end
                next += 2
                explicitClock = true
                if text.isSingle(next, [0x3A]), text.isDigits(next + 1, count: 2...2) {
                    end = text.tokens[next + 1].end
                    next += 2
                }
            } else if text.isSingle(next, [0x3A]), text.isValid(next + 1),
                      let (core, isPM) = meridiemSuffix(of: text.tokens[next + 1].range, in: text),
                      core - text.tokens[next + 1].start == 2, let minutes = CodeUnit.integer(units[text.tokens[next + 1].start..<core]) {
                minute = minutes
                suffixPM = isPM
                end = text.tokens[next + 1].end
                next += 2
            }
        } else if let (hours, minutes) = Self.clock(units[token.range], separator: 0x2E) {
            // `13.56` counts as a time only with an hour word or a 12-hour marker after it
            // (`13.56 Uhr`, `2.30 p.m.`).
            guard text.isInlineSpace(next), text.mayBeKey(next + 1, in: neighbourShapes.clock),
                  hourWords.contains(text.folded(next + 1)) || meridiems[text.folded(next + 1)] != nil
            else { return nil }
            (hour, minute) = (hours, minutes)
        } else if let (hours, minutes) = Self.clock(units[token.range], separator: 0x68) {  // 13h56
            (hour, minute) = (hours, minutes)
            explicitClock = true
        } else {
            return nil
        }
        if let isPM = suffixPM {
            guard hour >= 1, hour <= 12, minute <= 59 else { return nil }
            hour = hour % 12 + (isPM ? 12 : 0)
            return (ExtractedNumber(value: Double(hour * 60 + minute), role: .time, range: token.start..<end,
                                    text: text.text(token.start..<end)), next)
        }
        guard hour <= 24, minute <= 59 else { return nil }
        if text.isInlineSpace(index - 1), text.isValid(index - 2), text.isWord(index - 2, in: hourWordsBefore) {
            explicitClock = true
        }
        // An hour word (`13 Uhr`, `13 h 56`) or a 12-hour marker (`8 a.m.`) after it.
        if text.isInlineSpace(next), text.isValid(next + 1), text.mayBeKey(next + 1, in: neighbourShapes.clock) {
            let word = text.folded(next + 1)
            if hourWords.contains(word) {
                explicitClock = true
                // `Uhr` is not part of the mention; French `13 h 56` is.
                if word == "h", text.isInlineSpace(next + 2), text.isDigits(next + 3, count: 2...2),
                   let minutes = text.integer(next + 3), minutes <= 59, minute == 0 {
                    minute = minutes
                    end = text.tokens[next + 3].end
                    next += 4
                } else if word == "h" {
                    end = text.tokens[next + 1].end
                    next += 2
                }
            } else if let isPM = meridiems[word], hour >= 1, hour <= 12 {
                explicitClock = true
                var markerEnd = next + 2
                if text.isSingle(markerEnd, [0x2E]), word.contains(".") { markerEnd += 1 }
                end = text.tokens[markerEnd - 1].end
                next = markerEnd
                hour = hour % 12 + (isPM ? 12 : 0)
            }
        }
        guard explicitClock else { return nil }
        let range = token.start..<end
        return (ExtractedNumber(value: Double(hour * 60 + minute), role: .time, range: range, text: text.text(range)), next)
    }

    /// `2pm`, `30pm`, `2.30pm`: where the digits end and whether the marker written onto them is p.m.
    private func meridiemSuffix(of range: Range<Int>, in text: TokenizedText) -> (core: Int, isPM: Bool)? {
        guard !meridiems.isEmpty, range.count >= 3 else { return nil }
        var core = range.upperBound
        while core > range.lowerBound, CodeUnit.isLetter(text.units[core - 1]) { core -= 1 }
        guard core < range.upperBound, core > range.lowerBound, CodeUnit.isASCIIDigit(text.units[core - 1]),
              let isPM = meridiems[CaseMapping.fold(text.text(core..<range.upperBound))] else { return nil }
        return (core, isPM)
    }

    /// `13.56` or `13h56`: an hour of one or two digits, the separator, two digits of minutes.
    private static func clock(_ units: ArraySlice<UInt16>, separator: UInt16) -> (Int, Int)? {
        guard let split = units.firstIndex(of: separator) else { return nil }
        let hours = units[units.startIndex..<split]
        let minutes = units[(split + 1)...]
        guard (1...2).contains(hours.count), minutes.count == 2,
              let hour = CodeUnit.integer(hours), let minute = CodeUnit.integer(minutes) else { return nil }
        return (hour, minute)
    }

    // MARK: - Digits with letters

    /// `24th`, `1er`, `1990s`, `10km`: a number; `G7`, `MH17`, `5G`, `A320neo`: digits in a name.
    private func alphanumeric(at index: Int, in text: TokenizedText) -> [ExtractedNumber] {
        let token = text.tokens[index]
        let units = text.units
        var digitCount = units[token.range].prefix(while: CodeUnit.isASCIIDigit).count
        // `6,5jährige` (de), `2.5fach`: a decimal figure with a word written onto it.
        var decimal: Double?
        let separator = Array(parser.decimalSeparator.utf16)
        if digitCount > 0, separator.count == 1, token.start + digitCount + 1 < token.end,
           units[token.start + digitCount] == separator[0], CodeUnit.isASCIIDigit(units[token.start + digitCount + 1]) {
            let fraction = units[(token.start + digitCount + 1)..<token.end].prefix(while: CodeUnit.isASCIIDigit).count
            let figure = units[token.start..<(token.start + digitCount + 1 + fraction)]
            decimal = figure.withUnsafeBufferPointer { parser.parse($0) }
            if decimal != nil { digitCount += 1 + fraction }
        }
        if digitCount > 0, !isInName(index, in: text) {
            let digits = token.start..<(token.start + digitCount)
            let suffixRange = digits.upperBound..<token.end
            let suffix = text.text(suffixRange)
            let folded = CaseMapping.fold(suffix)
            let suffixIsLetters = units[suffixRange].allSatisfy(CodeUnit.isLetter)
            if let decimal, suffixIsLetters, !units[suffixRange].contains(where: CodeUnit.isUppercase) {
                return [ExtractedNumber(value: decimal, role: .plain, range: digits, text: text.text(digits))]
            }
            if let value = CodeUnit.integer(units[digits]), suffixIsLetters {
                // `1million`, `5bn`: a scale word written onto the figure.
                if let scale = numberWords?.scale(folded) {
                    return [ExtractedNumber(value: Double(value) * scale, role: .plain, range: token.range,
                                            text: text.text(token.range))]
                }
                if ordinalSuffixes.contains(folded) {
                    return [ExtractedNumber(value: Double(value), role: .plain, range: token.range, text: text.text(token.range))]
                }
                if digitCount == 4, decadeSuffixes.contains(folded), (1000...2100).contains(value) {
                    return [ExtractedNumber(value: Double(value), role: .year, range: token.range, text: text.text(token.range))]
                }
                // A unit written onto the number is lower case (`10km`, `5kg`); `5G`, `3D` are names.
                if !units[suffixRange].contains(where: CodeUnit.isUppercase) {
                    return [ExtractedNumber(value: Double(value), role: .plain, range: digits, text: text.text(digits))]
                }
            }
        }
        // Every run of digits in the token is part of a name.
        var result: [ExtractedNumber] = []
        var cursor = token.start
        while cursor < token.end {
            guard CodeUnit.isASCIIDigit(units[cursor]) else { cursor += 1; continue }
            var runEnd = cursor
            while runEnd < token.end, CodeUnit.isASCIIDigit(units[runEnd]) { runEnd += 1 }
            if let value = CodeUnit.integer(units[cursor..<runEnd]) {
                result.append(ExtractedNumber(value: Double(value), role: .inName, range: cursor..<runEnd,
                                              text: text.text(cursor..<runEnd)))
            }
            cursor = runEnd
        }
        return result
    }

    private static func split(_ units: ArraySlice<UInt16>, where isSeparator: (UInt16) -> Bool) -> [ArraySlice<UInt16>] {
        units.split(omittingEmptySubsequences: false, whereSeparator: isSeparator)
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
