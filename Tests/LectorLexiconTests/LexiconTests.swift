import Foundation
import Testing
import LectorLexicon

@Suite struct LexiconTests {
    static func emptyFolder() throws -> ResourcePaths {
        let folder = NSTemporaryDirectory() + "lector-empty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return ResourcePaths(folders: [folder])
    }

    @Test func withoutResourcesEveryAnswerIsEmptyAndTheGapIsNamed() throws {
        let lexicon = Lexicon.load(source: "de", target: "en", paths: try Self.emptyFolder())
        #expect(lexicon.lemmas(of: "Verhandlungen", language: "de").isEmpty)
        #expect(lexicon.translations(of: "Hund", from: "de", to: "en").isEmpty)
        #expect(lexicon.antonyms(of: "good").isEmpty)
        #expect(lexicon.isKnown("Hund", language: "de") == nil)
        #expect(!lexicon.hasTranslations(from: "de", to: "en"))
        let packages = lexicon.missingResources.map(\.package)
        #expect(packages == ["hunspell-de-de", "hunspell-en-us", "dict-freedict-deu-eng", "wordnet-base"])
        #expect(lexicon.missingResources[2].description.contains("install dict-freedict-deu-eng"))
    }

    @Test func lectorDataPathReplacesTheStandardLocations() {
        let paths = ResourcePaths.resolve(configured: ["glossary/dicts"], relativeTo: "/project",
                                          environment: ["LECTOR_DATA_PATH": "/opt/homebrew/share:/data"])
        #expect(paths.folders == ["/project/glossary/dicts", "/opt/homebrew/share", "/data"])
        let standard = ResourcePaths.resolve(environment: [:])
        #expect(standard.folders.contains("/usr/share/hunspell"))
        #expect(standard.folders.contains("/opt/homebrew/share/hunspell"))
    }

