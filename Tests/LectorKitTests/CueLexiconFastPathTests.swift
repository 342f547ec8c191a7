import Foundation
import LectorTestSupport
@testable import LectorRules
import Testing

/// `CueLexicon.words(inLowercased:)` walks scalars where no scalar joins another into one
/// `Character`; it must split exactly as the `Character` split it replaced.
@Suite struct CueLexiconFastPathTests {
    static func referenceWords(_ lowered: String) -> [String] {
        lowered.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }).map(String.init)
    }

    static let admitted: [Unicode.Scalar] = (0...0x2100).compactMap { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), CueLexicon.scalarStandsAlone(scalar) else { return nil }
        return scalar
    }

    /// Each admitted scalar is one `Character` after and before any other admitted scalar (CR LF
    /// aside), and its `isLetter` is what the shortcut reads.
    @Test func admittedScalarsStandAlone() {
        for first in Self.admitted {
            #expect(Character(first).isLetter == first.properties.isAlphabetic, "\(first.value)")
            var pairs = String.UnicodeScalarView()
            for second in Self.admitted {
                pairs.append(first)
                pairs.append(second)
                pairs.append(" ")
            }
            let expected = first == "\r" ? Self.admitted.count * 3 - 1 : Self.admitted.count * 3
            #expect(String(pairs).count == expected, "\(first.value)")
        }
    }

    @Test func splitsAsCharactersDo() {
        var texts = [
            "", "'", "’’ ’", "l'homme d’état", "Grüße, straße — ‘quoted’ “text”… 12½ % ñandú",
            "a\r\nb\rc\nd", "ǅemal İstanbul ΣΊΣΥΦΟΣ ﬁnance", "e\u{301}cole cafe\u{301}s", "🇩🇪 flag 👍🏽 ok",
            "zwei\u{200D}drei", "soft\u{AD}hyphen", "Ŀlong ɐ ʰmodifier ˈstress",
        ]
        for path in [Fixtures.seedSourcePath, Fixtures.seedArticlePath] {
            texts += try! String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        // Every admitted scalar between letters, and random strings of admitted scalars.
        texts += Self.admitted.map { "ab\(String($0))cd e\(String($0))" }
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                scalars.append(Self.admitted.randomElement(using: &generator)!)
            }
            texts.append(String(scalars))
        }
        for text in texts {
            let lowered = text.lowercased()
            #expect(CueLexicon.words(inLowercased: lowered).map(String.init) == Self.referenceWords(lowered), "\(text.debugDescription)")
            let hyphenated = lowered + " e-mail-adresse -a- --"
            #expect(CueLexicon.words(inLowercased: hyphenated, joiningHyphens: true).map(String.init)
                    == hyphenated.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }).map(String.init),
                    "\(text.debugDescription)")
        }
    }

    @Test func byteComparisonIsStringComparison() {
        let words = ["idiot", "idiots", "id", "", "scheiße", "scheisse", "k", "\u{212A}", "arsch", "arschloch", "e\u{301}", "é", "fuck'n", "bitch’s"]
        for word in words {
            for cue in words {
                let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
                #expect(CueLexicon.hasPrefix(word, cue, isASCII: isASCII) == word.hasPrefix(cue), "\(word) \(cue)")
                #expect(CueLexicon.hasSuffix(word, cue, isASCII: isASCII) == word.hasSuffix(cue), "\(word) \(cue)")
            }
        }
    }

    /// The offensive-language cues of the rule's own examples are still found.
    @Test func findsTheSameCues() {
        #expect(CueLexicon.offensive.cues(in: "You are a fucking idiot, do it now.", language: "en") == ["fucking", "idiot"])
        #expect(CueLexicon.offensive.cues(in: "Das ist ein Idiot.", language: "de") == ["idiot"])
    }

    /// `cues(in:language:)` reads Latin-1 text on its scalars (`latin1Cues`); it must find what the
    /// lower-cased `Character` split finds, which a scalar outside that range (`☃`, a separator
    /// that changes no word) sends the text through.
    @Test func latin1CuesMatchTheGeneralPath() {
        var texts = [
            "You are a fucking idiot, do it now.", "FUCK YOU, Motherfucker!", "Du Scheißkerl, das ist SCHEISSE.",
            "Das ist ein Idiot.", "Er fickt — „Neger“ ist ein Wort.", "l’idiot d'État", "Bitchy bitches' BITCH",
            "Ärger über Äpfel, Ölpreise und Straßen", "scheißegal", "fuc", "Niggard?", "×÷ µß ÿ ª º", "",
            "This is a man.", "Die Gespräche gehen am Dienstag weiter.", "You idiot’s friend, “fucked” up…",
            // Letters of Latin Extended are letters, not separators: `fuckł` is no `fuck`.
            "fuckł", "Wałęsa", "niełatwy", "přes nie", "idiotʼs", "Neger\u{301}",
        ]
        for path in [Fixtures.seedSourcePath, Fixtures.seedArticlePath] {
            texts += try! String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        var generator = SeededGenerator(seed: 5)
        let pieces = ["fuck", "scheiß", "Idiot", "ÄRGER", "neger", "’", "'", " ", "-", "ß", "É", "bitch", "ing", "x", "\u{2014}",
                      "n't", "n’t", "not", "nie", "ł", "ř", "ʼ"]
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        let lexicon = CueLexicon.offensive
        // The negation list has suffixes (`n't`), which the offensive one has not.
        texts += ["Don't do it, it isn’t right, you CAN'T.", "wasn't", "n't", "’t", "Das ist nicht kein Problem."]
        for cues in [lexicon, CueLexicon.negation, CueLexicon.toxicity] {
            for text in texts {
                for language in ["en", "de"] {
                    #expect(cues.cues(in: text, language: language) == cues.cues(in: text + " ☃", language: language),
                            "\(language) \(text.debugDescription)")
                }
            }
        }
        #expect(CueLexicon.negation.cues(in: "It isn't here.", language: "en") == ["isn't"])
        #expect(lexicon.cues(in: "fuckł", language: "en").isEmpty)
        // Every listed word, which the byte filter (`CueBytes`: first byte, last byte, length) must let
        // through to `isCue`, in lower case and in capitals, alone and in a sentence.
        let listed = (LectorResources.text(of: "Meaning/offensive.txt") ?? "").split(separator: "\n").compactMap { line -> (String, String)? in
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 2, ["en", "de"].contains(parts[0]), !parts[1].contains(":") else { return nil }
            return (parts[0], parts[1].lowercased())
        }
        #expect(listed.count > 40)
        for (language, word) in listed {
            for text in [word, word.uppercased(), "Er sagte: \(word.capitalized)!"] {
                let found = lexicon.cues(in: text, language: language)
                #expect(found == lexicon.cues(in: text + " ☃", language: language), "\(language) \(text.debugDescription)")
                // (Upper-casing `ß` gives `SS`, another word.)
                #expect(found.contains(word) || !text.lowercased().contains(word), "\(language) \(text.debugDescription)")
            }
        }
        #expect(lexicon.cues(in: "Du Scheißkerl!", language: "de") == ["scheißkerl"])
        #expect(lexicon.cues(in: "You FUCKING idiot", language: "en").count == 2)
    }
}

