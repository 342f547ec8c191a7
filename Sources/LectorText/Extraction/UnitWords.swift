import LectorICU

/// The units of measure and currencies a language writes next to a number, read from CLDR through
/// ICU (`MeasureUnitNames`): `Kilometer`, `km`, `Meilen`, `Euro` and `€` in `de`; `километров`, `км`,
/// `миль` in `ru`. English reads British forms too (`kilometres`, `litres`, from `en_001`).
///
/// Units that a translation may render by one another without an error are one unit here: the
/// metric and the short ton (`Tonnen` → `tons`), the mile and the nautical mile, the US and the
/// imperial gallon. A written form that belongs to several units (`m`: metre or minute in English)
/// stands for all of them, so that a comparison can only find a unit changed when no reading of
/// the form agrees.
public struct UnitWords: Sendable {
    /// A unit as compared: the CLDR name of the unit that stands for its group, and what it measures.
    public struct Unit: Hashable, Sendable, CustomStringConvertible {
        /// `kilometer`, `tonne`, `EUR`.
        public let name: String
        /// `length`, `mass`, `duration`, `currency` …
        public let dimension: String
        public var description: String { name }
    }

    /// A unit written next to a number: every unit the form may be, and where it is written.
    public struct Mention: Sendable {
        public let units: Set<Unit>
        /// UTF-16 range of the unit's form in the text.
        public let range: Range<Int>

        public init(units: Set<Unit>, range: Range<Int>) {
            self.units = units
            self.range = range
        }
    }

    public let language: String
    /// Lower-cased forms written after a number, by their first code unit, longest first, each
    /// with its units.
    private let after: [UInt16: [(form: [UInt16], units: Set<Unit>)]]
    /// Lower-cased forms written before a number (`€`, `$`, `US$`), by their last code unit,
    /// longest first.
    private let before: [UInt16: [(form: [UInt16], units: Set<Unit>)]]
    /// The forms written after a number that are one word of letters, as CLDR writes them
    /// (`Kilometer`, `километров`), with their units: what a dictionary can find the stems of.
    public let wordForms: [(form: String, units: Set<Unit>)]

    public init(language: String) throws(ICUError) {
        try self.init(language: language, forms: Self.catalogueForms(locale:))
    }

    /// The units of `language`, with the forms of the catalogue's units in each of its locales
    /// (`locales(of:)`) from `forms`, which must give what `catalogueForms(locale:)` gives: a
    /// copy of it kept on disk, which spares ICU's formatters (a sixth of a ten-unit check).
    /// The first made for a language is kept for the process.
    public init(language: String, forms: (String) throws(ICUError) -> [[MeasureUnitNames.Form]]) throws(ICUError) {
        self = try Self.memo.value(for: language) { () throws(ICUError) -> UnitWords in
            try UnitWords(reading: language, forms: forms)
        }
    }

    /// The CLDR locales whose unit names `language` reads: British spellings (`kilometres`) are
    /// `en_001`'s; other languages read their own locale.
    public static func locales(of language: String) -> [String] {
        language == "en" ? ["en", "en_001"] : [language]
    }

    /// The skeleton stems of the catalogue's units, in the order of `catalogueForms(locale:)`.
    public static var catalogueStems: [String] { catalogue.map(\.stem) }

    /// The forms of each of the catalogue's units in `locale`, read from ICU.
    public static func catalogueForms(locale: String) throws(ICUError) -> [[MeasureUnitNames.Form]] {
        try MeasureUnitNames.forms(of: catalogueStems, locale: locale)
    }

    /// Made once: with `--jobs 2` both workers met their first figure with a unit at once and
    /// each read CLDR's names, which a profile showed twice.
    private static let memo = ProcessMemo<String, UnitWords>(makesOnce: true)

    /// Throws where ICU cannot write the language's units (one unit's forms are read), so that a
    /// caller that reads all of them later, when a text first needs them, learns of the failure first.
    public static func checkReadable(language: String) throws(ICUError) {
        _ = try MeasureUnitNames.forms(of: catalogue[0].stem, locale: language)
    }

