import Foundation
import LectorICU
import LectorText
import LectorFormats

/// Variants derived for consecutive concepts: per concept whether it has a preferred target term
/// and whether that is a name, and its spellings.
struct DerivedChunk: Sendable {
    static let hasPreferredTerm: UInt8 = 1
    static let isName: UInt8 = 2

    let firstConcept: Int
    var flags: [UInt8] = []
    /// Per concept: where its variants end in `variants`.
    var ends: [Int32] = []
    var variants: [DerivedVariant] = []
}

/// A spelling derived for a concept, with where it came from.
struct DerivedVariant: Sendable {
    let spelling: String
    /// Index of the transliteration scheme, or -1 for another language's glossary term.
    let scheme: Int16
    /// Index of the source term in the concept.
    let term: Int32
}

/// Derives the variants of all concepts in chunks, in order: on a thread of its own when the
/// glossary is large and there is a second core, else on demand in the calling thread. Either
/// way the chunks are the same, and the index consumes them in order.
final class VariantDerivation: @unchecked Sendable {
    static let chunkSize = 1024
    /// Below this many concepts a thread costs more than it saves.
    static let threadThreshold = 4096
    /// Chunks the deriving thread may run ahead of the index.
    private static let window = 8

    let chunkCount: Int
    private let concepts: [Concept]
    /// In-thread mode: the deriver, used on demand.
    private let inline: VariantDeriver?
    // Threaded mode, under `condition`:
    private let condition = NSCondition()
    private var ready: [Int: DerivedChunk] = [:]
    private var taken = 0
    private var failure: InputError?
    private var abandoned = false

    enum Mode {
        /// A thread for large glossaries when there is a second core.
        case automatic
        case inline
        case thread
    }

    init(concepts: [Concept], target: String, transliterators: VariantTransliterators, mode: Mode) throws(InputError) {
        self.concepts = concepts
        chunkCount = (concepts.count + Self.chunkSize - 1) / Self.chunkSize
        let useThread = switch mode {
        case .automatic: concepts.count >= Self.threadThreshold && ProcessInfo.processInfo.activeProcessorCount >= 2
        case .inline: false
        case .thread: chunkCount > 0
        }
        if !useThread {
            inline = try VariantDeriver(target: target, transliterators: transliterators)
            return
        }
        inline = nil
        let thread = Thread { [self] in
            do throws(InputError) {
                let deriver = try VariantDeriver(target: target, transliterators: transliterators)
                for index in 0..<chunkCount {
                    guard put(deriver.derive(concepts, chunk: index), at: index) else { return }
                }
            } catch {
                fail(error)
            }
        }
        thread.name = "lector.variants"
        thread.start()
    }

    /// Chunk `index`, waiting for it if it is not derived yet. Call in order 0, 1, 2 …
    func chunk(_ index: Int) throws(InputError) -> DerivedChunk {
        if let inline { return inline.derive(concepts, chunk: index) }
        condition.lock()
        defer { condition.unlock() }
        while ready[index] == nil {
            if let failure { throw failure }
            condition.wait()
        }
        taken = index + 1
        condition.broadcast()
        return ready.removeValue(forKey: index)!
    }

    /// Hands a chunk over, waiting while the reader is `window` chunks behind; `false` once the
    /// reader has given up (an error in the index), so the thread stops.
    private func put(_ chunk: DerivedChunk, at index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while index - taken >= Self.window, !abandoned { condition.wait() }
        if abandoned { return false }
        ready[index] = chunk
        condition.broadcast()
        return true
    }

