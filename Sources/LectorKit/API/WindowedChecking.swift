import Foundation

extension Checker {
    /// Checks one plain-text or Markdown file in windows of about `windowBytes` (cut where
    /// `TextWindows` says a cut changes nothing), on `jobs` threads, and hands the findings to
    /// `emit` window by window in file order. The findings are those of `check` on the whole file,
    /// in the same order: each window is checked as a document of its own and its locations are
    /// moved to the file's; suppression regions are never cut; `glossary.inconsistent`, the one
    /// rule that compares places across the document, first counts the spellings of every window
    /// and then judges each window against the whole file's count.
    ///
    /// Memory is the windows in flight (at most `jobs` being checked and `2 × jobs` waiting for
    /// their turn to be emitted) and their findings, not the file. An input error (invalid UTF-8)
    /// is thrown, at its line in the file, after the findings of the windows before it; so is an
    /// error `emit` throws.
    ///
    /// The first pass keeps the documents it read and their glossary matches, for the windows of
    /// the first `retainedBytes` of the file (by default `Checker.retainedWindows` windows), and the second pass checks those without reading or
    /// matching them again (the same document and matches, so the same findings); the windows
    /// beyond are read again. Keeping a window costs about four times its size, and about one more
    /// for its words (`TargetMatches.words`, 8 bytes a word).
    /// - Parameter release: called with each window's byte range once it is read for the last
    ///   time (`MappedFile.release`).
    public func checkWindows(path: String, bytes: UnsafeBufferPointer<UInt8>, format: TextWindows.Format,
                             windowBytes: Int, jobs: Int, retainedBytes: Int? = nil,
                             release: (@Sendable (Range<Int>) -> Void)? = nil,
                             emit: ([Finding]) throws(InputError) -> Void) throws(InputError) {
        let windows = Self.windows(of: bytes, path: path, format: format, windowBytes: windowBytes, release: release)
        try checkWindows(path: path, bytes: bytes, windows: windows, readAhead: [], jobs: jobs,
                         retainedBytes: retainedBytes ?? Checker.retainedWindows * windowBytes, release: release, emit: emit)
    }

    /// The windows `checkWindows` cuts a file into.
    static func windows(of bytes: UnsafeBufferPointer<UInt8>, path: String, format: TextWindows.Format, windowBytes: Int,
                        release: (@Sendable (Range<Int>) -> Void)?) -> [Range<Int>] {
        let protected = InlineSuppressions.protectedRanges(in: bytes, syntax: DocumentSyntax(path: path))
        let windows = TextWindows.windows(in: bytes, format: format, size: windowBytes, protected: protected)
        // Finding the directives and the cuts read the whole file; its pages need not stay.
        release?(0..<bytes.count)
        StageProfile.shared?.mark("windows: cut")
        return windows
    }

    /// `checkWindows` of a file already cut, the documents of its first `readAhead.count` windows
    /// read (`WindowReadAhead`): the first pass takes those instead of reading them.
    func checkWindows(path: String, bytes: UnsafeBufferPointer<UInt8>, windows: [Range<Int>], readAhead: [SourceDocument],
                      jobs: Int, retainedBytes: Int, release: (@Sendable (Range<Int>) -> Void)?,
                      emit: ([Finding]) throws(InputError) -> Void) throws(InputError) {
        let jobs = max(1, jobs)
        let window = WindowReader(bytes: bytes, path: path)
        var spellings: GlossaryInconsistentRule.Tally?
        // The documents and matches the first pass keeps for the second, and the documents read
        // ahead; each handed out once.
        let retained = WindowHandOff<(document: SourceDocument, matches: TargetMatches)>()
        let readAhead = WindowHandOff(Dictionary(uniqueKeysWithValues: readAhead.enumerated().map { ($0.offset, $0.element) }))
        if windows.count > 1, comparesSpellings {
            // First pass: the spellings of the whole document, window by window in order.
            let profile = StageProfile.shared
            var tally = GlossaryInconsistentRule.Tally()
            var retainedSoFar = 0
            typealias Read = (tally: GlossaryInconsistentRule.Tally, document: SourceDocument, matches: TargetMatches?)
            orderedWindowWork(count: windows.count, jobs: jobs, lookAhead: 2 * jobs, work: { index -> Read? in
                defer { release?(windows[index]) }
                let start = profile == nil ? 0 : StageProfile.now()
                defer { profile?.add("first pass over windows (read, match, tally)", since: start) }
                do {
                    let document: SourceDocument
                    if let ahead = readAhead.take(index) { document = ahead } else { document = try window.document(windows[index]) }
                    let matches = self.glossaryMatches(in: document)
                    return (self.spellingTally(of: document, matches: matches?.matches ?? []), document, matches)
                } catch {
                    // Reported at its place in the file by the second pass, which reads the window again.
                    return nil
                }
            }, deliver: { (index, read: Read?) in
                guard let read else { return true }
                tally.append(read.tally)
                // In file order, so the windows kept are the first ones, up to the budget.
                if let matches = read.matches, retainedSoFar + windows[index].count <= retainedBytes {
                    retainedSoFar += windows[index].count
                    retained.keep(index, (read.document, matches))
                }
                return true
            })
            spellings = tally
            StageProfile.shared?.mark("windows: first pass done")
        }
        let checker = self
        var lines = 0
        var units = 0
        var failure: InputError?
        typealias Checked = (findings: [Finding], lines: Int, units: Int)
        orderedWindowWork(count: windows.count, jobs: jobs, lookAhead: 2 * jobs, work: { index -> Result<Checked, InputError> in
            let result = Result { () throws(InputError) -> Checked in
                let kept = retained.take(index)
                let document: SourceDocument
                if let kept {
                    document = kept.document
                } else if let ahead = readAhead.take(index) {
                    document = ahead
                } else {
                    document = try window.document(windows[index])
                }
                let findings = checker.run(target: document, bilingual: nil, spellings: spellings,
                                           glossaryMatches: kept?.matches, releasesMemory: windows.count == 1)
                return (findings, document.lineCount - 1, document.utf16.count)
            }
            release?(windows[index])
            return result
        }, deliver: { (index, result: Result<Checked, InputError>) in
            switch result {
            case .failure(let error):
                failure = InputError(file: error.file, line: error.line.map { $0 + lines }, message: error.message)
                return false
            case .success(let checked):
                let start = windows[index].lowerBound
                let findings = checked.findings.map { $0.moved(lines: lines, bytes: start, utf16: units) }
                lines += checked.lines
                units += checked.units
                do throws(InputError) {
                    try emit(findings)
                } catch {
                    failure = error
                    return false
                }
                return true
            }
        })
        StageProfile.shared?.mark("windows: check done")
        if windows.count > 1 { releaseFreeMemory() }
        if let failure { throw failure }
    }
}

