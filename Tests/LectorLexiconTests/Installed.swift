import LectorLexicon

/// Which Debian packages this machine has (tests that read them skip with the package's name).
enum Installed {
    static let paths = ResourcePaths.standard

    static func hunspell(_ language: String) -> Bool { LexicalResource.hunspellFiles(language, in: paths) != nil }
    static func freeDict(_ source: String, _ target: String) -> Bool {
        LexicalResource.freeDictIndex(from: source, to: target, in: paths) != nil
    }
    static var wordNet: Bool { WordNet.locate(in: paths) != nil }
}

enum LectorLexiconTestPaths {
    static func freeDictData(_ source: String, _ target: String) -> String? {
        LexicalResource.freeDictIndex(from: source, to: target, in: Installed.paths)
            .map { String($0.dropLast(".index".count)) + ".dict.dz" }
    }
}
