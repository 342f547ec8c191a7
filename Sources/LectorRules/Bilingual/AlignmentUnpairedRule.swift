import LectorText

/// A sentence of the source with no translation, or a sentence of the translation with no source.
public struct AlignmentUnpairedRule: BilingualRule {
    public static let description = RuleDescription(
        id: "alignment.unpaired",
        name: "Unpaired sentence",
        summary: "Sentence alignment left a source sentence without translation, or a translated sentence without source; in a resource file, a translation whose key the source file no longer has.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("The talks begin in Istanbul on Tuesday. ↓Both delegations have already arrived.",
                        source: "Die Gespräche beginnen am Dienstag in Istanbul. Das bestätigte Kremlsprecher Dmitri Peskow am Montag in Moskau gegenüber der Nachrichtenagentur Interfax. Beide Delegationen sind bereits angereist.",
                        from: "de", to: "en"),
            RuleExample("The talks begin on Tuesday. Both delegations have already arrived.↓",
                        source: "Переговоры начнутся во вторник. Обе делегации уже прибыли.\nПресс-секретарь Кремля Дмитрий Песков заявил об этом в понедельник журналистам в Москве.",
                        from: "ru", to: "en"),
            RuleExample("Die Gespräche beginnen am Dienstag. ↓Das sagte Kremlsprecher Dmitri Peskow am Montag vor Journalisten in Moskau.",
                        source: "The talks begin on Tuesday.", from: "en", to: "de"),
            // A resource translation whose key the source file no longer has (Android lint's ExtraTranslation).
            RuleExample(unit: "↓Kyjiw ist offen", source: "", from: "en", to: "de", format: "android",
                        details: UnitDetails(sourceKeyMissing: true)),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "Karte öffnen", source: "Open the map", from: "en", to: "de", format: "android"),
            RuleExample("The talks begin in Istanbul on Tuesday. Both delegations have already arrived.",
                        source: "Die Gespräche beginnen am Dienstag in Istanbul. Beide Delegationen sind bereits angereist.",
                        from: "de", to: "en"),
            RuleExample("Переговоры начнутся во вторник. Обе делегации уже прибыли.",
                        source: "The talks begin on Tuesday. Both delegations have already arrived.", from: "en", to: "ru"),
        ],
        scope: .bilingual
    )

    public init() {}

    public func findings(in pair: SentencePairContext, using _: Void) -> [RuleFinding] { [] }

    public func findings(inUnpaired context: UnpairedSentenceContext) -> [RuleFinding] {
        let pair = context.pair
        // A bilingual file pairs its units itself: a unit without target is `untranslated.text`'s.
        // A resource translation whose key its source file lacks is paired with nothing.
        guard !context.bilingual.isPairedByFile else {
            guard let target = pair.target, let units = context.bilingual.units, context.index < units.count,
                  units[context.index].details.sourceKeyMissing else { return [] }
            let unit = units[context.index]
            let key = unit.id.map { "`\($0)`" } ?? "of this string"
            return [RuleFinding(range: target.lowerBound..<target.lowerBound,
                                message: "the key \(key) is not in the source file: this translates a string the source no longer has")]
        }
        switch (pair.source, pair.target) {
        case let (source?, nil):
            let omitted = context.bilingual.source.text(in: source)
            return [RuleFinding(range: pair.anchor..<pair.anchor,
                                message: "a source sentence has no translation here: “\(Self.shorten(omitted))”")]
        case let (nil, target?):
            return [RuleFinding(range: target, message: "this sentence has no counterpart in the source")]
        default:
            return []
        }
    }

    static func shorten(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(77)) + "…"
    }
}
