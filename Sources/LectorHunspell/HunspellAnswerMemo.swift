import Foundation

/// The answers one dictionary gave to `spell` and `stem`, shared by every thread that asks it.
///
/// A dictionary is shared by the checking threads, and its handle answers one call at a time.
/// Each thread keeps memos of its own above it (per document, per rule), so with two threads
/// every word met by both was asked twice, and the second asker usually waited for the lock while
/// the first was asking the same word: on news.xlf with `--jobs 2`, `spelling.unknown` alone asked
/// `spell` 3,500 times for 225 words (each chunk is a document with a memo of its own).
///
/// The answers are split by the word's hash over stripes with a lock each, so two threads asking
/// different words rarely meet, and a look-up never waits for libhunspell. Each stripe keeps two
/// generations of at most `stripeCapacity` answers a kind: when the newer is full it becomes the
/// older and a new one starts, and an answer found in the older is brought into the newer, so the
/// frequent words survive and memory stays flat however long the stream.
final class HunspellAnswerMemo: @unchecked Sendable {
    static let stripeCount = 16
    /// Answers a kind a stripe's generation keeps: 8,192 a kind in all, twice that with the older
    /// generations (about 1 MB of spellings and 2 MB of stems at most for news text).
    static let stripeCapacity = 512

    private let stripes: [Stripe]

    init() { stripes = (0..<Self.stripeCount).map { _ in Stripe() } }

    private final class Stripe: @unchecked Sendable {
        let lock = NSLock()
        var spelled = Generations<Bool>()
        var stems = Generations<[String]>()
    }

    /// The two generations of one kind of answer; used under the stripe's lock.
    struct Generations<Value> {
        private(set) var newer: [String: Value] = [:]
        private(set) var older: [String: Value] = [:]

        mutating func value(_ key: String) -> Value? {
            if let found = newer[key] { return found }
            guard let found = older[key] else { return nil }
            insert(found, for: key)
            return found
        }

        mutating func insert(_ value: Value, for key: String) {
            if newer.count >= HunspellAnswerMemo.stripeCapacity {
                older = newer
                newer = [:]
            }
            newer[key] = value
        }

        mutating func removeAll() {
            newer = [:]
            older = [:]
        }

        var count: Int { newer.count + older.count }
    }

    @inline(__always)
    private func stripe(_ word: String) -> Stripe {
        stripes[word.hashValue & (Self.stripeCount - 1)]
    }

    func spelled(_ word: String) -> Bool? {
        let stripe = stripe(word)
        stripe.lock.lock()
        defer { stripe.lock.unlock() }
        return stripe.spelled.value(word)
    }

    func remember(_ answer: Bool, spelled word: String) {
        let stripe = stripe(word)
        stripe.lock.lock()
        defer { stripe.lock.unlock() }
        stripe.spelled.insert(answer, for: word)
    }

    func stems(_ word: String) -> [String]? {
        let stripe = stripe(word)
        stripe.lock.lock()
        defer { stripe.lock.unlock() }
        return stripe.stems.value(word)
    }

    func remember(_ stems: [String], of word: String) {
        let stripe = stripe(word)
        stripe.lock.lock()
        defer { stripe.lock.unlock() }
        stripe.stems.insert(stems, for: word)
    }

    /// Forgets every answer: a word added to the dictionary changes what it answers.
    func removeAll() {
        for stripe in stripes {
            stripe.lock.lock()
            stripe.spelled.removeAll()
            stripe.stems.removeAll()
            stripe.lock.unlock()
        }
    }

    /// Answers kept, both kinds and generations (for tests of the bound).
    var count: Int {
        stripes.reduce(0) { total, stripe in
            stripe.lock.lock()
            defer { stripe.lock.unlock() }
            return total + stripe.spelled.count + stripe.stems.count
        }
    }
}
