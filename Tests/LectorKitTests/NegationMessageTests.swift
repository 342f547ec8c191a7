import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// meaning.negation's message names the word the source negates, as written.
@Suite struct NegationMessageTests {
    @Test(arguments: [
        // A particle before a preposition negates the verb before it.
        ("nl", "De trein vertrok niet op tijd.", "The train left on time.", "negates `vertrok` (niet)"),
        // A word negated by its own prefix is the negated word.
        ("cs", "Vláda neschválila rozpočet.", "The government approved the budget.", "negates `neschválila`;"),
        // The word as written, capital and all.
        ("de", "Es gab keine Einigung.", "There was an agreement.", "negates `Einigung` (keine)"),
        ("de", "Der Zug fuhr nicht pünktlich ab.", "The train left punctually.", "negates `pünktlich` (nicht)"),
    ])
    func namesTheNegatedWord(_ language: String, _ source: String, _ target: String, _ expected: String) throws {
        let checker = Fixtures.bilingualChecker(from: language, to: "en")
        let findings = checker.check(SourceDocument(path: "t.en.txt", text: target),
                                     source: SourceDocument(path: "s.\(language).txt", text: source))
            .filter { $0.ruleID == "meaning.negation" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains(expected) == true, "\(findings.map(\.message))")
    }
}
