import Foundation
import LectorICU
import LectorText

/// One class per punctuation mark, so that each language's own form of a mark compares equal to
/// the source's: `?` = `？` = `؟` = `՞`, `.` = `。` = `।` = `။` = `։`, `,` = `、` = `،`, `"` = `«` = `„` =
/// `「`, `...` = `…`. Nothing here is a table of marks: the class comes from Unicode (ICU's copy
/// of the Unicode Character Database):
///
/// 1. compatibility forms fold to their plain mark (NFKC: full-width `？`, small `﹐`, vertical
///    `︒`, `…` → `...`);
/// 2. `Quotation_Mark` is a quote, a dash (`Dash`, `Pd`) is `-`;
/// 3. a question, exclamation, semicolon, colon or comma mark is named so in Unicode (`ARABIC
///    QUESTION MARK`, `IDEOGRAPHIC COMMA`, `ETHIOPIC COLON`);
/// 4. any other `Sentence_Terminal` or `Terminal_Punctuation` ends a sentence: `.` (`DEVANAGARI
///    DANDA`, `KHMER SIGN KHAN`, `MYANMAR SIGN SECTION`).
///
/// Everything else (brackets, symbols, Spanish `¿` and `¡`) is its own class.
enum PunctuationClass {
    static func of(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII { return asciiClasses[Int(scalar.value)] }
        return cache.value(for: scalar) { classify(scalar) }
    }

    private static let cache = ProcessMemo<Unicode.Scalar, String>()

    /// A sign written with a number, as part of the quantity (`50 %`, `5 ‰`, `5 €`, `20°`): what a
    /// string ends with there is the number, not punctuation. From Unicode: currency symbols
    /// (`Sc`), and the percent, per-mille and degree signs in any of their forms (`％`, `٪`, `؉`, `℃`).
    static func isQuantitySign(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == "%" || scalar == "$" }
        return quantitySigns.value(for: scalar) {
            if scalar.properties.generalCategory == .currencySymbol { return true }
            let folded = String(scalar).precomposedStringWithCompatibilityMapping
            if folded.hasPrefix("%") || folded.hasPrefix("\u{B0}") { return true }
            let name = UnicodePunctuation.name(of: scalar)
            return name.hasSuffix("PERCENT SIGN") || name.hasSuffix("PER MILLE SIGN") || name.hasSuffix("PER TEN THOUSAND SIGN")
                || name == "DEGREE SIGN"
        }
    }

    private static let quantitySigns = ProcessMemo<Unicode.Scalar, Bool>()
    private static let asciiClasses: [String] = (0..<128).map { classify(Unicode.Scalar(UInt8($0))) }

    private static func classify(_ scalar: Unicode.Scalar) -> String {
        // The backtick opens a quotation in plain-text conventions (`` `quoted' ``), though
        // Unicode calls it an accent.
        if scalar == "`" { return "quote" }
        let folded = Array(String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars)
        if folded.count > 1, folded.allSatisfy({ $0 == "." }) { return String(repeating: ".", count: min(folded.count, 3)) }
        let mark = folded.count == 1 ? folded[0] : scalar
        if UnicodePunctuation.isQuotationMark(mark) { return "quote" }
        if UnicodePunctuation.isDash(mark), mark.properties.generalCategory == .dashPunctuation { return "-" }
        let category = mark.properties.generalCategory
        guard category == .otherPunctuation || UnicodePunctuation.isTerminalPunctuation(mark) else { return String(mark) }
        let name = UnicodePunctuation.name(of: mark)
        // `¿` and `¡` open a sentence; they are not the marks that end it.
        if !name.hasPrefix("INVERTED") {
            if name.hasSuffix("QUESTION MARK") { return "?" }
            if name.hasSuffix("EXCLAMATION MARK") { return "!" }
            if name.hasSuffix("SEMICOLON") { return ";" }
            if name.hasSuffix("COLON") { return ":" }
            if name.hasSuffix("COMMA") { return "," }
        }
        if UnicodePunctuation.isSentenceTerminal(mark) || UnicodePunctuation.isTerminalPunctuation(mark) { return "." }
        return String(mark)
    }

    /// The classes of the marks a language writes, from CLDR (`ExemplarPunctuation`); `nil` when
    /// ICU has no data for it. Read once per language.
    static func classes(writtenIn language: String) -> Set<String>? {
        languageLock.lock()
        defer { languageLock.unlock() }
        if let known = languageClasses[language] { return known }
        let classes: Set<String>?
        do {
            classes = Set(try ExemplarPunctuation(locale: language).scalars.map(of))
        } catch {
            // No data for a language: the checks then assume nothing about what it writes.
            classes = nil
        }
        languageClasses[language] = .some(classes)
        return classes
    }

    /// Languages that set `?`, `!`, `:` and `;` apart from the word before them (French, with a
    /// narrow no-break space).
    static let spacedBeforeMarks: Set<String> = ["fr"]

    /// The message for a final `?`, `!`, `:` or `;` that the translation sets apart from its last
    /// word with a space (`Wrong ?`) where the source does not and the language does not either.
    static func spaceBeforeFinalMark(_ language: String, source: (text: String, range: Range<Int>, classes: [String]),
                                     target: (text: String, range: Range<Int>, classes: [String])) -> String? {
        guard let mark = target.classes.first, ["?", "!", ":", ";"].contains(mark), !spacedBeforeMarks.contains(language),
              hasSpace(before: target.range.lowerBound, in: target.text), !hasSpace(before: source.range.lowerBound, in: source.text)
        else { return nil }
        return "a space before the final `\(mark)`, which the source does not have"
    }

    private static func hasSpace(before offset: Int, in text: String) -> Bool {
        let units = Array(text.utf16)
        guard offset > 0, offset <= units.count, let scalar = Unicode.Scalar(units[offset - 1]) else { return false }
        // Only when a word stands before the space: a mark alone after white space is no sentence end.
        return StringText.isHorizontalSpace(scalar) && units[..<(offset - 1)].contains { unit in
            Unicode.Scalar(unit).map { !$0.properties.isWhitespace } ?? true
        }
    }

    /// Whether the language opens questions and exclamations with `¿` and `¡` (Spanish, Galician,
    /// Asturian, Catalan in CLDR).
    static func writesInvertedMarks(_ language: String) -> Bool {
        guard let written = classes(writtenIn: language) else { return false }
        return written.contains("¿") || written.contains("¡")
    }

    /// Whether a translation may end otherwise than its source because its language does not
    /// write the source's final mark at all (CLDR): Greek asks with `;` and has no `?`, Thai and
    /// Burmese questions end without one. The translation may then end with a sentence mark of
    /// its own or none.
    static func languageLacksFinalMark(_ language: String, source: [String], target: [String]) -> Bool {
        guard let last = source.last, let written = classes(writtenIn: language), !written.contains(last) else { return false }
        var target = target
        if let end = target.last, [".", "?", "!", ";"].contains(end) { target.removeLast() }
        return Array(source.dropLast()) == target
    }

    private static let languageLock = NSLock()
    nonisolated(unsafe) private static var languageClasses: [String: Set<String>?] = [:]
}