    /// The index is done with the chunks (finished, or failed early): the thread stops if it is
    /// still running, and chunks not taken are dropped.
    func abandon() {
        guard inline == nil else { return }
        condition.lock()
        abandoned = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func fail(_ error: InputError) {
        condition.lock()
        failure = error
        condition.broadcast()
        condition.unlock()
    }
}

/// The transliterators of variant derivation for one list of schemes, opened by the first
/// deriver that needs them and kept for the next.
///
/// A checker builds the index of its translation's language and that of its source from the same
/// glossary and schemes: each Cyrillic term was transliterated by each scheme twice, in ICU (under
/// its global transliteration mutex), on the thread that makes the session. Given the same
/// transliterators, the second deriver finds their spellings in the transliterators' memos
/// (`Transliterator.transliterate`): what ICU answered for a text, it answers again.
///
/// Not thread-safe, like a `Transliterator`: one deriver at a time uses it. The indexes are built
/// one after the other, and a deriving thread has derived every chunk by the time its index
/// has taken the last one; an index that fails stops the checker, and its transliterators with it.
package final class VariantTransliterators: @unchecked Sendable {
    let schemes: [TransliterationScheme]
    private var opened: [Transliterator]?
    // Either one missing only skips `VariantDeriver`'s shortcut: the scheme's own transliterator then runs.
    lazy var latinASCII = try? Transliterator(id: "Latin-ASCII")
    lazy var cyrillicLatin = try? Transliterator(id: "Cyrillic-Latin")

    package init(schemes: [TransliterationScheme]) {
        self.schemes = schemes
    }

    /// One transliterator per scheme, opened on first use; a failure is not kept (the index that
    /// met it fails, as its checker does).
    func transliterators() throws(InputError) -> [Transliterator] {
        if let opened { return opened }
        var made: [Transliterator] = []
        for scheme in schemes { made.append(try scheme.makeTransliterator()) }
        opened = made
        return made
    }
}

/// The transliterating half of variant derivation: the Latin spellings of each concept.
final class VariantDeriver {
    private let target: String
    private let schemes: [(scheme: TransliterationScheme, transliterator: Transliterator)]
    private let shared: VariantTransliterators
    private var languages = LanguageIDs()
    private let targetID: Int
    /// For each primary language id: the schemes that transliterate it.
    private var schemesByLanguage: [[Int]] = []
    /// Each scheme's output language id, or -1.
    private var schemeOutputIDs: [Int] = []
    /// Primary language id of each term of the concept being derived.
    private var termLanguages: [Int] = []
    private var transliterated: [(scheme: Int, term: Int, spelling: String)] = []
    /// ICU's `Any-Latin; Latin-ASCII` on a Cyrillic term equals `Latin-ASCII` on its
    /// `Cyrillic-Latin` spelling (Any-Latin runs Cyrillic-Latin on a Cyrillic run), which is
    /// derived anyway: this saves the costliest scheme. Indices of the built-in schemes, if given.
    private let anyLatinASCII: Int?
    private let cyrillicLatin: Int?

    init(target: String, transliterators shared: VariantTransliterators) throws(InputError) {
        self.target = target
        self.shared = shared
        let schemes = shared.schemes
        self.schemes = Array(zip(schemes, try shared.transliterators()))
        targetID = languages.id(ofPrimary: target)
        anyLatinASCII = schemes.firstIndex { $0.id == "Any-Latin; Latin-ASCII" && $0.rules == nil }
        cyrillicLatin = schemes.firstIndex { $0.id == "Cyrillic-Latin" && $0.rules == nil }
        schemeOutputIDs = schemes.map { scheme in scheme.outputLanguage.map { languages.id(ofPrimary: $0) } ?? -1 }
    }

    func derive(_ concepts: [Concept], chunk: Int) -> DerivedChunk {
        let first = chunk * VariantDerivation.chunkSize
        var result = DerivedChunk(firstConcept: first)
        let range = first..<min(first + VariantDerivation.chunkSize, concepts.count)
        result.flags.reserveCapacity(range.count)
        result.ends.reserveCapacity(range.count)
        result.variants.reserveCapacity(range.count * 6)
        for index in range {
            let concept = concepts[index]
            termLanguages.removeAll(keepingCapacity: true)
            for term in concept.terms { termLanguages.append(languages.id(of: term)) }
            // `concept.preferredTerm(in: target)`: the preferred target term, else the first admitted one.
            var preferred: Term?
            var admitted: Term?
            for (termIndex, term) in concept.terms.enumerated() where termLanguages[termIndex] == targetID {
                if term.status == .preferred {
                    preferred = term
                    break
                }
                if admitted == nil, term.status == .admitted { admitted = term }
            }
            if let house = preferred ?? admitted {
                result.flags.append(DerivedChunk.hasPreferredTerm | (GlossaryIndex.startsUppercase(house.text) ? DerivedChunk.isName : 0))
                variants(of: concept, into: &result.variants)
            } else {
                result.flags.append(0)
            }
            result.ends.append(Int32(result.variants.count))
        }
        return result
    }

