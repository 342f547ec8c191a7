import Foundation
import LectorText
import LectorFormats
import LectorRules
import LectorKit

/// The meaning rules measured on deliberate errors: good translations (MLQE-PE post-edits, the
/// references of the WMT21 and WMT23 terminology sets) are checked as they are, which gives each
/// rule's false alarms, and with one error put in (a negation inserted or removed, a word swapped
/// for its antonym, a clause or a name dropped, a phrase or a clause added, a name or a number
/// replaced), which gives each rule's recall on the error it is meant to find.
///
/// Two splits that never mix: `tune` (MLQE-PE dev, and the terminology rows whose id hashes even)
/// for choosing thresholds, `report` (MLQE-PE test20, the rows whose id hashes odd) for the
/// figures the README quotes. The perturbations are deterministic: the same data gives the same pairs.
public enum PerturbationEvaluation {
    public enum Split: String, Sendable, CaseIterable {
        case tune, report
    }

    /// A kind of error put into a good translation, and the rule meant to find it.
    public enum Kind: String, Sendable, CaseIterable {
        case negation, antonym, clauseDropped = "clause-dropped", nameDropped = "name-dropped",
             addition, nameReplaced = "name-replaced", numberReplaced = "number-replaced",
             unrelated,
             // Last, so that adding it left every earlier kind's random draws as they were.
             unitReplaced = "unit-replaced",
             dayReplaced = "day-replaced"

        /// The rules whose finding counts as detecting this error.
        public var rules: Set<String> {
            switch self {
            case .negation: return ["meaning.negation"]
            case .antonym: return ["meaning.antonym"]
            case .clauseDropped: return ["meaning.omission"]
            case .nameDropped: return ["meaning.omission", "names.missing"]
            case .addition: return ["meaning.addition"]
            case .nameReplaced: return ["names.replaced"]
            // A changed day of a date is a changed number, and the date rule is the one that names it.
            case .numberReplaced: return ["numbers.mismatch", "dates.mismatch"]
            case .unrelated: return ["garbled.sentence"]
            case .unitReplaced: return ["numbers.unit"]
            case .dayReplaced: return ["dates.mismatch"]
            }
        }
    }

    /// One good translation with its source.
    public struct Sample: Sendable {
        public let pair: String
        public let id: String
        public let source: String
        public let translation: String
        public let sourceLanguage: String
        public let targetLanguage: String
    }

    /// A sample with one error put in.
    public struct Perturbed: Sendable {
        public let sample: Int
        public let kind: Kind
        public let translation: String
        /// What changed, for `--verbose`.
        public let change: String
    }

    // MARK: - Data

    /// The good translations of one split, per language pair, read from `dataDirectory`
    /// (`../shared/data`); at most `limit` per pair.
    public static func samples(dataDirectory: String, split: Split, limit: Int) throws(InputError) -> [Sample] {
        var result: [Sample] = []
        for pair in ["ru-en", "et-en", "ro-en"] {
            let path = "\(dataDirectory)/mlqe-pe/\(pair)/\(split == .tune ? "dev" : "test20").tsv"
            let table = try TerminologyEvaluation.readTable(path: path, required: ["id", "source", "pe_tokenized"])
            let languages = pair.split(separator: "-").map(String.init)
            result += table.rows.prefix(limit).map { _, fields in
                Sample(pair: pair, id: fields[table.columns["id"]!], source: fields[table.columns["source"]!],
                       translation: joinTokenizedPieces(detokenize(fields[table.columns["pe_tokenized"]!])),
                       sourceLanguage: languages[0], targetLanguage: languages[1])
            }
        }
        let terminology: [(String, String, String, String, String)] = [
            ("en-fr", "terminology/wmt21-en-fr-dev/dev.tsv", "source_en", "reference_fr", "en"),
            ("de-en", "terminology/wmt23-de-en/test.tsv", "source_de", "reference_en", "de"),
        ]
        for (pair, file, sourceColumn, targetColumn, sourceLanguage) in terminology {
            let path = "\(dataDirectory)/\(file)"
            let table = try TerminologyEvaluation.readTable(path: path, required: ["id", sourceColumn, targetColumn])
            // The WMT23 abstracts are aligned by position and some rows are not translations of
            // each other; a length ratio far from 1 (by characters) is the cheap sign of those.
            let rows = table.rows.filter { _, fields in
                let ratio = Double(fields[table.columns[targetColumn]!].count) / Double(max(1, fields[table.columns[sourceColumn]!].count))
                return (stableHash(fields[table.columns["id"]!]) % 2 == 0) == (split == .tune) && ratio > 0.6 && ratio < 1.6
            }
            result += rows.prefix(limit).map { _, fields in
                Sample(pair: pair, id: fields[table.columns["id"]!], source: fields[table.columns[sourceColumn]!],
                       translation: detokenize(fields[table.columns[targetColumn]!]),
                       sourceLanguage: sourceLanguage, targetLanguage: String(pair.suffix(2)))
            }
        }
        return result
    }

