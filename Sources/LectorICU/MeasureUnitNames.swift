@_implementationOnly import CICU

/// How a locale writes a unit next to a number, from CLDR through ICU's number formatter (`unumf`):
/// `Kilometer` and `km` in `de`, `километр`, `километра`, `километров` and `км` in `ru`, `€` before
/// the number and `euros` after it in `en`.
///
/// The forms are read by formatting sample numbers (one for each plural category the common
/// locales have, whole and decimal) in the full, short and narrow widths, and taking away the
/// number as the same skeleton writes it without its unit. The forms are those CLDR has for a
/// count, so a case other than the one after a numeral (`nach 5 Kilometern`, `в 5 километрах`)
/// is not among them.
public enum MeasureUnitNames {
    /// A unit's written form and on which side of the number it stands.
    public struct Form: Hashable, Sendable {
        public let text: String
        public let isBeforeNumber: Bool

        public init(text: String, isBeforeNumber: Bool) {
            self.text = text
            self.isBeforeNumber = isBeforeNumber
        }
    }

    /// The forms of `unit` in `locale`: a skeleton stem such as `measure-unit/length-kilometer` or
    /// `currency/EUR`. Each form is listed once, in the order first written.
    public static func forms(of unit: String, locale: String) throws(ICUError) -> [Form] {
        try forms(of: [unit], locale: locale)[0]
    }

    /// The forms of each of `units` in `locale`, in the same order. The measure units share one
    /// formatter of the plain number (ICU writes it alike for all of them), so each costs the
    /// formatters of its three widths; a currency has its own (its precision differs).
    public static func forms(of units: [String], locale: String) throws(ICUError) -> [[Form]] {
        let samples = try samples(for: locale)
        // ICU ignores `unit-width-hidden` for a measure unit, whose number is written as a plain one.
        let plainFormatter = try Formatter(skeleton: "", locale: locale)
        var plainNumbers: [[Unicode.Scalar]] = []
        for sample in samples { plainNumbers.append(Array(trimmingSpaces(try plainFormatter.format(sample)[...]))) }
        var result: [[Form]] = []
        for unit in units {
            var numbers = plainNumbers
            // A currency in whole units: with its own precision `1` is written `1.00`, whose
            // plural category is not `one` (`1.00 US dollars`), so `US dollar` would be missed.
            let skeleton = unit.hasPrefix("currency/") ? "\(unit) precision-integer" : unit
            if unit.hasPrefix("currency/") {
                // The number alone, with the sign hidden; a hidden currency keeps the space that
                // stood before its sign (`5 ` in `de`).
                let hidden = try Formatter(skeleton: "\(skeleton) unit-width-hidden", locale: locale)
                numbers = []
                for sample in samples { numbers.append(Array(trimmingSpaces(try hidden.format(sample)[...]))) }
            }
            var forms: [Form] = []
            for width in ["unit-width-full-name", "unit-width-short", "unit-width-narrow"] {
                let formatter = try Formatter(skeleton: "\(skeleton) \(width)", locale: locale)
                for (sample, number) in zip(samples, numbers) {
                    let written = try formatter.format(sample)
                    guard let start = firstIndex(of: number, in: written) else { continue }
                    let sides = [(written[..<start], true), (written[(start + number.count)...], false)]
                    for (side, isBefore) in sides {
                        let trimmed = String(String.UnicodeScalarView(trimmingSpaces(side)))
                        let form = Form(text: trimmed, isBeforeNumber: isBefore)
                        if !trimmed.isEmpty && !forms.contains(form) { forms.append(form) }
                    }
                }
            }
            result.append(forms)
        }
        return result
    }

    /// Numbers of every plural category of the languages Lector reads (`one`, `few`, `many`,
    /// `other`, Arabic's `zero` and `two`, and the decimal forms of Russian and Czech).
    private static let candidates: [Double] = [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 1.5]

    /// The first of `candidates` in each plural category of the locale (CLDR's rules through ICU):
    /// `1` and `0` in English, four numbers in Russian. A unit's form follows the category.
    private static func samples(for locale: String) throws(ICUError) -> [Double] {
        try sampleCache.value(for: locale) { () throws(ICUError) -> [Double] in
            let rules = try PluralRules(locale: locale)
            var seen: Set<String> = []
            var result: [Double] = []
            for candidate in candidates where seen.insert(try rules.category(of: candidate)).inserted { result.append(candidate) }
            return result
        }
    }

    private static let sampleCache = ICUCache<[Double]>()

    /// One `UNumberFormatter` for one skeleton and locale.
    private final class Formatter {
        private let handle: UnsafeMutableRawPointer
        private let result: UnsafeMutableRawPointer

        init(skeleton: String, locale: String) throws(ICUError) {
            var status: Int32 = 0
            let units = UTF16.encode(skeleton)
            let opened = units.withUnsafeBufferPointer { buffer in
                locale.withCString { cicu_unumf_openForSkeletonAndLocale(buffer.baseAddress, Int32(buffer.count), $0, &status) }
            }
            try checkStatus(status, "open number formatter `\(skeleton)` for \(locale)")
            guard let opened else { throw ICUError(operation: "open number formatter for \(locale)", name: "U_MEMORY_ALLOCATION_ERROR") }
            let result = cicu_unumf_openResult(&status)
            guard status <= 0, let result else {
                cicu_unumf_close(opened)
                throw ICUError(operation: "open number formatter result for \(locale)", name: "U_MEMORY_ALLOCATION_ERROR")
            }
            handle = opened
            self.result = result
        }

        deinit {
            cicu_unumf_closeResult(result)
            cicu_unumf_close(handle)
        }

        func format(_ value: Double) throws(ICUError) -> [Unicode.Scalar] {
            var status: Int32 = 0
            cicu_unumf_formatDouble(handle, value, result, &status)
            try checkStatus(status, "format \(value)")
            let written = withGrowingBuffer(initialCapacity: 64) { dest, capacity, status in
                cicu_unumf_resultToString(result, dest, capacity, &status)
            }
            try checkStatus(written.status, "read formatted \(value)")
            return Array(UTF16.decode(written.units).unicodeScalars)
        }
    }
}

/// Where `part` first starts in `whole`, by scalars.
private func firstIndex(of part: [Unicode.Scalar], in whole: [Unicode.Scalar]) -> Int? {
    guard !part.isEmpty, part.count <= whole.count else { return nil }
    return (0...(whole.count - part.count)).first { whole[$0..<($0 + part.count)].elementsEqual(part) }
}

/// The scalars without the spaces CLDR puts between a number and its unit (U+0020, U+00A0, U+202F)
/// at either end.
private func trimmingSpaces(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var slice = scalars
    while let first = slice.first, first.properties.isWhitespace { slice = slice.dropFirst() }
    while let last = slice.last, last.properties.isWhitespace { slice = slice.dropLast() }
    return slice
}
