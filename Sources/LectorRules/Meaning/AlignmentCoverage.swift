import LectorLexicon

/// How much of a set of sentence pairs the lexical alignment accounts for: the measurement behind
/// `lector eval perturb --coverage`. The omission and addition rules can only be as good as the
/// share of content words that find a counterpart on correct translations; a pair whose
/// dictionaries are small (FreeDict's eng-rus has 1,700 headwords) shows it here first.
public struct AlignmentCoverage: Sendable, CustomStringConvertible {
    public var pairs = 0
    public var sourceContent = 0, sourceKnown = 0, sourceAligned = 0
    public var targetContent = 0, targetKnown = 0, targetAligned = 0

    /// Aligns every pair with the shared lexicon of the two languages; `nil` when no dictionary
    /// links them or a side is written without spaces.
    public static func measure(_ pairs: [(source: String, target: String)], sourceLanguage: String,
                               targetLanguage: String) throws -> AlignmentCoverage? {
        let lexicon = Lexicon.shared(source: sourceLanguage, target: targetLanguage)
        guard lexicon.hasTranslations(from: sourceLanguage, to: targetLanguage),
              let words = try AlignmentWords.make(lexicon: lexicon, source: sourceLanguage, target: targetLanguage) else { return nil }
        var result = AlignmentCoverage()
        for pair in pairs {
            guard let alignment = LexicalAlignment(source: pair.source, target: pair.target, words: words) else { continue }
            result.pairs += 1
            for (index, word) in alignment.source.enumerated() where word.isContent {
                result.sourceContent += 1
                if word.isKnown { result.sourceKnown += 1 }
                if !alignment.sourceLinks[index].isEmpty { result.sourceAligned += 1 }
            }
            for (index, word) in alignment.target.enumerated() where word.isContent {
                result.targetContent += 1
                if word.isKnown { result.targetKnown += 1 }
                if !alignment.targetLinks[index].isEmpty { result.targetAligned += 1 }
            }
        }
        return result
    }

    public var description: String {
        func share(_ part: Int, _ whole: Int) -> String { whole == 0 ? "–" : String(format: "%.3f", Double(part) / Double(whole)) }
        return "\(pairs) pairs; source content words \(sourceContent): known \(share(sourceKnown, sourceContent)), "
            + "aligned \(share(sourceAligned, sourceContent)); translation content words \(targetContent): "
            + "known \(share(targetKnown, targetContent)), aligned \(share(targetAligned, targetContent))"
    }
}
