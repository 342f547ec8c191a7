import Foundation
import LectorTestSupport
import Testing
import LectorLexicon

@Suite struct LexiconTests {
    static func emptyFolder() throws -> ResourcePaths {
        let folder = Fixtures.temporaryDirectory().path
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

    /// Pivots are decided by the dictionary files alone; a pivot's dictionaries load when a word
    /// first needs them. A folder of its own (nothing of it loaded yet in this process) still
    /// bridges ru→en and en→ru through German, and without deu-eng there is no bridge.
    @Test(.enabled(if: Installed.freeDict("de", "ru") && Installed.freeDict("de", "en") && Installed.freeDict("en", "de")
                   && Installed.freeDict("en", "ru"),
                   "needs dict-freedict-deu-rus, dict-freedict-deu-eng, dict-freedict-eng-deu, dict-freedict-eng-rus"))
    func pivotDictionariesLoadWhenAWordNeedsThem() throws {
        func folder(with pairs: [(String, String)]) throws -> ResourcePaths {
            let folder = Fixtures.temporaryDirectory().path
            for (from, to) in pairs {
                let index = try #require(LexicalResource.freeDictIndex(from: from, to: to, in: Installed.paths))
                let data = String(index.dropLast(".index".count)) + ".dict.dz"
                for file in [index, data] {
                    try FileManager.default.createSymbolicLink(atPath: (folder as NSString).appendingPathComponent((file as NSString).lastPathComponent),
                                                               withDestinationPath: file)
                }
            }
            return ResourcePaths(folders: [folder])
        }
        // eng-deu too: without it en→de would read deu-eng backwards, whose links take minutes to
        // build in a debug build (the folder is new, so the disk cache has nothing for it).
        let lexicon = Lexicon.load(source: "ru", target: "en",
                                   paths: try folder(with: [("de", "ru"), ("de", "en"), ("en", "de"), ("en", "ru")]))
        #expect(lexicon.pivots(from: "ru", to: "en") == ["de"])
        #expect(lexicon.pivots(from: "en", to: "ru") == ["de"])
        #expect(lexicon.translations(of: "население", from: "ru", to: "en").isEmpty)
        #expect(lexicon.pivotTranslations(of: "население", from: "ru", to: "en", through: ["de"])
            .contains { $0.text.split(separator: " ").contains("population") })
        #expect(lexicon.pivotTranslations(of: "help", from: "en", to: "ru", through: ["de"]).contains { $0.text == "помощь" })
        let withoutBridge = Lexicon.load(source: "ru", target: "en", paths: try folder(with: [("de", "ru"), ("en", "ru")]))
        #expect(withoutBridge.pivots(from: "ru", to: "en").isEmpty)
    }

    @Test(.enabled(if: Installed.wordNet && Installed.hunspell("en"), "needs wordnet-base, hunspell-en-us"))
    func englishLemmasSynonymsAntonyms() {
        let lexicon = Lexicon.shared(source: "de", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "negotiations", language: "en").contains("negotiation"))
        #expect(lexicon.antonyms(of: "increase").contains("decrease"))
        #expect(lexicon.synonyms(of: "big").contains("large"))
        #expect(Lexicon.shared(source: "de", target: "en", paths: Installed.paths) === lexicon)
    }

    /// The lexicon keeps WordNet's answers per lemma: asked again, they are WordNet's own, and the
    /// three questions are kept apart (a satellite's antonyms through its head are not its own).
    @Test(.enabled(if: Installed.wordNet, "needs wordnet-base"))
    func wordNetAnswersKeptAsWordNetGivesThem() throws {
        let lexicon = Lexicon.load(source: "de", target: "en", paths: Installed.paths)
        let wordNet = try WordNet(folder: try #require(WordNet.locate(in: Installed.paths)))
        for lemma in ["vast", "increase", "big", "car", "notaword"] {
            for _ in 0..<2 {
                #expect(lexicon.synonyms(of: lemma) == wordNet.synonyms(of: lemma))
                #expect(lexicon.antonyms(of: lemma) == wordNet.antonyms(of: lemma))
                #expect(lexicon.directAntonyms(of: lemma) == wordNet.antonyms(of: lemma, throughHeads: false))
            }
        }
        #expect(lexicon.antonyms(of: "vast").contains("small"))
        #expect(!lexicon.directAntonyms(of: "vast").contains("small"))
    }

    @Test(.enabled(if: Installed.hunspell("uk") && Installed.hunspell("cs"), "needs hunspell-uk, hunspell-cs"))
    func ukrainianAndCzechLemmas() {
        let lexicon = Lexicon.load(source: "uk", target: "cs", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "Києві", language: "uk").contains("Київ"))
        #expect(lexicon.lemmas(of: "Kyjevě", language: "cs").contains("Kyjev"))
    }
}
