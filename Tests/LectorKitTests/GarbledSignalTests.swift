import LectorKit
import LectorTestSupport
import Testing

/// Each signal of the garbled-sentence detector fires on what it is for and stays silent on
/// correct translations, in at least two language pairs.
@Suite struct GarbledSignalTests {
    func signals(_ source: String, _ target: String, from: String, to: String) -> GarbledSignals {
        GarbledSignalExtractor(sourceLanguage: from, targetLanguage: to).signals(source: source, target: target)
    }

    @Test func relativeClauseFromAListItem() {
        let source = "Moskau fordert einen Verzicht auf die Nato, die Anerkennung der abtrünnigen Gebiete sowie der Krim."
        #expect(signals(source, "Moscow demands it renounce NATO, which recognizes the breakaway areas and Crimea.",
                        from: "de", to: "en").values["clause.relative_added"] == 1)
        #expect(signals(source, "Moscow demands it renounce NATO, recognise the breakaway areas and Crimea.",
                        from: "de", to: "en").values["clause.relative_added"] == nil)
        // A real German relative clause may become an English one.
        #expect(signals("Der Minister, der am Montag sprach, erwartet Fortschritte.",
                        "The minister, who spoke on Monday, expects progress.", from: "de", to: "en")
            .values["clause.relative_added"] == nil)
        #expect(signals(source, "Moskva požaduje vzdání se NATO, které uznává odtržená území a Krym.",
                        from: "de", to: "cs").values["clause.relative_added"] == 1)
    }

    @Test func negationOnOneSideOnly() {
        #expect(signals("I can't wait to join the protest.", "Ich kann warten, dem Protest beizutreten.",
                        from: "en", to: "de").values["negation.mismatch"] == 1)
        #expect(signals("I can't wait to join the protest.", "Ich kann es nicht erwarten, dem Protest beizutreten.",
                        from: "en", to: "de").values["negation.mismatch"] == nil)
        #expect(signals("He never said that.", "Он это сказал.", from: "en", to: "ru").values["negation.mismatch"] == 1)
        #expect(signals("He never said that.", "Он никогда этого не говорил.", from: "en", to: "ru").values["negation.mismatch"] == nil)
        #expect(signals("This is not true.", "这是真的。", from: "en", to: "zh").values["negation.mismatch"] == 1)
        #expect(signals("This is not true.", "这不是真的。", from: "en", to: "zh").values["negation.mismatch"] == nil)
    }

    @Test func numbersThatChanged() {
        #expect(signals("About 20,000 people died.", "Etwa 2.000 Menschen starben.", from: "en", to: "de").values["numbers.unmatched"] != nil)
        #expect(signals("About 20,000 people died.", "Etwa 20.000 Menschen starben.", from: "en", to: "de").values["numbers.unmatched"] == nil)
        #expect(signals("He has one car.", "Má 1 auto.", from: "en", to: "cs").values["numbers.unmatched"] == nil)
        #expect(signals("The 1993 World Series", "1993 年 世界 大賽", from: "en", to: "zh").values["numbers.unmatched"] == nil)
        #expect(signals("Prices rose 15 percent.", "Ceny vzrostly o 50 procent.", from: "en", to: "cs").values["numbers.unmatched"] != nil)
    }

    @Test func toxicityAddedOrRemoved() {
        #expect(signals("This is crap.", "Das ist Unsinn.", from: "en", to: "de").values["toxicity.mismatch"] == 1)
        #expect(signals("This is crap.", "Das ist Scheiße.", from: "en", to: "de").values["toxicity.mismatch"] == nil)
        #expect(signals("You are an idiot.", "Jsi skvělý.", from: "en", to: "cs").values["toxicity.mismatch"] == 1)
        #expect(signals("You are an idiot.", "Jsi idiot.", from: "en", to: "cs").values["toxicity.mismatch"] == nil)
    }

    @Test func repeatedWordLoops() {
        let loop = "The negotiations the negotiations the negotiations continue."
        #expect(signals("Die Verhandlungen gehen weiter.", loop, from: "de", to: "en").values["repetition.target"] != nil)
        #expect(signals("Die Verhandlungen gehen weiter.", "The negotiations continue.", from: "de", to: "en")
            .values["repetition.target"] == nil)
        #expect(signals("Talks continue.", "Die Gespräche die Gespräche die Gespräche gehen weiter.", from: "en", to: "de")
            .values["repetition.target"] != nil)
    }

    @Test func lengthAndCopiedWords() {
        let long = "The negotiations between the two delegations will continue in Istanbul on Tuesday and Wednesday."
        #expect((signals(long, "Verhandlungen.", from: "en", to: "de").values["length.too_short"] ?? 0) > 2)
        #expect(signals(long, "Die Verhandlungen zwischen den beiden Delegationen werden am Dienstag und Mittwoch in Istanbul fortgesetzt.",
                        from: "en", to: "de").values["length.too_short"] == nil)
        #expect((signals(long, long, from: "en", to: "cs").values["copy.ratio"] ?? 0) > 0.9)
    }

    @Test func evidenceNamesWhatWasSeen() {
        let found = signals("I can't wait to join the protest.", "Ich kann warten, dem Protest beizutreten.", from: "en", to: "de")
        #expect(found.evidence["negation.mismatch"] == "negation only in the source (“can't”)")
    }

    /// Correct translations in three language pairs raise no warning or error of any rule.
    @Test(arguments: [
        ("de", "en", "Die Gespräche sollen am Dienstag in Istanbul beginnen.", "The talks are to begin in Istanbul on Tuesday."),
        ("de", "en", "Etwa 20.000 Menschen sind nach Angaben Selenskyjs im Krieg gestorben.",
         "According to Zelenskyy, about 20,000 people have died in the war."),
        ("en", "de", "Peskov said on Monday that no progress was expected.",
         "Peskow sagte am Montag, es werde kein Fortschritt erwartet."),
        ("ru", "en", "Лавров и Кулеба встретились 10 марта в Анталье.", "Lavrov and Kuleba met in Antalya on March 10."),
        ("en", "cs", "The delegations did not meet on Wednesday.", "Delegace se ve středu nesešly."),
    ])
    func correctTranslationsStayClean(_ from: String, _ to: String, _ source: String, _ target: String) {
        let checker = Fixtures.bilingualChecker(from: from, to: to)
        let findings = checker.check(SourceDocument(path: "t.txt", text: target), source: SourceDocument(path: "s.txt", text: source))
        #expect(findings.filter { $0.severity >= .warning }.map(\.message) == [])
    }
}
