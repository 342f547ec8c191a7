import LectorICU
import LectorText

/// Finds whether a range of a document lies in code embedded in the translation: a placeholder
/// (`{Kiev}`, `%(Kiev)s`, `${Kiev}`, `{{Kiev}}`, the argument of `{Kiev, select, …}`) or an inline
/// tag with its attributes (`<a href="/Kiev">`). Such text names a variable or a resource, not the
/// concept: a glossary term there is not flagged, and `fix` never rewrites it, since the
/// placeholder would no longer match the source's or the link would break.
///
/// Reads only the lines asked about, and only those holding a character a placeholder or a tag
/// starts with, so a document of prose costs one scan of each line that has a glossary match.
public struct EmbeddedCodeFinder {
    private let scanner: PlaceholderScanner
    private var line = -1
    private var spans: [Range<Int>] = []

    public init(syntaxes: Set<PlaceholderSyntax> = Set(PlaceholderSyntax.allCases)) {
        scanner = PlaceholderScanner(syntaxes: syntaxes)
    }

    /// Whether UTF-16 `range` of `document` overlaps a placeholder or an inline tag of its line.
    public mutating func overlapsCode(_ range: Range<Int>, in document: SourceDocument) -> Bool {
        guard !range.isEmpty, range.lowerBound < document.utf16.count else { return false }
        let index = Self.lineIndex(of: range.lowerBound, in: document.lineStarts)
        if index != line { read(line: index, of: document) }
        return spans.contains { $0.overlaps(range) }
    }

    private static func lineIndex(of offset: Int, in starts: [Int]) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private mutating func read(line index: Int, of document: SourceDocument) {
        line = index
        spans = []
        let units = document.utf16
        let start = document.lineStarts.isEmpty ? 0 : document.lineStarts[index]
        let end = index + 1 < document.lineStarts.count ? document.lineStarts[index + 1] : units.count
        let text = units[start..<end]
        guard Self.mayHaveCode(text) else { return }
        let scan = scanner.scanned(LectorICU.UTF16.decode(text))
        // MessageFormat's selectors (`kiev{` in `{city, select, kiev{…}}`) are keys the program
        // matches: renamed, the branch is never chosen again.
        spans += scan.syntax.map { (start + $0.lowerBound)..<(start + $0.upperBound) }
        for placeholder in scan.placeholders
        // `% S` (printf with the space flag) is also how "40 % Sloviansk" reads: prose, not code.
        // (A byte test: Foundation's `contains` compared by canonical equivalence, for a space.)
        where !(placeholder.syntax == .printf && UTF8Bytes.contains(placeholder.text, byte: 0x20)) {
            spans.append((start + placeholder.range.lowerBound)..<(start + placeholder.range.upperBound))
        }
        spans += Self.tags(in: text, offset: start)
    }

    /// Whether `text` has a unit that starts a placeholder (`%` `{` `$` `&` `@`) or a tag (`<`),
    /// looked for sixteen units a step (`UnitScan`), three marks at a time: tested unit by unit
    /// against all six, the lines of the glossary's matches took 700 instructions each (a news
    /// file's two documents: 15 M instructions).
    static func mayHaveCode(_ text: ArraySlice<UInt16>) -> Bool {
        text.withUnsafeBufferPointer { units in
            UnitScan.firstIndex(in: units, from: 0, ofAny: 0x25, 0x7B, 0x24) < units.count
                || UnitScan.firstIndex(in: units, from: 0, ofAny: 0x26, 0x40, 0x3C) < units.count
        }
    }

    /// `<name …>`, `</name>`, `<!…>` and `<?…>` within the line: a `<` followed by a letter, `/`,
    /// `!` or `?`, up to the first `>` before any other `<` (so `a < b > c` is prose).
    static func tags(in text: ArraySlice<UInt16>, offset: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == 0x3C, index + 1 < text.endIndex else {
                index += 1
                continue
            }
            let next = text[index + 1]
            let isLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A
            guard isLetter || next == 0x2F || next == 0x21 || next == 0x3F else {
                index += 1
                continue
            }
            var close = index + 1
            while close < text.endIndex, text[close] != 0x3E, text[close] != 0x3C { close += 1 }
            guard close < text.endIndex, text[close] == 0x3E else {
                index = close
                continue
            }
            result.append((offset + index - text.startIndex)..<(offset + close + 1 - text.startIndex))
            index = close + 1
        }
        return result
    }
}
