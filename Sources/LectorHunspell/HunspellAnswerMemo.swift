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

    /// A word as libhunspell reads it: its exact UTF-8 bytes. A `String` equals and hashes as
    /// any canonically equivalent one (`Öl` composed equals `O`, U+0308, `l`), but libhunspell
    /// reads the bytes and may know one form and not the other: keyed by the string, the form
    /// asked first would answer for the other, and which came first depends on the order of the
    /// files and on the threads.
    struct ExactWord: Hashable {
        let text: String

        static func == (lhs: ExactWord, rhs: ExactWord) -> Bool {
            lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
    }

    /// The two generations of one kind of answer; used under the stripe's lock.
    struct Generations<Value> {
        private(set) var newer: [ExactWord: Value] = [:]
        private(set) var older: [ExactWord: Value] = [:]

        mutating func value(_ word: String) -> Value? {
            let key = ExactWord(text: word)
            if let found = newer[key] { return found }
            guard let found = older[key] else { return nil }
            insert(found, for: word)
            return found
        }

        mutating func insert(_ value: Value, for word: String) {
            let key = ExactWord(text: word)
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
