import Foundation

/// Decides which findings of one document may be applied, and applies them to its text.
///
/// Only findings with `isSafeFix` and a `suggestion` are applied: those are glossary substitutions
/// whose replacement a human would make without thinking. Anything that needs judgement (a garbled
/// sentence, an inconsistent spelling where either choice may be right) is left to the reader.
///
/// The planner works on the document's UTF-16 buffer with the findings' `utf16Offset`s, the same
/// unit the matcher located them in, so no column arithmetic can drift on multibyte text.
public struct FixPlanner: Sendable {
    public init() {}

    /// The plan for a plain text document (all of it may be fixed).
    public func plan(_ document: SourceDocument, findings: [Finding]) -> FixPlan {
        plan(EditableText.plain(document), findings: findings)
    }

    /// The plan for a file: which fixes apply, which were skipped and why, the fixed text and the
    /// fixed file.
    ///
    /// Fixes are taken in order of position. A fix that overlaps one already taken is skipped,
    /// so the earlier one wins; a fix whose range no longer holds `finding.text` is skipped too,
    /// because replacing text the finding did not see could destroy something else. A fix is
    /// written into the file only when its range lies inside one verbatim run of `file` and the
    /// file's bytes there are the finding's text; its replacement is escaped as the run says.
    public func plan(_ file: EditableText, findings: [Finding]) -> FixPlan {
        let document = file.document
        let candidates = findings.enumerated()
            .filter { $0.element.isSafeFix && $0.element.suggestion != nil }
            // Position first; for equal positions keep the caller's order, so "first" is well defined.
            .sorted { ($0.element.location.utf16Offset, $0.offset) < ($1.element.location.utf16Offset, $1.offset) }
            .map(\.element)

        var applied: [TextReplacement] = []
        var edits: [(bytes: Range<Int>, text: String)] = []
        var skipped: [SkippedFix] = []
        var cursor = RunCursor(file: file)
        var code = EmbeddedCodeFinder()
        var links = PlainText.LinkFinder()
        for finding in candidates {
            guard let suggestion = finding.suggestion else { continue }
            if let reason = file.unfixableReason {
                skipped.append(SkippedFix(finding: finding, reason: .fileNotFixable(reason)))
                continue
            }
            let start = finding.location.utf16Offset
            let end = finding.endLocation.utf16Offset
            guard start >= 0, start < end, end <= document.utf16.count else {
                skipped.append(SkippedFix(finding: finding, reason: .rangeOutsideDocument))
                continue
            }
            if let last = applied.last, start < last.range.upperBound {
                skipped.append(SkippedFix(finding: finding, reason: .overlaps(last.finding)))
                continue
            }
            let range = start..<end
            // Code units, not `==`: String equality is canonical equivalence, and a fix must
            // replace exactly the bytes the finding saw.
            guard document.utf16[range].elementsEqual(finding.text.utf16) else {
                skipped.append(SkippedFix(finding: finding, reason: .textChanged))
                continue
            }
            // Replacing a word by itself is no fix; leaving it out keeps the count honest.
            if suggestion.utf16.elementsEqual(finding.text.utf16) { continue }
            // `check` does not report terms there; this holds for findings from anywhere else.
            if code.overlapsCode(range, in: document) || links.overlapsLink(range, in: document.utf16) {
                skipped.append(SkippedFix(finding: finding, reason: .embeddedCode))
                continue
            }
            guard let mapped = cursor.bytes(of: range),
                  file.original[mapped.bytes].elementsEqual(finding.text.utf8) else {
                skipped.append(SkippedFix(finding: finding, reason: file.unfixableReason.map(SkippedFix.Reason.fileNotFixable)
                    ?? (Self.crossesQuotedStrings(range, in: file) ? .crossesStrings : .notVerbatim)))
                continue
            }
            guard let escaped = mapped.escaping.escape(suggestion) else {
                skipped.append(SkippedFix(finding: finding, reason: .cannotEscape))
                continue
            }
            applied.append(TextReplacement(finding: finding, range: range, replacement: suggestion))
            edits.append((mapped.bytes, escaped))
        }
        var contents = Data()
        contents.reserveCapacity(file.original.count)
        var copiedUpTo = 0
        // Document order is not always byte order: a String Catalog's languages are one after the
        // other in the document and interleaved in the file.
        for edit in edits.sorted(by: { $0.bytes.lowerBound < $1.bytes.lowerBound }) {
            contents.append(contentsOf: file.original[copiedUpTo..<edit.bytes.lowerBound])
            contents.append(contentsOf: edit.text.utf8)
            copiedUpTo = edit.bytes.upperBound
        }
        contents.append(contentsOf: file.original[copiedUpTo...])
        return FixPlan(file: file, replacements: applied, skipped: skipped,
                       fixedText: Self.apply(applied, to: document.utf16), fixedFileContents: contents)
    }

