import Foundation
import LectorICU
import LectorText
import LectorLexicon

/// The words of a sentence pair linked through the bilingual lexicon: a source word and a
/// translation word are counterparts when one is a dictionary translation of the other's lemma (in
/// either direction), when they are written alike (identical strings, digits, transliterated names,
/// cognates sharing a long prefix), or when a dictionary translation is such a cognate.
///
/// Dictionaries are incomplete (FreeDict covers roughly half of the content words of news text), so
/// an unaligned word alone proves nothing; the rules built on this (`meaning.omission`,
/// `meaning.addition`, `meaning.antonym`, the "nothing in common" condition of `garbled.sentence`)
/// weigh how well the rest of the sentence aligned. Function words (`Resources/Meaning/function-words.txt`)
/// are never evidence.
struct LexicalAlignment {
    /// One word of either side.
    /// Holds its word's facts (`AlignmentWords.WordFacts`, one object per word of the store)
    /// rather than their strings and info: making and copying a word costs one reference count,
    /// not three (a tenth of aligning a pair were those counts).
    struct Word {
        let facts: AlignmentWords.WordFacts
        /// UTF-16 range in its sentence.
        let range: Range<Int>
        /// A word the alignment weighs: not a function word, not a single letter.
        let isContent: Bool
        /// Capitalized inside the sentence, or written with digits.
        let isNameOrNumber: Bool

        /// Lower-cased, as written.
        var text: String { facts.text }
        var info: WordInfo { facts.info }
        /// `info.id`, read off the facts (`WordFacts.infoID`).
        var infoID: UInt32 { facts.infoID }
        /// `info.isKnown`, read off the facts (`WordFacts.isKnown`).
        var isKnown: Bool { facts.isKnown }
        /// The figures the word holds (`figures(of:)`), empty when none: read once per word of
        /// the store, since `gapLinks` compares them for every pair of unlinked words.
        var figures: String { facts.figures }
    }

    let source: [Word]
    let target: [Word]
    /// For each source word, the target words it is aligned with (indices into `target`).
    let sourceLinks: [[Int]]
    /// For each target word, the source words it is aligned with.
    let targetLinks: [[Int]]
    /// Whether each side's language writes compounds as one word (`Weichteilästhetik`).
    let sourceCompounds: Bool
    let targetCompounds: Bool

    /// Aligns one sentence pair; `nil` when either language is written without spaces (Japanese,
    /// Chinese), which the word lists here cannot read.
    init?(source sourceText: String, target targetText: String, words: AlignmentWords) {
        self.init(source: SentenceWord.words(in: sourceText, language: words.sourceLanguage),
                  target: SentenceWord.words(in: targetText, language: words.targetLanguage), words: words)
    }

    /// Aligns one sentence pair already split into words (`SentenceWord.words` in each side's language).
    /// `scratch`: the working memory of the pair walk it is made in (`counterpartLinks`).
    init?(source sourceWords: [SentenceWord], target targetWords: [SentenceWord], words: AlignmentWords,
          scratch: AlignmentScratch? = nil) {
        guard words.writesWithSpaces else { return nil }
        source = words.words(of: sourceWords, side: .source)
        target = words.words(of: targetWords, side: .target)
        (sourceLinks, targetLinks) = words.counterpartLinks(source, target, scratch: scratch)
        sourceCompounds = words.sourceCompounds
        targetCompounds = words.targetCompounds
    }

    /// The links a run of unaligned words is read from. `meaning.antonym` and `garbled.sentence`
    /// keep the plain links; a gap is a claim that nothing accounts for a phrase, so here:
    /// - a word is also the counterpart of a word with the same figures (`33jährigen` / `33`) and
    ///   of a compound that holds it or one of its translations (`Weichteilästhetik` holds `weich`,
    ///   a translation of `soft`), which dictionaries do not list;
    /// - a word linked with several words of the other side supports only one of them, the
    ///   nearest by relative position that no nearer word took, so the second `Regierung` of a
    ///   source whose translation says `government` once, in a dropped clause, is a gap, while two
    ///   `Patienten` and two `patients` each find one.
    ///
    /// `memo`, the store the words came from, keeps what `compound(_:length:holds:)` answered for
    /// two words, for the next pair with the same two.
    ///
    /// `withoutCompounds`, this pair's links read with no compounds, if made: when no compound
    /// holds a word of the other side, the only links added are those of shared figures, which that
    /// reading added too (between the same words, in the same order), so its links are these ones,
    /// returned as they are rather than ranked again. `heldAny` says whether a compound held a word.
    static func gapLinks(source: [Word], target: [Word], sourceLinks: [[Int]], targetLinks: [[Int]],
                         sourceCompounds: Bool, targetCompounds: Bool, memo: AlignmentWords? = nil,
                         withoutCompounds: ([[Int]], [[Int]])? = nil) -> (source: [[Int]], target: [[Int]], heldAny: Bool) {
        let plainSourceLinks = sourceLinks, plainTargetLinks = targetLinks
        var sourceLinks = sourceLinks, targetLinks = targetLinks
        // Only between words the dictionary left both without counterpart: a compound that holds
        // a short translation by accident must not take a word from its real counterpart.
        // Each word's figures once, not once per word pair of the nested loop below.
        // Character counts of the words a compound may be (`compound(_:length:holds:)`), each once.
        let sourceLengths = sourceCompounds ? source.map(Self.compoundLength) : []
        let targetLengths = targetCompounds ? target.map(Self.compoundLength) : []
        // Words by index, not copied out of the arrays (each copy of a word is three reference
        // counts); without compounds only words with figures can link here.
        let readsCompounds = sourceCompounds || targetCompounds
        let unlinkedSource = source.indices.filter {
            source[$0].isContent && plainSourceLinks[$0].isEmpty && (readsCompounds || !source[$0].figures.isEmpty)
        }
        let unlinkedTarget = target.indices.filter {
            target[$0].isContent && plainTargetLinks[$0].isEmpty && (readsCompounds || !target[$0].figures.isEmpty)
        }
        // Which long word of each side holds which word of the other (`compound`), asked of
        // the memo for the whole pair at once: a German compound was searched for the same
        // translations pair after pair. Words under eight characters hold none.
        var sourceHolds: [(compound: Int, other: Int)] = [], targetHolds: [(compound: Int, other: Int)] = []
        for i in unlinkedSource {
            for j in unlinkedTarget {
                if sourceCompounds, sourceLengths[i] >= 8 { sourceHolds.append((i, j)) }
                if targetCompounds, targetLengths[j] >= 8 { targetHolds.append((j, i)) }
            }
        }
        func verdicts(_ asked: [(compound: Int, other: Int)], _ compounds: [Word], _ lengths: [Int], _ others: [Word]) -> [Bool] {
            guard !asked.isEmpty else { return [] }
            return memo?.compoundVerdicts(asked, compounds: compounds, lengths: lengths, others: others)
                ?? asked.map { Self.compound(compounds[$0.compound], length: lengths[$0.compound], holds: others[$0.other]) }
        }
        // In the order they were asked: by source word, then by target word.
        let sourceHolding = verdicts(sourceHolds, source, sourceLengths, target)
        let targetHolding = verdicts(targetHolds, target, targetLengths, source)
        let heldAny = sourceHolding.contains(true) || targetHolding.contains(true)
        if !heldAny, let withoutCompounds { return (withoutCompounds.0, withoutCompounds.1, false) }
        var nextSource = 0, nextTarget = 0
        for i in unlinkedSource {
            for j in unlinkedTarget {
                var holds = false
                if sourceCompounds, sourceLengths[i] >= 8 { holds = sourceHolding[nextSource]; nextSource += 1 }
                if targetCompounds, targetLengths[j] >= 8 { holds = holds || targetHolding[nextTarget]; nextTarget += 1 }
                let sharesFigures = !source[i].figures.isEmpty && source[i].figures == target[j].figures && source[i].text != target[j].text
                if sharesFigures || holds {
                    sourceLinks[i].append(j)
                    targetLinks[j].append(i)
                }
            }
        }
        // Every word with one link at most: each link is its two words' only one, kept as it
        // is (below), so the links are the plain ones with those just added.
        if sourceLinks.allSatisfy({ $0.count <= 1 }), targetLinks.allSatisfy({ $0.count <= 1 }) {
            return (sourceLinks, targetLinks, heldAny)
        }
        func position(_ index: Int, of count: Int) -> Double { (Double(index) + 0.5) / Double(max(count, 1)) }
        func distance(_ i: Int, _ j: Int) -> Double { abs(position(i, of: source.count) - position(j, of: target.count)) }
        // Each word supports one word of the other side: the nearest one that no nearer word has
        // taken (links in order of distance), so that of two `patients` and two `Patienten` each
        // finds one, even when both are nearer the same one; a word whose every candidate was
        // taken supports its nearest, as if alone (the second `Regierung` supports the one
        // `government`, which does not make it aligned).
        var keptSource = [[Int]](filling: [], count: source.count)
        var keptTarget = [[Int]](filling: [], count: target.count)
        // A link between two words that have no other is kept as it is: nothing competes for
        // either, so their lists (each that one link) are kept, not made again. Only the others
        // are ordered by distance (most pairs have few of them).
        var ordered: [RankedLink] = []
        // Room for every link at once: grown link by link, the list was made two or three times
        // over for a pair with several.
        var linkCount = 0
        for i in sourceLinks.indices { linkCount += sourceLinks[i].count }
        ordered.reserveCapacity(linkCount)
        for i in sourceLinks.indices {
            let links = sourceLinks[i]
            for j in links {
                if links.count == 1, targetLinks[j].count == 1 {
                    keptSource[i] = links
                    keptTarget[j] = targetLinks[j]
                } else {
                    ordered.append(RankedLink(i: i, j: j, d: distance(i, j)))
                }
            }
        }
        ordered.sort { $0.d != $1.d ? $0.d < $1.d : ($0.i != $1.i ? $0.i < $1.i : $0.j < $1.j) }
        // Per word: whether it gave its support (`gave`), and whether a word of the other side
        // supports it (`taken`); two arrays of flags rather than four of booleans.
        let gave: UInt8 = 1, taken: UInt8 = 2
        var sourceState = [UInt8](filling: 0, count: source.count), targetState = [UInt8](filling: 0, count: target.count)
        for link in ordered {
            // The source word supports the target word (the target word is aligned through it).
            if sourceState[link.i] & gave == 0, targetState[link.j] & taken == 0 {
                sourceState[link.i] |= gave; targetState[link.j] |= taken
                keptTarget[link.j].append(link.i)
            }
            if targetState[link.j] & gave == 0, sourceState[link.i] & taken == 0 {
                targetState[link.j] |= gave; sourceState[link.i] |= taken
                keptSource[link.i].append(link.j)
            }
        }
        for link in ordered {
            if sourceState[link.i] & gave == 0 { sourceState[link.i] |= gave; keptTarget[link.j].append(link.i) }
            if targetState[link.j] & gave == 0 { targetState[link.j] |= gave; keptSource[link.i].append(link.j) }
        }
        return (keptSource, keptTarget, heldAny)
    }

    /// A link of `gapLinks` that competes with others, with its words' distance by relative
    /// position: a struct, where an array of tuples had its type looked up at run time each pair.
    private struct RankedLink {
        let i: Int
        let j: Int
        let d: Double
    }

    /// The links gaps are read from (`gapLinks`), and whether compounds were read through their
    /// parts on each side: two readings with the same flags are the same links.
    struct GapLinks {
        let source: [[Int]]
        let target: [[Int]]
        let compounds: (source: Bool, target: Bool)
        /// Whether a compound held a word of the other side (`compound(_:length:holds:)`), which
        /// only reading compounds links; when none did, these are the links read without them.
        let compoundsLinked: Bool
    }

    /// This pair's `gapLinks`, with compounds read through their parts when `readingCompounds`
    /// and the side's language writes them.
    ///
    /// `known`, another reading of this pair's links already made (`meaning.omission` reads
    /// without compounds, `meaning.addition` with them): a reading with compounds in which none
    /// held a word is the reading without them, so the one is taken from the other rather than
    /// ranked again.
    func gapLinks(readingCompounds: Bool, memo: AlignmentWords? = nil, known: GapLinks? = nil) -> GapLinks {
        let compounds = (source: readingCompounds && sourceCompounds, target: readingCompounds && targetCompounds)
        let readsCompounds = compounds.source || compounds.target
        if let known {
            if known.compounds == compounds { return known }
            if !readsCompounds, !known.compoundsLinked {
                return GapLinks(source: known.source, target: known.target, compounds: compounds, compoundsLinked: false)
            }
        }
        let plain = known.flatMap { $0.compounds.source || $0.compounds.target ? nil : ($0.source, $0.target) }
        let made = Self.gapLinks(source: source, target: target, sourceLinks: sourceLinks, targetLinks: targetLinks,
                                 sourceCompounds: compounds.source, targetCompounds: compounds.target, memo: memo,
                                 withoutCompounds: plain)
        return GapLinks(source: made.source, target: made.target, compounds: compounds, compoundsLinked: made.heldAny)
    }

