import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// `FixPlanner` on real text with the house glossary, and on hand-made findings for the edge cases.
@Suite struct FixPlannerTests {
    private func plan(_ text: String, path: String = "article.txt") -> FixPlan {
        let document = SourceDocument(path: path, text: text)
        return FixPlanner().plan(document, findings: Fixtures.englishChecker.check(document))
    }

    /// A finding on `document` over `range` (UTF-16 offsets), as a rule would report it.
    private func finding(_ document: SourceDocument, _ range: Range<Int>, suggestion: String?,
                         safe: Bool = true, text: String? = nil) -> Finding {
        Finding(ruleID: "glossary.forbidden", severity: .error, message: "test", file: document.path,
                location: document.location(ofUTF16Offset: range.lowerBound),
                endLocation: document.location(ofUTF16Offset: range.upperBound),
                text: text ?? document.text(in: range), suggestion: suggestion, isSafeFix: safe)
    }

    @Test func fixesARealSentenceWithTheHouseGlossary() {
        let fixed = plan("Moscow demands that Kiev renounce NATO; Medinski spoke in Kiev’s centre.")
        #expect(fixed.fixedText == "Moscow demands that Kyiv renounce NATO; Medinsky spoke in Kyiv’s centre.")
        #expect(fixed.replacements.map(\.finding.text) == ["Kiev", "Medinski", "Kiev’s"])
        #expect(fixed.skipped.isEmpty)
        #expect(fixed.changesText)
    }

    @Test func multibyteTextBeforeTheFixIsKept() {
        // Cyrillic (2 bytes), CJK (3 bytes), a flag (two astral scalars, 4 UTF-16 units) and a
        // combining accent all sit before the fixes, so any byte/column/UTF-16 mix-up would show.
        let prefix = "«Привіт» 🇺🇦 日本語 — cafe\u{301}: "
        let fixed = plan(prefix + "Medinski said in Kiev.\n")
        #expect(fixed.fixedText == prefix + "Medinsky said in Kyiv.\n")
        #expect(Array(fixed.fixedText.utf8.prefix(prefix.utf8.count)) == Array(prefix.utf8))
    }

    @Test func fixingTwiceChangesNothing() {
        let once = plan("Moscow demands that Kiev renounce NATO; Medinski spoke in Kiev’s centre.")
        let twice = plan(once.fixedText)
        #expect(!twice.changesText)
        #expect(twice.replacements.isEmpty)
        #expect(twice.fixedText == once.fixedText)
    }

