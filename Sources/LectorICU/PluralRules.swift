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
    /// The categories that hold exactly one whole number, with that number (German and Polish
    /// `one` → 1; Arabic `zero` → 0, `one` → 1, `two` → 2; never Russian `one`: 1, 21, 31 …). A
    /// plural form for one number may leave the count out (`Ein Foto`), as `msgfmt -c` accepts.
    /// Read from ICU's selections of 0…1,000 and of sparser numbers up to 10⁹, so that a category
    /// whose second number is large (a rule on `n % 1000000`) is not taken for a single one.
    public let singleIntegerCategories: [String: Int]

    /// The categories per locale, read once (the integer categories take some 1,800 selections).
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
        var numbers: [String: [Int]] = [:]
        var keyword = [UInt16](repeating: 0, count: 32)
        let sparse = (3...9).flatMap { power -> [Int] in
            let base = (0..<power).reduce(1) { value, _ in value * 10 }
            return Array((base + 1)...(base + 110)) + [base * 2, base * 5]
        }
        for number in Array(0...1000) + sparse {
            status = 0
            let length = cicu_uplrules_select(rules, Double(number), &keyword, 32, &status)
            try checkStatus(status, "select the plural category of \(number) for \(locale)")
            let name = String(decoding: keyword[0..<Int(length)], as: Unicode.UTF16.self)
            if number <= 1000, !reached.contains(name) { reached.append(name) }
            if numbers[name, default: []].count < 2 { numbers[name, default: []].append(number) }
        }
        integerCategories = reached
        singleIntegerCategories = numbers.compactMapValues { $0.count == 1 ? $0[0] : nil }
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
