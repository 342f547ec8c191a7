import Foundation

/// One run over many files: plain texts, plain texts with their sources, and bilingual files
/// (XLIFF, TMX, PO, JSON Lines) whose languages may differ from file to file.
///
/// Checkers are compiled once per language pair and shared; files are read and checked in
/// parallel on all cores; findings come back grouped by file in the order given. If any input is
/// bad, the first error in that order is thrown and nothing is returned.
public final class LintSession: Sendable {
    public let configuration: CheckConfiguration
    private let checkers: CheckerCache
    private let notices = NoticeList()
    /// What was wrong with the glossaries and how it was settled (see `Checker.glossaryWarnings`).
    public let glossaryWarnings: [GlossaryWarning]

    /// What one input of the run is.
    public enum Input: Sendable, Equatable {
        /// A text file; `-` reads standard input.
        case text(path: String)
        /// A translation and the file it translates.
        case pair(target: String, source: String)
        /// A bilingual file; `-` reads standard input in the given format's extension (`jsonl`).
        case bilingual(path: String, standardInputFormat: String?)
        /// A text file in the language its name gives (`FileLanguage`), with the file it
        /// translates when one lies beside it.
        case translation(path: String, language: String, source: String?)
    }

    public init(_ configuration: CheckConfiguration) throws(InputError) {
        self.configuration = configuration
        let checkers = CheckerCache()
        let first = try checkers.checker(for: CheckerCache.Key(source: configuration.sourceLanguage,
                                                               target: configuration.targetLanguage)) { () throws(InputError) in
            try Checker(configuration)
        }
        self.checkers = checkers
        glossaryWarnings = first.glossaryWarnings
        StageProfile.shared?.mark("session ready (configuration, glossary, first checker)")
    }

    /// The checker for a language pair (`source` `nil`: the translation alone).
    public func checker(source: String?, target: String) throws(InputError) -> Checker {
        try checkers.checker(for: CheckerCache.Key(source: source, target: target)) { () throws(InputError) in
            var configuration = self.configuration
            configuration.sourceLanguage = source
            configuration.targetLanguage = target
            return try Checker(configuration)
        }
    }

    /// What the rules could not do for lack of a lexical resource, over every language pair checked
    /// so far, each said once.
    public var resourceNotices: [String] {
        var seen = Set<String>()
        return checkers.all.flatMap(\.resourceNotices).filter { seen.insert($0).inserted }
    }

    /// Classifies a path: bilingual by its extension, else text.
    public static func input(for path: String, source: String? = nil) -> Input {
        if let source { return .pair(target: path, source: source) }
        return BilingualFileLoader.isBilingual(path: path) ? .bilingual(path: path, standardInputFormat: nil) : .text(path: path)
    }

    /// - Parameter documents: how bilingual files are cut into documents; `nil` is
    ///   `defaultDocumentMode(for:)`.
    public func check(_ inputs: [Input], documents: DocumentMode? = nil,
                      standardInput: @escaping @Sendable () throws(InputError) -> Data = { () throws(InputError) in try StandardInput.readAll() },
                      progress: (@Sendable (Int, Int) -> Void)? = nil) async throws(InputError) -> [Finding] {
        try await orderedParallelResults(count: inputs.count, progress: progress) { index in
            Result { () throws(InputError) in try self.check(inputs[index], documents: documents, standardInput: standardInput) }
        }.flatMap { $0 }
    }

    /// The document mode an input gets unless told otherwise: `per-record` for JSON Lines on
    /// standard input (a stream of records, typically one shard of a larger corpus), `per-file`
    /// for everything else.
    public static func defaultDocumentMode(for input: Input) -> DocumentMode {
        if case .bilingual("-", let format) = input, ["jsonl", "ndjson"].contains(format ?? "jsonl") { return .perRecord }
        return .perFile
    }

