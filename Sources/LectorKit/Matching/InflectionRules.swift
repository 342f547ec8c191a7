import Foundation
import LectorICU

/// Inflection endings per language, read from `Resources/Inflection/<language>.txt`: a line
/// holds an ending, or an ending and what replaces it in the base form (`euses eux`:
/// `infectieuses` → `infectieux`).
///
/// Why ending lists and not a stemmer: glossary terms are mostly names, and stemmers rewrite
/// names (Porter turns `Medinsky` into `medinski`, which is exactly the spelling Lector must
/// tell apart). An ending is only removed when what remains is a glossary token, so an
/// ordinary word can never be turned into a term by it.
public struct InflectionRules: Sendable {
    struct Ending: Sendable {
        let suffix: [UInt16]
        let replacement: [UInt16]
    }

    /// Folded endings, longest first.
    let endings: [Ending]
    /// Code units that must remain after removing an ending.
    public static let minimumStemLength = 3

    public static let none = InflectionRules(endings: [])

    init(endings: [Ending]) {
        self.endings = endings.sorted { $0.suffix.count > $1.suffix.count }
    }

    /// The possible base forms of a folded word, longest ending first, each with the length of
    /// the ending removed.
    func baseForms(of folded: [UInt16], minimumStem: Int = minimumStemLength) -> [(form: [UInt16], suffixLength: Int)] {
        var result: [(form: [UInt16], suffixLength: Int)] = []
        for ending in endings where folded.count - ending.suffix.count >= minimumStem && folded.ends(with: ending.suffix) {
            result.append((Array(folded.dropLast(ending.suffix.count)) + ending.replacement, ending.suffix.count))
        }
        return result
    }

    /// The possible base forms of a word, as strings (lower-cased).
    func baseForms(of word: String, minimumStem: Int = minimumStemLength) -> [String] {
        baseForms(of: Array(word.lowercased().utf16), minimumStem: minimumStem)
            .map { String(decoding: $0.form, as: Unicode.UTF16.self) }
    }

    /// The shipped rules for `language` (a primary subtag); none if Lector has no list for it.
    public static func forLanguage(_ language: String) -> InflectionRules {
        guard let path = LectorResources.path(of: "Inflection/\(language).txt"),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .none }
        let endings = text.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { line -> Ending in
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                return Ending(suffix: Array(parts[0].utf16).map(TokenFolder.foldApostrophe),
                              replacement: parts.count > 1 ? Array(parts[1].utf16) : [])
            }
        return InflectionRules(endings: endings)
    }
}
