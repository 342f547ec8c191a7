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
}