extension Checker {
    /// How much of a file checked in windows (`checkWindows`) the first pass keeps read and
    /// matched for the second, in windows of `windowBytes`: 16 (16 MiB of the file at the default
    /// `CheckConfiguration.windowBytes`, which `LintSession` passes as the budget for its windows of
    /// a quarter of that size; about 60 MB of memory). The windows after them are read from the
    /// file again, so a file cut short while it is checked is still an input error.
    public static let retainedWindows = 16
    /// The bytes of the file kept at the default `CheckConfiguration.windowBytes`.
    public static let defaultRetainedWindowBytes = retainedWindows * CheckConfiguration.defaultWindowBytes
}

/// Values by window, each handed out once and freed then, to whichever thread asks first: the
/// documents and glossary matches the first pass of `checkWindows` keeps for the second, and the
/// documents of the first windows read ahead (`WindowReadAhead`).
private final class WindowHandOff<Value>: @unchecked Sendable {
    private var values: [Int: Value]
    private let lock = NSLock()

    init(_ values: [Int: Value] = [:]) { self.values = values }

    func keep(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }

    func take(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values.removeValue(forKey: index)
    }
}

/// A large text cut into windows, and its first windows read, on a thread of its own while the
/// rest of the run starts: the session's checker (the glossary index, its transliterators) takes
/// about 40 ms before any window can be matched, time in which a second core read nothing.
/// `LintSession.checkInWindows` takes the cut and the documents over (`take`), and reading stops
/// there; the first pass reads the windows not read yet. The documents are those the first pass
/// would read (`WindowReader`), so the findings are the same. Windows are read only within the
/// bytes the first pass keeps for the second (`retainedBytes`), whose memory the check spends
/// on them anyway; a window that cannot be read stops the reading, and the pass that reads it
/// again reports the error at its place.
public final class WindowReadAhead: @unchecked Sendable {
    let path: String
    let format: TextWindows.Format
    let windowBytes: Int
    let file: MappedFile
    private let condition = NSCondition()
    private var windows: [Range<Int>] = []
    private var documents: [SourceDocument] = []
    private var stopped = false
    private var finished = false

    init(path: String, file: MappedFile, format: TextWindows.Format, windowBytes: Int, retainedBytes: Int) {
        self.path = path
        self.file = file
        self.format = format
        self.windowBytes = windowBytes
        startReadAheadThread { [self] in
            let windows = Checker.windows(of: file.bytes, path: path, format: format, windowBytes: windowBytes,
                                          release: { file.release($0) })
            condition.withLock { self.windows = windows }
            let reader = WindowReader(bytes: file.bytes, path: path)
            var read = 0
            for window in windows {
                // A window that cannot be read is left to the first pass, which reads it again and
                // reports the error at its place in the file; reading on past it would be waste.
                guard condition.withLock({ !stopped }), read + window.count <= retainedBytes,
                      let document = try? reader.document(window) else { break }
                read += window.count
                condition.withLock { documents.append(document) }
            }
            condition.withLock {
                finished = true
                condition.broadcast()
            }
        }
    }

