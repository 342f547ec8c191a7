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
        // "may" starts as "mai" does, but no key of three bytes ends with "y".
        #expect(!filter.mayContain("mo") && !filter.mayContain("may") && !filter.mayContain("marc") && filter.mayContain("Kilo") && keys.contains("Kilo"))
        for words in NumberWords.all.values {
            let own = ASCIIKeyFilter(keys: words.entries.keys)
            #expect(words.entries.keys.allSatisfy(own.mayContain))
        }
    }

    /// A string of a key's first byte and length is still no key when no key of that length
    /// ends with its last byte; a key spelt with KELVIN SIGN ends with its decomposition's byte,
    /// and upper-case code units answer as their fold.
    @Test func theLastByteRulesOutKeysOfTheSameStartAndLength() {
        let filter = ASCIIKeyFilter(keys: ["march", "mai", "ersten", "kilo\u{212A}", "x"])
        #expect(!filter.mayContain("marcx") && !filter.mayContain("mab") && !filter.mayContain("erstes"))
        #expect(!filter.mayContain("marcx", isASCII: true) && filter.mayContain("marc\u{301}", isASCII: false))
        #expect(filter.mayContain("march") && filter.mayContain("mai") && filter.mayContain("x") && filter.mayContain("kiloK"))
        #expect(!filter.mayContain("mari") && filter.mayContain("mzzzh"))  // "mzzzh": first, last and length of "march", asked apart
        #expect(filter.mayContain(foldingASCII: Array("MARCH".utf16)[...]) && filter.mayContain(foldingASCII: Array("MaI".utf16)[...]))
        #expect(!filter.mayContain(foldingASCII: Array("MARCX".utf16)[...]) && !filter.mayContain(foldingASCII: Array("ErsteS".utf16)[...]))
        #expect(filter.mayContain(foldingASCII: Array("marc\u{E9}".utf16)[...]))  // not ASCII: may be a key
    }
}
