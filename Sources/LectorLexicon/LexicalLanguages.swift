/// How the lexical resources name a language: FreeDict by ISO 639-3 codes (`deu`), Hunspell by locale
/// (`de_DE`), Debian by package (`hunspell-de-de`, `dict-freedict-deu-eng`).
public enum LexicalLanguages {
    /// ISO 639-1 → the ISO 639-3 codes FreeDict files use (first is the standard one). Not `rom`
    /// for Romanian: that is Romani (`dict-freedict-eng-rom`, English–Romany).
    static let freeDictCodes: [String: [String]] = [
        "af": ["afr"], "ar": ["ara"], "bg": ["bul"], "br": ["bre"], "ca": ["cat"], "cs": ["ces"],
        "cy": ["cym"], "da": ["dan"], "de": ["deu"], "el": ["ell"], "en": ["eng"], "eo": ["epo"],
        "es": ["spa"], "fi": ["fin"], "fr": ["fra"], "ga": ["gle"], "hi": ["hin"], "hr": ["hrv"],
        "hu": ["hun"], "id": ["ind"], "is": ["isl"], "it": ["ita"], "ja": ["jpn"], "ku": ["kur"],
        "la": ["lat"], "lt": ["lit"], "mk": ["mkd"], "nl": ["nld"], "nb": ["nob", "nor"], "nn": ["nno"],
        "no": ["nor", "nob"], "pl": ["pol"], "pt": ["por"], "ro": ["ron"], "ru": ["rus"],
        "sk": ["slk"], "sl": ["slv"], "sr": ["srp"], "sv": ["swe"], "sw": ["swh"], "tr": ["tur"],
        "uk": ["ukr"], "zh": ["zho", "cmn"], "et": ["est"],
    ]

    /// Hunspell dictionary names tried per language, best first (Debian's names).
    public static let hunspellNames: [String: [String]] = [
        "en": ["en_US", "en_GB", "en_CA", "en_AU"], "de": ["de_DE", "de_AT", "de_CH", "de_DE_frami"],
        "fr": ["fr_FR", "fr"], "es": ["es_ES", "es"], "it": ["it_IT"], "pl": ["pl_PL"], "cs": ["cs_CZ"],
        "ru": ["ru_RU"], "uk": ["uk_UA"], "pt": ["pt_PT", "pt_BR"], "nl": ["nl_NL", "nl"],
        "sv": ["sv_SE"], "da": ["da_DK"], "nb": ["nb_NO"], "no": ["nb_NO", "nn_NO"], "fi": ["fi_FI"],
        "el": ["el_GR"], "hu": ["hu_HU"], "ro": ["ro_RO"], "sk": ["sk_SK"], "sl": ["sl_SI"],
        "hr": ["hr_HR"], "bg": ["bg_BG"], "et": ["et_EE"], "lt": ["lt_LT"], "lv": ["lv_LV"],
        "tr": ["tr_TR"], "ca": ["ca", "ca_ES"],
    ]

    /// The Debian package of a language's Hunspell dictionary.
    public static func hunspellPackage(_ language: String) -> String {
        switch language {
        case "en": "hunspell-en-us"
        case "de": "hunspell-de-de"
        case "pt": "hunspell-pt-pt"
        case "no", "nb": "hunspell-no"
        // Debian packages the Estonian dictionary (ISO 8859-15) under the older name.
        case "et": "myspell-et"
        default: "hunspell-\(language)"
        }
    }

    /// The FreeDict code of a language as files name it (`deu`), the first one if several exist.
    public static func freeDictCode(_ language: String) -> String? { freeDictCodes[language]?.first }

    /// The two-letter code of a FreeDict language code (`deu` → `de`), or the code itself.
    public static func code(forFreeDict code: String) -> String {
        freeDictCodes.first { $0.value.contains(code) }?.key ?? code
    }

    /// The Debian package of a FreeDict dictionary (`dict-freedict-deu-eng`), `nil` where Debian has
    /// none (there is no `dict-freedict-rus-eng`: Russian is read backwards from `eng-rus`).
    public static func freeDictPackage(from source: String, to target: String) -> String? {
        let from = freeDictCodes[primary(source)] ?? []
        let to = freeDictCodes[primary(target)] ?? []
        for f in from { for t in to where debianFreeDictPairs.contains("\(f)-\(t)") { return "dict-freedict-\(f)-\(t)" } }
        return nil
    }

