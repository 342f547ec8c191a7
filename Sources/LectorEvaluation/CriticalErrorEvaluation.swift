import Foundation
import LectorText
import LectorRules
import LectorKit

/// Critical-error detection on WMT21 QE task 3 data (English source, MT, label ERR/NOT): a
/// segment counts as flagged when Lector reports any non-glossary finding of severity warning
/// or error on it, the criterion the held-out test set is scored by.
public enum CriticalErrorEvaluation {
    public struct Result: Sendable, CustomStringConvertible {
        public let dataset: String
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var trueNegatives = 0
        /// Flagged segments per rule id (a segment may count for several rules).
        public var flaggedByRule: [String: Int] = [:]
        /// Of those, how many were labelled ERR.
        public var correctByRule: [String: Int] = [:]

        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }

        /// Matthews correlation coefficient.
        public var mcc: Double {
            let tp = Double(truePositives), fp = Double(falsePositives), fn = Double(falseNegatives), tn = Double(trueNegatives)
            let denominator = ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)).squareRoot()
            return denominator == 0 ? 0 : (tp * tn - fp * fn) / denominator
        }

        private func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }

        public var description: String {
            "\(dataset): MCC \(String(format: "%.3f", mcc)), precision \(String(format: "%.3f", precision)), "
                + "recall \(String(format: "%.3f", recall)) (TP \(truePositives), FP \(falsePositives), "
                + "FN \(falseNegatives), TN \(trueNegatives))"
        }
    }

    /// One labelled segment.
    public struct Segment: Sendable {
        public let id: String
        public let source: String
        public let translation: String
        public let isError: Bool
    }

    /// Reads a CED TSV (`id`, `source`, `mt`, `label`).
    public static func read(path: String) throws(InputError) -> [Segment] {
        let table = try TerminologyEvaluation.readTable(path: path, required: ["id", "source", "mt", "label"])
        return try table.rows.map { (line, fields) throws(InputError) in
            let label = fields[table.columns["label"]!]
            guard label == "ERR" || label == "NOT" else {
                throw InputError(file: path, line: line, message: "label must be ERR or NOT, not “\(label)”")
            }
            return Segment(id: fields[table.columns["id"]!], source: fields[table.columns["source"]!],
                           translation: fields[table.columns["mt"]!], isError: label == "ERR")
        }
    }

    /// The segments as a bilingual file whose unit *n* stands on line *n*.
    public static func bilingualFile(_ segments: [Segment], name: String, sourceLanguage: String, targetLanguage: String) -> BilingualFile {
        BilingualFile(path: name, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                      units: segments.enumerated().map { index, segment in
                          BilingualUnit(id: segment.id, source: SegmentText(text: segment.source, line: index + 1),
                                        target: SegmentText(text: segment.translation, line: index + 1))
                      })
    }

    /// Checks every segment with `checker` (configured for the pair) and scores the flags.
    public static func evaluate(_ segments: [Segment], checker: Checker, dataset: String) -> Result {
        let file = bilingualFile(segments, name: dataset, sourceLanguage: checker.configuration.sourceLanguage ?? "en",
                                 targetLanguage: checker.configuration.targetLanguage)
        var flaggedRules: [Int: Set<String>] = [:]
        for finding in checker.check(file) where finding.severity >= .warning && !finding.ruleID.hasPrefix("glossary.") {
            flaggedRules[finding.location.line - 1, default: []].insert(finding.ruleID)
        }
        var result = Result(dataset: dataset)
        for (index, segment) in segments.enumerated() {
            let rules = flaggedRules[index] ?? []
            for rule in rules {
                result.flaggedByRule[rule, default: 0] += 1
                if segment.isError { result.correctByRule[rule, default: 0] += 1 }
            }
            switch (!rules.isEmpty, segment.isError) {
            case (true, true): result.truePositives += 1
            case (true, false): result.falsePositives += 1
            case (false, true): result.falseNegatives += 1
            case (false, false): result.trueNegatives += 1
            }
        }
        return result
    }

    /// The garbled-sentence signals of every segment, one JSON object per line
    /// (`{"pair", "id", "label", "features"}`), for `Scripts/fit-garbled-model.py`.
    public static func featureLines(_ segments: [Segment], pair: String, sourceLanguage: String, targetLanguage: String) -> [String] {
        let extractor = GarbledSignalExtractor(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                               lengthMean: 0, lengthDeviation: 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return segments.map { segment in
            struct Line: Encodable {
                let pair: String
                let id: String
                let label: Int
                let features: [String: Double]
            }
            let signals = extractor.signals(source: segment.source, target: segment.translation)
            let line = Line(pair: pair, id: segment.id, label: segment.isError ? 1 : 0, features: signals.values)
            return String(decoding: (try? encoder.encode(line)) ?? Data(), as: UTF8.self)
        }
    }
}

/// How Lector's garbled-sentence score tracks human judgements of quality: Pearson's r between
/// the score and the direct-assessment z-scores of MLQE-PE (a good score is a low garbled score,
/// so a useful detector has a negative r).
public enum QualityEstimationEvaluation {
    public struct Result: Sendable, CustomStringConvertible {
        public let dataset: String
        public let segments: Int
        public let pearson: Double
        public var description: String {
            "\(dataset): Pearson r between garbled score and DA z-score = \(String(format: "%.3f", pearson)) over \(segments) segments"
        }
    }

    public static func evaluate(path: String, sourceLanguage: String, targetLanguage: String) throws(InputError) -> Result {
        let table = try TerminologyEvaluation.readTable(path: path, required: ["source", "mt", "da_z_mean"])
        let model = GarbledModel.shipped
        let pair = model.model(source: sourceLanguage, target: targetLanguage)
        let extractor = GarbledSignalExtractor(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                               lengthMean: pair.lengthMean, lengthDeviation: pair.lengthDeviation)
        var scores: [Double] = []
        var judgements: [Double] = []
        for (line, fields) in table.rows {
            guard let judgement = Double(fields[table.columns["da_z_mean"]!]) else {
                throw InputError(file: path, line: line, message: "da_z_mean is not a number")
            }
            let signals = extractor.signals(source: fields[table.columns["source"]!], target: fields[table.columns["mt"]!])
            scores.append(model.score(signals, with: pair).score)
            judgements.append(judgement)
        }
        return Result(dataset: path, segments: scores.count, pearson: pearson(scores, judgements))
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count == y.count, x.count > 1 else { return 0 }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / (sxx * syy).squareRoot()
    }
}
