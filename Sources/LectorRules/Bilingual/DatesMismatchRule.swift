import LectorHunspell
import LectorICU
import LectorText

/// Dates whose day or month differ between a source sentence and its translation, with month
/// names from CLDR through ICU: `24. Februar` = `February 24`, `28.03.2022` = `03/28/2022`. Also
/// a day of the week or a month named on its own that became another (`am Dienstag` → `on
/// Thursday`, `im März` → `in May`), with CLDR's wide names of both languages.
public struct DatesMismatchRule: BilingualRule {
    public static let description = RuleDescription(
        id: "dates.mismatch",
        name: "Date mismatch",
        summary: "A date of the source is missing from the translation, or the translation gives another day or month.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("The talks began on ↓June 12.", source: "Die Gespräche begannen am 21. Juni.", from: "de", to: "en"),
            RuleExample("The war began on ↓February 4.", source: "Война началась 24 февраля.", from: "ru", to: "en"),
            RuleExample("Die Gespräche begannen am ↓10. Mai.", source: "The talks began on March 10.", from: "en", to: "de"),
            RuleExample("The flag was blessed on ↓14 June 1884.", source: "Lipp õnnistati Otepääl 4. juunil 1884.", from: "et", to: "en"),
            RuleExample("Scholz met Macron in Paris on ↓Thursday.", source: "Scholz traf Macron am Dienstag in Paris.", from: "de", to: "en"),
            RuleExample("The museum stays closed until the end of ↓May.", source: "Das Museum bleibt bis Ende März geschlossen.",
                        from: "de", to: "en"),
            RuleExample("Le sommet aura lieu ↓mercredi.", source: "The summit will take place on Friday.", from: "en", to: "fr"),
            RuleExample("Голосование продлится до конца ↓октября.", source: "Die Abstimmung läuft bis Ende September.", from: "de", to: "ru"),
        ],
        nonTriggeringExamples: [
            RuleExample("The war began on February 24.", source: "Der Krieg begann am 24. Februar.", from: "de", to: "en"),
            RuleExample("The war began on February 24.", source: "Война началась 24 февраля.", from: "ru", to: "en"),
            RuleExample("Updated 03/28/2022 13:56.", source: "Aktualisiert 28.03.2022 13:56.", from: "de", to: "en"),
            RuleExample("Die Gespräche begannen am 10. März.", source: "The talks began on March 10.", from: "en", to: "de"),
            RuleExample("The flag was blessed on 4 June 1884.", source: "Lipp õnnistati Otepääl 4. juunil 1884.", from: "et", to: "en"),
            RuleExample("Estonia was a member of the League of Nations from 22 September 1921.",
                        source: "Eesti oli Rahvasteliidu liige alates 22. septembrist 1921.", from: "et", to: "en"),
            RuleExample("Scholz met Macron in Paris on Tuesday.", source: "Scholz traf Macron am Dienstag in Paris.", from: "de", to: "en"),
            RuleExample("Scholz met Macron in Paris yesterday.", source: "Scholz traf Macron am Dienstag in Paris.", from: "de", to: "en"),
            RuleExample("The museum stays closed until the end of March.", source: "Das Museum bleibt bis Ende März geschlossen.",
                        from: "de", to: "en"),
            RuleExample("Le sommet aura lieu vendredi.", source: "The summit will take place on Friday.", from: "en", to: "fr"),
            RuleExample("Голосование продлится до конца сентября.", source: "Die Abstimmung läuft bis Ende September.", from: "de", to: "ru"),
            RuleExample("May I add that the vote is in March?", source: "Darf ich hinzufügen, dass die Abstimmung im März ist?",
                        from: "de", to: "en"),
        ],
        scope: .bilingual
    )

    public init() {}

    /// The extractors depend on the languages alone.
    public static let preparationOutlivesDocument = true

    /// Number extractors, which find the dates too (`numbers.mismatch` reads the same pass,
    /// `SentencePairContext.numbersAndDates`), and each side's names of days and months in other cases.
    public struct Preparation {
        let source: NumberExtractor
        let target: NumberExtractor
        let sourceStems: DayNameStems
        let targetStems: DayNameStems
    }

    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> Preparation {
        let source = try NumberExtractor(language: bilingual.sourceLanguage)
        let target = try NumberExtractor(language: context.index.targetLanguage)
        return Preparation(source: source, target: target,
                           sourceStems: DayNameStems(dates: source.dates, dictionary: context.lexicon?.hunspell(bilingual.sourceLanguage)),
                           targetStems: DayNameStems(dates: target.dates, dictionary: context.lexicon?.hunspell(context.index.targetLanguage)))
    }

    public func findings(in pair: SentencePairContext, using extractors: Preparation) -> [RuleFinding] {
        var unmatched = pair.numbersAndDates(ofSource: extractors.source).dates
        // Tokenized MT (`am 15 . April`) is read detokenized; findings then cover the sentence.
        let tokenized = pair.sharedReadableTarget.isTokenized
        let target = pair.numbersAndDates(ofReadableTarget: extractors.target).dates
        var findings: [RuleFinding] = []
        for date in target {
            if let index = unmatched.firstIndex(where: { $0.isSameDay(as: date) }) {
                unmatched.remove(at: index)
            } else {
                findings.append(RuleFinding(range: pair.targetRange(ofReadableRange: date.range, tokenized: tokenized),
                                            message: "`\(date.text)` is not a date of the source"
                    + (unmatched.isEmpty ? "" : " (the source has \(unmatched.map { "`\($0.text)`" }.joined(separator: ", ")))")))
            }
        }
        if target.isEmpty {
            for date in unmatched {
                findings.append(RuleFinding(range: pair.targetRange, message: "the source's date `\(date.text)` is missing here"))
            }
        }
        return findings + namedDayFindings(in: pair, using: extractors, targetDates: target, tokenized: tokenized)
    }

    /// A day of the week or a month the translation names in place of the one the source names
    /// (`am Dienstag` → `on Thursday`, `bis Ende März` → `until the end of May`). Only where the
    /// source names one of that kind the translation lacks, and the translation one the source
    /// lacks: a day the translation leaves out or adds (`yesterday` for `am Dienstag`) is not this.
    /// A month inside a date of the translation is left to the date comparison above.
    func namedDayFindings(in pair: SentencePairContext, using extractors: Preparation,
                          targetDates: [ExtractedDate], tokenized: Bool) -> [RuleFinding] {
        let source = pair.namedDays(ofSource: extractors.source, stems: extractors.sourceStems)
        guard !source.isEmpty else { return [] }
        let target = pair.namedDays(ofReadableTarget: extractors.target, stems: extractors.targetStems)
        guard !target.isEmpty else { return [] }
        var findings: [RuleFinding] = []
        // A sentence names a day or a month or two: the lists are searched as they are, where
        // four sets of values were made and freed for every pair that names some on each side.
        func isNamed(_ value: Int, of kind: NamedDay.Kind, in list: [NamedDay]) -> Bool {
            list.contains { $0.kind == kind && $0.value == value }
        }
        for kind in [NamedDay.Kind.weekday, .month] {
            let lost = source.filter { $0.kind == kind && !isNamed($0.value, of: kind, in: target) }
            guard !lost.isEmpty else { continue }
            let names = Array(Set(lost.map(\.text))).sorted().map { "`\($0)`" }.joined(separator: ", ")
            for named in target where named.kind == kind && !isNamed(named.value, of: kind, in: source) {
                if kind == .month, targetDates.contains(where: { $0.range.overlaps(named.range) }) { continue }
                let what = kind == .weekday ? "a day of the week" : "a month"
                findings.append(RuleFinding(range: pair.targetRange(ofReadableRange: named.range, tokenized: tokenized),
                                            message: "`\(named.text)` is not \(what) the source names (the source has \(names))"))
            }
        }
        return findings
    }
}