    /// Waits until the thread has read all it may (for tests: `take` stops it wherever it is).
    func finish() {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
    }

    /// Stops the reading, for a run that does not check the file in windows after all; what was
    /// read is dropped.
    public func stop() {
        _ = take()
    }

    /// Stops the reading (waiting for the window being read) and returns the cut and the documents
    /// of the first windows, in order.
    func take() -> (windows: [Range<Int>], documents: [SourceDocument]) {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        while !finished { condition.wait() }
        defer { documents = [] }
        return (windows, documents)
    }
}

/// Starts `body` on a thread of its own (`lector.read-ahead`) below the threads that make the
/// session: reading ahead (`WindowReadAhead`, `BilingualReadAhead`) is for a core they leave idle.
/// At the same priority it took its share of both cores from them, and the session was ready
/// 20-25 ms later, all of it on the run's serial path. On Linux the nice value of `PRIO_PROCESS` 0
/// is the calling thread's alone; if it cannot be set, the reading still runs, at the same priority.
/// The stack is 8 MiB, the main thread's: the readers' parsers recurse no deeper than there.
func startReadAheadThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread {
        // Named from inside: on Linux a name given before `start()` does not reach the thread.
        Thread.current.name = "lector.read-ahead"
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
        body()
    }
    thread.stackSize = 8 << 20
    thread.start()
}

/// Reads one window of a file as the document `check` reads for the whole file's format.
private struct WindowReader: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String

    func document(_ range: Range<Int>) throws(InputError) -> SourceDocument {
        // The window's bytes where they lie, not copied: every reader copies what it keeps, and
        // the data does not outlive this call.
        guard let base = bytes.baseAddress, !range.isEmpty else {
            return try EditableFileLoader.checkedDocument(Data(), path: path)
        }
        let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base + range.lowerBound), count: range.count,
                        deallocator: .none)
        return try EditableFileLoader.checkedDocument(data, path: path)
    }
}

extension Finding {
    /// The finding of a window at its place in the whole file: the window starts `lines` lines,
    /// `bytes` UTF-8 bytes and `utf16` UTF-16 units into the file, at the start of a line.
    func moved(lines: Int, bytes: Int, utf16: Int) -> Finding {
        func move(_ location: TextLocation) -> TextLocation {
            TextLocation(line: location.line + lines, column: location.column, byteOffset: location.byteOffset + bytes,
                         utf16Offset: location.utf16Offset + utf16)
        }
        return Finding(ruleID: ruleID, severity: severity, message: message, file: file, location: move(location),
                       endLocation: move(endLocation), text: text, suggestion: suggestion, isSafeFix: isSafeFix, note: note,
                       sentence: sentence, unit: unit)
    }
}

/// Runs `work` for jobs `0..<count` on `jobs` threads and hands each result to `deliver` in job
/// order, one call at a time, as soon as the jobs before it are delivered. At most `lookAhead`
/// jobs beyond the next to deliver are started, so memory stays bounded however many jobs there
/// are. `deliver` returning `false` stops the run: no further job starts or is delivered.
func orderedWindowWork<Value>(count: Int, jobs: Int, lookAhead: Int, work: (Int) -> Value,
                              deliver: (Int, Value) -> Bool) {
    guard count > 0 else { return }
    let state = OrderedWorkState<Value>()
    let lookAhead = max(lookAhead, 1)
    withoutActuallyEscaping(work) { work in
    withoutActuallyEscaping(deliver) { deliver in
    let body = UncheckedBox((work, deliver))
    DispatchQueue.concurrentPerform(iterations: min(max(jobs, 1), count)) { _ in
        let (work, deliver) = body.value
        let condition = state.condition
        while true {
            condition.lock()
            while !state.stopped, state.next < count, state.next >= state.delivered + lookAhead { condition.wait() }
            if state.stopped || state.next >= count {
                condition.unlock()
                return
            }
            let index = state.next
            state.next += 1
            condition.unlock()
            let value = work(index)
            condition.lock()
            state.pending[index] = value
            // One thread delivers at a time; it takes every result that is next in order,
            // including those that arrive while it delivers.
            if !state.delivering {
                state.delivering = true
                while !state.stopped, let next = state.pending.removeValue(forKey: state.delivered) {
                    let number = state.delivered
                    condition.unlock()
                    let goOn = deliver(number, next)
                    condition.lock()
                    state.delivered += 1
                    if !goOn { state.stopped = true }
                    condition.broadcast()
                }
                state.delivering = false
            }
            condition.broadcast()
            condition.unlock()
        }
    }
    }
    }
}

/// Closures handed to the threads of `concurrentPerform`, which run them under `OrderedWorkState`'s
/// discipline (one `deliver` at a time; `work` on values no other thread touches).
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

private final class OrderedWorkState<Value>: @unchecked Sendable {
    let condition = NSCondition()
    var next = 0
    var delivered = 0
    var delivering = false
    var stopped = false
    var pending: [Int: Value] = [:]
}
