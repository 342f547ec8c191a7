/// Words and marks the extractors need beyond what ICU knows, by primary language subtag.
///
/// ICU gives number formats, month names and quotation marks (see `NumberParser`, `DateSymbols`,
/// `QuotationMarks`). What is here is the rest: how a language writes "percent", ordinal suffixes,
/// the word after a time of day, and quotation styles that are correct but are not CLDR's first
/// choice. Entries are case-folded. Sources: CLDR unit names (`percent`), Duden and the
/// Imprimerie nationale's Lexique for German and French typography, the AP Stylebook (`Sept.`).
enum ExtractionLexicon {
    // MARK: - Percent

    /// Percent signs: ASCII, full-width, Arabic.
    static let percentSigns: Set<UInt16> = [0x25, 0xFF05, 0x066A]

    /// Words for "percent", each as its sequence of words. Several forms where the noun inflects
    /// (`12 процентов`, `2 процента`, `1 процент`).
    static func percentWords(_ language: String) -> [[String]] {
        switch language {
        case "en": return [["percent"], ["per", "cent"]]
        case "de": return [["prozent"]]
        case "ru": return [["процент"], ["процента"], ["процентов"]]
        case "uk": return [["відсоток"], ["відсотка"], ["відсотки"], ["відсотків"], ["процент"], ["процента"], ["процентів"]]
        case "be": return [["працэнт"], ["працэнты"], ["працэнтаў"]]
        case "fr": return [["pour", "cent"], ["pourcent"]]
        case "cs", "sk": return [["procent"], ["procenta"], ["procento"], ["percent"], ["percentá"], ["percento"]]
        case "pl": return [["procent"], ["procenty"], ["procentów"]]
        case "nl", "sv", "da", "nb", "nn", "no": return [["procent"], ["prosent"]]
        case "es", "pt": return [["por", "ciento"], ["por", "cento"]]
        case "it": return [["per", "cento"]]
        case "ro": return [["la", "sută"], ["la", "suta"], ["procent"], ["procente"]]
        case "et": return [["protsent"], ["protsenti"], ["protsendi"], ["protsendini"], ["protsendil"], ["protsendiga"]]
        default: return []
        }
    }

    /// The word for the minus sign before a figure (`minus 15 Grad`, `минус 15 градусов`), from the
    /// negative-number rule (`-x: minus >>;`) of CLDR's spell-out rules (RBNF) for each language.
    /// Left out where that word is also "less" before a figure (French `au moins 15` "at least 15",
    /// Spanish and Portuguese `al menos`, `pelo menos`, Italian `meno`, Dutch `min`).
    static func minusWords(_ language: String) -> Set<String> {
        switch language {
        case "en", "de", "pl", "cs", "sk", "ro", "sv", "da", "nb", "nn", "no", "hr", "sl": return ["minus"]
        case "sr": return ["минус", "minus"]
        case "ru", "bg": return ["минус"]
        case "uk": return ["мінус"]
        case "et": return ["miinus"]
        case "fi": return ["miinus"]
        default: return []
        }
    }

    /// Words between a figure and its scale word: Romanian `84 de milioane`, `20 de mii`.
    static func figureScaleLinks(_ language: String) -> Set<String> {
        language == "ro" ? ["de"] : []
    }

    // MARK: - Ordinals and decades

    /// Letters that make a number an ordinal when written right after it (`24th`, `1er`).
    static func ordinalSuffixes(_ language: String) -> Set<String> {
        switch language {
        case "en": return ["st", "nd", "rd", "th"]
        case "fr": return ["er", "re", "e", "ème", "eme", "nd", "nde"]
        default: return []
        }
    }

    /// Letters that make a four-digit year a decade (`1990s`, `1990er`).
    static func decadeSuffixes(_ language: String) -> Set<String> {
        switch language {
        case "en": return ["s"]
        case "de": return ["er"]
        default: return []
        }
    }

    // MARK: - Times of day

    /// Words written after an hour (`13 Uhr`, `13.56 Uhr`, `13 h 56`).
    static func hourWords(_ language: String) -> Set<String> {
        switch language {
        case "de": return ["uhr"]
        case "fr": return ["h"]
        case "nl": return ["uur"]
        // `a las 14.30 horas`, `às 14h30` (RAE, *Ortografía* 2010, on writing the hours).
        case "es", "pt": return ["horas", "h", "hs", "hrs"]
        default: return []
        }
    }

    /// Words for "o'clock" written before the hour (Estonian `kell 17`, `kella 17 paiku`).
    static func hourWordsBefore(_ language: String) -> Set<String> {
        language == "et" ? ["kell", "kella", "kellast", "kellani"] : []
    }

    /// 12-hour clock markers as ICU's word breaker cuts them (`a.m` + `.`), and whether they are p.m.
    /// English only: German `am` is a preposition (`die 10 am stärksten betroffenen Regionen`).
    static func meridiems(_ language: String) -> [String: Bool] {
        language == "en" ? ["a.m": false, "am": false, "p.m": true, "pm": true] : [:]
    }

    // MARK: - Dates

    /// Words between a day and its month (`24th of February`, `24 de febrero`).
    static func dayMonthLinks(_ language: String) -> Set<String> {
        switch language {
        case "en": return ["of"]
        case "es", "pt": return ["de"]
        default: return []
        }
    }

    /// Month abbreviations in common use that CLDR does not list (AP style `Sept.`).
    static func extraMonthForms(_ language: String) -> [String: Int] {
        switch language {
        case "en": return ["sept": 9]
        default: return [:]
        }
    }

    /// Case forms of month names that CLDR's format and stand-alone names do not include. Estonian
    /// declines the month in a date (`4. juunil` "on June 4", `22. septembrist` "from September 22",
    /// `kuni 8. augustini` "until August 8"): the genitive stem with the case endings a date takes
    /// (Eesti keele käsiraamat, noun cases).
    static func monthCaseForms(_ language: String) -> [String: Int] {
        guard language == "et" else { return [:] }
        let stems = ["jaanuari", "veebruari", "märtsi", "aprilli", "mai", "juuni", "juuli", "augusti", "septembri",
                     "oktoobri", "novembri", "detsembri"]
        var forms: [String: Int] = [:]
        for (index, stem) in stems.enumerated() {
            for ending in ["", "l", "st", "ni", "s", "ks", "le", "lt", "ga"] { forms[stem + ending] = index + 1 }
        }
        return forms
    }

    // MARK: - Quotation marks

    /// Quotation pairs that a language's typography accepts besides CLDR's two.
    ///
    /// German and Czech books use chevrons (»…«, ›…‹); French nests with “…” (the Imprimerie
    /// nationale's rule), while CLDR (ICU 72) gives « » for both levels.
    static func extraQuotationPairs(_ language: String) -> [(open: UInt16, close: UInt16)] {
        switch language {
        case "de", "cs", "sk": return [(0xBB, 0xAB), (0x203A, 0x2039)]
        case "fr": return [(0x201C, 0x201D)]
        default: return []
        }
    }
}