/// `NegationLexicon.AffixEnds` passes over the ASCII words no affix can match: it must never pass
/// over one that `hasSuffix` or `hasPrefix` matches, affixes written decomposed or empty included.
@Suite struct NegationAffixEndsTests {
    @Test func neverPassesOverAMatch() {
        let affixes = ["n't", "los", "un", "non", "less", "K\u{212A}", "e\u{301}", "é", "", "ß"]
        var words = ["isn't", "didn't", "hoffnungslos", "unclear", "nonessential", "careless", "kk", "e", "café", "x", "", "UN"]
        for path in [Fixtures.seedSourcePath, Fixtures.seedArticlePath] {
            words += try! String(contentsOfFile: path, encoding: .utf8).lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" })
                .map(String.init)
        }
        for count in 1...affixes.count {
            let some = Array(affixes.prefix(count))
            let ends = NegationLexicon.AffixEnds(affixes: some, last: true)
            let starts = NegationLexicon.AffixEnds(affixes: some, last: false)
            for word in words {
                let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
                if some.contains(where: { word.hasSuffix($0) }) { #expect(ends.mayMatch(word, isASCII: isASCII, last: true), "\(word)") }
                if some.contains(where: { word.hasPrefix($0) }) { #expect(starts.mayMatch(word, isASCII: isASCII, last: false), "\(word)") }
            }
        }
        // Without an empty affix most words are passed over.
        let plain = NegationLexicon.AffixEnds(affixes: ["n't", "un"], last: true)
        #expect(!plain.mayMatch("unclear", isASCII: true, last: true))
        #expect(plain.mayMatch("isn't", isASCII: true, last: true))
    }
}
