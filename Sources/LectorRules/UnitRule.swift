/// A string check: a rule that reads one unit of a bilingual file (PO entry, XLIFF unit, resource
/// string) against its source. The checker walks the units once, in the same walk as the sentence
/// pairs, and hands each unit rule one unit at a time; the rule never loops over units itself.
/// Texts checked alone or against an aligned source have no units, and unit rules say nothing.
///
/// `prepare` runs once per document for what is costly or can fail (ICU plural rules); a failure
/// is reported as the rule's failure, never taken for "no findings".
public protocol UnitRule: Rule {
    associatedtype Preparation = Void
    func prepare(for context: CheckContext) throws -> Preparation
    func findings(in pair: StringPair, of context: CheckContext, using prepared: Preparation) -> [RuleFinding]
}

extension UnitRule {
    /// The rule alone, as the `Rule` protocol runs it: the same walk over the units the checker does.
    public func findings(in context: CheckContext) -> [RuleFinding] {
        guard context.bilingual?.units != nil else { return [] }
        let check: (StringPair) -> [RuleFinding]
        do {
            check = try unitChecker(for: context)
        } catch {
            return [RuleFinding.failure(of: Self.description, error)]
        }
        return context.stringPairs().flatMap(check)
    }

    /// Prepares the rule for one document and returns what checks each of its units, with the
    /// preparation's type erased so that the checker can hold every unit rule in one list.
    public func unitChecker(for context: CheckContext) throws -> (StringPair) -> [RuleFinding] {
        let prepared = try prepare(for: context)
        return { pair in self.findings(in: pair, of: context, using: prepared) }
    }
}

extension UnitRule where Preparation == Void {
    public func prepare(for context: CheckContext) throws {}
}
