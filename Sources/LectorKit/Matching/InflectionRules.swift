import Foundation
import LectorICU

/// Inflection suffixes per language, read from `Resources/Inflection/<language>.txt`.
///
/// Why suffix lists and not a stemmer: glossary terms are mostly names, and stemmers rewrite
/// names (Porter turns `Medinsky` into `medinski`, which is exactly the spelling Lector must
/// tell apart). A suffix is only stripped when what remains is a glossary token, so an
/// ordinary word can never be turned into a term by it.
public struct InflectionRules: Sendable {
    /// Folded suffixes, longest first.
    let suffixes: [[UInt16]]
    /// Code units that must remain after stripping.
    public static let minimumStemLength = 3

    public static let none = InflectionRules(suffixes: [])

    init(suffixes: [[UInt16]]) {
        self.suffixes = suffixes.sorted { $0.count > $1.count }
    }

    /// The shipped rules for `language` (a primary subtag); none if Lector has no list for it.
    public static func forLanguage(_ language: String) -> InflectionRules {
        guard let path = LectorResources.path(of: "Inflection/\(language).txt"),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .none }
        let suffixes = text.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { Array($0.utf16).map(TokenFolder.foldApostrophe) }
        return InflectionRules(suffixes: suffixes)
    }
}