    /// Checks one input (synchronously).
    public func check(_ input: Input, documents: DocumentMode? = nil,
                      standardInput: () throws(InputError) -> Data = { () throws(InputError) in try StandardInput.readAll() })
        throws(InputError) -> [Finding] {
        switch input {
        case .text(let path):
            var windowed: [Finding] = []
            if try checkInWindows(input, emit: { windowed += $0 }) { return windowed }
            let document = path == "-" ? try EditableFileLoader.checkedDocument(try standardInput(), path: "<stdin>")
                : try EditableFileLoader.checkedDocument(path: path)
            return try checker(source: nil, target: configuration.targetLanguage).check(document)
        case let .translation(path, language, sourcePath):
            var windowed: [Finding] = []
            if try checkInWindows(input, emit: { windowed += $0 }) { return windowed }
            let target = try EditableFileLoader.checkedDocument(path: path)
            if let sourcePath, let sourceLanguage = configuration.sourceLanguage {
                let source = try EditableFileLoader.checkedDocument(path: sourcePath)
                return try checker(source: sourceLanguage, target: language).check(target, source: source)
            }
            return try checker(source: nil, target: language).check(target)
        case let .pair(targetPath, sourcePath):
            // Otherwise a PO or XLIFF file would be read as plain text, its syntax checked as prose.
            if let error = BilingualFileLoader.pairingError(target: targetPath, source: sourcePath) { throw error }
            if BilingualFileLoader.isResourcePair(target: targetPath, source: sourcePath) {
                // A mobile resource file and the source-language file it translates, paired by key.
                return try checkBilingual(BilingualFileLoader.loadAll(path: targetPath, source: sourcePath,
                                                                     sourceLanguage: configuration.sourceLanguage),
                                          documents: documents ?? .perFile)
            }
            let target = try EditableFileLoader.checkedDocument(path: targetPath)
            let source = try EditableFileLoader.checkedDocument(path: sourcePath)
            guard let sourceLanguage = configuration.sourceLanguage else {
                throw InputError(file: sourcePath, message: "a source file needs its language (--source-lang)")
            }
            return try checker(source: sourceLanguage, target: configuration.targetLanguage).check(target, source: source)
        case let .bilingual(path, format):
            if path == "-" {
                return try checkBilingual([Self.readStandardInput(try standardInput(), format: format ?? "jsonl")],
                                          documents: documents ?? Self.defaultDocumentMode(for: input))
            }
            var streamed: [Finding] = []
            if try checkBilingualStream(input, documents: documents, emit: { streamed += $0 }) { return streamed }
            return try checkBilingual(BilingualFileLoader.loadAll(path: path, sourceLanguage: configuration.sourceLanguage),
                                      documents: documents ?? .perFile)
        }
    }

    /// Whether `checkInWindows` checks this input: a plain-text or Markdown file, without a source
    /// to align with, larger than `CheckConfiguration.windowBytes`.
    public func isWindowed(_ input: Input) -> Bool { windowedTarget(input) != nil }

    private func windowedTarget(_ input: Input) -> (path: String, language: String, format: TextWindows.Format)? {
        let path: String
        let language: String
        switch input {
        case .text(let text) where text != "-":
            (path, language) = (text, configuration.targetLanguage)
        case let .translation(text, textLanguage, source) where source == nil || configuration.sourceLanguage == nil:
            (path, language) = (text, textLanguage)
        default:
            return nil
        }
        // A file whose size cannot be read is checked whole, which reports why it cannot be read.
        guard let format = TextWindows.format(ofPath: path),
              let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int,
              size > configuration.windowBytes else { return nil }
        return (path, language, format)
    }

    /// Checks a large plain-text or Markdown file (`isWindowed`) in windows of
    /// `CheckConfiguration.windowCutBytes`, the first `Checker.retainedWindows` × `windowBytes` of
    /// it kept from the first pass to the second, on
    /// `CheckConfiguration.threadCount` threads (`Checker.checkWindows`), handing its findings to
    /// `emit` window by window in file order. Returns `false`, having emitted nothing, for any
    /// other input and for a file that cannot be memory-mapped: the caller checks those whole.
    /// - Parameter readAhead: the file cut and its first windows read while the session was made
    ///   (`readWindowsAhead`); taken over if it is this input's file, else stopped and left.
    public func checkInWindows(_ input: Input, readAhead: WindowReadAhead? = nil,
                               emit: ([Finding]) throws(InputError) -> Void) throws(InputError) -> Bool {
        let taken = readAhead?.take()
        guard let target = windowedTarget(input) else { return false }
        let file: MappedFile
        let windows: [Range<Int>]
        var documents: [SourceDocument] = []
        if let readAhead, let taken, readAhead.path == target.path, readAhead.format == target.format,
           readAhead.windowBytes == configuration.windowCutBytes, readAhead.file.bytes.count > configuration.windowBytes {
            file = readAhead.file
            (windows, documents) = taken
            StageProfile.shared?.mark("windows: \(documents.count) of \(windows.count) read ahead, taken over")
        } else {
            // A file too small for windows is checked whole: not cut, nor scanned for directives.
            guard let mapped = MappedFile(path: target.path), mapped.bytes.count > configuration.windowBytes else { return false }
            file = mapped
            windows = Checker.windows(of: file.bytes, path: target.path, format: target.format,
                                      windowBytes: configuration.windowCutBytes, release: { mapped.release($0) })
        }
        try checker(source: nil, target: target.language)
            .checkWindows(path: target.path, bytes: file.bytes, windows: windows, readAhead: documents,
                          jobs: configuration.threadCount, retainedBytes: Self.retainedWindowBytes(configuration),
                          release: { file.release($0) }, emit: emit)
        return true
    }

    /// What the first pass of a text checked in windows keeps for the second.
    private static func retainedWindowBytes(_ configuration: CheckConfiguration) -> Int {
        Checker.retainedWindows * configuration.windowBytes
    }

