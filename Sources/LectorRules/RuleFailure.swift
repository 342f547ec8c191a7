extension RuleFinding {
    /// A rule that could not run on a document, because something it needs could not be built
    /// (an ICU extractor, a segmenter, a matcher). Reported at the start of the document, so that
    /// the rule's silence is never read as "nothing found".
    public static func failure(of rule: RuleDescription, _ error: any Error) -> RuleFinding {
        var finding = RuleFinding(range: 0..<0, message: "`\(rule.id)` could not run on this document: \(error)")
        finding.isFailure = true
        return finding
    }
}
