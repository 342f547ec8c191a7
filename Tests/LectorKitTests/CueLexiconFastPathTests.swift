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
        texts += Fixtures.seedLines
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

    /// `latin1Cues` finds what the general path finds on the evaluation data's sentences in their
    /// languages, for the offensive list and the negation list (which has suffixes).
    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func latin1CuesMatchTheGeneralPathOnSharedData() throws {
        var checked = 0
        for (path, languages) in [("ced/en-de/dev.tsv", ["en", "de"]), ("terminology/wmt21-en-fr-dev/dev.tsv", ["en", "fr"])] {
            let text = try String(contentsOfFile: Fixtures.path("../shared/data/" + path), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard columns.count >= 3 else { continue }
                for (column, language) in zip([columns[1], columns[2]], languages) {
                    for cues in [CueLexicon.offensive, CueLexicon.negation] {
                        #expect(cues.cues(in: column, language: language) == cues.cues(in: column + " ☃", language: language),
                                "\(language) \(column.debugDescription)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 2_000)
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
            // Texts that are one word, which fills the word's buffer (as long as the text) to the end.
            "’", "’’’", "ÄÖÜ’’", "ÿ’Äß", "Idiot’s", "SCHEIẞ", "a", "'",
        ]
        texts += Fixtures.seedLines
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
        for text in Fixtures.seedTexts {
            words += text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" })
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
        // An ASCII word is compared only with the suffixes whose decomposition is ASCII
        // (`asciiWordSuffixes`): it ends with no other, as a string.
        for lexicon in NegationLexicon.all.values {
            for suffix in lexicon.suffixes where !lexicon.asciiWordSuffixes.contains(suffix) {
                for word in words + ["isn't", "isnt", "didn’t", "cant", "n't", "t", "at"] where word.utf8.allSatisfy({ $0 < 0x80 }) {
                    #expect(!word.hasSuffix(suffix), "\(lexicon.language): \(word) \(suffix)")
                }
            }
        }
        #expect(NegationLexicon.forLanguage("en")?.asciiWordSuffixes == ["n't"])
        // Without an empty affix most words are passed over.
        let plain = NegationLexicon.AffixEnds(affixes: ["n't", "un"], last: true)
        #expect(!plain.mayMatch("unclear", isASCII: true, last: true))
        #expect(plain.mayMatch("isn't", isASCII: true, last: true))
    }
}

/// `NegationLexicon.negations` passes over the ASCII words that `InertWords` rules out as cues; it
/// must find the same negations (cue, strength, range, scope) as asking every word of every cue.
@Suite struct NegationInertWordsTests {
    static func described(_ negations: [NegationLexicon.Negation]) -> [String] {
        negations.map { "\($0.cue)|\($0.strength)|\($0.range)|\($0.scope ?? "-")|\($0.scopeRange.map { "\($0)" } ?? "-")" }
    }

    static func expectSame(_ text: String, language: String, lexicon: NegationLexicon) {
        let words = SentenceWord.words(in: text, language: language)
        let fast = described(lexicon.negations(in: text, words: words))
        let slow = described(lexicon.negations(in: text, words: words, passingOverInertWords: false))
        #expect(fast == slow, "\(language) \(text.debugDescription)")
        // The words' shapes as they were cut (`SentenceWord.asciiShape`) are their texts', and
        // words whose shapes are read off their texts instead find the same.
        for word in words where word.asciiShape != SentenceWord.unknownShape {
            #expect(word.asciiShape == shape(of: word.text), "\(language) \(word.written.debugDescription)")
        }
        let unread = words.map { word in
            var word = word
            word.asciiShape = SentenceWord.unknownShape
            return word
        }
        #expect(described(lexicon.negations(in: text, words: unread)) == fast, "\(language) \(text.debugDescription)")
    }

    /// `SentenceWord.asciiShape` of a word's lower-cased text, as written.
    static func shape(of text: String) -> UInt32 {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, bytes.allSatisfy({ $0 < 0x80 }) else { return SentenceWord.nonASCIIShape }
        return UInt32(first) | UInt32(last) << 8 | UInt32(bytes.count) << 16
    }

    /// Every cue of the resource, and words made with its affixes, in every language's lexicon,
    /// among words that are none and the marks the rule reads around cues (quotes, hyphens, capitals).
    @Test func findsWhatAskingEveryWordFinds() throws {
        let resource = try #require(LectorResources.text(of: "Meaning/negation.txt"))
        var cuesByLanguage: [String: [String]] = [:]
        for line in resource.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard fields.count == 3 else { continue }
            var pieces = fields[2].split(separator: " ").map(String.init)
            if fields[1].contains("prefix") || fields[1] == "litotes" { pieces = [fields[2] + "stable", fields[2] + "wichtig", fields[2]] }
            if fields[1].contains("suffix") || fields[1].contains("ending") { pieces = ["care" + fields[2], "hoffnungs" + fields[2], fields[2]] }
            cuesByLanguage[fields[0], default: []] += pieces + [fields[2], fields[2].uppercased(), fields[2].capitalized]
        }
        // Words of Latin-1 letters past ASCII, written composed and decomposed, as cues and around them
        // (`InertWords.passesOverLatin1`).
        let filler = ["the", "Der", "NO", "No.", "10", "un", "„", "“", "\"", "'", "’", "-", ",", "Nobody", "Knows", "x", "UNESCO",
                      "Ärger", "e\u{301}", "K\u{212A}", "ne", "pas", "n'", "n-a", "don", "t", "op", "tijd", "vertrok", "(", ")", "»", "«",
                      "über", "Außer", "AUSSER", "au\u{DF}er", "unmo\u{308}glich", "Unmöglich", "ungültig", "Übermut", "fürlos",
                      "hoffnungslös", "ß", "é", "Été", "ça", "à", "sans", "ní", "nǐ", "ÿ", "Ÿ", "Ølpreis"]
        var seeds: [String] = ["", "No. 23 and NO here.", "Nobody Knows", "He did not go.", "Er kam nicht.", "\"no\" or \"yes\""]
        seeds += Fixtures.seedLines
        var generator = SeededGenerator(seed: 10)
        #expect(NegationLexicon.all.count > 10)
        for (language, lexicon) in NegationLexicon.all.sorted(by: { $0.key < $1.key }) {
            let pieces = (cuesByLanguage[language] ?? []) + filler
            var texts = seeds
            for _ in 0..<400 {
                let count = Int.random(in: 1...10, using: &generator)
                texts.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }
                    .joined(separator: Bool.random(using: &generator) ? " " : ""))
            }
            for text in texts { Self.expectSame(text, language: language, lexicon: lexicon) }
        }
    }

    /// The evaluation data's sentences, each in its own language.
    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func findsWhatAskingEveryWordFindsOnSharedData() throws {
        let files: [(path: String, languages: [String])] = [
            ("ced/en-cs/dev.tsv", ["en", "cs"]), ("ced/en-de/dev.tsv", ["en", "de"]), ("mlqe-pe/et-en/dev.tsv", ["et", "en"]),
            ("mlqe-pe/ro-en/dev.tsv", ["ro", "en"]), ("mlqe-pe/ru-en/dev.tsv", ["ru", "en"]),
            ("terminology/wmt21-en-fr-dev/dev.tsv", ["en", "fr"]),
        ]
        var checked = 0
        for file in files {
            let text = try String(contentsOfFile: Fixtures.path("../shared/data/" + file.path), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard columns.count >= 3 else { continue }
                for (column, language) in zip([columns[1], columns[2]], file.languages) {
                    Self.expectSame(column, language: language, lexicon: try #require(NegationLexicon.forLanguage(language)))
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// The filter is no filter unless it passes over most words of English and German prose.
    @Test func passesOverMostWords() throws {
        for (language, path) in [("en", Fixtures.seedArticlePath), ("de", Fixtures.seedSourcePath)] {
            let lexicon = try #require(NegationLexicon.forLanguage(language))
            let words = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
                .flatMap { SentenceWord.words(in: String($0), language: language) }
            let passed = words.filter { word in
                let bytes = Array(word.text.utf8)
                return bytes.allSatisfy { $0 < 0x80 } && lexicon.inertWords.passesOver(first: bytes[0], last: bytes[bytes.count - 1], count: bytes.count)
            }
            #expect(passed.count * 2 > words.count, "\(language): \(passed.count) of \(words.count)")
        }
        // German words with umlauts or `ß` are passed over too (`passesOverLatin1`), most of them.
        let lexicon = try #require(NegationLexicon.forLanguage("de"))
        let latin1 = try String(contentsOfFile: Fixtures.seedSourcePath, encoding: .utf8).split(separator: "\n")
            .flatMap { SentenceWord.words(in: String($0), language: "de") }
            .map { Array($0.text.utf8) }
            .filter { bytes in bytes.contains { $0 >= 0x80 } && bytes.allSatisfy { $0 < 0xC4 } }
        let passed = latin1.filter { lexicon.inertWords.passesOverLatin1(first: $0[0], last: $0[$0.count - 1], count: $0.count) }
        #expect(latin1.count > 20 && passed.count * 2 > latin1.count, "\(passed.count) of \(latin1.count)")
    }
}
