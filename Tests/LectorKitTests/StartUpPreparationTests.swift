import Foundation
import LectorICU
import LectorTestSupport
import Testing
@testable import LectorGlossary
@testable import LectorKit
@testable import LectorRules
@testable import LectorText

/// Work of the session's start moved to other threads or to first use: each thread that asks gets
/// what serial construction gives, nothing is made twice, and failures still reach the asker.
@Suite struct StartUpPreparationTests {
    /// Calls `body` on `count` threads at once and waits for them.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread {
                body(index)
                group.leave()
            }.start()
        }
        group.wait()
    }

    /// Counts calls under a lock; records what each thread got.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var calls = 0
        private var got: [Int: String] = [:]

        func call() {
            lock.lock()
            calls += 1
            lock.unlock()
        }

        func record(_ index: Int, _ value: String) {
            lock.lock()
            got[index] = value
            lock.unlock()
        }

        var callCount: Int {
            lock.lock()
            defer { lock.unlock() }
            return calls
        }

        var values: [String] {
            lock.lock()
            defer { lock.unlock() }
            return got.keys.sorted().map { got[$0]! }
        }
    }

    struct Failure: Error, Equatable {
        let message: String
    }

    // MARK: - PreparedValue

    @Test func aStartedValueIsMadeOnceOnItsThreadForEveryAsker() {
        let prepared = PreparedValue<String, Never>(threadName: "test.prepared")
        let background = Tally(), inline = Tally(), got = Tally()
        // Every asker's thread, and this one, is marked in a thread-specific key that a new thread
        // starts without; the maker says whether its thread is marked. Its name read back through
        // Foundation told threads apart before, and under a loaded full test run that read once
        // gave a dispatch worker's name.
        var key = pthread_key_t()
        #expect(pthread_key_create(&key, nil) == 0)
        defer { pthread_key_delete(key) }
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1))
        prepared.start { [key] in
            background.call()
            Thread.sleep(forTimeInterval: 0.05)
            return pthread_getspecific(key) == nil ? "made on a thread of its own" : "made on an asker's thread"
        }
        Self.onThreads(16) { [key] index in
            pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1))
            got.record(index, prepared.value(orMake: {
                inline.call()
                return "made inline"
            }))
        }
        pthread_setspecific(key, nil)
        prepared.start {
            background.call()
            return "started twice"
        }
        #expect(background.callCount == 1)
        #expect(inline.callCount == 0)
        #expect(got.values == Array(repeating: "made on a thread of its own", count: 16))
        #expect(prepared.isMade)
    }

    @Test func aValueNotStartedIsMadeOnceByTheFirstAsker() {
        let prepared = PreparedValue<String, Never>()
        let made = Tally(), got = Tally()
        Self.onThreads(16) { index in
            got.record(index, prepared.value(orMake: {
                made.call()
                Thread.sleep(forTimeInterval: 0.02)
                return "made by \(index)"
            }))
        }
        #expect(made.callCount == 1)
        #expect(Set(got.values).count == 1)
        #expect(got.values.count == 16)
    }

    @Test func aFailureReachesEveryAskerAndIsNotMadeAgain() {
        let prepared = PreparedValue<String, Failure>()
        let made = Tally(), got = Tally()
        prepared.start { () throws(Failure) in
            made.call()
            Thread.sleep(forTimeInterval: 0.02)
            throw Failure(message: "rules do not compile")
        }
        Self.onThreads(8) { index in
            do throws(Failure) {
                got.record(index, try prepared.value(orMake: { () throws(Failure) in
                    made.call()
                    return "made again"
                }))
            } catch {
                got.record(index, "threw \(error.message)")
            }
        }
        #expect(made.callCount == 1)
        #expect(got.values == Array(repeating: "threw rules do not compile", count: 8))
        #expect(throws: Failure(message: "rules do not compile")) { try prepared.value(orMake: { "made later" }) }
    }

    // MARK: - The built-in schemes

    /// Prepared on their thread, the schemes are those read in the calling thread, and every
    /// thread that asks meanwhile gets them; their transliterators spell as freshly compiled ones.
    @Test func preparedSchemesAreTheSchemesReadInTheCallingThread() throws {
        TransliterationScheme.prepareBuiltIn()
        let got = Tally()
        Self.onThreads(8) { index in
            let schemes = (try? TransliterationScheme.builtIn()) ?? []
            got.record(index, schemes.map { "\($0.id)|\($0.label)|\($0.languages.sorted())|\($0.outputLanguage ?? "")|\($0.rules?.count ?? -1)" }
                .joined(separator: "\n"))
        }
        let serial = try TransliterationScheme.readBuiltIn()
        #expect(try TransliterationScheme.builtIn() == serial)
        #expect(serial.count > TransliterationScheme.icuSchemes.count)
        let described = serial.map { "\($0.id)|\($0.label)|\($0.languages.sorted())|\($0.outputLanguage ?? "")|\($0.rules?.count ?? -1)" }
            .joined(separator: "\n")
        #expect(got.values == Array(repeating: described, count: 8))
        for scheme in serial {
            let fresh = scheme.rules.map { try? Transliterator(id: scheme.id + "-fresh", rules: $0) }
                ?? (try? Transliterator(id: scheme.id))
            let text = "Мединский Зеленський Київ Харків Щорс Єрмак"
            #expect(try scheme.makeTransliterator().transliterate(text) == fresh?.transliterate(text), "\(scheme.id)")
        }
    }

    /// A configured scheme that ICU cannot open still fails the checker, whatever was prepared.
    @Test func aBrokenConfiguredSchemeStillFailsTheChecker() {
        TransliterationScheme.prepareBuiltIn()
        var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en", sourceLanguage: "de")
        configuration.schemes = [TransliterationScheme(id: "Not-A-Transliterator", label: "broken", languages: ["uk"])]
        do {
            _ = try Checker(configuration)
            Issue.record("a checker was made with a broken scheme")
        } catch {
            #expect(error.file == "Not-A-Transliterator")
        }
    }

    // MARK: - Resource notices on first read

    /// The notices are worked out when first read, from any thread: they are those worked out
    /// right after the rules, as the checker did before (pairs as `source>target`, `-` for none).
    @Test(arguments: ["de>en", "uk>en", "->uk", "en>fr"])
    func resourceNoticesReadLaterAreThoseOfTheRules(pair: String) throws {
        let languages = pair.split(separator: ">").map(String.init)
        let source: String? = languages[0] == "-" ? nil : languages[0]
        let target = languages[1]
        let configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: target, sourceLanguage: source)
        let checker = try Checker(configuration)
        let ids = RuleRegistry.all.map { $0.description.id }
        let expected = LexicalRequirements.notices(ruleIDs: ids, sourceLanguage: source, targetLanguage: target,
                                                   lexicon: checker.lexicon)
            + LexicalRequirements.unavailable(ruleIDs: ids, sourceLanguage: source, targetLanguage: target,
                                              lexicon: checker.lexicon)
        let got = Tally()
        Self.onThreads(8) { index in got.record(index, checker.resourceNotices.joined(separator: "\n")) }
        #expect(got.values == Array(repeating: expected.joined(separator: "\n"), count: 8))
        #expect(checker.resourceNotices == expected)
        #expect(source != "uk" || !expected.isEmpty)
    }
}
