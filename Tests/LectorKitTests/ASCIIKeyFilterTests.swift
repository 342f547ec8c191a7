import Foundation
import LectorICU
@testable import LectorText
import Testing

/// `ASCIIKeyFilter` may say "perhaps" of anything, but "no" only of a string that equals no key.
@Suite struct ASCIIKeyFilterTests {
    @Test func noOnlyForStringsThatAreNoKey() {
        let keys: Set<String> = ["march", "mär", "ersten", "\u{212A}ilo", "e\u{301}cole", "école", "x", "zwanzig", "mai"]
        let filter = ASCIIKeyFilter(keys: keys)
        var candidates = ["march", "marc", "marchx", "march ", "kilo", "Kilo", "ecole", "école", "e\u{301}cole", "x", "", "y",
                          "zwanzig", "zwanzich", "mai", "may", "mär", "ma\u{308}r", "mar", "\u{212A}ilo"]
        // Every number word and month name the extractors know, and words around them.
        for words in NumberWords.all.values {
            candidates += words.entries.keys.flatMap { [$0, $0 + "s", String($0.dropLast()), $0.uppercased()] }
        }
        for candidate in candidates {
            // Unfolded code units answer as their fold (`TokenizedText.folded`) does.
            let units = Array((candidate.uppercased() + candidate).utf16)[...]
            let folded = TokenizedText.foldedASCII(units) ?? CaseMapping.fold(String(decoding: units, as: Unicode.UTF16.self))
            #expect(filter.mayContain(foldingASCII: units) || !filter.mayContain(folded), "\(candidate.debugDescription)")
            if units.allSatisfy({ $0 < 0x80 }) {
                #expect(filter.mayContain(foldingASCII: units) == filter.mayContain(folded), "\(candidate.debugDescription)")
            }
        }
        for candidate in candidates where !filter.mayContain(candidate) {
            #expect(!keys.contains(candidate), "\(candidate.debugDescription)")
            #expect(candidate.utf8.allSatisfy { $0 < 0x80 }, "\(candidate.debugDescription)")
        }
        #expect(!filter.mayContain("mo") && filter.mayContain("may") && !filter.mayContain("marc") && filter.mayContain("Kilo") && keys.contains("Kilo"))
        for words in NumberWords.all.values {
            let own = ASCIIKeyFilter(keys: words.entries.keys)
            #expect(words.entries.keys.allSatisfy(own.mayContain))
        }
    }
}