    /// CLDR skeleton stems, with the unit each one is compared as.
    static let catalogue: [(stem: String, unit: Unit)] = {
        var entries: [(String, Unit)] = []
        func add(_ dimension: String, _ names: [String], as group: [String: String] = [:]) {
            for name in names {
                let stem = dimension == "currency" ? "currency/\(name)" : "measure-unit/\(dimension)-\(name)"
                entries.append((stem, Unit(name: group[name] ?? name, dimension: dimension)))
            }
        }
        add("length", ["kilometer", "meter", "centimeter", "millimeter", "mile", "nautical-mile", "yard", "foot", "inch"],
            as: ["nautical-mile": "mile"])
        add("mass", ["kilogram", "gram", "milligram", "tonne", "ton", "pound", "ounce"], as: ["ton": "tonne"])
        add("volume", ["liter", "milliliter", "cubic-meter", "gallon", "gallon-imperial", "barrel"],
            as: ["gallon-imperial": "gallon"])
        add("area", ["square-kilometer", "square-meter", "hectare", "acre", "square-mile"])
        add("duration", ["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"])
        add("speed", ["kilometer-per-hour", "mile-per-hour", "meter-per-second", "knot"])
        add("power", ["watt", "kilowatt", "megawatt", "gigawatt"])
        add("digital", ["kilobyte", "megabyte", "gigabyte", "terabyte"])
        // Several dollars and pounds, so that the noun their names share is known (`bareCurrencyForms`).
        add("currency", ["EUR", "USD", "CAD", "AUD", "NZD", "HKD", "GBP", "EGP", "CHF", "JPY", "CNY", "RUB", "UAH", "PLN",
                         "CZK", "INR"])
        return entries
    }()

    private init(reading language: String, forms readForms: (String) throws(ICUError) -> [[MeasureUnitNames.Form]]) throws(ICUError) {
        self.language = language
        let locales = Self.locales(of: language)
        var afterForms: [[UInt16]: Set<Unit>] = [:], beforeForms: [[UInt16]: Set<Unit>] = [:]
        var words: [String: Set<Unit>] = [:]
        func add(_ text: String, _ unit: Unit, isBeforeNumber: Bool) {
            let folded = UTF16.encode(text.lowercased())
            // A form with a digit in it (`10⁶`) or of one letter written before the number
            // would be read into numbers and words that are none.
            guard !folded.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
            if isBeforeNumber {
                beforeForms[folded, default: []].insert(unit)
            } else {
                afterForms[folded, default: []].insert(unit)
                if text.count >= 3, text.allSatisfy(\.isLetter) { words[text, default: []].insert(unit) }
            }
        }
        for locale in locales {
            let forms = try readForms(locale)
            // A reader that gives another list is a broken build (a stored copy is checked first).
            precondition(forms.count == Self.catalogue.count, "unit forms of \(locale) do not match the catalogue")
            var currencyNames: [(form: String, unit: Unit)] = []
            for ((_, unit), unitForms) in zip(Self.catalogue, forms) {
                for form in unitForms {
                    if unit.dimension == "currency", !form.isBeforeNumber { currencyNames.append((form.text, unit)) }
                    add(form.text, unit, isBeforeNumber: form.isBeforeNumber)
                }
            }
            var namesAfter: [(form: String, unit: Unit)] = []
            for ((_, unit), unitForms) in zip(Self.catalogue, forms) {
                for form in unitForms where !form.isBeforeNumber { namesAfter.append((form.text, unit)) }
            }
            for (form, units) in Self.bareCurrencyForms(currencyNames) {
                for unit in units {
                    add(form, unit, isBeforeNumber: false)
                    namesAfter.append((form, unit))
                }
            }
            // Romanian writes `de` before any unit after 20 (`48 de km`), CLDR only before the full names.
            if let link = Self.linkWord(namesAfter) {
                for (form, unit) in namesAfter where !form.hasPrefix(link + " ") { add(link + " " + form, unit, isBeforeNumber: false) }
            }
        }
        func indexed(_ forms: [[UInt16]: Set<Unit>], by key: ([UInt16]) -> UInt16) -> [UInt16: [(form: [UInt16], units: Set<Unit>)]] {
            let sorted = forms.map { (form: $0.key, units: $0.value) }.sorted {
                $0.form.count != $1.form.count ? $0.form.count > $1.form.count : $0.form.lexicographicallyPrecedes($1.form)
            }
            return Dictionary(grouping: sorted) { key($0.form) }
        }
        after = indexed(afterForms) { $0[0] }
        before = indexed(beforeForms) { $0[$0.count - 1] }
        wordForms = words.map { (form: $0.key, units: $0.value) }.sorted { $0.form < $1.form }
    }

