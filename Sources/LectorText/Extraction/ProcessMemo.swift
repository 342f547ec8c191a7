import Foundation

/// Values made from a key alone (a language's month names and number words, a language's
/// inflection endings, a scalar's punctuation class), kept for the life of the memo: the process,
/// for the statics that hold most of them.
///
/// The extractors and rules are made for every document, and a JSON Lines stream checks each
/// record as a document of its own: building the month-name tables from ICU's date symbols every
/// time was a tenth of such a record's time. What is kept here is plain data; the ICU objects that
/// do work stay one per extractor.
package final class ProcessMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    /// With `makesOnce`, the lock of each key whose value is being made (or was: a key's lock is
    /// kept, one small object a key).
    private var making: [Key: NSLock] = [:]

    /// Whether a value is made once, under a lock of its key (`init(makesOnce:)`).
    private let makesOnce: Bool

    /// With `makesOnce`, a value is made under a lock of its own key: a thread that asks for a
    /// value being made waits for it instead of making it again, while one that asks for another
    /// key makes that meanwhile (the `--jobs 2` workers each started with another language's CLDR
    /// unit names, and one waited for the other's under a lock of the whole memo). For values that
    /// cost more to make twice than to wait for, such as a language's CLDR unit names, which both
    /// workers met at once. Without it `make` runs outside any lock; if two threads make the same
    /// value at once, the first stored wins.
    package init(makesOnce: Bool = false) {
        self.makesOnce = makesOnce
    }

    /// The value for `key`, made by `make` the first time. Failures are not kept.
    package func value<Failure: Error>(for key: Key, make: () throws(Failure) -> Value) throws(Failure) -> Value {
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        if makesOnce {
            let keyLock: NSLock
            if let existing = making[key] {
                keyLock = existing
            } else {
                keyLock = NSLock()
                making[key] = keyLock
            }
            lock.unlock()
            keyLock.lock()
            defer { keyLock.unlock() }
            // Made meanwhile by the thread this one waited for.
            if let known = lock.withLock({ values[key] }) { return known }
            let made = try make()
            lock.withLock { values[key] = made }
            return made
        }
        lock.unlock()
        let made = try make()
        lock.lock()
        defer { lock.unlock() }
        if let known = values[key] { return known }
        values[key] = made
        return made
    }
}
