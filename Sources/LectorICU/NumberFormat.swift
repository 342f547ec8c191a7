@_implementationOnly import CICU

/// Parses numbers written the way a locale writes them, through ICU's `unum` API (`UNUM_DECIMAL`).
///
/// ICU checks the grouping: in `de`, `20.000` is 20000, `3,5` is 3.5, and `3.5` is no number at all,
/// because a group after the separator must have three digits. In locales that group with a space
/// (`ru`, `uk`, `fr`, `cs`), any of U+0020, U+00A0 and U+202F is accepted as that space. Exponents
/// (`12e3`) are not parsed: in running text they are never meant. Percent signs and scale words are
/// not the parser's business (see LectorKit's `NumberExtractor`).
///
/// One instance holds one ICU number format. ICU does not promise that parsing with one format
/// from several threads is safe, so use one instance per task.
public final class NumberParser {
    // `UNumberFormat *`, kept as a raw pointer so that no declaration names an ICU type.
    private let handle: UnsafeMutableRawPointer
    /// The ICU locale id the parser was opened for.
    public let locale: String
    /// The locale's decimal separator (`,` in `de`, `.` in `en`).
    public let decimalSeparator: String
    /// The locale's grouping separator (`.` in `de`, `,` in `en`, U+00A0 in `ru`, U+202F in `fr`).
    public let groupingSeparator: String

    public init(locale: String) throws(ICUError) {
        let pointer = try Self.prototypes.withValue(for: locale, make: { () throws(ICUError) -> ICUPrototype in
            var status: Int32 = 0
            let pointer = locale.withCString { cicu_unum_openDecimal($0, &status) }
            try checkStatus(status, "open number format for \(locale)")
            guard let pointer else { throw ICUError(operation: "open number format for \(locale)", name: "U_MISSING_RESOURCE_ERROR") }
            cicu_unum_setAttribute(pointer, CICU_UNUM_PARSE_NO_EXPONENT, 1)
            return ICUPrototype(pointer: pointer)
        }) { (prototype: ICUPrototype) throws(ICUError) -> UnsafeMutableRawPointer in
            var status: Int32 = 0
            let clone = cicu_unum_clone(prototype.pointer, &status)
            try checkStatus(status, "clone number format for \(locale)")
            guard let clone else { throw ICUError(operation: "clone number format for \(locale)", name: "U_MEMORY_ALLOCATION_ERROR") }
            return clone
        }
        handle = pointer
        self.locale = locale
        decimalSeparator = Self.symbol(CICU_UNUM_DECIMAL_SEPARATOR_SYMBOL, of: pointer)
        groupingSeparator = Self.symbol(CICU_UNUM_GROUPING_SEPARATOR_SYMBOL, of: pointer)
    }

    deinit { cicu_unum_close(handle) }

    /// One number format per locale (with the parse attributes set), cloned for each instance.
    private static let prototypes = ICUCache<ICUPrototype>()

    /// Whether the locale's grouping separator is a kind of space (`1 500` in `ru`, `uk`, `fr`).
    public var groupsWithSpace: Bool {
        groupingSeparator.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
            && !groupingSeparator.isEmpty
    }

    /// The value of `string` if the whole string is one number in this locale, else `nil`.
    public func parse(_ string: String) -> Double? {
        let units = UTF16.encode(string)
        return units.withUnsafeBufferPointer { parse($0) }
    }

    /// The value of the UTF-16 code units if all of them form one number in this locale, else `nil`.
    public func parse(_ units: UnsafeBufferPointer<UInt16>) -> Double? {
        guard let prefix = parsePrefix(units), prefix.length == units.count else { return nil }
        return prefix.value
    }

    /// The number at the start of `string` and how many UTF-16 code units it takes (ICU's parse
    /// position); `nil` when the string does not start with a number.
    public func parsePrefix(_ string: String) -> (value: Double, length: Int)? {
        let units = UTF16.encode(string)
        return units.withUnsafeBufferPointer { parsePrefix($0) }
    }

    /// The number at the start of the code units and how many of them it takes.
    public func parsePrefix(_ units: UnsafeBufferPointer<UInt16>) -> (value: Double, length: Int)? {
        guard !units.isEmpty else { return nil }
        var status: Int32 = 0
        var position: Int32 = 0
        let value = cicu_unum_parseDouble(handle, units.baseAddress, Int32(units.count), &position, &status)
        guard status <= 0, position > 0 else { return nil }
        return (value, Int(position))
    }

    private static func symbol(_ symbol: Int32, of format: UnsafeMutableRawPointer) -> String {
        let result = withGrowingBuffer(initialCapacity: 8) { dest, capacity, status in
            cicu_unum_getSymbol(format, symbol, dest, capacity, &status)
        }
        return UTF16.decode(result.units)
    }
}
