import Foundation
import Testing
import LectorMeCab
@testable import LectorLexicon

/// Japanese lemmas through MeCab and its IPA dictionary in UTF-8.
@Suite struct MeCabTests {
    static let dictionary = LexicalResource.meCabDictionary(in: Installed.paths).flatMap { MeCabAnalyzer.isUTF8($0.charset) ? $0.folder : nil }

    @Test(.enabled(if: dictionary != nil, "needs mecab-ipadic-utf8"))
    func conjugatedVerbsAndAdjectivesGiveTheirDictionaryForm() throws {
        let analyzer = try MeCabAnalyzer(dictionaryFolder: try #require(Self.dictionary))
        #expect(analyzer.lemmas(of: "行きました") == ["行く"])
        #expect(analyzer.lemmas(of: "高かった") == ["高い"])
        #expect(analyzer.lemmas(of: "食べられなかった") == ["食べる"])
        #expect(analyzer.lemmas(of: "食べている") == ["食べる"])
        // Particles and auxiliaries are not lemmas; nouns are their own.
        #expect(analyzer.lemmas(of: "東京に行った") == ["東京", "行く"])
        let morphemes = analyzer.morphemes(of: "行きました")
        #expect(morphemes.map(\.surface) == ["行き", "まし", "た"])
        #expect(morphemes.map(\.partOfSpeech) == ["動詞", "助動詞", "助動詞"])
        #expect(analyzer.morphemes(of: "").isEmpty)
    }

    @Test(.enabled(if: dictionary != nil, "needs mecab-ipadic-utf8"))
    func theLexiconGivesJapaneseLemmasAndTheirTranslations() {
        let lexicon = Lexicon.load(source: "ja", target: "en", paths: Installed.paths)
        #expect(lexicon.lemmas(of: "行きました", language: "ja") == ["行く"])
        #expect(lexicon.lemmas(of: "高かった", language: "ja-JP") == ["高い"])
        #expect(!lexicon.missingResources.contains { $0.package == "mecab-ipadic-utf8" })
        if Installed.freeDict("ja", "en") {
            #expect(lexicon.translations(of: "高い", from: "ja", to: "en").contains { $0.text == "high" || $0.text == "expensive" })
        }
    }

    /// An EUC-JP dictionary (Debian's plain `mecab-ipadic`) is found but refused, before MeCab
    /// opens it: a dictionary whose header declares EUC-JP stands in for it.
    @Test func anEUCJPDictionaryIsRefusedWithTheReason() throws {
        let folder = NSTemporaryDirectory() + "lector-mecab-euc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/ipadic", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var header = [UInt8](repeating: 0, count: 72)
        header.replaceSubrange(40..<46, with: Array("EUC-JP".utf8))
        try Data(header).write(to: URL(fileURLWithPath: folder + "/ipadic/sys.dic"))
        #expect(MeCabAnalyzer.charset(ofDictionary: folder + "/ipadic/sys.dic") == "EUC-JP")
        #expect(throws: MeCabAnalyzer.LoadError.notUTF8(folder: folder + "/ipadic", charset: "EUC-JP")) {
            try MeCabAnalyzer(dictionaryFolder: folder + "/ipadic")
        }
        let paths = ResourcePaths(folders: [folder])
        let resource = LexicalResource.meCab(paths: paths)
        #expect(!resource.isPresent)
        #expect(resource.refusal == "\(folder)/ipadic is EUC-JP, Lector reads UTF-8 dictionaries only")
        #expect(Lexicon.meCab(paths: paths) == nil)
        #expect(Lexicon.load(source: "ja", target: "en", paths: paths).lemmas(of: "行きました", language: "ja").isEmpty)
        // Without any dictionary, the resource is missing with its package.
        let none = LexicalResource.meCab(paths: ResourcePaths(folders: [folder + "/none"]))
        #expect(none.path == nil && none.refusal == nil && none.package == "mecab-ipadic-utf8")
    }
}
