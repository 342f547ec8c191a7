import Foundation
import LectorTestSupport
import Testing

/// `check` on a resource file whose source is not beside it: it checks the translation alone and says so.
@Suite struct ResourceSourceCommandTests {
    @Test func theCommandLineSaysWhatItChecked() throws {
        let root = Fixtures.temporaryDirectory()
        let url = root.appendingPathComponent("res/values-de/strings.xml")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "<resources>\n<string name=\"a\">Gespräche mit Medinsky</string>\n</resources>\n".write(to: url, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", "--no-config", "--source-lang", "en", "--glossary", Fixtures.houseGlossaryPath,
                                            root.appendingPathComponent("res/values-de/strings.xml").path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("[glossary.variant]"))
        #expect(result.standardError.contains("no source file found (looked for "))
        #expect(result.standardError.contains("only the checks of the translation alone ran"))
    }

    @Test func aBilingualFileNeitherTakesNorIsASourceFile() throws {
        let root = Fixtures.temporaryDirectory()
        let json = root.appendingPathComponent("src.json").path
        let po = root.appendingPathComponent("a.po").path
        let text = root.appendingPathComponent("a.en.txt").path
        try "{\"a\": \"Gespräche in Kiew\"}".write(toFile: json, atomically: true, encoding: .utf8)
        try "msgid \"Gespräche in Kiew\"\nmsgstr \"Talks in Kyiv\"\n".write(toFile: po, atomically: true, encoding: .utf8)
        try "Talks in Kyiv.\n".write(toFile: text, atomically: true, encoding: .utf8)
        // A PO file paired with a JSON source was read as plain text: a finding on each `msgid` line.
        let target = try CommandRunner.run(["check", "--no-config", "--source-lang", "de", "--target-lang", "en",
                                            "--source", json, po])
        #expect(target.status == 2)
        #expect(target.standardOutput.isEmpty)
        #expect(target.standardError.contains("\(po): a PO file pairs each string with its own source, so --source \(json) does not apply"))
        let source = try CommandRunner.run(["check", "--no-config", "--source-lang", "de", "--target-lang", "en",
                                            "--source", po, text])
        #expect(source.status == 2)
        #expect(source.standardError.contains("\(po): a PO file holds source and translation, so it is not the source text of \(text)"))
    }
}
