import Foundation

/// One substitution the planner will make: the finding it comes from and the UTF-16 range it replaces.
public struct TextReplacement: Sendable, Hashable {
    public let finding: Finding
    /// UTF-16 offsets into `SourceDocument.utf16`.
    public let range: Range<Int>
    public let replacement: String
}

/// A safe fix that was not applied, with the reason, so a front end can tell the user.
public struct SkippedFix: Sendable, Hashable {
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// Another fix that starts earlier covers part of the same text; it was applied instead.
        case overlaps(Finding)
        /// The text at the finding's range is not the text the finding reported.
        case textChanged
        /// The finding's range does not lie inside the document, or is empty.
        case rangeOutsideDocument
        /// The text is not written verbatim in the file: it crosses inline markup, an entity or an
        /// escape sequence, or lies outside the translatable text, so it cannot be replaced exactly.
        case notVerbatim
        /// The text is split across two quoted strings that the file joins (a PO string continued
        /// on the next line: `"Ki"` `"ev"`), so it is not written in one piece.
        case crossesStrings
        /// The replacement cannot be written in the file's format at that place (`EditableText`).
        case cannotEscape
        /// Nothing in this file may be fixed, for the reason given (`EditableText.unfixableReason`).
        case fileNotFixable(String)
        /// The text lies in code inside the translation: a placeholder, an inline tag or a URL.
        case embeddedCode

        public var description: String {
            switch self {
            case .overlaps(let other):
                "overlaps the fix of `\(other.text)` at \(other.location.line):\(other.location.column)"
            case .textChanged: "the text at its position has changed"
            case .rangeOutsideDocument: "its position is outside the file"
            case .notVerbatim: "its text is not written as is in the file (it crosses markup, an entity or an escape)"
            case .crossesStrings: "its text is split across two quoted strings in the file (a string continued on the next line)"
            case .cannotEscape: "the replacement cannot be written at that place in this file format"
            case .fileNotFixable(let reason): reason
            case .embeddedCode: "its text is part of a placeholder, a tag or a URL, which must stay as the source has it"
            }
        }
    }

    public let finding: Finding
    public let reason: Reason
}

/// The outcome of planning fixes for one file.
public struct FixPlan: Sendable {
    /// The file as checked and fixed.
    public let file: EditableText
    /// The substitutions made, in order of position (ranges in `document`).
    public let replacements: [TextReplacement]
    public let skipped: [SkippedFix]
    /// The checked document's text with every replacement made (without the byte-order mark, like
    /// `document.text`): for a bilingual file, its targets one per line.
    public let fixedText: String
    /// The file's bytes with every replacement written in, escaped as the format needs; every byte
    /// outside the replaced spans is the original's.
    public let fixedFileContents: Data

    public var document: SourceDocument { file.document }

    /// Whether the plan changes the file at all.
    public var changesText: Bool { !replacements.isEmpty }

    /// A unified diff from the file as read to the file as it would be written, headed with the
    /// document's path. Empty when nothing changes.
    public var unifiedDiff: UnifiedDiff {
        // Both sides are valid UTF-8: the original was read as such, and replacements are Swift strings.
        // A byte-order mark is part of the first line on disk, so `patch` sees it in the context too.
        UnifiedDiff(old: String(decoding: file.original, as: UTF8.self),
                    new: String(decoding: fixedFileContents, as: UTF8.self), path: document.path)
    }
}
