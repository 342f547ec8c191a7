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
        // An auxiliary or copula before the particle is not what it negates: in a verb-final
        // clause that is the clause's last word, and a preposition never is.
        ("de", "Die Regierung wurde nicht über die Pläne informiert.", "The government was informed about the plans.",
         "negates `informiert` (nicht)"),
        ("de", "Das ist nicht für die Wirtschaft gut.", "That is good for the economy.", "negates `gut` (nicht)"),
        ("de", "Die Ergebnisse wurden nicht für die Studie verwendet.", "The results were used for the study.",
         "negates `verwendet` (nicht)"),
        ("de", "Er hat nicht mit ihm gesprochen.", "He spoke with him.", "negates `gesprochen` (nicht)"),
        ("ru", "Правительство не было проинформировано.", "The government was informed.", "negates `проинформировано` (не)"),
        ("es", "El gobierno no fue informado.", "The government was informed.", "negates `informado` (no)"),
    ])
    func namesTheNegatedWord(_ language: String, _ source: String, _ target: String, _ expected: String) throws {
        let checker = Fixtures.bilingualChecker(from: language, to: "en")
        let findings = checker.check(SourceDocument(path: "t.en.txt", text: target),
                                     source: SourceDocument(path: "s.\(language).txt", text: source))
            .filter { $0.ruleID == "meaning.negation" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains(expected) == true, "\(findings.map(\.message))")
    }

    /// The same on the translation's side, in another direction.
    @Test(arguments: [
        ("en", "fr", "The government was informed.", "Le gouvernement n'a pas été informé.", "negates `informé` (n' … pas)"),
        ("en", "de", "That is good for the economy.", "Das ist nicht für die Wirtschaft gut.", "negates `gut` (nicht)"),
    ])
    func namesTheWordTheTranslationNegates(_ from: String, _ to: String, _ source: String, _ target: String,
                                           _ expected: String) throws {
        let checker = Fixtures.bilingualChecker(from: from, to: to)
        let findings = checker.check(SourceDocument(path: "t.\(to).txt", text: target),
                                     source: SourceDocument(path: "s.\(from).txt", text: source))
            .filter { $0.ruleID == "meaning.negation" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains(expected) == true, "\(findings.map(\.message))")
    }
}