    /// FNV-1a over the UTF-8 bytes: the same on every machine and run (Swift's `hashValue` is seeded).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Post-edits and references come tokenized (`hadn 't said it .`, `l' un`).
    static func detokenize(_ text: String) -> String {
        var result = Detokenizer.detokenize(text)
        for (tokenized, running) in [(" n't", "n't"), (" 't", "'t"), (" 's ", "'s "), (" 're ", "'re "), (" 've ", "'ve "),
                                     (" 'll ", "'ll "), (" 'd ", "'d "), (" 'm ", "'m "), ("' ", "'"), (" ' ", "'"),
                                     ("\" ", "\""), (" \"", " \"")] {
            result = result.replacingOccurrences(of: tokenized, with: running)
        }
        return result
    }

    /// MLQE-PE's post-edits are tokenized further than the terminology sets (whose English sources
    /// are tokenized alike, so these stay as they are there): clock times (`21: 07`), addresses
    /// (`https: / / vk.com / a _ b`) and tags (`< i >`) are joined as running text writes them.
    static func joinTokenizedPieces(_ text: String) -> String {
        var result = text
        for (pattern, template) in [(#"(?<=\b\d{1,2}): (?=\d{2}\b)"#, ":"), (#"(https?): / / "#, "$1://"),
                                    (#"(?<=://\S{1,200}) ([/_]) (?=\S)"#, "$1"), (#"< (/?[a-z]+) >"#, "<$1>")] {
            // An address's pieces are joined one at a time (each join makes the next one's look-behind hold).
            for _ in 0..<8 {
                let joined = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
                if joined == result { break }
                result = joined
            }
        }
        return result
    }

    // MARK: - Perturbations

    /// Every applicable error for every sample; a sample gets at most one error of each kind.
    public static func perturb(_ samples: [Sample], kinds: [Kind] = Kind.allCases) -> [Perturbed] {
        var result: [Perturbed] = []
        let namePool = ["Johnson", "Schmidt", "Tanaka", "Dubois", "Kowalski", "Martinez", "Petrov", "Lindqvist",
                        "Madrid", "Chicago", "Nairobi", "Oslo"]
        var samplesOfPair: [String: [Int]] = [:]
        for (index, sample) in samples.enumerated() { samplesOfPair[sample.pair, default: []].append(index) }
        for (index, sample) in samples.enumerated() {
            let words = PerturbationText(sample.translation, language: sample.targetLanguage)
            var random = SplitMix(seed: stableHash(sample.pair + "/" + sample.id))
            for kind in kinds {
                let change: (String, String)?
                switch kind {
                case .negation: change = words.toggledNegation(&random)
                case .antonym: change = words.antonymSwapped(&random)
                case .clauseDropped: change = words.clauseDropped(&random)
                case .nameDropped: change = words.nameDropped(&random)
                case .addition: change = words.phraseAdded(&random)
                case .nameReplaced: change = words.nameReplaced(&random, pool: namePool)
                case .numberReplaced: change = words.numberReplaced(&random)
                case .unitReplaced: change = words.unitReplaced(&random)
                case .dayReplaced: change = words.dayReplaced(&random)
                case .unrelated:
                    // Another good translation of the same pair: a translation of some other sentence.
                    let others = samplesOfPair[sample.pair]!.filter { $0 != index }
                    change = random.pick(others).map { (samples[$0].translation, "the translation of sample \(samples[$0].id)") }
                }
                if let (text, what) = change, text != sample.translation {
                    result.append(Perturbed(sample: index, kind: kind, translation: text, change: what))
                }
            }
        }
        return result
    }

    // MARK: - Running

    /// Which rules fired (at any severity, and at warning or above) on each checked translation.
    public struct Flags: Sendable {
        public var rules: Set<String> = []
        public var rulesAtWarning: Set<String> = []
        /// The first message of each rule, for `--verbose`.
        public var messages: [String: String] = [:]
    }

    /// Per pair: how often each rule fired on the good translations, and how often each error was found.
    public struct PairResult: Sendable {
        public var pair: String
        public var samples = 0
        /// Rule id → good translations it flagged (any severity).
        public var falseAlarms: [String: Int] = [:]
        /// Good translations that any non-glossary rule flagged at warning or above.
        public var falseAlarmsAtWarning = 0
        /// Kind → (perturbed pairs, found by the kind's rules at any severity, found by any rule at warning or above).
        public var perturbed: [Kind: (count: Int, found: Int, foundAtWarning: Int)] = [:]
    }

    /// Checks every sample and every perturbed pair with a checker per language pair.
    public static func evaluate(samples: [Sample], perturbed: [Perturbed],
                                checker: (_ source: String, _ target: String) throws -> Checker,
                                verbose: (String) -> Void = { _ in }) rethrows -> [PairResult] {
        let pairs = Array(Set(samples.map(\.pair))).sorted()
        var results: [PairResult] = []
        for pair in pairs {
            let indices = samples.indices.filter { samples[$0].pair == pair }
            guard let first = indices.first else { continue }
            let sourceLanguage = samples[first].sourceLanguage, targetLanguage = samples[first].targetLanguage
            let cases = perturbed.filter { samples[$0.sample].pair == pair }
            // One file: the good translations first, then the perturbed ones, one unit per line.
            let units = indices.map { (samples[$0].source, samples[$0].translation) }
                + cases.map { (samples[$0.sample].source, $0.translation) }
            let file = BilingualFile(path: pair, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                     units: units.enumerated().map { line, unit in
                                         BilingualUnit(id: String(line + 1), source: SegmentText(text: unit.0, line: line + 1),
                                                       target: SegmentText(text: unit.1, line: line + 1))
                                     })
            var flags = [Flags](repeating: Flags(), count: units.count)
            for finding in try checker(sourceLanguage, targetLanguage).check(file) where !finding.ruleID.hasPrefix("glossary.") {
                let line = finding.location.line - 1
                guard flags.indices.contains(line) else { continue }
                flags[line].rules.insert(finding.ruleID)
                if flags[line].messages[finding.ruleID] == nil { flags[line].messages[finding.ruleID] = finding.message }
                if finding.severity >= .warning { flags[line].rulesAtWarning.insert(finding.ruleID) }
            }
            var result = PairResult(pair: pair, samples: indices.count)
            for line in indices.indices {
                for rule in flags[line].rules {
                    result.falseAlarms[rule, default: 0] += 1
                    verbose("\(pair) false alarm \(rule): \(flags[line].messages[rule] ?? "") | \(units[line].0) → \(units[line].1)")
                }
                if !flags[line].rulesAtWarning.isEmpty { result.falseAlarmsAtWarning += 1 }
            }
            for (offset, perturbation) in cases.enumerated() {
                let flagged = flags[indices.count + offset]
                var entry = result.perturbed[perturbation.kind] ?? (0, 0, 0)
                entry.count += 1
                if !flagged.rules.isDisjoint(with: perturbation.kind.rules) {
                    entry.found += 1
                    for rule in perturbation.kind.rules { if let m = flagged.messages[rule] { verbose("\(pair) found \(perturbation.kind.rawValue) \(rule): \(m)") } }
                } else {
                    verbose("\(pair) missed \(perturbation.kind.rawValue) (\(perturbation.change)): \(perturbation.translation) | \(samples[perturbation.sample].source)")
                }
                if !flagged.rulesAtWarning.isEmpty { entry.foundAtWarning += 1 }
                result.perturbed[perturbation.kind] = entry
            }
            results.append(result)
        }
        return results
    }

    /// The rules whose false alarms the table lists.
    public static let reportedRules = ["meaning.negation", "meaning.antonym", "meaning.omission", "meaning.addition",
                                       "names.missing", "names.replaced", "numbers.mismatch", "numbers.unit", "meaning.offensive",
                                       "garbled.sentence", "untranslated.text", "dates.mismatch"]

    /// The table the README quotes: per pair, each error kind's recall (by its rules, and by any
    /// rule at warning) and each rule's false alarms on the good translations.
    public static func table(_ results: [PairResult], rules: [String], kinds: [Kind] = Kind.allCases) -> String {
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(format: "%.3f", Double(part) / Double(whole))
        }
        var lines = ["| pair | n | " + kinds.map { "\($0.rawValue) recall (n)" }.joined(separator: " | ") + " |",
                     "|---|---|" + kinds.map { _ in "---|" }.joined()]
        for result in results {
            lines.append("| \(result.pair) | \(result.samples) | " + kinds.map { kind in
                let entry = result.perturbed[kind] ?? (0, 0, 0)
                return "\(percent(entry.found, entry.count)) (\(entry.count))"
            }.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("| pair | " + rules.joined(separator: " | ") + " | all rules at warning | any rule at warning finds an error |")
        lines.append("|---|" + rules.map { _ in "---|" }.joined() + "---|---|")
        for result in results {
            let found = result.perturbed.values.reduce(0) { $0 + $1.foundAtWarning }
            let count = result.perturbed.values.reduce(0) { $0 + $1.count }
            lines.append("| \(result.pair) | " + rules.map { percent(result.falseAlarms[$0] ?? 0, result.samples) }.joined(separator: " | ")
                + " | \(percent(result.falseAlarmsAtWarning, result.samples)) | \(percent(found, count)) |")
        }
        return lines.joined(separator: "\n")
    }
}

/// A deterministic pseudo-random sequence (SplitMix64), seeded per sample.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int(next() % UInt64(items.count))]
    }
}