    @Test func seedArticleGetsItsFourFixesAndNothingElse() throws {
        let document = try SourceDocument.load(path: Fixtures.seedArticlePath)
        let fixed = FixPlanner().plan(document, findings: Fixtures.englishChecker.check(document))
        #expect(fixed.replacements.map { "\($0.finding.location.line):\($0.finding.text)→\($0.replacement)" } == [
            "5:Medinski→Medinsky", "9:Medinski→Medinsky", "13:Kiev→Kyiv", "14:Kiev→Kyiv",
        ])
        let expected = document.text.replacingOccurrences(of: "Medinski", with: "Medinsky")
            .replacingOccurrences(of: "Kiev", with: "Kyiv")
        #expect(fixed.fixedText == expected)
        #expect(fixed.fixedFileContents == Data(expected.utf8))
    }

    @Test func overlappingFixesKeepTheFirstByPosition() {
        let document = SourceDocument(path: "x.txt", text: "Kievan Rus")
        let later = finding(document, 2..<6, suggestion: "EVAN")
        let first = finding(document, 0..<4, suggestion: "Kyiv")
        // Given in the wrong order on purpose: position decides, not the order of the findings.
        let fixed = FixPlanner().plan(document, findings: [later, first])
        #expect(fixed.fixedText == "Kyivan Rus")
        #expect(fixed.skipped.map(\.finding) == [later])
        #expect(fixed.skipped.map(\.reason) == [.overlaps(first)])
    }

    @Test func fixesThatStartTogetherKeepTheCallersOrder() {
        let document = SourceDocument(path: "x.txt", text: "Kiev")
        let one = finding(document, 0..<4, suggestion: "Kyiv")
        let other = finding(document, 0..<4, suggestion: "Kyjiw")
        #expect(FixPlanner().plan(document, findings: [one, other]).fixedText == "Kyiv")
        #expect(FixPlanner().plan(document, findings: [other, one]).fixedText == "Kyjiw")
    }

    @Test func adjacentFixesDoNotOverlap() {
        let document = SourceDocument(path: "x.txt", text: "KievKiev")
        let fixed = FixPlanner().plan(document, findings: [finding(document, 0..<4, suggestion: "Kyiv"),
                                                           finding(document, 4..<8, suggestion: "Kyiv")])
        #expect(fixed.fixedText == "KyivKyiv")
        #expect(fixed.skipped.isEmpty)
    }

    @Test func onlySafeFixesWithASuggestionAreApplied() {
        let document = SourceDocument(path: "x.txt", text: "Kiev Kiev Kiev")
        let fixed = FixPlanner().plan(document, findings: [
            finding(document, 0..<4, suggestion: "Kyiv", safe: false),  // needs a human, like a garbled sentence
            finding(document, 5..<9, suggestion: nil),
            finding(document, 10..<14, suggestion: "Kyiv"),
        ])
        #expect(fixed.fixedText == "Kiev Kiev Kyiv")
        #expect(fixed.replacements.count == 1)
    }

    @Test func aFixWhoseTextNoLongerMatchesIsSkipped() {
        let checked = SourceDocument(path: "x.txt", text: "Moscow and Kiev.")
        let findings = Fixtures.englishChecker.check(checked)
        // The file changed after it was checked: the same offsets now hold other text.
        let edited = SourceDocument(path: "x.txt", text: "Moscow and Kyiv.")
        let fixed = FixPlanner().plan(edited, findings: findings)
        #expect(fixed.fixedText == "Moscow and Kyiv.")
        #expect(fixed.skipped.map(\.reason) == [.textChanged])
        #expect(!fixed.changesText)
    }

    @Test func aRangeOutsideTheDocumentIsSkipped() {
        let long = SourceDocument(path: "x.txt", text: "Moscow and Kiev.")
        let short = SourceDocument(path: "x.txt", text: "Kiev")
        let fixed = FixPlanner().plan(short, findings: [finding(long, 11..<15, suggestion: "Kyiv")])
        #expect(fixed.fixedText == "Kiev")
        #expect(fixed.skipped.map(\.reason) == [.rangeOutsideDocument])
    }

    @Test func aByteOrderMarkIsWrittenBack() throws {
        let document = try SourceDocument.decode(Data([0xEF, 0xBB, 0xBF] + Array("in Kiev\n".utf8)), path: "bom.txt")
        let fixed = FixPlanner().plan(document, findings: Fixtures.englishChecker.check(document))
        #expect(fixed.fixedFileContents == Data([0xEF, 0xBB, 0xBF] + Array("in Kyiv\n".utf8)))
    }
}

/// `UnifiedDiff`: the format, and that `patch -p1` and `git apply` accept it.
@Suite struct UnifiedDiffTests {
    private static let twelveLines = (1...12).map { "line \($0)\n" }.joined()

