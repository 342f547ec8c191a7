import Foundation

/// Values made from a language tag alone (month names, number words, the locale's parts), kept for
/// the life of the process.
///
/// The extractors are made for every document, and a JSON Lines stream checks each record as a
/// document of its own: building the month-name tables from ICU's date symbols every time was a
/// tenth of such a record's time. What is kept here is plain data read off ICU once; the ICU
/// objects that do work stay one per extractor.
final class PerLanguage<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    /// The value for `language`, made by `make` the first time. `make` runs outside the lock; if
    /// two threads make the same one at once, the first stored wins. Failures are not kept.
    func value<Failure: Error>(for language: String, make: () throws(Failure) -> Value) throws(Failure) -> Value {
        lock.lock()
        if let known = values[language] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = try make()
        lock.lock()
        defer { lock.unlock() }
        if let known = values[language] { return known }
        values[language] = made
        return made
    }
}