    @Test(.enabled(if: Installed.freeDict("de", "en") && Installed.hunspell("de"), "needs dict-freedict-deu-eng, hunspell-de-de"))
    func germanToEnglish() {
        let lexicon = Lexicon.load(source: "de", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "Verhandlungen", language: "de").contains("verhandeln"))
        #expect(lexicon.translations(of: "Hund", from: "de", to: "en").contains { $0.text == "dog" })
        #expect(lexicon.isKnown("Verhandlungen", language: "de") == true)
        #expect(lexicon.isKnown("Verhandlugnen", language: "de") == false)
        #expect(lexicon.suggestions(for: "Verhandlugnen", language: "de").contains("Verhandlungen"))
    }

    /// FreeDict has eng→rus but no rus→eng: Russian is looked up in the English dictionary backwards.
    @Test(.enabled(if: Installed.freeDict("en", "ru"), "needs dict-freedict-eng-rus"))
    func russianThroughTheReversedEnglishDictionary() {
        let lexicon = Lexicon.load(source: "ru", target: "en", paths: Installed.paths)
        #expect(!Installed.freeDict("ru", "en"))
        #expect(lexicon.translations(of: "хороший", from: "ru", to: "en").contains { $0.text == "good" })
        #expect(lexicon.translations(of: "good", from: "en", to: "ru").contains { $0.text == "хороший" })
    }

    /// eng-rus has no `население` or `помощь`; deu-rus lists them under `Bevölkerung` and `Hilfe`,
    /// which deu-eng translates.
    @Test(.enabled(if: Installed.freeDict("de", "ru") && Installed.freeDict("de", "en"), "needs dict-freedict-deu-rus, dict-freedict-deu-eng"))
    func russianThroughGerman() {
        let lexicon = Lexicon.load(source: "ru", target: "en", paths: Installed.paths)
        #expect(lexicon.translations(of: "население", from: "ru", to: "en").isEmpty)
        #expect(lexicon.pivots(from: "ru", to: "en").contains("de"))
        let pivots = lexicon.pivots(from: "ru", to: "en")
        #expect(lexicon.pivotTranslations(of: "население", from: "ru", to: "en", through: pivots).contains { $0.text.split(separator: " ").contains("population") })
        #expect(lexicon.pivotTranslations(of: "помощь", from: "ru", to: "en", through: pivots).contains { $0.text.split(separator: " ").contains("help") })
        // The other way: English through German into Russian.
        #expect(lexicon.pivotTranslations(of: "help", from: "en", to: "ru", through: lexicon.pivots(from: "en", to: "ru"))
            .contains { $0.text == "помощь" })
        #expect(lexicon.pivotTranslations(of: "население", from: "ru", to: "en", through: []).isEmpty)
    }

    @Test(.enabled(if: Installed.wordNet && Installed.hunspell("en"), "needs wordnet-base, hunspell-en-us"))
    func englishLemmasSynonymsAntonyms() {
        let lexicon = Lexicon.shared(source: "de", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "negotiations", language: "en").contains("negotiation"))
        #expect(lexicon.antonyms(of: "increase").contains("decrease"))
        #expect(lexicon.synonyms(of: "big").contains("large"))
        #expect(Lexicon.shared(source: "de", target: "en", paths: Installed.paths) === lexicon)
    }

    @Test(.enabled(if: Installed.hunspell("uk") && Installed.hunspell("cs"), "needs hunspell-uk, hunspell-cs"))
    func ukrainianAndCzechLemmas() {
        let lexicon = Lexicon.load(source: "uk", target: "cs", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "Києві", language: "uk").contains("Київ"))
        #expect(lexicon.lemmas(of: "Kyjevě", language: "cs").contains("Kyjev"))
    }

    /// The ten languages, each asked what its Debian packages let it answer: lemmas
    /// (Hunspell; English also WordNet), translations to and from English (FreeDict, read backwards
    /// where Debian has one direction only), and for English synonyms and antonyms (WordNet).
    /// Ukrainian has no FreeDict dictionary at all and Japanese no Hunspell dictionary: those
    /// answers are empty, and the test says so rather than skipping them.
    @Test(.enabled(if: ["de", "fr", "es", "it", "pl", "cs", "ru", "uk", "en"].allSatisfy(Installed.hunspell)
                   && [("de", "en"), ("fr", "en"), ("es", "en"), ("it", "en"), ("pl", "en"), ("en", "cs"), ("en", "ru"), ("ja", "en"), ("en", "ja")]
                       .allSatisfy { Installed.freeDict($0.0, $0.1) } && Installed.wordNet,
                   "needs the hunspell-*, dict-freedict-* and wordnet-base packages of Scripts/install-dependencies"))
    func everyCoreLanguageAnswersWhatItsPackagesAllow() {
        let cases: [(language: String, form: String, lemma: String, word: String, english: String)] = [
            ("de", "Häuser", "Haus", "Hund", "dog"), ("fr", "maisons", "maison", "chien", "dog"),
            ("es", "casas", "casa", "perro", "dog"), ("it", "cani", "cane", "cane", "dog"),
            ("pl", "domy", "dom", "pies", "dog"), ("cs", "města", "město", "pes", "dog"),
            ("ru", "дома", "дом", "собака", "dog"),
        ]
        for item in cases {
            let lexicon = Lexicon.load(source: item.language, target: "en", paths: Installed.paths)
            #expect(lexicon.lemmas(of: item.form, language: item.language).contains(item.lemma), "\(item.language) lemma")
            #expect(lexicon.translations(of: item.word, from: item.language, to: "en").contains { $0.text == item.english },
                    "\(item.language)→en")
            let back = lexicon.translations(of: item.english, from: "en", to: item.language)
            #expect(back.contains { $0.text.lowercased() == item.word.lowercased() }, "en→\(item.language): \(back.prefix(5))")
        }
        let english = Lexicon.load(source: "en", target: "ja", paths: Installed.paths)
        #expect(english.lemmas(of: "went", language: "en").contains("go"))
        #expect(english.synonyms(of: "big").contains("large"))
        #expect(english.antonyms(of: "wet").contains("dry"))
        // (en→ja is not asked here: it reads jpn-eng backwards, 375,000 entries, seconds in a debug build.)
        #expect(english.translations(of: "犬", from: "ja", to: "en").contains { $0.text == "dog" })
        // Hunspell has no Japanese dictionary; MeCab gives the lemmas where mecab-ipadic-utf8 is installed.
        #expect(english.lemmas(of: "犬たちは", language: "ja") == (MeCabTests.dictionary == nil ? [] : ["犬"]))
        let ukrainian = Lexicon.load(source: "uk", target: "en", paths: Installed.paths)
        #expect(ukrainian.lemmas(of: "Києві", language: "uk").contains("Київ"))
        #expect(!ukrainian.hasTranslations(from: "uk", to: "en"), "Debian has no FreeDict dictionary with Ukrainian")
        #expect(ukrainian.translations(of: "собака", from: "uk", to: "en").isEmpty)
    }
}
