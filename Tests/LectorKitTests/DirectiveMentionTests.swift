import Foundation
@testable import LectorKit
import LectorTestSupport
import Testing

/// `String.mentionsLectorDirective`, which decides whether a file is checked whole or in chunks,
/// against Foundation's `contains("lector-")`, which decided it before.
@Suite struct DirectiveMentionTests {
    @Test func findsWhatFoundationFinds() {
        // Pieces that make near misses, multibyte text and the prefix at either end.
        let pieces = ["lector-", "lector", "lecto", "ector-", "l", "-", " ", "Lector-", "LECTOR-", "é", "e\u{301}",
                      "ß", "日本", "🇺🇦", "lector‐", "lektor-", "\n", "disable", "# ", "lector-disable-next-line"]
        var generator = SeededGenerator(seed: 14)
        var checked = 0
        for _ in 0..<5_000 {
            let count = Int(generator.next() % 6)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(text.mentionsLectorDirective == text.contains("lector-"), "\(text.debugDescription)")
            checked += text.mentionsLectorDirective ? 1 : 0
        }
        // Both outcomes were met often.
        #expect(checked > 500 && checked < 4_500)
    }

    @Test func alsoFindsThePrefixBeforeACombiningMark() {
        // Foundation compares characters: `-` with an accent is another one. No directive starts
        // so, and the file then takes the path that checks it whole, which finds the same.
        let text = "lector-\u{301}disable"
        #expect(!text.contains("lector-"))
        #expect(text.mentionsLectorDirective)
    }

    @Test func bridgedAndShortTextIsRead() {
        let bridged = String(NSString(string: "note: lector-disable markup.mismatch"))
        #expect(bridged.mentionsLectorDirective)
        #expect(!"lector".mentionsLectorDirective)
        #expect(!"".mentionsLectorDirective)
        #expect("lector-".mentionsLectorDirective)
        #expect(!"ector-".mentionsLectorDirective)
    }
}
