import Foundation
import LectorICU
import LectorText
import LectorRules
import LectorKit

/// How far the lexical resources reach on real data: dictionary coverage of source words, and
/// `spelling.unknown`'s false alarms on correct text.
public enum LexiconEvaluation {
    /// One column of one TSV file, in a language.
    public struct Column: Sendable {
        public let path: String
        public let name: String
        public let language: String
        /// Only rows whose `column` has this value (CED's `label` = `NOT`: MT judged free of critical errors).
        public let filter: (column: String, value: String)?

        public init(path: String, name: String, language: String, filter: (column: String, value: String)? = nil) {
            self.path = path
            self.name = name
            self.language = language
            self.filter = filter
        }
    }

    // MARK: - Coverage

    public struct CoverageResult: CustomStringConvertible, Sendable {
        public let pair: String
        public let dataset: String
        public let contentWords: Int
        public let withTranslation: Int
        public let translationFound: Int

        public var description: String {
            func percent(_ part: Int) -> String {
                contentWords == 0 ? "–" : String(format: "%.1f %%", 100 * Double(part) / Double(contentWords))
            }
            return "\(pair) \(dataset): \(contentWords) content words; \(percent(withTranslation)) have a dictionary translation, "
                + "\(percent(translationFound)) one found in the reference (\(translationFound))"
        }
    }

    /// Share of the source's content words (letter words of four or more letters, not capitalized
    /// mid-sentence: names are left out, dictionaries do not list them) that have a dictionary
    /// translation (of the word or one of its lemmas) with a word found in the reference (compared
    /// by lower-cased word and by the reference words' lemmas; for Japanese and Chinese, as a substring).
    /// A Japanese source has no spaces and few words of four letters: its content words are
    /// MeCab's (nouns, verbs, adjectives, adverbs; particles, auxiliaries and suffixes left out),
    /// in their dictionary form, each once per sentence, numerals left out; a tokenized text is
    /// joined back first.
    public static func coverage(source: Column, reference: Column, lexicon: Lexicon, limit: Int? = nil) throws(InputError) -> CoverageResult {
        let rows = try readRows(source, reference, limit: limit)
        let denseTarget = ["ja", "zh"].contains(reference.language)
        var contentWords = 0
        var withTranslation = 0
        var found = 0
        for (sourceText, referenceText) in rows {
            let referenceWords = Set(words(of: referenceText, language: reference.language).map { $0.lowercased() })
            var referenceLemmas = referenceWords
            if !denseTarget {
                for word in referenceWords { referenceLemmas.formUnion(lexicon.lemmas(of: word, language: reference.language).map { $0.lowercased() }) }
            }
            let foldedReference = referenceText.lowercased()
            let sourceWords: [String]
            if source.language == "ja" {
                sourceWords = lexicon.lemmas(of: sourceText.replacingOccurrences(of: " ", with: ""), language: "ja").filter { lemma in
                    lemma.allSatisfy(\.isLetter) && !lemma.unicodeScalars.contains { $0.properties.numericType != nil }
                }
            } else {
                sourceWords = words(of: sourceText, language: source.language).enumerated().filter { index, word in
                    word.count >= 4 && word.allSatisfy(\.isLetter)
                        && (index == 0 || word.first?.isUppercase != true || source.language == "de")
                }.map(\.element)
            }
            for word in sourceWords {
                contentWords += 1
                var lemmas = [word, word.lowercased()]
                lemmas += lexicon.lemmas(of: word, language: source.language)
                var seen = Set<String>()
                var translations: [String] = []
                for lemma in lemmas where seen.insert(lemma).inserted {
                    translations += lexicon.translations(of: lemma, from: source.language, to: reference.language).map(\.text)
                }
                guard !translations.isEmpty else { continue }
                withTranslation += 1
                let hit = translations.contains { translation in
                    if denseTarget { return foldedReference.contains(translation.lowercased()) }
                    return translation.lowercased().split(separator: " ").contains { part in
                        part.count >= 3 && (referenceLemmas.contains(String(part)))
                    }
                }
                if hit { found += 1 }
            }
        }
        return CoverageResult(pair: "\(source.language)→\(reference.language)", dataset: dataset(reference),
                              contentWords: contentWords, withTranslation: withTranslation, translationFound: found)
    }

    // MARK: - Spelling

    public struct SpellingResult: CustomStringConvertible, Sendable {
        public let language: String
        public let dataset: String
        public let words: Int
        public let flagged: [String]

        public var perThousand: Double { words == 0 ? 0 : 1_000 * Double(flagged.count) / Double(words) }

        public var description: String {
            "\(language) \(dataset): \(flagged.count) flagged in \(words) words = \(String(format: "%.2f", perThousand)) per 1,000"
        }
    }

    /// `spelling.unknown` alone over correct text (references, post-edits, human-written sources):
    /// every finding is a false alarm. Tokenized text is detokenized first, as `lector check` reads it.
    /// With a `source` column, each row is checked against its source, as `lector check --source`
    /// does (words and names of the source are not judged).
    public static func spellingFalseAlarms(_ column: Column, source: Column? = nil, paths: ResourcePaths = .standard,
                                           limit: Int? = nil) throws(InputError) -> SpellingResult {
        let rows = try readRows(column, source, limit: limit)
        var configuration = CheckConfiguration(targetLanguage: column.language, sourceLanguage: source?.language)
        configuration.resourcePaths = paths
        configuration.disabledRules = Set(RuleRegistry.all.map { $0.description.id }).subtracting(["spelling.unknown"])
        let checker = try Checker(configuration)
        var wordCount = 0
        var flagged: [String] = []
        for (text, sourceText) in rows {
            let readable = Detokenizer.readable(text).text
            wordCount += words(of: readable, language: column.language).count
            let document = SourceDocument(path: "row", text: readable)
            let findings = source == nil ? checker.check(document)
                : checker.check(document, source: SourceDocument(path: "source", text: Detokenizer.readable(sourceText).text))
            flagged += findings.map(\.text)
        }
        var dataset = dataset(column)
        if let source { dataset += " (source \(source.name))" }
        return SpellingResult(language: column.language, dataset: dataset, words: wordCount, flagged: flagged)
    }

    // MARK: - Data

    static func dataset(_ column: Column) -> String {
        let url = URL(fileURLWithPath: column.path)
        return "\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent):\(column.name)"
    }

    /// Letter words by ICU's word rules.
    static func words(of text: String, language: String) -> [String] {
        guard let segmenter = try? TextSegmenter(.word, locale: language) else { return [] }
        return segmenter.segments(of: text).filter { $0.kind == .letter || $0.kind == .ideographic || $0.kind == .kana }.map(\.text)
    }

    static func readRows(_ first: Column, _ second: Column?, limit: Int?) throws(InputError) -> [(String, String)] {
        let document = try SourceDocument.load(path: first.path)
        var lines = document.text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        func index(_ name: String) throws(InputError) -> Int {
            guard let index = header.firstIndex(of: name) else {
                throw InputError(file: first.path, line: 1, message: "no column “\(name)” (columns: \(header.joined(separator: ", ")))")
            }
            return index
        }
        let a = try index(first.name)
        let b = try second.map { column throws(InputError) in try index(column.name) }
        let filter = try (first.filter ?? second?.filter).map { filter throws(InputError) in (try index(filter.column), filter.value) }
        var rows: [(String, String)] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == header.count else { continue }
            if let filter, fields[filter.0] != filter.1 { continue }
            rows.append((String(fields[a]), b.map { String(fields[$0]) } ?? ""))
            if let limit, rows.count >= limit { break }
        }
        return rows
    }
}
