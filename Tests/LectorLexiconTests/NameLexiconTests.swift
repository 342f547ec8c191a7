import Testing
import LectorLexicon

/// What the lexicon tells about names: WordNet's instances from its words made of names, and a
/// name's own dictionary entries (capital included) from a common word's.
@Suite struct NameLexiconTests {
    @Test(.enabled(if: Installed.wordNet, "needs wordnet-base"))
    func wordNetTellsParticularNamesFromWordsMadeOfThem() {
        let lexicon = Lexicon.load(source: "ro", target: "en", paths: Installed.paths)
        #expect(lexicon.nameSense(ofEnglish: "Munich") == .instance)
        #expect(lexicon.nameSense(ofEnglish: "Danube") == .instance)
        #expect(lexicon.nameSense(ofEnglish: "Japanese") == .adjective)
        #expect(lexicon.nameSense(ofEnglish: "Chadian") == .adjective)
        // A plural by its singular: a people, never a particular one.
        #expect(lexicon.nameSense(ofEnglish: "Finns") == .commonNoun)
        #expect(lexicon.nameSense(ofEnglish: "Pentecost") == .commonNoun)
        // Names WordNet does not list are for other evidence, not taken for derived words by
        // their ending as `-ian` once took them.
        #expect(lexicon.nameSense(ofEnglish: "Damian") == nil)
    }

    @Test(.enabled(if: Installed.freeDict("en", "pl") && Installed.freeDict("en", "it"), "needs dict-freedict-eng-pol, eng-ita"))
    func nameEntriesAreReadWithTheirCapitalAndIndentedLines() {
        let lexicon = Lexicon.load(source: "ro", target: "en", paths: Installed.paths)
        // eng-pol indents its translations and adds the article: `the Danube (:the :Danube)`, ` - Dunaj`.
        #expect(lexicon.nameTranslations(of: "Danube", from: "en", to: "pl").contains("Dunaj"))
        #expect(lexicon.nameTranslations(of: "England", from: "en", to: "pl").contains("Anglia"))
        #expect(lexicon.nameTranslations(of: "Danube", from: "en", to: "it").contains("Danubio"))
        // `Johnson` is not the headword `johnson` (a slang word).
        #expect(lexicon.nameTranslations(of: "Johnson", from: "en", to: "de").isEmpty)
    }
}
