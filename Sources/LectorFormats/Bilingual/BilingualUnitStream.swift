import Foundation
import LectorText

/// The units of a bilingual file read a batch at a time from the file, so that a large file is
/// checked without ever holding all its units (`LintSession.checkBilingualStream`). The units,
/// languages and errors are those the whole-file reader (`BilingualFileLoader.load`) gives for the
/// same bytes, the same error for the same malformed file.
public protocol BilingualUnitStream: AnyObject {
    /// The file's languages, as the whole-file reader gives them. Final only once `next` has
    /// returned `nil`: in JSON Lines the first record that names a language wins, wherever it is.
    var sourceLanguage: String? { get }
    var targetLanguage: String? { get }
    /// `BilingualFile.pluralFormCount` (no streamed format declares one).
    var pluralFormCount: Int? { get }
    /// `BilingualFile.format`.
    var format: String? { get }
    /// The next units in file order (at least one), or `nil` when the file has no more.
    func next() throws(InputError) -> [BilingualUnit]?
}

extension BilingualFileLoader {
    /// Whether `unitStream` reads this format (by the path's extension).
    public static func isStreamable(path: String) -> Bool {
        switch Format(path: path) {
        case .jsonLines?, .xliff?, .tmx?: true
        default: false
        }
    }

    /// A stream over a JSON Lines, XLIFF or TMX file; `nil` for the other formats and for a file
    /// that is not a regular file that can be opened, which the whole-file reader reads (or says
    /// why it cannot).
    public static func unitStream(path: String) -> (any BilingualUnitStream)? {
        switch Format(path: path) {
        case .jsonLines: FileBlocks(path: path).map { JSONLinesUnitStream(path: path, file: $0) }
        case .xliff: FileBlocks(path: path).map { XMLUnitStream(builder: XLIFFBuilder(file: path), format: "xliff", vocabulary: { $0.vocabulary }, file: $0) }
        case .tmx: FileBlocks(path: path).map { XMLUnitStream(builder: TMXBuilder(file: path), format: nil, vocabulary: { _ in .tmx }, file: $0) }
        default: nil
        }
    }
}

/// A regular file read from its start in blocks of `XMLStreamParser.chunkSize` bytes with `read`:
/// a file cut short while it is read ends early, it never faults.
final class FileBlocks {
    static let blockSize = 1 << 20
    let path: String
    private let descriptor: Int32

    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return nil
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The next block, full unless the file ends within it; empty at the end.
    func next() throws(InputError) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        var filled = 0
        while filled < block.count {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, message: "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            filled += count
        }
        block.removeLast(block.count - filled)
        return block
    }
}

/// JSON Lines as `JSONLinesReader.read(contentsOf:)` reads it, a block at a time: lines end at
/// `\n`, `\r\n` or a lone `\r` (as in `SourceDocument`), a leading byte-order mark is skipped,
/// invalid UTF-8 anywhere in the file is the error (at its line counted in `\n`s) even after a
/// malformed record, which is otherwise the first error.
final class JSONLinesUnitStream: BilingualUnitStream {
    let path: String
    private let file: FileBlocks
    private(set) var sourceLanguage: String?
    private(set) var targetLanguage: String?
    var pluralFormCount: Int? { nil }
    var format: String? { "jsonl" }

    private var buffer: [UInt8] = []
    private var start = 0
    /// The file offset of `buffer[0]`, and of the line `nextLine` returned last.
    private var bufferOffset = 0
    private var lineByteOffset = 0
    private var ended = false
    private var atFileStart = true
    /// Lines as `SourceDocument` counts them, and `\n`s alone (`SourceDocument.firstInvalidLine`).
    private var line = 0
    private var newlines = 0
    private var newlinesBefore = 0
    /// The first malformed record: thrown at the end, unless a byte that is not UTF-8 comes after it.
    private var malformed: InputError?

    /// Records per call to `next`.
    static let batch = 256

    init(path: String, file: FileBlocks) {
        self.path = path
        self.file = file
    }

