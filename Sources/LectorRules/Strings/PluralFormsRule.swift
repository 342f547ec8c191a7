import LectorText
import LectorFormats
import LectorGlossary

import LectorICU

/// gettext plural entries checked against the target language's plural rules (CLDR, through
/// ICU's `uplrules`): the number of `msgstr[n]` forms must be the file's `nplurals`, and that must
/// be a count the language has — the categories whole numbers reach (Russian 3: one, few, many)
/// or all of CLDR's (Russian 4, with `other` for fractions). An empty form among translated ones
/// shows the message in the source language for those numbers.
public struct PluralFormsRule: UnitRule {
    public static let description = RuleDescription(
        id: "plurals.count",
        name: "Plural forms",
        summary: "A plural entry has another number of forms than the file's nplurals or the target language's plural rules (CLDR) call for, or an empty form.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "↓%d файл", source: "%d file", from: "en", to: "ru",
                        details: UnitDetails(sourcePlural: "%d files", targetPlurals: ["%d файл", "%d файла"])),
            RuleExample(unit: "↓%d lêer", source: "%d file", from: "en", to: "af",
                        details: UnitDetails(sourcePlural: "%d files", targetPlurals: ["%d lêer", "%d lêers", "%d lêeeeers"]),
                        pluralFormCount: 2),
            RuleExample(unit: "↓%d plik", source: "%d file", from: "en", to: "pl",
                        details: UnitDetails(sourcePlural: "%d files", targetPlurals: ["%d plik", "%d pliki", ""])),
            RuleExample(unit: "↓%d Datei", source: "%d file", from: "en", to: "de",
                        details: UnitDetails(sourcePlural: "%d files", targetPlurals: ["%d Datei", "%d Dateien"]),
                        pluralFormCount: 3),
            RuleExample(unit: "↓%lld файл", source: "%lld file", from: "en", to: "ru", format: "xcstrings",
                        details: UnitDetails(targetPluralCategories: ["one", "other"])),
            RuleExample(unit: "↓%d Datei", source: "%d file", from: "en", to: "de", format: "android",
                        details: UnitDetails(targetPluralCategories: ["one", "few", "other"])),
            // ICU MessageFormat (ARB, JSON Lines) names its categories in the text.
            RuleExample(unit: "↓{n, plural, one{# элемент} other{# элементов}}", source: "{n, plural, one{# item} other{# items}}",
                        from: "en", to: "ru", format: "arb"),
            RuleExample(unit: "Всего: {n, plural, one{# элемент} few{# элемента} many{# элементов} ↓two{# элемента} other{# элемента}}",
                        source: "{n, plural, one{# item} other{# items}}", from: "en", to: "ru", format: "jsonl"),
            RuleExample(unit: "↓%lld Datei", source: "%lld file", from: "en", to: "de", format: "xcstrings",
                        details: UnitDetails(targetPluralCategories: ["few", "other"])),
            RuleExample(unit: "{count, plural, ↓eins{# Datei} other{# Dateien}}", source: "{count, plural, one{# file} other{# files}}",
                        from: "en", to: "de", format: "jsonl"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "%d файл", source: "%d file", from: "en", to: "ru",
                        details: UnitDetails(sourcePlural: "%d files", targetPlurals: ["%d файл", "%d файла", "%d файлов"]),
                        pluralFormCount: 3),
            RuleExample(unit: "%d lêer", source: "%d file", from: "en", to: "af",
                        details: UnitDetails(sourcePlural: "%d files", targetPlurals: ["%d lêer", "%d lêers"])),
            RuleExample(unit: "%d ファイル", source: "%d file", from: "en", to: "ja",
                        details: UnitDetails(sourcePlural: "%d files", targetPlurals: ["%d ファイル"]), pluralFormCount: 1),
            RuleExample(unit: "%d fichier", source: "%d file", from: "en", to: "fr",
                        details: UnitDetails(sourcePlural: "%d files", targetPlurals: ["%d fichier", "%d fichiers"]),
                        pluralFormCount: 2),
            RuleExample(unit: "%d Datei", source: "%d file", from: "en", to: "de"),
            RuleExample(unit: "%lld файл", source: "%lld file", from: "en", to: "ru", format: "xcstrings",
                        details: UnitDetails(targetPluralCategories: ["one", "few", "many", "other"])),
            RuleExample(unit: "%d Datei", source: "%d file", from: "en", to: "de", format: "android",
                        details: UnitDetails(targetPluralCategories: ["one", "other"])),
            RuleExample(unit: "{n, plural, one{# элемент} few{# элемента} many{# элементов} other{# элемента}}", source: "{n, plural, one{# item} other{# items}}", from: "en", to: "ru", format: "arb"),
            RuleExample(unit: "{n, plural, =0{Keine Datei} one{Eine Datei} other{# Dateien}}", source: "{n, plural, one{# item} other{# items}}",
                        from: "en", to: "de", format: "arb"),
            RuleExample(unit: "{place, selectordinal, one{#st} two{#nd} few{#rd} other{#th}}",
                        source: "{place, selectordinal, one{#st} two{#nd} few{#rd} other{#th}}", from: "en", to: "en", format: "arb"),
        ]
    )

    public init() {}

    /// The target language's plural rules, and the first plural entry, where a header that
    /// declares a count the language cannot have is reported once for the file.
    public struct Preparation {
        let rules: PluralRules
        let headerUnit: Int?
    }

    public func prepare(for context: CheckContext) throws -> Preparation {
        let rules = try PluralRules(locale: context.index.targetLanguage)
        let declared = context.bilingual?.pluralFormCount
        let possible = Set([rules.integerCategories.count, rules.categories.count])
        var headerUnit: Int?
        if let declared, !possible.contains(declared) {
            headerUnit = context.stringPairs().first {
                $0.unit.details.targetPluralCategories == nil && $0.unit.details.targetPlurals != nil
            }?.index
        }
        return Preparation(rules: rules, headerUnit: headerUnit)
    }

    public func findings(in pair: StringPair, of context: CheckContext, using prepared: Preparation) -> [RuleFinding] {
        let rules = prepared.rules
        let declared = context.bilingual?.pluralFormCount
        if let categories = pair.unit.details.targetPluralCategories {
            return categoryFindings(categories, rules: rules, at: pair.targetStartPoint, language: context.index.targetLanguage,
                                    unknownAt: { category in Self.unitRange(of: category, after: pair, categories: categories, in: context) })
        }
        guard let forms = pair.unit.details.targetPlurals else {
            return messageFormatFindings(in: pair, rules: rules, context: context)
        }
        if let declared, pair.index == prepared.headerUnit {
            return [RuleFinding(range: pair.targetStartPoint, message:
                "the file declares nplurals=\(declared), but \(context.index.targetLanguage) has \(Self.describe(rules)) (CLDR)")]
        }
        let expected = declared ?? rules.integerCategories.count
        if forms.count != expected {
            let because = declared != nil ? "the file's nplurals=\(expected)" : Self.describe(rules)
            return [RuleFinding(range: pair.targetStartPoint,
                                message: "\(forms.count) plural forms where \(because) call\(declared != nil ? "s" : "") for \(expected)")]
        } else if let empty = forms.firstIndex(where: { $0.isEmpty }) {
            return [RuleFinding(range: pair.targetStartPoint, message: "plural form msgstr[\(empty)] is empty")]
        }
        return []
    }

    /// Named categories (String Catalogs, stringsdict, Android, ARB, i18next): every category whole
    /// numbers reach, and `other`, must be there; a category the language does not have is never
    /// chosen. `zero` is allowed everywhere: Apple and ICU MessageFormat use it as an explicit case.
    /// Missing categories are reported at `range`; an unknown one where `unknownAt` places it (its
    /// own unit or selector), else at `range` too.
    private func categoryFindings(_ categories: [String], rules: PluralRules, at range: Range<Int>, language: String,
                                  unknownAt: (String) -> Range<Int>?) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        let required = Self.cldrOrder(rules.integerCategories + (rules.integerCategories.contains("other") ? [] : ["other"]))
        let missing = required.filter { !categories.contains($0) }
        let unknown = categories.filter { !rules.categories.contains($0) && $0 != "zero" && !$0.hasPrefix("=") }
        // One category written as another (`one` translated as `eins`): one mistake, said once
        // where the wrong one stands.
        if missing.count == 1, unknown.count == 1, let written = unknown.first {
            return [RuleFinding(range: unknownAt(written) ?? range,
                                message: "plural category `\(written)` stands where `\(missing[0])` is missing; \(language) uses "
                                    + "\(required.joined(separator: ", ")) for whole numbers (CLDR keywords, not translated)")]
        }
        if !missing.isEmpty {
            findings.append(RuleFinding(range: range, message: "plural \(missing.count == 1 ? "category" : "categories") "
                + "\(missing.map { "`\($0)`" }.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing; "
                + "\(language) uses \(required.joined(separator: ", ")) for whole numbers (CLDR)"))
        }
        var unplaced: [String] = []
        for category in unknown {
            if let place = unknownAt(category) {
                findings.append(RuleFinding(range: place, message: "plural category `\(category)` does not exist in \(language) and is never used"))
            } else {
                unplaced.append(category)
            }
        }
        if !unplaced.isEmpty {
            findings.append(RuleFinding(range: range, message: "plural \(unplaced.count == 1 ? "category" : "categories") "
                + "\(unplaced.map { "`\($0)`" }.joined(separator: ", ")) \(unplaced.count == 1 ? "does" : "do") not exist in \(language) and \(unplaced.count == 1 ? "is" : "are") never used"))
        }
        return findings
    }

    /// CLDR's order of the categories (zero, one, two, few, many, other), not the order in which
    /// numbers first reach them (Russian 0 is `many`).
    static func cldrOrder(_ categories: [String]) -> [String] {
        let order = ["zero", "one", "two", "few", "many", "other"]
        return categories.sorted { (order.firstIndex(of: $0) ?? order.count) < (order.firstIndex(of: $1) ?? order.count) }
    }

    /// The start of the unit that holds `category` of the plural group whose first unit is `pair`:
    /// the group's units are named like the first with its category in place of the first's
    /// (`key|plural|one` → `key|plural|two`, `item_one` → `item_two`).
    static func unitRange(of category: String, after pair: StringPair, categories: [String],
                          in context: CheckContext) -> Range<Int>? {
        guard let first = categories.first, let id = pair.unit.id, id.hasSuffix(first),
              let units = context.bilingual?.units else { return nil }
        let wanted = id.dropLast(first.count) + category
        for index in pair.index..<min(units.count, pair.index + categories.count + 16) where units[index].id == String(wanted) {
            return context.stringPair(at: index)?.targetStartPoint
        }
        return nil
    }

    /// The plurals of ICU MessageFormat written in the translation (ARB, JSON Lines): their
    /// categories are checked like named ones, at the plural and at each unknown selector.
    /// Ordinals (`selectordinal`) follow other rules and are left alone.
    private func messageFormatFindings(in pair: StringPair, rules: PluralRules, context: CheckContext) -> [RuleFinding] {
        guard UTF8Bytes.contains(pair.target, byte: 0x7B) else { return [] }
        let choices = PlaceholderScanner(syntaxes: context.strings.placeholderSyntaxes).scanned(pair.target).choices
        return choices.filter { $0.type == "plural" }.flatMap { choice in
            categoryFindings(choice.selectors.map(\.name), rules: rules,
                             at: pair.range(choice.range.lowerBound..<choice.range.lowerBound),
                             language: context.index.targetLanguage,
                             unknownAt: { category in
                                 choice.selectors.first { $0.name == category }.map { pair.range($0.range) }
                             })
        }
    }

    static func describe(_ rules: PluralRules) -> String {
        "\(rules.integerCategories.count) plural forms for whole numbers (\(rules.integerCategories.joined(separator: ", ")))"
    }
}
