import LectorICU
import LectorText

/// A figure the translation keeps while it changes the unit next to it: `42 Kilometer` → `42 miles`,
/// `5 Millionen Euro` → `$5 million`, `45 minutes` → `45 heures`. The unit names of both languages
/// are CLDR's, through ICU (`UnitWords`): every plural form, the full names and the abbreviations,
/// and currency names and signs.
///
/// A changed figure is `numbers.mismatch`'s, so a converted quantity (`42 km` → `26 miles`) is not
/// this rule's; nor is a unit only one side names. A unit is compared only with one of the same
/// kind (a length with a length), and forms that may be either of two units (`m`) agree with both.
/// Units that translations render by one another are the same here (metric and short ton, mile
/// and nautical mile, US and imperial gallon). Forms of a case other than the one after a numeral
/// (`nach 5 Kilometern`) are not CLDR's, and those figures are left alone.
public struct NumbersUnitRule: BilingualRule {
    public static let description = RuleDescription(
        id: "numbers.unit",
        name: "Unit changed",
        summary: "The translation keeps a figure of the source but puts another unit of measure or currency next to it.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("The marathon is ↓42 miles long.", source: "Der Marathon ist 42 Kilometer lang.", from: "de", to: "en"),
            RuleExample("The bag weighs ↓250 kilograms.", source: "Die Tüte wiegt 250 Gramm.", from: "de", to: "en"),
            RuleExample("The road is ↓60 miles long.", source: "Дорога длиной 60 километров.", from: "ru", to: "en"),
            RuleExample("Le trajet dure ↓45 heures.", source: "The journey takes 45 minutes.", from: "en", to: "fr"),
            RuleExample("The project cost ↓$5 million.", source: "Das Projekt kostete 5 Millionen Euro.", from: "de", to: "en"),
            RuleExample("The plant delivers ↓300 gigawatts.", source: "Das Kraftwerk liefert 300 Megawatt.", from: "de", to: "en"),
        ],
        nonTriggeringExamples: [
            RuleExample("The marathon is 42 kilometres long.", source: "Der Marathon ist 42 Kilometer lang.", from: "de", to: "en"),
            RuleExample("The marathon is 42 km long.", source: "Der Marathon ist 42 Kilometer lang.", from: "de", to: "en"),
            RuleExample("The road is 60 kilometers long.", source: "Дорога длиной 60 километров.", from: "ru", to: "en"),
            RuleExample("The project cost €5 million.", source: "Das Projekt kostete 5 Millionen Euro.", from: "de", to: "en"),
            RuleExample("The ship carried 300 tons of grain.", source: "Das Schiff hatte 300 Tonnen Getreide geladen.",
                        from: "de", to: "en"),
            // A converted quantity changes the figure: that is `numbers.mismatch`'s to weigh.
            RuleExample("The marathon is 26 miles long.", source: "Der Marathon ist 42 Kilometer lang.", from: "de", to: "en"),
            // A unit only one side names, or in a case CLDR does not list, is not compared.
            RuleExample("After 5 kilometres we stopped.", source: "Nach 5 Kilometern hielten wir an.", from: "de", to: "en"),
            RuleExample("The meeting took 5 more hours.", source: "Die Sitzung dauerte noch 5 Stunden.", from: "de", to: "en"),
            // `m` is a metre or a minute in English: either agrees.
            RuleExample("The run took 5 m.", source: "Der Lauf dauerte 5 Minuten.", from: "de", to: "en"),
            RuleExample("A 5-kilometre stretch was closed.", source: "Eine 5-Kilometer-Strecke wurde gesperrt.", from: "de", to: "en"),
        ],
        scope: .bilingual
    )

    public init() {}

    /// The extractors and unit names depend on the languages alone.
    public static let preparationOutlivesDocument = true

    public struct Preparation {
        let source: NumberExtractor
        let target: NumberExtractor
        let sourceUnits: UnitWords
        let targetUnits: UnitWords
    }

    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> Preparation {
        let target = context.index.targetLanguage
        return Preparation(source: try NumberExtractor(language: bilingual.sourceLanguage),
                           target: try NumberExtractor(language: target),
                           sourceUnits: try UnitWords(language: bilingual.sourceLanguage),
                           targetUnits: try UnitWords(language: target))
    }

    public func findings(in pair: SentencePairContext, using prepared: Preparation) -> [RuleFinding] {
        let sourceNumbers = pair.numbersAndDates(ofSource: prepared.source).numbers.filter { $0.role == .plain }
        guard !sourceNumbers.isEmpty else { return [] }
        let (targetText, tokenized) = pair.sharedReadableTarget
        let targetNumbers = pair.numbersAndDates(ofReadableTarget: prepared.target).numbers.filter { $0.role == .plain }
        // Most pairs have no figure that both sides write: nothing to read units for.
        let shared = targetNumbers.filter { number in sourceNumbers.contains { Self.same($0.value, number.value) } }
        guard !shared.isEmpty else { return [] }
        let sourceText = UTF16.encode(pair.sourceText), target = UTF16.encode(targetText)
        var findings: [RuleFinding] = []
        for number in shared {
            guard let written = Self.unit(of: number, in: target, words: prepared.targetUnits) else { continue }
            var sourceMentions: [(number: ExtractedNumber, unit: UnitWords.Mention)] = []
            var agrees = false
            for candidate in sourceNumbers where Self.same(candidate.value, number.value) {
                guard let unit = Self.unit(of: candidate, in: sourceText, words: prepared.sourceUnits) else { continue }
                if !unit.units.isDisjoint(with: written.units) { agrees = true; break }
                sourceMentions.append((candidate, unit))
            }
            guard !agrees else { continue }
            // Only a unit of the same kind is a changed unit; a length against a currency is a
            // form misread on one side.
            let dimensions = Set(written.units.map(\.dimension))
            guard let changed = sourceMentions.first(where: { !dimensions.isDisjoint(with: $0.unit.units.map(\.dimension)) })
            else { continue }
            let range = min(number.range.lowerBound, written.range.lowerBound)..<max(number.range.upperBound, written.range.upperBound)
            let sourceRange = min(changed.number.range.lowerBound, changed.unit.range.lowerBound)
                ..< max(changed.number.range.upperBound, changed.unit.range.upperBound)
            let kinds = dimensions.intersection(changed.unit.units.map(\.dimension))
            let targetNames = Self.names(written.units, of: kinds), sourceNames = Self.names(changed.unit.units, of: kinds)
            findings.append(RuleFinding(
                range: pair.targetRange(ofReadableRange: range, tokenized: tokenized),
                message: "the unit changed: `\(UTF16.decode(target[range]))` (\(targetNames)) where the source has `\(UTF16.decode(sourceText[sourceRange]))` (\(sourceNames))"))
        }
        return findings
    }

    /// The unit written after the number, or else before it (`€5`).
    static func unit(of number: ExtractedNumber, in text: [UInt16], words: UnitWords) -> UnitWords.Mention? {
        guard number.range.upperBound <= text.count else { return nil }
        return words.mention(after: number.range.upperBound, in: text) ?? words.mention(before: number.range.lowerBound, in: text)
    }

    static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    /// `mile` or `meter or minute`, the units of the kinds both sides share.
    static func names(_ units: Set<UnitWords.Unit>, of kinds: Set<String>) -> String {
        units.filter { kinds.contains($0.dimension) }.map(\.name).sorted().joined(separator: " or ")
    }
}
