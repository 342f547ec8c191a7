import LectorKit
import LectorTestSupport
import Testing

/// The seed article (a real German→English machine translation) with the house glossary.
@Suite struct SeedArticleTests {
    @Test func findsExactlyMedinskiAndKiev() throws {
        let document = try SourceDocument.load(path: Fixtures.seedArticlePath)
        let findings = Fixtures.englishChecker.check(document).filter { $0.ruleID.hasPrefix("glossary.") }
        let summary = findings.map { "\($0.location.line):\($0.location.column) \($0.text) → \($0.suggestion ?? "-") \($0.ruleID)" }
        #expect(summary == [
            "5:46 Medinski → Medinsky glossary.variant",
            "9:1 Medinski → Medinsky glossary.variant",
            "13:357 Kiev → Kyiv glossary.forbidden",
            "14:49 Kiev → Kyiv glossary.forbidden",
        ])
    }

    @Test func medinskiIsExplainedAsTheGermanTranscription() throws {
        let document = try SourceDocument.load(path: Fixtures.seedArticlePath)
        let medinski = Fixtures.englishChecker.check(document).first { $0.text == "Medinski" }
        #expect(medinski?.message == "`Medinski` is the German transcription of Мединский; house spelling `Medinsky`")
    }

    @Test func byteOffsetsPointAtTheFlaggedText() throws {
        let document = try SourceDocument.load(path: Fixtures.seedArticlePath)
        let bytes = Array(document.text.utf8)
        for finding in Fixtures.englishChecker.check(document) {
            let slice = bytes[finding.location.byteOffset..<(finding.location.byteOffset + finding.text.utf8.count)]
            #expect(String(decoding: slice, as: UTF8.self) == finding.text)
        }
    }
}
