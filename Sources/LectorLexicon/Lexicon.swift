import Foundation
import LectorHunspell
import LectorMeCab

// MARK: - API
//
// `Lexicon` answers word questions for one language pair from the field's own resources: Hunspell
// (spelling, stems), FreeDict (bilingual dictionaries, dictd format) and WordNet 3.0 (English).
// Everything loads lazily on first use; a missing resource is recorded, never fatal.
//
//     let lexicon = Lexicon.shared(source: "de", target: "en")        // or Lexicon.load(source:target:paths:)
//     lexicon.lemmas(of: "Verhandlungen", language: "de")             // ["verhandeln", …]: Hunspell stems, + WordNet morphy for en,
//                                                                     // MeCab for ja ("行きました" → ["行く"])
//     lexicon.translations(of: "abfallen", from: "de", to: "en")      // [decline <noun>, fall off <verb>, …]
//     lexicon.synonyms(of: "big"); lexicon.antonyms(of: "wet")        // WordNet; satellites via their head ("soggy" → "dry")
//     lexicon.isKnown("Haus", language: "de")                         // true / false; nil without a dictionary
//     lexicon.suggestions(for: "Hause", language: "de")               // Hunspell's corrections
//     lexicon.missingResources                                        // [MissingResource]: what, package, what is weaker
//     lexicon.hasTranslations(from: "de", to: "en")                   // false → say "omission checks off: …" once
//
// Thread-safe: one instance may serve every checking thread (Hunspell calls are serialized per
// dictionary). `Lexicon.headwords(of:)` is the headword list `names.missing` uses.

/// A resource a `Lexicon` could not find: what it is, the Debian package that provides it and what is
/// weaker without it.
public struct MissingResource: Hashable, Sendable, CustomStringConvertible {
    public let resource: String
    public let package: String
    public let weakens: String

    public init(_ resource: LexicalResource) {
        self.resource = resource.name
        package = resource.package
        weakens = resource.weakens
    }

    public var description: String { "\(resource) missing (install \(package)): \(weakens)" }
}

/// Words a caller adds to a language's Hunspell dictionary (a glossary's names, inflected like a
/// dictionary word), named by a key that says which words. Every lexicon and caller with the same
/// key shares one copy of the dictionary with those words, loaded and amended once: the plain
/// dictionary is then not loaded at all for that language (uk_UA costs over 200 ms of CPU).
public struct HunspellAdditions: Sendable {
    public let key: String
    /// Adds the words to a freshly loaded dictionary; returns a note per word (the model word it
    /// was inflected like), kept with the dictionary.
    public let add: @Sendable (HunspellDictionary) throws -> [String: String]

    public init(key: String, add: @escaping @Sendable (HunspellDictionary) throws -> [String: String]) {
        self.key = key
        self.add = add
    }
}

/// A Hunspell dictionary with a caller's words added (`Lexicon.hunspell(_:paths:adding:)`), and
/// the note `HunspellAdditions.add` gave per word. Kept alive by whoever holds this object.
public final class AmendedHunspell: @unchecked Sendable {
    public let dictionary: HunspellDictionary
    public let notes: [String: String]

    init(dictionary: HunspellDictionary, notes: [String: String]) {
        self.dictionary = dictionary
        self.notes = notes
    }
}

/// Word knowledge for one language pair: lemmas, dictionary translations both ways, English synonyms
/// and antonyms, spelling. See the API summary at the top of this file.
public final class Lexicon: @unchecked Sendable {
    public let source: String
    public let target: String
    public let paths: ResourcePaths
    /// Words added to the Hunspell dictionary of a language of the pair (primary subtag → words):
    /// its lemmas, spelling and suggestions come from the amended copy.
    public let additions: [String: HunspellAdditions]

    /// Answers already given (lemmas, translations), per word: a text repeats its words, and a
    /// translation costs inflating a dictzip chunk of about 58 KB.
    private let answers = AnswerCache()
    /// WordNet's synonyms and antonyms, per lemma: the alignment asks them for every translation of
    /// every word it learns, the same translations for many words, and each thread of a file checked
    /// in chunks learns its words again (two threads read WordNet's index and data twice).
    private let wordNetAnswers = AnswerCache()
    private let amendedLock = NSLock()
    /// The dictionaries with `additions` this lexicon asked for, by language tag (`nil`: failed).
    private var amended: [String: AmendedHunspell?] = [:]

