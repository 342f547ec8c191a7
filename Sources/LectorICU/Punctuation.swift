@_implementationOnly import CICU

/// Unicode's facts about punctuation, from ICU's copy of the Unicode Character Database: the binary
/// properties that say a mark ends a sentence or a clause or quotes, and a character's name.
public enum UnicodePunctuation {
    /// `Sentence_Terminal`: `.` `?` `!` `。` `।` `؟` `።` `։` …
    public static func isSentenceTerminal(_ scalar: Unicode.Scalar) -> Bool {
        cicu_u_hasBinaryProperty(Int32(scalar.value), CICU_UCHAR_S_TERM) != 0
    }

    /// `Terminal_Punctuation`: the sentence terminals and the marks that end a clause (`,` `;` `:`
    /// `、` `،` `؛` `។` …).
    public static func isTerminalPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        cicu_u_hasBinaryProperty(Int32(scalar.value), CICU_UCHAR_TERMINAL_PUNCTUATION) != 0
    }

    /// `Quotation_Mark`: quotation marks of every language (`"` `«` `„` `「` …).
    public static func isQuotationMark(_ scalar: Unicode.Scalar) -> Bool {
        cicu_u_hasBinaryProperty(Int32(scalar.value), CICU_UCHAR_QUOTATION_MARK) != 0
    }

    /// `Dash`: hyphen-minus, en and em dashes and their kin.
    public static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        cicu_u_hasBinaryProperty(Int32(scalar.value), CICU_UCHAR_DASH) != 0
    }

    /// The character's Unicode name (`ARABIC QUESTION MARK`); empty for a character without one.
    public static func name(of scalar: Unicode.Scalar) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        var status: Int32 = 0
        let length = buffer.withUnsafeMutableBufferPointer { cicu_u_charName(Int32(scalar.value), $0.baseAddress, 128, &status) }
        guard status <= 0, length > 0 else { return "" }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The punctuation a language writes, from CLDR's exemplar characters through ICU
/// (`ulocdata_getExemplarSet` with `ULOCDATA_ES_PUNCTUATION`): Greek has `;` and no `?`, Spanish
/// has `¿` and `¡`, Japanese has `。` and `？`, Burmese `။` and no `.`.
public struct ExemplarPunctuation: Sendable {
    /// The ICU locale id the set was read for.
    public let locale: String
    /// Every mark of the set (its strings, if any, left out).
    public let scalars: Set<Unicode.Scalar>

    public init(locale: String) throws(ICUError) {
        var status: Int32 = 0
        let data = locale.withCString { cicu_ulocdata_open($0, &status) }
        try checkStatus(status, "open locale data for \(locale)")
        guard let data else { throw ICUError(operation: "open locale data for \(locale)", name: "U_MISSING_RESOURCE_ERROR") }
        defer { cicu_ulocdata_close(data) }
        status = 0
        let set = cicu_ulocdata_getExemplarSet(data, CICU_ULOCDATA_ES_PUNCTUATION, &status)
        try checkStatus(status, "read the punctuation of \(locale)")
        guard let set else { throw ICUError(operation: "read the punctuation of \(locale)", name: "U_MISSING_RESOURCE_ERROR") }
        defer { cicu_uset_close(set) }
        var scalars = Set<Unicode.Scalar>()
        for index in 0..<cicu_uset_getItemCount(set) {
            var start: Int32 = 0
            var end: Int32 = 0
            var itemStatus: Int32 = 0
            let length = cicu_uset_getItem(set, index, &start, &end, nil, 0, &itemStatus)
            // A string item (length > 0) only reports its size here; exemplar punctuation has none.
            guard length == 0, start <= end else { continue }
            for value in start...end {
                if let scalar = Unicode.Scalar(UInt32(value)) { scalars.insert(scalar) }
            }
        }
        self.locale = locale
        self.scalars = scalars
    }
}
