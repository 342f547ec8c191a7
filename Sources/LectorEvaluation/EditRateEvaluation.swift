import Foundation
import LectorText
import LectorKit

/// How well Lector's word edit rate (`WordDiff`, the figure `lector diff` reports) tracks published
/// HTER, on the MLQE-PE data (Fomicheva et al. 2022): machine translations, their post-edits and
/// the HTER that TER computed between them.
///
/// Per row, Lector compares the `mt` column with the `pe_tokenized` column and takes edits over
/// the words of the post-edit, as HTER does; the result is the Pearson (and Spearman)
/// correlation of those rates with the `hter` column. Lector's figure differs from TER by design:
/// its tokens are ICU words, not Moses tokens, and a moved phrase costs its words twice instead
/// of one shift.
public enum EditRateEvaluation {
    public struct Result: Sendable, CustomStringConvertible {
        public let dataset: String
        public let mode: Mode
        public let rows: Int
        public let pearson: Double
        public let spearman: Double
        public let meanEditRate: Double
        public let meanHTER: Double
        /// Rows where both figures are 0 (the post-editor changed nothing), and where exactly one is.
        public let bothZero: Int
        public let oneZero: Int

        public var description: String {
            "\(dataset) [\(mode.rawValue)]: \(rows) rows, Pearson r = \(Self.format(pearson)), Spearman ρ = \(Self.format(spearman)); "
                + "mean edit rate \(Self.format(meanEditRate)), mean HTER \(Self.format(meanHTER)); "
                + "both 0 in \(bothZero) rows, one of them 0 in \(oneZero)"
        }

        private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
    }

    /// How the two texts are compared.
    public enum Mode: String, Sendable, CaseIterable {
        /// As `lector diff` compares: case counts, the texts as they are.
        case lector
        /// TER's conventions, as the published HTER was computed: case is ignored (tercom's
        /// default), and the clitics that the Moses tokenizer split off the post-edit (`don 't`,
        /// `it 's`) are joined back, since ICU keeps `don't` one word in the MT.
        case ter
    }

    /// One MLQE-PE `dev.tsv` or `test20.tsv` (columns `mt`, `pe_tokenized`, `hter`).
    public static func mlqePE(path: String, language: String = "en", mode: Mode = .ter) throws(InputError) -> Result {
        let table = try TerminologyEvaluation.readTable(path: path, required: ["mt", "pe_tokenized", "hter"])
        let tokenizer = try WordTokenizer(language: language)
        var rates: [Double] = []
        var published: [Double] = []
        for (line, fields) in table.rows {
            guard let hter = Double(fields[table.columns["hter"]!]) else {
                throw InputError(file: path, line: line, message: "hter is not a number")
            }
            let postEdit = fields[table.columns["pe_tokenized"]!]
            let diff = WordDiff(old: fields[table.columns["mt"]!], new: mode == .ter ? joiningClitics(postEdit) : postEdit,
                                tokenizer: tokenizer, ignoringCase: mode == .ter)
            rates.append(diff.editRate)
            published.append(hter)
        }
        let pairs = zip(rates, published)
        return Result(dataset: path, mode: mode, rows: rates.count, pearson: pearson(rates, published),
                      spearman: pearson(ranks(rates), ranks(published)),
                      meanEditRate: mean(rates), meanHTER: mean(published),
                      bothZero: pairs.filter { $0 == 0 && $1 == 0 }.count,
                      oneZero: pairs.filter { ($0 == 0) != ($1 == 0) }.count)
    }

    /// `don 't` → `don't`, `it 's` → `it's`: an apostrophe token that the Moses tokenizer split
    /// off a word, followed by letters, is joined back to the word before it.
    static func joiningClitics(_ text: String) -> String {
        var output = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if scalar == " ", scalars.first == "'", scalars.dropFirst().first.map(\.properties.isAlphabetic) == true,
               output.unicodeScalars.last.map(\.properties.isAlphabetic) == true {
                continue
            }
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    // MARK: - Statistics

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    /// Pearson's r; 0 when either side has no variance.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let meanX = mean(x), meanY = mean(y)
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for (a, b) in zip(x, y) {
            covariance += (a - meanX) * (b - meanY)
            varianceX += (a - meanX) * (a - meanX)
            varianceY += (b - meanY) * (b - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return 0 }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// Ranks from 1, ties sharing their mean rank (for Spearman's ρ).
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for index in start...end { ranks[order[index]] = rank }
            start = end + 1
        }
        return ranks
    }
}
