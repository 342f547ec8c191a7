@_implementationOnly import CICU

/// Country and city names in one language, from CLDR through ICU: `Deutschland` and `Germany` are
/// both `DE`, `Москва` and `Moscow` both `Europe:Moscow`.
///
/// Names of places are not spelled alike across languages (exonyms), so no transliteration or
/// spelling distance can tell that `Russland` is `Russia`; CLDR translates the names of every
/// country and region (`uloc_getDisplayCountry`) and of the cities that name time zones (their
/// exemplar city, `zoneStrings/<zone>/ec`). A city without an exemplar in a language is called
/// there as in the zone id (`America/Chicago` → Chicago). A country also goes by the name of its
/// likeliest language (`FR` → French, prantsuse, franceză), which is how a translation often
/// renders it (`Frankreichs Regierung` → `the French government`).
public struct PlaceNames: Sendable {
    /// The ICU locale id the names were read for.
    public let locale: String
    /// Place id (`DE`, `150`, `Europe:Moscow`) → its names, lower-cased.
    public let names: [String: [String]]
    /// The names of languages in this language, lower-cased (`greek`, `irish`, `chechen`): in
    /// English also the adjectives and peoples, which are no one's name.
    public let languages: Set<String>

    private static let cache = ICUCache<PlaceNames>()

    /// Regions that are not countries but are named like places (`150` Europe, `EU`).
    private static let regions = ["001", "002", "005", "009", "019", "021", "142", "150", "419", "EU", "UN"]

    public init(locale: String) throws(ICUError) {
        self = try Self.cache.value(for: locale) { () throws(ICUError) -> PlaceNames in
            try PlaceNames(reading: locale)
        }
    }

    private init(reading locale: String) throws(ICUError) {
        self.locale = locale
        var names: [String: [String]] = [:]
        var codes = Self.regions
        if var cursor = cicu_uloc_getISOCountries() {
            while let code = cursor.pointee {
                codes.append(String(cString: code))
                cursor += 1
            }
        }
        for region in codes {
            let name = try Self.displayCountry(region, in: locale)
            // Without a name ICU answers the code itself.
            guard !name.isEmpty, name != region else { continue }
            names[region, default: []].append(name.lowercased())
            if region.first!.isLetter, let language = try Self.likelyLanguage(of: region) {
                let languageName = try Self.displayLanguage(language, in: locale)
                if !languageName.isEmpty, languageName != language { names[region]!.append(languageName.lowercased()) }
            }
        }
        for (zone, city) in try Self.exemplarCities(locale) { names[zone, default: []].append(city.lowercased()) }
        if locale.hasPrefix("en") {
            // English exemplars are the zone ids; CLDR's `en` lists only the exceptions. The list of
            // zones is taken from a locale that names nearly all of them (Russian).
            for zone in try Self.exemplarCities("ru").keys where names[zone] == nil {
                names[zone] = [String(zone.split(separator: ":").last!).underscoresAsSpaces.lowercased()]
            }
        }
        self.names = names
        var languages = Set<String>()
        if var cursor = cicu_uloc_getISOLanguages() {
            while let code = cursor.pointee {
                let language = String(cString: code)
                cursor += 1
                let name = try Self.displayLanguage(language, in: locale)
                if !name.isEmpty, name != language, !name.contains(" ") { languages.insert(name.lowercased()) }
            }
        }
        self.languages = languages
    }

    private static func displayCountry(_ region: String, in locale: String) throws(ICUError) -> String {
        let result = ("_" + region).withCString { id in
            locale.withCString { display in
                withGrowingBuffer(initialCapacity: 32) { dest, capacity, status in
                    cicu_uloc_getDisplayCountry(id, display, dest, capacity, &status)
                }
            }
        }
        try checkStatus(result.status, "read the name of region \(region) in \(locale)")
        return UTF16.decode(result.units)
    }

    static func displayLanguage(_ language: String, in locale: String) throws(ICUError) -> String {
        let result = language.withCString { id in
            locale.withCString { display in
                withGrowingBuffer(initialCapacity: 32) { dest, capacity, status in
                    cicu_uloc_getDisplayLanguage(id, display, dest, capacity, &status)
                }
            }
        }
        try checkStatus(result.status, "read the name of language \(language) in \(locale)")
        return UTF16.decode(result.units)
    }

    /// The likeliest language of a region (`und_FR` → `fr`), from CLDR's likely subtags.
    private static func likelyLanguage(of region: String) throws(ICUError) -> String? {
        var status: Int32 = 0
        var maximized = [CChar](repeating: 0, count: 64)
        _ = "und_\(region)".withCString { cicu_uloc_addLikelySubtags($0, &maximized, 64, &status) }
        try checkStatus(status, "find the likely language of \(region)")
        let language = String(cChars: maximized).split(separator: "_").first.map(String.init)
        return language == "und" ? nil : language
    }

    /// Zone id (`Europe:Moscow`) → exemplar city, for the zones this locale names itself.
    private static func exemplarCities(_ locale: String) throws(ICUError) -> [String: String] {
        var status: Int32 = 0
        let table = locale.withCString { cicu_ures_openZoneStrings($0, &status) }
        try checkStatus(status, "open the time-zone names of \(locale)")
        guard let table else { return [:] }
        defer { cicu_ures_close(table) }
        var result: [String: String] = [:]
        for index in 0..<cicu_ures_getSize(table) {
            var itemStatus: Int32 = 0
            guard let item = cicu_ures_getByIndex(table, index, &itemStatus) else { continue }
            defer { cicu_ures_close(item) }
            guard itemStatus <= 0, let keyPointer = cicu_ures_getKey(item) else { continue }
            let key = String(cString: keyPointer)
            // `meta:…` are metazones (Central European Time), `Etc:…` no city.
            guard key.contains(":"), !key.hasPrefix("meta:"), !key.hasPrefix("Etc:") else { continue }
            var length: Int32 = 0
            var cityStatus: Int32 = 0
            // A zone without an exemplar city in this locale is not an error: it keeps the id's name.
            guard let city = cicu_ures_getStringByKey(item, "ec", &length, &cityStatus), cityStatus <= 0 else { continue }
            result[key] = UTF16.decode(Array(UnsafeBufferPointer(start: city, count: Int(length))))
        }
        return result
    }
}

private extension String {
    var underscoresAsSpaces: String {
        split(separator: "_", omittingEmptySubsequences: false).joined(separator: " ")
    }
}
