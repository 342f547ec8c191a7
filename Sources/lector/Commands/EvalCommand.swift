import ArgumentParser
import Foundation
import LectorEvaluation
import LectorKit

/// Measures Lector on public evaluation data (read in place, never copied into the project).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure Lector on public evaluation data sets.",
        subcommands: [Terms.self, CriticalErrors.self, QualityEstimation.self, HTER.self, Perturbations.self,
                      LexiconReach.self]
    )

    struct Terms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Term satisfaction on the WMT21 (en-fr) and WMT23 (de-en) terminology sets, in exact and inflected mode."
        )

        @Option(help: ArgumentHelp("WMT21 terminology dev.tsv.", valueName: "file"))
        var wmt21 = "../shared/data/terminology/wmt21-en-fr-dev/dev.tsv"

        @Option(help: ArgumentHelp("WMT23 terminology test.tsv.", valueName: "file"))
        var wmt23 = "../shared/data/terminology/wmt23-de-en/test.tsv"

        @Flag(help: "List up to 20 unsatisfied instances per result, and rows where the official count differs.")
        var verbose = false

        func run() throws {
            try exitingOnInputError {
                for mode in TerminologyEvaluation.Mode.allCases {
                    show(try TerminologyEvaluation.wmt21(path: wmt21, mode: mode))
                }
                for mode in TerminologyEvaluation.Mode.allCases {
                    show(try TerminologyEvaluation.wmt23(path: wmt23, mode: mode))
                }
            }
        }

        private func show(_ result: TerminologyEvaluation.Result) {
            print(result)
            if verbose {
                result.missed.forEach { print("    missed \($0)") }
                result.disagreements.forEach { print("    differs \($0)") }
            }
        }
    }

    struct CriticalErrors: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ced",
            abstract: "MCC, precision and recall of critical-error flags on WMT21 QE task 3 data (id, source, mt, label)."
        )

        @Option(help: ArgumentHelp("Language of the MT; by default taken from the folder name (en-de → de).", valueName: "tag"))
        var targetLang: String?

        @Flag(help: "Also show, per rule, how many segments it flagged and how many of those were ERR.")
        var verbose = false

        @Option(help: ArgumentHelp("Write the garbled-sentence signals of every segment to this JSON Lines file instead of scoring.",
                                   valueName: "file"))
        var features: String?

        @Option(help: ArgumentHelp("Ignored: garbled.sentence has no score any more (its options are in `lector rules`); kept so that older scripts run.",
                                   valueName: "score"))
        var minScore: Double?

        @Option(help: ArgumentHelp("Override a rule's severity (RULE=error|warning|info), as `check` does: what the MCC would be with the rule at that level.",
                                   valueName: "rule=level"))
        var severity: [String] = []

        @Argument(help: ArgumentHelp("CED TSV files, e.g. ../shared/data/ced/en-de/dev.tsv", valueName: "file"))
        var files: [String] = []

        func run() throws {
            try exitingOnInputError {
                try evaluateAll()
            }
        }

        private func evaluateAll() throws(InputError) {
            var featureLines: [String] = []
            for path in files {
                let pair = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
                let target = targetLang ?? String(pair.split(separator: "-").last ?? "en")
                let segments = try CriticalErrorEvaluation.read(path: path)
                if features != nil {
                    featureLines += CriticalErrorEvaluation.featureLines(segments, pair: pair, sourceLanguage: "en", targetLanguage: target)
                    continue
                }
                var configuration = CheckConfiguration(targetLanguage: target, sourceLanguage: "en")
                if let minScore { configuration.thresholds[GarbledSentenceRule.thresholdName] = minScore }
                for setting in severity {
                    let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, RuleRegistry.rule(withID: parts[0]) != nil, let level = Severity(rawValue: parts[1]) else {
                        throw InputError(file: "--severity", message: "expected RULE=error|warning|info with a known rule, got “\(setting)”")
                    }
                    configuration.severities[parts[0]] = level
                }
                let checker = try Checker(configuration)
                let name = "\(pair)/\(URL(fileURLWithPath: path).lastPathComponent)"
                let result = CriticalErrorEvaluation.evaluate(segments, checker: checker, dataset: name)
                print(result)
                if verbose {
                    for (rule, count) in result.flaggedByRule.sorted(by: { $0.key < $1.key }) {
                        print("    \(rule): flagged \(count), of which ERR \(result.correctByRule[rule] ?? 0)")
                    }
                }
            }
            guard let features else { return }
            do {
                try (featureLines.joined(separator: "\n") + "\n").write(toFile: features, atomically: true, encoding: .utf8)
            } catch {
                throw InputError(file: features, message: "cannot write the signals: \(error.localizedDescription)")
            }
        }
    }

    struct QualityEstimation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qe",
            abstract: "Pearson r between the garbled-sentence score and MLQE-PE direct-assessment z-scores."
        )

        @Argument(help: ArgumentHelp("MLQE-PE TSV, e.g. ../shared/data/mlqe-pe/ru-en/dev.tsv", valueName: "file"))
        var file = "../shared/data/mlqe-pe/ru-en/dev.tsv"

        func run() throws {
            let pair = URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent.split(separator: "-").map(String.init)
            try exitingOnInputError {
                print(try QualityEstimationEvaluation.evaluate(path: file, sourceLanguage: pair.first ?? "ru",
                                                               targetLanguage: pair.last ?? "en"))
            }
        }
    }

    struct LexiconReach: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lexicon",
            abstract: "Dictionary coverage of source words per pair, and spelling.unknown's false alarms per 1,000 words of correct text."
        )

        @Option(help: ArgumentHelp("The shared data folder.", valueName: "folder"))
        var data = "../shared/data"

        @Option(help: ArgumentHelp("Rows per file (all when absent).", valueName: "n"))
        var limit: Int?

        @Flag(help: "List the words spelling.unknown flagged.")
        var verbose = false

        enum Part: String, ExpressibleByArgument, CaseIterable { case coverage, spelling }

        @Option(help: ArgumentHelp("Measure only dictionary coverage or only spelling false alarms.", valueName: "coverage|spelling"))
        var only: Part?

        @Option(help: ArgumentHelp("Coverage of this pair only (source-target, such as ja-en).", valueName: "pair"))
        var pair: String?

        func run() throws {
            typealias Column = LexiconEvaluation.Column
            func column(_ file: String, _ name: String, _ language: String, onlyCorrect: Bool = false) -> Column {
                Column(path: "\(data)/\(file)", name: name, language: language, filter: onlyCorrect ? ("label", "NOT") : nil)
            }
            try exitingOnInputError {
                if only != .spelling {
                    print("Coverage (content words of the source with a dictionary translation found in the reference; CED: in MT judged free of critical errors)")
                    var pairs: [(Column, Column)] = [
                        (column("terminology/wmt23-de-en/test.tsv", "source_de", "de"), column("terminology/wmt23-de-en/test.tsv", "reference_en", "en")),
                        (column("terminology/wmt21-en-fr-dev/dev.tsv", "source_en", "en"), column("terminology/wmt21-en-fr-dev/dev.tsv", "reference_fr", "fr")),
                    ]
                    for pair in ["ru-en", "et-en", "ro-en"] {
                        for split in ["dev", "test20"] {
                            let file = "mlqe-pe/\(pair)/\(split).tsv"
                            pairs.append((column(file, "source", String(pair.prefix(2))), column(file, "pe_tokenized", "en")))
                        }
                    }
                    for pair in ["en-de", "en-cs", "en-ja", "en-zh"] {
                        for split in ["train", "dev"] {
                            let file = "ced/\(pair)/\(split).tsv"
                            pairs.append((column(file, "source", "en", onlyCorrect: true), column(file, "mt", String(pair.suffix(2)), onlyCorrect: true)))
                        }
                    }
                    // ja→en: the only Japanese text is CED's MT of English; its rows judged free of
                    // critical errors read as the source, the English original as the reference.
                    for split in ["train", "dev"] {
                        let file = "ced/en-ja/\(split).tsv"
                        pairs.append((column(file, "mt", "ja", onlyCorrect: true), column(file, "source", "en", onlyCorrect: true)))
                    }
                    pairs.append((column("mqm/zh-en/mqm_ted_zhen.segments.tsv", "source", "zh"), column("mqm/zh-en/mqm_ted_zhen.segments.tsv", "mt", "en")))
                    for (source, reference) in pairs where pair == nil || pair == "\(source.language)-\(reference.language)" {
                        let lexicon = Lexicon.shared(source: source.language, target: reference.language)
                        print(try LexiconEvaluation.coverage(source: source, reference: reference, lexicon: lexicon, limit: limit))
                    }
                }
                guard only != .coverage else { return }
                print("Spelling false alarms on correct text (every finding of spelling.unknown is one), checked against the source where there is one")
                // (correct text, its source): references and post-edits with their sources; human-written sources alone.
                var correct: [(Column, Column?)] = [
                    (column("terminology/wmt23-de-en/test.tsv", "reference_en", "en"), column("terminology/wmt23-de-en/test.tsv", "source_de", "de")),
                    (column("terminology/wmt21-en-fr-dev/dev.tsv", "reference_fr", "fr"), column("terminology/wmt21-en-fr-dev/dev.tsv", "source_en", "en")),
                ]
                for pair in ["ru-en", "et-en", "ro-en"] {
                    for split in ["dev", "test20"] {
                        let file = "mlqe-pe/\(pair)/\(split).tsv"
                        correct.append((column(file, "pe_tokenized", "en"), column(file, "source", String(pair.prefix(2)))))
                    }
                }
                correct += [
                    (column("terminology/wmt23-de-en/test.tsv", "source_de", "de"), nil),
                    (column("terminology/wmt21-en-fr-dev/dev.tsv", "source_en", "en"), nil),
                    (column("mlqe-pe/ru-en/dev.tsv", "source", "ru"), nil), (column("mlqe-pe/ru-en/test20.tsv", "source", "ru"), nil),
                ]
                for (text, source) in correct {
                    let result = try LexiconEvaluation.spellingFalseAlarms(text, source: source, limit: limit)
                    print(result)
                    if verbose { print("    " + result.flagged.joined(separator: " ")) }
                }
            }
        }
    }

    struct Perturbations: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "perturb",
            abstract: "Recall of the meaning rules on good translations with one deliberate error, and their false alarms on the good ones."
        )

        @Option(help: ArgumentHelp("The shared data folder (mlqe-pe, terminology).", valueName: "folder"))
        var data = "../shared/data"

        @Option(help: ArgumentHelp("tune (MLQE-PE dev, even id hashes) or report (MLQE-PE test20, odd id hashes).", valueName: "split"))
        var split = "report"

        @Option(help: ArgumentHelp("At most this many good translations per language pair.", valueName: "n"))
        var limit = 1000

        @Flag(help: "List the good translations each rule flagged and the errors no rule found.")
        var verbose = false

        @Option(help: ArgumentHelp("Run only this rule (and only the errors it is meant to find): a quick look at one rule.",
                                   valueName: "rule"))
        var only: String?

        @Flag(help: "Also print, per language pair, the share of content words the lexical alignment links on the good translations.")
        var coverage = false

        func validate() throws {
            if let only, !RuleRegistry.all.contains(where: { $0.description.id == only }) {
                throw ValidationError("--only: no rule '\(only)' (see `lector rules`)")
            }
            guard PerturbationEvaluation.Split(rawValue: split) != nil else {
                throw ValidationError("--split must be tune or report, not '\(split)'")
            }
            guard limit > 0 else { throw ValidationError("--limit must be positive") }
        }

        func run() throws {
            try exitingOnInputError {
                let split = PerturbationEvaluation.Split(rawValue: split)!
                let samples = try PerturbationEvaluation.samples(dataDirectory: data, split: split, limit: limit)
                let kinds = PerturbationEvaluation.Kind.allCases.filter { only == nil || $0.rules.contains(only!) }
                let perturbed = PerturbationEvaluation.perturb(samples, kinds: kinds)
                // With --only, every other rule is off: its false alarms and recall are the rule's own.
                let disabled = Set(RuleRegistry.all.map { $0.description.id }.filter { only != nil && $0 != only })
                var checkers: [String: Checker] = [:]
                let results = try PerturbationEvaluation.evaluate(samples: samples, perturbed: perturbed) { source, target in
                    if let checker = checkers[source + target] { return checker }
                    let checker = try Checker(CheckConfiguration(targetLanguage: target, sourceLanguage: source, disabledRules: disabled))
                    checkers[source + target] = checker
                    return checker
                } verbose: { line in
                    if verbose { print(line) }
                }
                print("split: \(split.rawValue), \(samples.count) good translations, \(perturbed.count) with one error\n")
                if coverage {
                    for pair in Array(Set(samples.map(\.pair))).sorted() {
                        let good = samples.filter { $0.pair == pair }
                        guard let first = good.first else { continue }
                        let measured = try AlignmentCoverage.measure(good.map { ($0.source, $0.translation) },
                                                                     sourceLanguage: first.sourceLanguage, targetLanguage: first.targetLanguage)
                        print("alignment \(pair): \(measured.map(String.init(describing:)) ?? "no dictionary links the two languages")")
                    }
                    print("")
                }
                print(PerturbationEvaluation.table(results, rules: only.map { [$0] } ?? PerturbationEvaluation.reportedRules,
                                                   kinds: kinds))
            }
        }
    }
}