/// The Hunspell stems of a language's names of days and months, for a language that declines
/// them: a word whose stem is a name's stem names the same day or month (`в декабре`, `к октябрю`,
/// `в среду` → `декабрь`, `октябрь`, `среда`). Languages that do not decline them (English, where
/// `marched` has the stem `march`) read only CLDR's names.
public struct DayNameStems: @unchecked Sendable {
    let dictionary: HunspellDictionary?
    let stems: [String: (NamedDay.Kind, Int)]
    /// The first three UTF-16 units (lower-cased) of every stem: other words are not stemmed,
    /// nor decoded.
    let prefixes: Set<[UInt16]>

    init(dates: DateExtractor, dictionary: HunspellDictionary?) {
        guard let dictionary, dates.declinesDayNames else {
            self.dictionary = nil; stems = [:]; prefixes = []; return
        }
        self.dictionary = dictionary
        stems = Self.memo.value(for: StemKey(language: dates.language, dictionary: ObjectIdentifier(dictionary))) {
            var stems: [String: (NamedDay.Kind, Int)] = [:]
            for (form, kind, value) in dates.dayNameForms {
                for stem in dictionary.stem(form) where stems[stem.lowercased()] == nil { stems[stem.lowercased()] = (kind, value) }
            }
            return stems
        }
        prefixes = Set(stems.keys.map { Array($0.utf16.prefix(3)) })
    }

    /// Lower case of a unit where it is ASCII or basic Cyrillic; any other unit as it is (a
    /// capital outside those ranges then misses its stem, and is read as no name).
    static func lowered(_ unit: UInt16) -> UInt16 {
        switch unit {
        case 0x41...0x5A: return unit + 0x20
        case 0x410...0x42F: return unit + 0x20
        case 0x400...0x40F: return unit + 0x50
        default: return unit
        }
    }

    /// What a word that is no CLDR name names through its stems, if anything.
    var otherForm: ((ArraySlice<UInt16>) -> (NamedDay.Kind, Int)?)? {
        guard let dictionary, !stems.isEmpty else { return nil }
        return { [stems, prefixes] units in
            guard units.count >= 4, prefixes.contains(units.prefix(3).map(Self.lowered)) else { return nil }
            let word = UTF16.decode(units)
            for stem in dictionary.stem(word) { if let found = stems[stem.lowercased()] { return found } }
            return nil
        }
    }

    struct StemKey: Hashable, Sendable {
        let language: String
        let dictionary: ObjectIdentifier
    }

    /// Made once, as `NumbersUnitRule.Units`' stems: both workers of `--jobs 2` meet it at once.
    private static let memo = ProcessMemo<StemKey, [String: (NamedDay.Kind, Int)]>(makesOnce: true)
}

extension SentencePairContext {
    /// The days of the week and months the source names, read off the tokens its numbers and
    /// dates were read from (`numberReading(ofSource:)`).
    func namedDays(ofSource extractor: NumberExtractor, stems: DayNameStems) -> [NamedDay] {
        extractor.namedDays(in: numberReading(ofSource: extractor), otherForm: stems.otherForm)
    }

    /// The same of the readable target (`sharedReadableTarget`), whose ranges
    /// `targetRange(ofReadableRange:tokenized:)` maps back.
    func namedDays(ofReadableTarget extractor: NumberExtractor, stems: DayNameStems) -> [NamedDay] {
        extractor.namedDays(in: numberReading(ofReadableTarget: extractor), otherForm: stems.otherForm)
    }
}
