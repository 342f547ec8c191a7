import LectorText
import LectorFormats
import LectorGlossary

/// The punctuation a string starts or ends with, with placeholders, tags, accelerators and white
/// space set aside, each mark reduced to its class (`StringText.punctuationClass`) so that a
/// language's own forms compare equal: `?` = `？` = `؟`, `"` = `«` = `„`, `...` = `…`.
enum PunctuationEdge {
    /// Classes that move with the words they hold. A `switch` compares the few short strings by
    /// their bytes, where a `Set` would hash each class of every edge of every string.
    static func isMovable(_ cls: String) -> Bool {
        switch cls {
        case "quote", "(", ")", "[", "]", "{", "}": return true
        default: return false
        }
    }

    /// The full stops each class of the ellipsis family counts.
    private static func dots(_ cls: String) -> Int? {
        switch cls {
        case ".": return 1
        case "..": return 2
        case "...": return 3
        default: return nil
        }
    }

    /// Leading (`atStart`) or trailing punctuation: its classes in reading order and the UTF-16
    /// range it covers in the string.
    static func run(of text: String, atStart: Bool, settings: StringCheckSettings,
                    masked: [UInt16]? = nil) -> (classes: [String], range: Range<Int>) {
        let masked = masked ?? StringText.masked(text, settings: settings)
        // The masked text keeps every offset, so it has the text's UTF-16 length, which counting
        // the UTF-16 view of a non-ASCII string would find by reading all of it.
        let length = masked.count
        var classes: [String] = []
        var lower = atStart ? 0 : length
        var upper = atStart ? 0 : length
        var started = false
        // Scalars of the masked text are decoded from the edge inward, and the walk stops at the
        // first character that ends the run: decoding the whole string for a run of a mark or
        // two was most of the time of the edge checks. A masked code is a space and so ends nothing.
        var edge = EdgeScalars(masked, fromStart: atStart)
        // Made only for a space at the edge, which is rare: most strings end with a letter or a mark.
        var placeholders: [Range<Int>]?
        let asciiMarks = StringText.asciiPunctuationOrSymbol
        while let (scalar, range) = edge.next() {
            if StringText.isInvisible(scalar) { continue }
            // A placeholder at the edge is the edge: `(%d/%d` ends with a number, not with `/`.
            // (A tag is not: `<b>Save!</b>` ends with `!`.)
            if !started, scalar == " " {
                // Placeholders only: MessageFormat's closing braces hold the branches' own marks.
                if placeholders == nil {
                    placeholders = PlaceholderScanner(syntaxes: settings.placeholderSyntaxes).placeholders(in: text).map(\.range)
                }
                if placeholders!.contains(where: { $0.contains(range.lowerBound) }) { break }
            }
            // White space before the run is skipped; inside it, it ends the run (a masked
            // placeholder is white space too: `'%1$S'.` ends with `.` alone).
            if Latin1ScalarProperties.isWhitespace(scalar) { if started { break } else { continue } }
            guard scalar.isASCII ? asciiMarks[Int(scalar.value)] : StringText.isPunctuationOrSymbol(scalar) else { break }
            // A percent or currency sign belongs to its number: `完成 %d%%` and `6,7 %.` end
            // with a number (and `.`), not with `%`.
            if PunctuationClass.isQuantitySign(scalar) { break }
            let cls = StringText.punctuationClass(scalar)
            // "..." is one mark, like "…", and so is any longer run of them: Chinese and Japanese
            // write the ellipsis as two (`……`).
            if let dots = Self.dots(cls), let last = classes.last, let before = Self.dots(last) {
                classes[classes.count - 1] = dots + before >= 3 ? "..." : ".."
            } else {
                classes.append(cls)
            }
            if !started {
                lower = range.lowerBound
                upper = range.upperBound
                started = true
            } else {
                lower = min(lower, range.lowerBound)
                upper = max(upper, range.upperBound)
            }
        }
        // Most strings end (and start) with a letter.
        if classes.isEmpty { return (classes, lower..<upper) }
        if !atStart { classes.reverse() }
        // Quotation marks and brackets move with the words they hold when a translation reorders
        // them (`negated '%1$S'.` → `'%1$S' ontken word nie.`): they are not compared.
        classes.removeAll { Self.isMovable($0) }
        for index in classes.indices where classes[index] == ".." { classes[index] = "." }
        return (classes, lower..<upper)
    }
}

