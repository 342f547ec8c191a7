import Foundation
import LectorHunspell
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
/// (`nach 5 Kilometern`, `в 5 километрах`) are not CLDR's: a word after the figure is read as a
/// unit where the language's Hunspell dictionary gives it the stem of a CLDR form, and left alone
/// where no dictionary is installed. A word written onto the figure (`28jährigen`, `28-jährigen`)
/// is the unit whose form or stem it starts with (`Jahr`). A currency's bare noun (`dollars`,
/// Romanian `de dolari`, where CLDR writes `US dollars`, `dolari americani`) is every currency of
/// that name (`UnitWords`). A four-digit figure, a year to the extractor, is compared when a unit
/// stands next to it (`1214 km`).
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
            RuleExample("In the last ↓20 months the method was refined.", source: "In den letzten 20 Jahren wurde die Methode verfeinert.",
                        from: "de", to: "en"),
            // A currency's bare noun (CLDR: `dolari americani`), a unit written onto the figure,
            // a four-digit figure.
            RuleExample("The tickets cost ↓20 euros.", source: "Biletele costă 20 de dolari.", from: "ro", to: "en"),
            RuleExample("The study followed a ↓28-month-old patient.", source: "Die Studie begleitete einen 28jährigen Patienten.",
                        from: "de", to: "en"),
            RuleExample("The land border is ↓1214 miles long.", source: "Maismaapiiri pikkus on 1214 km.", from: "et", to: "en"),
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
            // A unit in a case CLDR does not list is read through the dictionary's stems; a unit
            // only one side names is not compared.
            RuleExample("After 5 kilometres we stopped.", source: "Nach 5 Kilometern hielten wir an.", from: "de", to: "en"),
            RuleExample("The meeting took 5 more hours.", source: "Die Sitzung dauerte noch 5 Stunden.", from: "de", to: "en"),
            // `m` is a metre or a minute in English: either agrees.
            RuleExample("The run took 5 m.", source: "Der Lauf dauerte 5 Minuten.", from: "de", to: "en"),
            RuleExample("A 5-kilometre stretch was closed.", source: "Eine 5-Kilometer-Strecke wurde gesperrt.", from: "de", to: "en"),
            RuleExample("The tickets cost 20 dollars.", source: "Biletele costă 20 de dolari.", from: "ro", to: "en"),
            RuleExample("The tickets cost 20 US dollars.", source: "Das Ticket kostet 20 Dollar.", from: "de", to: "en"),
            RuleExample("The study followed a 28-year-old patient.", source: "Die Studie begleitete einen 28jährigen Patienten.",
                        from: "de", to: "en"),
            RuleExample("The land border is 1214 km long.", source: "Maismaapiiri pikkus on 1214 km.", from: "et", to: "en"),
            RuleExample("In 2019, they ran 30 kilometres.", source: "Im Jahr 2019 liefen sie 30 Kilometer.", from: "de", to: "en"),
        ],
        scope: .bilingual
    )

    public init() {}

    /// The extractors and unit names depend on the languages alone.
    public static let preparationOutlivesDocument = true

    public struct Preparation {
        let source: NumberExtractor
        let target: NumberExtractor
        let sourceUnits: LazyUnits
        let targetUnits: LazyUnits
    }

    /// A language's `Units`, read when first asked for: the source's once a pair has a figure
    /// both sides write, the target's once such a figure has a unit in the source. Reading CLDR's
    /// names through ICU costs tens of milliseconds a language, which a file without such a
    /// figure need not pay. One preparation serves one thread at a time (`KeptPreparations`).
    final class LazyUnits {
        private let language: String
        private let dictionary: HunspellDictionary?
        private var read: Units?

        /// Opens one formatter of the language's units, so that ICU's failing to read them is
        /// thrown by `prepare` rather than met in the middle of a document.
        init(language: String, dictionary: HunspellDictionary?) throws {
            try UnitWords.checkReadable(language: language)
            self.language = language
            self.dictionary = dictionary
        }

        /// The units, read the first time. `init` read one of the same locale's forms, so a failure
        /// here is ICU's, not the input's; it is thrown, and the rule reports it as its own failure
        /// (an error finding) instead of stopping the process.
        func units() throws -> Units {
            if let read { return read }
            let made = try Units(language: language, dictionary: dictionary)
            read = made
            return made
        }
    }

    /// A language's unit names, and its Hunspell dictionary with the stems of those names, which
    /// read forms of other cases (`Kilometern`, `Jahren`, `километрах`) as the unit. A class: the
    /// rule hands it to each figure's look-up, and a struct of five tables was copied (five
    /// references retained and released) every time.
    final class Units {
        let words: UnitWords
        let dictionary: HunspellDictionary?
        let stems: [String: Set<UnitWords.Unit>]
        /// The first three letters (lower-cased) of every stem: a word that starts otherwise is
        /// not looked up in the dictionary, whose stemming costs far more than the check.
        let stemPrefixes: Set<String>
        /// The stems and the one-word forms of four letters or more, lower-cased and without
        /// diacritics (`jahr`, `kilometer`, `stunde`): what a word written onto a figure may start
        /// with (`28jährigen`, `28-jährigen`, `3-Stundentakt`).
        let compoundHeads: [String: Set<UnitWords.Unit>]

        init(language: String, dictionary: HunspellDictionary?) throws {
            let words = try UnitWords(language: language) { (locale: String) throws(ICUError) in try UnitNameStore.forms(locale: locale) }
            self.words = words
            self.dictionary = dictionary
            var heads: [String: Set<UnitWords.Unit>] = [:]
            for (form, units) in words.wordForms where form.count >= 4 { heads[Self.bare(form), default: []].formUnion(units) }
            guard let dictionary else { stems = [:]; stemPrefixes = []; compoundHeads = heads; return }
            let stems = Self.memo.value(for: StemKey(language: language, dictionary: ObjectIdentifier(dictionary))) {
                var stems: [String: Set<UnitWords.Unit>] = [:]
                for (form, units) in words.wordForms {
                    for stem in dictionary.stem(form) { stems[stem.lowercased(), default: []].formUnion(units) }
                }
                return stems
            }
            self.stems = stems
            stemPrefixes = Set(stems.keys.map { String($0.prefix(3)) })
            for (stem, units) in stems where stem.count >= 4 { heads[Self.bare(stem), default: []].formUnion(units) }
            compoundHeads = heads
        }

        static func bare(_ word: String) -> String { word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }

        struct StemKey: Hashable, Sendable {
            let language: String
            let dictionary: ObjectIdentifier
        }

        /// Made once: with `--jobs 2` both workers met their first unit at once and each stemmed
        /// every form of CLDR's unit names, one Hunspell call after the other's under the
        /// dictionary's lock; the second now waits for the first's stems instead.
        private static let memo = ProcessMemo<StemKey, [String: Set<UnitWords.Unit>]>(makesOnce: true)
    }

    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> Preparation {
        let target = context.index.targetLanguage, source = bilingual.sourceLanguage
        return Preparation(source: try NumberExtractor(language: source),
                           target: try NumberExtractor(language: target),
                           sourceUnits: try LazyUnits(language: source, dictionary: context.lexicon?.hunspell(source)),
                           targetUnits: try LazyUnits(language: target, dictionary: context.lexicon?.hunspell(target)))
    }

    public func findings(in pair: SentencePairContext, using prepared: Preparation) -> [RuleFinding] {
        // A four-digit figure is a year to the extractor (`1214 km`); it is a quantity here once a
        // unit is read next to it, and most years have none.
        let sourceNumbers = pair.numbersAndDates(ofSource: prepared.source).numbers.filter(Self.mayHaveUnit)
        guard !sourceNumbers.isEmpty else { return [] }
        let targetNumbers = pair.numbersAndDates(ofReadableTarget: prepared.target).numbers.filter(Self.mayHaveUnit)
        // Most pairs have no figure that both sides write: nothing to read units for.
        let shared = targetNumbers.filter { number in sourceNumbers.contains { Self.same($0.value, number.value) } }
        guard !shared.isEmpty else { return [] }
        do {
            return try findings(in: pair, shared: shared, sourceNumbers: sourceNumbers, using: prepared)
        } catch {
            return [.failure(of: Self.description, error)]
        }
    }

    /// The findings of the figures both sides write (`shared`), with the units read from ICU
    /// when first needed.
    private func findings(in pair: SentencePairContext, shared: [ExtractedNumber], sourceNumbers: [ExtractedNumber],
                          using prepared: Preparation) throws -> [RuleFinding] {
        let tokenized = pair.sharedReadableTarget.isTokenized
        let sourceText = pair.encodedText(isSource: true)
        var encodedTarget: [UInt16]?
        var findings: [RuleFinding] = []
        // Each source figure's unit, read once, by the figure's index: a list of a sentence's
        // few figures, where a dictionary was made and grown for every pair with a shared figure.
        var sourceUnits = [UnitWords.Mention??](repeating: nil, count: sourceNumbers.count)
        for number in shared {
            // The source's units first: most figures have none, and then the target's is not read.
            var sourceMentions: [(number: ExtractedNumber, unit: UnitWords.Mention)] = []
            for (index, candidate) in sourceNumbers.enumerated() where Self.same(candidate.value, number.value) {
                if sourceUnits[index] == nil {
                    sourceUnits[index] = .some(Self.unit(of: candidate, in: sourceText, words: try prepared.sourceUnits.units()))
                }
                if let unit = sourceUnits[index]! { sourceMentions.append((candidate, unit)) }
            }
            guard !sourceMentions.isEmpty else { continue }
            let target = encodedTarget ?? pair.encodedText(isSource: false)
            encodedTarget = target
            guard let written = Self.unit(of: number, in: target, words: try prepared.targetUnits.units()),
                  sourceMentions.allSatisfy({ $0.unit.units.isDisjoint(with: written.units) }) else { continue }
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

    static func mayHaveUnit(_ number: ExtractedNumber) -> Bool { number.role == .plain || number.role == .year }

    /// The unit written after the number, or else before it (`€5`), or else a word after it whose
    /// dictionary stem is a unit's (`Kilometern` → `Kilometer`), or else a word written onto the
    /// figure that starts with a unit's stem (`28jährigen`, `28-jährigen`: `Jahr`).
    static func unit(of number: ExtractedNumber, in text: [UInt16], words units: Units) -> UnitWords.Mention? {
        guard number.range.upperBound <= text.count else { return nil }
        if let written = units.words.mention(after: number.range.upperBound, in: text)
            ?? units.words.mention(before: number.range.lowerBound, in: text) {
            return written
        }
        guard let (word, range) = units.words.word(after: number.range.upperBound, in: text) else { return nil }
        if let dictionary = units.dictionary, units.stemPrefixes.contains(String(word.lowercased().prefix(3))) {
            var found: Set<UnitWords.Unit> = []
            for stem in dictionary.stem(word) { found.formUnion(units.stems[stem.lowercased()] ?? []) }
            if !found.isEmpty { return UnitWords.Mention(units: found, range: range) }
        }
        // Written onto the figure, directly or by a hyphen; a word after a space that merely
        // starts like a unit's stem (`5 Monatsmieten`) is another noun, left alone.
        let end = number.range.upperBound
        guard range.lowerBound == end || (range.lowerBound == end + 1 && text[end] == 0x2D) else { return nil }
        let bare = Units.bare(word)
        var found: Set<UnitWords.Unit> = []
        var head = bare.startIndex
        while head < bare.endIndex {
            head = bare.index(after: head)
            if let heads = units.compoundHeads[String(bare[..<head])] { found = heads }
        }
        return found.isEmpty ? nil : UnitWords.Mention(units: found, range: range)
    }

    static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    /// `mile` or `meter or minute`, the units of the kinds both sides share.
    static func names(_ units: Set<UnitWords.Unit>, of kinds: Set<String>) -> String {
        units.filter { kinds.contains($0.dimension) }.map(\.name).sorted().joined(separator: " or ")
    }
}
