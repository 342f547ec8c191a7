import Foundation
import LectorEvaluation
import LectorKit
import LectorTestSupport
import Testing

/// Reports (`TranslationReport`, `TranslationDiff`): word-level changes and edit counts, escaping
/// of document text in HTML and Markdown, links, findings of any rule, and patches that apply.
@Suite struct ReportTests {
    static func tokenizer() -> WordTokenizer { try! WordTokenizer(language: "en") }

    // MARK: - Word differences

    @Test(arguments: [
        ("the big cat sat", "the small dog sat", 2, 4),   // two substitutions; the space between ends a run
        ("a b c", "x", 3, 1),                             // one substitution, two deletions
        ("Moscow and Kiev met.", "Moscow and Kyiv met.", 1, 5),  // the full stop is a word, as in TER
        ("Kiev’s mayor", "Kyiv’s mayor", 1, 2),           // ICU keeps Kiev’s one word
        ("The talks were long.", "The talks were very long.", 1, 6),
        ("", "", 0, 0),
        ("same  text", "same text", 0, 2),                // white space is no word
    ])
    func editCounts(old: String, new: String, edits: Int, newWords: Int) {
        let diff = WordDiff(old: old, new: new, tokenizer: Self.tokenizer())
        #expect(diff.edits == edits)
        #expect(diff.newWordCount == newWords)
    }

    @Test func bothTextsAreRebuiltFromTheParts() {
        let pairs = [
            ("Medinski had previously posted on Telegram.", "Medinsky had posted on Telegram on Sunday."),
            ("Київ і Харків", "Kyiv und Charkiw"),
            ("", "new text"),
            ("old text", ""),
            ("👩‍👩‍👧 said <b>it</b>", "👩‍👩‍👧 say <b>it</b> again"),
        ]
        let tokenizer = Self.tokenizer()
        for (old, new) in pairs {
            let diff = WordDiff(old: old, new: new, tokenizer: tokenizer)
            #expect(diff.oldSide.map(\.text).joined() == old)
            #expect(diff.newSide.map(\.text).joined() == new)
        }
    }

    @Test func wdiffNotationAndRate() {
        let diff = WordDiff(old: "Moscow and Kiev met.", new: "Moscow and Kyiv met.", tokenizer: Self.tokenizer())
        #expect(diff.inlineText == "Moscow and [-Kiev-]{+Kyiv+} met.")
        #expect(diff.editRate == 0.2)
        #expect(WordDiff(old: "gone", new: "", tokenizer: Self.tokenizer()).editRate == 1)
    }

    @Test func caseCanBeIgnoredAsTERDoes() {
        let tokenizer = Self.tokenizer()
        #expect(WordDiff(old: "Short and Clear Overview", new: "Short and clear overview", tokenizer: tokenizer).edits == 2)
        let ignoring = WordDiff(old: "Short and Clear Overview", new: "Short and clear overview", tokenizer: tokenizer, ignoringCase: true)
        #expect(ignoring.edits == 0)
        #expect(ignoring.newSide.map(\.text).joined() == "Short and clear overview")
    }

    // MARK: - Translation report

    private func seedReport(withSource: Bool) throws -> TranslationReport {
        let document = try SourceDocument.load(path: Fixtures.seedArticlePath)
        if withSource {
            return try TranslationReport.make(checker: Fixtures.bilingualChecker(from: "de", to: "en"), document: document,
                                              source: SourceDocument.load(path: Fixtures.seedSourcePath))
        }
        return try TranslationReport.make(checker: Fixtures.englishChecker, document: document)
    }

