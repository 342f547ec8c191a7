@testable import LectorGlossary
import Testing

/// `InflectionRules.firstBaseForm`, the matcher's per-token path, reads the endings from one array
/// of their code units (`endingUnits`): for every shipped language it must offer the base forms
/// that `baseForms(of:)` lists from the endings themselves, in the same order, with the same
/// ending lengths, and stop at the first one its caller takes.
@Suite struct InflectionBaseFormTests {
    static let languages = ["de", "en", "et", "fr", "ro", "ru", "uk"]

    /// Every ending after a few stems (short ones below the minimum stem among them), and words
    /// no ending fits.
    static func words(for rules: InflectionRules) -> [[UInt16]] {
        var words: [[UInt16]] = ["", "a", "ab", "kiev", "moskva", "шольц"].map { Array($0.utf16) }
        for ending in rules.endings {
            for stem in ["", "ab", "abc", "kiew", "зеленск"] {
                words.append(Array(stem.utf16) + ending.suffix)
            }
        }
        return words
    }

    @Test(arguments: languages)
    func firstBaseFormOffersTheListedBaseFormsInOrder(language: String) {
        let rules = InflectionRules.forLanguage(language)
        #expect(!rules.endings.isEmpty, "\(language) has no endings")
        // Room for one unit: each word makes it grow before the endings are read.
        let scratch = UnitBuffer(capacity: 1)
        for word in Self.words(for: rules) {
            let listed = rules.baseForms(of: word)
            var offered: [(form: [UInt16], suffixLength: Int)] = []
            let taken = word.withUnsafeBufferPointer { units in
                rules.firstBaseForm(of: units, scratch: scratch) { form, suffixLength in
                    offered.append((Array(form), suffixLength))
                    return false
                }
            }
            #expect(!taken)
            #expect(offered.map(\.form) == listed.map(\.form), "\(language) \(String(decoding: word, as: UTF16.self))")
            #expect(offered.map(\.suffixLength) == listed.map(\.suffixLength))

            // Taking the last base form offered stops there, with that form in `scratch`.
            guard let last = listed.last else { continue }
            var calls = 0
            let stopped = word.withUnsafeBufferPointer { units in
                rules.firstBaseForm(of: units, scratch: scratch) { form, suffixLength in
                    calls += 1
                    return calls == listed.count && Array(form) == last.form && suffixLength == last.suffixLength
                }
            }
            #expect(stopped)
            #expect(calls == listed.count)
            #expect(scratch.array == last.form)
        }
    }
}
