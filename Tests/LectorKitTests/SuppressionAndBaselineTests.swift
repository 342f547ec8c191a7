import Foundation
import LectorKit
import LectorTestSupport
import Testing

@Suite struct SuppressionTests {
    func check(_ text: String, path: String) -> [Finding] {
        Fixtures.englishChecker.check(SourceDocument(path: path, text: text))
    }

    @Test func markdownCommentsSuppressNextLineAndBlocks() {
        let text = """
        <!-- lector-disable-next-line glossary.forbidden -->
        The 1990s sign read Kiev.
        Kiev again.
        <!-- lector-disable glossary.variant -->
        Medinski and Peskow.
        <!-- lector-enable -->
        Medinski.
        """
        let findings = check(text, path: "a.md")
        #expect(findings.map { "\($0.location.line) \($0.text)" } == ["3 Kiev", "7 Medinski"])
    }

    @Test func plainTextDirectiveLines() {
        let text = "lector-disable-next-line glossary.forbidden\nKiev 1995.\n# lector-disable-next-line\nKiev, Medinski.\nKiev.\n"
        #expect(check(text, path: "a.txt").map { "\($0.location.line) \($0.text)" } == ["5 Kiev"])
    }

    @Test func unusedSuppressionIsReported() {
        let text = "<!-- lector-disable-next-line glossary.variant -->\nKyiv is fine.\n"
        let findings = check(text, path: "a.html")
        #expect(findings.map(\.ruleID) == ["suppression.unused"])
        #expect(findings.first?.severity == .info)
        #expect(findings.first?.location.line == 1)
        #expect(findings.first?.message.contains("glossary.variant") == true)
    }