    /// Starts cutting `path` into windows and reading its first windows on a thread of its own
    /// (`WindowReadAhead`), for `checkInWindows` to take over once the session is made: for a run
    /// on more than one thread (with one, the check keeps to one thread) of a plain-text or
    /// Markdown file larger than `CheckConfiguration.windowBytes`; `nil` for anything else.
    /// Reading ahead decides nothing: the session checks the file as it would without it.
    public static func readWindowsAhead(path: String, configuration: CheckConfiguration) -> WindowReadAhead? {
        guard configuration.threadCount > 1, path != "-", let format = TextWindows.format(ofPath: path),
              let file = MappedFile(path: path), file.bytes.count > configuration.windowBytes else { return nil }
        return WindowReadAhead(path: path, file: file, format: format, windowBytes: configuration.windowCutBytes,
                               retainedBytes: retainedWindowBytes(configuration))
    }

    /// The checker for a bilingual file's own languages; for a file whose source was not found,
    /// the checker of the translation alone.
    public func checker(for file: BilingualFile) throws(InputError) -> Checker {
        try checker(source: file.isTargetOnly ? nil : file.sourceLanguage ?? configuration.sourceLanguage,
                    target: file.targetLanguage ?? configuration.targetLanguage)
    }

    /// What the run could not do as asked, each said once in the order met: a translation whose
    /// source file was not found, checked alone.
    public var inputNotices: [String] { notices.all }

    /// Checks each file in its own languages (a String Catalog gives one file per language).
    func checkBilingual(_ files: consuming [BilingualFile], documents: DocumentMode) throws(InputError) -> [Finding] {
        var findings: [Finding] = []
        let count = files.count
        // By index: a `for` loop would consume the files, which are released below.
        for index in 0..<count {
            let file = files[index]
            if let places = file.sourceNotFound {
                notices.add("lector: note: \(file.path): no source file found"
                    + (places.isEmpty ? "" : " (looked for \(places.joined(separator: ", ")))")
                    + "; only the checks of the translation alone ran. Give --source FILE to check it against its source.")
            } else if file.sourceLanguage ?? configuration.sourceLanguage == nil {
                // Android `values/` and `.strings` files, and JSON Lines without languages, do not
                // say the source's language, and the source checks need it.
                notices.add("lector: note: \(file.path): the source's language is not known (the files do not say it);"
                    + " only the checks of the translation alone ran. Give --source-lang LANG (or `source_language:` in .lector.yml).")
            }
            findings += try checker(for: file).check(file, documents: documents)
        }
        // The files' units are freed on a utility thread while the findings are reported.
        BackgroundRelease.release(consume files)
        return count > 1 ? findings.sorted(by: Finding.reportingOrder) : findings
    }
}

extension LintSession {
    /// Formats that standard input can be read in, by their usual file extension.
    public static let standardInputFormats = ["text", "jsonl", "xliff", "tmx", "po"]

    static func readStandardInput(_ data: Data, format: String) throws(InputError) -> BilingualFile {
        // Targets located as in a file, so that findings give the input's own places.
        let file = switch format {
        case "jsonl", "ndjson": try JSONLinesReader.read(data: data, name: "<stdin>", mappingTargets: true)
        case "xliff", "xlf": try XLIFFReader.read(data: data, name: "<stdin>", mappingTargets: true)
        case "tmx": try TMXReader.read(data: data, name: "<stdin>", mappingTargets: true)
        case "po", "pot": try POReader.read(data: data, name: "<stdin>", mappingTargets: true)
        default: throw InputError(file: "<stdin>", message: "unknown input format “\(format)”")
        }
        return file.locatingTargets(in: [UInt8](data))
    }
}

/// Checkers by language pair, compiled on first use; thread-safe.
/// Notices gathered from files checked in parallel, each kept once.
final class NoticeList: @unchecked Sendable {
    private var notices: [String] = []
    private let lock = NSLock()

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return notices
    }

    func add(_ notice: String) {
        lock.lock()
        defer { lock.unlock() }
        if !notices.contains(notice) { notices.append(notice) }
    }
}

final class CheckerCache: @unchecked Sendable {
    struct Key: Hashable {
        let source: String?
        let target: String
    }

    private var checkers: [Key: Checker] = [:]
    private let lock = NSLock()

    /// The checkers compiled so far, in a stable order.
    var all: [Checker] {
        lock.lock()
        defer { lock.unlock() }
        return checkers.sorted { ($0.key.source ?? "", $0.key.target) < ($1.key.source ?? "", $1.key.target) }.map(\.value)
    }

    func checker(for key: Key, make: () throws(InputError) -> Checker) throws(InputError) -> Checker {
        lock.lock()
        defer { lock.unlock() }
        if let checker = checkers[key] { return checker }
        let checker = try make()
        checkers[key] = checker
        return checker
    }
}
