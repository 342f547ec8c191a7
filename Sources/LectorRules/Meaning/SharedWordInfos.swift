import Foundation
import LectorLexicon
import LectorText

/// What every thread's word store (`AlignmentWords`) of one lexicon and pair has learned of its
/// words, for the others: a thread that keeps its working data (`CheckContext.kept`) has a store
/// of its own, and each looked every word up in the dictionaries again (lemmas, translations,
/// WordNet's synonyms and antonyms, transliteration, cognates). A word's knowledge depends only on
/// the lexicon, the pair, the side and the word as written, so a store adopts another's under an
/// id of its own (`WordInfo.id` numbers its memos). The dictionaries are read outside the lock;
/// a word one store is making is marked, and another store that needs it waits for it rather than
/// making it too (the threads start on the same common words at once).
final class SharedWordInfos: @unchecked Sendable {
    private enum Entry {
        case made(WordInfo)
        /// A store is making it; wait on `condition`.
        case making
    }

    private let condition = NSCondition()
    private var source: [String: Entry] = [:]
    private var target: [String: Entry] = [:]
    /// Held so that the lexicon whose identity names this table is never freed and its address
    /// never given to another lexicon.
    private let lexicon: Lexicon

    private init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Words kept a side, at most, as in a store (`WordStoreCapacity.words`): past it a word is
    /// made by the store that needs it, as a store past its own capacity does.
    static let capacity = WordStoreCapacity.words

    /// One table per lexicon and pair for the whole process.
    private final class Tables: @unchecked Sendable {
        let lock = NSLock()
        var tables: [String: SharedWordInfos] = [:]
    }
    private static let tables = Tables()

    /// The table of the stores of `lexicon` and the pair named by `key` (the stores' own key).
    static func of(lexicon: Lexicon, key: String) -> SharedWordInfos {
        tables.lock.withLock {
            if let table = tables.tables[key] { return table }
            let table = SharedWordInfos(lexicon: lexicon)
            tables.tables[key] = table
            return table
        }
    }

    /// A table of no pair, for tests.
    static func unnamed(lexicon: Lexicon) -> SharedWordInfos { SharedWordInfos(lexicon: lexicon) }

    /// The knowledge of `written` on `side`: another store's (`adopted`, under that store's id),
    /// or the one `make` makes (then kept for the others while the table has room).
    func info(of written: String, side: LexicalAlignment.Side, make: () -> WordInfo) -> (info: WordInfo, adopted: Bool) {
        condition.lock()
        while true {
            switch side == .source ? source[written] : target[written] {
            case .made(let info)?:
                condition.unlock()
                // The table's keys compare by canonical equivalence, the dictionaries by bytes: a
                // word another thread made from its other normalization form is made anew.
                guard UTF8Bytes.equal(info.written, written) else { return (make(), false) }
                return (info, true)
            case .making?:
                condition.wait()
            case nil:
                guard (side == .source ? source.count : target.count) < Self.capacity else {
                    condition.unlock()
                    return (make(), false)
                }
                if side == .source { source[written] = .making } else { target[written] = .making }
                condition.unlock()
                let made = make()
                condition.lock()
                if side == .source { source[written] = .made(made) } else { target[written] = .made(made) }
                condition.broadcast()
                condition.unlock()
                return (made, false)
            }
        }
    }

    /// `meaning.antonym`'s English dictionary forms of each word's translations
    /// (`AlignmentWords.translationLemmas`), by side and word as written: the same words come back
    /// in every chunk, on every thread.
    private let lemmaLock = NSLock()
    private var sourceLemmas: [String: Set<String>] = [:]
    private var targetLemmas: [String: Set<String>] = [:]

    func translationLemmas(of written: String, side: LexicalAlignment.Side) -> Set<String>? {
        lemmaLock.withLock { side == .source ? sourceLemmas[written] : targetLemmas[written] }
    }

    func noteTranslationLemmas(_ lemmas: Set<String>, of written: String, side: LexicalAlignment.Side) {
        lemmaLock.withLock {
            if side == .source {
                if sourceLemmas.count < Self.capacity { sourceLemmas[written] = lemmas }
            } else if targetLemmas.count < Self.capacity {
                targetLemmas[written] = lemmas
            }
        }
    }

    /// Words made, both sides.
    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return source.count + target.count
    }
}

extension WordInfo {
    /// The same knowledge under another store's id: the sets are shared (copy on write), none copied.
    func adopted(id: UInt32) -> WordInfo {
        WordInfo(id: id, written: written, folded: folded, lemmas: lemmas, translations: translations,
                 translationSynonyms: translationSynonyms, isKnown: isKnown, isCapitalized: isCapitalized, latin: latin,
                 cognateKey: cognateKey, lemmaCognates: lemmaCognates, translationCognates: translationCognates,
                 antonyms: antonyms, directAntonyms: directAntonyms, negatedTranslations: negatedTranslations,
                 negatedSynonyms: negatedSynonyms)
    }
}
