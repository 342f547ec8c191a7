import Foundation
import LectorTestSupport
import Testing

/// `lector` installed as users install a CLI: the binary copied alone into a `bin` folder and run
/// from elsewhere. Its data files (transliteration rules, inflection endings, the garbled model,
/// report templates) are compiled in, so nothing of the build folder is needed.
@Suite struct InstalledBinaryTests {
    /// Copies the built binary and the seed files into a fresh folder that shares nothing with
    /// the package, and runs `lector ARGUMENTS` there.
    func runInstalled(_ arguments: [String]) throws -> (status: Int32, output: String, error: String, binary: URL) {
        let root = Fixtures.temporaryDirectory()
        let bin = root.appendingPathComponent("bin")
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let binary = bin.appendingPathComponent("lector")
        try FileManager.default.copyItem(at: CommandRunner.executable, to: binary)
        for file in ["Glossaries/ukraine-war.tbx", "Examples/seed-article.en.txt", "Examples/seed-article.de.txt"] {
            try FileManager.default.copyItem(atPath: Fixtures.path(file),
                                             toPath: work.appendingPathComponent((file as NSString).lastPathComponent).path)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = work
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self), binary)
    }

    @Test func copiedBinaryChecksTheSeedWithItsSource() throws {
        let result = try runInstalled(["check", "--no-config", "--glossary", "ukraine-war.tbx", "--source-lang", "de",
                                       "--source", "seed-article.de.txt", "seed-article.en.txt"])
        // Before resources were compiled in, this died with SIGILL (132): no resource bundle.
        #expect(result.status == 1, "stderr: \(result.error)")
        // Each embedded resource shows in what it decides: a Duden transcription (Transliteration),
        // the garbled model and its cues (Garbled), the deprecated term (the glossary itself).
        #expect(result.output.contains("`Medinski` is the German transcription of Мединский"))
        #expect(result.output.contains("[garbled.sentence]"))
        #expect(result.output.contains("`Kiev` is deprecated; use `Kyiv`"))
    }

    @Test func copiedBinaryWritesReportsFromItsTemplates() throws {
        let result = try runInstalled(["report", "--no-config", "--glossary", "ukraine-war.tbx", "--out", "seed",
                                       "seed-article.en.txt"])
        #expect(result.status == 0 || result.status == 1, "stderr: \(result.error)")
        let page = try String(contentsOf: result.binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("work/seed.html"), encoding: .utf8)
        #expect(page.contains("<html"))
        #expect(page.contains("Kyiv"))
    }

    /// The binary has no resource-bundle accessor compiled in: a lookup of a bundle beside the
    /// build products is what crashed the copied binary.
    @Test func binaryNamesNoResourceBundle() throws {
        let data = try Data(contentsOf: CommandRunner.executable)
        for bundle in ["Lector_LectorKit.resources", "Lector_LectorRules.resources", "Lector_LectorGlossary.resources"] {
            #expect(data.range(of: Data(bundle.utf8)) == nil, "the binary still refers to \(bundle)")
        }
    }
}
