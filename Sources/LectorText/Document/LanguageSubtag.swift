/// Languages as Lector compares them: by primary subtag.
package enum LanguageSubtag {
    /// The primary language subtag, lower-cased (`de` for `de-CH` or `de_CH`). The tag is not
    /// validated; `LanguageTag` does that where a user gives one.
    package static func primary(of tag: String) -> String {
        // A bare lower-case tag (`de`, `en`), what most rules ask about for every pair, is its
        // own primary subtag: no lower-cased copy and no prefix to cut.
        if !tag.isEmpty, tag.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return tag }
        return String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }
}
