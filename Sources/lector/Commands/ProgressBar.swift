import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal, so
/// that CI logs and redirected output stay clean.
final class ProgressBar: @unchecked Sendable {
    /// Runs over fewer files finish before a bar would help.
    static let minimumFiles = 20
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDrawn = -1

    init(enabled: Bool) {
        self.enabled = enabled && isatty(FileHandle.standardError.fileDescriptor) == 1
    }

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        lock.lock()
        defer { lock.unlock() }
        guard filled != lastDrawn || done == total else { return }
        lastDrawn = filled
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandleOutput.standardError("\r\(bar) \(done)/\(total) files")
    }

    func finish() {
        guard enabled, lastDrawn >= 0 else { return }
        FileHandleOutput.standardError("\r\u{1B}[K")
    }
}