/// Punctuation at the start of the translation that differs from the source's: `<< Previous`
/// → `Correct`, `Question` → `…Wrong`. Spanish and Asturian/Galician `¿` and `¡` before a question
/// or exclamation are the language's own, and so are other languages' quotation marks.
public struct PunctuationStartRule: UnitRule {
    public static let description = RuleDescription(
        id: "punctuation.start",
        name: "Start punctuation",
        summary: "The translation starts with other punctuation than the source (quotation marks of the language, Spanish `¿`/`¡` accepted).",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample(unit: "↓Weiter", source: "<< Previous", from: "en", to: "de"),
            RuleExample(unit: "↓…Неверно", source: "Question", from: "en", to: "ru"),
            RuleExample(unit: "↓- Suivant", source: "Next", from: "en", to: "fr"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "<< Zurück", source: "<< Previous", from: "en", to: "de"),
            RuleExample(unit: "¿Quiere recargar el archivo?", source: "Do you want to reload the file?", from: "en", to: "es"),
            RuleExample(unit: "«Сохранить» недоступно", source: "\"Save\" is unavailable", from: "en", to: "ru"),
            RuleExample(unit: "world <fish>hello</fish>", source: "<fish>hello</fish> world", from: "en", to: "af"),
            RuleExample(unit: "%s Dateien", source: "%s files", from: "en", to: "de"),
        ]
    )

    public init() {}

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        let language = context.targetPrimaryLanguage
        var findings: [RuleFinding] = []
        let source = PunctuationEdge.run(of: pair.source, atStart: true, settings: context.strings,
                                                masked: pair.maskedSource(settings: context.strings))
        var target = PunctuationEdge.run(of: pair.target, atStart: true, settings: context.strings,
                                                masked: pair.maskedTarget(settings: context.strings))
        // The language's marks are looked up (behind a lock) only for a translation that has one.
        if target.classes.contains(where: { $0 == "¿" || $0 == "¡" }), PunctuationClass.writesInvertedMarks(language) {
            target.classes.removeAll { $0 == "¿" || $0 == "¡" }
        }
        guard source.classes != target.classes else { return [] }
        // A source with no letters at all ("...") is not a sentence to compare.
        guard pair.source.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return [] }
        let expected = source.classes.isEmpty ? "no punctuation" : "`\(source.classes.joined())`"
        findings.append(RuleFinding(range: target.classes.isEmpty ? pair.targetStartPoint : pair.range(target.range),
                                    message: "the translation starts with \(target.classes.isEmpty ? "no punctuation" : "`\(target.classes.joined())`"), the source with \(expected)"))
        return findings
    }
}