    /// Whether the gap links (`gapLinks`, either reading) may leave a run of `minimumRun` content
    /// words without counterpart on `side`, read off the plain links without making them: most
    /// pairs have no such run, and the gap links were made for every pair.
    ///
    /// The gap links add links only between words the plain ones left both without counterpart,
    /// and keep a link whose two words have no other as it is: a word with one plain link, whose
    /// counterpart has no other, stays aligned. Every other word (without a link, or one of a
    /// word's several, which ranking may take away) is counted as if it had none, so a run of
    /// the gap links lies within a run counted here.
    func mayLeaveGapRun(on side: Side, minimumRun: Int) -> Bool {
        let words = side == .source ? source : target
        let links = side == .source ? sourceLinks : targetLinks
        let otherLinks = side == .source ? targetLinks : sourceLinks
        // As `unalignedRuns` counts runs: content words in order, an aligned one ends a run.
        let leastRun = max(minimumRun, 1)
        var run = 0
        for index in words.indices where words[index].isContent {
            if links[index].count == 1, otherLinks[links[index][0]].count == 1 {
                run = 0
            } else {
                run += 1
                if run >= leastRun { return true }
            }
        }
        return false
    }

    /// The figures a word holds (`33` of `33jährigen`), empty when none.
    static func figures(of text: String) -> String {
        // Most words hold none: answered without building a string (`Latin1ScalarProperties.isNumeric`
        // is `numericType != nil`).
        guard hasFigures(text) else { return "" }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(Latin1ScalarProperties.isNumeric)))
    }

    /// Whether a scalar of `text` is numeric (`Latin1ScalarProperties.isNumeric`). ASCII text,
    /// most words, is read on its bytes: there only `0`–`9` are numeric.
    static func hasFigures(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x30 && byte <= 0x39 { return true }
        }
        return !ascii && text.unicodeScalars.contains(where: Latin1ScalarProperties.isNumeric)
    }

    /// A word's length in characters where `compound(_:length:holds:)` needs it (eight or more),
    /// 0 for shorter words; a word has at least as many UTF-8 bytes as characters.
    static func compoundLength(_ word: Word) -> Int { word.facts.compoundLength }

    /// `compoundLength` of a word's lower-cased text (once per word of the store, in its facts).
    static func compoundLength(of text: String) -> Int {
        text.utf8.count >= 8 ? text.count : 0
    }

    /// A long word of a compounding language that holds the other word (five letters or more
    /// of a Latin spelling: `sepsis` in `Sepsistherapie`) or one of its
    /// translations (`weich`, for `soft`, in `Weichteilästhetik`); `length` is the word's
    /// `compoundLength`.
    static func compound(_ word: Word, length: Int, holds other: Word) -> Bool {
        guard length >= 8 else { return false }
        if let latin = other.info.latin, latin.count >= 5, other.info.latin != word.info.latin, contains(word.info.latin ?? word.text, latin) { return true }
        let textIsASCII = isASCII(word.text)
        return other.info.translations.contains { translation in
            let bytes = translation.utf8.count
            guard bytes >= 4 else { return false }
            // An ASCII string has a character per byte.
            let characters = isASCII(translation) ? bytes : translation.count
            return characters >= 4 && characters < length && contains(word.text, translation, textIsASCII: textIsASCII)
        }
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// `text.contains(part)`, Foundation's search, which compares canonically: between two ASCII
    /// strings that is comparing bytes, done here without Foundation's UTF-16 copies (a long
    /// German word against every translation of every unaligned English word of its pair).
    static func contains(_ text: String, _ part: String, textIsASCII: Bool? = nil) -> Bool {
        guard textIsASCII ?? isASCII(text), isASCII(part) else { return text.contains(part) }
        guard !part.isEmpty else { return text.contains(part) }
        var text = text, part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard needle.count <= haystack.count else { return false }
                for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
                    if memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return true }
                }
                return false
            }
        }
    }

    /// Each test of two sets is asked only where their signatures (`WordInfo.Signature`) meet:
    /// most word pairs are no counterparts, and each of the six tests hashed strings.
    static func areCounterparts(_ s: WordInfo, _ t: WordInfo) -> Bool {
        if s.folded == t.folded { return true }
        if s.translationSignature.meets(t.lemmaSignature),
           !s.translations.isDisjoint(with: t.lemmas) || !s.translationSynonyms.isDisjoint(with: t.lemmas) { return true }
        if t.translationSignature.meets(s.lemmaSignature),
           !t.translations.isDisjoint(with: s.lemmas) || !t.translationSynonyms.isDisjoint(with: s.lemmas) { return true }
        if let a = s.cognateKey, let b = t.cognateKey, a == b { return true }
        if s.translationCognateSignature.meets(t.lemmaCognateSignature),
           !s.translationCognates.isDisjoint(with: t.lemmaCognates) { return true }
        if t.translationCognateSignature.meets(s.lemmaCognateSignature),
           !t.translationCognates.isDisjoint(with: s.lemmaCognates) { return true }
        if s.isCapitalized || t.isCapitalized, let a = s.latin, let b = t.latin, a.count >= 4, b.count >= 4,
           NamesMissingRule.isClose(a, b) || NamesMissingRule.isClose(b, a) {
            return true
        }
        return false
    }

    // MARK: - Spans

    /// A run of content words of one side without counterpart, and how unlikely such a run is by
    /// chance given how well the rest of the sentence aligned.
    struct UnalignedSpan {
        /// Indices of the side's words, first to last, function words inside included.
        let words: Range<Int>
        /// The content words of the run.
        let contentCount: Int
        /// UTF-16 range in the sentence, from the first word of the span to the last.
        let range: Range<Int>
        /// Chance that a run like this, anywhere in the sentence, is a gap of the dictionary rather
        /// than of the translation.
        let chance: Double
        /// Share of the other content words of the side that aligned.
        let restCoverage: Double
        /// Content words of the side outside the run (outside its whole run, for a stretch of one).
        let restCount: Int
        /// How much better the sentence lengths fit if the span is a real gap of the other side
        /// (`LengthFit.evidence`); 1 when the pair's usual length ratio is unknown.
        var lengthEvidence = 1.0
        /// Words of the other side without counterpart between the counterparts of the run's
        /// aligned neighbours, where the run's translation would stand: each may be a paraphrase of it.
        var otherNear = 0

        /// The chance weighed by the length evidence and, `paraphraseWeight` times for each word
        /// of `otherNear`, by the chance that the run was translated in words no dictionary links:
        /// what the rules compare with their threshold.
        func weighedChance(paraphraseWeight: Double) -> Double {
            chance / lengthEvidence * pow(paraphraseWeight, Double(otherNear))
        }
    }

    enum Side { case source, target }

    /// The least likely run of unaligned content words of one side with at least `minimumRun`
    /// content words and `minimumRest` elsewhere, if any. A run may hold function words but no
    /// aligned content word; it is widened to the function words before it up to the previous
    /// punctuation, so that the message quotes the phrase (`sowie der russischen Herrschaft`).
    ///
    /// With `lengthFit` (the pair's usual length ratio) and the other side's text, each run is
    /// also weighed by how well the two lengths fit once the run is taken as missing on the other
    /// side, and by the other side's unaligned words where the run would stand
    /// (`UnalignedSpan.weighedChance`). Runs are read from `gapLinks`, with compounds read
    /// through their parts when `readingCompounds`. `links` are made only where the plain links
    /// may leave such a run (`mayLeaveGapRun`), which most pairs do not.
    func leastLikelyGap(on side: Side, text: String, otherText: String, lengthFit: LengthFit?, minimumRun: Int, minimumRest: Int,
                        paraphraseWeight: Double, links: @autoclosure () -> GapLinks) -> UnalignedSpan? {
        guard mayLeaveGapRun(on: side, minimumRun: minimumRun) else { return nil }
        return unalignedRuns(on: side, text: text, otherText: otherText, lengthFit: lengthFit, links: links(),
                             minimumRun: minimumRun, minimumRest: minimumRest)
            .min { $0.weighedChance(paraphraseWeight: paraphraseWeight) < $1.weighedChance(paraphraseWeight: paraphraseWeight) }
    }

    /// Every run of unaligned content words of one side (and every stretch of one) with at least
    /// `minimumRun` content words and `minimumRest` outside its run, unweighed by the other side's
    /// words.
    func unalignedRuns(on side: Side, text: String, otherText: String?, lengthFit: LengthFit?, links gapLinks: GapLinks,
                       minimumRun: Int = 0, minimumRest: Int = 0) -> [UnalignedSpan] {
        let words = side == .source ? source : target
        let otherWords = side == .source ? target : source
        let (gapSourceLinks, gapTargetLinks) = (gapLinks.source, gapLinks.target)
        let links = side == .source ? gapSourceLinks : gapTargetLinks
        let otherLinks = side == .source ? gapTargetLinks : gapSourceLinks
        // A stretch needs a run of at least `minimumRun` content words (one at least) with
        // `minimumRest` outside it: the shortest run that long is the one most likely to have
        // them. Most sentences have no such run, which one pass over the words settles before
        // any of the arrays below is made.
        let leastRun = max(minimumRun, 1)
        var contentCount = 0, currentRun = 0, shortestRun = Int.max
        for index in words.indices where words[index].isContent {
            contentCount += 1
            if links[index].isEmpty {
                currentRun += 1
            } else {
                if currentRun >= leastRun { shortestRun = min(shortestRun, currentRun) }
                currentRun = 0
            }
        }
        if currentRun >= leastRun { shortestRun = min(shortestRun, currentRun) }
        guard shortestRun != Int.max, contentCount - shortestRun >= minimumRest else { return [] }
        let content = words.indices.filter { words[$0].isContent }
        guard !content.isEmpty else { return [] }
        var runs: [[Int]] = []
        var current: [Int] = []
        for index in content {
            if links[index].isEmpty { current.append(index) } else if !current.isEmpty { runs.append(current); current = [] }
        }
        if !current.isEmpty { runs.append(current) }
        // Every stretch of a run is weighed too: a dictionary gap next to the real one (`unknown`
        // before an added `as the local press reported on Monday`) would otherwise count in the
        // run's length, and a run that long does not fit the pair's lengths when taken out. The
        // rest a stretch needs (`minimumRest`) is still counted outside the whole run: the other
        // words of its own run are no aligned sentence around it.
        // Stretches too short, or of a run with too little outside, are left out before they are
        // weighed: most stretches are single words, and weighing each was most of the rules' time.
        // Each stretch a slice of its run, not an array of its own.
        var stretches: [(run: ArraySlice<Int>, outside: Int)] = []
        for run in runs where content.count - run.count >= minimumRest {
            for a in run.indices {
                for b in a..<run.count where b - a + 1 >= minimumRun {
                    stretches.append((run: run[a...b], outside: content.count - run.count))
                }
            }
        }
        guard !stretches.isEmpty else { return [] }
        let otherUnaligned = otherWords.indices.filter { otherWords[$0].isContent && otherLinks[$0].isEmpty }
        let utf16 = Array(text.utf16)
        // The sentence's comparable length up to each UTF-16 offset, and the other sentence's, once
        // for all stretches: a stretch's length is a difference of two (it starts and ends at
        // scalars, as words do).
        // Only with a stretch to weigh (most sentences have none).
        let prefixLengths = lengthFit != nil && otherText != nil && !stretches.isEmpty ? Self.comparableLengths(text) : nil
        let otherLength = prefixLengths != nil ? GarbledConditions.comparableLength(otherText ?? "") : 0
        // The content words of each kind (known to the dictionary or not), and those of them
        // aligned, counted once: a stretch's words are all unaligned, so the rest of the sentence
        // around a stretch has every aligned word and the kind's words less the stretch's
        // (counted, where sets and filtered arrays of the rest were made for every stretch).
        var kindCount = (known: 0, unknown: 0), kindAligned = (known: 0, unknown: 0)
        for index in content {
            let aligned = links[index].isEmpty ? 0 : 1
            if words[index].isKnown {
                kindCount.known += 1; kindAligned.known += aligned
            } else {
                kindCount.unknown += 1; kindAligned.unknown += aligned
            }
        }
        var result: [UnalignedSpan] = []
        for (run, outside) in stretches {
            var runKnown = 0
            for index in run where words[index].isKnown { runKnown += 1 }
            let restCount = content.count - run.count
            // Known words (the dictionary has them) and unknown words are weighed apart: a known
            // word without counterpart says more than a word no dictionary lists.
            var chance = 1.0
            for known in [true, false] {
                let restOfKind = known ? kindCount.known - runKnown : kindCount.unknown - (run.count - runKnown)
                let aligned = known ? kindAligned.known : kindAligned.unknown
                let coverage = (Double(aligned) + 0.5) / (Double(restOfKind) + 1)
                let missing = known ? runKnown : run.count - runKnown
                chance *= pow(1 - coverage, Double(missing))
            }
            // The least likely of the sentence's runs is reported, so a long sentence has more
            // chances of an unlucky one: the chance is counted once per content word.
            chance *= Double(content.count)
            let restAligned = kindAligned.known + kindAligned.unknown
            var first = run.first!
            while first > 0, !words[first - 1].isContent,
                  !Self.hasPunctuation(utf16, between: words[first - 1].range.upperBound, and: words[first].range.lowerBound) {
                first -= 1
            }
            var span = UnalignedSpan(words: first..<(run.last! + 1), contentCount: run.count,
                                     range: words[first].range.lowerBound..<words[run.last!].range.upperBound,
                                     chance: chance, restCoverage: restCount == 0 ? 0 : Double(restAligned) / Double(restCount),
                                     restCount: outside)
            if let lengthFit, let prefixLengths {
                let spanLength: Double
                if Self.isScalarAligned(span.range, in: utf16) {
                    spanLength = prefixLengths[span.range.upperBound] - prefixLengths[span.range.lowerBound]
                } else {
                    spanLength = GarbledConditions.comparableLength(String(decoding: utf16[span.range], as: Unicode.UTF16.self))
                }
                span.lengthEvidence = lengthFit.evidence(spanLength: spanLength, sideLength: prefixLengths[utf16.count],
                                                         otherLength: otherLength, spanSide: side)
            }
            // The other side's window: between the counterparts of the nearest aligned words
            // before and after the run (to the other side's start or end when there is none).
            let before = content.last { $0 < run.first! && !links[$0].isEmpty }
            let after = content.first { $0 > run.last! && !links[$0].isEmpty }
            var low = before.map { links[$0].min()! } ?? -1
            var high = after.map { links[$0].max()! } ?? otherWords.count
            if low > high {
                // Word order crossed: the window spans all the neighbours' counterparts.
                let anchors = (before.map { links[$0] } ?? []) + (after.map { links[$0] } ?? [])
                low = before == nil ? -1 : anchors.min()!
                high = after == nil ? otherWords.count : anchors.max()!
            }
            span.otherNear = otherUnaligned.filter { $0 > low && $0 < high }.count
            result.append(span)
        }
        return result
    }

    /// `GarbledConditions.comparableLength` of `text` up to each UTF-16 offset (one more entry
    /// than `text` has units; the second unit of a surrogate pair adds nothing). The lengths are
    /// whole numbers, so differences are exact.
    static func comparableLengths(_ text: String) -> [Double] {
        var result = [0.0]
        result.reserveCapacity(text.utf16.count + 1)
        var units = 0.0
        for scalar in text.unicodeScalars {
            if !Latin1ScalarProperties.isWhitespace(scalar) { units += GarbledConditions.isDense(scalar) ? 3 : 1 }
            result.append(units)
            if scalar.utf16.count == 2 { result.append(units) }
        }
        return result
    }

    /// Whether `range` starts and ends between scalars (not inside a surrogate pair).
    static func isScalarAligned(_ range: Range<Int>, in utf16: [UInt16]) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= utf16.count else { return false }
        if range.lowerBound < utf16.count, Unicode.UTF16.isTrailSurrogate(utf16[range.lowerBound]) { return false }
        if range.upperBound < utf16.count, Unicode.UTF16.isTrailSurrogate(utf16[range.upperBound]) { return false }
        return true
    }

    static func hasPunctuation(_ utf16: [UInt16], between start: Int, and end: Int) -> Bool {
        guard start < end, end <= utf16.count else { return false }
        return utf16[start..<end].contains { unit in
            guard let scalar = Unicode.Scalar(unit) else { return false }
            return scalar.properties.generalCategory != .spaceSeparator && !(scalar == " ")
                && scalar.properties.generalCategory != .dashPunctuation
        }
    }

    /// Share of the content words of both sides that have a counterpart, and how many there are.
    var coverage: (source: Double, target: Double, sourceCount: Int, targetCount: Int) {
        let s = source.indices.filter { source[$0].isContent }
        let t = target.indices.filter { target[$0].isContent }
        let sa = s.filter { !sourceLinks[$0].isEmpty }.count
        let ta = t.filter { !targetLinks[$0].isEmpty }.count
        return (s.isEmpty ? 0 : Double(sa) / Double(s.count), t.isEmpty ? 0 : Double(ta) / Double(t.count), s.count, t.count)
    }
}