    private func schemes(forLanguage id: Int) -> [Int] {
        while schemesByLanguage.count <= id {
            let primary = languages.name(of: schemesByLanguage.count)
            schemesByLanguage.append(schemes.indices.filter { schemes[$0].scheme.languages.contains(primary) })
        }
        return schemesByLanguage[id]
    }

    /// Latin spellings of a concept other than its target-language terms, best explained first:
    /// transliterations of its Cyrillic terms, then its Latin-script terms in other languages.
    private func variants(of concept: Concept, into result: inout [DerivedVariant]) {
        transliterated.removeAll(keepingCapacity: true)
        let start = result.count
        var confirmedCount = 0
        for (termIndex, term) in concept.terms.enumerated()
        where termLanguages[termIndex] != targetID && IndexBuilder.isCyrillic(term.text) {
            for schemeIndex in schemes(forLanguage: termLanguages[termIndex]) {
                let spelling = transliterate(term.text, termIndex: termIndex, concept: concept, scheme: schemeIndex)
                guard !IndexBuilder.isCyrillic(spelling) else { continue }
                let variant = DerivedVariant(spelling: spelling, scheme: Int16(schemeIndex), term: Int32(termIndex))
                // A spelling the glossary itself lists for the scheme's language is best explained
                // by that scheme: Medinski is the German (not the French) transcription.
                let output = schemeOutputIDs[schemeIndex]
                if output >= 0, concept.terms.indices.contains(where: {
                    termLanguages[$0] == output && concept.terms[$0].text == spelling
                }) {
                    result.insert(variant, at: start + confirmedCount)
                    confirmedCount += 1
                } else {
                    result.append(variant)
                }
            }
        }
        for (termIndex, term) in concept.terms.enumerated()
        where termLanguages[termIndex] != targetID && IndexBuilder.isLatin(term.text) {
            result.append(DerivedVariant(spelling: term.text, scheme: -1, term: Int32(termIndex)))
        }
    }

    /// A scheme's spelling of a term. A concept's terms in two languages are often written alike
    /// (`Кулеба` in `uk` and `ru`), and a scheme that applies to both spells them alike too.
    private func transliterate(_ text: String, termIndex: Int, concept: Concept, scheme: Int) -> String {
        if let done = earlier(scheme, text, concept) { return done }
        var spelling: String?
        if scheme == anyLatinASCII, Self.isCyrillicOnly(text), let latinASCII = shared.latinASCII {
            let cyrillic = cyrillicLatin.flatMap { earlier($0, text, concept) } ?? shared.cyrillicLatin?.transliterate(text)
            spelling = cyrillic.map { latinASCII.transliterate($0) }
        }
        let result = spelling ?? schemes[scheme].transliterator.transliterate(text)
        transliterated.append((scheme, termIndex, result))
        return result
    }

    private func earlier(_ scheme: Int, _ text: String, _ concept: Concept) -> String? {
        for done in transliterated where done.scheme == scheme && concept.terms[done.term].text == text {
            return done.spelling
        }
        return nil
    }

    /// Cyrillic letters, with only Common and Inherited characters (spaces, punctuation, marks)
    /// besides: a single Cyrillic script run for Any-Latin.
    static func isCyrillicOnly(_ text: String) -> Bool {
        var sawCyrillic = false
        for scalar in text.unicodeScalars {
            let code = Script.code(of: scalar)
            if code == Script.cyrillic {
                sawCyrillic = true
            } else if code != Script.common && code != Script.inherited {
                return false
            }
        }
        return sawCyrillic
    }
}