    /// The word that stands between a number and the names of most units, as their first word
    /// (Romanian `de`: `20 de kilometri`, `20 de ore`, `20 de euro`): the units of more than half of
    /// the catalogue have a form that starts with it. Text writes it before the other forms too
    /// (`48 de km`).
    static func linkWord(_ names: [(form: String, unit: Unit)]) -> String? {
        var units: [String: Set<Unit>] = [:]
        for (form, unit) in names {
            let words = form.split(separator: " ")
            guard words.count >= 2, let first = words.first, first.allSatisfy(\.isLetter) else { continue }
            units[String(first), default: []].insert(unit)
        }
        let all = Set(names.map(\.unit)).count
        return units.filter { 2 * $0.value.count > all }.max { $0.value.count < $1.value.count }?.key
    }

    /// The currency names without the words that tell one currency from the others: `dollars`
    /// from `US dollars` and `Canadian dollars`, `dolari` and `de dolari` from Romanian `dolari
    /// americani` and `de dolari americani`, `Dollar` from `US-Dollar`. Text often writes the bare
    /// noun, which CLDR does not list.
    ///
    /// A word of a name is the head noun when the names of at least two currencies of the
    /// catalogue have it but not half of them (Romanian `de` is in all): the names of several
    /// dollars have `dollars`. The words of one currency's names alone (`US`, `americani`) are
    /// its qualifiers, and the bare form is the name without them, kept where the names of two
    /// currencies or more give it; it stands for every currency whose name gives it, so `dollars` agrees with US and Canadian dollars while `US dollars`
    /// and `Canadian dollars` stay two currencies.
    static func bareCurrencyForms(_ names: [(form: String, unit: Unit)]) -> [String: Set<Unit>] {
        func words(_ name: String) -> [String] {
            name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{A0}" || $0 == "\u{2011}" }).map(String.init)
        }
        var currencies: [String: Set<Unit>] = [:]
        for (form, unit) in names {
            for word in words(form) { currencies[word.lowercased(), default: []].insert(unit) }
        }
        let all = Set(names.map(\.unit)).count
        var result: [String: Set<Unit>] = [:]
        for (form, unit) in names {
            let parts = words(form)
            let kept = parts.filter { (currencies[$0.lowercased()]?.count ?? 0) >= 2 }
            guard kept.count < parts.count,
                  kept.contains(where: { word in
                      let count = currencies[word.lowercased()]?.count ?? 0
                      return 2 * count < all && word.count >= 3 && word.allSatisfy(\.isLetter)
                  }) else { continue }
            result[kept.joined(separator: " "), default: []].insert(unit)
        }
        // A bare name only one currency's names give is no noun they share: Turkish `yeni` from
        // `Japon yeni` (yen) is also the `Yeni` of `Yeni Zelanda doları`, and an adjective.
        return result.filter { $0.value.count >= 2 }
    }

    /// The word of letters right after UTF-16 offset `end` (the end of a number), across what
    /// `mention(after:in:)` crosses: for a form CLDR does not list (`Kilometern`, `километрах`),
    /// which a dictionary may read as an inflection of one it lists.
    public func word(after end: Int, in text: [UInt16]) -> (word: String, range: Range<Int>)? {
        let start = Self.unitStart(after: end, in: text)
        var stop = start
        while stop < text.count, stop - start < Self.longestForm, let scalar = Unicode.Scalar(text[stop]),
              Latin1ScalarProperties.isAlphabetic(scalar) {
            stop += 1
        }
        guard stop - start >= 3, stop - start < Self.longestForm else { return nil }
        return (UTF16.decode(text[start..<stop]), start..<stop)
    }

    /// The unit written right after UTF-16 offset `end` (the end of a number), across spaces
    /// (U+0020, U+00A0, U+202F) or one hyphen (`5-Kilometer-Lauf`), and ending at a word boundary.
    public func mention(after end: Int, in text: [UInt16]) -> Mention? {
        let start = Self.unitStart(after: end, in: text)
        guard start < text.count else { return nil }
        let range = start..<min(text.count, start + Self.longestForm)
        // Most words after a figure start with a letter no form starts with; in a Latin-1 window
        // (German, French, English text) the forms are compared with the text in place. Either
        // way the window is read as its lower case.
        let window: WindowReading
        if let lowered = Self.latin1Lowered(text[start]) {
            guard let candidates = after[lowered] else { return nil }
            window = Self.isLatin1(text[range]) ? .latin1(candidates) : .lowered(candidates)
        } else {
            window = .lowered(nil)
        }
        let lowered: [UInt16]
        let candidates: [(form: [UInt16], units: Set<Unit>)]
        switch window {
        case .latin1(let forms):
            for entry in forms where entry.form.count <= range.count && Self.latin1Lowered(text, from: start, startsWith: entry.form) {
                let matchEnd = start + entry.form.count
                if matchEnd < text.count, Self.isWordCharacter(text[matchEnd]), Self.isWordCharacter(entry.form[entry.form.count - 1]) {
                    continue
                }
                return Mention(units: entry.units, range: start..<matchEnd)
            }
            return nil
        case .lowered(let known):
            guard let window = Self.lowercased(text, range), let first = window.first,
                  let forms = known ?? after[first] else { return nil }
            lowered = window
            candidates = forms
        }
        for entry in candidates where entry.form.count <= lowered.count && lowered.starts(with: entry.form) {
            let matchEnd = start + entry.form.count
            if matchEnd < text.count, Self.isWordCharacter(text[matchEnd]), Self.isWordCharacter(entry.form[entry.form.count - 1]) {
                continue
            }
            return Mention(units: entry.units, range: start..<matchEnd)
        }
        return nil
    }

