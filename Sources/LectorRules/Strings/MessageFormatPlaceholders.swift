import LectorText

/// The placeholders of a source and its translation where ICU MessageFormat choices stand.
///
/// A language has its own plural categories: Polish adds `few` and `many` to English's `one` and
/// `other`, Japanese has `other` alone. Counted as one multiset, the `{count}` of every branch a
/// translation adds or drops would be a placeholder added or lost. So outside the choices the
/// placeholders are compared as multisets, and inside them branch by branch:
///
/// - a branch is compared with the source's branch of the same keyword, or, where the source has
///   none (Polish `few`), with the source's `other`; a source branch the translation drops is
///   `plurals.count`'s concern;
/// - in a `plural` or `selectordinal`, a placeholder the translation adds to a branch is not
///   extra when another branch of the source's choice has it, and the number itself (`{count}`
///   of `{count, plural, …}`, or `#`) may be left out of a branch that holds a single number
///   (`=1`, `zero`, or a category that holds one number in the target language: German `one`);
///   it is never extra in its own choice (Russian `one {{count} файл}` for English `one {One file}`);
/// - in a `select`, each branch must have its source branch's placeholders.
///
/// Choices without a counterpart of the same argument and kind (their heads differ, and are
/// reported) compare their placeholders as one multiset, as before choices were read.
struct MessageFormatPlaceholders {
    let source: PlaceholderScanner.Scan
    let target: PlaceholderScanner.Scan
    /// The target language's plural categories that hold one whole number (`PluralRules`).
    let singleNumberCategories: [String: Int]

    /// Whether either side has a choice to compare branch by branch.
    static func applies(source: PlaceholderScanner.Scan, target: PlaceholderScanner.Scan) -> Bool {
        !source.choices.isEmpty || !target.choices.isEmpty
    }

    func comparison() -> PlaceholderComparison {
        var missing: [Placeholder] = []
        var extra: [Placeholder] = []
        compare(sourceBody: nil, targetBody: nil, number: nil, missing: &missing, extra: &extra)
        // Reported in the order they stand, as the multiset comparison did.
        return PlaceholderComparison(missing: missing.sorted { $0.range.lowerBound < $1.range.lowerBound },
                                     extra: extra.sorted { $0.range.lowerBound < $1.range.lowerBound })
    }

    /// What a plural's branch pair knows of the number.
    private struct Number {
        let argument: String
        /// The translation's branch writes `#`.
        let targetWritesHash: Bool
        /// The translation's branch holds one number, which it may name in words.
        let targetHoldsOne: Bool
        /// The keys of every placeholder in the source's choice, any branch.
        let sourceKeys: Set<String>
    }

    private func compare(sourceBody: Range<Int>?, targetBody: Range<Int>?, number: Number?,
                         missing: inout [Placeholder], extra: inout [Placeholder]) {
        var sourcePlaceholders = Self.placeholders(of: source, in: sourceBody)
        var targetPlaceholders = Self.placeholders(of: target, in: targetBody)
        if let number {
            let key = "{\(number.argument)}"
            let sourceCount = sourcePlaceholders.filter { $0.syntax == .braces && $0.key == key }
            let targetCount = targetPlaceholders.filter { $0.syntax == .braces && $0.key == key }
            sourcePlaceholders.removeAll { $0.syntax == .braces && $0.key == key }
            targetPlaceholders.removeAll { $0.syntax == .braces && $0.key == key }
            if let first = sourceCount.first, targetCount.isEmpty, !number.targetWritesHash, !number.targetHoldsOne {
                missing.append(first)
            }
        }
        let direct = PlaceholderComparison(source: sourcePlaceholders, target: targetPlaceholders)
        missing += direct.missing
        extra += direct.extra.filter { number?.sourceKeys.contains($0.key) != true }

        var targetChoices = Self.choices(of: target, in: targetBody)
        var unpairedSource: [Placeholder] = []
        for choice in Self.choices(of: source, in: sourceBody) {
            guard let index = targetChoices.firstIndex(where: { $0.argument == choice.argument && $0.type == choice.type }) else {
                unpairedSource += Self.branchPlaceholders(of: source, in: choice)
                continue
            }
            let counterpart = targetChoices.remove(at: index)
            let plural = choice.type != "select"
            let keys = Set(Self.branchPlaceholders(of: source, in: choice).map(\.key))
            for branch in counterpart.branches {
                guard let sourceBranch = choice.branches.first(where: { $0.selector == branch.selector })
                        ?? choice.branches.first(where: { $0.selector == "other" }) ?? choice.branches.last else { continue }
                let branchNumber = plural ? Number(argument: choice.argument, targetWritesHash: branch.hasNumber,
                                                   targetHoldsOne: holdsOneNumber(branch.selector, type: choice.type),
                                                   sourceKeys: keys) : nil
                compare(sourceBody: sourceBranch.body, targetBody: branch.body, number: branchNumber,
                        missing: &missing, extra: &extra)
            }
        }
        let unpairedTarget = targetChoices.flatMap { Self.branchPlaceholders(of: target, in: $0) }
        let unpaired = PlaceholderComparison(source: unpairedSource, target: unpairedTarget)
        missing += unpaired.missing
        extra += unpaired.extra
    }

    /// `=1`, `zero` (Apple, i18next and ICU use it for 0 alone, in every language), or a plural
    /// category that holds one whole number in the target language. Ordinal categories
    /// (`selectordinal`) are never read as one number: `one` is 1st, 21st, 31st … in English.
    private func holdsOneNumber(_ selector: String, type: String) -> Bool {
        if selector.hasPrefix("="), Int(selector.dropFirst()) != nil { return true }
        guard type == "plural" else { return false }
        return selector == "zero" || singleNumberCategories[selector] != nil
    }

    // MARK: - Where things stand

    /// The innermost branch text holding `range`; `nil` outside every choice's branches.
    private static func body(of scan: PlaceholderScanner.Scan, holding range: Range<Int>) -> Range<Int>? {
        var innermost: Range<Int>?
        for choice in scan.choices {
            for branch in choice.branches
            where branch.body.lowerBound <= range.lowerBound && range.upperBound <= branch.body.upperBound
                && (innermost == nil || branch.body.count < innermost!.count) {
                innermost = branch.body
            }
        }
        return innermost
    }

    private static func placeholders(of scan: PlaceholderScanner.Scan, in body: Range<Int>?) -> [Placeholder] {
        scan.placeholders.filter { self.body(of: scan, holding: $0.range) == body }
    }

    private static func choices(of scan: PlaceholderScanner.Scan, in body: Range<Int>?) -> [PlaceholderScanner.MessageFormatChoice] {
        scan.choices.filter { self.body(of: scan, holding: $0.range) == body }
    }

    /// Every placeholder inside the choice's branches, at any depth (not its head).
    private static func branchPlaceholders(of scan: PlaceholderScanner.Scan,
                                           in choice: PlaceholderScanner.MessageFormatChoice) -> [Placeholder] {
        scan.placeholders.filter { placeholder in
            choice.branches.contains { $0.body.lowerBound <= placeholder.range.lowerBound && placeholder.range.upperBound <= $0.body.upperBound }
        }
    }
}