// MARK: - Lengths

/// The usual length of a translation against its source for one language pair: the centre and
/// spread of log(translation length / source length) in comparable units
/// (`Resources/Meaning/length-ratios.txt`, fitted by `Scripts/fit-length-ratios.py` on the
/// perturbation suite's tune split).
///
/// A clause left out makes the translation shorter than its source asks for, by about the clause's
/// length; a dictionary gap does not. `evidence` is the likelihood ratio of the pair's length
/// ratio under "the span is missing on the other side" against "the span is translated", both
/// read as normal in log ratio.
struct LengthFit: Sendable {
    let centre: Double
    let spread: Double

    /// Likelihood ratio for an unaligned span of `spanLength` units on `spanSide`, whose side is
    /// `sideLength` long while the other side is `otherLength` long. Above 1 when taking the span
    /// out brings the ratio closer to the usual one.
    func evidence(spanLength: Double, sideLength: Double, otherLength: Double, spanSide: LexicalAlignment.Side) -> Double {
        guard sideLength > 0, otherLength > 0, spread > 0 else { return 1 }
        let without = max(1, sideLength - spanLength)
        let (sourceNow, targetNow) = spanSide == .source ? (sideLength, otherLength) : (otherLength, sideLength)
        let (sourceWithout, targetWithout) = spanSide == .source ? (without, otherLength) : (otherLength, without)
        let zNow = (log(targetNow / sourceNow) - centre) / spread
        let zWithout = (log(targetWithout / sourceWithout) - centre) / spread
        return exp((zNow * zNow - zWithout * zWithout) / 2)
    }

    static let all: [String: LengthFit] = {
        guard let text = LectorResources.text(of: "Meaning/length-ratios.txt") else {
            // A missing resource is a broken build, not a state a user can be in: fail loudly.
            preconditionFailure("Lector's resource Meaning/length-ratios.txt is missing")
        }
        var result: [String: LengthFit] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 3, let centre = Double(fields[1]), let spread = Double(fields[2]) else { continue }
            result[String(fields[0])] = LengthFit(centre: centre, spread: spread)
        }
        return result
    }()

    /// The fit of a pair, when it was measured.
    static func of(source: String, target: String) -> LengthFit? {
        all["\(LexicalLanguages.primary(source))-\(LexicalLanguages.primary(target))"]
    }
}

// MARK: - Word knowledge

/// What the alignment knows of one word of one language toward the other language of the pair.
/// A class: every word of every aligned sentence holds its word's one copy, and a struct of nine
/// sets and strings cost as many reference counts each time a word was copied.
final class WordInfo: Sendable {
    /// Numbers the infos of one store (`AlignmentWords`), for its memo of counterparts.
    let id: UInt32
    /// The word as written, which the knowledge below was looked up by.
    let written: String
    let folded: String
    /// The word and its dictionary forms, lower-cased.
    let lemmas: Set<String>
    /// Content words of its dictionary translations, lower-cased.
    let translations: Set<String>
    /// WordNet synonyms of the translations, when they are English: counterparts, never antonym evidence.
    let translationSynonyms: Set<String>
    /// Those of `translations` that only a negated translation gave (`erlaubt`, from `forbidden`'s
    /// `nicht erlaubt`), and the synonyms only they gave: counterparts for the alignment (the
    /// negation is `meaning.negation`'s to compare), but they mean the opposite of the word, which
    /// `meaning.antonym` must see (`LexicalAlignment.arePlainCounterparts`).
    let negatedTranslations: Set<String>
    let negatedSynonyms: Set<String>
    /// Whether the dictionary has the word (any lemma) at all.
    let isKnown: Bool
    let isCapitalized: Bool
    /// Folded Latin spelling (transliterated), for names across scripts.
    let latin: String?
    /// First letters of the Latin spelling, for cognates (`Administration` ~ `administrație`);
    /// `nil` for short words.
    let cognateKey: String?
    let lemmaCognates: Set<String>
    let translationCognates: Set<String>
    /// WordNet antonyms of the word's lemmas, for an English word; empty otherwise.
    let antonyms: Set<String>
    /// Those of `antonyms` that are the lemmas' own (`Lexicon.directAntonyms`), not an adjective
    /// satellite's head's.
    let directAntonyms: Set<String>
    /// What `meaning.antonym` opposes the word to: `directAntonyms` and the opposites WordNet
    /// lacks (`AntonymRule.missingFromWordNet`) of its lemmas.
    let ownAntonyms: Set<String>

    init(id: UInt32, written: String, folded: String, lemmas: Set<String>, translations: Set<String>, translationSynonyms: Set<String>,
         isKnown: Bool, isCapitalized: Bool, latin: String?, cognateKey: String?, lemmaCognates: Set<String>,
         translationCognates: Set<String>, antonyms: Set<String>, directAntonyms: Set<String>,
         negatedTranslations: Set<String> = [], negatedSynonyms: Set<String> = []) {
        self.id = id
        self.negatedTranslations = negatedTranslations
        self.negatedSynonyms = negatedSynonyms
        self.directAntonyms = directAntonyms
        self.written = written
        self.folded = folded
        self.lemmas = lemmas
        self.translations = translations
        self.translationSynonyms = translationSynonyms
        self.isKnown = isKnown
        self.isCapitalized = isCapitalized
        self.latin = latin
        self.cognateKey = cognateKey
        self.lemmaCognates = lemmaCognates
        self.translationCognates = translationCognates
        self.antonyms = antonyms
        var own = directAntonyms
        for lemma in lemmas { own.formUnion(AntonymRule.missingFromWordNet[lemma] ?? []) }
        ownAntonyms = own
        lemmaSignature = Signature(lemmas)
        translationSignature = Signature(translations, translationSynonyms)
        lemmaCognateSignature = Signature(lemmaCognates)
        translationCognateSignature = Signature(translationCognates)
    }

    /// One bit of 256 for each string of a set (or two sets), by its hash: two sets that share a
    /// string have signatures that meet, so sets whose signatures do not meet are disjoint,
    /// found without hashing a string (`LexicalAlignment.areCounterparts`). The hash is the one
    /// `Set` compares by (`hashValue`): strings equal to Swift have the same bit.
    struct Signature: Sendable {
        private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        init(_ sets: Set<String>...) {
            for set in sets {
                for string in set {
                    let bit = UInt64(truncatingIfNeeded: string.hashValue) & 255, mask: UInt64 = 1 << (bit & 63)
                    switch bit >> 6 {
                    case 0: bits.0 |= mask
                    case 1: bits.1 |= mask
                    case 2: bits.2 |= mask
                    default: bits.3 |= mask
                    }
                }
            }
        }

        func meets(_ other: Signature) -> Bool {
            (bits.0 & other.bits.0) | (bits.1 & other.bits.1) | (bits.2 & other.bits.2) | (bits.3 & other.bits.3) != 0
        }
    }
    let lemmaSignature: Signature
    /// Of `translations` and `translationSynonyms` together.
    let translationSignature: Signature
    let lemmaCognateSignature: Signature
    let translationCognateSignature: Signature

    static let cognateLength = 6

    /// This word with what `other` means as well (a verb and its joined separable form), under
    /// its own `id` from the store; its `written` names both words, so memos keyed by it never
    /// take it for the verb alone.
    func merging(_ other: WordInfo, id: UInt32) -> WordInfo {
        WordInfo(id: id, written: written + "\u{1}" + other.written, folded: folded, lemmas: lemmas.union(other.lemmas),
                 translations: translations.union(other.translations),
                 translationSynonyms: translationSynonyms.union(other.translationSynonyms), isKnown: isKnown || other.isKnown,
                 isCapitalized: isCapitalized, latin: latin, cognateKey: cognateKey, lemmaCognates: lemmaCognates.union(other.lemmaCognates),
                 translationCognates: translationCognates.union(other.translationCognates), antonyms: antonyms.union(other.antonyms),
                 directAntonyms: directAntonyms.union(other.directAntonyms),
                 negatedTranslations: negatedTranslations.union(other.negatedTranslations).subtracting(
                    translations.subtracting(negatedTranslations)).subtracting(other.translations.subtracting(other.negatedTranslations)),
                 negatedSynonyms: negatedSynonyms.union(other.negatedSynonyms).subtracting(
                    translationSynonyms.subtracting(negatedSynonyms)).subtracting(other.translationSynonyms.subtracting(other.negatedSynonyms)))
    }

