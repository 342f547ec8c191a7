import Foundation
import LectorICU
import LectorText

/// Placeholders, URLs, e-mail addresses and inline tags that differ between source and translation.
public struct MarkupMismatchRule: BilingualRule {
    public static let description = RuleDescription(
        id: "markup.mismatch",
        name: "Markup mismatch",
        summary: "A placeholder (printf, Python, braces and ICU MessageFormat, Qt, shell, entities, @name@, templates), URL, e-mail address or tag of the source is missing from the translation, or one was added; numbered placeholders may be reordered.",
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample("↓Delete the file now?", source: "Datei {0} jetzt löschen?", from: "de", to: "en"),
            RuleExample("↓Read more at ↓https://example.org/en/news.", source: "Mehr unter https://example.org/de/news.",
                        from: "de", to: "en"),
            RuleExample("Осталось ↓%s попыток.", source: "%d attempts left.", from: "en", to: "ru"),
            RuleExample("↓Schreiben Sie uns.", source: "Write to press@example.org.", from: "en", to: "de"),
            RuleExample(unit: "↓↓Doen dit ↓<v>nou↓</v>", source: "Do it <b>now</b>", from: "en", to: "af"),
            RuleExample(unit: "↓Klik ↓<a href=\"page.html\">hier</a>", source: "Click <a href=\"page.html\" target=\"_blank\">here</a>",
                        from: "en", to: "af"),
            RuleExample(unit: "↓↓Nommer ↓%1$d en string ↓%2$s", source: "String %s and number %d", from: "en", to: "af"),
            RuleExample(unit: "Stoor ↓$(leer)", source: "Save $(file)", from: "en", to: "af"),
            RuleExample(unit: "Willkommen ↓{{benutzer}}", source: "Welcome {{user}}", from: "en", to: "de"),
            RuleExample(unit: "↓%@ contient %#@files@", source: "%#@files@ in %@", from: "en", to: "fr", format: "strings"),
            RuleExample(unit: "%d ↓% terminé", source: "%d%% done", from: "en", to: "fr",
                        details: UnitDetails(formatFlag: "c-format")),
        ],
        nonTriggeringExamples: [
            RuleExample("Delete {0} now?", source: "Datei {0} jetzt löschen?", from: "de", to: "en"),
            RuleExample("Осталось %d попыток.", source: "%d attempts left.", from: "en", to: "ru"),
            RuleExample("Write to press@example.org.", source: "Schreiben Sie an press@example.org.", from: "de", to: "en"),
            RuleExample("Inflation rose to 12 % and fell.", source: "Die Inflation stieg auf 12 % und fiel.", from: "de", to: "en"),
            RuleExample("Noch {count} Versuche.", source: "Still {count} attempts.", from: "en", to: "de"),
            RuleExample(unit: "Nommer %2$d en string %1$s", source: "String %s and number %d", from: "en", to: "af"),
            RuleExample(unit: "Доступно {count, plural, one {# обновление} few {# обновления} many {# обновлений} other {# обновления}}",
                        source: "{count, plural, one {# update} other {# updates}} available", from: "en", to: "ru"),
            RuleExample(unit: "writing %1%, x=%2% : %3%-esimo intento", source: "writing %1%, x=%2% : %3%-th try", from: "en", to: "es"),
            RuleExample(unit: "Klik <a title=\"wenk\" href=\"x\">hier</a>", source: "Click <a href=\"x\" title=\"tip\">here</a>",
                        from: "en", to: "af"),
            RuleExample(unit: "Über &brandShortName; und $(file)", source: "About &brandShortName; and $(file)", from: "en", to: "de"),
            RuleExample("Details at https://example.org/ua.", source: "Подробности на https://example.org/ua.", from: "ru", to: "en"),
            RuleExample(unit: "%2$@ contient %1$#@files@", source: "%#@files@ in %@", from: "en", to: "fr", format: "strings"),
            RuleExample(unit: "%d %% terminé", source: "%d%% done", from: "en", to: "fr", details: UnitDetails(formatFlag: "c-format")),
            RuleExample(unit: "50 % de remise", source: "50% off", from: "en", to: "fr"),
            RuleExample(unit: "%Id فایل حذف شد", source: "%d files deleted", from: "en", to: "fa",
                        details: UnitDetails(formatFlag: "c-format")),
        ],
        scope: .bilingual
    )

    public init() {}

    /// URLs and e-mail addresses; placeholders are `PlaceholderScanner`'s.
    // Linear on any text: an address's local part starts only where a run of its characters
    // starts (without the look-behind, every digit of a 25,000-digit number started a scan to the
    // run's end).
    static let expression = try! NSRegularExpression(pattern: [
        #"https?://[^\s<>"“”«»]+"#,  // URLs
        #"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#,  // e-mail addresses
    ].joined(separator: "|"))

    /// URLs and e-mail addresses of a text with their UTF-16 ranges relative to the text.
    static func tokens(in text: String) -> [(text: String, range: Range<Int>)] {
        // A URL has a `:` and an address an `@`; most sentences have neither, and are not handed
        // to the regular expression (Foundation's bridging and ICU's matcher per sentence pair
        // were most of this rule's time).
        guard UTF8Bytes.contains(text, byte: UInt8(ascii: ":")) || UTF8Bytes.contains(text, byte: UInt8(ascii: "@")) else { return [] }
        let nsText = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)).map { match in
            var token = nsText.substring(with: match.range)
            var length = match.range.length
            // A sentence may end right after a URL: its full stop is not part of it.
            while let last = token.last, token.hasPrefix("http"), ".,;:!?)".contains(last) {
                token.removeLast()
                length -= 1
            }
            return (token, match.range.location..<(match.range.location + length))
        }
    }

    /// The placeholder syntaxes, and the target language's plural rules: a plural form or branch
    /// for one number may leave the count out.
    public struct Preparation {
        let scanner: PlaceholderScanner
        let plurals: PluralRules
    }

    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> Preparation {
        Preparation(scanner: PlaceholderScanner(syntaxes: context.strings.placeholderSyntaxes),
                    plurals: try PluralRules(locale: context.index.targetLanguage))
    }

    public func findings(in pair: SentencePairContext, using prepared: Preparation) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        // Markup, URLs and code are what this rule compares: read them where a document masks them.
        let sourceText = pair.unmaskedSourceText
        let targetText = pair.unmaskedTargetText
        let sourceTokens = Self.tokens(in: sourceText).map(\.text)
        var unmatched = sourceTokens.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        for token in Self.tokens(in: targetText) {
            if let count = unmatched[token.text], count > 0 {
                unmatched[token.text] = count - 1
            } else {
                findings.append(RuleFinding(range: pair.targetRange(ofTextRange: token.range),
                                            message: "`\(token.text)` is not in the source"))
            }
        }
        for token in sourceTokens where (unmatched[token] ?? 0) > 0 {
            unmatched[token]! -= 1
            findings.append(RuleFinding(range: pair.targetRange, message: "`\(token)` from the source is missing"))
        }
        var placeholders = Self.placeholderComparison(of: pair, source: sourceText, target: targetText, using: prepared)
        if !placeholders.missing.isEmpty, !placeholders.extra.isEmpty, let units = pair.bilingual.units, pair.index < units.count,
           let flag = units[pair.index].details.formatFlag, Self.integerAliasFormats.contains(flag) {
            placeholders = Self.matchingIntegerAliases(placeholders)
        }
        for change in Self.changedSelects(&placeholders) {
            findings.append(RuleFinding(range: pair.targetRange(ofTextRange: change.placeholder.range), message: change.message))
        }
        // Nearly every pair's placeholders agree: scanned again only where the comparison differs.
        if !placeholders.missing.isEmpty || !placeholders.extra.isEmpty {
            let sourceList = prepared.scanner.placeholders(in: sourceText), targetList = prepared.scanner.placeholders(in: targetText)
            for dropped in Self.droppedPrintf(&placeholders, source: sourceList, target: targetList) {
                findings.append(RuleFinding(range: pair.targetRange, message: dropped))
            }
            if let reordered = Self.reorderedPrintf(&placeholders, source: sourceList, target: targetList) {
                findings.append(RuleFinding(range: pair.targetRange, message: reordered))
            }
        }
        // One placeholder of the source written as another of its syntax (`{name}` → `{nom}`,
        // `%d` → `%s`) is one mistake: said once, where the translation's stands.
        if placeholders.missing.count == 1, placeholders.extra.count == 1,
           let written = placeholders.extra.first, let replaced = placeholders.missing.first, written.syntax == replaced.syntax {
            // A printf conversion was changed (`%d` → `%s`); a named placeholder was translated.
            let why = written.syntax == .printf || written.syntax == .pythonFormat
                ? "the conversion must fit the argument the program passes" : "placeholders are filled by the program, not translated"
            findings.append(RuleFinding(range: pair.targetRange(ofTextRange: written.range),
                                        message: "placeholder `\(written.text)` stands where the source has `\(replaced.text)`, "
                                            + "which is missing (\(why))"))
            return findings + formatAndTagFindings(pair, source: sourceText, target: targetText)
        }
        let missing = placeholders.missing.map { "`\($0.text)`" }
        for placeholder in placeholders.extra {
            findings.append(RuleFinding(range: pair.targetRange(ofTextRange: placeholder.range),
                                        message: "placeholder `\(placeholder.text)` is not in the source"
                + (missing.isEmpty ? "" : " (the source has \(missing.joined(separator: ", ")))")))
        }
        for placeholder in placeholders.missing {
            findings.append(RuleFinding(range: pair.targetRange, message: "placeholder `\(placeholder.text)` from the source is missing"))
        }
        return findings + formatAndTagFindings(pair, source: sourceText, target: targetText)
    }

    /// Lone `%` signs of printf-format strings (PO `#, c-format`), inline codes, and raw tags.
    private func formatAndTagFindings(_ pair: SentencePairContext, source sourceText: String, target targetText: String) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        if let units = pair.bilingual.units, pair.index < units.count,
           let flag = units[pair.index].details.formatFlag, Self.printfFormats.contains(flag) {
            let sourceCount = Self.lonePercentSigns(in: sourceText).count
            for range in Self.lonePercentSigns(in: targetText).dropFirst(sourceCount) {
                findings.append(RuleFinding(range: pair.targetRange(ofTextRange: range),
                                            message: "`%` starts no directive in a \(flag) string; a percent sign is `%%`"))
            }
        }
        if let codes = pair.inlineCodes, !(codes.source.isEmpty && codes.target.isEmpty) {
            findings += inlineCodeFindings(codes, at: pair.targetRange)
        } else {
            // `pair.targetRange(ofTextRange:)` without a copy of the whole pair context in a closure.
            let start = pair.targetRange.lowerBound
            findings += rawTagFindings(source: sourceText, target: targetText,
                                       at: { (start + $0.lowerBound)..<(start + $0.upperBound) }, whole: pair.targetRange)
        }
        return findings
    }

    /// An ICU `select` whose keys changed is one placeholder, missing and extra at once (its key
    /// holds the branch names, its text only `{city, select, `): taken out of `comparison` and
    /// said once, with the keys that differ.
    static func changedSelects(_ comparison: inout PlaceholderComparison) -> [(placeholder: Placeholder, message: String)] {
        func parts(_ key: String) -> (head: String, keys: Set<String>)? {
            guard key.hasSuffix("}"), let range = key.range(of: ", select, ") else { return nil }
            return (String(key[..<range.upperBound]), Set(key[range.upperBound...].dropLast().split(separator: " ").map(String.init)))
        }
        var missing = comparison.missing
        var extra: [Placeholder] = []
        var changes: [(placeholder: Placeholder, message: String)] = []
        for placeholder in comparison.extra {
            guard let target = parts(placeholder.key),
                  let index = missing.firstIndex(where: { parts($0.key)?.head == target.head }),
                  let source = parts(missing[index].key) else {
                extra.append(placeholder)
                continue
            }
            missing.remove(at: index)
            let added = target.keys.subtracting(source.keys).sorted().map { "`\($0)`" }.joined(separator: ", ")
            let removed = source.keys.subtracting(target.keys).sorted().map { "`\($0)`" }.joined(separator: ", ")
            let name = target.head.dropFirst().prefix { $0 != "," }
            let message = switch (added.isEmpty, removed.isEmpty) {
            case (false, false): "the select on `\(name)` has the key \(added) where the source has \(removed) (keys are matched by the program, not translated)"
            case (false, true): "the select on `\(name)` has the key \(added), which the source does not have"
            default: "the select on `\(name)` lacks the source's key \(removed)"
            }
            changes.append((placeholder, message))
        }
        comparison = PlaceholderComparison(missing: missing, extra: extra)
        return changes
    }

    /// Unnumbered printf placeholders take the arguments in order, so leaving one out hands its
    /// argument to each one after it: `Delete %d files in %s?` → `Dateien in %s löschen?` gives
    /// `%s` the count. Compared by number, that is `%d` and `%s` missing and `%s` extra, three
    /// findings for one mistake; where the translation's unnumbered placeholders are the source's
    /// with some left out, it is one finding per placeholder left out that says so. Anything
    /// else (a changed conversion, an added one) is left in `comparison` as it was.
    static func droppedPrintf(_ comparison: inout PlaceholderComparison, source: [Placeholder], target: [Placeholder]) -> [String] {
        func unnumbered(_ list: [Placeholder]) -> [Placeholder] {
            list.filter { $0.syntax == .printf && !$0.text.contains("$") && $0.text != "%%" }
        }
        let sourceList = unnumbered(source)
        let targetList = unnumbered(target)
        // A translation that numbers its placeholders chose their arguments itself.
        guard targetList.count < sourceList.count, !comparison.missing.isEmpty,
              !target.contains(where: { $0.syntax == .printf && $0.text.contains("$") }) else { return [] }
        func conversion(_ placeholder: Placeholder) -> Substring { placeholder.key.drop { $0 != "$" } }
        // The translation's placeholders matched in order, each to the first source one of its conversion.
        var kept: Set<String> = []
        var shifted: [Placeholder] = []
        var next = 0
        for placeholder in targetList {
            while next < sourceList.count, conversion(sourceList[next]) != conversion(placeholder) { next += 1 }
            guard next < sourceList.count else { return [] }
            kept.insert(sourceList[next].key)
            if sourceList[next].key != placeholder.key { shifted.append(placeholder) }
            next += 1
        }
        let dropped = sourceList.filter { !kept.contains($0.key) }
        let missingKeys = Set(comparison.missing.map(\.key))
        let extraKeys = Set(comparison.extra.map(\.key))
        // Only where the comparison by number said exactly this (a plural form may leave out its count).
        guard dropped.allSatisfy({ missingKeys.contains($0.key) }), shifted.allSatisfy({ extraKeys.contains($0.key) }) else { return [] }
        let shiftedKeys = Set(shifted.map(\.key))
        // A source placeholder reported missing only because the translation's took its number.
        let renumbered = Set(sourceList.filter { kept.contains($0.key) }.map(\.key)).subtracting(targetList.map(\.key))
        comparison = PlaceholderComparison(
            missing: comparison.missing.filter { !renumbered.contains($0.key) && !dropped.map(\.key).contains($0.key) },
            extra: comparison.extra.filter { !shiftedKeys.contains($0.key) })
        let after = shifted.map { "`\($0.text)`" }.joined(separator: ", ")
        return dropped.map { placeholder in
            "placeholder `\(placeholder.text)` from the source is missing"
                + (shifted.isEmpty ? "" : ", so \(after) after it \(shifted.count == 1 ? "gets the wrong argument" : "get the wrong arguments") "
                   + "(number the placeholders, as `%2$s`, to leave one out)")
        }
    }

    /// Unnumbered printf placeholders reordered (`%d files in %s` → `%s Dateien in %d`): each takes
    /// the other's argument. Compared by number that is every one of them missing and extra; it is
    /// one finding that shows both orders.
    static func reorderedPrintf(_ comparison: inout PlaceholderComparison, source: [Placeholder], target: [Placeholder]) -> String? {
        func unnumbered(_ list: [Placeholder]) -> [Placeholder] {
            list.filter { $0.syntax == .printf && !$0.text.contains("$") && $0.text != "%%" }
        }
        let sourceList = unnumbered(source)
        let targetList = unnumbered(target)
        func conversion(_ placeholder: Placeholder) -> String { String(placeholder.key.drop { $0 != "$" }) }
        guard sourceList.count == targetList.count, sourceList.count > 1,
              !target.contains(where: { $0.syntax == .printf && $0.text.contains("$") }),
              sourceList.map(conversion).sorted() == targetList.map(conversion).sorted(),
              sourceList.map(conversion) != targetList.map(conversion) else { return nil }
        let sourceKeys = Set(sourceList.map(\.key))
        let targetKeys = Set(targetList.map(\.key))
        // Only said where the comparison by number found them (a plural form's may differ).
        guard comparison.missing.contains(where: { sourceKeys.contains($0.key) })
                || comparison.extra.contains(where: { targetKeys.contains($0.key) }) else { return nil }
        comparison = PlaceholderComparison(missing: comparison.missing.filter { !sourceKeys.contains($0.key) },
                                           extra: comparison.extra.filter { !targetKeys.contains($0.key) })
        let order = { (list: [Placeholder]) in list.map { "`\($0.text)`" }.joined(separator: " … ") }
        return "placeholders \(order(targetList)) stand in another order than the source's \(order(sourceList)), "
            + "so they get each other's arguments (number them, as `%2$s`, to reorder)"
    }

    /// PO format flags whose printf reads `%i` as `%d` (C, Objective-C, Python's `%`): there a
    /// translation may write either, as `msgfmt -c` accepts. Java's formatter, which Android
    /// strings use, has no `%i`, so strings without such a flag still compare them apart.
    static let integerAliasFormats: Set<String> = ["c-format", "objc-format", "python-format"]

    /// `comparison` without the pairs of a missing and an extra printf placeholder that differ only
    /// by `%d` against `%i` (`%ld` and `%li`, Python's `%(count)d` and `%(count)i` too).
    static func matchingIntegerAliases(_ comparison: PlaceholderComparison) -> PlaceholderComparison {
        func alias(_ placeholder: Placeholder) -> String? {
            guard placeholder.syntax == .printf || placeholder.syntax == .pythonFormat, placeholder.key.hasSuffix("i") || placeholder.key.hasSuffix("d") else { return nil }
            return placeholder.key.dropLast() + "d"
        }
        var missing = comparison.missing
        var extra: [Placeholder] = []
        for placeholder in comparison.extra {
            if let key = alias(placeholder), let index = missing.firstIndex(where: { alias($0) == key }) {
                missing.remove(at: index)
            } else {
                extra.append(placeholder)
            }
        }
        return PlaceholderComparison(missing: missing, extra: extra)
    }

    /// PO format flags whose strings printf reads: there every `%` starts a directive.
    static let printfFormats: Set<String> = ["c-format", "objc-format"]

    /// UTF-16 ranges of the `%` signs that start neither a printf directive nor `%%`: `50 %` in a
    /// string printf formats, which `msgfmt -c` rejects and printf misreads (`% t` is a directive).
    static func lonePercentSigns(in text: String) -> [Range<Int>] {
        let units = Array(text.utf16)
        let directives = PlaceholderScanner(syntaxes: [.printf]).placeholders(in: text).map(\.range)
        var result: [Range<Int>] = []
        var index = 0
        var next = 0
        while index < units.count {
            if next < directives.count, directives[next].lowerBound == index {
                index = directives[next].upperBound
                next += 1
                continue
            }
            if units[index] == 0x25 {
                if index + 1 < units.count, units[index + 1] == 0x25 {
                    index += 2
                    continue
                }
                result.append(index..<(index + 1))
            }
            while next < directives.count, directives[next].upperBound <= index { next += 1 }
            index += 1
        }
        return result
    }

    /// The placeholders of the translation against those of its source. The first form of a gettext
    /// plural entry (`msgstr[0]`) stands against `msgid` and `msgid_plural` together, as `msgfmt
    /// --check-format` reads it: it serves more counts than the English singular (1, 21, 31 … in
    /// Russian), so it may use `msgid_plural`'s `%d` where `msgid` says "One file"; it must keep
    /// `msgid`'s own placeholders, and all of them where it is the only form (every count in Japanese).
    ///
    /// A plural form whose CLDR category holds one number in the target language (German and
    /// Polish `one`, Arabic `zero`, `one`, `two`; not Russian `one`: 1, 21, 31 …) may leave out the
    /// count (`Ein Foto`), as `msgfmt -c` accepts; its other placeholders stay required. ICU
    /// MessageFormat choices are compared branch by branch (`MessageFormatPlaceholders`).
    static func placeholderComparison(of pair: SentencePairContext, source: String, target: String,
                                      using prepared: Preparation) -> PlaceholderComparison {
        let sourceScan = prepared.scanner.scanned(source)
        let targetScan = prepared.scanner.scanned(target)
        let sourcePlaceholders = sourceScan.placeholders
        let targetPlaceholders = targetScan.placeholders
        var comparison = MessageFormatPlaceholders.applies(source: sourceScan, target: targetScan)
            ? MessageFormatPlaceholders(source: sourceScan, target: targetScan,
                                        singleNumberCategories: prepared.plurals.singleIntegerCategories).comparison()
            : PlaceholderComparison(source: sourcePlaceholders, target: targetPlaceholders)
        guard let units = pair.bilingual.units, pair.index < units.count, units[pair.index].details.isPlural else {
            return comparison
        }
        let details = units[pair.index].details
        if let plural = details.sourcePlural {
            let pluralPlaceholders = prepared.scanner.placeholders(in: plural)
            let onlyForm = pair.bilingual.pluralFormCount == 1 || details.targetPlurals?.count == 1
            let union = PlaceholderComparison(source: sourcePlaceholders, target: pluralPlaceholders).extra + sourcePlaceholders
            let extra = PlaceholderComparison(source: union, target: targetPlaceholders).extra
            let missing = PlaceholderComparison(source: onlyForm ? union : sourcePlaceholders, target: targetPlaceholders).missing
            comparison = PlaceholderComparison(missing: missing, extra: extra)
        }
        guard let category = pluralCategory(of: details, in: pair.bilingual, rules: prepared.plurals),
              category == "zero" || prepared.plurals.singleIntegerCategories[category] != nil,
              let count = countPlaceholder(among: sourcePlaceholders + (details.sourcePlural.map { prepared.scanner.placeholders(in: $0) } ?? []))
        else { return comparison }
        return PlaceholderComparison(missing: comparison.missing.filter { $0.key != count }, extra: comparison.extra)
    }

    /// The CLDR category of a plural unit: named by the format (`one` of `key|plural|one`,
    /// `items_one`; `zero` is 0 alone there, as Apple and i18next use it in every language), or for
    /// gettext's `msgstr[n]` the n-th category whole numbers reach, in CLDR's order, which is the
    /// order of the usual `Plural-Forms` expressions (Polish `one`, `few`, `many`), where the file
    /// declares as many forms as CLDR has categories for whole numbers. The expression itself is
    /// not read: a header that orders its forms otherwise (Latvian's `n != 0 ? 1 : 2` puts zero
    /// last) can make a form for many numbers read as one for a single number.
    private static func pluralCategory(of details: UnitDetails, in bilingual: BilingualContext, rules: PluralRules) -> String? {
        if let category = details.pluralCategory { return category }
        let form = details.pluralForm ?? (details.targetPlurals != nil ? 0 : nil)
        let categories = PluralFormsRule.cldrOrder(rules.integerCategories)
        guard let form, (bilingual.pluralFormCount ?? categories.count) == categories.count, form < categories.count else { return nil }
        return categories[form]
    }

    /// The key of the placeholder that receives the count: the source's only integer conversion
    /// (`%d`, `%lld`, `%1$u`) or its only placeholder named `count` (`{count}`, i18next's
    /// `{{count}}`). `nil` where there is none, or more than one to choose from.
    private static func countPlaceholder(among placeholders: [Placeholder]) -> String? {
        let integerConversions: Set<Character> = ["d", "i", "u", "o", "x", "X"]
        let keys = Set(placeholders.filter { placeholder in
            switch placeholder.syntax {
            case .printf: return placeholder.text.last.map(integerConversions.contains) == true && !placeholder.text.hasSuffix("%")
            case .braces: return placeholder.key == "{count}"
            case .template: return placeholder.key == "{{count"
            default: return false
            }
        }.map(\.key))
        return keys.count == 1 ? keys.first : nil
    }

    /// Tags written in the text itself (PO, JSON Lines, mobile strings), compared with their
    /// attributes: `<b>now</b>` → `<v>nou</v>` and `<a href="x">` → `<a href="y">` are findings.
    private func rawTagFindings(source: String, target: String, at: (Range<Int>) -> Range<Int>,
                                whole: Range<Int>) -> [RuleFinding] {
        let sourceTags = MarkupTagScanner.tags(in: source)
        let targetTags = MarkupTagScanner.tags(in: target)
        guard !sourceTags.isEmpty || !targetTags.isEmpty else { return [] }
        var remaining = sourceTags.reduce(into: [String: Int]()) { $0[$1.key, default: 0] += 1 }
        var findings: [RuleFinding] = []
        for tag in targetTags {
            if let count = remaining[tag.key], count > 0 { remaining[tag.key] = count - 1 } else {
                findings.append(RuleFinding(range: at(tag.range), message: "tag `\(tag.text)` is not in the source"))
            }
        }
        for tag in sourceTags where (remaining[tag.key] ?? 0) > 0 {
            remaining[tag.key]! -= 1
            findings.append(RuleFinding(range: whole, message: "tag `\(tag.text)` from the source is missing"))
        }
        return findings
    }

    private func inlineCodeFindings(_ codes: BilingualContext.InlineCodePair, at range: Range<Int>) -> [RuleFinding] {
        // Text marked not to translate (`<mrk translate="no">`): the same element of the source, by
        // its identifier, must hold the same text. A protected element missing on one side is
        // reported below as its missing tags.
        let prefix = SegmentText.protectedCodePrefix
        func split(_ code: String) -> (id: Substring, text: Substring) {
            let body = code.dropFirst(prefix.count)
            let equals = body.firstIndex(of: "=") ?? body.endIndex
            return (body[..<equals], equals < body.endIndex ? body[body.index(after: equals)...] : "")
        }
        var protectedSource: [Substring: [Substring]] = [:]
        for code in codes.source where code.hasPrefix(prefix) {
            let (id, text) = split(code)
            protectedSource[id, default: []].append(text)
        }
        var findings: [RuleFinding] = []
        for code in codes.target where code.hasPrefix(prefix) {
            let (id, text) = split(code)
            guard var candidates = protectedSource[id], !candidates.isEmpty else { continue }
            if let same = candidates.firstIndex(of: text) {
                candidates.remove(at: same)
            } else {
                let original = candidates.removeFirst()
                findings.append(RuleFinding(range: range, message: "text marked not to translate was changed: "
                    + "`\(original)` became `\(text)`"))
            }
            protectedSource[id] = candidates
        }
        let source = codes.source.filter { !$0.hasPrefix(prefix) }
        let target = codes.target.filter { !$0.hasPrefix(prefix) }
        var remaining = source.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        var extra: [String] = []
        for code in target {
            if let count = remaining[code], count > 0 { remaining[code] = count - 1 } else { extra.append(code) }
        }
        var missing: [String] = []
        for code in source where (remaining[code] ?? 0) > 0 {
            remaining[code]! -= 1
            missing.append(code)
        }
        for tag in Self.pairingTags(extra) {
            findings.append(RuleFinding(range: range, message: "inline tag \(tag) is not in the source"))
        }
        for tag in Self.pairingTags(missing) {
            findings.append(RuleFinding(range: range, message: "inline tag \(tag) from the source is missing"))
        }
        return findings
    }

    /// The codes as they are reported: an opening code with its closing code among them
    /// (`hi` and `/hi`, `g:1` and `/g:1`) is one tag added or dropped, `` `hi`…`/hi` ``; any
    /// other code stands alone.
    package static func pairingTags(_ codes: [String]) -> [String] {
        var closings = codes.filter { $0.hasPrefix("/") }.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        var paired: [String: Int] = [:]
        var tags: [String] = []
        for code in codes where !code.hasPrefix("/") {
            if let count = closings["/" + code], count > 0 {
                closings["/" + code] = count - 1
                paired["/" + code, default: 0] += 1
                tags.append("`\(code)`…`/\(code)`")
            } else {
                tags.append("`\(code)`")
            }
        }
        for code in codes where code.hasPrefix("/") {
            if let count = paired[code], count > 0 { paired[code] = count - 1 } else { tags.append("`\(code)`") }
        }
        return tags
    }
}
