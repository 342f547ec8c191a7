import Foundation
import Testing
@testable import LectorRules

/// `ResourceLines` cuts the meaning rules' resource texts on line feed bytes, which gives the
/// lines a split by characters gave only while the files hold no CR (CR LF is one character) and
/// no byte order mark: the shipped files are checked for both, so an edit that brings either in
/// fails here rather than changing what the negation and alignment tables hold.
@Suite struct ResourceLinesTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/LectorRules/Resources/Meaning")

    @Test(arguments: ["negation.txt", "function-words.txt"])
    func shippedFilesHoldNoCarriageReturnOrByteOrderMark(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        #expect(bytes.count > 1_000)
        #expect(!bytes.contains(UInt8(ascii: "\r")))
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(ResourceLines.lines(of: text).map(String.init) == text.split(separator: "\n").map(String.init))
    }

    @Test func linesAreCutOnLineFeedsAndFilteredByPrefix() {
        let text = "de\tnicht\n\nen\tnot\nde\tkein\n"
        #expect(ResourceLines.lines(of: text) == ["de\tnicht", "en\tnot", "de\tkein"])
        #expect(ResourceLines.lines(of: text, startingWith: "de\t") == ["de\tnicht", "de\tkein"])
        #expect(ResourceLines.lines(of: "", startingWith: "de\t").isEmpty)
    }
}
