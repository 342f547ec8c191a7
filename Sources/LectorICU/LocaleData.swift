@_implementationOnly import CICU

/// A locale's quotation marks, from CLDR through ICU's `ulocdata_getDelimiter`.
///
/// `de`: „ “ and ‚ ‘; `en`: “ ” and ‘ ’; `ru` and `uk`: « » and „ “; `fr`: « » (ICU 72 gives
/// « » as the alternate pair too); `ja`: 「 」 and 『 』.
public struct QuotationMarks: Sendable, Equatable {
    /// The ICU locale id the marks were read for.
    public let locale: String
    /// Opening mark of a quotation (`„` in `de`).
    public let start: String
    /// Closing mark of a quotation (`“` in `de`).
    public let end: String
    /// Opening mark of a quotation inside a quotation (`‚` in `de`).
    public let alternateStart: String
    /// Closing mark of a quotation inside a quotation (`‘` in `de`).
    public let alternateEnd: String

    /// The marks per locale, read once.
    private static let cache = ICUCache<QuotationMarks>()

    public init(locale: String) throws(ICUError) {
        self = try Self.cache.value(for: locale) { () throws(ICUError) -> QuotationMarks in
            try QuotationMarks(reading: locale)
        }
    }

    private init(reading locale: String) throws(ICUError) {
        var status: Int32 = 0
        let pointer = locale.withCString { cicu_ulocdata_open($0, &status) }
        try checkStatus(status, "open locale data for \(locale)")
        guard let pointer else { throw ICUError(operation: "open locale data for \(locale)", name: "U_MISSING_RESOURCE_ERROR") }
        defer { cicu_ulocdata_close(pointer) }
        func delimiter(_ type: Int32) throws(ICUError) -> String {
            let result = withGrowingBuffer(initialCapacity: 4) { dest, capacity, status in
                cicu_ulocdata_getDelimiter(pointer, type, dest, capacity, &status)
            }
            try checkStatus(result.status, "read quotation marks for \(locale)")
            return UTF16.decode(result.units)
        }
        self.locale = locale
        start = try delimiter(CICU_ULOCDATA_QUOTATION_START)
        end = try delimiter(CICU_ULOCDATA_QUOTATION_END)
        alternateStart = try delimiter(CICU_ULOCDATA_ALT_QUOTATION_START)
        alternateEnd = try delimiter(CICU_ULOCDATA_ALT_QUOTATION_END)
    }
}