    /// This word without what only negated translations gave (`negatedTranslations`); itself when
    /// none did.
    var withoutNegatedTranslations: WordInfo {
        guard !negatedTranslations.isEmpty || !negatedSynonyms.isEmpty else { return self }
        let plain = translations.subtracting(negatedTranslations)
        return WordInfo(id: WordInfo.unmemoized, written: written, folded: folded, lemmas: lemmas, translations: plain,
                        translationSynonyms: translationSynonyms.subtracting(negatedSynonyms), isKnown: isKnown,
                        isCapitalized: isCapitalized, latin: latin, cognateKey: cognateKey, lemmaCognates: lemmaCognates,
                        translationCognates: Set(plain.compactMap(WordInfo.cognate)), antonyms: antonyms, directAntonyms: directAntonyms)
    }

    /// The id of an info no memo keeps (one made outside a store); stores number theirs from 1.
    static let unmemoized: UInt32 = 0

    static func cognate(_ word: String) -> String? {
        let letters = word.unicodeScalars.filter(Latin1ScalarProperties.isAlphabetic)
        guard letters.count >= cognateLength + 1 else { return nil }
        return String(String.UnicodeScalarView(letters.prefix(cognateLength)))
    }
}

/// The words of both languages of a pair, with their dictionary knowledge cached per word for the
/// whole process (a word is looked up once, however many sentences have it).
public final class AlignmentWords: @unchecked Sendable {
    let sourceLanguage: String
    let targetLanguage: String
    let lexicon: Lexicon
    private let sourceFunctionWords: Set<String>
    private let targetFunctionWords: Set<String>
    /// The negation cues of each language, to tell a negated dictionary translation (`nicht erlaubt`).
    private let sourceNegations: NegationLexicon?
    private let targetNegations: NegationLexicon?
    /// Languages that link the pair through dictionaries of their own, each way.
    private let sourcePivots: [String]
    private let targetPivots: [String]
    private let lock = NSLock()
    private var sourceCache: [String: WordInfo] = [:]
    private var targetCache: [String: WordInfo] = [:]
    /// Separable verbs read joined (`separableVerbs`), by side, particle and verb as written;
    /// `nil` when the two make no headword.
    private var joinedCache: [JoinedVerb: WordInfo?] = [:]
    /// A key of `joinedCache`: its two words side by side, where a string joining them was made
    /// (on the heap, past 15 bytes) for every verb of a clause that ends in a particle.
    private struct JoinedVerb: Hashable {
        let isSource: Bool
        let particle: String
        let verb: String
    }
    /// Used under `lock` (a transliterator is not thread-safe).
    private let latin: Transliterator
    /// What the other threads' stores of the pair learned (`SharedWordInfos`), for a store of
    /// one thread's own; `nil` for the process-wide store and for one made outside a check.
    private let sharedInfos: SharedWordInfos?

    private init(lexicon: Lexicon, source: String, target: String, sharedInfos: SharedWordInfos? = nil) throws(ICUError) {
        self.lexicon = lexicon
        self.sharedInfos = sharedInfos
        sourceLanguage = source
        targetLanguage = target
        sourceFunctionWords = FunctionWords.of(source)
        targetFunctionWords = FunctionWords.of(target)
        sourceNegations = NegationLexicon.forLanguage(source)
        targetNegations = NegationLexicon.forLanguage(target)
        sourcePivots = lexicon.pivots(from: source, to: target)
        targetPivots = lexicon.pivots(from: target, to: source)
        latin = try Transliterator(id: "Any-Latin; Latin-ASCII")
        lengthFit = LengthFit.of(source: source, target: target)
        writesWithSpaces = !GarbledSignalExtractor.denseScripts.contains(source) && !GarbledSignalExtractor.denseScripts.contains(target)
        sourceCompounds = NamesMissingRule.compounds.contains(source)
        targetCompounds = NamesMissingRule.compounds.contains(target)
    }

    /// Whether both languages are written with spaces between words (`LexicalAlignment` reads
    /// no others), and whether each writes compounds as one word: asked by every pair, and each
    /// answer was a string hashed into a set (a thirtieth of aligning a pair).
    let writesWithSpaces: Bool
    let sourceCompounds: Bool
    let targetCompounds: Bool

    /// The pair's usual length ratio (`LengthFit.of`), found once rather than once per sentence pair.
    let lengthFit: LengthFit?

