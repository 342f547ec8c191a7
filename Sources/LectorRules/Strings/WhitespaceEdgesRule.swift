import LectorText
import LectorFormats
import LectorGlossary

/// Spaces at the start or the end of the translation that the source has not, or the other way
/// round: such strings are joined to others in the program, and a lost space glues two words.
/// Languages written without spaces between words (Chinese, Japanese, Thai …) need no trailing one.
public struct WhitespaceEdgesRule: UnitRule {
    public static let description = RuleDescription(
        id: "whitespace.edges",
        name: "Leading or trailing space",
        summary: "The translation starts or ends with white space where the source does not, or lacks the source's.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "'I'm incorrect↓.", source: "A sentence. ", from: "en", to: "af"),
            RuleExample(unit: "↓ Datei speichern", source: "Save file", from: "en", to: "de"),
            RuleExample(unit: "↓Файлы:↓ ", source: " Files:", from: "en", to: "ru"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "I'm correct. ", source: "A sentence. ", from: "en", to: "af"),
            RuleExample(unit: "Probleem met iets: %s\n", source: "Problem with something: %s\n", from: "en", to: "af"),
            RuleExample(unit: "起始时间限制：", source: "Init. Limit: ", from: "en", to: "zh"),
            RuleExample(unit: " Dateien:", source: " Files:", from: "en", to: "de"),
            RuleExample(unit: "Fichier : ", source: "File: ", from: "en", to: "fr"),
        ]
    )

    public init() {}

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        let unspaced = StringText.unspacedLanguages.contains(context.targetPrimaryLanguage)
        var findings: [RuleFinding] = []
        // A finding needs white space at an edge of one side: without any, `leading` and
        // `trailing` are empty on both sides and nothing is found.
        guard Self.mayHaveEdgeSpace(pair.source) || Self.mayHaveEdgeSpace(pair.target) else { return [] }
        guard !pair.target.allSatisfy(\.isWhitespace) else { return [] }  // untranslated.blank's
        let sourceLeading = Self.leading(pair.source)
        let targetLeading = Self.leading(pair.target)
        if sourceLeading.isEmpty != targetLeading.isEmpty {
            findings.append(RuleFinding(range: pair.targetStartPoint, message: targetLeading.isEmpty
                ? "the source starts with a space, the translation does not" : "the translation starts with a space, the source does not"))
        }
        let sourceTrailing = Self.trailing(pair.source)
        let targetTrailing = Self.trailing(pair.target)
        if sourceTrailing.isEmpty != targetTrailing.isEmpty, !(unspaced && targetTrailing.isEmpty) {
            if targetTrailing.isEmpty {
                let end = PunctuationEndRule.lastVisibleEnd(pair.target)
                // Point at the last visible character, where the space should follow.
                let last = pair.target.utf16.count == 0 ? 0 : max(end - (pair.target.unicodeScalars.last { !$0.properties.isWhitespace }?.utf16.count ?? 0), 0)
                findings.append(RuleFinding(range: pair.range(last..<end), message: "the source ends with a space, the translation does not"))
            } else {
                findings.append(RuleFinding(range: pair.range(targetTrailing), message: "the translation ends with a space, the source does not"))
            }
        }
        return findings
    }

    /// Whether `leading` or `trailing` of the text may be non-empty, read off its first and last
    /// bytes: `false` when the text is empty, or its first byte is ASCII and no horizontal space
    /// (`leading` is empty) and its last byte is ASCII and neither a line break nor a horizontal
    /// space (`trailing` is empty). An edge that is not ASCII may be a no-break space.
    static func mayHaveEdgeSpace(_ text: String) -> Bool {
        guard let edges = text.utf8Edges else { return false }
        func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        return !(isPlain(edges.first) && isPlain(edges.last) && edges.last != 0x0A && edges.last != 0x0D)
    }

    /// Horizontal white space at the start (line breaks are `whitespace.newlines`'s).
    static func leading(_ text: String) -> Range<Int> {
        var end = 0
        for scalar in text.unicodeScalars {
            guard StringText.isHorizontalSpace(scalar) else { break }
            end += scalar.utf16.count
        }
        return 0..<end
    }

    /// Horizontal white space at the end, before any final line breaks.
    static func trailing(_ text: String) -> Range<Int> {
        var units = text.utf16.count
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last == "\n" || last == "\r" {
            units -= 1
            scalars.removeLast()
        }
        var start = units
        while let last = scalars.last, StringText.isHorizontalSpace(last) {
            start -= last.utf16.count
            scalars.removeLast()
        }
        return start..<units
    }
}