    /// The FreeDict pairs Debian 12 packages as `dict-freedict-*` (`apt-cache search dict-freedict`).
    static let debianFreeDictPairs: Set<String> = [
        "afr-deu", "afr-eng", "ara-eng", "bre-fra", "ces-eng", "ckb-kmr", "cym-eng", "dan-eng", "deu-bul", "deu-ell",
        "deu-eng", "deu-fin", "deu-fra", "deu-ind", "deu-ita", "deu-kur", "deu-nld", "deu-pol", "deu-por", "deu-rus",
        "deu-spa", "deu-swe", "deu-tur", "ell-bul", "ell-eng", "ell-fin", "ell-fra", "ell-ind", "ell-ita", "ell-jpn",
        "ell-lat", "ell-lit", "ell-nld", "ell-nor", "ell-pol", "ell-por", "ell-rus", "ell-spa", "ell-swe", "eng-afr",
        "eng-ara", "eng-bul", "eng-ces", "eng-cym", "eng-dan", "eng-deu", "eng-ell", "eng-fin", "eng-fra", "eng-gle",
        "eng-hin", "eng-hrv", "eng-hun", "eng-ind", "eng-ita", "eng-jpn", "eng-lat", "eng-lit", "eng-nld", "eng-nor",
        "eng-pol", "eng-por", "eng-rom", "eng-rus", "eng-spa", "eng-srp", "eng-swe", "eng-swh", "eng-tur", "epo-eng",
        "fin-bul", "fin-deu", "fin-ell", "fin-eng", "fin-fra", "fin-ind", "fin-ita", "fin-jpn", "fin-lat", "fin-lit",
        "fin-nld", "fin-nor", "fin-pol", "fin-por", "fin-swe", "fra-bre", "fra-bul", "fra-deu", "fra-ell", "fra-eng",
        "fra-fin", "fra-ita", "fra-jpn", "fra-lat", "fra-lit", "fra-nld", "fra-pol", "fra-por", "fra-rus", "fra-spa",
        "fra-swe", "fra-tur", "gla-deu", "gle-eng", "gle-pol", "hrv-eng", "hun-eng", "isl-eng", "ita-bul", "ita-deu",
        "ita-ell", "ita-eng", "ita-fin", "ita-ind", "ita-jpn", "ita-lit", "ita-nor", "ita-pol", "ita-por", "ita-rus",
        "ita-spa", "ita-swe", "ita-tur", "jpn-deu", "jpn-eng", "jpn-fra", "jpn-rus", "kha-deu", "kha-eng", "kur-deu",
        "kur-eng", "kur-tur", "lat-deu", "lat-eng", "lit-eng", "mkd-bul", "nld-bul", "nld-deu", "nld-ell", "nld-eng",
        "nld-fin", "nld-fra", "nld-ind", "nld-ita", "nld-lat", "nld-lit", "nld-pol", "nld-por", "nld-rus", "nld-spa",
        "nld-swe", "nno-nob", "oci-cat", "pol-bul", "pol-deu", "pol-ell", "pol-eng", "pol-fin", "pol-fra", "pol-gle",
        "pol-ind", "pol-ita", "pol-jpn", "pol-nld", "pol-nor", "pol-por", "pol-rus", "pol-spa", "pol-swe", "pol-tur",
        "por-deu", "por-eng", "por-fra", "por-spa", "san-deu", "slk-eng", "slv-eng", "spa-ast", "spa-deu", "spa-eng",
        "spa-por", "srp-eng", "swe-bul", "swe-deu", "swe-ell", "swe-eng", "swe-fin", "swe-fra", "swe-ita", "swe-jpn",
        "swe-lat", "swe-nld", "swe-nor", "swe-pol", "swe-por", "swe-rus", "swe-spa", "swe-tur", "swh-eng", "swh-pol",
        "tur-deu", "tur-eng", "wol-fra"
    ]

    /// The primary language subtag, lower-cased: `de-CH` → `de`, `pt_BR` → `pt`.
    public static func primary(_ tag: String) -> String {
        let end = tag.firstIndex { $0 == "-" || $0 == "_" } ?? tag.endIndex
        return tag[..<end].lowercased()
    }

    /// A language's English name for messages (`de` → `German`), or its code.
    public static func name(_ language: String) -> String {
        names[language] ?? language
    }

    private static let names: [String: String] = [
        "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
        "pl": "Polish", "cs": "Czech", "ru": "Russian", "uk": "Ukrainian", "ja": "Japanese",
        "zh": "Chinese", "pt": "Portuguese", "nl": "Dutch", "et": "Estonian", "ro": "Romanian",
    ]
}