/// Punctuation at the end of the translation that differs from the source's: a question turned
/// into a statement, a colon lost. Each language's own marks are accepted (`。`, `？`, `؟`, `।`,
/// `។`: `PunctuationClass`, from Unicode), and a mark the language does not write at all (CLDR
/// through ICU: Greek asks with `;`, Thai without `?`) is not asked for; so is French and Swiss
/// spacing before `:;?!`, and a missing full stop in Thai, Lao, Khmer and Burmese, which do not
/// end sentences with one.
public struct PunctuationEndRule: UnitRule {
    public static let description = RuleDescription(
        id: "punctuation.end",
        name: "End punctuation",
        summary: "The translation ends with other punctuation than the source (the language's own marks and spacing accepted).",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample(unit: "Phuma esimeni sekugucula kubhalisa↓.\n\n", source: "Exit change recording mode?\n\n", from: "en", to: "zu"),
            RuleExample(unit: "Datei speichern↓", source: "Save the file:", from: "en", to: "de"),
            RuleExample(unit: "Вы уверены↓.", source: "Are you sure?", from: "en", to: "ru"),
            RuleExample(unit: "क्या आप निश्चित हैं↓।", source: "Are you sure?", from: "en", to: "hi"),
            RuleExample(unit: "ファイルを保存しました↓？", source: "File saved.", from: "en", to: "ja"),
            RuleExample(unit: "Wrong ↓?", source: " Question?", from: "en", to: "af"),
            RuleExample(unit: "Wrong↓…", source: "Question", from: "en", to: "af"),
            RuleExample(unit: "Gespeichert in %s↓.", source: "Saved to %s", from: "en", to: "de"),
            RuleExample(unit: "{n, plural, one{# Datei löschen} other{# Dateien löschen↓.}}",
                        source: "{n, plural, one{Delete # file?} other{Delete # files?}}", from: "en", to: "de"),
            // A percent sign is not punctuation, and the full stop after it still counts.
            RuleExample(unit: "完成 %d%%↓。", source: "%d%% done", from: "en", to: "zh"),
            RuleExample(unit: "Rabatt 6,7 %↓", source: "Discount 6.7%.", from: "en", to: "de"),
            RuleExample(unit: "正在加载↓。", source: "Loading...", from: "en", to: "zh"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "En-tête :", source: "Header:", from: "en", to: "fr"),
            RuleExample(unit: "En-tête\u{00A0}:", source: "Header:", from: "en", to: "fr"),
            RuleExample(unit: "要啟用戶口，請瀏覽這個鏈結：\n", source: "To activate your account, follow this link:\n", from: "en", to: "zh"),
            RuleExample(unit: "Bạn có muốn xoá hộp thoại XX không?", source: "Do you want to delete the XX dialog?", from: "en", to: "vi"),
            RuleExample(unit: "Вы уверены?", source: "Are you sure?", from: "en", to: "ru"),
            RuleExample(unit: "ファイルを保存しますか？", source: "Save the file?", from: "en", to: "ja"),
            RuleExample(unit: "Είστε σίγουροι;", source: "Are you sure?", from: "en", to: "el"),
            RuleExample(unit: "Pseudo-elemente kan nie '%1$S' ontken word nie.", source: "Pseudo-elements can't be negated '%1$S'.", from: "en", to: "af"),
            RuleExample(unit: "Laden...", source: "Loading…", from: "en", to: "de"),
            RuleExample(unit: "क्या आप निश्चित हैं?", source: "Are you sure?", from: "en", to: "hi"),
            RuleExample(unit: "फ़ाइल सहेजी गई।", source: "File saved.", from: "en", to: "hi"),
            RuleExample(unit: "هل أنت متأكد؟", source: "Are you sure?", from: "en", to: "ar"),
            RuleExample(unit: "ፋይሉ ተቀምጧል።", source: "File saved.", from: "en", to: "am"),
            RuleExample(unit: "คุณแน่ใจหรือไม่", source: "Are you sure?", from: "en", to: "th"),
            // Placeholders are not punctuation: both end with a number.
            RuleExample(unit: "Seite (%d/%d", source: "Page (%d/%d)", from: "en", to: "de"),
            RuleExample(unit: "Gesamt %d", source: "Total: %d", from: "en", to: "de"),
            RuleExample(unit: "{n, plural, one{# Datei löschen?} other{# Dateien löschen?}}",
                        source: "{n, plural, one{Delete # file?} other{Delete # files?}}", from: "en", to: "de"),
            // The Chinese and Japanese ellipsis is two `…`.
            RuleExample(unit: "加载中……", source: "Loading...", from: "en", to: "zh"),
            RuleExample(unit: "読み込み中……", source: "Loading…", from: "en", to: "ja"),
            // Signs of a quantity are not punctuation: `%`, `%%` (printf's percent sign), `€`.
            RuleExample(unit: "完成 %d%%", source: "%d%% done", from: "en", to: "zh"),
            RuleExample(unit: "Büyüme %6,7 oldu.", source: "Growth was 6.7%.", from: "en", to: "tr"),
            RuleExample(unit: "Prix : 5 €", source: "Price: €5", from: "en", to: "fr"),
        ]
    )

    public init() {}

    static let unpunctuatedLanguages: Set<String> = ["th", "lo", "km", "my"]

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        let language = context.targetPrimaryLanguage
        var findings: [RuleFinding] = []
        let source = PunctuationEdge.run(of: pair.source, atStart: false, settings: context.strings,
                                                masked: pair.maskedSource(settings: context.strings))
        let target = PunctuationEdge.run(of: pair.target, atStart: false, settings: context.strings,
                                                masked: pair.maskedTarget(settings: context.strings))
        guard source.classes != target.classes else {
            return PunctuationClass.spaceBeforeFinalMark(language, source: (pair.source, source.range, source.classes),
                                                         target: (pair.target, target.range, target.classes)).map {
                [RuleFinding(range: pair.range(target.range), message: $0)]
            } ?? []
        }
        if PunctuationClass.languageLacksFinalMark(language, source: source.classes, target: target.classes) { return [] }
        if Self.unpunctuatedLanguages.contains(language), source.classes == ["."], target.classes.isEmpty { return [] }
        // A closing quotation mark or bracket may move inside or outside the full stop.
        if Set(source.classes) == Set(target.classes), source.classes.count == target.classes.count { return [] }
        guard pair.source.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return [] }
        let range: Range<Int>
        if target.classes.isEmpty {
            let end = Self.lastVisibleEnd(pair.target)
            range = pair.range(end..<end)
        } else {
            range = pair.range(target.range)
        }
        let have = target.classes.isEmpty ? "no punctuation" : "`\(target.classes.joined())`"
        let want = source.classes.isEmpty ? "no punctuation" : "`\(source.classes.joined())`"
        findings.append(RuleFinding(range: range, message: "the translation ends with \(have), the source with \(want)"))
        return findings
    }

    /// The UTF-16 offset just after the last character that is not white space.
    static func lastVisibleEnd(_ text: String) -> Int {
        var end = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            offset += scalar.utf16.count
            if !scalar.properties.isWhitespace { end = offset }
        }
        return end
    }
}

