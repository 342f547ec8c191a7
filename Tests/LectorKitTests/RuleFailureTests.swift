import Foundation
import LectorICU
import LectorKit
import LectorTestSupport
import Testing

/// An ICU object a rule needs that cannot be built is an error the user sees, once per document,
/// never a document that checks clean. The failure is real: ICU has no transform of this id.
@Suite struct RuleFailureTests {
    static let missingTransform = "Lector-Test-No-Such-Transform"

    /// A bilingual rule that needs a transliterator ICU does not have.
    struct TransliteratingRule: BilingualRule {
        static let description = RuleDescription(
            id: "test.transliterating", name: "Test", summary: "Needs an ICU transform.", defaultSeverity: .info,
            triggeringExamples: [], nonTriggeringExamples: [], scope: .bilingual)
        func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> Transliterator {
            try Transliterator(id: RuleFailureTests.missingTransform)
        }
        func findings(in pair: SentencePairContext, using latin: Transliterator) -> [RuleFinding] { [] }
    }

    /// A string check whose ICU object cannot be built.
    struct UnitTransliteratingRule: UnitRule {
        static let description = RuleDescription(
            id: "test.unit-transliterating", name: "Test", summary: "Needs an ICU transform.", defaultSeverity: .info,
            triggeringExamples: [], nonTriggeringExamples: [], scope: .unit)
        func prepare(for context: CheckContext) throws -> Transliterator {
            try Transliterator(id: RuleFailureTests.missingTransform)
        }
        func findings(in pair: StringPair, of context: CheckContext, using latin: Transliterator) -> [RuleFinding] { [] }
    }

    @Test func theTransformReallyIsMissing() {
        #expect(throws: ICUError.self) { try Transliterator(id: Self.missingTransform) }
    }

    @Test func aRuleThatCannotBuildItsICUObjectIsAnErrorOnce() throws {
        var configuration = CheckConfiguration(targetLanguage: "en", sourceLanguage: "de")
        configuration.customRules = [TransliteratingRule()]
        let checker = try Checker(configuration)
        let findings = checker.check(SourceDocument(path: "a.en.txt", text: "The talks began. They ended on Monday.\n"),
                                     source: SourceDocument(path: "a.de.txt", text: "Die Gespräche begannen. Sie endeten am Montag.\n"))
        let failures = findings.filter { $0.ruleID == "test.transliterating" }
        #expect(failures.count == 1, "one failure per document, not per pair")
        let failure = try #require(failures.first)
        // Reported as an error whatever the rule's severity, so a run fails on it.
        #expect(failure.severity == .error)
        #expect(failure.message.contains("`test.transliterating` could not run on this document"))
        let report = CheckReport(findings: findings, files: ["a.en.txt"])
        let text = TextReporter().render(report)
        #expect(text.contains("a.en.txt:1:1: error: `test.transliterating` could not run on this document"), "\(text)")
        #expect(report.count(.error) >= 1)
        // The rule alone says the same.
        let context = CheckContext(document: SourceDocument(path: "a.en.txt", text: "x"), index: checker.index, glossaryMatches: [],
                                   bilingual: BilingualContext(source: SourceDocument(path: "a.de.txt", text: "x"), sourceLanguage: "de",
                                                               pairs: [], sourceIndex: try #require(checker.sourceIndex),
                                                               sourceGlossaryMatches: [], inlineCodes: nil, isPairedByFile: false))
        #expect(TransliteratingRule().findings(in: context).map(\.isFailure) == [true])
    }

    @Test func aStringCheckThatCannotBuildItsICUObjectIsAnError() throws {
        var configuration = CheckConfiguration(targetLanguage: "de", sourceLanguage: "en")
        configuration.customRules = [UnitTransliteratingRule()]
        let file = BilingualFile(path: "m.po", sourceLanguage: "en", targetLanguage: "de", units: [
            BilingualUnit(id: "a", source: SegmentText(text: "Save", line: 2), target: SegmentText(text: "Speichern", line: 3)),
            BilingualUnit(id: "b", source: SegmentText(text: "Open", line: 5), target: SegmentText(text: "Öffnen", line: 6)),
        ], format: "po")
        let findings = try Checker(configuration).check(file).filter { $0.ruleID == "test.unit-transliterating" }
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.first?.file == "m.po")
    }
}