    @Test func oneChangeHasThreeLinesOfContext() {
        let new = Self.twelveLines.replacingOccurrences(of: "line 6\n", with: "line six\n")
        #expect(UnifiedDiff(old: Self.twelveLines, new: new, path: "notes.txt").text == """
            --- a/notes.txt
            +++ b/notes.txt
            @@ -3,7 +3,7 @@
             line 3
             line 4
             line 5
            -line 6
            +line six
             line 7
             line 8
             line 9

            """)
    }

    @Test func distantChangesGetTwoHunksAndNearOnesShareOne() {
        let far = Self.twelveLines.replacingOccurrences(of: "line 1\n", with: "line one\n")
            .replacingOccurrences(of: "line 12\n", with: "line twelve\n")
        let farDiff = UnifiedDiff(old: Self.twelveLines, new: far, path: "notes.txt")
        #expect(farDiff.hunks.map(\.header) == ["@@ -1,4 +1,4 @@", "@@ -9,4 +9,4 @@"])

        // Six unchanged lines between two changes: the contexts touch, so one hunk.
        let near = Self.twelveLines.replacingOccurrences(of: "line 2\n", with: "line two\n")
            .replacingOccurrences(of: "line 9\n", with: "line nine\n")
        #expect(UnifiedDiff(old: Self.twelveLines, new: near, path: "notes.txt").hunks.map(\.header)
                == ["@@ -1,12 +1,12 @@"])
    }

    @Test func aLastLineWithoutNewlineIsMarked() {
        let diff = UnifiedDiff(old: "first\nin Kiev", new: "first\nin Kyiv", path: "a.txt")
        #expect(diff.text == """
            --- a/a.txt
            +++ b/a.txt
            @@ -1,2 +1,2 @@
             first
            -in Kiev
            \\ No newline at end of file
            +in Kyiv
            \\ No newline at end of file

            """)
    }

    @Test func addingTheFinalNewlineShowsOnlyTheOldSideMarked() {
        let diff = UnifiedDiff(old: "a\nb", new: "a\nb\n", path: "a.txt")
        #expect(diff.text.hasSuffix("-b\n\\ No newline at end of file\n+b\n"))
    }

    @Test func insertionsAndDeletionsNumberAnEmptySideByTheLineBefore() {
        #expect(UnifiedDiff(old: "", new: "new\n", path: "a.txt").hunks.map(\.header) == ["@@ -0,0 +1,1 @@"])
        #expect(UnifiedDiff(old: "a\n", new: "", path: "a.txt").hunks.map(\.header) == ["@@ -1,1 +0,0 @@"])
    }

    @Test func identicalTextsGiveNoDiff() {
        let diff = UnifiedDiff(old: Self.twelveLines, new: Self.twelveLines, path: "a.txt")
        #expect(diff.isEmpty)
        #expect(diff.text.isEmpty)
    }

    @Test func canonicallyEquivalentLinesStillDiffer() {
        // `==` on String would call these equal; the bytes on disk are not.
        let diff = UnifiedDiff(old: "caf\u{E9}\n", new: "cafe\u{301}\n", path: "a.txt")
        #expect(diff.hunks.count == 1)
    }

    @Test func carriageReturnsStayInTheirLines() {
        let diff = UnifiedDiff(old: "a\r\nKiev\r\n", new: "a\r\nKyiv\r\n", path: "a.txt")
        #expect(diff.text.hasSuffix(" a\r\n-Kiev\r\n+Kyiv\r\n"))
    }

    @Test func headerPathsAreRelativeForPatchMinusP1() {
        #expect(UnifiedDiff(old: "a\n", new: "b\n", path: "./docs/a.txt").text.hasPrefix("--- a/docs/a.txt\n+++ b/docs/a.txt\n"))
        #expect(UnifiedDiff(old: "a\n", new: "b\n", path: "/tmp/a.txt").path == "tmp/a.txt")
    }

    // MARK: - Real tools

    /// Files the way a user's repository holds them: with and without a final newline, CRLF,
    /// a byte-order mark, multibyte text, and one that needs no fix.
    private static let files: [(name: String, bytes: [UInt8])] = [
        ("article.txt", Array("Moscow demands that Kiev renounce NATO; Medinski spoke in Kiev’s centre.\n".utf8)),
        ("no-newline.txt", Array((twelveLines + "Ankara keeps ties with Moscow and Kiev.").utf8)),
        ("crlf.txt", Array("«Привіт» 🇺🇦\r\nMedinski said\r\n\r\nin Kiev.\r\n".utf8)),
        ("docs/bom.txt", [0xEF, 0xBB, 0xBF] + Array("Kiev\n\(twelveLines)Medinski\n".utf8)),
        ("clean.txt", Array("Zelenskyy met Kuleba in Kyiv.\n".utf8)),
    ]

    /// Writes `files` into a new directory and returns it with the concatenated diff and the
    /// fixed bytes each file must end with.
    private func prepare() throws -> (directory: URL, patch: String, expected: [String: Data]) {
        let directory = Fixtures.temporaryDirectory()
        var patch = ""
        var expected: [String: Data] = [:]
        for file in Self.files {
            let url = directory.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
            let document = try SourceDocument.decode(Data(file.bytes), path: file.name)
            let plan = FixPlanner().plan(document, findings: Fixtures.englishChecker.check(document))
            patch += plan.unifiedDiff.text
            expected[file.name] = plan.fixedFileContents
        }
        #expect(expected["clean.txt"] == Data(Self.files[4].bytes))
        return (directory, patch, expected)
    }

    private func expectFiles(in directory: URL, toEqual expected: [String: Data]) throws {
        for (name, bytes) in expected {
            #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == bytes, "\(name)")
        }
    }

    @Test(.enabled(if: ExternalTool.isInstalled("patch"), "needs patch(1)"))
    func patchMinusP1AppliesTheDiff() throws {
        let (directory, patch, expected) = try prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ExternalTool.run("patch", ["-p1", "--batch", "--forward"], in: directory, input: Data(patch.utf8))
        #expect(result.status == 0, "\(result.output)")
        try expectFiles(in: directory, toEqual: expected)
    }

    @Test(.enabled(if: ExternalTool.isInstalled("git"), "needs git"))
    func gitApplyAcceptsTheDiff() throws {
        let (directory, patch, expected) = try prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        let patchFile = directory.appendingPathComponent("fixes.patch")
        try Data(patch.utf8).write(to: patchFile)
        #expect(try ExternalTool.run("git", ["init", "-q", "."], in: directory).status == 0)
        let check = try ExternalTool.run("git", ["apply", "--check", "fixes.patch"], in: directory)
        #expect(check.status == 0, "\(check.output)")
        let apply = try ExternalTool.run("git", ["apply", "fixes.patch"], in: directory)
        #expect(apply.status == 0, "\(apply.output)")
        try expectFiles(in: directory, toEqual: expected)
    }
}