    /// One store per lexicon and pair for the whole process.
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var words: [String: AlignmentWords] = [:]
    }
    private static let store = Store()

    /// The shared word store of the checked pair; `nil` when no dictionary links the two languages
    /// (then nothing can be said about omissions or additions) or when a side is written without
    /// spaces. Throws when ICU cannot transliterate, which a rule reports rather than going quiet.
    static func shared(for context: CheckContext) throws(ICUError) -> AlignmentWords? {
        guard let lexicon = context.lexicon, let bilingual = context.bilingual else { return nil }
        let source = LexicalLanguages.primary(bilingual.sourceLanguage)
        let target = LexicalLanguages.primary(context.index.targetLanguage)
        guard source != target, !GarbledSignalExtractor.denseScripts.contains(source),
              !GarbledSignalExtractor.denseScripts.contains(target),
              lexicon.hasTranslations(from: source, to: target) else { return nil }
        let key = "\(ObjectIdentifier(lexicon).hashValue)|\(source)|\(target)"
        // A thread that keeps its working data (`CheckContext.kept`) gets a store of its own: one
        // store for every thread made them queue on its lock and share its words' reference counts.
        // What its words mean it learns from the other threads' stores (`SharedWordInfos`).
        if let kept = context.kept {
            return try kept.object("AlignmentWords|" + key) { () throws(ICUError) in
                try AlignmentWords(lexicon: lexicon, source: source, target: target,
                                   sharedInfos: SharedWordInfos.of(lexicon: lexicon, key: key))
            }
        }
        store.lock.lock()
        defer { store.lock.unlock() }
        if let words = store.words[key] { return words }
        let words = try AlignmentWords(lexicon: lexicon, source: source, target: target)
        store.words[key] = words
        return words
    }

    /// A store of its own for one lexicon and pair, outside a check (`AlignmentCoverage`).
    /// With `sharedInfos`, it learns from (and teaches) the other stores of that table, as one
    /// thread's store in a check does.
    static func make(lexicon: Lexicon, source: String, target: String,
                     sharedInfos: SharedWordInfos? = nil) throws(ICUError) -> AlignmentWords? {
        let source = LexicalLanguages.primary(source), target = LexicalLanguages.primary(target)
        guard source != target, !GarbledSignalExtractor.denseScripts.contains(source),
              !GarbledSignalExtractor.denseScripts.contains(target) else { return nil }
        return try AlignmentWords(lexicon: lexicon, source: source, target: target, sharedInfos: sharedInfos)
    }

    /// Every English word of a word's dictionary translations, function words included, as
    /// `meaning.antonym` gathers them (`noteTranslationWords`); `nil` before it has.
    func knownTranslationWords(of info: WordInfo, side: LexicalAlignment.Side) -> Set<String>? {
        lock.withLock { (side == .source ? sourceTranslationWords : targetTranslationWords)[info.written] }
    }

    /// Keeps what `meaning.antonym` gathered for a word: the same words come back sentence after
    /// sentence, and gathering reads every translation of every lemma again (a tenth of a check).
    func noteTranslationWords(_ words: Set<String>, of info: WordInfo, side: LexicalAlignment.Side) {
        lock.withLock {
            if side == .source {
                if sourceTranslationWords.count < Self.translationWordsCapacity { sourceTranslationWords[info.written] = words }
            } else if targetTranslationWords.count < Self.translationWordsCapacity {
                targetTranslationWords[info.written] = words
            }
        }
    }

    /// The English dictionary forms of a word's translations as `meaning.antonym` reads them
    /// (`risen` → `rise`), made by `make` once per word for the process: kept in the table the
    /// threads' stores share (`SharedWordInfos`), or in this store when it is the process's own.
    /// Made for every pair, they were a Hunspell and WordNet look-up per translation word per
    /// sentence.
    func translationLemmas(of info: WordInfo, side: LexicalAlignment.Side, make: () -> Set<String>) -> Set<String> {
        if let sharedInfos {
            if let known = sharedInfos.translationLemmas(of: info.written, side: side) { return known }
            let made = make()
            sharedInfos.noteTranslationLemmas(made, of: info.written, side: side)
            return made
        }
        if let known = lock.withLock({ (side == .source ? sourceTranslationLemmas : targetTranslationLemmas)[info.written] }) {
            return known
        }
        let made = make()
        lock.withLock {
            if side == .source {
                if sourceTranslationLemmas.count < Self.translationWordsCapacity { sourceTranslationLemmas[info.written] = made }
            } else if targetTranslationLemmas.count < Self.translationWordsCapacity {
                targetTranslationLemmas[info.written] = made
            }
        }
        return made
    }

    /// `LexicalAlignment.areCounterparts` of a source and a target word (by their infos' ids):
    /// aligning compares every content word with every content word of the other side, and
    /// each comparison hashes a dozen strings; news repeats its word pairs sentence after sentence.
    func areCounterparts(_ s: WordInfo, _ t: WordInfo) -> Bool {
        guard s.id != WordInfo.unmemoized, t.id != WordInfo.unmemoized else { return LexicalAlignment.areCounterparts(s, t) }
        // Ids past 2^31 leave no bit for the verdict in the table's entries (none do in practice).
        guard s.id < 1 << 31 else { return LexicalAlignment.areCounterparts(s, t) }
        let key = UInt64(s.id) << 32 | UInt64(t.id)
        lock.lock()
        let known = counterparts.verdict(key)
        lock.unlock()
        if let known { return known }
        let made = LexicalAlignment.areCounterparts(s, t)
        lock.lock()
        if counterparts.count < Self.counterpartsCapacity { counterparts.insert(key, made) }
        lock.unlock()
        return made
    }

    /// `areCounterparts`, leaving out what only negated translations link (`forbidden`, whose
    /// dictionary entry `nicht erlaubt` makes it a counterpart of `erlaubt`): for `meaning.antonym`,
    /// to which such a link is the opposite, not a translation. The memo's verdict first: a word
    /// whose translations none negate needs no more.
    func arePlainCounterparts(_ s: WordInfo, _ t: WordInfo) -> Bool {
        guard areCounterparts(s, t) else { return false }
        guard !s.negatedTranslations.isEmpty || !s.negatedSynonyms.isEmpty || !t.negatedTranslations.isEmpty
                || !t.negatedSynonyms.isEmpty else { return true }
        return LexicalAlignment.areCounterparts(s.withoutNegatedTranslations, t.withoutNegatedTranslations)
    }

    /// The links of a pair's words: each content source word with each content target word that
    /// `areCounterparts` says is its counterpart, in the order of the words. The memo's verdicts for
    /// the whole pair are read under one lock, and the new ones kept under one more: a lock for
    /// each of a pair's hundred-odd comparisons was a third of aligning it.
    ///
    /// `scratch`, the working memory of the pair walk that aligns this pair (one thread's), lends
    /// the buffer the verdicts are read in and the one-link lists; without it both are made here.
    func counterpartLinks(_ source: [LexicalAlignment.Word], _ target: [LexicalAlignment.Word],
                          scratch: AlignmentScratch? = nil) -> ([[Int]], [[Int]]) {
        var sourceLinks = [[Int]](filling: [], count: source.count)
        var targetLinks = [[Int]](filling: [], count: target.count)
        var sourceCount = 0, targetCount = 0
        for index in source.indices where source[index].isContent { sourceCount += 1 }
        for index in target.indices where target[index].isContent { targetCount += 1 }
        guard sourceCount > 0, targetCount > 0 else { return (sourceLinks, targetLinks) }
        let pairs = sourceCount * targetCount
        // All the pair's working figures in one buffer, one allocation where there were eight
        // arrays (and the runtime's look-up of a tuple array's type for the new verdicts):
        // each content word as its info id over its index, then each word pair's key, then
        // what is known of each pair (`CounterpartTable.readVerdicts`), then each content
        // word's count of links over its last one. The walk's buffer when
        // there is one (zeroed here), taken out of it for the pair so that it stays unique.
        let needed = 2 * (sourceCount + targetCount) + 2 * pairs
        var figures = scratch?.takeFigures(zeroing: needed) ?? [UInt64](filling: 0, count: needed)
        // Taken out of the scratch for the pair too: read there, each list was a checked access
        // to the scratch's property.
        var oneLinkLists = scratch?.takeOneLinkLists() ?? AlignmentScratch.OneLinkLists()
        defer { scratch?.giveBack(figures, oneLinkLists) }
        figures.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            let sourceWords = UnsafeMutableBufferPointer(start: base, count: sourceCount)
            let targetWords = UnsafeMutableBufferPointer(start: base + sourceCount, count: targetCount)
            let keys = UnsafeMutableBufferPointer(start: base + sourceCount + targetCount, count: pairs)
            let known = UnsafeMutableBufferPointer(start: base + sourceCount + targetCount + pairs, count: pairs)
            // Each content word's links counted (over the last one's position among the other
            // side's content words), source words first.
            let tally = UnsafeMutableBufferPointer(start: base + sourceCount + targetCount + 2 * pairs, count: sourceCount + targetCount)
            var next = 0
            for index in source.indices where source[index].isContent {
                sourceWords[next] = UInt64(source[index].infoID) << 32 | UInt64(index)
                next += 1
            }
            next = 0
            for index in target.indices where target[index].isContent {
                targetWords[next] = UInt64(target[index].infoID) << 32 | UInt64(index)
                next += 1
            }
            // Ids of 0 (unmemoized) or past 2^31 (no bit left for the verdict) are never kept;
            // a key of 0 is a pair never kept (a real key is never 0: ids start at 1).
            func memoizable(_ id: UInt64) -> Bool { id != UInt64(WordInfo.unmemoized) && id < 1 << 31 }
            for a in 0..<sourceCount where memoizable(sourceWords[a] >> 32) {
                let high = sourceWords[a] & 0xFFFF_FFFF_0000_0000
                for b in 0..<targetCount where memoizable(targetWords[b] >> 32) {
                    keys[a * targetCount + b] = high | targetWords[b] >> 32
                }
            }
            lock.withLock {
                // The table read through one local copy (one reference count for the pair, not one
                // a look-up); it is gone before anything is inserted, so no insert copies the table.
                let table = counterparts
                table.readVerdicts(of: UnsafeBufferPointer(keys), into: known)
            }
            // 0 not known yet, 1 no, 2 yes; made here: 3 no, 4 yes, kept below where the key is.
            var madeAny = false
            for a in 0..<sourceCount {
                for b in 0..<targetCount where known[a * targetCount + b] == 0 {
                    let verdict = LexicalAlignment.areCounterparts(source[Int(truncatingIfNeeded: sourceWords[a] & 0xFFFF_FFFF)].info,
                                                                   target[Int(truncatingIfNeeded: targetWords[b] & 0xFFFF_FFFF)].info)
                    known[a * targetCount + b] = verdict ? 4 : 3
                    madeAny = true
                }
            }
            if madeAny {
                lock.lock()
                for position in 0..<pairs where known[position] >= 3 && keys[position] != 0
                    && counterparts.count < Self.counterpartsCapacity {
                    counterparts.insert(keys[position], known[position] == 4)
                }
                lock.unlock()
            }
            // Each word's list made at its length, in the order of the other side's words (as
            // appending link after link made it): a word with one counterpart, most of those
            // with any, takes the walk's list of that one index (`AlignmentScratch.OneLinkLists`)
            // where appending made a list of its own for every link, and a second link grew it.
            // Both sides' links are counted in one pass over the verdicts (`tally`), where each
            // side's words read the verdicts twice through a closure giving their positions; only
            // a word with several links reads its row (or column) again.
            func isLink(_ position: Int) -> Bool { known[position] == 2 || known[position] == 4 }
            func index(_ word: UInt64) -> Int { Int(truncatingIfNeeded: word & 0xFFFF_FFFF) }
            for a in 0..<sourceCount {
                for b in 0..<targetCount where isLink(a * targetCount + b) {
                    tally[a] = (tally[a] >> 32 + 1) << 32 | UInt64(b)
                    tally[sourceCount + b] = (tally[sourceCount + b] >> 32 + 1) << 32 | UInt64(a)
                }
            }
            // The one-link lists are taken into a local, not captured: each list taken from a
            // captured one was an access checked for exclusivity at run time (13 a pair).
            var lists = oneLinkLists
            oneLinkLists = AlignmentScratch.OneLinkLists()
            for a in 0..<sourceCount where tally[a] != 0 {
                let count = Int(truncatingIfNeeded: tally[a] >> 32)
                if count == 1 {
                    sourceLinks[index(sourceWords[a])] = lists.list(of: index(targetWords[index(tally[a])]))
                    continue
                }
                sourceLinks[index(sourceWords[a])] = [Int](writingAtMost: count) { list, written in
                    for b in 0..<targetCount where isLink(a * targetCount + b) {
                        list.initializeElement(at: written, to: index(targetWords[b]))
                        written += 1
                    }
                }
            }
            for b in 0..<targetCount where tally[sourceCount + b] != 0 {
                let count = Int(truncatingIfNeeded: tally[sourceCount + b] >> 32)
                if count == 1 {
                    targetLinks[index(targetWords[b])] = lists.list(of: index(sourceWords[index(tally[sourceCount + b])]))
                    continue
                }
                targetLinks[index(targetWords[b])] = [Int](writingAtMost: count) { list, written in
                    for a in 0..<sourceCount where isLink(a * targetCount + b) {
                        list.initializeElement(at: written, to: index(sourceWords[a]))
                        written += 1
                    }
                }
            }
            oneLinkLists = lists
        }
        return (sourceLinks, targetLinks)
    }

    /// Whether the translation words of an other-side word (`meaning.antonym`'s, function words
    /// included) hold one of an English word's antonyms, by the two infos' ids (the English
    /// word's first): both are fixed by the infos, so one answer serves every pair with the two
    /// words. Kept up to `antonymVerdictsCapacity` pairs of words: the counterpart verdicts'
    /// bound, so that an open vocabulary's stream stays within the memory they were sized for.
    private var antonymTable = CounterpartTable()
    private static let antonymVerdictsCapacity = counterpartsCapacity

    /// The kept verdicts of `english` with each word of `others`, by position; `nil` where none is kept.
    func antonymVerdicts(english: WordInfo, others: [LexicalAlignment.Word]) -> [Bool?] {
        var buffer: [UInt64] = []
        readAntonymVerdicts(english: english.id, others: others, into: &buffer)
        return others.indices.map { buffer[others.count + $0] == 0 ? nil : buffer[others.count + $0] == 2 }
    }

    /// `antonymVerdicts` of the English word whose info's id is `english`, written into
    /// `buffer`, made (or zeroed) here at twice the count of `others`: the keys, then at
    /// `others.count + index` each word's verdict, 0 where none is kept, 1 no, 2 yes. A pair
    /// reads them for each of its English words with antonyms into one buffer it keeps, where
    /// each word's look-up made two arrays and freed them.
    func readAntonymVerdicts(english: UInt32, others: [LexicalAlignment.Word], into buffer: inout [UInt64]) {
        let count = others.count
        if buffer.count == 2 * count {
            buffer.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            buffer = [UInt64](filling: 0, count: 2 * count)
        }
        guard english != WordInfo.unmemoized, english < 1 << 31 else { return }
        let high = UInt64(english) << 32
        // A key of 0 is a word no memo keeps (`readVerdicts` passes over it); the keys are read
        // all at once, so that their first slots' cache misses overlap (`readVerdicts`), where
        // probing word after word stalled on each (a third of `meaning.antonym`'s own time).
        buffer.withUnsafeMutableBufferPointer { buffer in
            let keys = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            let known = UnsafeMutableBufferPointer(rebasing: buffer[count...])
            for index in others.indices where others[index].infoID != WordInfo.unmemoized {
                keys[index] = high | UInt64(others[index].infoID)
            }
            lock.withLock {
                let table = antonymTable
                table.readVerdicts(of: UnsafeBufferPointer(keys), into: known)
            }
        }
    }

    func noteAntonymVerdicts(english: WordInfo, _ verdicts: [(other: WordInfo, shares: Bool)]) {
        guard !verdicts.isEmpty, english.id != WordInfo.unmemoized, english.id < 1 << 31 else { return }
        let high = UInt64(english.id) << 32
        lock.withLock {
            for verdict in verdicts where verdict.other.id != WordInfo.unmemoized && antonymTable.count < Self.antonymVerdictsCapacity {
                antonymTable.insert(high | UInt64(verdict.other.id), verdict.shares)
            }
        }
    }

    /// Numbers the facts the store keeps (`WordFacts.id`), under `lock`.
    private var factsCount: UInt32 = 0
    /// `LexicalAlignment.compound(_:length:holds:)`'s verdicts by the compound's facts id and
    /// the other word's info id, which fix everything it reads; bounded as the counterparts are.
    private var compoundTable = CounterpartTable()

    /// `LexicalAlignment.compound(_:length:holds:)` of each asked pair of a compound and another
    /// word (indices into `compounds` and `others`, `lengths` the compounds'), kept verdicts read
    /// under one lock and new ones kept under one more.
    func compoundVerdicts(_ asked: [(compound: Int, other: Int)], compounds: [LexicalAlignment.Word], lengths: [Int],
                          others: [LexicalAlignment.Word]) -> [Bool] {
        // Ids of 0 (kept nowhere) or past 2^31 (no bit left for the verdict) are never kept.
        func key(_ pair: (compound: Int, other: Int)) -> UInt64? {
            let a = compounds[pair.compound].facts.id, b = others[pair.other].infoID
            guard a != WordInfo.unmemoized, a < 1 << 31, b != WordInfo.unmemoized else { return nil }
            return UInt64(a) << 32 | UInt64(b)
        }
        let keys = asked.map(key)
        // 0 not known yet, 1 no, 2 yes.
        var verdicts = [UInt8](filling: 0, count: asked.count)
        lock.withLock {
            let table = compoundTable
            for (index, key) in keys.enumerated() {
                if let key, let known = table.verdict(key) { verdicts[index] = known ? 2 : 1 }
            }
        }
        var made: [(key: UInt64, verdict: Bool)] = []
        for (index, pair) in asked.enumerated() where verdicts[index] == 0 {
            let verdict = LexicalAlignment.compound(compounds[pair.compound], length: lengths[pair.compound], holds: others[pair.other])
            verdicts[index] = verdict ? 2 : 1
            if let key = keys[index] { made.append((key, verdict)) }
        }
        if !made.isEmpty {
            lock.withLock {
                for entry in made where compoundTable.count < Self.counterpartsCapacity { compoundTable.insert(entry.key, entry.verdict) }
            }
        }
        return verdicts.map { $0 == 2 }
    }

    var compoundVerdictCount: Int { lock.withLock { compoundTable.count } }

    private var counterparts = CounterpartTable()
    /// Verdicts kept, at most: 2^17 fill a table of 2^18 slots (2 MB). News of 1,000,000
    /// records needs under 2^16; past the bound a verdict is decided each time.
    static let counterpartsCapacity = 1 << 17
    var counterpartCount: Int { lock.withLock { counterparts.count } }
    private var infoCount: UInt32 = 0

    private func nextInfoID() -> UInt32 {
        lock.withLock {
            infoCount += 1
            return infoCount
        }
    }

    /// `words(of:side:)`'s facts per word as written, by side (under `lock`): ASCII words by
    /// their bytes (`ASCIIWordFacts`), the others by their strings. Together they keep at most
    /// `wordFactsCapacity` words a side.
    private var sourceFacts: [String: WordFacts] = [:]
    private var targetFacts: [String: WordFacts] = [:]
    private var sourceASCIIFacts = ASCIIWordFacts()
    private var targetASCIIFacts = ASCIIWordFacts()
    private static let wordFactsCapacity = WordStoreCapacity.words
    /// Words whose facts are kept on a side (both tables).
    func keptFactsCount(side: LexicalAlignment.Side) -> Int {
        lock.withLock { side == .source ? sourceFacts.count + sourceASCIIFacts.count : targetFacts.count + targetASCIIFacts.count }
    }

    private var sourceTranslationWords: [String: Set<String>] = [:]
    private var targetTranslationWords: [String: Set<String>] = [:]
    private var sourceTranslationLemmas: [String: Set<String>] = [:]
    private var targetTranslationLemmas: [String: Set<String>] = [:]
    private static let translationWordsCapacity = WordStoreCapacity.words

    func isFunctionWord(_ word: String, side: LexicalAlignment.Side) -> Bool {
        // Each set asked in place: the one chosen into a value was retained and released per word,
        // and the sets are the process's (`FunctionWords.of`), shared by every thread.
        side == .source ? sourceFunctionWords.contains(word) : targetFunctionWords.contains(word)
    }

    func words(of sentenceWords: [SentenceWord], side: LexicalAlignment.Side) -> [LexicalAlignment.Word] {
        let language = side == .source ? sourceLanguage : targetLanguage
        let separable = language == "de" ? separableVerbs(in: sentenceWords, side: side) : []
        // A clause has one at most, and most sentences none: looked through, not hashed.
        func joined(at position: Int) -> WordInfo? {
            for verb in separable where verb.verb == position { return verb.info }
            return nil
        }
        func word(_ facts: WordFacts, at position: Int) -> LexicalAlignment.Word {
            let isFunction = facts.isFunction || (!separable.isEmpty && separable.contains { $0.particle == position })
            let isContent = !isFunction && (facts.isDigits || facts.hasTwoLetters)
            return LexicalAlignment.Word(facts: facts, range: sentenceWords[position].range, isContent: isContent,
                                         isNameOrNumber: facts.isDigits || (sentenceWords[position].isCapitalized && position > 0))
        }
        // Each word's facts from one look-up under one lock for the sentence, made into its word
        // there; a word not seen before (or spelled otherwise in lower case, which `text` guards)
        // stands as a placeholder until it is read below.
        var unknown: [Int] = []
        // A joined separable verb is read below. An ASCII word is found by its bytes, without
        // hashing its string (no other string is canonically equal to it but one with a Kelvin
        // sign, whose facts are the same), all the sentence's at once (`ASCIIWordFacts.find`);
        // any other word by its string, as Swift compares strings.
        var lookups: [ASCIIWordFacts.Lookup] = []
        lookups.reserveCapacity(sentenceWords.count)
        for position in sentenceWords.indices {
            let key = !separable.isEmpty && joined(at: position) != nil ? nil : ASCIIWordFacts.key(of: sentenceWords[position].written)
            lookups.append(ASCIIWordFacts.Lookup(key: key ?? ASCIIWordFacts.noKey))
        }
        // Each word written into its place rather than appended: around an append (whose slow
        // path may grow the array) each word's facts were retained once more and released again,
        // a fifth of this function's own time.
        var result = [LexicalAlignment.Word](writingAtMost: sentenceWords.count) { buffer, initialized in
            lock.withLock {
                let facts = side == .source ? sourceFacts : targetFacts
                let asciiFacts = side == .source ? sourceASCIIFacts : targetASCIIFacts
                asciiFacts.find(&lookups)
                // By index: a word copied out of the array is two strings' reference counts.
                for position in sentenceWords.indices {
                    let entry: WordFacts?
                    if !separable.isEmpty, joined(at: position) != nil {
                        entry = nil
                    } else if lookups[position].key != ASCIIWordFacts.noKey {
                        entry = lookups[position].entry >= 0 ? asciiFacts.facts(at: lookups[position].entry) : nil
                    } else {
                        entry = facts[sentenceWords[position].written]
                    }
                    if let entry, entry.text == sentenceWords[position].text {
                        buffer.initializeElement(at: position, to: word(entry, at: position))
                    } else {
                        unknown.append(position)
                        buffer.initializeElement(at: position, to: LexicalAlignment.Word(
                            facts: placeholder, range: 0..<0, isContent: false, isNameOrNumber: false))
                    }
                }
            }
            initialized = sentenceWords.count
        }
        for position in unknown {
            let written = sentenceWords[position].written
            let joinedInfo = joined(at: position)
            let info = joinedInfo ?? info(of: written, side: side)
            var facts: WordFacts?
            if joinedInfo == nil {
                let key = lookups[position].key != ASCIIWordFacts.noKey ? lookups[position].key : nil
                // Made under the lock, where the store numbers the facts it keeps.
                lock.withLock {
                    if side == .source {
                        guard sourceFacts.count + sourceASCIIFacts.count < Self.wordFactsCapacity else { return }
                    } else {
                        guard targetFacts.count + targetASCIIFacts.count < Self.wordFactsCapacity else { return }
                    }
                    factsCount += 1
                    let made = wordFacts(sentenceWords[position], side: side, info: info, id: factsCount)
                    facts = made
                    if side == .source {
                        if let key { sourceASCIIFacts.insert(made, for: key) } else { sourceFacts[written] = made }
                    } else {
                        if let key { targetASCIIFacts.insert(made, for: key) } else { targetFacts[written] = made }
                    }
                }
            }
            result[position] = word(facts ?? wordFacts(sentenceWords[position], side: side, info: info), at: position)
        }
        return result
    }

    /// Stands for a word whose facts are being read (`words(of:side:)`); never in an alignment.
    /// One per store, not one for the process: each new word retains and releases it, and with
    /// one object for every thread its count moved between the cores.
    private let placeholder = WordFacts(text: "", info: WordInfo(
        id: WordInfo.unmemoized, written: "", folded: "", lemmas: [], translations: [], translationSynonyms: [], isKnown: false,
        isCapitalized: false, latin: nil, cognateKey: nil, lemmaCognates: [], translationCognates: [], antonyms: [], directAntonyms: []),
        isFunction: true, isDigits: false, hasTwoLetters: false, figures: "")

    /// What `words(of:side:)` reads off a word's lower-cased text, with its info: the same words
    /// come back sentence after sentence, and each fact was a scan or a hashed look-up of its own.
    /// A class: a sentence's look-up copies one reference per word, not three strings and an info.
    final class WordFacts: Sendable {
        let text: String
        let info: WordInfo
        let isFunction: Bool
        let isDigits: Bool
        let hasTwoLetters: Bool
        let figures: String
        /// `LexicalAlignment.compoundLength(of:)` of `text`.
        let compoundLength: Int
        /// `info.id`, kept beside the facts: the memos key every pair's words by it, and reading
        /// it through `info` touched one more object per word, most often out of the cache (a
        /// sixth of `counterpartLinks`'s own time was that load).
        let infoID: UInt32
        /// Numbers the facts a store keeps, for its memo of compounds (`compoundVerdicts`);
        /// `WordInfo.unmemoized` for facts kept nowhere (a joined separable verb, a full store).
        let id: UInt32
        /// `info.isKnown` and whether `info.ownAntonyms` has any, kept beside the facts for the
        /// same reason as `infoID`: every pair's alignment counts its known words
        /// (`AlignmentCounts`), and `meaning.antonym` asks every English word for its antonyms,
        /// which most have none of; each read through `info` was a load out of the cache.
        let isKnown: Bool
        let hasOwnAntonyms: Bool

        init(text: String, info: WordInfo, isFunction: Bool, isDigits: Bool, hasTwoLetters: Bool, figures: String,
             id: UInt32 = WordInfo.unmemoized) {
            self.text = text
            self.info = info
            self.isFunction = isFunction
            self.isDigits = isDigits
            self.hasTwoLetters = hasTwoLetters
            self.figures = figures
            compoundLength = LexicalAlignment.compoundLength(of: text)
            infoID = info.id
            isKnown = info.isKnown
            hasOwnAntonyms = !info.ownAntonyms.isEmpty
            self.id = id
        }
    }

    private func wordFacts(_ word: SentenceWord, side: LexicalAlignment.Side, info: WordInfo,
                           id: UInt32 = WordInfo.unmemoized) -> WordFacts {
        let isDigits = LexicalAlignment.hasFigures(word.text)
        return WordFacts(text: word.text, info: info, isFunction: isFunctionWord(word.text, side: side),
                         isDigits: isDigits, hasTwoLetters: Self.hasTwoLetters(word.text),
                         figures: isDigits ? LexicalAlignment.figures(of: word.text) : "", id: id)
    }

    /// A verb of `separableVerbs`, its particle's position and what the two mean joined: a
    /// struct in a short list, where a dictionary by position was made (and a set of the
    /// particles hashed) for every German sentence with one (a clause has one at most).
    private struct SeparableVerb {
        let verb: Int
        let particle: Int
        let info: WordInfo
    }

    /// German separable verb particles (from the grammar): a verb whose particle closes the
    /// clause (`stellte … vor`, `nahm … teil`) means what the joined verb means.
    static let germanParticles: Set<String> = [
        "ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "fort", "her", "herab", "heran", "heraus", "herbei", "herein",
        "herum", "herunter", "hervor", "hin", "hinaus", "hinein", "hinzu", "los", "mit", "nach", "nieder", "statt", "teil",
        "vor", "voran", "voraus", "vorbei", "weg", "weiter", "wieder", "zu", "zurück", "zusammen", "zugrunde", "zustande",
    ]

    /// The shapes (`SentenceWord.asciiShape`) of the ASCII words of `germanParticles`, in order.
    static let germanParticleShapes: [UInt32] = germanParticles.compactMap { particle -> UInt32? in
        let bytes = Array(particle.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return UInt32(bytes[0]) | UInt32(bytes[bytes.count - 1]) << 8 | UInt32(bytes.count) << 16
    }.sorted()

    /// Whether a word may be one of `germanParticles`: false for an ASCII word whose shape no
    /// particle has, told without hashing its text (nearly every clause's last word).
    static func mayBeGermanParticle(_ word: SentenceWord) -> Bool {
        let shape = word.asciiShape
        guard shape != SentenceWord.unknownShape, shape & SentenceWord.nonASCIIShape == 0 else { return true }
        var low = 0, high = germanParticleShapes.count
        while low < high {
            let middle = (low + high) / 2
            if germanParticleShapes[middle] < shape { low = middle + 1 } else { high = middle }
        }
        return low < germanParticleShapes.count && germanParticleShapes[low] == shape
    }

    /// The verbs of German clauses that end in a separable particle (`Die Regierung stellte den
    /// Plan vor`), each with its position, the particle's position and what the joined verb
    /// (`vorstellen`) and the verb alone mean together; the particle is then no word of its own.
    /// The verb is the first word of the clause (from its start: the finite verb stands second)
    /// whose lemma with the particle is a headword of the dictionary. A clause ends at the
    /// sentence's end or where anything but one space separates two words (a comma).
    private func separableVerbs(in words: [SentenceWord], side: LexicalAlignment.Side) -> [SeparableVerb] {
        let (from, to) = side == .source ? (sourceLanguage, targetLanguage) : (targetLanguage, sourceLanguage)
        var result: [SeparableVerb] = []
        var clauseStart = 0
        // By index: a word copied out of the array for each word of the sentence retained and
        // released its two strings, where only the last word of a clause is read further.
        for index in words.indices {
            let clauseEnds = index + 1 == words.count || words[index + 1].range.lowerBound - words[index].range.upperBound > 1
            defer { if clauseEnds { clauseStart = index + 1 } }
            guard clauseEnds, index > clauseStart, Self.mayBeGermanParticle(words[index]),
                  Self.germanParticles.contains(words[index].text) else { continue }
            let word = words[index]
            for candidate in clauseStart..<index where !result.contains(where: { $0.verb == candidate }) {
                let verb = words[candidate]
                // Nouns are capitalized; a verb only where it opens the sentence.
                guard !verb.isCapitalized || candidate == 0, Self.hasTwoLetters(verb.text),
                      !verb.text.unicodeScalars.contains(where: Latin1ScalarProperties.isNumeric) else { continue }
                let key = JoinedVerb(isSource: side == .source, particle: word.text, verb: verb.written)
                lock.lock()
                let cached = joinedCache[key]
                lock.unlock()
                let joinedInfo: WordInfo?
                if let cached {
                    joinedInfo = cached
                } else {
                    let joined = lexicon.lemmas(of: verb.written, language: from).map { word.text + $0.lowercased() }
                    joinedInfo = joined.first { !lexicon.translations(of: $0, from: from, to: to).isEmpty }
                        .map { info(of: verb.written, side: side).merging(info(of: $0, side: side), id: nextInfoID()) }
                    lock.lock()
                    if joinedCache.count < Self.infoCapacity { joinedCache[key] = .some(joinedInfo) }
                    lock.unlock()
                }
                guard let joinedInfo else { continue }
                result.append(SeparableVerb(verb: candidate, particle: index, info: joinedInfo))
                break
            }
        }
        return result
    }

    /// Whether `word` has two alphabetic scalars or more; stops at the second.
    static func hasTwoLetters(_ word: String) -> Bool {
        var letters = 0
        for scalar in word.unicodeScalars where Latin1ScalarProperties.isAlphabetic(scalar) {
            letters += 1
            if letters == 2 { return true }
        }
        return false
    }

    func info(of written: String, side: LexicalAlignment.Side) -> WordInfo {
        lock.lock()
        if let cached = side == .source ? sourceCache[written] : targetCache[written] {
            lock.unlock()
            return cached
        }
        // Past `infoCapacity` words a side, a new word's info is made each time and kept nowhere
        // (nor are its counterpart verdicts: it has no id), so that a stream of ever new words
        // (names) does not grow the store without end.
        let full = (side == .source ? sourceCache.count : targetCache.count) >= Self.infoCapacity
        lock.unlock()
        let made: WordInfo
        // Called through the optional, not bound to a name: the binding retained and released the
        // table, which every thread's store shares, for every new word.
        if let shared = sharedInfos?.info(of: written, side: side, make: { makeInfo(written, side: side, memoized: !full) }) {
            made = shared.adopted ? shared.info.adopted(id: full ? WordInfo.unmemoized : nextInfoID()) : shared.info
        } else {
            made = makeInfo(written, side: side, memoized: !full)
        }
        guard !full else { return made }
        lock.lock()
        if side == .source { sourceCache[written] = made } else { targetCache[written] = made }
        lock.unlock()
        return made
    }

    private static let infoCapacity = WordStoreCapacity.words

    private func makeInfo(_ written: String, side: LexicalAlignment.Side, memoized: Bool) -> WordInfo {
        let (from, to) = side == .source ? (sourceLanguage, targetLanguage) : (targetLanguage, sourceLanguage)
        let folded = written.lowercased()
        var lemmas: Set<String> = [folded]
        let isDigits = folded.unicodeScalars.contains { $0.properties.numericType != nil }
        var translations = Set<String>()
        // Words of translations that negate with a word of their own (`nicht erlaubt` for
        // `forbidden`), and of those that do not.
        var negatedWords = Set<String>()
        var plainWords = Set<String>()
        // The other language's lexicon is read in place: taken into a local, the struct of some
        // thirty tables was copied, each retained and released, for every word the store met.
        let toSource = side == .target
        func add(_ translation: String) {
            let negated = (toSource ? sourceNegations?.negatesWithWord(translation) : targetNegations?.negatesWithWord(translation)) == true
            for part in Self.contentWords(of: translation) where !isFunctionWord(part, side: toSource ? .source : .target) {
                translations.insert(part)
                if negated { negatedWords.insert(part) } else { plainWords.insert(part) }
            }
        }
        var isKnown = false
        if !isDigits {
            for lemma in lexicon.lemmas(of: written, language: from) { lemmas.insert(lemma.lowercased()) }
            if written != folded { for lemma in lexicon.lemmas(of: folded, language: from) { lemmas.insert(lemma.lowercased()) } }
            for lemma in lemmas {
                for translation in lexicon.translations(of: lemma, from: from, to: to) {
                    isKnown = true
                    add(translation.text)
                }
            }
            // A compound the dictionary lacks (`Handverletzungen`) is read through its parts
            // (`Hand`, `Verletzungen`): the last part carries the meaning, the first often has
            // its own counterpart in the other language.
            if !isKnown, NamesMissingRule.compounds.contains(from) {
                for part in compoundParts(of: folded, language: from) {
                    for lemma in [part] + lexicon.lemmas(of: part.prefix(1).uppercased() + part.dropFirst(), language: from)
                        + lexicon.lemmas(of: part, language: from) {
                        for translation in lexicon.translations(of: lemma.lowercased(), from: from, to: to) {
                            isKnown = true
                            add(translation.text)
                        }
                    }
                }
            }
            // A pair whose own dictionaries are small (ru–en: eng-rus has 1,700 headwords) is
            // bridged through a language both are linked with (deu-rus read backwards, then
            // deu-eng), for a word its own dictionaries do not list.
            if !isKnown {
                let pivots = side == .source ? sourcePivots : targetPivots
                for lemma in lemmas where !pivots.isEmpty {
                    for translation in lexicon.pivotTranslations(of: lemma, from: from, to: to, through: pivots) {
                        isKnown = true
                        add(translation.text)
                    }
                }
            }
        }
        // A Russian prefixed verb neither dictionary lists (`опубликовать`, `пообещать`) is read
        // through the verb without its prefix (`публиковать`, `обещать`): the prefix mostly makes
        // the perfective of the same verb, which dictionaries list once.
        if !isKnown, !isDigits, from == "ru" {
            let pivots = side == .source ? sourcePivots : targetPivots
            for lemma in lemmas {
                for verb in Self.unprefixedRussianVerbs(lemma) {
                    for translation in lexicon.translations(of: verb, from: from, to: to)
                        + (pivots.isEmpty ? [] : lexicon.pivotTranslations(of: verb, from: from, to: to, through: pivots)) {
                        isKnown = true
                        add(translation.text)
                    }
                }
            }
        }
        // English translations are widened by their WordNet synonyms (`verletzen` → `injure`,
        // whose synonym `wound` the translation may use): the dictionary gives one word of a
        // meaning, a translator any of them.
        var synonyms = Set<String>()
        var plainSynonyms = Set<String>()
        let negatedTranslations = negatedWords.subtracting(plainWords)
        if to == "en", lexicon.hasWordNet {
            for translation in translations {
                let negated = negatedTranslations.contains(translation)
                for synonym in lexicon.synonyms(of: translation) where !synonym.contains(" ") {
                    synonyms.insert(synonym.lowercased())
                    if !negated { plainSynonyms.insert(synonym.lowercased()) }
                }
            }
        }
        let isCapitalized = written.unicodeScalars.first?.properties.isUppercase == true
        var latinForm: String?
        if written.unicodeScalars.contains(where: { $0.value > 0x24F && $0.properties.isAlphabetic }) {
            lock.lock()
            latinForm = latin.transliterate(written).lowercased()
            lock.unlock()
        } else {
            latinForm = Self.asciiOfDecomposition(folded)
        }
        let skeletonSource = latinForm ?? folded
        var antonyms = Set<String>()
        var directAntonyms = Set<String>()
        if from == "en", !isDigits {
            for lemma in lemmas { for antonym in lexicon.antonyms(of: lemma) { antonyms.insert(antonym.lowercased()) } }
            if !antonyms.isEmpty {
                for lemma in lemmas { for antonym in lexicon.directAntonyms(of: lemma) { directAntonyms.insert(antonym.lowercased()) } }
            }
        }
        return WordInfo(id: memoized ? nextInfoID() : WordInfo.unmemoized, written: written, folded: folded, lemmas: lemmas, translations: translations, translationSynonyms: synonyms, isKnown: isKnown,
                        isCapitalized: isCapitalized, latin: latinForm, cognateKey: WordInfo.cognate(skeletonSource),
                        lemmaCognates: Set(lemmas.compactMap(WordInfo.cognate)),
                        translationCognates: Set(translations.compactMap(WordInfo.cognate)), antonyms: antonyms,
                        directAntonyms: directAntonyms, negatedTranslations: negatedTranslations,
                        negatedSynonyms: negatedTranslations.isEmpty ? [] : synonyms.subtracting(plainSynonyms))
    }

    /// The ASCII scalars of a word's canonical decomposition (`müller` → `muller`), its Latin
    /// spelling when its script is Latin. A word of scalars below U+0100 (nearly every word of
    /// Latin text) is read scalar by scalar (`latin1DecomposedASCII`): canonical reordering moves
    /// only combining marks, so its ASCII scalars stay in order, and none of these scalars
    /// decomposes into more than one ASCII scalar. Foundation's decomposition of each new word
    /// was a sixth of making its info (`asciiOfDecompositionAsWritten` is the reference).
    static func asciiOfDecomposition(_ word: String) -> String {
        var ascii = true
        for byte in word.utf8 where byte >= 0x80 {
            // A lead byte of C4 or above starts a scalar past U+00FF.
            guard byte < 0xC4 else { return asciiOfDecompositionAsWritten(word) }
            ascii = false
        }
        guard !ascii else { return word }
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                result.append(scalar)
            } else if let base = latin1DecomposedASCII[Int(scalar.value) - 0x80] {
                result.append(base)
            }
        }
        return String(result)
    }

    /// `asciiOfDecomposition` by Foundation's canonical decomposition.
    static func asciiOfDecompositionAsWritten(_ word: String) -> String {
        String(String.UnicodeScalarView(word.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.isASCII }))
    }

    /// The ASCII scalar of the canonical decomposition of each scalar from U+0080 to U+00FF
    /// (`ü` → `u`), `nil` where it has none (`ß`, `×`).
    static let latin1DecomposedASCII: [Unicode.Scalar?] = (0x80..<0x100).map { value in
        let ascii = asciiOfDecompositionAsWritten(String(Unicode.Scalar(UInt8(value)))).unicodeScalars
        precondition(ascii.count <= 1, "a Latin-1 scalar decomposes into one ASCII scalar at most")
        return ascii.first
    }

    /// The head and the last part of a compound (`handverletzungen` → `hand`, `verletzungen`): the
    /// longest last part of four letters or more that the dictionary knows, and the part before it
    /// (without a linking `s`) when the dictionary knows that too.
    private func compoundParts(of word: String, language: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 8 else { return [] }
        func string(_ slice: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(slice)) }
        func known(_ part: String) -> Bool {
            !lexicon.translations(of: part, from: language, to: language == sourceLanguage ? targetLanguage : sourceLanguage).isEmpty
                || lexicon.lemmas(of: part.prefix(1).uppercased() + part.dropFirst(), language: language).contains {
                    !lexicon.translations(of: $0.lowercased(), from: language, to: language == sourceLanguage ? targetLanguage : sourceLanguage).isEmpty
                }
        }
        for split in 3...(scalars.count - 4) {
            let tail = string(scalars[split...])
            guard known(tail) else { continue }
            var parts = [tail]
            let head = string(scalars[..<split])
            if known(head) {
                parts.append(head)
            } else if head.hasSuffix("s"), head.count > 3, known(String(head.dropLast())) {
                parts.append(String(head.dropLast()))
            }
            return parts
        }
        return []
    }

    /// Russian verbal prefixes (from the grammar; longest first, so `пере-` is tried before `п…`).
    static let russianVerbPrefixes = ["пере", "недо", "раз", "рас", "при", "про", "под", "над", "вы", "за", "на", "по",
                                      "до", "из", "ис", "от", "об", "со", "вз", "вс", "во", "с", "у", "о", "в"]

    /// The verb without its prefix (`опубликовать` → `публиковать`), for a lemma ending as an
    /// infinitive (`-ть`, `-ться`, `-ти`) whose rest keeps four letters or more.
    static func unprefixedRussianVerbs(_ lemma: String) -> [String] {
        guard lemma.hasSuffix("ть") || lemma.hasSuffix("ться") || lemma.hasSuffix("ти") else { return [] }
        return russianVerbPrefixes.compactMap { prefix in
            guard lemma.hasPrefix(prefix), lemma.count - prefix.count >= 4 else { return nil }
            return String(lemma.dropFirst(prefix.count))
        }
    }

    /// The words of a dictionary translation (`fall off`, `to decline (sth.)`), lower-cased, without
    /// what is in brackets.
    static func contentWords(of translation: String) -> [String] {
        var translation = translation
        if let words = translation.withUTF8({ contentWords(ascii: $0) }) { return words }
        return contentWordsAsWritten(translation)
    }

    /// `contentWords` on characters, for translations the byte path does not take (and the
    /// reference it is tested against).
    static func contentWordsAsWritten(_ translation: String) -> [String] {
        var depth = 0
        var cleaned = ""
        for character in translation {
            if character == "(" || character == "[" || character == "{" { depth += 1; continue }
            if character == ")" || character == "]" || character == "}" { depth = max(0, depth - 1); continue }
            if depth == 0 { cleaned.append(character) }
        }
        return cleaned.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" }
            .map(String.init).filter { $0.count >= 2 && $0 != "to" && $0 != "sth" && $0 != "sb" && $0 != "etw" && $0 != "jdn" }
    }

    /// `contentWords` of an ASCII translation, on bytes (a character is a byte there, and a letter
    /// or digit is `A`–`Z`, `a`–`z`, `0`–`9`); `nil` for other text. `meaning.antonym` reads
    /// every translation of every word of every sentence, and the character path was a tenth of a check.
    private static func contentWords(ascii translation: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard !translation.contains(where: { $0 >= 0x80 }) else { return nil }
        var words: [String] = []
        var depth = 0
        var word = [UInt8]()
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count >= 2 else { return }
            switch word {
            case [0x74, 0x6F], [0x73, 0x74, 0x68], [0x73, 0x62], [0x65, 0x74, 0x77], [0x6A, 0x64, 0x6E]: return  // to sth sb etw jdn
            default: words.append(String(decoding: word, as: Unicode.UTF8.self))
            }
        }
        for byte in translation {
            switch byte {
            case 0x28, 0x5B, 0x7B: depth += 1; continue  // ( [ {
            case 0x29, 0x5D, 0x7D: depth = max(0, depth - 1); continue  // ) ] }
            default: break
            }
            guard depth == 0 else { continue }
            switch byte {
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x27, 0x2D: word.append(byte)  // letters, digits, ' -
            default: flush()
            }
        }
        flush()
        return words
    }
}

