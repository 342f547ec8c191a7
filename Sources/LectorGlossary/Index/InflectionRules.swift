import Foundation
import LectorICU
import LectorText

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

    /// Bit `unit & 63` is set for the last code unit of every ending: a word whose last unit's bit
    /// is clear has no ending, which settles most words of a text with one test.
    let finalUnitMask: UInt64
    /// `endings` for `firstBaseForm`, in the same order: each ending's suffix and replacement
    /// back to back in one array of code units. With an array of each ending's own, every ending
    /// that fitted a word was retained and released, and the endings are read by every thread
    /// (their counts moved between the cores).
    private let endingUnits: [UInt16]
    private let endingSpans: [EndingSpan]
    /// Code units of the longest replacement: `firstBaseForm` makes room for every base form once.
    private let longestReplacement: Int

    private struct EndingSpan {
        /// Where the suffix starts in `endingUnits`; the replacement follows it.
        var start: Int32
        var suffixCount: Int32
        var replacementCount: Int32
    }

    init(endings: [Ending]) {
        self.endings = endings.sorted { $0.suffix.count > $1.suffix.count }
        var units: [UInt16] = []
        var spans: [EndingSpan] = []
        for ending in self.endings {
            spans.append(EndingSpan(start: Int32(units.count), suffixCount: Int32(ending.suffix.count),
                                    replacementCount: Int32(ending.replacement.count)))
            units += ending.suffix + ending.replacement
        }
        endingUnits = units
        endingSpans = spans
        longestReplacement = endings.map(\.replacement.count).max() ?? 0
        var mask: UInt64 = 0
        for ending in endings {
            // An empty ending matches every word.
            guard let last = ending.suffix.last else {
                mask = ~0
                break
            }
            mask |= 1 << UInt64(last & 63)
        }
        finalUnitMask = mask
    }

    /// The per-token form of `baseForms(of:)` that allocates nothing: each base form of `folded`,
    /// longest ending first, is written into `scratch` and passed to `body` with the length of
    /// the ending removed, until `body` returns `true`. Returns whether it did.
    @inline(__always)
    func firstBaseForm(of folded: UnsafeBufferPointer<UInt16>, minimumStem: Int = minimumStemLength,
                       scratch: UnitBuffer, where body: (UnsafeBufferPointer<UInt16>, Int) -> Bool) -> Bool {
        guard let last = folded.last, finalUnitMask & (1 << UInt64(last & 63)) != 0 else { return false }
        // Room for every base form first, so that nothing in the loop may reallocate.
        scratch.removeAll()
        scratch.reserve(folded.count + longestReplacement)
        return endingSpans.withUnsafeBufferPointer { spans in
            endingUnits.withUnsafeBufferPointer { units in
                for span in spans {
                    let suffixCount = Int(span.suffixCount)
                    let stemCount = folded.count - suffixCount
                    guard stemCount >= minimumStem else { continue }
                    let start = Int(span.start)
                    var matches = true
                    for offset in 0..<suffixCount where folded[stemCount + offset] != units[start + offset] {
                        matches = false
                        break
                    }
                    guard matches else { continue }
                    let replacement = start + suffixCount
                    scratch.removeAll()
                    scratch.appendWithinCapacity(UnsafeBufferPointer(rebasing: folded[0..<stemCount]))
                    scratch.appendWithinCapacity(UnsafeBufferPointer(rebasing: units[replacement..<(replacement + Int(span.replacementCount))]))
                    if body(scratch.buffer, suffixCount) { return true }
                }
                return false
            }
        }
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
    package func baseForms(of word: String, minimumStem: Int = minimumStemLength) -> [String] {
        baseForms(of: Array(word.lowercased().utf16), minimumStem: minimumStem)
            .map { String(decoding: $0.form, as: Unicode.UTF16.self) }
    }

    /// The shipped rules for `language` (a primary subtag); none if Lector has no list for it.
    /// Read once per language and process: rules ask for them in every document, and with one
    /// document per record (a JSON Lines stream) parsing the list was a tenth of the time.
    public static func forLanguage(_ language: String) -> InflectionRules {
        shippedRules.value(for: language) { parsedRules(language) }
    }

    private static let shippedRules = ProcessMemo<String, InflectionRules>()

    private static func parsedRules(_ language: String) -> InflectionRules {
        guard let text = LectorResources.text(of: "Inflection/\(language).txt") else { return .none }
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
