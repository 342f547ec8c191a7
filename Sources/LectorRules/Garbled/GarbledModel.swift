import Foundation
import LectorFormats

/// Weights that turn `GarbledSignals` into one calibrated score per sentence (logistic
/// regression), fitted offline per language pair by `Scripts/fit-garbled-model.py` and shipped
/// as `Resources/Garbled/model.json`, whose `comment` says how.
public struct GarbledModel: Sendable, Decodable {
    public struct PairModel: Sendable, Decodable {
        public let bias: Double
        public let weights: [String: Double]
        /// Scores at or above this flag a sentence (chosen for the best MCC on the dev split).
        public let threshold: Double
        /// Mean and deviation of log(target length / source length) on the training split.
        public let lengthMean: Double
        public let lengthDeviation: Double
    }

    public let comment: String
    /// Weights set by hand for signals the training data cannot teach (no German sources in
    /// the WMT21 data for the relative-clause signal); added to every pair's weights.
    public let fixedWeights: [String: Double]
    /// Keyed `en-de`, …; `default` for other pairs, `target-only` without a source.
    public let pairs: [String: PairModel]

    /// The shipped model.
    public static let shipped: GarbledModel = {
        // The model only ranks sentences for `lector eval qe`; no rule's finding reads it.
        guard let bytes = LectorResources.bytes(of: "Garbled/model.json"),
              let model = try? JSONDecoder().decode(GarbledModel.self, from: Data(bytes)) else {
            return GarbledModel(comment: "missing", fixedWeights: [:], pairs: [:])
        }
        return model
    }()

    init(comment: String, fixedWeights: [String: Double], pairs: [String: PairModel]) {
        self.comment = comment
        self.fixedWeights = fixedWeights
        self.pairs = pairs
    }

    public func model(source: String?, target: String) -> PairModel {
        let target = Term.primaryLanguage(of: target)
        guard let source = source.map({ Term.primaryLanguage(of: $0) }) else {
            return pairs["target-only"] ?? Self.neutral
        }
        return pairs["\(source)-\(target)"] ?? pairs["default"] ?? Self.neutral
    }

    static let neutral = PairModel(bias: -5, weights: [:], threshold: 0.5, lengthMean: 0, lengthDeviation: 0.35)

    /// The probability that the sentence is garbled, and each signal's share of the evidence.
    public func score(_ signals: GarbledSignals, with pair: PairModel) -> (score: Double, contributions: [(String, Double)]) {
        var total = pair.bias
        var contributions: [(String, Double)] = []
        for (name, value) in signals.values {
            let weight = (pair.weights[name] ?? 0) + (fixedWeights[name] ?? 0)
            total += weight * value
            contributions.append((name, weight * value))
        }
        return (1 / (1 + exp(-total)), contributions.sorted { $0.1 > $1.1 })
    }
}