/// Working memory that the alignments of one pair walk reuse (`PairWalk.alignmentScratch`): a
/// walk aligns its pairs one after another on one thread (a `PairWalk` is not `Sendable`, as
/// a pair's `SharedPairWork` is not), so nothing here is locked.
final class AlignmentScratch {
    /// `[index]` for each index asked for so far, up to `limit`: most linked words have one
    /// counterpart, and a list made for each link was an allocation and a free per link of every
    /// pair (with the frees, a third of `counterpartLinks`'s time).
    struct OneLinkLists {
        private var lists: [[Int]] = []
        static let limit = 4096

        /// `[index]`, shared by every list of that one index made through these lists.
        mutating func list(of index: Int) -> [Int] {
            guard index >= 0, index < Self.limit else { return [index] }
            if index >= lists.count {
                lists.reserveCapacity(index + 1)
                for next in lists.count...index { lists.append([next]) }
            }
            return lists[index]
        }
    }

    private var oneLinkLists = OneLinkLists()
    /// `counterpartLinks`'s buffer, kept at the largest size asked for up to `figuresLimit`
    /// (`nil` while a pair has it).
    private var figures: [UInt64]? = []
    static let figuresLimit = 1 << 16

    /// The buffer with at least `count` elements, the first `count` of them 0; a new one when
    /// it is lent already or too short.
    func takeFigures(zeroing count: Int) -> [UInt64] {
        guard var taken = figures, taken.count >= count else {
            figures = nil
            return [UInt64](filling: 0, count: count)
        }
        figures = nil
        taken.withUnsafeMutableBufferPointer { buffer in
            UnsafeMutableBufferPointer(rebasing: buffer[..<count]).update(repeating: 0)
        }
        return taken
    }

