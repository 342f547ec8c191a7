import Foundation
import LectorKit
import LectorTestSupport
import Testing

@Suite struct SourceDocumentTests {
    @Test func locationsCountScalarsAndBytes() {
        let document = SourceDocument(path: "t", text: "Ёлка 🇺🇦\r\nKiev\rKyiv\nend")
        #expect(document.lineCount == 4)
        let kiev = document.location(ofUTF16Offset: document.utf16.count - 13)
        #expect(kiev.line == 2)
        #expect(kiev.column == 1)
        #expect(kiev.byteOffset == Array("Ёлка 🇺🇦\r\n".utf8).count)
        let flag = document.location(ofUTF16Offset: 5)
        #expect(flag.column == 6)
        let afterFlag = document.location(ofUTF16Offset: 9)
        #expect(afterFlag.column == 8)  // two regional indicators are two scalars
        #expect(document.lineText(3) == "Kyiv")
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Array("line one\nline two\nline ".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(" three\n".utf8)
        let path = Fixtures.write(Data(bytes), named: "bad.txt")
        do {
            _ = try SourceDocument.load(path: path)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test func missingFileIsAnInputError() {
        #expect(throws: InputError(file: "/nonexistent/x.txt", message: "no such file")) {
            _ = try SourceDocument.load(path: "/nonexistent/x.txt")
        }
    }

    @Test func byteOrderMarkIsSkippedButCounted() throws {
        let path = Fixtures.write(Data([0xEF, 0xBB, 0xBF] + Array("Kiev".utf8)), named: "bom.txt")
        let document = try SourceDocument.load(path: path)
        #expect(document.text == "Kiev")
        let finding = try #require(Fixtures.englishChecker.check(document).first)
        #expect(finding.location.column == 1)
        #expect(finding.location.byteOffset == 3)
    }
}
