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
            return categoryFindings(categories, rules: rules, at: pair.targetStartPoint, language: context.index.targetLanguage)
        }
        guard let forms = pair.unit.details.targetPlurals else { return [] }
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
    private func categoryFindings(_ categories: [String], rules: PluralRules, at range: Range<Int>, language: String) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        let required = rules.integerCategories + (rules.integerCategories.contains("other") ? [] : ["other"])
        let missing = required.filter { !categories.contains($0) }
        if !missing.isEmpty {
            findings.append(RuleFinding(range: range, message: "plural categories \(missing.map { "`\($0)`" }.joined(separator: ", ")) are missing; "
                + "\(language) uses \(required.joined(separator: ", ")) for whole numbers (CLDR)"))
        }
        let unknown = categories.filter { !rules.categories.contains($0) && $0 != "zero" && !$0.hasPrefix("=") }
        if !unknown.isEmpty {
            findings.append(RuleFinding(range: range, message: "plural categories \(unknown.map { "`\($0)`" }.joined(separator: ", ")) do not exist in \(language) and are never used"))
        }
        return findings
    }

    static func describe(_ rules: PluralRules) -> String {
        "\(rules.integerCategories.count) plural forms for whole numbers (\(rules.integerCategories.joined(separator: ", ")))"
    }
}