    /// The one-link lists, for a pair to use and give back.
    func takeOneLinkLists() -> OneLinkLists {
        defer { oneLinkLists = OneLinkLists() }
        return oneLinkLists
    }

    /// Keeps what a pair took (`takeFigures`, `takeOneLinkLists`) for the next pair, but a buffer
    /// past `figuresLimit` (one long unit should not hold its memory for the rest of the walk).
    func giveBack(_ taken: [UInt64], _ lists: OneLinkLists) {
        figures = taken.count <= Self.figuresLimit ? taken : []
        oneLinkLists = lists
    }
}

/// `AlignmentWords.areCounterparts`'s verdicts by pair of info ids: an open-addressing table whose
/// entry is the key and the verdict in one word, so that a look-up reads one cache line. With a
/// million pairs or more a `Dictionary<UInt64, Bool>` read three (its bitmap, keys and values),
/// and those misses were a fifth of aligning a sentence pair.
struct CounterpartTable {
    /// `key << 1 | verdict`; 0 is an empty slot (keys are never 0: ids start at 1).
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
    private(set) var count = 0

    private func start(_ key: UInt64) -> Int {
        // Fibonacci hashing: the high bits of the product, as many as the table has slots.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slots.count.trailingZeroBitCount))
    }

    /// The verdict kept for `key`, which is below 2^63.
    func verdict(_ key: UInt64) -> Bool? {
        let mask = slots.count - 1
        var index = start(key)
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            if slot >> 1 == key { return slot & 1 == 1 }
            index = (index + 1) & mask
        }
    }

    /// `verdict` of each key not 0, written into `verdicts` at its position (1 no, 2 yes) where one
    /// is kept; other positions are left as they are (`readVerdicts(of:into:)` over buffers).
    func readVerdicts(of keys: [UInt64], into verdicts: inout [UInt8]) {
        var known = [UInt64](filling: 0, count: keys.count)
        keys.withUnsafeBufferPointer { keys in
            known.withUnsafeMutableBufferPointer { known in readVerdicts(of: keys, into: known) }
        }
        for position in keys.indices where known[position] != 0 { verdicts[position] = UInt8(known[position]) }
    }

    /// `verdict` of each key not 0, written into `known` at its position: 1 no, 2 yes, 0 none
    /// kept; positions of keys of 0 are left as they are. Every key's first slot is loaded in
    /// one pass (into `known`) before any is compared: the loads do not wait on each other, so
    /// their cache misses overlap, where probing key after key stalled on each (half of
    /// `counterpartLinks`'s own time).
    func readVerdicts(of keys: UnsafeBufferPointer<UInt64>, into known: UnsafeMutableBufferPointer<UInt64>) {
        precondition(known.count >= keys.count)
        let mask = slots.count - 1
        slots.withUnsafeBufferPointer { slots in
            for position in keys.indices where keys[position] != 0 { known[position] = slots[start(keys[position])] }
            for position in keys.indices where keys[position] != 0 {
                let key = keys[position]
                var index = start(key), slot = known[position]
                known[position] = 0
                while slot != 0 {
                    if slot >> 1 == key { known[position] = slot & 1 == 1 ? 2 : 1; break }
                    index = (index + 1) & mask
                    slot = slots[index]
                }
            }
        }
    }

    /// Keeps a verdict for a key below 2^63; a key kept already keeps its first verdict (two
    /// threads may both have decided it, alike).
    mutating func insert(_ key: UInt64, _ verdict: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        if place(key << 1 | (verdict ? 1 : 0)) { count += 1 }
    }

    @discardableResult
    private mutating func place(_ entry: UInt64) -> Bool {
        let mask = slots.count - 1
        var index = start(entry >> 1)
        while slots[index] != 0 {
            if slots[index] >> 1 == entry >> 1 { return false }
            index = (index + 1) & mask
        }
        slots[index] = entry
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 { place(entry) }
    }
}

