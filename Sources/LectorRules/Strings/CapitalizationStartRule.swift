import LectorICU
import LectorText
import LectorFormats
import LectorGlossary

/// The first letter of the translation in another case than the source's: `Find` → `vind`.
/// Strings that start with a number, languages without case, and sources in capitals only are
/// left alone; in German (and Luxembourgish) a capital where the source has none is a noun.
/// Weekday, month and language names keep the case each language gives them (`Monday` → `lunes`,
/// `English` → `français`): which words these are, and how each language writes them, comes from
/// CLDR through ICU (`LowerCaseNames`).
public struct CapitalizationStartRule: UnitRule {
    public static let description = RuleDescription(
        id: "capitalization.start",
        name: "Start capitalization",
        summary: "The translation's first letter is lower case where the source's is a capital, or the other way round.",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample(unit: "↓vind", source: "Find", from: "en", to: "af"),
            RuleExample(unit: "↓сохранить файл", source: "Save file", from: "en", to: "ru"),
            RuleExample(unit: "' ↓Ouvrir'", source: "' open'", from: "en", to: "fr"),
            RuleExample(unit: "↓vi&nd", source: "&Find", from: "en", to: "af"),
            RuleExample(unit: "↓datei speichern", source: "Save file", from: "en", to: "de"),
            RuleExample(unit: "↓mars", source: "Mars", from: "en", to: "fr"),
            RuleExample(unit: "↓Lunes", source: "lundi", from: "fr", to: "es"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "Vind", source: "Find", from: "en", to: "af"),
            RuleExample(unit: "Datei öffnen", source: "open file", from: "en", to: "de"),
            RuleExample(unit: "grade 360", source: "360 degrees", from: "en", to: "af"),
            RuleExample(unit: "ファイルを保存", source: "Save file", from: "en", to: "ja"),
            RuleExample(unit: "%s Dateien gespeichert", source: "%s files saved", from: "en", to: "de"),
            RuleExample(unit: "%s öffnen?", source: "Open %s?", from: "en", to: "de"),
            RuleExample(unit: "Vi&nd", source: "&Find", from: "en", to: "af"),
            RuleExample(unit: "iPhone-Einstellungen", source: "iPhone settings", from: "en", to: "de"),
            RuleExample(unit: "('n Koei)", source: "(A cow)", from: "en", to: "af"),
            RuleExample(unit: "lunes", source: "Monday", from: "en", to: "es"),
            RuleExample(unit: "janvier", source: "January", from: "en", to: "fr"),
            RuleExample(unit: "français", source: "French", from: "en", to: "fr"),
            RuleExample(unit: "понедельник", source: "Monday", from: "en", to: "ru"),
            RuleExample(unit: "čeština", source: "Czech", from: "en", to: "cs"),
            RuleExample(unit: "lun.", source: "Mon", from: "en", to: "fr"),
            RuleExample(unit: "Monday", source: "lundi", from: "fr", to: "en"),
        ]
    )

    public init() {}

    /// Languages that capitalize nouns: a capital there may start a noun the source has in lower case.
    static let nounCapitalizing: Set<String> = ["de", "lb"]

    /// The weekday, month and language names of the source's and the translation's language;
    /// `nil` for a text checked without a source.
    public func prepare(for context: CheckContext) throws -> (source: LowerCaseNames, target: LowerCaseNames)? {
        guard let bilingual = context.bilingual else { return nil }
        return (try LowerCaseNamesStore.names(locale: Term.primaryLanguage(of: bilingual.sourceLanguage)),
                try LowerCaseNamesStore.names(locale: context.targetPrimaryLanguage))
    }

    public func findings(in pair: StringPair, of context: CheckContext,
                         using names: (source: LowerCaseNames, target: LowerCaseNames)?) -> [RuleFinding] {
        let language = context.targetPrimaryLanguage
        var findings: [RuleFinding] = []
        guard let source = Self.firstLetter(pair.source, settings: context.strings,
                                            masked: pair.maskedSource(settings: context.strings)),
              let target = Self.firstLetter(pair.target, settings: context.strings,
                                            masked: pair.maskedTarget(settings: context.strings)),
              Latin1ScalarProperties.isAlphabetic(source.scalar), Latin1ScalarProperties.isAlphabetic(target.scalar),
              Self.hasCase(source.scalar), Self.hasCase(target.scalar) else { return [] }
        // A source word in mixed case ("iPhone") or capitals ("HTML") says nothing.
        if source.word.dropFirst().contains(where: Latin1ScalarProperties.isUppercase) { return [] }
        let sourceUpper = Latin1ScalarProperties.isUppercase(source.scalar)
        let targetUpper = Latin1ScalarProperties.isUppercase(target.scalar)
        guard sourceUpper != targetUpper else { return [] }
        if targetUpper, Self.nounCapitalizing.contains(language) { return [] }
        if target.word.dropFirst().contains(where: Latin1ScalarProperties.isUppercase) { return [] }
        if let names, Self.isNameInItsCase(source: source.word, target: target.word, sourceUpper: sourceUpper, names: names) { return [] }
        findings.append(RuleFinding(range: pair.range(target.range),
                                    message: sourceUpper ? "the translation starts in lower case, the source with a capital"
                                                         : "the translation starts with a capital, the source in lower case"))
        return findings
    }

    /// Whether both first words are weekday, month or language names, each in the case its
    /// language writes it (`Monday` → `lunes`, `lundi` → `Monday`); `Mars` → `mars` and
    /// `lundi` → `Lunes` are not.
    static func isNameInItsCase(source: [Unicode.Scalar], target: [Unicode.Scalar], sourceUpper: Bool,
                                names: (source: LowerCaseNames, target: LowerCaseNames)) -> Bool {
        let (sourceWord, targetWord) = (String(String.UnicodeScalarView(source)), String(String.UnicodeScalarView(target)))
        if sourceUpper {
            return names.target.lowerCaseWords.contains(targetWord) && names.source.capitalizedWords.contains(sourceWord)
        }
        return names.source.lowerCaseWords.contains(sourceWord) && names.target.capitalizedWords.contains(targetWord)
    }

    static func hasCase(_ scalar: Unicode.Scalar) -> Bool {
        Latin1ScalarProperties.isUppercase(scalar) || Latin1ScalarProperties.isLowercase(scalar) || scalar.properties.changesWhenCaseMapped
    }

    /// The first character that is not punctuation, space, placeholder, tag or accelerator marker,
    /// with its range and its word; `nil` when it is a digit (`360 degrees`) or there is none.
    static func firstLetter(_ text: String, settings: StringCheckSettings, masked: [UInt16]? = nil)
        -> (scalar: Unicode.Scalar, range: Range<Int>, word: [Unicode.Scalar])? {
        let units = masked ?? StringText.masked(text, settings: settings)
        // Scalars are decoded from the masked units as far as the first word only (as
        // `String(decoding:as:)` would: an unpaired surrogate is one U+FFFD of one unit). Their
        // properties come from a table below U+0100 (`Latin1ScalarProperties`): reading the first
        // word's letters from the Unicode data was most of this rule's time.
        var offset = 0
        while let scalar = Self.scalar(in: units, at: offset) {
            if Latin1ScalarProperties.isNumeric(scalar) { return nil }
            // Afrikaans 'n is written in lower case while the noun after it takes the capital,
            // also after an opening bracket or quote: `('n Koei)`.
            if scalar == "'", Self.scalar(in: units, at: offset + 1) == "n", Self.scalar(in: units, at: offset + 2) == " " {
                offset += 3
                continue
            }
            if Latin1ScalarProperties.isAlphabetic(scalar) {
                // A placeholder before the first word (`%s öffnen`) makes it a sentence's middle.
                // Only a code that ends before the letter counts, so a string that starts with its
                // first word (most do) is not scanned for codes.
                if offset > 0, StringText.codeRanges(in: text, settings: settings).contains(where: { $0.upperBound <= offset && !$0.isEmpty }) { return nil }
                var word: [Unicode.Scalar] = []
                var cursor = offset
                while let next = Self.scalar(in: units, at: cursor), Latin1ScalarProperties.isAlphabetic(next) {
                    word.append(next)
                    cursor += next.utf16.count
                }
                return (scalar, offset..<(offset + scalar.utf16.count), word)
            }
            offset += scalar.utf16.count
        }
        return nil
    }

    /// The scalar at a UTF-16 offset, U+FFFD for an unpaired surrogate; `nil` at the end.
    static func scalar(in units: [UInt16], at offset: Int) -> Unicode.Scalar? {
        guard offset < units.count else { return nil }
        let unit = units[offset]
        if let scalar = Unicode.Scalar(unit) { return scalar }
        if unit < 0xDC00, offset + 1 < units.count, (0xDC00...0xDFFF).contains(units[offset + 1]),
           let scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[offset + 1]) - 0xDC00)) {
            return scalar
        }
        return "\u{FFFD}"
    }
}
