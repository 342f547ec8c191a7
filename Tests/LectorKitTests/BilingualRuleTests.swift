import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// A bilingual rule alone (the `Rule` protocol's pair walk) and through the checker's single walk
/// over the pairs give the same findings.
@Suite struct BilingualRuleTests {
    static let source = """
    Etwa 20.000 Menschen sind am 24. Februar in Kiew gestorben. Das sagte Kremlsprecher Dmitri Peskow am Montag in Moskau.
    Mehr unter https://example.org/de/news. Die Gespräche beginnen am Dienstag in Istanbul.
    """
    static let target = """
    About 2,000 people died in Kiev on February 21.
    Read more at https://example.org/en/news. The talks begin in Istanbul on Tuesday, said Medinski.
    """

    @Test(arguments: [false, true])
    func ruleAloneAndThroughTheCheckerAgree(onSeed: Bool) throws {
        let checker = Fixtures.bilingualChecker(from: "de", to: "en")
        let target = onSeed ? try SourceDocument.load(path: Fixtures.seedArticlePath)
            : SourceDocument(path: "t.en.txt", text: Self.target)
        let source = onSeed ? try SourceDocument.load(path: Fixtures.seedSourcePath)
            : SourceDocument(path: "s.de.txt", text: Self.source)
        let throughChecker = checker.check(target, source: source)
        let sourceIndex = try #require(checker.sourceIndex)
        let pairs = SentenceAligner(sourceLanguage: "de", targetLanguage: "en").align(source: source, target: target)
        let bilingual = BilingualContext(source: source, sourceLanguage: "de", pairs: pairs, sourceIndex: sourceIndex,
                                         sourceGlossaryMatches: try GlossaryMatcher(index: sourceIndex).matches(in: source),
                                         inlineCodes: nil, isPairedByFile: false)
        let context = CheckContext(document: target, index: checker.index,
                                   glossaryMatches: try GlossaryMatcher(index: checker.index).matches(in: target),
                                   bilingual: bilingual)
        var compared = 0
        for rule in RuleRegistry.all where rule is any BilingualRule.Type {
            let id = rule.description.id
            let alone = rule.init().findings(in: context).map { "\($0.range) \($0.message)" }.sorted()
            let piped = throughChecker.filter { $0.ruleID == id }
                .map { "\($0.location.utf16Offset..<$0.endLocation.utf16Offset) \($0.message)" }.sorted()
            #expect(alone == piped, "\(id)")
            compared += alone.count
        }
        if !onSeed { #expect(compared >= 4, "the made-up pair gives bilingual findings to compare") }
    }
}

/// A unit rule (a string check) alone, walking the units itself, and through the checker's one
/// walk over the units of a bilingual file give the same findings; on texts it says nothing.
@Suite struct UnitRuleTests {
    static let po = #"""
    msgid ""
    msgstr ""
    "Language: de\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"

    msgid "&Save file"
    msgstr "Datei  speichern"

    msgid "Are you sure?"
    msgstr "Sind Sie sicher."

    msgid "Open (read only)"
    msgstr "Öffnen (schreibgeschützt"

    msgid "Settings"
    msgstr "Settings"

    msgid "Line\\n"
    msgstr "Zeile"

    msgid "%d file"
    msgid_plural "%d files"
    msgstr[0] "%d Datei"
    msgstr[1] ""

    msgid "save the file"
    msgstr "Die Die Datei speichern"
    """#

    @Test func ruleAloneAndThroughTheCheckerAgree() throws {
        let file = try BilingualFileLoader.load(data: Data(Self.po.utf8), path: "messages.de.po", mappingTargets: false)
        let checker = Fixtures.bilingualChecker(from: "en", to: "de")
        let throughChecker = checker.check(file)
        let source = SourceDocument.assembled(path: file.path, segments: file.units.map { $0.source })
        let target = SourceDocument.assembled(path: file.path, segments: file.units.map { $0.target })
        let sourceIndex = try #require(checker.sourceIndex)
        var bilingual = BilingualContext(source: source, sourceLanguage: "en",
                                         pairs: Checker.unitPairs(of: file, source: source, target: target),
                                         sourceIndex: sourceIndex, sourceGlossaryMatches: [], inlineCodes: nil, isPairedByFile: true)
        bilingual.units = file.units
        bilingual.pluralFormCount = file.pluralFormCount
        bilingual.format = file.format
        let context = CheckContext(document: target, index: checker.index, glossaryMatches: [], bilingual: bilingual)
        let textContext = CheckContext(document: SourceDocument(path: "t.txt", text: "Datei  speichern"), index: checker.index,
                                       glossaryMatches: [])
        var rulesWithFindings = 0
        for rule in RuleRegistry.all where rule is any UnitRule.Type {
            let id = rule.description.id
            let alone = rule.init().findings(in: context).map { "\($0.range) \($0.message)" }.sorted()
            let piped = throughChecker.filter { $0.ruleID == id }
                .map { "\($0.location.utf16Offset..<$0.endLocation.utf16Offset) \($0.message)" }.sorted()
            #expect(alone == piped, "\(id)")
            if !alone.isEmpty { rulesWithFindings += 1 }
            #expect(rule.init().findings(in: textContext).isEmpty, "\(id) has no units to read in a text")
        }
        // Double space, end punctuation, bracket, unchanged, newline, plural form, doubled word.
        #expect(rulesWithFindings >= 6, "\(throughChecker.map { $0.ruleID })")
    }
}
