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

/// The seed pair: the German source (written for testing, line by line parallel) and the MT.
@Suite struct SeedPairTests {
    static let checker = Fixtures.bilingualChecker(from: "de", to: "en")

    @Test func alignsAndRaisesOnlyTheGlossaryFindings() throws {
        let source = try SourceDocument.load(path: Fixtures.seedSourcePath)
        let target = try SourceDocument.load(path: Fixtures.seedArticlePath)
        let findings = Self.checker.check(target, source: source).filter { $0.severity >= .warning }
        // 20.000/20,000, 24. Februar/February 24, 10. März/March 10, 28.03.2022/03/28/2022 agree.
        #expect(!findings.contains { $0.ruleID.hasPrefix("numbers.") || $0.ruleID.hasPrefix("dates.") })
        #expect(!findings.contains { $0.ruleID == "alignment.unpaired" })
        let glossary = findings.filter { $0.ruleID.hasPrefix("glossary.") }
        #expect(glossary.map { "\($0.location.line) \($0.text)" } == ["5 Medinski", "9 Medinski", "13 Kiev", "14 Kiev"])
        // The garbled NATO demand, and nothing else: the seed has no other garbled sentence.
        let garbled = findings.filter { $0.ruleID.hasPrefix("garbled.") }
        #expect(garbled.map(\.location.line) == [13])
        #expect(garbled.first?.text.hasPrefix("Moscow is demanding that Kiev renounce NATO, which recognizes") == true)
        #expect(garbled.first?.message.contains("the list item “, die Anerkennung” of the source became a relative clause “, which recognizes”") == true)
        #expect(findings.count == glossary.count + garbled.count)
    }

    @Test func germanSourceTermsMapToTheGlossaryConcepts() throws {
        let source = try SourceDocument.load(path: Fixtures.seedSourcePath)
        let index = try #require(Self.checker.sourceIndex)
        let matches = try GlossaryMatcher(index: index).matches(in: source)
        let concepts = Set(matches.filter { source.text(in: $0.range) == "Kiew" || source.text(in: $0.range) == "Medinski" }
            .map { index.concepts[$0.conceptIndex].id })
        #expect(concepts == ["kyiv", "medinsky"])
        // In German text the German forms are the allowed ones.
        #expect(matches.filter { source.text(in: $0.range) == "Kiew" }.allSatisfy {
            if case .allowed = $0.kind { return true } else { return false }
        })
    }
}
