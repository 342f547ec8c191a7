import LectorICU
import LectorText

/// Numbers that differ between a source sentence and its translation, compared by value in each
/// language's own notation: `20.000` (de) = `20,000` (en), `1,2` (ru) = `1.2`, `1 500` (uk) = `1,500`.
/// Numbers written as words and scale words count (`drei`, `10 тысяч` = `10,000`, `400万` = `4 million`).
/// A sign written as a word (`minus 15`, `минус 15`) or as -, −, – is the number's. Han numerals
/// (`十亿`, `两千`) are read. Times are not compared (a 12-hour `2.30pm` is read as a time, as
/// `14:30` is), nor the order of figures (`320 zu 190` = `190 to 320` passes); digits inside names (`F-16`) only when a name's digits changed; dates
/// are `dates.mismatch`'s. A figure kept in the source's notation (`5.000` left as is in English),
/// a decade with two digits for four (`60er Jahre` = `1960s`) and Roman numerals (`XVIII` = `18th`)
/// match. Small whole numbers (0–12) count only next to other figures or when the
/// other side has another number in their place (`a dozen` is read by neither side).
/// Dotted figures that no number format reads and that are no dates (`1.2.3`, `192.168.0.1`,
/// `12.34.56`) are not localized: each must be on the other side as written. A time of day
/// written with dots (`13.45.30`) is no such figure: the other language may write `13:45:30`.
public struct NumbersMismatchRule: BilingualRule {
    public static let description = RuleDescription(
        id: "numbers.mismatch",
        name: "Number mismatch",
        summary: "A number of the source is missing from the translation, or the translation has a number the source does not.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("About ↓2,000 people have died.", source: "Etwa 20.000 Menschen sind gestorben.", from: "de", to: "en"),
            RuleExample("Inflation reached ↓12 percent.", source: "Инфляция достигла 1,2 процента.", from: "ru", to: "en"),
            RuleExample("↓Die Armee verlor Panzer.", source: "The army lost 1,500 tanks.", from: "en", to: "de"),
            RuleExample("↓Five soldiers died.", source: "Drei Soldaten starben.", from: "de", to: "en"),
            RuleExample("↓1,000 people live in the city.", source: "В городе живут 10 тысяч человек.", from: "ru", to: "en"),
            RuleExample("↓40 million people live there.", source: "400万人が住んでいる。", from: "ja", to: "en"),
            RuleExample("The mall cost EUR ↓48 million.", source: "Mallul a costat 84 de milioane de euro.", from: "ro", to: "en"),
            RuleExample("At least ↓forty people died.", source: "Hukkus vähemalt kolmkümmend inimest.", from: "et", to: "en"),
            RuleExample("The society of the ↓17th century was divided into estates.",
                        source: "Societatea secolului XVIII era împărțită în stări.", from: "ro", to: "en"),
            RuleExample("Since the end of the ↓1970s, accidents have been common.",
                        source: "Seit dem Ende der 60er Jahre sind Unfälle häufig.", from: "de", to: "en"),
            RuleExample("↓Ninety-two percent of the patients were satisfied.", source: "98 % der Patienten waren zufrieden.",
                        from: "de", to: "en"),
            RuleExample(unit: "%1$@ von ↓3 Dateien", source: "%1$@ of 2 files", from: "en", to: "de"),
            RuleExample("The church dates from the ↓eighteenth century.", source: "Die Kirche stammt aus dem 19. Jahrhundert.",
                        from: "de", to: "en"),
            RuleExample("It was ↓15 degrees.", source: "Es waren minus 15 Grad.", from: "de", to: "en"),
            RuleExample("↓Two hundred students came.", source: "来了两千名学生。", from: "zh", to: "en"),
            RuleExample("The state lost ↓one million euros.", source: "El Estado perdió mil millones de euros.", from: "es", to: "en"),
            // A number in parentheses alone, or a year, is no reference list.
            RuleExample("↓The abscess was drained.", source: "Der Abszess wurde drainiert (1994).", from: "de", to: "en"),
            // Dotted figures are compared as written.
            RuleExample("Version ↓1.2.4 is out.", source: "Version 1.2.3 ist erschienen.", from: "de", to: "en"),
            RuleExample("La valeur est ↓98.76.54.", source: "The value is 12.34.56.", from: "en", to: "fr"),
            RuleExample("Connect to ↓192.168.0.2.", source: "Verbinden Sie sich mit 192.168.0.1.", from: "de", to: "en"),
        ],
        nonTriggeringExamples: [
            RuleExample("About 20,000 people have died.", source: "Etwa 20.000 Menschen sind gestorben.", from: "de", to: "en"),
            RuleExample("Inflation reached 1.2 percent.", source: "Инфляция достигла 1,2 процента.", from: "ru", to: "en"),
            RuleExample("Die Armee verlor 1500 Panzer.", source: "The army lost 1,500 tanks.", from: "en", to: "de"),
            RuleExample("The F-16 landed at 8:00 on February 24.", source: "Die F-16 landete um 8:00 Uhr am 24. Februar.",
                        from: "de", to: "en"),
            RuleExample("Three soldiers died.", source: "Drei Soldaten starben.", from: "de", to: "en"),
            RuleExample("10,000 people live in the city.", source: "В городе живут 10 тысяч человек.", from: "ru", to: "en"),
            RuleExample("4 million people live there.", source: "400万人が住んでいる。", from: "ja", to: "en"),
            RuleExample("Ten thousand people live in the city.", source: "В городе живут 10 тысяч человек.", from: "ru", to: "en"),
            RuleExample("The vote is on November 1st.", source: "Die Wahl findet am ersten November statt.", from: "de", to: "en"),
            RuleExample("The mall cost EUR 84 million.", source: "Mallul a costat 84 de milioane de euro.", from: "ro", to: "en"),
            RuleExample("At least thirty people died.", source: "Hukkus vähemalt kolmkümmend inimest.", from: "et", to: "en"),
            RuleExample("In total, 54% of citizens voted.", source: "Kokku osales valimistel 54 protsenti kodanikest.", from: "et", to: "en"),
            RuleExample("Eighty percent of the country is mountains.", source: "Optzeci la sută din țară sunt munți.", from: "ro", to: "en"),
            RuleExample("The society of the 18th century was divided into estates.",
                        source: "Societatea secolului XVIII era împărțită în stări.", from: "ro", to: "en"),
            RuleExample("Since the end of the 1960s, accidents have been common.",
                        source: "Seit dem Ende der 60er Jahre sind Unfälle häufig.", from: "de", to: "en"),
            RuleExample("Around 5.000 people were arrested.", source: "Aproximativ 5.000 de oameni au fost arestați.",
                        from: "ro", to: "en"),
            // A sign as a word or a mark is one number; a 12-hour time is its 24-hour time; Han
            // numerals, `mil millones`, `полтора` are numbers.
            RuleExample("It was -15 degrees.", source: "Es waren minus 15 Grad.", from: "de", to: "en"),
            RuleExample("Было минус 15 градусов.", source: "It was -15 degrees.", from: "en", to: "ru"),
            RuleExample("Es waren −15 Grad.", source: "It was minus 15 degrees.", from: "en", to: "de"),
            RuleExample("We meet at 2.30pm.", source: "Wir treffen uns um 14:30 Uhr.", from: "de", to: "en"),
            RuleExample("We meet at 2:30 p.m.", source: "Nos vemos a las 14.30 horas.", from: "es", to: "en"),
            RuleExample("Встреча в 14:30.", source: "The meeting is at 2.30pm.", from: "en", to: "ru"),
            RuleExample("About 1.5 million people live there.", source: "Там живут около полутора миллионов человек.",
                        from: "ru", to: "en"),
            RuleExample("The state lost one billion euros.", source: "El Estado perdió mil millones de euros.", from: "es", to: "en"),
            RuleExample("The project cost one billion yuan.", source: "该项目耗资十亿元。", from: "zh", to: "en"),
            RuleExample("Two thousand students came.", source: "来了两千名学生。", from: "zh", to: "en"),
            RuleExample("The city has 30 million people.", source: "该市有三千万人。", from: "zh", to: "en"),
            // The digits of a placeholder are its number, not a figure: `markup.mismatch` compares them.
            RuleExample(unit: "%2$@ von %1$@ geladen", source: "Loaded %1$@ of %2$@", from: "en", to: "de"),
            RuleExample(unit: "Datei {0} von {1}", source: "File {1} of {2}", from: "en", to: "de"),
            RuleExample("Il y a eu 10 000 morts dans les années 50.", source: "There were 10,000 deaths in the 1950s.",
                        from: "en", to: "fr"),
            // Figures with words written onto them, ordinal and percent words, a figure the source
            // repeats and the translation says once.
            RuleExample("With over 1million uses worldwide, the devices are established.",
                        source: "Mit weltweit über 1 Million Anwendungen sind die Systeme etabliert.", from: "de", to: "en"),
            RuleExample("Ninety-eight percent of the patients were satisfied.", source: "98 % der Patienten waren zufrieden.",
                        from: "de", to: "en"),
            RuleExample("The church dates from the nineteenth century.", source: "Die Kirche stammt aus dem 19. Jahrhundert.",
                        from: "de", to: "en"),
            RuleExample("Volunteers received 3% sevoflurane during a 6.5-year follow-up.",
                        source: "Die Probanden erhielten 3 Vol.-% Sevofluran über eine 6,5jährige Nachbeobachtung.", from: "de", to: "en"),
            RuleExample("The explosion happened around 17:00.", source: "Plahvatus toimus kella 17 paiku.", from: "et", to: "en"),
            // A reference list left out of the translation is no number of the sentence.
            RuleExample("Aortic root abscesses are a serious complication of endocarditis.",
                        source: "Aortenwurzelabszesse sind eine ernste Komplikation der Endokarditis (2, 17, 18).", from: "de", to: "en"),
            RuleExample("Ces abcès sont une complication grave.", source: "These abscesses are a serious complication [12].",
                        from: "en", to: "fr"),
            RuleExample("Such abscesses are a serious complication.", source: "Такие абсцессы — серьёзное осложнение [3–5].",
                        from: "ru", to: "en"),
            RuleExample("Dans 96 % des cas, le quotient était stable et l'écart inférieur à 3 %.",
                        source: "In 96% of cases the quotient was stable, and in 96% of cases the deviation was below 3%.",
                        from: "en", to: "fr"),
            // A dotted figure kept as written, also where the other language reads it otherwise; a
            // changed date in figures is `dates.mismatch`'s alone.
            RuleExample("Version 1.2.3 is out; connect to 192.168.0.1.",
                        source: "Version 1.2.3 ist erschienen; verbinden Sie sich mit 192.168.0.1.", from: "de", to: "en"),
            RuleExample("Moscow, News of the Day 02.62.19.", source: "Москва, Новости дня 02.12.19.", from: "ru", to: "en"),
            // A time of day with dots is no dotted figure; in English two figures with a space
            // between them are two numbers.
            RuleExample("Departure at 13:45:30.", source: "Lähtö klo 13.45.30.", from: "fi", to: "en"),
            RuleExample("In Figure 2 300 samples are shown.", source: "In Abbildung 2 sind 300 Proben zu sehen.", from: "de", to: "en"),
        ],
        scope: .bilingual
    )

    /// How close two numbers must be, and which small numbers count alone.
    public struct Options: RuleOptions {
        public var tolerance = 0.0
        public var smallNumberLimit = 12

        public init() {}

        public static let options: [RuleOption<Options>] = [
            .number("tolerance", \.tolerance, in: 0...0.5,
                    summary: "numbers within this share of each other are the same (0.01: 1 %, for rounded figures)"),
            .integer("small_number_limit", \.smallNumberLimit, in: 0...1_000,
                     summary: "whole numbers up to this are compared only next to other figures or in place of another number"),
        ]
    }

    public let options: Options

    public init() { options = Options() }
    public init(options: Options) { self.options = options }

    /// The extractors depend on the languages alone.
    public static let preparationOutlivesDocument = true

    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws
        -> (source: NumberExtractor, target: NumberExtractor) {
        (try NumberExtractor(language: bilingual.sourceLanguage), try NumberExtractor(language: context.index.targetLanguage))
    }

    public func findings(in pair: SentencePairContext, using extractors: (source: NumberExtractor, target: NumberExtractor))
        -> [RuleFinding] {
        // Tokenized MT (`am 15 . April`) is read detokenized; findings then cover the sentence.
        let (targetText, tokenized) = pair.sharedReadableTarget
        let sourceReading = pair.numbersAndDates(ofSource: extractors.source)
        let targetReading = pair.numbersAndDates(ofReadableTarget: extractors.target)
        let sourceNumbers = sourceReading.numbers, targetNumbers = targetReading.numbers
        // Most pairs have no number on either side: nothing to compare, and the target's
        // language (read through the document's index) is not needed.
        guard !sourceNumbers.isEmpty || !targetNumbers.isEmpty else { return [] }
        let source = Self.outsideCitations(sourceNumbers, in: pair.sourceText)
        let target = Self.outsideCitations(targetNumbers, in: targetText)
        let comparison = GarbledSignalExtractor.compareNumbers(source, target, targetLanguage: pair.targetLanguage,
                                                               target: targetText, tolerance: options.tolerance,
                                                               smallNumberLimit: Double(options.smallNumberLimit))
        // Dotted figures (`1.2.3`, `192.168.0.1`) are not localized: each must be written as it is
        // on the other side (where the other language may read it as a date or not at all). One
        // in place of a date in figures that the other side has and this one does not
        // (`02.12.19` → `02.62.19`) is that date changed: `dates.mismatch` reports it.
        let changesDate = { (dates: [ExtractedDate], text: String) in
            dates.contains { $0.isNumeric && !Self.writes($0.text, in: text) }
        }
        let extraInTarget = changesDate(sourceReading.dates, targetText) ? comparison.extraInTarget
            : (comparison.extraInTarget + target.filter { $0.role == .dotted && !Self.writes($0.text, in: pair.sourceText) })
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        let missingFromTarget = changesDate(targetReading.dates, pair.sourceText) ? comparison.missingFromTarget
            : (comparison.missingFromTarget + source.filter { $0.role == .dotted && !Self.writes($0.text, in: targetText) })
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        var findings: [RuleFinding] = []
        for number in extraInTarget {
            let alternatives = missingFromTarget.map { "`\($0.text)`" }.joined(separator: ", ")
            findings.append(RuleFinding(range: pair.targetRange(ofReadableRange: number.range, tokenized: tokenized),
                                        message: "`\(number.text)` matches no number of the source"
                + (alternatives.isEmpty ? "" : " (the source has \(alternatives))")))
        }
        if extraInTarget.isEmpty {
            for number in missingFromTarget {
                findings.append(RuleFinding(range: pair.targetRange, message: "the source's `\(number.text)` is missing here"))
            }
        }
        return findings
    }

    /// Whether `text` has `figure` as written, not as part of a longer figure (`1.2.3` is not
    /// written in `11.2.3` nor in `1.2.3.4`).
    static func writes(_ figure: String, in text: String) -> Bool {
        var searched = text[...]
        while let found = searched.range(of: figure) {
            let before = text[..<found.lowerBound].last, after = text[found.upperBound...]
            let continuesBefore = before.map { $0.isNumber || $0 == "." && text[..<found.lowerBound].dropLast().last?.isNumber == true } ?? false
            let continuesAfter = after.first.map { $0.isNumber || $0 == "." && after.dropFirst().first?.isNumber == true } ?? false
            if !continuesBefore && !continuesAfter { return true }
            searched = text[text.index(after: found.lowerBound)...]
        }
        return false
    }

    /// The numbers outside reference lists (`(2, 17, 18)`, `[3–5]`), which point into a
    /// bibliography that translations often leave out. A text without numbers, or without a
    /// list, keeps its array as it is.
    static func outsideCitations(_ numbers: [ExtractedNumber], in text: String) -> [ExtractedNumber] {
        guard !numbers.isEmpty else { return numbers }
        let citations = citationRanges(in: text)
        guard !citations.isEmpty else { return numbers }
        return numbers.filter { number in !citations.contains { $0.contains(number.range.lowerBound) } }
    }

    /// UTF-16 ranges of bracketed reference lists: `[3]`, `[3–5]`, and `(2, 17, 18)` with two numbers
    /// or more (`(3)` alone may be an item of an enumeration). Numbers of four digits (years) are not
    /// references.
    static func citationRanges(in text: String) -> [Range<Int>] {
        // Every list starts at a bracket; most sentences have none, and need no UTF-16 copy.
        // Each bracket is looked for by `memchr`: tested byte by byte, the two took 540
        // instructions of a news sentence, on both sides of every pair with a number.
        guard UTF8Bytes.contains(text, byte: 0x28) || UTF8Bytes.contains(text, byte: 0x5B) else { return [] }
        let units = LectorICU.UTF16.encode(text)
        var ranges: [Range<Int>] = []
        var index = 0
        while index < units.count {
            let open = units[index]
            guard open == 0x28 || open == 0x5B else { index += 1; continue }
            let close: UInt16 = open == 0x28 ? 0x29 : 0x5D
            var end = index + 1, numbers = 0, digits = 0, isList = true
            while end < units.count, units[end] != close {
                let unit = units[end]
                if unit >= 0x30 && unit <= 0x39 {
                    if digits == 0 { numbers += 1 }
                    digits += 1
                    if digits > 3 { isList = false; break }
                } else if [0x20, 0x2C, 0x3B, 0x2D, 0x2013].contains(unit) {
                    digits = 0
                } else {
                    isList = false
                    break
                }
                end += 1
            }
            if isList, end < units.count, numbers >= (open == 0x28 ? 2 : 1) {
                ranges.append(index..<(end + 1))
                index = end + 1
            } else {
                index += 1
            }
        }
        return ranges
    }
}
