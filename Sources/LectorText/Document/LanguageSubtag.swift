/// Languages as Lector compares them: by primary subtag.
package enum LanguageSubtag {
    /// The primary language subtag, lower-cased (`de` for `de-CH` or `de_CH`). The tag is not
    /// validated; `LanguageTag` does that where a user gives one.
    package static func primary(of tag: String) -> String {
        String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }
}
