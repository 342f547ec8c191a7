import Foundation

/// Memory given back off the thread that is waited for: large values a check is done with (a
/// loaded file's units, the chunks a streamed file kept for a second pass) are released, and
/// glibc's free pages handed back to the system (`malloc_trim`), on a utility thread, in the order
/// asked.
///
/// Both came at the end of a check, between its last finding and the output: freeing the 20,000
/// units of a news file took about 12 ms and `malloc_trim` about 3 ms, on the one thread that then
/// rendered and wrote the findings, while the other cores had nothing left to do. Nothing waits
/// for the release; a process that exits first leaves it to the system, which frees everything
/// anyway.
package enum BackgroundRelease {
    private static let queue = DispatchQueue(label: "lector.release", qos: .utility)

    /// Releases `value` on the utility thread. The caller must hold no other reference to what it
    /// wants freed there (pass it with `consume`), or the last reference dropped frees it where
    /// it is dropped, as always.
    package static func release<Value>(_ value: consuming Value) {
        let box = Box(value)
        // A trim asked for next must come after this release, not merge into one queued before it.
        trimLock.withLock { trimQueued = false }
        queue.async { box.empty() }
    }

    /// Gives free memory back to the system (`malloc_trim`), after every release asked before.
    /// Used after large jobs only: tens of MB are free after building the index of 100,000
    /// concepts or checking 10 MB, and glibc keeps them otherwise (the CLI's allocator settings
    /// trim only past 64 MB free). A request made while an earlier one waits, with no release
    /// asked between them, is that one.
    package static func releaseFreeMemory() {
        trimLock.lock()
        let queued = trimQueued
        trimQueued = true
        trimLock.unlock()
        guard !queued else { return }
        queue.async {
            trimLock.withLock { trimQueued = false }
            trimFreeMemory()
        }
    }

    /// Whether a trim is queued and not yet started.
    nonisolated(unsafe) private static var trimQueued = false
    private static let trimLock = NSLock()

    /// Waits until everything asked so far is done: for tests, and for a caller that measures memory.
    package static func waitUntilDone() {
        queue.sync {}
    }

    private final class Box<Value>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) { self.value = value }

        /// Drops the value on the thread that calls this (the queue's), not where the box is released.
        func empty() { value = nil }
    }
}

#if canImport(Glibc)
@_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#endif

/// `malloc_trim(0)` where glibc has it.
package func trimFreeMemory() {
    #if canImport(Glibc)
    _ = mallocTrim(0)
    #endif
}
