import Foundation
import LectorText

/// Checks JSON Lines as a stream: each record is its own document (`DocumentMode.perRecord`), and
/// the findings of the records read so far are handed out, in input order, before more input is
/// waited for. Memory stays flat in the stream's length: at most `lookAhead` records and one read
/// buffer are held at a time, and nothing of a record is kept once its findings are out.
///
/// A record's languages are its own `source_lang`/`target_lang`, else the session's; unlike a JSON
/// Lines *file*, no record inherits them from an earlier one, so that a record's findings do not
/// depend on which records came before it in its shard.
public struct JSONLinesStream: Sendable {
    public let session: LintSession
    /// The name findings give the stream (`<stdin>`).
    public let path: String
    /// Records checked together on all cores; what is read beyond them waits.
    public let lookAhead: Int

    public init(session: LintSession, path: String = "<stdin>",
                lookAhead: Int = 64 * max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        self.session = session
        self.path = path
        self.lookAhead = max(1, lookAhead)
    }

    /// Reads `descriptor` to its end. After each batch of records, `emit` gets their findings in
    /// record order (possibly none, so that the caller can flush). A bad record (invalid JSON or UTF-8, no `source`, an unknown
    /// language) is thrown after the findings of the records before it have been emitted, as is
    /// an error that `emit` throws. Returns the number of records checked.
    @discardableResult
    public func check(readingFrom descriptor: Int32, emit: ([Finding]) throws(InputError) -> Void) throws(InputError) -> Int {
        var reader = LineReader(descriptor: descriptor)
        let preparations = PreparationPools()
        var records = 0
        var batch: [(line: Int, byteOffset: Int, bytes: ArraySlice<UInt8>)] = []
        while true {
            // Take what has arrived (blocking only when nothing is pending), up to the look-ahead.
            let ended = try reader.next(into: &batch, limit: lookAhead, path: path)
            if !batch.isEmpty {
                let results = check(batch, preparations: preparations)
                batch.removeAll(keepingCapacity: true)
                var findings: [Finding] = []
                var failure: InputError?
                for result in results {
                    switch result {
                    case .success(let found?):
                        records += 1
                        findings += found
                    case .success(nil): continue
                    case .failure(let error): failure = error
                    }
                    if failure != nil { break }
                }
                try emit(findings)
                if let failure { throw failure }
            }
            if ended { return records }
        }
    }

    /// Checks one batch on `--jobs` threads (all cores by default); results in batch order (`nil`:
    /// a blank line). A batch engine that runs one lector per core asks for one thread each.
    private func check(_ batch: [(line: Int, byteOffset: Int, bytes: ArraySlice<UInt8>)],
                       preparations: PreparationPools) -> [Result<[Finding]?, InputError>] {
        let results = UnsafeResults<Result<[Finding]?, InputError>>(count: batch.count)
        concurrentJobs(count: batch.count, threads: session.configuration.threadCount) { index in
            results.set(index, Result { () throws(InputError) -> [Finding]? in
                try checkRecord(batch[index].bytes, line: batch[index].line, byteOffset: batch[index].byteOffset,
                                preparations: preparations)
            })
        }
        return results.values.map { $0! }
    }

    private func checkRecord(_ bytes: ArraySlice<UInt8>, line: Int, byteOffset: Int,
                             preparations: PreparationPools) throws(InputError) -> [Finding]? {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: path, line: line, message: "invalid UTF-8")
        }
        guard let record = try JSONLinesReader.record(text, line: line, path: path, mappingTargetAt: byteOffset) else { return nil }
        let configuration = session.configuration
        let (source, target) = (record.sourceLanguage ?? configuration.sourceLanguage, record.targetLanguage ?? configuration.targetLanguage)
        let checker = try session.checker(source: source, target: target)
        let file = BilingualFile(path: path, sourceLanguage: record.sourceLanguage,
                                 targetLanguage: record.targetLanguage, units: [record.unit], format: "jsonl")
        return checker.check(file, documents: .perRecord, preparations: preparations.pool(source: source, target: target))
    }
}

/// One `PreparationPool` per checker a stream uses (by its language pair: `LintSession.checker`
/// gives one checker per pair), since kept preparations belong to one checker's list of rules.
struct PreparationPools: Sendable {
    private let pools = ProcessMemo<String, PreparationPool>()

    func pool(source: String?, target: String) -> PreparationPool {
        pools.value(for: "\(source ?? "")\u{1F}\(target)") { PreparationPool() }
    }
}

/// Runs `work` for jobs `0..<count` on at most `threads` threads (on the calling thread alone
/// for one), each thread taking the next job not yet taken; returns when all are done.
func concurrentJobs(count: Int, threads: Int, _ work: (Int) -> Void) {
    let threads = min(max(threads, 1), count)
    guard threads > 1 else {
        for index in 0..<count { work(index) }
        return
    }
    let next = JobCounter()
    withoutActuallyEscaping(work) { work in
        let body = UncheckedBox(work)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = next.take(below: count) { body.value(index) }
        }
    }
}

private final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// One slot per job, each written by exactly one `concurrentPerform` iteration and read only after
/// all have finished.
final class UnsafeResults<Value>: @unchecked Sendable {
    private(set) var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        values.withUnsafeMutableBufferPointer { $0[index] = value }
    }
}

/// Splits a file descriptor's bytes into lines as they arrive.
struct LineReader {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var start = 0
    /// The stream offset of `buffer[0]`, so that findings give byte offsets in the whole input.
    private var bufferOffset = 0
    private var line = 0
    private var ended = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Appends complete lines to `lines` (without their `\n` or `\r\n`), up to `limit` in all. Waits
    /// for input only while `lines` is empty. Returns whether the input has ended and every line
    /// has been handed out (a last line without a line break counts).
    mutating func next(into lines: inout [(line: Int, byteOffset: Int, bytes: ArraySlice<UInt8>)], limit: Int,
                       path: String) throws(InputError) -> Bool {
        while lines.count < limit {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                line += 1
                var lineStart = start
                // A byte order mark may open the stream; it is not part of the first record.
                if line == 1, buffer[start...].starts(with: [0xEF, 0xBB, 0xBF]) { lineStart += 3 }
                lines.append((line, bufferOffset + lineStart, buffer[lineStart..<max(lineStart, end)]))
                start = newline + 1
                continue
            }
            if ended {
                if start < buffer.count {
                    line += 1
                    var lineStart = start
                    if line == 1, buffer[start...].starts(with: [0xEF, 0xBB, 0xBF]) { lineStart += 3 }
                    var end = buffer.count
                    if end > lineStart, buffer[end - 1] == 0x0D { end -= 1 }
                    lines.append((line, bufferOffset + lineStart, buffer[lineStart..<max(lineStart, end)]))
                    start = buffer.count
                }
                return true
            }
            if !lines.isEmpty { return false }
            try fill(path: path)
        }
        return false
    }

    /// Reads once (blocking), after moving the unread bytes to the front of the buffer.
    private mutating func fill(path: String) throws(InputError) {
        if start > 0 {
            buffer.removeFirst(start)
            bufferOffset += start
            start = 0
        }
        let chunk = 1 << 20
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + old, chunk) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            buffer.removeLast(chunk)
            throw InputError(file: path, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        buffer.removeLast(chunk - count)
        if count == 0 { ended = true }
    }
}
