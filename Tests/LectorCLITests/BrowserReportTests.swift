import Foundation
import LectorTestSupport
import Testing

/// The HTML report in a real browser: Debian's headless Chromium renders the seed report (with its
/// German source); the rendered DOM must hold the findings and the corrected sentence, and a
/// screenshot is saved. Without Chromium this test skips: `Scripts/install-dependencies` installs it.
@Suite struct BrowserReportTests {
    @Test(.enabled(if: OptionalResource.chromium, Comment(rawValue: OptionalResource.chromiumMissing)))
    func seedReportRendersInChromium() throws {
        let chromium = try #require(ExternalTool.path(of: "chromium"))
        let directory = Fixtures.temporaryDirectory()
        let out = directory.appendingPathComponent("seed-article-de-en").path
        let report = try CommandRunner.run(["report", "--no-config", "--glossary", "Glossaries/ukraine-war.tbx",
                                            "--target-lang", "en", "--source-lang", "de",
                                            "--source", "Examples/seed-article.de.txt", "--out", out,
                                            "Examples/seed-article.en.txt"])
        try #require(report.status == 0, "\(report.standardError)")
        let page = URL(fileURLWithPath: out + ".html").absoluteString
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                      "--user-data-dir=\(directory.appendingPathComponent("profile").path)"]

        let dump = try Self.run(chromium, common + ["--dump-dom", page])
        try #require(dump.status == 0, "chromium --dump-dom failed: \(dump.error)")
        let dom = dump.output
        #expect(dom.contains("<html lang=\"en\">"))
        let text = Self.visibleText(of: dom)
        // The findings, with rule, severity, message and suggestion.
        #expect(text.contains("glossary.variant"))
        #expect(text.contains("Medinski is the German transcription of Мединский; house spelling Medinsky"))
        #expect(text.contains("Suggestion Medinski → Medinsky"))
        #expect(text.contains("glossary.forbidden"))
        #expect(text.contains("Kiev is deprecated; use Kyiv"))
        #expect(text.contains("Suggestion Kiev → Kyiv"))
        // The corrected sentence, beside the machine translation and the German source.
        #expect(text.contains("Moscow is demanding that Kyiv renounce NATO"))
        #expect(text.contains("Moscow is demanding that Kiev renounce NATO"))
        #expect(text.contains("Moskau fordert von Kiew"))
        #expect(dom.contains("that <ins>Kyiv</ins> renounce"))
        // Every link of the summary leads to an element of the rendered page.
        let ids = Set(Self.captures(of: ##"id="([^"]+)""##, in: dom))
        let links = Self.captures(of: ##"href="#(finding-\d+)""##, in: dom)
        #expect(!links.isEmpty)
        for link in links { #expect(ids.contains(link), "no element with id \(link)") }

        let screenshot = directory.appendingPathComponent("seed-article.png")
        let shot = try Self.run(chromium, common + ["--window-size=1280,1400", "--screenshot=\(screenshot.path)", page])
        #expect(shot.status == 0, "chromium --screenshot failed: \(shot.error)")
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000)
    }

    // MARK: - Helpers

    /// Runs a program, killing it after `timeout` seconds; standard output and error apart.
    static func run(_ path: String, _ arguments: [String], timeout: Double = 120) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        // Read both pipes while the browser runs, so that neither fills up and blocks it.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        deadline.cancel()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    /// The DOM's text without tags, entities decoded and white space collapsed.
    static func visibleText(of dom: String) -> String {
        var text = dom.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        text = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        // Tags inside a sentence left spaces around the highlighted words: "that  Kyiv  renounce".
        return text.replacingOccurrences(of: " ([,.;:)])", with: "$1", options: .regularExpression)
    }

    static func captures(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
