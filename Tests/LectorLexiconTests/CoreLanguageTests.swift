import Foundation
import Testing
import LectorLexicon

/// The ten core languages, one test each, asking the lexicon what that language's Debian
/// packages let it answer: lemmas (Hunspell; English also WordNet's morphy; Japanese MeCab),
/// dictionary translations to and from English (FreeDict, read backwards where Debian has one
/// direction only), spelling (Hunspell), and for English synonyms and antonyms (WordNet). Each test
/// skips, naming the packages, where they are absent. Where a package cannot exist (no FreeDict
/// dictionary with Ukrainian, no Hunspell dictionary for Japanese) the test asserts the empty
/// answer rather than skipping it.
@Suite struct CoreLanguageTests {
    /// Lemma, spelling and both translation directions of one language paired with English.
    static func answers(_ language: String, form: String, lemma: String, misspelled: String,
                        word: String, english: String) {
        let lexicon = Lexicon.load(source: language, target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: form, language: language).contains(lemma), "\(language): lemmas of \(form)")
        #expect(lexicon.isKnown(form, language: language) == true)
        #expect(lexicon.isKnown(misspelled, language: language) == false)
        let forward = lexicon.translations(of: word, from: language, to: "en")
        #expect(forward.contains { $0.text == english }, "\(language)→en \(word): \(forward.prefix(5))")
        let back = lexicon.translations(of: english, from: "en", to: language)
        #expect(back.contains { $0.text.lowercased() == word.lowercased() }, "en→\(language) \(english): \(back.prefix(5))")
    }

    @Test(.enabled(if: Installed.hunspell("en") && Installed.wordNet && Installed.freeDict("en", "de"),
                   "needs hunspell-en-us, wordnet-base, dict-freedict-eng-deu"))
    func english() {
        let lexicon = Lexicon.load(source: "en", target: "de", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "went", language: "en").contains("go"))
        #expect(lexicon.lemmas(of: "negotiations", language: "en").contains("negotiation"))
        #expect(lexicon.isKnown("negotiations", language: "en") == true)
        #expect(lexicon.isKnown("negotaitions", language: "en") == false)
        #expect(lexicon.suggestions(for: "negotaitions", language: "en").contains("negotiations"))
        #expect(lexicon.synonyms(of: "big").contains("large"))
        #expect(lexicon.antonyms(of: "increase").contains("decrease"))
        // A satellite adjective reaches its antonym through its head (soggy → wet ↔ dry).
        #expect(lexicon.antonyms(of: "soggy").contains("dry"))
        #expect(lexicon.translations(of: "dog", from: "en", to: "de").contains { $0.text == "Hund" })
        #expect(lexicon.translations(of: "Hund", from: "de", to: "en").contains { $0.text == "dog" })
    }

    @Test(.enabled(if: Installed.hunspell("de") && Installed.freeDict("de", "en") && Installed.freeDict("en", "de"),
                   "needs hunspell-de-de, dict-freedict-deu-eng, dict-freedict-eng-deu"))
    func german() {
        Self.answers("de", form: "Häuser", lemma: "Haus", misspelled: "Häusre", word: "Hund", english: "dog")
        let lexicon = Lexicon.load(source: "de", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "Verhandlungen", language: "de").contains("verhandeln"))
    }

    @Test(.enabled(if: Installed.hunspell("fr") && Installed.freeDict("fr", "en") && Installed.freeDict("en", "fr"),
                   "needs hunspell-fr, dict-freedict-fra-eng, dict-freedict-eng-fra"))
    func french() {
        Self.answers("fr", form: "maisons", lemma: "maison", misspelled: "maisonns", word: "chien", english: "dog")
    }

    @Test(.enabled(if: Installed.hunspell("es") && Installed.freeDict("es", "en") && Installed.freeDict("en", "es"),
                   "needs hunspell-es, dict-freedict-spa-eng, dict-freedict-eng-spa"))
    func spanish() {
        Self.answers("es", form: "casas", lemma: "casa", misspelled: "cassas", word: "perro", english: "dog")
    }

    @Test(.enabled(if: Installed.hunspell("it") && Installed.freeDict("it", "en") && Installed.freeDict("en", "it"),
                   "needs hunspell-it, dict-freedict-ita-eng, dict-freedict-eng-ita"))
    func italian() {
        Self.answers("it", form: "cani", lemma: "cane", misspelled: "canii", word: "cane", english: "dog")
    }

    @Test(.enabled(if: Installed.hunspell("pl") && Installed.freeDict("pl", "en") && Installed.freeDict("en", "pl"),
                   "needs hunspell-pl, dict-freedict-pol-eng, dict-freedict-eng-pol"))
    func polish() {
        Self.answers("pl", form: "domy", lemma: "dom", misspelled: "dommy", word: "pies", english: "dog")
        let lexicon = Lexicon.load(source: "pl", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "Kijowie", language: "pl").contains("Kijów"))
    }

    /// cs→en reads eng-ces backwards: Debian's ces-eng has under 500 headwords.
    @Test(.enabled(if: Installed.hunspell("cs") && Installed.freeDict("en", "cs"), "needs hunspell-cs, dict-freedict-eng-ces"))
    func czech() {
        Self.answers("cs", form: "města", lemma: "město", misspelled: "mněsta", word: "pes", english: "dog")
        let lexicon = Lexicon.load(source: "cs", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "Kyjevě", language: "cs").contains("Kyjev"))
    }

    /// ru→en reads eng-rus backwards: Debian has no rus-eng.
    @Test(.enabled(if: Installed.hunspell("ru") && Installed.freeDict("en", "ru"), "needs hunspell-ru, dict-freedict-eng-rus"))
    func russian() {
        Self.answers("ru", form: "дома", lemma: "дом", misspelled: "домма", word: "собака", english: "dog")
        let lexicon = Lexicon.load(source: "ru", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "Киеве", language: "ru").contains("Киев"))
    }

    /// Debian packages no FreeDict dictionary with Ukrainian in either direction, and there is none
    /// to pivot through: lemmas and spelling answer, translations are empty (`lector doctor` names
    /// the gap: `DoctorCommandTests`).
    @Test(.enabled(if: Installed.hunspell("uk"), "needs hunspell-uk"))
    func ukrainian() {
        let lexicon = Lexicon.load(source: "uk", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "Києві", language: "uk").contains("Київ"))
        #expect(lexicon.lemmas(of: "переговорах", language: "uk").contains("переговори"))
        #expect(lexicon.isKnown("переговори", language: "uk") == true)
        #expect(lexicon.isKnown("переговорри", language: "uk") == false)
        #expect(!Installed.freeDict("uk", "en") && !Installed.freeDict("en", "uk"))
        #expect(!lexicon.hasTranslations(from: "uk", to: "en"))
        #expect(lexicon.translations(of: "собака", from: "uk", to: "en").isEmpty)
    }

    /// Japanese lemmas come from MeCab (Hunspell has no Japanese dictionary: `isKnown` is nil);
    /// en→ja reads jpn-eng backwards (eng-jpn has 34,000 headwords, jpn-eng 376,000).
    @Test(.enabled(if: MeCabTests.dictionary != nil && Installed.freeDict("ja", "en") && Installed.freeDict("en", "ja"),
                   "needs mecab-ipadic-utf8, dict-freedict-jpn-eng, dict-freedict-eng-jpn"))
    func japanese() {
        let lexicon = Lexicon.load(source: "ja", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "行きました", language: "ja") == ["行く"])
        #expect(lexicon.lemmas(of: "犬たちは", language: "ja") == ["犬"])
        #expect(lexicon.isKnown("犬", language: "ja") == nil)
        #expect(lexicon.translations(of: "犬", from: "ja", to: "en").contains { $0.text == "dog" })
        let back = lexicon.translations(of: "dog", from: "en", to: "ja")
        #expect(back.contains { $0.text == "犬" }, "en→ja dog: \(back.prefix(5))")
    }
}
