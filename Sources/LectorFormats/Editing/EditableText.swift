import Foundation
import LectorText

/// A file as `check` reads it and `fix` writes it: the document the rules see, the file's bytes,
/// and the runs of the document that stand verbatim in those bytes.
///
/// This is the whole protocol a format implements to be fixable: say which text is the
/// translation (the target side of a bilingual file, the prose of HTML or Markdown) and how a
/// replacement is escaped there. A fix is written only when its range lies inside one run; the
/// bytes outside the fixed ranges are never touched.
public struct EditableText: Sendable {
    /// What the rules check (for a bilingual file: its targets assembled one per line; for HTML and
    /// Markdown: the text with everything but prose masked).
    public let document: SourceDocument
    /// The file as read.
    public let original: [UInt8]
    /// Sorted by `text`, not overlapping.
    public let runs: [VerbatimRun]
    /// The file read as bilingual, when it is one (for checking the targets against their sources);
    /// for a String Catalog, its first translated language.
    public let bilingual: BilingualFile?
    /// A file of several languages (a String Catalog): one bilingual file per translated language,
    /// whose units are, one after the other, the lines of `document`. Each is checked with its own
    /// languages; `bilingual` alone would check only the first.
    public let languages: [BilingualFile]
    /// Why nothing in the file may be fixed, when that holds for the whole file (an XML file in
    /// another encoding than UTF-8, whose replacements would need re-encoding), for `fix` to say.
    public var unfixableReason: String?

    public init(document: SourceDocument, original: [UInt8], runs: [VerbatimRun], bilingual: BilingualFile? = nil,
                languages: [BilingualFile] = []) {
        self.document = document
        self.original = original
        self.runs = runs
        self.bilingual = bilingual
        self.languages = languages
    }

    /// The UTF-16 offset in `document` where each of `languages` starts.
    public var languageOffsets: [Int] {
        var offsets: [Int] = []
        var unit = 0
        for file in languages {
            offsets.append(unit < document.lineStarts.count ? document.lineStarts[unit] : document.utf16.count)
            unit += file.units.count
        }
        return offsets
    }

    /// A plain text file: all of it is checked and may be fixed (after a byte-order mark, if any).
    public static func plain(_ document: SourceDocument) -> EditableText {
        var original: [UInt8] = document.bomLength == 0 ? [] : [0xEF, 0xBB, 0xBF]
        original.append(contentsOf: document.text.utf8)
        return EditableText(document: document, original: original,
                            runs: [VerbatimRun(text: 0..<document.utf16.count, byteOffset: document.bomLength, escaping: .none)])
    }
}

extension EditableText {
    /// A bilingual file read with `mappingTargets`: the document is its targets one per line
    /// (`SourceDocument.assembled`, as `Checker.check(_: BilingualFile)` reads them), and only
    /// the targets' verbatim runs may change. Runs are cut at line breaks, which the assembled
    /// document turns into spaces.
    public static func bilingual(_ file: BilingualFile, original: [UInt8]) -> EditableText {
        // Located as `check` locates them, so fix names the same places.
        let file = file.targetsLocated ? file : file.locatingTargets(in: original)
        let document = SourceDocument.assembled(path: file.path, segments: file.units.map(\.target))
        var runs: [VerbatimRun] = []
        for (index, unit) in file.units.enumerated() {
            guard let target = unit.target, let segmentRuns = target.verbatimRuns else { continue }
            let start = document.lineStarts[index]
            let units = Array(target.text.utf16)
            for run in segmentRuns {
                var pieceStart = run.text.lowerBound
                var pieceByte = run.byteOffset
                var byte = run.byteOffset
                func cut(at end: Int) {
                    if end > pieceStart {
                        runs.append(VerbatimRun(text: (start + pieceStart)..<(start + end), byteOffset: pieceByte,
                                                escaping: run.escaping))
                    }
                }
                for position in run.text {
                    let unit = units[position]
                    let length = SourceDocument.utf8Length(of: unit)
                    if unit == 0x0A || unit == 0x0D || unit == 0x2028 {
                        cut(at: position)
                        pieceStart = position + 1
                        pieceByte = byte + length
                    }
                    byte += length
                }
                cut(at: run.text.upperBound)
            }
        }
        var text = EditableText(document: document, original: original, runs: runs, bilingual: file)
        if runs.isEmpty, file.units.contains(where: { $0.target != nil }), !XMLSegmentLocator.isUTF8(original) {
            text.unfixableReason = "the file is not UTF-8, and Lector writes fixes only into UTF-8 XML "
                + "(convert it with iconv -f ENCODING -t UTF-8 and declare encoding=\"UTF-8\" to have it fixed)"
        }
        return text
    }
}

/// A file format that `fix` can write back. A format names the translatable text and how a
/// replacement is escaped there (`EditableText`); `FixPlanner` does the rest.
public protocol EditableFormat {
    /// Reads `data` (the file at `path`) for checking and fixing.
    static func editableText(_ data: Data, path: String) throws(InputError) -> EditableText
}

// MARK: - The bilingual formats

/// A bilingual format is fixable by reading its targets with their verbatim runs.
protocol BilingualEditableFormat: EditableFormat {
    static func read(data: Data, name: String, mappingTargets: Bool) throws(InputError) -> BilingualFile
}

extension BilingualEditableFormat {
    public static func editableText(_ data: Data, path: String) throws(InputError) -> EditableText {
        .bilingual(try read(data: data, name: path, mappingTargets: true), original: [UInt8](data))
    }
}

extension XLIFFReader: BilingualEditableFormat {}
extension TMXReader: BilingualEditableFormat {}
extension POReader: BilingualEditableFormat {}
extension JSONLinesReader: BilingualEditableFormat {}
