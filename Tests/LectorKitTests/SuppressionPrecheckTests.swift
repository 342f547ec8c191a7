import Testing
@testable import LectorKit

/// The byte search that lets documents without `lector-` skip the directive regular expressions.
@Suite struct SuppressionPrecheckTests {
    @Test func findsEveryPlacementOfTheMarker() {
        for text in ["lector-disable x", "a lector-enable", "<!-- lector-disable-next-line glossary.variant -->",
                     "Kyiv’s – «lector-disable»", "xlector-", "lector-lector-", "—lector-"] {
            #expect(InlineSuppressions.mayContainDirective(text), "\(text)")
        }
    }

    @Test func rejectsTextWithoutIt() {
        for text in ["", "lector", "lector -", "lecto-r", "- lector", "Lector-disable", "lector–disable", "a-b-c-d-e-f-g",
                     "-lector", String(repeating: "selector-less ", count: 0) + "ector-"] {
            #expect(!InlineSuppressions.mayContainDirective(text), "\(text)")
        }
    }
}
