import Foundation

extension LintSession {
    /// Reads a file, checks it with the checker of its languages and plans its safe fixes: for a
    /// bilingual file only its targets, for HTML and Markdown only their prose, for plain text all
    /// but URLs, e-mail addresses and file paths (`EditableText`).
    public func planFixes(path: String) throws(InputError) -> FixPlan {
        try planFixes(path: path, language: nil, source: nil)
    }

    /// Plans the safe fixes of one input of a scan, read as `check` reads it: a text file in the
    /// language its name gives (`FileLanguage`), checked against the source beside it when there is
    /// one. Standard input cannot be fixed.
    public func planFixes(_ input: Input) throws(InputError) -> FixPlan {
        switch input {
        case .text(let path), .bilingual(let path, _):
            guard path != "-" else { throw InputError(file: "-", message: "standard input cannot be fixed; name the file") }
            return try planFixes(path: path, language: nil, source: nil)
        case let .translation(path, language, source):
            return try planFixes(path: path, language: language, source: source)
        case let .pair(target, source):
            return try planFixes(path: target, language: nil, source: source)
        }
    }

    private func planFixes(path: String, language: String?, source sourcePath: String?) throws(InputError) -> FixPlan {
        let file = try EditableFileLoader.load(path: path)
        let findings: [Finding]
        if let bilingual = file.bilingual {
            findings = try checker(source: bilingual.sourceLanguage ?? configuration.sourceLanguage,
                                   target: bilingual.targetLanguage ?? configuration.targetLanguage).check(bilingual)
        } else if let sourcePath, let sourceLanguage = configuration.sourceLanguage {
            let source = try EditableFileLoader.checkedDocument(path: sourcePath)
            findings = try checker(source: sourceLanguage, target: language ?? configuration.targetLanguage)
                .check(file.document, source: source)
        } else {
            findings = try checker(source: nil, target: language ?? configuration.targetLanguage).check(file.document)
        }
        return FixPlanner().plan(file, findings: findings)
    }
}