    /// A unit's `<note>` is a directive when it is one (`lector-disable RULE…`, alone on a line of the
    /// note), not when it mentions one; a misspelled rule id is named, with the nearest id.
    @Test func xliffNotesAreDirectivesOnlyWhenTheySayOne() throws {
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file source-language="en" target-language="de" datatype="plaintext" original="a.txt"><body>
            <trans-unit id="1"><source>Open %s</source><target>Öffnen</target><note>lector-disable markup.mismatch</note></trans-unit>
            <trans-unit id="2"><source>Close %s</source><target>Schließen</target><note from="dev">Do not use lector-disable here, it is for markup.mismatch</note></trans-unit>
            <trans-unit id="3"><source>Save %s</source><target>Sichern</target><note>lector-disable markup.mismach</note></trans-unit>
            <trans-unit id="4"><source>Move %s</source><target>Verschieben</target><note>Why no lector-disable? Ask QA.</note></trans-unit>
            <trans-unit id="5"><source>Copy %s</source><target>Kopieren</target><note>Seen by QA.
        lector-disable markup.mismatch</note></trans-unit>
          </body></file></xliff>
        """
        let path = Fixtures.write(xliff, named: "notes.xlf")
        let checker = try Checker(CheckConfiguration(targetLanguage: "de", sourceLanguage: "en"))
        let findings = try checker.check(BilingualFileLoader.load(path: path))
            .filter { $0.ruleID == "markup.mismatch" || $0.ruleID == "suppression.unused" }
        #expect(findings.map { "\($0.unit ?? "-") \($0.ruleID)" } == ["2 markup.mismatch", "3 markup.mismatch", "3 suppression.unused",
                                                                       "4 markup.mismatch"])
        #expect(findings.filter { $0.ruleID == "suppression.unused" }.map(\.message) == [
            "unknown rule `markup.mismach` in this lector-disable directive; did you mean `markup.mismatch`?",
        ])
    }

    @Test func markupDirectivesAreIgnoredInPlainText() {
        // In a .txt file an HTML comment is text, not a directive.
        let findings = check("<!-- lector-disable-next-line -->\nKiev.\n", path: "a.txt")
        #expect(findings.map(\.text) == ["Kiev"])
    }
}

@Suite struct BaselineTests {
    let checker = Fixtures.englishChecker

    func findings(_ text: String) -> [Finding] {
        checker.check(SourceDocument(path: "article.txt", text: text))
    }

    @Test func survivesEditsAboveAndReportsOnlyNewFindings() throws {
        let before = findings("Moscow demands that Kiev renounce NATO.\nMedinski spoke.\n")
        let baseline = Baseline(findings: before)
        #expect(baseline.newFindings(before).isEmpty)
        let after = findings("A new first line.\n\nMoscow demands that Kiev renounce NATO.\nMedinski spoke.\nKiev again.\n")
        let fresh = baseline.newFindings(after)
        #expect(fresh.map { "\($0.location.line) \($0.text)" } == ["5 Kiev"])
    }

    @Test func countsRepeatedFindings() {
        let baseline = Baseline(findings: findings("Kiev. Kiev was calm.\n"))
        #expect(baseline.entries.count == 2)  // two sentences, one entry each
        let sameSentenceTwice = Baseline(findings: findings("Kiev and Kiev.\n"))
        #expect(sameSentenceTwice.entries.map(\.count) == [2])
        #expect(sameSentenceTwice.newFindings(findings("Kiev and Kiev.\nKiev and Kiev.\n")).count == 2)
    }

    @Test func roundTripsThroughAFile() throws {
        let baseline = Baseline(findings: findings("Kiev and Medinski.\n"))
        let path = Fixtures.temporaryDirectory().appendingPathComponent("baseline.json").path
        try baseline.write(to: path)
        #expect(try Baseline.load(path: path) == baseline)
        let garbage = Fixtures.write("{not json", named: "bad.json")
        #expect(throws: InputError.self) { _ = try Baseline.load(path: garbage) }
    }

    @Test func validJSONThatIsNoBaselineSaysWhatABaselineIs() throws {
        for text in ["{}", "[]", "{\"version\": 1}"] {
            let path = Fixtures.write(text, named: "not-a-baseline.json")
            #expect {
                _ = try Baseline.load(path: path)
            } throws: { error in
                let message = (error as? InputError)?.message ?? ""
                return !message.contains("malformed") && message.contains("expected a JSON object with “version”: 1 and “entries”")
            }
        }
        let garbage = Fixtures.write("{not json", named: "bad.json")
        #expect(throws: InputError(file: garbage, message: "not a Lector baseline (malformed JSON)")) { _ = try Baseline.load(path: garbage) }
    }

    @Test func comparison() {
        let old = Baseline(findings: findings("Kiev and Medinski.\nKharkov.\n"))
        let new = Baseline(findings: findings("Kiev and Medinski.\nKiev and Medinski.\nOdessa.\n"))
        let comparison = Baseline.compare(old, new)
        #expect(comparison.added.map(\.text) == ["Odessa"])
        #expect(comparison.removed.map(\.text) == ["Kharkov"])
        #expect(comparison.changed.map(\.new.count) == [2, 2])
    }
}

@Suite struct BatchCheckingTests {
    @Test func parallelAndSequentialRunsAgree() async throws {
        let directory = Fixtures.temporaryDirectory()
        var paths: [String] = []
        for index in 0..<24 {
            let path = directory.appendingPathComponent("file\(index).txt").path
            try "Line \(index): Kiev, Medinski \(index % 3 == 0 ? "and Odessa" : "").\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let checker = Fixtures.englishChecker
        let sequential = try paths.flatMap { checker.check(try SourceDocument.load(path: $0)) }
        let parallel = try await checker.check(files: paths)
        #expect(parallel == sequential)
        #expect(parallel.count == 24 * 2 + 8)
    }

    @Test func firstUnreadableFileStopsTheRun() async {
        let good = Fixtures.write("Kiev.\n", named: "good.txt")
        do {
            _ = try await Fixtures.englishChecker.check(files: [good, "/nonexistent/one.txt", "/nonexistent/two.txt"])
            Issue.record("missing files were accepted")
        } catch {
            #expect(error.file == "/nonexistent/one.txt")
        }
    }

    @Test func standardInputIsDash() async throws {
        let findings = try await Fixtures.englishChecker.check(files: ["-"], standardInput: { Data("Kiev.\n".utf8) })
        #expect(findings.map(\.file) == ["<stdin>"])
    }
}
