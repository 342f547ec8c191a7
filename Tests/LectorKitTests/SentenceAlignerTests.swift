import LectorKit
import LectorTestSupport
import Testing

@Suite struct SentenceAlignerTests {
    @Test func seedArticleAlignsLineByLine() throws {
        let source = try SourceDocument.load(path: Fixtures.seedSourcePath)
        let target = try SourceDocument.load(path: Fixtures.seedArticlePath)
        let pairs = SentenceAligner(sourceLanguage: "de", targetLanguage: "en").align(source: source, target: target)
        #expect(pairs.allSatisfy { $0.source != nil && $0.target != nil })
        // Every bead stays within one line on both sides, and each line's beads pair with the same line.
        var linePairs = Set<String>()
        for pair in pairs {
            let sourceLine = source.location(ofUTF16Offset: pair.source!.lowerBound).line
            let targetLine = target.location(ofUTF16Offset: pair.target!.lowerBound).line
            #expect(sourceLine == targetLine, "\(source.text(in: pair.source!)) ↔ \(target.text(in: pair.target!))")
            linePairs.insert("\(sourceLine)")
        }
        #expect(linePairs.count == 14)
        let nato = try #require(pairs.first { target.text(in: $0.target!).contains("renounce NATO") })
        #expect(source.text(in: nato.source!).contains("Verzicht auf die Nato"))
    }

    @Test func omittedSentenceBecomesAnEmptyBead() {
        let source = SourceDocument(path: "de.txt", text: "Die Gespräche beginnen am Dienstag in Istanbul. Das bestätigte Kremlsprecher Dmitri Peskow am Montag in Moskau gegenüber der Nachrichtenagentur Interfax. Beide Delegationen sind bereits angereist.")
        let target = SourceDocument(path: "en.txt", text: "The talks begin in Istanbul on Tuesday. Both delegations have already arrived.")
        let pairs = SentenceAligner(sourceLanguage: "de", targetLanguage: "en").align(source: source, target: target)
        #expect(pairs.map { "\($0.sourceSentenceCount)-\($0.targetSentenceCount)" } == ["1-1", "1-0", "1-1"])
        #expect(source.text(in: pairs[1].source!).hasPrefix("Das bestätigte Kremlsprecher"))
    }

    @Test func mergedSentencesBecomeTwoToOne() {
        let source = SourceDocument(path: "de.txt", text: "Moskau fordert viel. Kiew widerspricht. Die Gespräche gehen am Mittwoch in Istanbul weiter.")
        let target = SourceDocument(path: "en.txt", text: "Moscow demands a lot, and Kyiv refuses. The talks continue in Istanbul on Wednesday.")
        let pairs = SentenceAligner(sourceLanguage: "de", targetLanguage: "en").align(source: source, target: target)
        #expect(pairs.map { "\($0.sourceSentenceCount)-\($0.targetSentenceCount)" } == ["2-1", "1-1"])
    }

    /// Two source sentences of about the same length and one translation: lengths cannot tell
    /// which was left out; the name and the figure both sides spell alike can, in either order.
    @Test func wordsBothSidesSpellAlikeTellWhichSentenceWasLeftOut() {
        let first = "Die Gespräche in Istanbul dauerten 3 Stunden."
        let second = "Danach reiste die Delegation nach Moskau zurück."
        for (source, translation, leftOut) in [(first + " " + second, "The talks in Istanbul lasted 3 hours.", second),
                                               (second + " " + first, "The talks in Istanbul lasted 3 hours.", second),
                                               (first + " " + second, "Then the delegation went back to Moscow.", first)] {
            let sourceDocument = SourceDocument(path: "de.txt", text: source)
            let pairs = SentenceAligner(sourceLanguage: "de", targetLanguage: "en")
                .align(source: sourceDocument, target: SourceDocument(path: "en.txt", text: translation))
            let unpaired = pairs.filter { $0.target == nil }.compactMap(\.source).map { sourceDocument.text(in: $0) }
            #expect(unpaired == [leftOut], "\(source) → \(translation)")
        }
    }
}
