import Foundation
import LectorEvaluation
import LectorKit
import LectorTestSupport
import Testing

@Suite struct TerminologyEvaluationTests {
    static let wmt21 = Fixtures.path("../shared/data/terminology/wmt21-en-fr-dev/dev.tsv")
    static let wmt23 = Fixtures.path("../shared/data/terminology/wmt23-de-en/test.tsv")

    @Test func ownSmallSetCountsRepeatsAndInflection() throws {
        let header = "id\tsource_en\treference_fr\tmt_fairseq_fr\tterms_json\tmt_terms_matched\tn_terms\n"
        let rows = [
            ["1", "the virus and the virus", "x", "le virus se propage", #"[{"accepted": ["virus"]}, {"accepted": ["virus"]}]"#, "1", "2"],
            ["2", "common colds", "x", "environ 15 % des rhumes .", #"[{"accepted": ["rhume commun", "rhumes communs", "rhume"]}]"#, "0", "1"],
            ["3", "chronic respiratory disease", "x", "des maladies respiratoires chroniques",
             #"[{"accepted": ["maladie respiratoire chronique"]}]"#, "0", "1"],
            ["4", "SSc", "x", "la sclérose systémique (SSc) est", #"[{"accepted": ["sclérose systémique (SSc)"]}]"#, "1", "1"],
        ].map { $0.joined(separator: "\t") }
        let path = Fixtures.write(header + rows.joined(separator: "\n") + "\n", named: "dev.tsv")
        let exact = try TerminologyEvaluation.wmt21(path: path, mode: .exact)
        #expect(exact.satisfied == 2)  // one of two "virus", and the parenthesised term
        #expect(exact.total == 5)
        #expect(exact.disagreements.isEmpty)
        let inflected = try TerminologyEvaluation.wmt21(path: path, mode: .inflected)
        #expect(inflected.satisfied == 4)  // + rhumes → rhume, + maladies respiratoires chroniques
    }

    @Test func malformedRowsNameTheLine() {
        let path = Fixtures.write("id\tmt_fairseq_fr\tterms_json\n1\tle virus\tnot json\n", named: "bad.tsv")
        #expect(throws: InputError(file: path, line: 2, message: "terms_json is not a JSON array of objects")) {
            _ = try TerminologyEvaluation.wmt21(path: path, mode: .exact)
        }
    }

    /// The public WMT21 set: the official surface scorer found 760 of 901 term instances in the
    /// Fairseq output; with lemmas 774.
    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func wmt21MatchesTheOfficialScorer() throws {
        try #require(FileManager.default.fileExists(atPath: Self.wmt21), "the shared WMT21 data is missing")
        let exact = try TerminologyEvaluation.wmt21(path: Self.wmt21, mode: .exact)
        #expect(exact.total == 901)
        #expect(abs(exact.satisfied - 760) <= 9)  // ±1 %
        #expect(try TerminologyEvaluation.wmt21(path: Self.wmt21, mode: .inflected).satisfied >= 774)
    }

    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func wmt23ReferencesSatisfyTheirTerms() throws {
        try #require(FileManager.default.fileExists(atPath: Self.wmt23), "the shared WMT23 data is missing")
        #expect(try TerminologyEvaluation.wmt23(path: Self.wmt23, mode: .exact).rate >= 0.98)
    }
}
