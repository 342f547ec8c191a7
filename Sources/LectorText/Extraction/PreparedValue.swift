import Foundation

/// A value made once per process, either ahead of need on a thread of its own (`start`) or by the
/// first thread that asks for it (`value(orMake:)`).
///
/// Made for start-up work that the session's thread would otherwise do in series with the rest:
/// the built-in transliteration schemes take ICU about 15 ms of CPU to compile, and the check
/// cannot start before the glossary index has them. Started before the glossary is read, they are
/// compiled on the second core meanwhile. A thread that asks while the value is being made waits
/// for it: it is never made twice, so the CPU of a run stays what it was. A failure is kept as the
/// value is, and thrown to every asker: what is made here is made from fixed inputs (the shipped
/// rule files), so making it again would fail again with the same error.
package final class PreparedValue<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private enum State {
        case notStarted
        case making
        case made(Result<Value, Failure>)
    }

    private let condition = NSCondition()
    private var state = State.notStarted
    private let threadName: String

    /// - Parameter threadName: the name of the thread `start` makes it on (shown by `perf`, `top -H`).
    package init(threadName: String = "lector.prepared") {
        self.threadName = threadName
    }

    /// Starts `make` on a thread of its own, unless the value is made or being made already.
    package func start(_ make: @escaping @Sendable () throws(Failure) -> Value) {
        condition.lock()
        guard case .notStarted = state else {
            condition.unlock()
            return
        }
        state = .making
        condition.unlock()
        let thread = Thread { [self, threadName] in
            // Named from inside: on Linux a name given before `start()` does not reach the thread.
            Thread.current.name = threadName
            finish(Result { () throws(Failure) in try make() })
        }
        thread.start()
    }

    /// Keeps what `make` gave and wakes the threads waiting for it.
    private func finish(_ result: Result<Value, Failure>) {
        condition.lock()
        state = .made(result)
        condition.broadcast()
        condition.unlock()
    }

    /// The value: the one made, or the one being made (waited for); else made now by `make` on
    /// the calling thread, while other askers wait for it.
    package func value(orMake make: () throws(Failure) -> Value) throws(Failure) -> Value {
        condition.lock()
        while true {
            switch state {
            case .made(let result):
                condition.unlock()
                return try result.get()
            case .making:
                condition.wait()
            case .notStarted:
                state = .making
                condition.unlock()
                let result = Result { () throws(Failure) in try make() }
                finish(result)
                return try result.get()
            }
        }
    }

    /// Whether the value (or its failure) is made.
    package var isMade: Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .made = state { return true }
        return false
    }
}