/// Word facts of ASCII words by their bytes, for `AlignmentWords.words(of:side:)`: every word
/// of every pair is looked up there, and hashing its string (SipHash, with the string's checks
/// of normalization) was a fifth of finding the words' facts. Open addressing over an arena of
/// the words' bytes, so that probing touches no reference count.
struct ASCIIWordFacts {
    /// A word's bytes (at most `maximumLength`, packed little-endian into two words) with its
    /// length and hash: a key is a value, made without touching the heap.
    struct Key: Equatable {
        let low: UInt64, high: UInt64
        let length: Int
        /// Every bit of the bytes reaches the low bits the table indexes by (MurmurHash3's finalizer).
        var hash: UInt64 {
            var h = low &* 0x9E37_79B9_7F4A_7C15 ^ high &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(truncatingIfNeeded: length)
            h ^= h >> 33
            h = h &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 33
            h = h &* 0xC4CE_B9FE_1A85_EC53
            return h ^ h >> 33
        }
    }

    /// Longer ASCII words go by their strings, as other words do.
    static let maximumLength = 16

    /// No word's key (`key(of:)` gives none of length 0): a word `find` is not to look up.
    static let noKey = Key(low: 0, high: 0, length: 0)

    /// The key of a word of 1 to 16 ASCII bytes; `nil` for any other.
    static func key(of word: String) -> Key? {
        let count = word.utf8.count
        guard count > 0, count <= maximumLength else { return nil }
        // A string that lends its bytes (a native one, as every word here is) is read as two
        // words at once: every word of every pair is keyed, and the byte loop below was half
        // of finding the words' facts once the table was probed for a sentence at a time.
        let packed = word.utf8.withContiguousStorageIfAvailable { bytes -> Key? in
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            guard (words.0 | words.1) & 0x8080_8080_8080_8080 == 0 else { return nil }
            return Key(low: UInt64(littleEndian: words.0), high: UInt64(littleEndian: words.1), length: count)
        }
        if let packed { return packed }
        return keyByBytes(of: word, count: count)
    }

    /// `key(of:)` byte by byte, for a string that lends no storage (and the reference it is
    /// tested against); `count` is the word's UTF-8 length, 1 to 16.
    static func keyByBytes(of word: String, count: Int) -> Key? {
        var low: UInt64 = 0, high: UInt64 = 0
        var index = 0
        for byte in word.utf8 {
            guard byte < 0x80 else { return nil }
            if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
            index += 1
        }
        return Key(low: low, high: high, length: count)
    }

    /// A word's key and its facts side by side: a look-up that finds its word reads one entry,
    /// where separate arrays of keys and of facts were two loads, each most often out of the cache.
    private struct Entry {
        let key: Key
        var facts: AlignmentWords.WordFacts
    }

    /// Indices into `entries` plus one; 0 is an empty slot.
    private var slots = [Int32](repeating: 0, count: 1 << 10)
    private var entries: [Entry] = []
    var count: Int { entries.count }

    /// A word's key and, after `find`, the index of its entry (`facts(at:)`), -1 where none is
    /// kept or the key is `noKey`.
    struct Lookup {
        let key: Key
        var entry = -1
        /// Read off the entry's facts by `find`, so that its load is not left out.
        var infoID: UInt32 = 0
    }

    /// Finds the entry of every lookup's key. Each key's first slot is loaded in one pass, then
    /// the entries those slots name, then a field of each found entry's facts: the loads of a
    /// pass do not wait on each other, so their cache misses overlap. Looked up one by one, each
    /// word stalled on its slot, its entry and its facts in turn (the atomic add that counts a
    /// reference to the facts holds back the loads after it): 2 % of a news check's CPU.
    func find(_ lookups: inout [Lookup]) {
        let mask = slots.count - 1
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                lookups.withUnsafeMutableBufferPointer { lookups in
                    for position in lookups.indices where lookups[position].key != Self.noKey {
                        lookups[position].entry = Int(slots[Int(truncatingIfNeeded: lookups[position].key.hash) & mask]) - 1
                    }
                    for position in lookups.indices where lookups[position].entry >= 0 {
                        let key = lookups[position].key
                        var index = Int(truncatingIfNeeded: key.hash) & mask
                        var slot = lookups[position].entry + 1
                        lookups[position].entry = -1
                        while slot != 0 {
                            if entries[slot - 1].key == key { lookups[position].entry = slot - 1; break }
                            index = (index + 1) & mask
                            slot = Int(slots[index])
                        }
                    }
                    for position in lookups.indices where lookups[position].entry >= 0 {
                        lookups[position].infoID = entries[lookups[position].entry].facts.infoID
                    }
                }
            }
        }
    }

    /// The facts of the entry `find` found.
    func facts(at entry: Int) -> AlignmentWords.WordFacts { entries[entry].facts }

    func facts(of key: Key) -> AlignmentWords.WordFacts? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let slot = Int(slots[index])
            if slot == 0 { return nil }
            if entries[slot - 1].key == key { return entries[slot - 1].facts }
            index = (index + 1) & mask
        }
    }

    /// Keeps `facts` for `key`, in place of any kept before (as a dictionary's subscript does).
    mutating func insert(_ facts: AlignmentWords.WordFacts, for key: Key) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.hash) & mask
        while slots[index] != 0 {
            if entries[Int(slots[index]) - 1].key == key { entries[Int(slots[index]) - 1].facts = facts; return }
            index = (index + 1) & mask
        }
        entries.append(Entry(key: key, facts: facts))
        slots[index] = Int32(entries.count)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (position, entry) in entries.enumerated() {
            var index = Int(truncatingIfNeeded: entry.key.hash) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = Int32(position + 1)
        }
    }
}

/// Function words per language (`Resources/Meaning/function-words.txt`).
enum FunctionWords {
    /// The function words of `language`'s primary language, read once per process and language
    /// from that language's lines (a check reads two of the file's thirteen).
    static func of(_ language: String) -> Set<String> {
        let primary = LexicalLanguages.primary(language)
        return byLanguage.value(for: primary) { read(primary) }
    }

    private static let byLanguage = ProcessMemo<String, Set<String>>(makesOnce: true)

    static func read(_ language: String) -> Set<String> {
        guard let text = LectorResources.text(of: "Meaning/function-words.txt") else {
            // A missing resource is a broken build, not a state a user can be in: fail loudly.
            preconditionFailure("Lector's resource Meaning/function-words.txt is missing")
        }
        var result: Set<String> = []
        for line in ResourceLines.lines(of: text, startingWith: language + "\t") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, fields[0] == language else { continue }
            result.formUnion(fields[1].split(separator: " ").map(String.init))
        }
        return result
    }
}