    func next() throws(InputError) -> [BilingualUnit]? {
        var units: [BilingualUnit] = []
        while units.count < Self.batch {
            guard let bytes = try nextLine() else { break }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InputError(file: path, line: newlinesBefore + 1, message: "the file is not valid UTF-8")
            }
            guard malformed == nil else { continue }
            do {
                guard let record = try JSONLinesReader.record(text, line: line, path: path, mappingTargetAt: lineByteOffset)
                else { continue }
                if sourceLanguage == nil { sourceLanguage = record.sourceLanguage }
                if targetLanguage == nil { targetLanguage = record.targetLanguage }
                units.append(record.unit)
            } catch {
                malformed = error
            }
        }
        if units.isEmpty, let malformed { throw malformed }
        return units.isEmpty ? nil : units
    }

    /// The next line without its line break; `line` and `newlines` count it.
    private func nextLine() throws(InputError) -> ArraySlice<UInt8>? {
        while true {
            if atFileStart {
                // The byte-order mark is decided on the first three bytes.
                if buffer.count < 3, !ended {
                    try fill()
                    continue
                }
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
                atFileStart = false
            }
            var index = start
            while index < buffer.count, buffer[index] != 0x0A, buffer[index] != 0x0D { index += 1 }
            if index < buffer.count {
                if buffer[index] == 0x0D, index + 1 == buffer.count, !ended {
                    // A `\r` at the end of what was read may be the first half of `\r\n`.
                    try fill()
                    continue
                }
                let text = buffer[start..<index]
                lineByteOffset = bufferOffset + start
                var next = index + 1
                if buffer[index] == 0x0D, next < buffer.count, buffer[next] == 0x0A { next += 1 }
                newlinesBefore = newlines
                if buffer[next - 1] == 0x0A { newlines += 1 }
                line += 1
                start = next
                return text
            }
            if ended {
                // The last line, without a line break; the file's empty last line gives nothing.
                guard start < buffer.count else { return nil }
                let text = buffer[start...]
                lineByteOffset = bufferOffset + start
                start = buffer.count
                newlinesBefore = newlines
                line += 1
                return text
            }
            try fill()
        }
    }

    private func fill() throws(InputError) {
        if start > 0 {
            buffer.removeFirst(start)
            bufferOffset += start
            start = 0
        }
        let block = try file.next()
        if block.isEmpty { ended = true } else { buffer += block }
    }
}

/// What the XML readers of bilingual files build: units as their elements close, and the file's
/// languages.
protocol XMLUnitBuilder: XMLDocumentHandler {
    var file: String { get }
    var units: [BilingualUnit] { get set }
    var sourceLanguage: String? { get }
    var targetLanguage: String? { get }
}

extension XLIFFBuilder: XMLUnitBuilder {}
extension TMXBuilder: XMLUnitBuilder {}

/// XLIFF or TMX as `XLIFFReader`/`TMXReader.read(contentsOf:)` read it: the same parser and
/// handler, fed the file a block at a time (the pieces the whole-file reader feeds), the units
/// handed out as they close. Every refusal of the XML reader (entity declarations, undeclared
/// entities, libxml2's limits) stays, as it is the same parser.
final class XMLUnitStream<Builder: XMLUnitBuilder>: BilingualUnitStream {
    private let builder: Builder
    private let walk: IncrementalXMLWalk<Builder>
    private let file: FileBlocks
    private var finished = false
    /// Where the targets stand in the file, as the whole-file reader locates them.
    private var locator = XMLSegmentLocator.Resumable()
    private let vocabulary: (Builder) -> InlineMarkupVocabulary
    let format: String?

    var sourceLanguage: String? { builder.sourceLanguage }
    var targetLanguage: String? { builder.targetLanguage }
    var pluralFormCount: Int? { nil }

    init(builder: Builder, format: String?, vocabulary: @escaping (Builder) -> InlineMarkupVocabulary, file: FileBlocks) {
        self.vocabulary = vocabulary
        self.builder = builder
        self.format = format
        walk = IncrementalXMLWalk(name: builder.file, handler: builder)
        self.file = file
    }
    func next() throws(InputError) -> [BilingualUnit]? {
        while builder.units.isEmpty, !finished {
            let block = try file.next()
            if block.isEmpty {
                finished = true
                try walk.finish()
            } else {
                let failure = block.withUnsafeBytes { bytes -> InputError? in
                    locator.append(bytes)
                    do throws(InputError) {
                        try walk.feed(bytes)
                        return nil
                    } catch {
                        return error
                    }
                }
                if let failure { throw failure }
            }
        }
        guard !builder.units.isEmpty else { return nil }
        defer { builder.units.removeAll(keepingCapacity: true) }
        return locator.locateTargets(of: builder.units, vocabulary: vocabulary(builder))
    }
}