/// The scalars of UTF-16 code units from one end, with their ranges: what
/// `String(decoding:as:).unicodeScalars` gives, an unpaired surrogate read as U+FFFD, in reverse
/// order when walking from the end.
private struct EdgeScalars: IteratorProtocol {
    private let units: [UInt16]
    private let fromStart: Bool
    /// The next unit to read: from the start, its index; from the end, one past it.
    private var cursor: Int

    init(_ units: [UInt16], fromStart: Bool) {
        self.units = units
        self.fromStart = fromStart
        cursor = fromStart ? 0 : units.count
    }

    private static func isHigh(_ unit: UInt16) -> Bool { unit & 0xFC00 == 0xD800 }
    private static func isLow(_ unit: UInt16) -> Bool { unit & 0xFC00 == 0xDC00 }

    mutating func next() -> (Unicode.Scalar, Range<Int>)? {
        if fromStart {
            guard cursor < units.count else { return nil }
            let start = cursor, unit = units[start]
            if Self.isHigh(unit), start + 1 < units.count, Self.isLow(units[start + 1]) {
                cursor += 2
                return (Self.pair(unit, units[start + 1]), start..<cursor)
            }
            cursor += 1
            return (Unicode.Scalar(unit) ?? "\u{FFFD}", start..<cursor)
        }
        guard cursor > 0 else { return nil }
        let end = cursor, unit = units[end - 1]
        if Self.isLow(unit), end >= 2, Self.isHigh(units[end - 2]) {
            cursor -= 2
            return (Self.pair(units[end - 2], unit), cursor..<end)
        }
        cursor -= 1
        return (Unicode.Scalar(unit) ?? "\u{FFFD}", cursor..<end)
    }

    private static func pair(_ high: UInt16, _ low: UInt16) -> Unicode.Scalar {
        // A high surrogate followed by a low one always makes a valid scalar.
        Unicode.Scalar(0x10000 + (UInt32(high & 0x3FF) << 10) + UInt32(low & 0x3FF))!
    }
}
