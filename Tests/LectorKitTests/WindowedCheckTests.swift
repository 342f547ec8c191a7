import Foundation
@testable import LectorKit
import LectorTestSupport
import Testing

/// A large text or Markdown file is checked in windows (`Checker.checkWindows`); with a small
/// window size, real text must give exactly the findings of checking it whole, across
/// suppression regions, Markdown blocks and the document-wide `glossary.inconsistent`.
@Suite struct WindowedCheckTests {
    static let seed = (try? String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8)) ?? ""

    /// Machine-translated English of the MLQE-PE Romanian–English set (shared evaluation data),
    /// one sentence per line, a blank line after every fifth; empty when the data is not there.
    static let mlqe: String = {
        let path = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mlqe-pe/ro-en/dev.tsv").path
        guard let table = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        let lines = table.split(separator: "\n").dropFirst().prefix(300).compactMap { row -> String? in
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            return columns.count > 2 ? String(columns[2]) : nil
        }
        return lines.enumerated().map { $0.offset % 5 == 4 ? $0.element + "\n" : $0.element }.joined(separator: "\n") + "\n"
    }()

    static let plainText: String = {
        var text = "Kievan Rus' was a medieval state. Historians of Kievan Rus' disagree.\n"
        text += seed + "\n" + seed + "\n"
        text += mlqe
        text += "lector-disable glossary.forbidden\n" + seed + "\nlector-enable\n"
        text += "Kievan Rus' again, with “curly quotes and Medinski.\n"
        text += "lector-disable-next-line glossary.variant\nThe German spelling Medinski stands here.\n"
        text += "lector-disable-next-line glossary.forbidden\nKyiv is spelled the house way.\n\n"
        text += seed + "\nKyivan Rus' is written once the other way.\n" + mlqe + seed
        text += "\nlector-disable\nKiev to the end.\n" + seed
        return text
    }()

    static let markdown: String = {
        var text = "---\ntitle: Kiev\n---\n\n# The talks in Kiev\n\nKievan Rus' was a medieval state.\n\n"
        let paragraphs = seed.split(separator: "\n", omittingEmptySubsequences: true)
        for (number, paragraph) in (paragraphs + paragraphs + paragraphs).enumerated() {
            switch number % 6 {
            case 0: text += "## Part \(number)\n\n\(paragraph)\n\n"
            case 1: text += "- \(paragraph)\n\n  Continued in the list about Kiev.\n\n      indented code in the list: Kiev\n\n"
            case 2: text += "```\ncode about Kiev\n\nstill code: Medinski\n```\n\n\(paragraph)\n\n"
            case 3: text += "<!--\nA comment about Kiev\n\nspanning a blank line\n-->\n\n\(paragraph) See [Kiev](https://example.org/Kiev).\n\n"
            case 4: text += "<!-- lector-disable-next-line glossary.forbidden -->\n\(paragraph)\n\n---\n\n"
            default: text += "<!-- lector-disable glossary.variant -->\n\n\(paragraph)\n\n    code: Kiev\n\n\(paragraph)\n\n<!-- lector-enable -->\n\n"
            }
        }
        text += "Kyivan Rus' once, at the end, and `Kiev` in code.\n\n<!-- lector-disable-next-line spelling.unknown -->\nAll fine.\n"
        return text
    }()

    static func windowed(_ text: String, path: String, format: TextWindows.Format, size: Int, jobs: Int,
                         retainedBytes: Int = Checker.defaultRetainedWindowBytes,
                         checker: Checker = Fixtures.englishChecker) throws -> (findings: [Finding], windows: Int) {
        let bytes = Array(text.utf8)
        var findings: [Finding] = []
        var batches = 0
        try bytes.withUnsafeBufferPointer { buffer in
            try checker.checkWindows(path: path, bytes: buffer, format: format, windowBytes: size, jobs: jobs,
                                     retainedBytes: retainedBytes) { found in
                findings += found
                batches += 1
            }
        }
        return (findings, batches)
    }

    static func whole(_ text: String, path: String, checker: Checker = Fixtures.englishChecker) throws -> [Finding] {
        checker.check(try EditableFileLoader.checkedDocument(Data(text.utf8), path: path))
    }

    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)), arguments: [1, 2, 3])
    func plainTextInSmallWindowsGivesTheWholeFilesFindings(jobs: Int) throws {
        let expected = try Self.whole(Self.plainText, path: "article.txt")
        let (found, windows) = try Self.windowed(Self.plainText, path: "article.txt", format: .plain, size: 2_000, jobs: jobs)
        #expect(windows > 10)
        #expect(found == expected)
        // The test means something only if the cross-window cases occur.
        let rules = Set(expected.map(\.ruleID))
        #expect(rules.isSuperset(of: ["glossary.inconsistent", "suppression.unused", "glossary.forbidden",
                                      "glossary.variant", "punctuation.quotes"]))
    }

    @Test(arguments: [1, 2])
    func markdownInSmallWindowsGivesTheWholeFilesFindings(jobs: Int) throws {
        let expected = try Self.whole(Self.markdown, path: "article.md")
        let (found, windows) = try Self.windowed(Self.markdown, path: "article.md", format: .markdown, size: 1_000, jobs: jobs)
        #expect(windows > 5)
        #expect(found == expected)
        #expect(Set(expected.map(\.ruleID)).isSuperset(of: ["glossary.inconsistent", "glossary.forbidden"]))
    }

    /// The windows the first pass keeps read and matched (all, some, none) are checked as the ones
    /// the second pass reads and matches again.
    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)), arguments: [0, 7_000, 40_000, Checker.defaultRetainedWindowBytes])
    func windowsKeptFromTheFirstPassGiveTheSameFindings(retainedBytes: Int) throws {
        let expected = try Self.whole(Self.plainText, path: "article.txt")
        for jobs in [1, 2] {
            let (found, windows) = try Self.windowed(Self.plainText, path: "article.txt", format: .plain, size: 2_000,
                                                     jobs: jobs, retainedBytes: retainedBytes)
            #expect(windows > 10)
            #expect(found == expected, "retained \(retainedBytes), jobs \(jobs)")
        }
        let expectedMarkdown = try Self.whole(Self.markdown, path: "article.md")
        let (markdown, _) = try Self.windowed(Self.markdown, path: "article.md", format: .markdown, size: 1_000, jobs: 2,
                                              retainedBytes: retainedBytes)
        #expect(markdown == expectedMarkdown, "retained \(retainedBytes)")
        #expect(Self.plainText.utf8.count > 40_000)
    }

    /// The windows read while a session starts (`WindowReadAhead`: all, some or none of them, as
    /// far as the budget reaches) are the documents the first pass reads itself, and a check that
    /// takes them over gives the whole file's findings on one to three threads.
    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)), arguments: [0, 7_000, 1 << 30])
    func windowsReadAheadGiveTheWholeFilesFindings(retainedBytes: Int) throws {
        let path = Fixtures.write(Self.plainText, named: "read-ahead-\(retainedBytes).txt")
        let expected = try Self.whole(Self.plainText, path: path)
        let size = 2_000
        for jobs in [1, 2, 3] {
            let file = try #require(MappedFile(path: path))
            let readAhead = WindowReadAhead(path: path, file: file, format: .plain, windowBytes: size, retainedBytes: retainedBytes)
            readAhead.finish()
            let (windows, documents) = readAhead.take()
            #expect(windows == Checker.windows(of: file.bytes, path: path, format: .plain, windowBytes: size, release: nil))
            #expect(windows.count > 10)
            let budgetWindows = windows.prefix { $0.upperBound <= retainedBytes }.count
            #expect(documents.count == budgetWindows)
            for (window, document) in zip(windows, documents) {
                let read = try EditableFileLoader.checkedDocument(Data(UnsafeBufferPointer(rebasing: file.bytes[window])), path: path)
                #expect(document.text == read.text && document.utf16 == read.utf16 && document.path == read.path)
            }
            var found: [Finding] = []
            try Fixtures.englishChecker.checkWindows(path: path, bytes: file.bytes, windows: windows, readAhead: documents,
                                                     jobs: jobs, retainedBytes: Checker.defaultRetainedWindowBytes,
                                                     release: nil) { found += $0 }
            #expect(found == expected, "retained \(retainedBytes), jobs \(jobs)")
        }
    }

    /// Through the session, as the command runs it: read ahead on more than one thread (on one,
    /// nothing is), and the same findings as the session's check of the file without it.
    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func sessionTakesTheWindowsReadAheadOver() throws {
        let path = Fixtures.write(Self.plainText, named: "session-read-ahead.txt")
        var configuration = Fixtures.englishChecker.configuration
        configuration.windowBytes = 2_000
        var outputs: [[Finding]] = []
        for jobs in [1, 2, 3] {
            configuration.jobs = jobs
            let session = try LintSession(configuration)
            let readAhead = LintSession.readWindowsAhead(path: path, configuration: configuration)
            #expect((readAhead == nil) == (jobs == 1))
            var found: [Finding] = []
            #expect(try session.checkInWindows(.text(path: path), readAhead: readAhead) { found += $0 })
            var plain: [Finding] = []
            #expect(try session.checkInWindows(.text(path: path)) { plain += $0 })
            #expect(found == plain, "jobs \(jobs)")
            outputs.append(found)
        }
        #expect(outputs[1] == outputs[0] && outputs[2] == outputs[0])
        #expect(outputs[0].count > 10)
    }

    /// Every window size, from one line a window to the whole file, gives the same findings.
    @Test func everyWindowSizeGivesTheSameFindings() throws {
        let text = Self.plainText.prefix(40_000) + "\n"
        let expected = try Self.whole(String(text), path: "article.txt")
        for size in [1, 97, 1_500, 9_000, 100_000] {
            let (found, _) = try Self.windowed(String(text), path: "article.txt", format: .plain, size: size, jobs: 2)
            #expect(found == expected, "window size \(size)")
        }
    }

    @Test func cutsAreAtLineStartsOutsideSuppressionRegions() throws {
        let bytes = Array(Self.plainText.utf8)
        let windows = bytes.withUnsafeBufferPointer { TextWindows.windows(in: $0, format: .plain, size: 500) }
        #expect(windows.first?.lowerBound == 0)
        #expect(windows.last?.upperBound == bytes.count)
        for (left, right) in zip(windows, windows.dropFirst()) {
            #expect(left.upperBound == right.lowerBound)
            #expect(bytes[right.lowerBound - 1] == 0x0A)
        }
    }

    /// Invalid UTF-8 in a later window is reported at its line in the file, after the findings
    /// of the windows before it.
    @Test func invalidUTF8IsReportedAtItsLineInTheFile() throws {
        var bytes = Array((Self.seed + "\n" + Self.seed + "\n").utf8)
        let line = bytes.filter { $0 == 0x0A }.count + 1
        bytes += [0x41, 0xFF, 0x0A]
        bytes += Array(Self.seed.utf8)
        var emitted = 0
        let error = #expect(throws: InputError.self) {
            try bytes.withUnsafeBufferPointer { buffer in
                try Fixtures.englishChecker.checkWindows(path: "bad.txt", bytes: buffer, format: .plain, windowBytes: 300,
                                                         jobs: 2) { emitted += $0.count }
            }
        }
        #expect(error?.line == line)
        #expect(emitted > 0)
    }
}

