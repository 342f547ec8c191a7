import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// Plain text keeps its URLs, e-mail addresses and file paths: `check` does not flag a glossary
/// term inside them and `fix` does not rewrite them, while the prose around them is checked and
/// fixed as before.
@Suite struct PlainTextTests {
    static let session: LintSession = try! LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary]))

    func fixed(_ contents: String, named name: String = "plain.txt") throws -> String {
        String(decoding: try Self.session.planFixes(path: Fixtures.write(contents, named: name)).fixedFileContents, as: UTF8.self)
    }

    func flagged(_ contents: String, named name: String = "plain.txt") throws -> [String] {
        try Self.session.check(.text(path: Fixtures.write(contents, named: name))).filter { $0.ruleID == "glossary.forbidden" }
            .map { "\($0.location.line):\($0.location.column)" }
    }

    @Test func urlsAddressesAndPathsAreNeitherFlaggedNorFixed() throws {
        let text = """
        See https://example.org/Kiev and www.kiev.example/Kiev, or write to kiev@example.org.
        Files: /srv/Kiev/index.txt, ./Kiev/notes.md, ~/Kiev/a and docs/Kiev.md; also C:\\Data\\Kiev.doc.
        No link: Kiev.

        """
        #expect(try flagged(text) == ["3:10"])
        #expect(try fixed(text) == text.replacingOccurrences(of: "No link: Kiev.", with: "No link: Kyiv."))
    }

    @Test func punctuationAroundALinkIsProse() throws {
        let text = "(See https://en.wikipedia.org/wiki/Kiev_(disambiguation)). Kiev “https://x.org/Kiev”, Kiev.\n"
        #expect(try fixed(text) == "(See https://en.wikipedia.org/wiki/Kiev_(disambiguation)). Kyiv “https://x.org/Kiev”, Kyiv.\n")
    }

    @Test func aLinkRightAfterChineseTextEndsAtTheNextChineseCharacter() throws {
        let text = "请访问https://example.org/Kiev了解Kiev。\n"
        #expect(try fixed(text) == "请访问https://example.org/Kiev了解Kyiv。\n")
    }

    @Test func slashesInProseAreNotPaths() throws {
        // `Kiev/Kyiv`, `and/or`, `km/h` have no path shape: the terms in them are prose.
        #expect(try flagged("Kiev/Kyiv and/or 60 km/h in Kiev.\n") == ["1:1", "1:29"])
        #expect(try flagged("A bare http:// Kiev.\n") == ["1:16"])
    }

    @Test func positionsAfterAMaskedLinkAreExact() throws {
        let text = "Kiev https://пример.укр/Київ/Kiev Kiev\n"
        let findings = try Self.session.check(.text(path: Fixtures.write(text, named: "positions.txt")))
            .filter { $0.ruleID == "glossary.forbidden" }
        #expect(findings.map(\.location.column) == [1, 35])
        #expect(findings.map(\.text) == ["Kiev", "Kiev"])
        #expect(findings.map(\.location.byteOffset) == [0, Array("Kiev https://пример.укр/Київ/Kiev ".utf8).count])
    }

    @Test func everyLinkOfALongLineIsFound() {
        // 200,000 tokens, every other one a link.
        let bytes = Array(String(repeating: "Kiev https://x.org/Kiev ", count: 100_000).utf8)
        let ranges = PlainText.protectedRanges(in: bytes)
        #expect(ranges.count == 100_000)
        #expect(ranges.first == 5..<23)
    }
}
