import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// `lector doctor` on a machine without the lexical packages (simulated by an empty data folder)
/// and with them.
@Suite struct DoctorCommandTests {
    static func emptyFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "lector-no-data-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
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

    @Test func withoutPackagesAPairSaysWhichChecksAreOff() throws {
        let result = try CommandRunner.run(["doctor", "--data-path", Self.emptyFolder(), "--source-lang", "en", "--target-lang", "uk"])
        #expect(result.standardOutput.contains("spelling checks off: no Hunspell dictionary for uk (install hunspell-uk)"))
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

    /// `lector check` says once, in its summary, what is off for lack of a resource.
    @Test func checkSaysOnceWhatIsOff() throws {
        let first = Fixtures.write("Переговоры в Киеве.\n", named: "doctor-uk-1.txt")
        let second = Fixtures.write("Переговоры в Києві.\n", named: "doctor-uk-2.txt")
        let result = try CommandRunner.run(["check", "--target-lang", "uk", "--glossary", "Glossaries/ukraine-war.tbx", first, second],
                                           environment: ["LECTOR_DATA_PATH": Self.emptyFolder()])
        let notice = "spelling checks off: no Hunspell dictionary for uk (install hunspell-uk)"
        #expect(result.standardError.components(separatedBy: notice).count == 2, "\(result.standardError)")
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
