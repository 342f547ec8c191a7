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

    /// The plan for `document`: which fixes apply, which were skipped and why, and the fixed text.
    ///
    /// Fixes are taken in order of position. A fix that overlaps one already taken is skipped,
    /// so the earlier one wins; a fix whose range no longer holds `finding.text` is skipped too,
    /// because replacing text the finding did not see could destroy something else.
    public func plan(_ document: SourceDocument, findings: [Finding]) -> FixPlan {
        let candidates = findings.enumerated()
            .filter { $0.element.isSafeFix && $0.element.suggestion != nil }
            // Position first; for equal positions keep the caller's order, so "first" is well defined.
            .sorted { ($0.element.location.utf16Offset, $0.offset) < ($1.element.location.utf16Offset, $1.offset) }
            .map(\.element)

        var applied: [TextReplacement] = []
        var skipped: [SkippedFix] = []
        for finding in candidates {
            guard let suggestion = finding.suggestion else { continue }
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
            applied.append(TextReplacement(finding: finding, range: range, replacement: suggestion))
        }
        return FixPlan(document: document, replacements: applied, skipped: skipped,
                       fixedText: Self.apply(applied, to: document.utf16))
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
