import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// `lector doctor` on a machine without the lexical packages (simulated by an empty data folder)
/// and with them.
@Suite struct DoctorCommandTests {
    static func emptyFolder() throws -> String {
        let folder = Fixtures.temporaryDirectory().path
        return folder
    }

    @Test func withoutPackagesEveryResourceIsMissingWithItsPackage() throws {
        let result = try CommandRunner.run(["doctor", "--data-path", Self.emptyFolder()])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("missing  Hunspell dictionary uk (Ukrainian)") && $0.contains("install hunspell-uk") })
        #expect(lines.contains { $0.contains("missing  FreeDict de–en dictionary") && $0.contains("install dict-freedict-deu-eng") })
        #expect(lines.contains { $0.contains("missing  WordNet 3.0") && $0.contains("install wordnet-base: antonym checks off") })
        #expect(lines.contains { $0.contains("missing  MeCab dictionary ja (Japanese)") && $0.contains("install mecab-ipadic-utf8") })
        // Debian packages no FreeDict dictionary with Ukrainian: no package to install.
        #expect(lines.contains { $0.contains("missing  FreeDict uk–en dictionary") && $0.contains("none (not packaged by Debian)") })
        #expect(!lines.contains { $0.contains("install hunspell-ja") || $0.contains("install none") })
        #expect(!lines.contains { $0.hasPrefix("  found") })
        #expect(lines.contains { $0.hasPrefix("0 of ") && $0.hasSuffix(" resources found.") })
    }

    /// `LECTOR_DATA_PATH` replaces the standard locations: on an empty folder nothing is found,
    /// as on a machine without the packages.
    @Test func lectorDataPathOnAnEmptyFolderFindsNothing() throws {
        let folder = try Self.emptyFolder()
        let result = try CommandRunner.run(["doctor", "--source-lang", "de", "--target-lang", "en"],
                                           environment: ["LECTOR_DATA_PATH": folder])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "Lexical resources (searched: \(folder))")
        #expect(!lines.contains { $0.hasPrefix("  found") })
        #expect(lines.contains("0 of 5 resources found."), "\(result.standardOutput)")
        #expect(lines.contains("spelling checks off: no Hunspell dictionary for en (install hunspell-en-us)"))
    }

    /// A machine with some packages: a project folder whose `.lector.yml` lists a `resources:`
    /// folder holding the German dictionaries only (links to the installed files), searched first,
    /// and `LECTOR_DATA_PATH` on an empty folder instead of the standard locations. Exactly the
    /// German resources are found, and the summary names what the missing English ones turn off.
    @Test(.enabled(if: LexicalResource.hunspellFiles("de", in: .standard) != nil
                   && LexicalResource.freeDictIndex(from: "de", to: "en", in: .standard) != nil,
                   "needs hunspell-de-de and dict-freedict-deu-eng"))
    func aProjectsResourcesFolderWithSomePackages() throws {
        let project = try Self.emptyFolder()
        let dictionaries = project + "/dicts"
        try FileManager.default.createDirectory(atPath: dictionaries, withIntermediateDirectories: true)
        let hunspell = try #require(LexicalResource.hunspellFiles("de", in: .standard))
        let index = try #require(LexicalResource.freeDictIndex(from: "de", to: "en", in: .standard))
        for (path, name) in [(hunspell.affix, "de_DE.aff"), (hunspell.dictionary, "de_DE.dic"), (index, "freedict-deu-eng.index"),
                             (String(index.dropLast(".index".count)) + ".dict.dz", "freedict-deu-eng.dict.dz")] {
            try FileManager.default.createSymbolicLink(atPath: "\(dictionaries)/\(name)", withDestinationPath: path)
        }
        try "source_language: de\ntarget_language: en\nresources:\n  - dicts\n".write(toFile: project + "/.lector.yml", atomically: true, encoding: .utf8)
        let result = try CommandRunner.start(["doctor"], environment: ["LECTOR_DATA_PATH": try Self.emptyFolder()],
                                             in: URL(fileURLWithPath: project)).wait()
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  found    Hunspell dictionary de (German)") && $0.contains("\(dictionaries)/de_DE.dic") })
        #expect(lines.contains { $0.hasPrefix("  found    FreeDict de–en dictionary") && $0.contains("\(dictionaries)/freedict-deu-eng.index") })
        #expect(lines.contains { $0.hasPrefix("  missing  Hunspell dictionary en (English)") && $0.contains("install hunspell-en-us") })
        #expect(lines.contains { $0.hasPrefix("  missing  WordNet 3.0") })
        #expect(lines.contains("2 of 5 resources found."), "\(result.standardOutput)")
        #expect(lines.contains("antonym checks off: no WordNet (install wordnet-base)"))
    }

    @Test func withoutPackagesAPairSaysWhichChecksAreOff() throws {
        let result = try CommandRunner.run(["doctor", "--data-path", Self.emptyFolder(), "--source-lang", "en", "--target-lang", "uk"])
        #expect(result.standardOutput.contains("spelling checks off: no Hunspell dictionary for uk (install hunspell-uk)"))
    }

    @Test func anUnknownLanguageTagIsAnInputErrorAsInCheck() throws {
        for (flag, other) in [("--source-lang", "--target-lang"), ("--target-lang", "--source-lang")] {
            let result = try CommandRunner.run(["doctor", "--data-path", Self.emptyFolder(), flag, "xx-bogus", other, "en"])
            #expect(result.status == 2)
            #expect(result.standardError.contains("\(flag): unknown language tag “xx-bogus”"), "\(result.standardError)")
        }
    }

    /// A MeCab dictionary in EUC-JP (Debian's plain `mecab-ipadic`) is found and refused with the reason.
    @Test func anEUCJPMeCabDictionaryIsRefused() throws {
        let folder = try Self.emptyFolder()
        try FileManager.default.createDirectory(atPath: folder + "/ipadic", withIntermediateDirectories: true)
        var header = [UInt8](repeating: 0, count: 72)
        header.replaceSubrange(40..<46, with: Array("EUC-JP".utf8))
        try Data(header).write(to: URL(fileURLWithPath: folder + "/ipadic/sys.dic"))
        let result = try CommandRunner.run(["doctor", "--data-path", folder, "--source-lang", "ja", "--target-lang", "en"])
        #expect(result.status == 0)
        let line = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("  refused  MeCab dictionary ja (Japanese) ") }
        #expect(line?.contains("\(folder)/ipadic is EUC-JP, Lector reads UTF-8 dictionaries only; install mecab-ipadic-utf8") == true,
                "\(result.standardOutput)")
    }

    /// A pair no FreeDict dictionary links (uk–en: Debian packages none) turns the dictionary checks
    /// off whatever is installed; the run says so instead of reading as an all clear.
    @Test func aPairWithoutAnyDictionarySaysWhichChecksAreOff() throws {
        let file = Fixtures.write(#"{"id":"1","source":"Переговори в Києві тривали.","target":"Talks in Kyiv went on."}"# + "\n",
                                  named: "doctor-uk-en.jsonl")
        let result = try CommandRunner.run(["check", "--no-config", "--source-lang", "uk", "--target-lang", "en", file])
        for checks in ["omission", "addition", "antonym"] {
            let notice = "\(checks) checks off: no uk–en dictionary (FreeDict has none)"
            #expect(result.standardError.components(separatedBy: notice).count == 2, "\(result.standardError)")
        }
        let doctor = try CommandRunner.run(["doctor", "--source-lang", "uk", "--target-lang", "en"])
        #expect(doctor.standardOutput.contains("omission checks off: no uk–en dictionary (FreeDict has none)"), "\(doctor.standardOutput)")
        let dense = try CommandRunner.run(["doctor", "--source-lang", "en", "--target-lang", "ja"])
        #expect(dense.standardOutput.contains("omission checks off: words of ja are not aligned with a dictionary"), "\(dense.standardOutput)")
    }

    /// `lector check` says once, in its summary, what is off for lack of a resource.
    @Test func checkSaysOnceWhatIsOff() throws {
        let first = Fixtures.write("Переговоры в Киеве.\n", named: "doctor-uk-1.txt")
        let second = Fixtures.write("Переговоры в Києві.\n", named: "doctor-uk-2.txt")
        let result = try CommandRunner.run(["check", "--target-lang", "uk", "--glossary", "Glossaries/ukraine-war.tbx", first, second],
                                           environment: ["LECTOR_DATA_PATH": Self.emptyFolder()])
        let notice = "spelling checks off: no Hunspell dictionary for uk (install hunspell-uk)"
        #expect(result.standardError.components(separatedBy: notice).count == 2, "\(result.standardError)")
        // Said like every other notice of the run.
        #expect(result.standardError.contains("lector: note: " + notice), "\(result.standardError)")
        #expect(!result.standardOutput.contains("spelling.unknown"))
    }

    @Test(.enabled(if: LexicalResource.hunspellFiles("de", in: .standard) != nil
                   && LexicalResource.freeDictIndex(from: "de", to: "en", in: .standard) != nil,
                   "needs hunspell-de-de and dict-freedict-deu-eng"))
    func withPackagesThePairIsFound() throws {
        let result = try CommandRunner.run(["doctor", "--source-lang", "de", "--target-lang", "en"])
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  found    Hunspell dictionary de (German)") && $0.contains("de_DE.dic") })
        #expect(lines.contains { $0.hasPrefix("  found    FreeDict de–en dictionary") && $0.contains("freedict-deu-eng.index") })
        #expect(!result.standardOutput.contains("checks off"))
    }
}
