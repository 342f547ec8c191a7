@_implementationOnly import CICU

/// A language's plural categories, from CLDR through ICU's `uplrules` (`one`, `few`, `many`, `other` …).
///
/// gettext counts plural forms differently from CLDR: a PO file for Russian has three (`nplurals=3`),
/// while CLDR lists four categories, the fourth (`other`) reached only by fractions. So besides all
/// categories, this reports those that whole numbers reach (`integerCategories`), which is what a
/// gettext `Plural-Forms` header counts.
public struct PluralRules: Sendable {
    /// The ICU locale id the rules were read for.
    public let locale: String
    /// Every category of the language, in ICU's order.
    public let categories: [String]
    /// The categories that whole numbers 0…1,000 reach, in order of the first number reaching each.
    public let integerCategories: [String]

    /// The categories per locale, read once (the integer categories take 1,001 selections).
    private static let cache = ICUCache<PluralRules>()
    /// Open rules per locale for `category(of:)`, used under the cache's lock.
    private static let handles = ICUCache<ICUPrototype>()

    public init(locale: String) throws(ICUError) {
        self = try Self.cache.value(for: locale) { () throws(ICUError) -> PluralRules in
            try PluralRules(reading: locale)
        }
    }

    private init(reading locale: String) throws(ICUError) {
        var status: Int32 = 0
        let rules = locale.withCString { cicu_uplrules_open($0, &status) }
        try checkStatus(status, "open plural rules for \(locale)")
        guard let rules else { throw ICUError(operation: "open plural rules for \(locale)", name: "U_MISSING_RESOURCE_ERROR") }
        defer { cicu_uplrules_close(rules) }
        self.locale = locale

        var capacity: Int32 = 128
        var keywords: [String] = []
        while true {
            var buffer = [CChar](repeating: 0, count: Int(capacity))
            status = 0
            let count = cicu_uplrules_keywords(rules, &buffer, capacity, &status)
            try checkStatus(status, "read plural categories for \(locale)")
            if count < 0 {
                capacity = -count
                continue
            }
            var start = 0
            for _ in 0..<count {
                var end = start
                while buffer[end] != 0 { end += 1 }
                keywords.append(String(decoding: buffer[start..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self))
                start = end + 1
            }
            break
        }
        categories = keywords

        var reached: [String] = []
        var keyword = [UInt16](repeating: 0, count: 32)
        for number in 0...1000 {
            status = 0
            let length = cicu_uplrules_select(rules, Double(number), &keyword, 32, &status)
            try checkStatus(status, "select the plural category of \(number) for \(locale)")
            let name = String(decoding: keyword[0..<Int(length)], as: Unicode.UTF16.self)
            if !reached.contains(name) { reached.append(name) }
        }
        integerCategories = reached
    }

    /// The category of a number (`1` → `one` in English, `3` → `few` in Russian).
    public func category(of number: Double) throws(ICUError) -> String {
        let locale = locale
        return try Self.handles.withValue(for: locale, make: { () throws(ICUError) -> ICUPrototype in
            var status: Int32 = 0
            let rules = locale.withCString { cicu_uplrules_open($0, &status) }
            try checkStatus(status, "open plural rules for \(locale)")
            guard let rules else { throw ICUError(operation: "open plural rules for \(locale)", name: "U_MISSING_RESOURCE_ERROR") }
            return ICUPrototype(pointer: rules)
        }) { (rules: ICUPrototype) throws(ICUError) -> String in
            var status: Int32 = 0
            var keyword = [UInt16](repeating: 0, count: 32)
            let length = cicu_uplrules_select(rules.pointer, number, &keyword, 32, &status)
            try checkStatus(status, "select the plural category of \(number) for \(locale)")
            return String(decoding: keyword[0..<Int(length)], as: Unicode.UTF16.self)
        }
    }
}