    private init(source: String, target: String, paths: ResourcePaths, additions: [String: HunspellAdditions]) {
        self.source = LexicalLanguages.primary(source)
        self.target = LexicalLanguages.primary(target)
        self.paths = paths
        var primary: [String: HunspellAdditions] = [:]
        for (language, words) in additions { primary[LexicalLanguages.primary(language)] = words }
        self.additions = primary
    }

    /// A lexicon for the pair; nothing is read until a question needs it.
    public static func load(source: String, target: String, paths: ResourcePaths = .standard,
                            additions: [String: HunspellAdditions] = [:]) -> Lexicon {
        Lexicon(source: source, target: target, paths: paths, additions: additions)
    }

    /// One lexicon per pair, search path and added words for the whole process (resources are
    /// shared anyway).
    public static func shared(source: String, target: String, paths: ResourcePaths = .standard,
                              additions: [String: HunspellAdditions] = [:]) -> Lexicon {
        let added = additions.map { "\(LexicalLanguages.primary($0.key))=\($0.value.key)" }.sorted().joined(separator: "|")
        let key = "\(LexicalLanguages.primary(source))|\(LexicalLanguages.primary(target))|\(paths.folders.joined(separator: ":"))|\(added)"
        return ResourceCache.shared.value(key) { Lexicon(source: source, target: target, paths: paths, additions: additions) }
    }

    // MARK: - Loading ahead

    /// Starts loading, on background threads, what checking text of this pair reads: the target's
    /// Hunspell dictionary, and with a source the source's, the FreeDict dictionaries both ways
    /// (with their reverse links where a direction is read backwards), the headword lists and
    /// WordNet when one side is English. Returns at once. A question asked before its resource is
    /// ready waits for that resource alone, so the loads overlap whatever the caller does next
    /// (indexing glossaries, reading files) instead of adding to it.
    public func preload(bilingual: Bool) {
        let paths = paths
        let source = source
        let target = target
        // Not the other varieties of the target (en_GB beside en_US): spelling asks for them only
        // when a word is unknown to the first, which a short text often never has (en_GB costs
        // about 45 ms of CPU).
        var loads: [@Sendable () -> Void] = [
            { _ = self.hunspell(target) },
            { _ = Lexicon.headwords(of: target, paths: paths) },
        ]
        if bilingual, source != target, !source.isEmpty {
            loads.append { _ = self.hunspell(source) }
            loads.append { _ = Lexicon.headwords(of: source, paths: paths) }
            for (from, to) in [(source, target), (target, source)] {
                loads.append {
                    let direct = Lexicon.dictionary(from: from, to: to, paths: paths)
                    _ = Lexicon.reversed(from: from, to: to, paths: paths, direct: direct)
                }
            }
            if source == "en" || target == "en" { loads.append { _ = Lexicon.wordNet(paths: paths) } }
        }
        // Not MeCab: libmecab has C++ static destructors, which `exit` would run under a load still
        // going on a background thread; it loads on first use (a Japanese lemma).
        for load in loads { DispatchQueue.global(qos: .userInitiated).async(execute: load) }
    }

    /// Only the Hunspell dictionaries of `languages`, in the background (`preload`).
    public func preloadHunspell(_ languages: [String]) {
        for language in languages {
            DispatchQueue.global(qos: .userInitiated).async { _ = self.hunspell(language) }
        }
    }

    // MARK: - Questions

    /// The dictionary forms of a word: Hunspell stems, and for English also WordNet's morphy. Empty
    /// when no resource knows the word.
    public func lemmas(of word: String, language: String) -> [String] {
        let primary = LexicalLanguages.primary(language)
        return answers.value("l|\(primary)|\(word)") { uncachedLemmas(of: word, primary: primary) }
    }