    /// Walks the runs of a file forward, counting UTF-8 bytes as it goes, so that mapping every
    /// fix of a document costs one pass over it whatever the number of fixes.
    private struct RunCursor {
        let file: EditableText
        var run = 0
        /// A UTF-16 offset in the current run, and the byte offset in the file where it stands.
        var unit = 0
        var byte = 0

        init(file: EditableText) {
            self.file = file
            if let first = file.runs.first {
                unit = first.text.lowerBound
                byte = first.byteOffset
            }
        }

        /// The file bytes of a document range (ranges asked in increasing order), or `nil` when it
        /// does not lie inside one run.
        mutating func bytes(of range: Range<Int>) -> (bytes: Range<Int>, escaping: ReplacementEscaping)? {
            let runs = file.runs
            while run < runs.count, runs[run].text.upperBound <= range.lowerBound {
                run += 1
                if run < runs.count {
                    unit = runs[run].text.lowerBound
                    byte = runs[run].byteOffset
                }
            }
            guard run < runs.count, runs[run].text.lowerBound <= range.lowerBound,
                  range.upperBound <= runs[run].text.upperBound else { return nil }
            if unit > range.lowerBound {
                // Only after a fix was refused past its mapping; start the run again.
                unit = runs[run].text.lowerBound
                byte = runs[run].byteOffset
            }
            let units = file.document.utf16
            advance(to: range.lowerBound, in: units)
            let start = byte
            advance(to: range.upperBound, in: units)
            return (start..<byte, runs[run].escaping)
        }

        private mutating func advance(to offset: Int, in units: [UInt16]) {
            while unit < offset {
                byte += SourceDocument.utf8Length(of: units[unit])
                unit += 1
            }
        }
    }

    /// Whether `range` runs from one verbatim run into the next where nothing of the text lies
    /// between them and the file only closes one quoted string and opens the next (`"Ki"` then
    /// `"ev"` on the next line, as PO continues a string): the text is whole, the file splits it.
    /// Only asked of a fix already refused, so the runs are searched from the start.
    static func crossesQuotedStrings(_ range: Range<Int>, in file: EditableText) -> Bool {
        let runs = file.runs
        let units = file.document.utf16
        guard var index = runs.firstIndex(where: { $0.text.contains(range.lowerBound) }) else { return false }
        let first = index
        while runs[index].text.upperBound < range.upperBound {
            let next = index + 1
            guard next < runs.count, runs[next].text.lowerBound == runs[index].text.upperBound else { return false }
            let end = runs[index].byteOffset + runs[index].text.reduce(0) { $0 + SourceDocument.utf8Length(of: units[$1]) }
            guard end + 2 <= runs[next].byteOffset, runs[next].byteOffset <= file.original.count else { return false }
            let gap = file.original[end..<runs[next].byteOffset]
            let quote = UInt8(ascii: "\"")
            guard gap.first == quote, gap.last == quote,
                  gap.dropFirst().dropLast().allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
            index = next
        }
        return index != first
    }

    /// `units` with every replacement made; the replacements are sorted and do not overlap.
    static func apply(_ replacements: [TextReplacement], to units: [UInt16]) -> String {
        var fixed: [UInt16] = []
        fixed.reserveCapacity(units.count)
        var copiedUpTo = 0
        for replacement in replacements {
            fixed.append(contentsOf: units[copiedUpTo..<replacement.range.lowerBound])
            fixed.append(contentsOf: replacement.replacement.utf16)
            copiedUpTo = replacement.range.upperBound
        }
        fixed.append(contentsOf: units[copiedUpTo...])
        return String(decoding: fixed, as: Unicode.UTF16.self)
    }
}
