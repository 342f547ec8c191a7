import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// Every rule's examples are its tests: triggering examples report exactly at their `↓` marks,
/// non-triggering ones report nothing. Each runs twice, the second time behind a prefix of
/// multibyte text, so that offsets and columns are proven on non-ASCII input.
@Suite struct RuleExampleTests {
    static let prefix = "Ёлка 🇺🇦 — "
    static let linePrefix = "🇺🇦 — № 1 ✓\n"

    static var everyExample: [(String, RuleExample, Bool)] {
        RuleRegistry.all.flatMap { rule in
            rule.description.triggeringExamples.map { (rule.description.id, $0, true) }
                + rule.description.nonTriggeringExamples.map { (rule.description.id, $0, false) }
        }
    }

    /// What an example's rule lacks on this machine (a Hunspell dictionary, …); empty when it can run.
    static func missingResources(_ ruleID: String, _ example: RuleExample) -> [String] {
        let lexicon = Lexicon.shared(source: example.sourceLanguage ?? example.targetLanguage, target: example.targetLanguage)
        return LexicalRequirements.notices(ruleIDs: [ruleID], sourceLanguage: example.sourceLanguage,
                                           targetLanguage: example.targetLanguage, lexicon: lexicon)
    }

    static var allExamples: [(String, RuleExample, Bool)] {
        everyExample.filter { missingResources($0.0, $0.1).isEmpty }
    }

    static var missingForExamples: [String] {
        Array(Set(everyExample.flatMap { missingResources($0.0, $0.1) })).sorted()
    }

    /// Examples of rules whose lexical resources are absent here skip (`.ci/run` installs them).
    @Test(.enabled(if: missingForExamples.isEmpty, "rule examples skipped: \(missingForExamples.joined(separator: "; "))"))
    func everyExampleRunsOnThisMachine() {
        #expect(Self.allExamples.count == Self.everyExample.count)
    }

    /// Rules whose findings depend on FreeDict's headword lists (a name is a capitalized word the
    /// dictionary does not know): their examples run only where FreeDict is installed.
    static let rulesNeedingFreeDict: Set<String> = ["names.missing"]

    static var examplesNeedingFreeDict: [Int] {
        allExamples.indices.filter { rulesNeedingFreeDict.contains(allExamples[$0].0) }
    }

    @Test(arguments: allExamples.indices.filter { !rulesNeedingFreeDict.contains(allExamples[$0].0) })
    func example(_ index: Int) {
        checkExample(index)
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)),
          arguments: examplesNeedingFreeDict)
    func exampleNeedingFreeDict(_ index: Int) {
        checkExample(index)
    }

    func checkExample(_ index: Int) {
        let (ruleID, example, triggers) = Self.allExamples[index]
        let location = Testing.SourceLocation(fileID: "LectorKit/\(ruleID)", filePath: example.file, line: example.line, column: 1)
        // Bilingual findings may cover a whole sentence, so there the multibyte text goes on a
        // line of its own, in both source and translation; it holds no letters, so no rule
        // reads it as text of some language.
        let prefixes = example.source == nil ? ["", Self.prefix] : ["", Self.linePrefix]
        for prefix in prefixes {
            let marked = MarkedText(prefix + example.text)
            let document = SourceDocument(path: "example.txt", text: marked.text)
            let all: [Finding]
            if let unit = example.unit, let source = example.source, let sourceLanguage = example.sourceLanguage {
                // The prefix is a unit of its own before the example's, as a file would have it.
                var units: [BilingualUnit] = []
                if !prefix.isEmpty {
                    let line = String(prefix.dropLast())
                    units.append(BilingualUnit(id: "prefix", source: SegmentText(text: line, line: 1),
                                               target: SegmentText(text: line, line: 1)))
                }
                let line = units.count + 1
                units.append(BilingualUnit(id: "example", source: SegmentText(text: source, line: line),
                                           target: SegmentText(text: String(marked.text.dropFirst(prefix.count)), line: line),
                                           details: unit.details))
                let file = BilingualFile(path: "example.\(unit.format)", sourceLanguage: sourceLanguage,
                                         targetLanguage: example.targetLanguage, units: units,
                                         pluralFormCount: unit.pluralFormCount, format: unit.format)
                all = Fixtures.bilingualChecker(from: sourceLanguage, to: example.targetLanguage).check(file)
            } else if let source = example.source, let sourceLanguage = example.sourceLanguage {
                let checker = Fixtures.bilingualChecker(from: sourceLanguage, to: example.targetLanguage)
                all = checker.check(document, source: SourceDocument(path: "source.txt", text: prefix + source))
            } else {
                all = Fixtures.englishChecker.check(document)
            }
            let findings = all.filter { $0.ruleID == ruleID }
            let offsets = findings.map(\.location.utf16Offset)
            let expected = triggers ? marked.markers : []
            #expect(offsets == expected, "\(ruleID): \(marked.text) → \(findings.map(\.message))",
                    sourceLocation: location)
            for (finding, offset) in zip(findings, expected) {
                let before = String(marked.text.utf16.prefix(offset))!
                let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
                #expect(finding.location.line == before.filter { $0 == "\n" }.count + 1, sourceLocation: location)
                #expect(finding.location.column == before[lineStart...].unicodeScalars.count + 1, sourceLocation: location)
            }
        }
    }

    @Test func everyRuleHasExamples() {
        for rule in RuleRegistry.all {
            #expect(!rule.description.triggeringExamples.isEmpty, "\(rule.description.id)")
            #expect(!rule.description.nonTriggeringExamples.isEmpty, "\(rule.description.id)")
            #expect(rule.description.id.contains("."))
        }
        #expect(Set(RuleRegistry.all.map { $0.description.id }).count == RuleRegistry.all.count)
    }
}