    private func uncachedLemmas(of word: String, primary: String) -> [String] {
        // Japanese has no Hunspell dictionary: MeCab's dictionary forms (行きました → 行く).
        if primary == "ja" { return Self.meCab(paths: paths)?.lemmas(of: word) ?? [] }
        var result = hunspell(primary)?.stem(word) ?? []
        if primary == "en", let wordNet {
            for lemma in wordNet.lemmas(of: word) where !result.contains(lemma) { result.append(lemma) }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// Dictionary translations of a lemma from one language to the other (either order of the pair,
    /// or any other pair FreeDict has). The dictionary of that direction is read directly; the
    /// opposite one is read backwards where the direction is missing or much smaller (FreeDict's
    /// ces→eng has 500 headwords, eng→ces 70,000).
    public func translations(of lemma: String, from: String, to: String) -> [DictionaryTranslation] {
        let from = LexicalLanguages.primary(from)
        let to = LexicalLanguages.primary(to)
        return answers.value("t|\(from)|\(to)|\(lemma)") { uncachedTranslations(of: lemma, from: from, to: to) }
    }

    private func uncachedTranslations(of lemma: String, from: String, to: String) -> [DictionaryTranslation] {
        var result: [DictionaryTranslation] = []
        var seen = Set<DictionaryTranslation>()
        let (direct, reverse) = dictionaries(from: from, to: to)
        if let direct {
            do {
                for translation in try direct.translations(of: lemma) where seen.insert(translation).inserted {
                    result.append(translation)
                }
            } catch {
                Self.report(error)
            }
        }
        if let reverse {
            do {
                for translation in try reverse.translations(of: lemma) where seen.insert(translation).inserted {
                    result.append(translation)
                }
            } catch {
                Self.report(error)
            }
        }
        return result
    }

    /// The dictionary of a direction and the opposite one read backwards (`reversed`), found once
    /// per lexicon: finding them builds two keys of the process-wide cache and takes its locks,
    /// which on real text (every new word a look-up, ru→en through German) was 7 % of the check.
    private func dictionaries(from: String, to: String) -> (FreeDictDictionary?, ReversedDictionary?) {
        let direction = Direction(from: from, to: to)
        if let found = directionsLock.withLock({ directions[direction] }) { return found }
        let direct = Self.dictionary(from: from, to: to, paths: paths)
        let found = (direct, Self.reversed(from: from, to: to, paths: paths, direct: direct))
        directionsLock.withLock { directions[direction] = found }
        return found
    }

    private struct Direction: Hashable {
        let from: String
        let to: String
    }
    private let directionsLock = NSLock()
    private var directions: [Direction: (FreeDictDictionary?, ReversedDictionary?)] = [:]

    /// Translations of a name from the dictionary `from → to` itself: only its entries whose
    /// headword is written as the name is, capital included (`Danube`, not `johnson`, the slang
    /// word; dictionary lookups fold case). Every line of such an entry but notes and
    /// cross-references is read, indented or not (eng-pol indents its translations: `  Dunaj`),
    /// without its labels (`[zem]`, `<n>`, `(americký spisovatel)`).
    public func nameTranslations(of name: String, from: String, to: String) -> [String] {
        let from = LexicalLanguages.primary(from)
        let to = LexicalLanguages.primary(to)
        return answers.value("n|\(from)|\(to)|\(name)") {
            guard let dictionary = Self.dictionary(from: from, to: to, paths: paths) else { return [] }
            do {
                var result: [String] = []
                for entry in try dictionary.entries(of: name) {
                    let lines = entry.split(separator: "\n")
                    guard let first = lines.first, first.prefix(while: { $0 != " " && $0 != "\t" }) == name else { continue }
                    for line in lines.dropFirst() {
                        var text = line.drop { $0 == " " || $0 == "\t" || $0 == "-" }
                        if text.first?.isNumber == true { text = text.drop { $0.isNumber || $0 == "." || $0 == " " } }
                        guard let opening = text.first, !"{(\"".contains(opening),
                              !text.hasPrefix("Note:"), !text.hasPrefix("Synonym"), !text.hasPrefix("see:") else { continue }
                        var cleaned = ""
                        var depth = 0
                        for character in text {
                            if "[<(".contains(character) { depth += 1 } else if "]>)".contains(character) { depth = max(0, depth - 1) } else if depth == 0 { cleaned.append(character) }
                        }
                        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
                        if !trimmed.isEmpty, !result.contains(trimmed) { result.append(trimmed) }
                    }
                }
                return result
            } catch {
                Self.report(error)
                return []
            }
        }
    }

    /// Translations of a lemma through a third language, for a pair whose own dictionaries are small
    /// (FreeDict's eng-rus has 1,700 headwords, deu-rus 22,600 and deu-eng 519,000): the lemma's
    /// translations into each `pivot` that dictionaries link with both languages, then theirs into
    /// `to`. Only the first `perPivot` translations into the pivot are followed, in dictionary order
    /// (the common senses first), since each of them fans out again.
    public func pivotTranslations(of lemma: String, from: String, to: String, through pivots: [String],
                                  perPivot: Int = 3) -> [DictionaryTranslation] {
        let from = LexicalLanguages.primary(from)
        let to = LexicalLanguages.primary(to)
        let key = "p|\(from)|\(to)|\(pivots.joined(separator: ","))|\(perPivot)|\(lemma)"
        return answers.value(key) {
            var result: [DictionaryTranslation] = []
            var seen = Set<DictionaryTranslation>()
            for pivot in pivots.map(LexicalLanguages.primary) where pivot != from && pivot != to {
                var followed = Set<String>()
                for step in translations(of: lemma, from: from, to: pivot) {
                    guard followed.count < perPivot, followed.insert(step.text.lowercased()).inserted else { continue }
                    for translation in translations(of: step.text, from: pivot, to: to) where seen.insert(translation).inserted {
                        result.append(translation)
                    }
                }
            }
            return result
        }
    }

    /// The languages a lemma of `from` can be translated into `to` through: those that installed
    /// dictionaries (either direction) link with both. Decided by the files alone: a pivot's
    /// dictionaries load when a word first needs them (en→ru would otherwise open every English
    /// dictionary, jpn-eng and deu-eng among them, before the first sentence). One that is found
    /// but unusable is reported when it is read and then gives no translation.
    public func pivots(from: String, to: String) -> [String] {
        let from = LexicalLanguages.primary(from)
        let to = LexicalLanguages.primary(to)
        return languageLists.value("p|\(from)|\(to)") {
            LexicalLanguages.freeDictCodes.keys.sorted().filter {
                $0 != from && $0 != to && hasDictionaryFiles(from, $0) && hasDictionaryFiles($0, to)
            }
        }
    }

    /// `pivots` and `languagesTranslated` per language (pair): both are decided by the installed
    /// files, which a run does not see change, and rules ask for them word by word (each answer
    /// tests some 90 languages' file names).
    private let languageLists = AnswerCache()

    /// Whether a dictionary file (in either direction) links the two languages, without loading it.
    func hasDictionaryFiles(_ first: String, _ second: String) -> Bool {
        let names = Self.freeDictIndexNames(paths: paths)
        let firstCodes = LexicalLanguages.freeDictCodes[first] ?? []
        let secondCodes = LexicalLanguages.freeDictCodes[second] ?? []
        return firstCodes.contains { f in
            secondCodes.contains { names.contains("freedict-\(f)-\($0).index") || names.contains("freedict-\($0)-\(f).index") }
        }
    }

    /// The names of the FreeDict index files in the search path, from one listing of each folder:
    /// asking `located` for every candidate pivot costs a `stat` per name and folder (over 40 ms of
    /// CPU for the 90 pairs of a check, on Debian's 17 folders and their subfolders).
    static func freeDictIndexNames(paths: ResourcePaths) -> Set<String> {
        ResourceCache.shared.value("freedict-names|\(paths.folders.joined(separator: ":"))") {
            Set(paths.files { $0.hasPrefix("freedict-") && $0.hasSuffix(".index") }.map { ($0 as NSString).lastPathComponent })
        }
    }

    /// The languages an installed dictionary from `language` translates into.
    public func languagesTranslated(from language: String) -> [String] {
        let language = LexicalLanguages.primary(language)
        return languageLists.value("t|\(language)") {
            LexicalLanguages.freeDictCodes.keys.sorted().filter {
                $0 != language && Self.dictionary(from: language, to: $0, paths: paths) != nil
            }
        }
    }

    /// Whether a dictionary (in either direction) links the two languages.
    public func hasTranslations(from: String, to: String) -> Bool {
        let from = LexicalLanguages.primary(from)
        let to = LexicalLanguages.primary(to)
        return Self.dictionary(from: from, to: to, paths: paths) != nil
            || Self.dictionary(from: to, to: from, paths: paths) != nil
    }

    /// WordNet synonyms of an English lemma (every sense, most frequent first); empty without WordNet.
    public func synonyms(of englishLemma: String) -> [String] {
        guard let wordNet else { return [] }
        return wordNetAnswers.value("s|" + englishLemma) { wordNet.synonyms(of: englishLemma) }
    }

    /// WordNet antonyms of an English lemma, adjective satellites through their head; empty without
    /// WordNet.
    public func antonyms(of englishLemma: String) -> [String] {
        guard let wordNet else { return [] }
        return wordNetAnswers.value("a|" + englishLemma) { wordNet.antonyms(of: englishLemma) }
    }

    /// WordNet's antonyms of the lemma's own words only, without those an adjective satellite
    /// takes from its head (`vast`, a satellite of `large`, is not opposed to `small` here).
    public func directAntonyms(of englishLemma: String) -> [String] {
        guard let wordNet else { return [] }
        return wordNetAnswers.value("d|" + englishLemma) { wordNet.antonyms(of: englishLemma, throughHeads: false) }
    }

    /// How WordNet files a capitalized English word (a particular one, an adjective, a kind); `nil`
    /// without WordNet or when it does not list the word.
    public func nameSense(ofEnglish word: String) -> WordNet.NameSense? { wordNet?.nameSense(of: word) }

    /// Whether Hunspell accepts the word; `nil` when there is no dictionary for the language.
    public func isKnown(_ word: String, language: String) -> Bool? {
        hunspell(LexicalLanguages.primary(language))?.spell(word)
    }

    /// Hunspell's corrections for a word, best first; empty without a dictionary.
    public func suggestions(for word: String, language: String) -> [String] {
        hunspell(LexicalLanguages.primary(language))?.suggest(word) ?? []
    }

    /// Whether WordNet is available (antonyms and synonyms need it).
    public var hasWordNet: Bool { wordNet != nil }

    /// The resources of this pair that are absent: Hunspell for both languages, FreeDict between them
    /// (in neither direction), WordNet when one side is English.
    public var missingResources: [MissingResource] {
        var missing: [MissingResource] = []
        for language in Set([source, target]).sorted() where language != "" {
            if language == "ja" {
                let resource = LexicalResource.meCab(paths: paths)
                if !resource.isPresent { missing.append(MissingResource(resource)) }
                continue
            }
            let resource = LexicalResource.hunspell(language, paths: paths)
            if !resource.isPresent, LexicalLanguages.hunspellNames[language] != nil { missing.append(MissingResource(resource)) }
        }
        if source != target, !hasTranslations(from: source, to: target),
           let resource = LexicalResource.freeDict(from: source, to: target, paths: paths)
            ?? LexicalResource.freeDict(from: target, to: source, paths: paths) {
            missing.append(MissingResource(resource))
        }
        if source == "en" || target == "en" {
            let resource = LexicalResource.wordNet(paths: paths)
            if !resource.isPresent { missing.append(MissingResource(resource)) }
        }
        return missing
    }

    // MARK: - Resources

    /// The Hunspell dictionary of a language (shared, read-only use: spell, suggest, stem), with
    /// the words of `additions` where the lexicon has some for the language.
    public func hunspell(_ language: String) -> HunspellDictionary? {
        if let words = additions[LexicalLanguages.primary(language)] {
            amendedLock.lock()
            let cached = amended[language]
            amendedLock.unlock()
            if let cached { return cached?.dictionary }
            // Loaded outside this lock (the resource's own lock makes a second asker wait), and
            // held by this lexicon for its life; a failure is remembered too.
            let loaded = Self.hunspell(language, paths: paths, adding: words)
            amendedLock.lock()
            amended[language] = .some(loaded)
            amendedLock.unlock()
            return loaded?.dictionary
        }
        return Self.hunspell(language, paths: paths)
    }

    /// The installed dictionaries of the language's standard varieties (`en_US` and `en_GB`, `de_DE`,
    /// `de_AT` and `de_CH`, …: `LexicalLanguages.hunspellNames`), the language's own first, each
    /// file once (regional names that link to one file are one dictionary). For text tagged with
    /// the language alone (`en`), where any standard spelling is correct.
    public func hunspellVarieties(_ language: String) -> [HunspellDictionary] {
        let primary = LexicalLanguages.primary(language)
        var seen = Set<String>()
        var result: [HunspellDictionary] = []
        for tag in [primary] + (LexicalLanguages.hunspellNames[primary] ?? []).map({ $0.replacingOccurrences(of: "_", with: "-") })
        where tag.split(separator: "-").count <= 2 {
            guard let files = LexicalResource.hunspellFiles(tag, in: paths),
                  seen.insert(URL(fileURLWithPath: files.dictionary).resolvingSymlinksInPath().path).inserted,
                  let dictionary = Self.hunspell(tag, paths: paths) else { continue }
            result.append(dictionary)
        }
        return result
    }

    /// WordNet, found once per lexicon: finding it builds two cache keys from the search path and
    /// takes two locks, and the name rules ask WordNet about every capitalized word.
    private var wordNet: WordNet? {
        wordNetLock.lock()
        let found = resolvedWordNet
        wordNetLock.unlock()
        if let found { return found }
        let made = Self.wordNet(paths: paths)
        wordNetLock.lock()
        resolvedWordNet = .some(made)
        wordNetLock.unlock()
        return made
    }

    private let wordNetLock = NSLock()
    private var resolvedWordNet: WordNet??

    /// Where a resource is, searched once per process: a search stats dozens of candidate paths,
    /// and spelling asks for the dictionary of every word.
    static func located<T>(_ key: String, paths: ResourcePaths, _ search: () -> T?) -> T? {
        ResourceCache.shared.optional("located|\(key)|\(paths.folders.joined(separator: ":"))") { search().map { Box($0) } }?.value
    }

    /// The shared Hunspell dictionary of a language in these paths, loaded once per process.
    public static func hunspell(_ language: String, paths: ResourcePaths) -> HunspellDictionary? {
        guard let found = located("hunspell|\(language)", paths: paths, { LexicalResource.hunspellFiles(language, in: paths).map { [$0.affix, $0.dictionary] } })
        else { return nil }
        let files = (affix: found[0], dictionary: found[1])
        return ResourceCache.shared.optional("hunspell|\(files.dictionary)") {
            do {
                return try HunspellDictionary(affixPath: files.affix, dictionaryPath: files.dictionary,
                                              loadingFrom: HunspellLoadOrder.loadPath(affix: files.affix, dictionary: files.dictionary))
            } catch {
                report(error)
                return nil
            }
        }
    }

    /// The Hunspell dictionary of a language with words added, loaded and amended once for each
    /// set of words (`additions.key`) while something holds it (the returned object: a lexicon, a
    /// glossary stemmer); every glossary has a copy of its own (up to 38 MB), freed with the last
    /// checker or index that uses it. `nil` without a dictionary, or when it or the additions
    /// fail (reported once).
    public static func hunspell(_ language: String, paths: ResourcePaths, adding additions: HunspellAdditions) -> AmendedHunspell? {
        guard let found = located("hunspell|\(language)", paths: paths, { LexicalResource.hunspellFiles(language, in: paths).map { [$0.affix, $0.dictionary] } })
        else { return nil }
        let files = (affix: found[0], dictionary: found[1])
        return ResourceCache.shared.held("hunspell|\(files.dictionary)|+\(additions.key)") {
            do {
                let dictionary = try HunspellDictionary(affixPath: files.affix, dictionaryPath: files.dictionary,
                                                        loadingFrom: HunspellLoadOrder.loadPath(affix: files.affix, dictionary: files.dictionary))
                return AmendedHunspell(dictionary: dictionary, notes: try additions.add(dictionary))
            } catch {
                ResourceCache.shared.reportOnce("lector: warning: Hunspell dictionary for \(language) unusable, spelling and inflected glossary matching off: \(error)")
                return nil
            }
        }
    }

    /// A Hunspell dictionary of its own, for a caller that adds words to it (glossary names).
    public static func privateHunspell(_ language: String, paths: ResourcePaths) throws -> HunspellDictionary? {
        guard let files = LexicalResource.hunspellFiles(language, in: paths) else { return nil }
        return try HunspellDictionary(affixPath: files.affix, dictionaryPath: files.dictionary)
    }

    /// The shared MeCab analyser (Japanese), `nil` without a UTF-8 dictionary; one in another
    /// encoding is refused once on standard error (`lector doctor` lists it as refused).
    public static func meCab(paths: ResourcePaths) -> MeCabAnalyzer? {
        guard let found = located("mecab", paths: paths, { LexicalResource.meCabDictionary(in: paths).map { [$0.folder, $0.charset] } })
        else { return nil }
        return ResourceCache.shared.optional("mecab|\(found[0])") {
            do { return try MeCabAnalyzer(dictionaryFolder: found[0]) } catch { report(error); return nil }
        }
    }

    static func wordNet(paths: ResourcePaths) -> WordNet? {
        guard let folder = located("wordnet", paths: paths, { WordNet.locate(in: paths) }) else { return nil }
        return ResourceCache.shared.optional("wordnet|\(folder)") {
            do { return try WordNet(folder: folder) } catch { report(error); return nil }
        }
    }

    /// The index file of the FreeDict dictionary `from → to`, searched once per process.
    static func dictionaryIndex(from: String, to: String, paths: ResourcePaths) -> String? {
        located("freedict|\(from)|\(to)", paths: paths, {
            // A pair none of whose file names the folders list has no file: searching it would
            // stat every candidate name in every folder (`languagesTranslated` asks for every
            // FreeDict language: about 7 ms of CPU in a one-sentence de→en check).
            let listed = freeDictIndexNames(paths: paths)
            let fromCodes = LexicalLanguages.freeDictCodes[LexicalLanguages.primary(from)] ?? []
            let toCodes = LexicalLanguages.freeDictCodes[LexicalLanguages.primary(to)] ?? []
            guard fromCodes.contains(where: { f in toCodes.contains { listed.contains("freedict-\(f)-\($0).index") } }) else { return nil }
            return LexicalResource.freeDictIndex(from: from, to: to, in: paths)
        })
    }

    static func dictionary(from: String, to: String, paths: ResourcePaths) -> FreeDictDictionary? {
        guard let index = dictionaryIndex(from: from, to: to, paths: paths) else { return nil }
        return ResourceCache.shared.optional("freedict|\(index)") {
            do { return try FreeDictDictionary(indexPath: index) } catch { report(error); return nil }
        }
    }

    /// The dictionary `to → from` read backwards, when `from → to` is missing or has under a tenth of
    /// its headwords.
    static func reversed(from: String, to: String, paths: ResourcePaths, direct: FreeDictDictionary?) -> ReversedDictionary? {
        guard let opposite = dictionary(from: to, to: from, paths: paths) else { return nil }
        if let direct, direct.entryCount * 10 >= opposite.entryCount { return nil }
        return ResourceCache.shared.optional("reversed|\(opposite.indexPath)") {
            do { return try ReversedDictionary(opposite) } catch { report(error); return nil }
        }
    }

    /// The headwords of a language (a FreeDict dictionary from it): the ordinary words `names.missing`
    /// and the garbled signals tell names and noise from. `nil` without one. Only the dictionaries
    /// these checks were measured with are used (their figures would move with another list).
    public static func headwords(of language: String, paths: ResourcePaths = .standard) -> FreeDictDictionary? {
        let targets: [String: [String]] = ["de": ["en"], "en": ["de", "ru"], "fr": ["en"], "cs": ["en"], "ru": ["en"]]
        let primary = LexicalLanguages.primary(language)
        for target in targets[primary] ?? [] {
            if let dictionary = dictionary(from: primary, to: target, paths: paths) { return dictionary }
        }
        return nil
    }

    /// The headword list of a language (`headwords(of:)`), under its earlier name.
    public static func forLanguage(_ language: String) -> FreeDictDictionary? { headwords(of: language) }

    /// A damaged resource file is said once on standard error and then treated as absent.
    static func report(_ error: Error) {
        ResourceCache.shared.reportOnce("lector: warning: lexical resource unusable: \(error)")
    }
}

/// A FreeDict dictionary indexed by its translations: `eng → rus` read as `rus → eng`.
///
/// Holds only the sorted (hash of translation, entry) links, 12 bytes each; a lookup reads the few
/// entries whose hash matches and keeps the headwords one of whose translations is the word.
final class ReversedDictionary: Sendable {
    private let dictionary: FreeDictDictionary
    private let hashes: [UInt64]
    private let lines: [UInt32]

    init(_ dictionary: FreeDictDictionary) throws {
        self.dictionary = dictionary
        (hashes, lines) = try dictionary.reverseLinks()
    }

    func translations(of word: String) throws -> [DictionaryTranslation] {
        let key = FreeDictDictionary.foldedKey(Array(word.utf8))
        let hash = FreeDictDictionary.fnv1a(key)
        var low = 0
        var high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        var result: [DictionaryTranslation] = []
        var seen = Set<DictionaryTranslation>()
        var previousLine: UInt32?
        while low < hashes.count, hashes[low] == hash {
            defer { low += 1 }
            guard lines[low] != previousLine else { continue }
            previousLine = lines[low]
            let (headword, translations) = try dictionary.entry(atLine: Int(lines[low]))
            for translation in translations where FreeDictDictionary.foldedKey(Array(translation.text.utf8)) == key {
                let back = DictionaryTranslation(text: headword, partOfSpeech: translation.partOfSpeech)
                if seen.insert(back).inserted { result.append(back) }
            }
        }
        return result
    }
}

/// A value in a reference, so that an absent one and a found one are told apart in `ResourceCache`.
final class Box<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A bounded memo of a lexicon's answers, shared by threads, in two generations: when the newer
/// one is full it becomes the older and a new one starts, and an answer found in the older is
/// brought into the newer. So at most twice `limit` answers are kept, however long the stream,
/// and the frequent ones survive the turn-over. (Emptying it when full, as before, threw away
/// every frequent answer every `limit` new ones: on real text with many new words, ru→en
/// through German, each frequent German word's dictzip chunk was inflated again after each
/// emptying.)
final class AnswerCache: @unchecked Sendable {
    static let limit = WordStoreCapacity.words
    private let lock = NSLock()
    private var lemmas = Generations<[String]>()
    private var translations = Generations<[DictionaryTranslation]>()

    /// The two generations of one kind of answer; used under `lock`.
    struct Generations<Value> {
        private(set) var newer: [String: Value] = [:]
        private(set) var older: [String: Value] = [:]

        /// The kept answer, brought into the newer generation when it was in the older.
        mutating func value(_ key: String, limit: Int) -> Value? {
            if let found = newer[key] { return found }
            guard let found = older[key] else { return nil }
            insert(found, for: key, limit: limit)
            return found
        }

        mutating func insert(_ value: Value, for key: String, limit: Int) {
            if newer.count >= limit {
                older = newer
                newer = [:]
                newer.reserveCapacity(limit)
            }
            newer[key] = value
        }

        var count: Int { newer.count + older.count }
    }

    func value(_ key: String, _ make: () -> [String]) -> [String] {
        lock.lock()
        let cached = lemmas.value(key, limit: Self.limit)
        lock.unlock()
        if let cached { return cached }
        let made = make()
        lock.lock()
        lemmas.insert(made, for: key, limit: Self.limit)
        lock.unlock()
        return made
    }

    func value(_ key: String, _ make: () -> [DictionaryTranslation]) -> [DictionaryTranslation] {
        lock.lock()
        let cached = translations.value(key, limit: Self.limit)
        lock.unlock()
        if let cached { return cached }
        let made = make()
        lock.lock()
        translations.insert(made, for: key, limit: Self.limit)
        lock.unlock()
        return made
    }

    /// Answers kept, both kinds and generations (for tests of the bound).
    var count: Int { lock.withLock { lemmas.count + translations.count } }
}

/// Process-wide store of loaded resources, keyed by file, so every lexicon shares one copy.
///
/// Each key has a lock of its own: a thread that needs a resource another thread is loading waits
/// for that load (and does not load it twice), while loads of different resources, and reads of
/// resources already loaded, go on in parallel (the background loading of `Lexicon.preload`).
final class ResourceCache: @unchecked Sendable {
    static let shared = ResourceCache()
    private let lock = NSLock()
    private var slots: [String: Slot] = [:]
    private var reported = Set<String>()
    private let reportLock = NSLock()

    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var isMade = false
        var value: Any?
        weak var held: AnyObject?
    }

    private func slot(_ key: String) -> Slot {
        lock.lock()
        defer { lock.unlock() }
        if let existing = slots[key] { return existing }
        let made = Slot()
        slots[key] = made
        return made
    }

    func value<T>(_ key: String, _ make: () -> T) -> T {
        let slot = slot(key)
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if slot.isMade, let existing = slot.value as? T { return existing }
        let made = make()
        slot.value = made
        slot.isMade = true
        return made
    }

    func optional<T>(_ key: String, _ make: () -> T?) -> T? {
        let slot = slot(key)
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if slot.isMade { return slot.value as? T }
        let made = make()
        slot.value = made
        slot.isMade = true
        return made
    }

    /// A value kept only while something else holds it: made again when asked after the last
    /// holder let it go. A value that could not be made (`nil`) is not remembered here: the asker
    /// remembers it.
    func held<T: AnyObject>(_ key: String, _ make: () -> T?) -> T? {
        let slot = slot(key)
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let existing = slot.held as? T { return existing }
        let made = make()
        slot.held = made
        return made
    }

    /// Called while a resource loads: it has a lock of its own.
    func reportOnce(_ message: String) {
        reportLock.lock()
        let first = reported.insert(message).inserted
        reportLock.unlock()
        if first { FileHandle.standardError.write(Data((message + "\n").utf8)) }
    }
}
