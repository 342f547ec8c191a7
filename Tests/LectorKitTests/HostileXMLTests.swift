import Foundation
@testable import LectorKit
import LectorTestSupport
import Testing

/// XML that is damaged or built to mislead, read by the library: every byte flip of the fixtures is an
/// input error or a document, never a crash; large glossaries load.
@Suite struct HostileXMLTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Tests/LectorKitTests/Fixtures/Bilingual/\(name)")))
    }

    /// Flips each byte of each XML fixture in two ways; a crash would take the test process with it.
    @Test func everyOneByteFlipIsReadOrRefusedWithALine() throws {
        for name in ["seed-article.de-en.xlf", "seed-article.de-en.xliff", "seed-article.de-en.tmx"] {
            let original = try Self.fixture(name)
            var refused = 0
            for index in original.indices {
                for mask: UInt8 in [0x80, 0xFF] {
                    var bytes = original
                    bytes[index] ^= mask
                    do {
                        if name.hasSuffix(".tmx") {
                            _ = try TMXReader.read(data: bytes, name: name)
                        } else {
                            _ = try XLIFFReader.read(data: bytes, name: name)
                        }
                    } catch {
                        refused += 1
                        #expect(error.file == name)
                        #expect((error.line ?? 0) >= 1, "\(error)")
                    }
                }
            }
            // Setting the high bit of an ASCII byte always breaks UTF-8, so most flips must be refused.
            #expect(refused > original.count, "\(name): only \(refused) of \(original.count * 2) flips refused")
        }
    }

    @Test func aTBXOverTenMillionBytesLoads() throws {
        let definition = String(repeating: "A capital city on the Dnipro river. ", count: 10)
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX\"><text><body>\n"
        var count = 0
        while document.utf8.count <= 10_200_000 {
            count += 1
            document += "<termEntry id=\"c\(count)\"><descrip type=\"definition\">\(definition)</descrip>"
                + "<langSet xml:lang=\"en\"><tig><term>Kyiv\(count)</term></tig></langSet></termEntry>\n"
        }
        document += "</body></text></martif>\n"
        let glossary = try TBXGlossaryReader.read(data: Data(document.utf8), name: "large.tbx")
        #expect(glossary.concepts.count == count)
        #expect(glossary.concepts.last?.terms.first?.text == "Kyiv\(count)")
    }

    @Test func aGlobIsWalkedFromItsLiteralPrefixOnly() {
        #expect(FileCollector.walkRoot(of: "*.txt") == (".", 1))
        #expect(FileCollector.walkRoot(of: "docs/*.md") == ("docs", 1))
        #expect(FileCollector.walkRoot(of: "../docs/*/x.md") == ("../docs", 2))
        #expect(FileCollector.walkRoot(of: "/srv/l10n/**/*.po") == ("/srv/l10n", nil))
        #expect(FileCollector.walkRoot(of: "/*.txt") == ("/", 1))
        #expect(FileCollector.walkRoot(of: "**/*.xlf") == (".", nil))
    }
}
