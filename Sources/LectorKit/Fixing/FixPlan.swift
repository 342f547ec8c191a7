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

        public var description: String {
            switch self {
            case .overlaps(let other):
                "overlaps the fix of `\(other.text)` at \(other.location.line):\(other.location.column)"
            case .textChanged: "the text at its position has changed"
            case .rangeOutsideDocument: "its position is outside the file"
            }
        }
    }

    public let finding: Finding
    public let reason: Reason
}

/// The outcome of planning fixes for one document.
public struct FixPlan: Sendable {
    public let document: SourceDocument
    /// The substitutions made, in order of position.
    public let replacements: [TextReplacement]
    public let skipped: [SkippedFix]
    /// The document's text with every replacement made (without the byte-order mark, like `document.text`).
    public let fixedText: String

    /// Whether the plan changes the file at all.
    public var changesText: Bool { !replacements.isEmpty }

    /// The bytes to write back: the fixed text as UTF-8, behind the original byte-order mark if
    /// the file had one, so that fixing never changes anything but the flagged words.
    public var fixedFileContents: Data {
        var data = Data(document.bomLength == 0 ? [] : Self.byteOrderMark)
        data.append(contentsOf: fixedText.utf8)
        return data
    }

    /// A unified diff from the file as read to the file as it would be written, headed with the
    /// document's path. Empty when nothing changes.
    public var unifiedDiff: UnifiedDiff {
        // The mark is part of the first line on disk, so `patch` must see it in the context too.
        let mark = document.bomLength == 0 ? "" : "\u{FEFF}"
        return UnifiedDiff(old: mark + document.text, new: mark + fixedText, path: document.path)
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
