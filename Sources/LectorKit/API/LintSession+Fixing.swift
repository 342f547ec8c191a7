import Foundation

extension LintSession {
    /// `/dev/stdin`, `/dev/fd/N`, `/proc/self/fd/N` and the like: paths that stand for whatever a
    /// process has open, not for a file of their own.
    static func namesAnOpenDescriptor(_ path: String) -> Bool {
        // Dots removed, links not followed: following them is what leads to the redirected file.
        let standardized = URL(fileURLWithPath: path).standardized.path
        return ["/dev/stdin", "/dev/stdout", "/dev/stderr"].contains(standardized)
            || standardized.hasPrefix("/dev/fd/") || standardized.hasPrefix("/proc/")
    }

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
        // `/dev/stdin` redirected from a file resolves to that file: fixing it would rewrite a file
        // the command line never named, as `-` would.
        if Self.namesAnOpenDescriptor(path) {
            throw InputError(file: path, message: "names standard input or an open file descriptor, which fix does not "
                             + "write through; name the file itself")
        }
        // Paired and with the source language as `check` reads it: an English translation of a
        // German project is a translation, not the source.
        let file = try EditableFileLoader.load(path: path, source: sourcePath, sourceLanguage: configuration.sourceLanguage)
        var findings: [Finding] = []
        if !file.languages.isEmpty {
            // One check per language, each in its own place of the document of all of them.
            for (bilingual, offset) in zip(file.languages, file.languageOffsets) {
                findings += try checker(for: bilingual).check(bilingual).map { $0.shifted(by: offset) }
            }
        } else if let bilingual = file.bilingual {
            findings = try checker(for: bilingual).check(bilingual)
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

extension Finding {
    /// The finding in a document where the one it was found in starts `offset` UTF-16 units later;
    /// lines and columns, which are the file's, stay.
    func shifted(by offset: Int) -> Finding {
        guard offset != 0 else { return self }
        func shift(_ location: TextLocation) -> TextLocation {
            TextLocation(line: location.line, column: location.column, byteOffset: location.byteOffset,
                         utf16Offset: location.utf16Offset + offset)
        }
        return Finding(ruleID: ruleID, severity: severity, message: message, file: file, location: shift(location),
                       endLocation: shift(endLocation), text: text, suggestion: suggestion, isSafeFix: isSafeFix,
                       note: note, sentence: sentence, unit: unit)
    }
}
