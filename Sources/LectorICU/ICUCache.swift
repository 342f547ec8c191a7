#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What ICU gives for a locale or an id, kept for the life of the process.
///
/// Opening an ICU object looks its locale up in ICU's resource tree (string compares, alias
/// chains, `ResourceBundle`s): opening a transliterator or a sentence break iterator costs tens of
/// microseconds, while cloning an open one costs a few allocations. The checker opens break
/// iterators, number formats and transliterators for every document and rule, so with one
/// document per record those look-ups were most of the time. The facades therefore open each
/// (kind, locale) once, keep that object as a prototype that is never used for work, and give
/// every new instance a clone of it: instances stay independent (one per task, as before), and
/// what they answer is what a freshly opened object answers. Values read off an object once
/// (quotation marks, month names, plural categories) are kept as they are.
///
/// Failures are not kept: a locale that fails opens (and fails) again, with the same error.
final class ICUCache<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var values: [String: Value] = [:]

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    // Caches are process-wide statics, so this never runs; it is here for completeness.
    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The value made for `key`, made by `make` the first time. `make` runs outside the lock (it
    /// may use other caches); if two threads make the same key at once, the first stored wins.
    func value(for key: String, make: () throws(ICUError) -> Value) throws(ICUError) -> Value {
        pthread_mutex_lock(mutex)
        if let known = values[key] {
            pthread_mutex_unlock(mutex)
            return known
        }
        pthread_mutex_unlock(mutex)
        let made = try make()
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let known = values[key] { return known }
        values[key] = made
        return made
    }

    /// Runs `body` on the value for `key` under the cache's lock, so that a prototype is never
    /// cloned by two threads at once (ICU's clone functions only read, but say nothing about it).
    func withValue<Result>(for key: String, make: () throws(ICUError) -> Value,
                           _ body: (Value) throws(ICUError) -> Result) throws(ICUError) -> Result {
        let value = try value(for: key, make: make)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(value)
    }
}

/// An ICU handle that is never closed: the prototype an `ICUCache` keeps and clones.
struct ICUPrototype: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}
