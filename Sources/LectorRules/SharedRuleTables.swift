import Foundation
import LectorICU
import LectorLexicon
import LectorText

/// The tables that bilingual rules make once per process, when a thread first asks for them: the
/// CLDR place names of the language pair (`names.missing`, `names.replaced`), the negation
/// lexicons (the `meaning.` rules), the offensive words (`meaning.offensive`), each language's
/// CLDR unit names and their Hunspell stems (`numbers.unit`).
///
/// A file checked in chunks on several threads has every thread ask at its first chunk: one makes
/// a table and the others wait for it, spending no CPU (on news.xlf with `--jobs 2` the second
/// worker waited 30 to 60 ms of its first 300 for the places, the unit names and the negation
/// lexicons). Made on a thread of their own as soon as the checker exists, while the session is
/// set up and the file's first units are read, they are ready when the checking threads ask.
public enum SharedRuleTables {
    /// Makes the tables that the rules of `ruleIDs` use for checking `sourceLanguage` against
    /// `targetLanguage` (the languages as `BilingualContext` and the glossary index name them), on
    /// the calling thread. The rule reads the unit names only once a pair has a figure with a unit
    /// on both sides, which most files checked on several threads have (news: several in every
    /// 100 KB); for one without, they cost about 10 ms of CPU.
    ///
    /// Nothing made here decides a finding by itself: a table the rules would make is made the same
    /// way, and one that fails here is not kept (neither memo keeps failures), so the rule that
    /// asks for it makes it again and reports the failure as its own.
    public static func make(sourceLanguage: String, targetLanguage: String, lexicon: Lexicon?, ruleIDs: Set<String>) {
        if ruleIDs.contains(NamesMissingRule.description.id) || ruleIDs.contains(NamesReplacedRule.description.id) {
            do {
                _ = try NameCorrespondence.Places.of(source: LexicalLanguages.primary(sourceLanguage),
                                                     target: LexicalLanguages.primary(targetLanguage),
                                                     latin: Transliterator(id: NamesMissingRule.latinTransliteration))
            } catch {
                // Made again, and reported, by the rule's own preparation.
            }
        }
        if ruleIDs.contains(where: { $0.hasPrefix("meaning.") }) {
            for language in [sourceLanguage, targetLanguage] { _ = NegationLexicon.forLanguage(language) }
        }
        if ruleIDs.contains(OffensiveRule.description.id) { _ = CueLexicon.offensive }
        if ruleIDs.contains(NumbersUnitRule.description.id) {
            for language in [sourceLanguage, targetLanguage] {
                do {
                    _ = try NumbersUnitRule.Units(language: language, dictionary: lexicon?.hunspell(language))
                } catch {
                    // Made again, and reported, when a figure first needs the units.
                }
            }
        }
    }
}