    @Test func seedReportPlacesFindingsInTheirSentences() throws {
        for withSource in [false, true] {
            let report = try seedReport(withSource: withSource)
            let flagged = report.sentences.filter { !$0.findings.isEmpty }
            #expect(report.findings.count >= 4)
            #expect(report.sentences.flatMap(\.findings).count == report.findings.count)
            let kiev = try #require(report.sentences.first { $0.translation.hasPrefix("Moscow is demanding that Kiev") })
            #expect(kiev.corrected.hasPrefix("Moscow is demanding that Kyiv renounce NATO"))
            #expect(kiev.changes.edits == 1)
            // With the source, the garbled-sentence rule flags this sentence too.
            let fix = try #require(kiev.findings.first { $0.finding.ruleID == "glossary.forbidden" })
            #expect(fix.finding.text == "Kiev")
            #expect(fix.isFixed)
            #expect(flagged.allSatisfy { sentence in
                sentence.findings.allSatisfy { sentence.translation.contains($0.finding.text) }
            })
            if withSource {
                #expect(kiev.source?.contains("Kiew") == true)
                #expect(report.sentences.contains { $0.source != nil })
            } else {
                #expect(report.sentences.allSatisfy { $0.source == nil })
            }
            #expect(report.plan.fixedText.contains("Vladimir Medinsky,"))
        }
    }

    @Test func htmlIsOneSelfContainedPage() throws {
        let html = try seedReport(withSource: true).html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<style>"))
        #expect(html.contains("@media print"))
        #expect(html.contains(":focus-visible"))
        // No scripts, no external assets: nothing is fetched.
        for forbidden in ["<script", "<link", "<img", "src=", "url(", "@import", "http://", "https://"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("<td class=\"source\" lang=\"de\" dir=\"auto\""))
        #expect(html.contains("<td class=\"old\" dir=\"auto\""))
        #expect(html.contains("<del>Kiev</del>"))
        #expect(html.contains("that <ins>Kyiv</ins> renounce"))
        // Target-only mode has no source column.
        let alone = try seedReport(withSource: false).html()
        #expect(!alone.contains("class=\"source\""))
        #expect(alone.contains("<th scope=\"col\">Translation</th><th scope=\"col\">Corrected translation</th>"))
    }

    /// Every in-page link has its target, and every finding is linked from the summary table.
    @Test func everySummaryLinkHasItsTarget() throws {
        for report in [try seedReport(withSource: false), try seedReport(withSource: true)] {
            let html = try report.html()
            let ids = Set(Self.captures(of: ##"id="([^"]+)""##, in: html))
            let targets = Self.captures(of: ##"href="#([^"]+)""##, in: html)
            #expect(!targets.isEmpty)
            for target in targets { #expect(ids.contains(target), "no element with id \(target)") }
            let start = try #require(html.range(of: "<table class=\"summary\">"))
            let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
            let summaryLinks = Set(Self.captures(of: ##"href="#(finding-\d+)""##, in: String(html[start.lowerBound..<end.upperBound])))
            #expect(summaryLinks == Set(report.findings.map { "finding-\($0.number)" }))

            let markdown = try report.markdown()
            let anchors = Set(Self.captures(of: ##"<a id="([^"]+)"></a>"##, in: markdown))
            let links = Self.captures(of: ##"\]\(#([^)]+)\)"##, in: markdown)
            #expect(links.count == report.findings.count)
            for link in links { #expect(anchors.contains(link), "no anchor \(link)") }
        }
    }

    @Test func documentTextIsEscapedInHTMLAndMarkdown() throws {
        let text = "Moscow and Kiev met. <script>alert(1)</script> | *bold* `code` [link](x) $x$\nMedinski & co <!-- c -->\n"
        let document = SourceDocument(path: "article<1>.txt", text: text)
        let report = try TranslationReport.make(checker: Fixtures.englishChecker, document: document)
        #expect(report.findings.count == 2)

        let html = try report.html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<!-- c"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Medinski &amp; co &lt;!-- c --&gt;") || html.contains("&amp; co &lt;!-- c --&gt;"))
        #expect(html.contains("article&lt;1&gt;.txt"))

        let markdown = try report.markdown()
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains(#"\| \*bold\* \`code\` \[link\](x) \$x\$"#))
        #expect(markdown.contains(#"&amp; co &lt;\!-- c --&gt;"#))
        #expect(!markdown.contains("<!--"))
    }

    @Test func findingsOfAnyRuleShowTheirMessageAndNote() throws {
        // Garbled-looking but no loop of three, so the only garbled.sentence finding is the one added here.
        let text = "The the delegations delegation of of of talks.\nMoscow and Kiev met.\n"
        let document = SourceDocument(path: "garbled.txt", text: text)
        let garbled = Finding(ruleID: "garbled.sentence", severity: .warning,
                              message: "garbled sentence (score 0.91): repeated words, no verb", file: "garbled.txt",
                              location: document.location(ofUTF16Offset: 0), endLocation: document.location(ofUTF16Offset: 46),
                              text: String(text.prefix(46)), note: "signals: repetition 0.6, verbless 0.3",
                              sentence: String(text.prefix(46)))
        let findings = Fixtures.englishChecker.check(document) + [garbled]
        let report = try TranslationReport(document: document, targetLanguage: "en", findings: findings)
        #expect(report.sentences[0].findings.map(\.finding.ruleID) == ["garbled.sentence"])
        #expect(report.sentences[0].findings.first?.isFixed == false)
        #expect(report.sentences[0].corrected == report.sentences[0].translation)
        for output in [try report.html(), try report.markdown()] {
            #expect(output.contains("garbled sentence (score 0.91): repeated words, no verb"))
            #expect(output.contains("signals: repetition 0.6, verbless 0.3"))
            #expect(output.contains("garbled.sentence"))
        }
        #expect(try report.html().contains("<mark class=\"warning\">The the delegations delegation of of of talks.</mark>"))
    }

    @Test func markdownEscapingLeavesPlainTextAlone() throws {
        let document = SourceDocument(path: "a.txt", text: "Moscow and Kiev met (A-B), said 3.5 % of them.\n")
        let markdown = try TranslationReport.make(checker: Fixtures.englishChecker, document: document).markdown()
        #expect(markdown.contains("Moscow and <del>Kiev</del><ins>Kyiv</ins> met (A-B), said 3.5 % of them."))
        #expect(markdown.hasPrefix("### Lector report: a.txt\n"))
    }

    // MARK: - Patch

    @Test(.enabled(if: ExternalTool.isInstalled("patch"), "needs patch(1)"))
    func patchAppliesWithPatchAndGitApply() throws {
        let directory = Fixtures.temporaryDirectory()
        let name = "seed-article.en.txt"
        try FileManager.default.copyItem(atPath: Fixtures.seedArticlePath, toPath: directory.appendingPathComponent(name).path)
        let document = try SourceDocument.decode(Data(contentsOf: directory.appendingPathComponent(name)), path: name)
        let report = try TranslationReport.make(checker: Fixtures.englishChecker, document: document)
        #expect(report.patch.hasPrefix("--- a/\(name)\n+++ b/\(name)\n@@ "))
        let patch = Data(report.patch.utf8)

        if ExternalTool.isInstalled("git") {
            let check = try ExternalTool.run("git", ["apply", "--check", "-"], in: directory, input: patch)
            #expect(check.status == 0, "\(check.output)")
        }
        let applied = try ExternalTool.run("patch", ["-p1", "--batch"], in: directory, input: patch)
        #expect(applied.status == 0, "\(applied.output)")
        let fixed = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        #expect(fixed == report.plan.fixedText)
        #expect(!fixed.contains("Kiev") && !fixed.contains("Medinski"))
    }

    // MARK: - Diff

    @Test func diffCountsChangedSentencesEditsAndFindings() throws {
        let old = SourceDocument(path: "old.txt", text: "Moscow and Kiev met. The talks were long.\nMedinski spoke.\nNothing changed here.\n")
        let new = SourceDocument(path: "new.txt", text: "Moscow and Kyiv met. The talks in Kharkov were very long.\nMedinski spoke.\nNothing changed here.\n")
        let diff = try TranslationDiff.make(checker: Fixtures.englishChecker, old: old, new: new)
        #expect(diff.rows.count == 4)
        #expect(diff.changedRows.map(\.number) == [1, 2])
        // Kiev → Kyiv is one substitution; "in Kharkov" and "very" are three insertions.
        #expect(diff.edits == 4)
        // Moscow and Kyiv met . | The talks in Kharkov were very long . | Medinski spoke . | Nothing changed here .
        #expect(diff.newWordCount == 5 + 8 + 3 + 4)
        #expect(abs(diff.editRate - 4.0 / 20.0) < 1e-9)
        #expect(diff.findings(.resolved).map(\.finding.text) == ["Kiev"])
        #expect(diff.findings(.introduced).map(\.finding.text) == ["Kharkov"])
        #expect(diff.findings(.unchanged).map(\.finding.text) == ["Medinski"])
        #expect(diff.rows[0].findings.map(\.status) == [.resolved])
        #expect(diff.rows[1].findings.map(\.status) == [.introduced])

        let text = diff.text()
        #expect(text.hasPrefix("old.txt → new.txt: 2 of 4 sentences changed; word edit rate 20.0 % (4 edits / 20 words)\n"))
        #expect(text.contains("findings: 1 introduced, 1 resolved, 1 unchanged"))
        #expect(text.contains("Moscow and [-Kiev-]{+Kyiv+} met."))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.json().utf8)) as? [String: Any])
        #expect(json["changedSentences"] as? Int == 2)
        #expect(json["edits"] as? Int == 4)
        #expect(json["words"] as? Int == 20)
        #expect(json["editRate"] as? Double == 0.2)
        let findings = try #require(json["findings"] as? [String: [[String: Any]]])
        #expect(findings["resolved"]?.first?["text"] as? String == "Kiev")
        #expect(findings["introduced"]?.first?["file"] as? String == "new.txt")

        let html = try diff.render(.html)
        #expect(html.contains("<del>Kiev</del>"))
        #expect(html.contains("<ins>Kyiv</ins>"))
        let ids = Set(Self.captures(of: ##"id="([^"]+)""##, in: html))
        for target in Self.captures(of: ##"href="#([^"]+)""##, in: html) { #expect(ids.contains(target)) }
        #expect(try diff.render(.markdown).contains("(finding 1, line 1, column 12, resolved)"))
    }

    /// A finding still there after its sentence was edited is unchanged, not resolved and introduced again.
    @Test func aFindingInAnEditedSentenceIsUnchanged() throws {
        let old = SourceDocument(path: "old.txt", text: "Medinski met officials from Kiev.\n")
        let new = SourceDocument(path: "new.txt", text: "Medinski met officials from Kyiv.\n")
        let diff = try TranslationDiff.make(checker: Fixtures.englishChecker, old: old, new: new)
        #expect(diff.findings.map(\.status) == [.unchanged, .resolved])
        #expect(diff.findings.map(\.finding.text) == ["Medinski", "Kiev"])
        #expect(diff.text().contains("sentence 1 (line 1 → 1), 1 edit:\n"))
    }

    @Test func identicalVersionsHaveNoEdits() throws {
        let text = SourceDocument(path: "same.txt", text: "Zelenskyy met Kuleba in Kyiv.\n")
        let diff = try TranslationDiff.make(checker: Fixtures.englishChecker, old: text, new: text)
        #expect(diff.changedRows.isEmpty)
        #expect(diff.edits == 0)
        #expect(diff.editRate == 0)
        #expect(diff.findings.isEmpty)
        #expect(try diff.render(.markdown).contains("_The two versions are the same, and neither has findings._"))
    }

    // MARK: - HTER

    /// MLQE-PE ru-en dev: Lector's edit rate must track the published HTER.
    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func editRateTracksPublishedHTER() throws {
        let path = Fixtures.path("../shared/data/mlqe-pe/ru-en/dev.tsv")
        try #require(FileManager.default.fileExists(atPath: path), "the shared MLQE-PE data is missing")
        let ter = try EditRateEvaluation.mlqePE(path: path, mode: .ter)
        #expect(ter.rows == 1000)
        #expect(ter.pearson > 0.95)
        let lector = try EditRateEvaluation.mlqePE(path: path, mode: .lector)
        #expect(lector.pearson > 0.9)
    }

    // MARK: - Helpers

    static func captures(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
