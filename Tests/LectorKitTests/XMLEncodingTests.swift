import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// XML that is not UTF-8: a file in another encoding it declares is read; one whose bytes are not
/// UTF-8 while it declares nothing, or that declares an encoding nobody can read, is an input
/// error at its line that says what to do. `fix` writes only into UTF-8 XML and says why otherwise.
@Suite struct XMLEncodingTests {
    static func xliff(declaration: String, source: [UInt8]) -> Data {
        var bytes = Array("\(declaration)\n<xliff version=\"1.2\"><file source-language=\"de\" target-language=\"en\" datatype=\"plaintext\" original=\"x\"><body>\n<trans-unit id=\"1\"><source>".utf8)
        bytes += source
        bytes += Array("</source><target>Talks in Kiev</target></trans-unit>\n</body></file></xliff>\n".utf8)
        return Data(bytes)
    }

    static let latin1Source: [UInt8] = Array("Gespr".utf8) + [0xE4] + Array("che in Kiew".utf8)

    func readingError(_ data: Data, as name: String = "a.xlf") -> InputError? {
        do {
            _ = try XLIFFReader.read(data: data, name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func undeclaredLatin1IsNotUTF8AtItsLine() throws {
        let error = try #require(readingError(Self.xliff(declaration: "<?xml version=\"1.0\"?>", source: Self.latin1Source)))
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("the file is not valid UTF-8"), "\(error.message)")
        #expect(error.message.contains("0xE4"), "\(error.message)")
        #expect(error.message.contains("encoding=\"ISO-8859-1\""))
    }

    @Test func anEncodingNobodyReadsIsNamed() throws {
        let data = Self.xliff(declaration: "<?xml version=\"1.0\" encoding=\"x-klingon\"?>", source: Array("Kiew".utf8))
        let error = try #require(readingError(data))
        #expect(error.line == 1)
        #expect(error.message.contains("names the encoding “x-klingon”, which Lector cannot read"), "\(error.message)")
    }

    @Test func aDeclaredLatin1FileIsReadAndFixIsRefusedWithTheReason() throws {
        let data = Self.xliff(declaration: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", source: Self.latin1Source)
        let file = try XLIFFReader.read(data: data, name: "a.xlf")
        #expect(file.units.first?.source.text == "Gespräche in Kiew")
        let path = Fixtures.write(data, named: "latin1.xlf")
        let session = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary]))
        let plan = try session.planFixes(path: path)
        #expect(!plan.changesText)
        #expect(plan.skipped.map(\.finding.text) == ["Kiev"])
        #expect(plan.skipped.first.map { "\($0.reason)" }?.contains("not UTF-8") == true, "\(plan.skipped)")
    }

    @Test func theCLIExitsTwoWithFileAndLine() throws {
        let path = Fixtures.write(Self.xliff(declaration: "<?xml version=\"1.0\"?>", source: Self.latin1Source), named: "latin1.xlf")
        let result = try CommandRunner.run(["check", "--no-config", path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(path):3: the file is not valid UTF-8"), "\(result.standardError)")
    }
}
