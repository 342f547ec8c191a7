import Foundation

extension LintSession {
    /// Reads a file, checks it with the checker of its languages and plans its safe fixes: for a
    /// bilingual file only its targets, for HTML and Markdown only their prose (`EditableText`).
    public func planFixes(path: String) throws(InputError) -> FixPlan {
        let file = try EditableFileLoader.load(path: path)
        let findings: [Finding]
        if let bilingual = file.bilingual {
            findings = try checker(source: bilingual.sourceLanguage ?? configuration.sourceLanguage,
                                   target: bilingual.targetLanguage ?? configuration.targetLanguage).check(bilingual)
        } else {
            findings = try checker(source: nil, target: configuration.targetLanguage).check(file.document)
        }
        return FixPlanner().plan(file, findings: findings)
    }
}