/// A bilingual file checked per file is checked in chunks of units on several threads
/// (`Checker.chunkedUnitFindings`); the findings must be those of one document of all units.
@Suite struct ChunkedBilingualCheckTests {
    /// MLQE-PE Romanian sources with their English machine translations, and units whose
    /// spellings of one concept differ across chunks.
    static func jsonLines(units count: Int) -> String? {
        let path = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mlqe-pe/ro-en/dev.tsv").path
        guard let table = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        func json(_ text: Substring) -> String {
            let data = try! JSONSerialization.data(withJSONObject: [String(text)], options: [.withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
        }
        var lines: [String] = []
        for (index, row) in table.split(separator: "\n").dropFirst().prefix(count).enumerated() {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count > 2 else { continue }
            var target = columns[2]
            if index % 97 == 5 { target += " Kievan Rus' was a medieval state." }
            if index == count - 3 { target += " Kyivan Rus' too." }
            lines.append(#"{"id": "u\#(index)", "source": \#(json(columns[1])), "target": \#(json(target))}"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func checker(jobs: Int) throws -> Checker {
        var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en", sourceLanguage: "ro")
        configuration.jobs = jobs
        return try Checker(configuration)
    }

    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func chunksOnTwoThreadsGiveTheWholeFilesFindings() throws {
        let text = try #require(Self.jsonLines(units: 1_000), "needs ../shared/data/mlqe-pe")
        let file = try JSONLinesReader.read(data: Data(text.utf8), name: "mlqe.jsonl")
        #expect(file.units.count >= 2 * 256)
        let whole = try Self.checker(jobs: 1).check(file)
        let chunked = try Self.checker(jobs: 2).check(file)
        #expect(chunked == whole)
        #expect(Set(whole.map(\.ruleID)).isSuperset(of: ["glossary.inconsistent", "spelling.unknown"]))
    }
}