    /// How a window of text is compared with the forms: in place where it is Latin-1, whose
    /// lower case maps each unit to one unit; else lower-cased into a copy (`lowercased`).
    /// `.lowered` carries the candidates where they are known from the window's first unit.
    private enum WindowReading {
        case latin1([(form: [UInt16], units: Set<Unit>)])
        case lowered([(form: [UInt16], units: Set<Unit>)]?)
    }

    /// The unit written right before UTF-16 offset `start` (the start of a number): `€5`, `US$ 5`.
    public func mention(before start: Int, in text: [UInt16]) -> Mention? {
        var end = start
        while end > 0, start - end < 2, Self.isSpace(text[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        let lower = max(0, end - Self.longestForm)
        // As in `mention(after:in:)`: the window's last unit, lower-cased, rules out most windows.
        if let last = Self.latin1Lowered(text[end - 1]), before[last] == nil { return nil }
        guard let window = Self.lowercased(text, lower..<end) else { return nil }
        guard let last = window.last, let candidates = before[last] else { return nil }
        for entry in candidates where entry.form.count <= window.count && window.reversed().starts(with: entry.form.reversed()) {
            let matchStart = end - entry.form.count
            if matchStart > 0, Self.isWordCharacter(text[matchStart - 1]), Self.isWordCharacter(entry.form[0]) { continue }
            return Mention(units: entry.units, range: matchStart..<end)
        }
        return nil
    }

    /// Where a unit after a number would start: past up to three spaces, or one hyphen.
    private static func unitStart(after end: Int, in text: [UInt16]) -> Int {
        var start = end
        while start < text.count, start - end < 3, isSpace(text[start]) { start += 1 }
        if start == end, start < text.count, text[start] == 0x2D { start += 1 }
        return start
    }

    /// No unit form is longer than this many UTF-16 units (`Kilometer pro Stunde` and the like).
    private static let longestForm = 40

    private static func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0xA0 || unit == 0x202F || unit == 0x2009 }

    private static func isWordCharacter(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return true }
        return Latin1ScalarProperties.isAlphabetic(scalar) || (unit >= 0x30 && unit <= 0x39)
    }

    /// The lower case of a Latin-1 unit, which is one unit (`A`–`Z`, `À`–`Þ` but `×` move up by
    /// 32; `ß`, `µ`, `ÿ` and the rest stay), as `String.lowercased()` gives it at any place of a
    /// text; `nil` above U+00FF.
    static func latin1Lowered(_ unit: UInt16) -> UInt16? {
        guard unit < 0x100 else { return nil }
        return (unit >= 0x41 && unit <= 0x5A) || (unit >= 0xC0 && unit <= 0xDE && unit != 0xD7) ? unit + 0x20 : unit
    }

    private static func isLatin1(_ units: ArraySlice<UInt16>) -> Bool {
        var greatest: UInt16 = 0
        for unit in units { greatest = max(greatest, unit) }
        return greatest < 0x100
    }

    /// Whether the Latin-1 units of `text` from `start`, lower-cased, start with `form`.
    private static func latin1Lowered(_ text: [UInt16], from start: Int, startsWith form: [UInt16]) -> Bool {
        guard start + form.count <= text.count else { return false }
        for (offset, unit) in form.enumerated() where latin1Lowered(text[start + offset]) != unit { return false }
        return true
    }

    /// The lower-cased code units of `range`, or `nil` where lower-casing changes their count
    /// (then offsets into the window would not be offsets into the text).
    private static func lowercased(_ text: [UInt16], _ range: Range<Int>) -> [UInt16]? {
        let slice = text[range]
        if slice.allSatisfy({ $0 < 0x80 }) {
            return slice.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        }
        let lowered = UTF16.encode(UTF16.decode(slice).lowercased())
        return lowered.count == slice.count ? lowered : nil
    }
}
