import Foundation
@testable import LectorLexicon
@testable import LectorRules
import LectorTestSupport
import Testing

/// The links `meaning.omission` and `meaning.addition` read gaps from (`LexicalAlignment.gapLinks`)
/// and the word knowledge behind them, on real sentence pairs.
@Suite struct GapAlignmentTests {
    func alignment(_ source: String, _ target: String, from: String, to: String) throws -> LexicalAlignment {
        let lexicon = Lexicon.shared(source: from, target: to)
        let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: from, target: to))
        return try #require(LexicalAlignment(source: source, target: target, words: words))
    }

    func aligned(_ word: String, in words: [LexicalAlignment.Word], links: [[Int]]) -> [Bool] {
        words.indices.filter { words[$0].text == word }.map { !links[$0].isEmpty }
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func eachRepeatedWordFindsItsOwnCounterpart() throws {
        // Both `patients` stand nearer the second `Patienten` than the first by relative position:
        // read from the nearest links alone, the first `patients` was left without counterpart.
        let pair = try alignment(
            "Eine lokalisierte QRS-Verbreiterung von mehr als 110msec in V1 bis V3 konnte bei 8 Patienten (33%) und eine Epsilonwelle bei 6 Patienten (25%) als Hauptkriterien gefunden werden.",
            "A localized QRS widening of more than 110ms in V1 to V3 in 8 patients (33%) and an epsilon wave in 6 patients (25%) were observed as major criteria.",
            from: "de", to: "en")
        let links = pair.gapLinks(readingCompounds: false)
        #expect(aligned("patients", in: pair.target, links: links.target) == [true, true])
        #expect(aligned("patienten", in: pair.source, links: links.source) == [true, true])
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func secondMentionWithoutCounterpartStaysUnaligned() throws {
        // One `government` for two `Regierung`: the second, in a clause the translation dropped, is a gap.
        let pair = try alignment(
            "Die Regierung kündigte neue Sanktionen an, und die Regierung versprach Hilfen für die Bauern.",
            "The government announced new sanctions.", from: "de", to: "en")
        let links = pair.gapLinks(readingCompounds: false)
        #expect(aligned("regierung", in: pair.source, links: links.source) == [true, false])
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func separableVerbIsReadJoined() throws {
        let pair = try alignment("Die Regierung stellte am Montag einen neuen Plan vor.",
                                 "The government presented a new plan on Monday.", from: "de", to: "en")
        let stellte = try #require(pair.source.firstIndex { $0.text == "stellte" })
        #expect(pair.sourceLinks[stellte].map { pair.target[$0].text } == ["presented"])
        // The particle is no word of its own.
        #expect(pair.source.first { $0.text == "vor" }?.isContent == false)
        // Where the particle does not close the clause it is a preposition, and nothing is joined.
        let preposition = try alignment("Die Regierung stellte den Plan vor dem Parlament.",
                                        "The government put the plan before parliament.", from: "de", to: "en")
        #expect(preposition.source.first { $0.text == "stellte" }?.info.lemmas.contains("vorstellen") == false)
        // Two clauses, each with its own separable verb: each verb joined with its own particle.
        let two = try alignment("Die Regierung stellte den Plan vor, und der Minister kündigte neue Hilfen an.",
                                "The government presented the plan, and the minister announced new aid.", from: "de", to: "en")
        #expect(two.source.first { $0.text == "stellte" }?.info.lemmas.contains("vorstellen") == true)
        #expect(two.source.first { $0.text == "kündigte" }?.info.lemmas.contains("ankündigen") == true)
        #expect(two.source.first { $0.text == "vor" }?.isContent == false && two.source.first { $0.text == "an" }?.isContent == false)
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func russianWordsTheDictionariesLack() throws {
        let pair = try alignment("Министерство опубликовало в этом году новые данные.",
                                 "The ministry published new data this year.", from: "ru", to: "en")
        // A pronoun's case form is a function word, as its other forms are.
        #expect(pair.source.first { $0.text == "этом" }?.isContent == false)
        // A prefixed verb no dictionary lists is read without its prefix (`публиковать`).
        let verb = try #require(pair.source.firstIndex { $0.text == "опубликовало" })
        #expect(pair.sourceLinks[verb].map { pair.target[$0].text } == ["published"])
    }

    /// The verdict table keeps what it was given through its growth, and answers `nil` for keys
    /// it never saw, including keys that share a start slot with kept ones.
    @Test func counterpartTableKeepsVerdictsThroughGrowth() {
        var table = CounterpartTable()
        let keys = (1...20_000).map { UInt64($0 % 300 + 1) << 32 | UInt64($0) }
        for (index, key) in keys.enumerated() { table.insert(key, index % 3 == 0) }
        #expect(table.count == keys.count)
        #expect(keys.enumerated().allSatisfy { table.verdict($1) == ($0 % 3 == 0) })
        #expect(table.verdict(UInt64(7) << 32 | 20_001) == nil)
        // A key kept twice keeps its first verdict and counts once.
        table.insert(keys[0], false)
        #expect(table.count == keys.count && table.verdict(keys[0]) == true)
    }

    /// `readVerdicts`, the look-up of a whole pair's keys at once, answers as `verdict` does key by
    /// key: kept keys (through collisions), keys never seen, and 0, which it skips.
    @Test func counterpartTableReadsVerdictsAsOneByOne() {
        func key(_ value: Int) -> UInt64 {
            let high = UInt64(value % 97 + 1)
            return high << 32 | UInt64(value)
        }
        var table = CounterpartTable()
        for value in 1...5_000 where value % 4 != 0 { table.insert(key(value), value % 3 == 0) }
        let keys: [UInt64] = (0...6_000).map { value in value % 11 == 0 ? 0 : key(value) }
        var verdicts: [UInt8] = keys.indices.map { position in position % 2 == 0 ? 0 : 7 }
        let before = verdicts
        table.readVerdicts(of: keys, into: &verdicts)
        var kept = 0
        for (position, key) in keys.enumerated() {
            let expected = key == 0 ? nil : table.verdict(key)
            if expected != nil { kept += 1 }
            #expect(verdicts[position] == expected.map { $0 ? 2 : 1 } ?? before[position], "\(key)")
        }
        #expect(kept > 3_000 && kept < keys.count)
    }

    /// The byte path of `hasFigures` answers as the scalar test it stands for.
    @Test func hasFiguresMatchesTheScalarTest() {
        for word in ["33jährigen", "jährigen", "covid", "covid19", "²", "x²", "½jahr", "٣", "mai", ""] {
            #expect(LexicalAlignment.hasFigures(word) == word.unicodeScalars.contains(where: { $0.properties.numericType != nil }), "\(word)")
        }
    }

    /// A span's comparable length read off the prefix sums is the one measured on its own text,
    /// for spans between scalars; a span inside a surrogate pair is no such span.
    @Test func comparableLengthsMatchTheLengthOfEachSpan() {
        let text = "Der Präsident 😀 sagte: 北京 ist weit\u{00A0}weg."
        let utf16 = Array(text.utf16)
        let lengths = LexicalAlignment.comparableLengths(text)
        #expect(lengths.count == utf16.count + 1)
        #expect(lengths[utf16.count] == GarbledConditions.comparableLength(text))
        for start in 0...utf16.count {
            for end in start...utf16.count where LexicalAlignment.isScalarAligned(start..<end, in: utf16) {
                let span = String(decoding: utf16[start..<end], as: Unicode.UTF16.self)
                #expect(lengths[end] - lengths[start] == GarbledConditions.comparableLength(span), "\(start)..<\(end)")
            }
        }
        let emoji = text.utf16.distance(from: text.startIndex, to: text.firstIndex(of: "😀")!)
        #expect(!LexicalAlignment.isScalarAligned((emoji + 1)..<utf16.count, in: utf16))
        #expect(!LexicalAlignment.isScalarAligned(0..<(emoji + 1), in: utf16))
    }
    /// The byte search of compound parts answers as Foundation's `contains`, which it replaced
    /// between ASCII strings; other strings still go to Foundation.
    @Test func compoundSearchMatchesFoundation() {
        let words = ["weichteilasthetik", "sepsistherapie", "handverletzungen", "weichteilästhetik", "abc", "aaab", ""]
        let parts = ["weich", "sepsis", "therapie", "verletzung", "hand", "aab", "ästhetik", "asthetik", "a", "abcd", "zz", ""]
        for word in words {
            for part in parts {
                #expect(LexicalAlignment.contains(word, part) == word.contains(part), "\(word) \(part)")
            }
        }
    }

    /// The store's memo of which compound holds which word (`compoundVerdicts`) gives the links
    /// the search without it gives, the first time (verdicts made and kept) and the next (read
    /// back), with compounds on either side; joined separable verbs, kept nowhere, too.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func compoundMemoGivesTheLinksOfTheSearch() throws {
        // `ungeklärt` and `Weichteilästhetik` stay without a plain counterpart, and the memo is asked.
        let pairs = [
            ("Die Ursache der Störung ist ungeklärt.", "The etiology is unknown, as the local press reported on Monday."),
            ("Die Weichteilästhetik nach der Sepsistherapie war bei allen Handverletzungen gut.",
             "The soft tissue aesthetics after sepsis therapy was good in all hand injuries."),
            ("Die Regierung stellte am Montag die Wirtschaftssanktionen gegen die Handelskammer vor.",
             "The government presented the economic sanctions against the chamber of commerce on Monday."),
        ]
        for (from, to) in [("de", "en"), ("en", "de")] {
            let lexicon = Lexicon.shared(source: from, target: to)
            let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: from, target: to))
            for (german, english) in pairs {
                let (source, target) = from == "de" ? (german, english) : (english, german)
                let pair = try #require(LexicalAlignment(source: source, target: target, words: words))
                let plain = pair.gapLinks(readingCompounds: true)
                let first = pair.gapLinks(readingCompounds: true, memo: words)
                let kept = words.compoundVerdictCount
                let again = pair.gapLinks(readingCompounds: true, memo: words)
                #expect(words.compoundVerdictCount == kept)
                #expect(first.source == plain.source && first.target == plain.target, "\(source)")
                #expect(again.source == plain.source && again.target == plain.target, "\(source)")
                // A second alignment of the pair reads the same facts, and so the same verdicts.
                let other = try #require(LexicalAlignment(source: source, target: target, words: words))
                let read = other.gapLinks(readingCompounds: true, memo: words)
                #expect(read.source == plain.source && read.target == plain.target && words.compoundVerdictCount == kept)
            }
            #expect(words.compoundVerdictCount > 0, "\(from)-\(to)")
        }
    }

    /// Facts kept by the store are numbered, each its own number; a joined separable verb's are kept nowhere.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func keptFactsAreNumbered() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        let pair = try #require(LexicalAlignment(source: "Die Regierung stellte den Plan vor.", target: "The government presented the plan.", words: words))
        let stellte = try #require(pair.source.first { $0.text == "stellte" })
        #expect(stellte.facts.id == WordInfo.unmemoized)
        let ids = pair.source.filter { $0.text != "stellte" }.map(\.facts.id) + pair.target.map(\.facts.id)
        #expect(ids.allSatisfy { $0 != WordInfo.unmemoized })
        // `die`/`the` differ by side; a repeated word (`the`) is one kept fact.
        #expect(Set(ids).count == Set(pair.source.filter { $0.text != "stellte" }.map(\.info.written)).count
                + Set(pair.target.map(\.info.written)).count)
    }

    /// The early exit of `unalignedRuns` (no run long enough, or too little outside it) gives
    /// what the full reading gives: nothing, and the same runs where there are some.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func unalignedRunsWithAndWithoutLongRuns() throws {
        let text = "Die Regierung kündigte am Montag neue Sanktionen gegen Moskau sowie Hilfen für die hungernde Bevölkerung der besetzten Gebiete an."
        let full = try alignment(text, "The government announced new sanctions against Moscow on Monday.", from: "de", to: "en")
        let links = full.gapLinks(readingCompounds: false)
        let runs = full.unalignedRuns(on: .source, text: text, otherText: nil, lengthFit: nil, links: links, minimumRun: 2, minimumRest: 1)
        #expect(!runs.isEmpty)
        #expect(runs.allSatisfy { $0.contentCount >= 2 })
        // No run of 40 words; nor any with 40 content words outside it.
        #expect(full.unalignedRuns(on: .source, text: text, otherText: nil, lengthFit: nil, links: links, minimumRun: 40, minimumRest: 1).isEmpty)
        #expect(full.unalignedRuns(on: .source, text: text, otherText: nil, lengthFit: nil, links: links, minimumRun: 2, minimumRest: 40).isEmpty)
        // A run of a single word counts where one word is enough.
        let single = full.unalignedRuns(on: .source, text: text, otherText: nil, lengthFit: nil, links: links)
        #expect(single.count >= runs.count)
        let short = "Die Regierung kündigte neue Sanktionen an."
        let aligned = try alignment(short, "The government announced new sanctions.", from: "de", to: "en")
        #expect(aligned.unalignedRuns(on: .source, text: short, otherText: nil, lengthFit: nil, links: aligned.gapLinks(readingCompounds: false),
                                      minimumRun: 2, minimumRest: 1).isEmpty)
    }

    /// Each stretch's chance and rest coverage, weighed from counts of the sentence's words less
    /// the stretch's, are the ones weighed from sets and arrays of the rest of the sentence (as
    /// `unalignedRuns` weighed them before), to the bit, on every real pair, both sides, both
    /// readings of compounds.
    @Test(.enabled(if: OptionalResource.freeDict && OptionalResource.sharedData,
                   Comment(rawValue: OptionalResource.freeDictMissing + " " + OptionalResource.sharedDataMissing)))
    func stretchesAreWeighedAsFromTheRestsWords() throws {
        var spans = 0
        try Self.forEachRealAlignment { pair, _, direction, sourceText, targetText in
            for side in [LexicalAlignment.Side.source, .target] {
                for compounds in [false, true] {
                    let gap = pair.gapLinks(readingCompounds: compounds)
                    let words = side == .source ? pair.source : pair.target
                    let links = side == .source ? gap.source : gap.target
                    let text = side == .source ? sourceText : targetText
                    let content = words.indices.filter { words[$0].isContent }
                    for span in pair.unalignedRuns(on: side, text: text, otherText: nil, lengthFit: nil, links: gap, minimumRun: 1) {
                        let run = content.filter { span.words.contains($0) }
                        let inRun = Set(run)
                        let rest = content.filter { !inRun.contains($0) }
                        var chance = 1.0
                        for known in [true, false] {
                            let restOfKind = rest.filter { words[$0].isKnown == known }
                            let aligned = restOfKind.filter { !links[$0].isEmpty }.count
                            let coverage = (Double(aligned) + 0.5) / (Double(restOfKind.count) + 1)
                            chance *= pow(1 - coverage, Double(run.filter { words[$0].isKnown == known }.count))
                        }
                        chance *= Double(content.count)
                        let restAligned = rest.filter { !links[$0].isEmpty }.count
                        let coverage = rest.isEmpty ? 0 : Double(restAligned) / Double(rest.count)
                        #expect(run.count == span.contentCount && span.chance.bitPattern == chance.bitPattern
                                && span.restCoverage.bitPattern == coverage.bitPattern, "\(direction) \(side): \(text)")
                        spans += 1
                    }
                }
            }
        }
        #expect(spans > 1_000)
    }

    /// Sentence pairs of CED's English–German dev data (`../shared/data/ced/en-de/dev.tsv`) and
    /// the meaning rules' examples, as (English, German).
    static func realPairs() throws -> [(english: String, german: String)] {
        let text = try String(contentsOfFile: Fixtures.path("../shared/data/ced/en-de/dev.tsv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        return rows.filter { $0.count >= 3 }.map { (String($0[1]), String($0[2])) } + [
            ("The government announced new sanctions against Moscow and aid for the starving population of the occupied territories on Monday.",
             "Die Regierung kündigte am Montag neue Sanktionen gegen Moskau sowie Hilfen für die hungernde Bevölkerung der besetzten Gebiete an."),
            ("The soft tissue aesthetics after sepsis therapy was good in all hand injuries, and 33 patients recovered.",
             "Die Weichteilästhetik nach der Sepsistherapie war bei allen Handverletzungen gut, und 33 Patienten erholten sich."),
        ]
    }

    /// Each real pair (`realPairs`) aligned both ways, en→de and de→en, handed to `body` with the
    /// word store it was aligned with and its source and target texts.
    static func forEachRealAlignment(
        _ body: (_ pair: LexicalAlignment, _ words: AlignmentWords, _ direction: String, _ source: String, _ target: String) throws -> Void
    ) throws {
        let pairs = try realPairs()
        for (from, to) in [("en", "de"), ("de", "en")] {
            let lexicon = Lexicon.shared(source: from, target: to)
            let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: from, target: to))
            for (english, german) in pairs {
                let (sourceText, targetText) = from == "en" ? (english, german) : (german, english)
                let pair = try #require(LexicalAlignment(source: sourceText, target: targetText, words: words))
                try body(pair, words, "\(from)-\(to)", sourceText, targetText)
            }
        }
    }

    /// `counterpartLinks`, which reads the store's verdicts for a whole pair at once and keeps the
    /// new ones, links exactly the content words `areCounterparts` pairs, in the words' order:
    /// with the memo empty (verdicts made) and filled (verdicts read back), both ways, on a
    /// thousand real pairs. The words' facts found again in the store's table (`ASCIIWordFacts.find`)
    /// are the ones kept the first time.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func counterpartLinksAreEveryComparisonsVerdict() throws {
        let pairs = try Self.realPairs()
        #expect(pairs.count > 900)
        for (from, to) in [("en", "de"), ("de", "en")] {
            let lexicon = Lexicon.shared(source: from, target: to)
            let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: from, target: to))
            // One walk's working memory for every pair, as a walk lends it: its buffer is reused by
            // pairs of every length, and its one-link lists are shared among them.
            let scratch = AlignmentScratch()
            for round in 0..<2 {
                for (english, german) in pairs {
                    let (sourceText, targetText) = from == "en" ? (english, german) : (german, english)
                    let sentenceSource = SentenceWord.words(in: sourceText, language: from)
                    let sentenceTarget = SentenceWord.words(in: targetText, language: to)
                    let source = words.words(of: sentenceSource, side: .source)
                    let target = words.words(of: sentenceTarget, side: .target)
                    var expectedSource = [[Int]](repeating: [], count: source.count)
                    var expectedTarget = [[Int]](repeating: [], count: target.count)
                    for i in source.indices where source[i].isContent {
                        for j in target.indices where target[j].isContent && LexicalAlignment.areCounterparts(source[i].info, target[j].info) {
                            expectedSource[i].append(j)
                            expectedTarget[j].append(i)
                        }
                    }
                    let (sourceLinks, targetLinks) = words.counterpartLinks(source, target)
                    #expect(sourceLinks == expectedSource && targetLinks == expectedTarget, "round \(round) \(from)-\(to): \(sourceText) | \(targetText)")
                    let lent = words.counterpartLinks(source, target, scratch: scratch)
                    #expect(lent.0 == expectedSource && lent.1 == expectedTarget, "scratch, round \(round) \(from)-\(to): \(sourceText) | \(targetText)")
                    // Looked up again, every word finds the facts it was given, and none is made
                    // (a joined separable verb's facts are made each time, kept nowhere, of one info).
                    let kept = (words.keptFactsCount(side: .source), words.keptFactsCount(side: .target))
                    let again = (words.words(of: sentenceSource, side: .source), words.words(of: sentenceTarget, side: .target))
                    #expect((words.keptFactsCount(side: .source), words.keptFactsCount(side: .target)) == kept)
                    let thrice = (words.words(of: sentenceSource, side: .source), words.words(of: sentenceTarget, side: .target))
                    for (first, second) in [(again.0, thrice.0), (again.1, thrice.1)] {
                        #expect(first.count == second.count)
                        for (a, b) in zip(first, second) {
                            let same = a.facts === b.facts
                                || a.facts.id == WordInfo.unmemoized && b.facts.id == WordInfo.unmemoized && a.info === b.info
                            #expect(same && a.range == b.range && a.isContent == b.isContent
                                    && a.isNameOrNumber == b.isNameOrNumber, "\(a.text) \(b.text)")
                        }
                    }
                    for (written, word) in zip(sentenceSource, again.0) { #expect(word.text == written.text, "\(written.written)") }
                    for (written, word) in zip(sentenceTarget, again.1) { #expect(word.text == written.text, "\(written.written)") }
                }
            }
            #expect(words.counterpartCount > 1_000)
        }
    }

    /// A walk's working memory: one-link lists of their index (past the limit too), shared; the
    /// buffer zeroed as far as asked however it was left, at least that long, kept within its limit.
    @Test func alignmentScratchLendsZeroedBuffersAndOneLinkLists() {
        let scratch = AlignmentScratch()
        var lists = scratch.takeOneLinkLists()
        for index in [0, 5, 3, 4095, 4096, 10_000] { #expect(lists.list(of: index) == [index]) }
        scratch.giveBack([], lists)
        // Given back, the lists are the next pair's: the same list of an index.
        lists = scratch.takeOneLinkLists()
        let first = lists.list(of: 7), second = lists.list(of: 7)
        #expect(first.withUnsafeBufferPointer { $0.baseAddress } == second.withUnsafeBufferPointer { $0.baseAddress })
        scratch.giveBack([], lists)
        var generator = SystemRandomNumberGenerator()
        for count in [1, 10, 3, 500, 20, AlignmentScratch.figuresLimit + 1, 40, 0, 64] + (0..<50).map({ _ in Int.random(in: 0...2_000, using: &generator) }) {
            var taken = scratch.takeFigures(zeroing: count)
            #expect(taken.count >= count && taken.prefix(count).allSatisfy { $0 == 0 }, "\(count)")
            // Left dirty, as a pair leaves it.
            for index in taken.indices { taken[index] = UInt64(index) &+ 1 }
            // Lent already: a buffer of its own.
            let other = scratch.takeFigures(zeroing: 3)
            #expect(other.count == 3 && other.allSatisfy { $0 == 0 })
            scratch.giveBack(taken, scratch.takeOneLinkLists())
        }
        var big = scratch.takeFigures(zeroing: AlignmentScratch.figuresLimit + 1)
        big[0] = 1
        scratch.giveBack(big, scratch.takeOneLinkLists())
        // Past the limit nothing was kept: the next buffer is made at its size.
        #expect(scratch.takeFigures(zeroing: 2).count == 2)
    }

    /// `gapLinks` written plainly, the reference its faster form is compared with: every pair of
    /// words without a counterpart asked directly (no memo), every word's list made anew.
    static func referenceGapLinks(_ pair: LexicalAlignment, compounds: (source: Bool, target: Bool)) -> ([[Int]], [[Int]]) {
        let source = pair.source, target = pair.target
        var sourceLinks = pair.sourceLinks, targetLinks = pair.targetLinks
        for i in source.indices where source[i].isContent && pair.sourceLinks[i].isEmpty {
            for j in target.indices where target[j].isContent && pair.targetLinks[j].isEmpty {
                let holds = compounds.source && LexicalAlignment.compound(source[i], length: LexicalAlignment.compoundLength(source[i]), holds: target[j])
                    || compounds.target && LexicalAlignment.compound(target[j], length: LexicalAlignment.compoundLength(target[j]), holds: source[i])
                let sharesFigures = !source[i].figures.isEmpty && source[i].figures == target[j].figures && source[i].text != target[j].text
                if sharesFigures || holds {
                    sourceLinks[i].append(j)
                    targetLinks[j].append(i)
                }
            }
        }
        func distance(_ i: Int, _ j: Int) -> Double {
            abs((Double(i) + 0.5) / Double(max(source.count, 1)) - (Double(j) + 0.5) / Double(max(target.count, 1)))
        }
        var keptSource = [[Int]](repeating: [], count: source.count), keptTarget = [[Int]](repeating: [], count: target.count)
        var ordered: [(i: Int, j: Int, d: Double)] = []
        for (i, links) in sourceLinks.enumerated() {
            for j in links {
                if links.count == 1, targetLinks[j].count == 1 {
                    keptSource[i].append(j)
                    keptTarget[j].append(i)
                } else {
                    ordered.append((i, j, distance(i, j)))
                }
            }
        }
        ordered.sort { ($0.d, $0.i, $0.j) < ($1.d, $1.i, $1.j) }
        var sourceGave = [Bool](repeating: false, count: source.count), targetGave = [Bool](repeating: false, count: target.count)
        var sourceTaken = [Bool](repeating: false, count: source.count), targetTaken = [Bool](repeating: false, count: target.count)
        for link in ordered {
            if !sourceGave[link.i], !targetTaken[link.j] {
                sourceGave[link.i] = true; targetTaken[link.j] = true
                keptTarget[link.j].append(link.i)
            }
            if !targetGave[link.j], !sourceTaken[link.i] {
                targetGave[link.j] = true; sourceTaken[link.i] = true
                keptSource[link.i].append(link.j)
            }
        }
        for link in ordered {
            if !sourceGave[link.i] { sourceGave[link.i] = true; keptTarget[link.j].append(link.i) }
            if !targetGave[link.j] { targetGave[link.j] = true; keptSource[link.i].append(link.j) }
        }
        return (keptSource, keptTarget)
    }

    /// The gap links of a thousand real pairs, both ways, with compounds read through their parts
    /// and without, are the plain reading's (`referenceGapLinks`), including the pairs whose
    /// words compete for counterparts.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func gapLinksAreThePlainReadings() throws {
        var competing = 0
        try Self.forEachRealAlignment { pair, words, direction, sourceText, targetText in
            for readingCompounds in [false, true] {
                let links = pair.gapLinks(readingCompounds: readingCompounds, memo: words)
                let reference = Self.referenceGapLinks(pair, compounds: links.compounds)
                #expect(links.source == reference.0 && links.target == reference.1,
                        "\(direction) compounds \(readingCompounds): \(sourceText) | \(targetText)")
            }
            if pair.sourceLinks.contains(where: { $0.count > 1 }) || pair.targetLinks.contains(where: { $0.count > 1 }) { competing += 1 }
        }
        #expect(competing > 100)
    }

    /// A reading of the gap links taken from the pair's other reading (`gapLinks(readingCompounds:memo:known:)`,
    /// as `meaning.omission` and `meaning.addition` share them) is the plain reading, whichever of
    /// the two was made first, on a thousand real pairs both ways; and the shortcut is taken, on
    /// most pairs, so that the comparison tests it.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func gapLinksFromTheOtherReadingAreThePlainReadings() throws {
        var nothingHeld = 0, held = 0
        try Self.forEachRealAlignment { pair, words, direction, sourceText, targetText in
            for readingCompounds in [false, true] {
                let first = pair.gapLinks(readingCompounds: !readingCompounds, memo: words)
                let links = pair.gapLinks(readingCompounds: readingCompounds, memo: words, known: first)
                let reference = Self.referenceGapLinks(pair, compounds: links.compounds)
                #expect(links.source == reference.0 && links.target == reference.1,
                        "\(direction) compounds \(readingCompounds) after the other reading: \(sourceText) | \(targetText)")
                let alone = pair.gapLinks(readingCompounds: readingCompounds, memo: words)
                #expect(links.compoundsLinked == alone.compoundsLinked, "\(sourceText)")
            }
            if pair.gapLinks(readingCompounds: true, memo: words).compoundsLinked { held += 1 } else { nothingHeld += 1 }
        }
        #expect(nothingHeld > 100 && held > 0, "\(nothingHeld) pairs with no compound holding a word, \(held) with one")
    }

    /// The store's antonym verdicts are kept by the two words' ids and read back for a whole
    /// English word.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func antonymVerdictsAreKeptByWord() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        let pair = try #require(LexicalAlignment(source: "Die Preise sind gestiegen.", target: "Prices have decreased.", words: words))
        let english = pair.target[0].info
        #expect(words.antonymVerdicts(english: english, others: pair.source).allSatisfy { $0 == nil })
        words.noteAntonymVerdicts(english: english, [(pair.source[1].info, true), (pair.source[0].info, false)])
        #expect(words.antonymVerdicts(english: english, others: pair.source) == [false, true, nil, nil])
    }

    /// The antonym verdicts of a whole sentence read at once (`antonymVerdicts`, every key's first
    /// slot loaded before any is compared) are the verdicts noted, word by word, on real pairs:
    /// for each English word, half of the other side's words noted (alternately yes and no), the
    /// rest never, with the table grown past its first size on the way.
    @Test(.enabled(if: OptionalResource.freeDict && OptionalResource.sharedData,
                   Comment(rawValue: OptionalResource.freeDictMissing + " " + OptionalResource.sharedDataMissing)))
    func antonymVerdictsReadAtOnceAreTheNotedOnes() throws {
        let lexicon = Lexicon.shared(source: "de", target: "en")
        let words = try #require(try AlignmentWords.make(lexicon: lexicon, source: "de", target: "en"))
        var noted: [UInt64: Bool] = [:]
        var asked = 0
        // Read as `meaning.antonym` reads them too: into one buffer, reused by every English
        // word of a pair and by pairs of every length (`readAntonymVerdicts`).
        var buffer: [UInt64] = []
        // 250 pairs keep fewer verdicts than the table's bound (`counterpartsCapacity`), past which none is kept.
        for (index, (english, german)) in try Self.realPairs().prefix(250).enumerated() {
            let pair = try #require(LexicalAlignment(source: german, target: english, words: words))
            for (position, e) in pair.target.enumerated() where e.infoID != WordInfo.unmemoized {
                let toNote = pair.source.indices.filter { ($0 + position + index) % 2 == 0 }
                    .map { (other: pair.source[$0].info, shares: ($0 + index) % 3 == 0) }
                words.noteAntonymVerdicts(english: e.info, toNote)
                for verdict in toNote where verdict.other.id != WordInfo.unmemoized {
                    let key = UInt64(e.infoID) << 32 | UInt64(verdict.other.id)
                    if noted[key] == nil { noted[key] = verdict.shares }
                }
                let expected = pair.source.map { o -> Bool? in
                    o.infoID == WordInfo.unmemoized ? nil : noted[UInt64(e.infoID) << 32 | UInt64(o.infoID)]
                }
                #expect(words.antonymVerdicts(english: e.info, others: pair.source) == expected, "\(english) | \(german)")
                words.readAntonymVerdicts(english: e.infoID, others: pair.source, into: &buffer)
                let count = pair.source.count
                #expect(buffer.count == 2 * count && pair.source.indices.map { position -> Bool? in
                    buffer[count + position] == 0 ? nil : buffer[count + position] == 2
                } == expected, "buffer: \(english) | \(german)")
                asked += 1
            }
        }
        #expect(asked > 2_000 && noted.count > 8_192)
    }

    /// What a word's facts keep of its info (`WordFacts.isKnown`, `hasOwnAntonyms`), which the
    /// alignment counts and `meaning.antonym` read instead of the info, is the info's answer for
    /// every word of a thousand real pairs both ways; and the counts `garbled.sentence` reads
    /// (`AlignmentCounts`) are those counted through the infos.
    @Test(.enabled(if: OptionalResource.freeDict && OptionalResource.sharedData,
                   Comment(rawValue: OptionalResource.freeDictMissing + " " + OptionalResource.sharedDataMissing)))
    func wordFactsAnswerAsTheirInfos() throws {
        var known = 0, withAntonyms = 0
        func counted(_ words: [LexicalAlignment.Word], _ links: [[Int]]) -> (Int, Int) {
            let content = words.indices.filter { words[$0].isContent && words[$0].info.isKnown }
            return (content.count, content.filter { !links[$0].isEmpty }.count)
        }
        try Self.forEachRealAlignment { pair, _, _, sourceText, _ in
            for word in pair.source + pair.target {
                #expect(word.isKnown == word.info.isKnown && word.facts.hasOwnAntonyms == !word.info.ownAntonyms.isEmpty,
                        "\(word.text)")
                if word.isKnown { known += 1 }
                if word.facts.hasOwnAntonyms { withAntonyms += 1 }
            }
            let counts = AlignmentCounts(pair)
            let (sourceKnown, sourceAligned) = counted(pair.source, pair.sourceLinks)
            let (targetKnown, targetAligned) = counted(pair.target, pair.targetLinks)
            #expect(counts.sourceKnown == sourceKnown && counts.sourceAligned == sourceAligned
                    && counts.targetKnown == targetKnown && counts.targetAligned == targetAligned, "\(sourceText)")
        }
        #expect(known > 10_000 && withAntonyms > 1_000)
    }

    /// `mayLeaveGapRun`, which lets `meaning.omission` and `meaning.addition` skip making the gap
    /// links: on every real pair, both ways, where it says no, neither reading of the gap links
    /// leaves a run of that many words on that side (for one word, two and three); and it says no
    /// for most pairs.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func noGapRunWhereThePlainLinksLeaveNone() throws {
        var skipped = 0, asked = 0
        try Self.forEachRealAlignment { pair, words, direction, sourceText, targetText in
            for side in [LexicalAlignment.Side.source, .target] {
                let text = side == .source ? sourceText : targetText
                for minimumRun in 1...3 {
                    asked += 1
                    guard !pair.mayLeaveGapRun(on: side, minimumRun: minimumRun) else { continue }
                    skipped += 1
                    for readingCompounds in [false, true] {
                        let links = pair.gapLinks(readingCompounds: readingCompounds, memo: words)
                        #expect(pair.unalignedRuns(on: side, text: text, otherText: nil, lengthFit: nil, links: links,
                                                   minimumRun: minimumRun).isEmpty,
                                "\(direction) \(side) \(minimumRun) \(readingCompounds): \(sourceText) | \(targetText)")
                    }
                }
            }
        }
        #expect(skipped > asked / 4, "\(skipped) of \(asked)")
    }
}
