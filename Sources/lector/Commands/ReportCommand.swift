import ArgumentParser
import Foundation
import LectorKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write HTML, Markdown and patch reports of one translation for an editor.",
        discussion: """
        Writes PATH.html (one self-contained page: source, translation and corrected translation \
        side by side, sentence by sentence, word changes highlighted, every finding at its place), \
        PATH.md (the same for a pull-request comment) and PATH.patch (the safe fixes as a unified \
        diff for git apply or patch -p1). The corrected translation is the text with the safe \
        fixes applied. Paths in the reports are as given, relative to the current directory. \
        Exit status: 0 when the reports were written, 2 for usage or input errors.
        """
    )

    @OptionGroup var options: CheckOptions

    @Option(name: .long, help: ArgumentHelp("The source text that FILE translates; needs --source-lang.", valueName: "file"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Where to write: PATH.html, PATH.md and PATH.patch (e.g. Reports/article).",
                                            valueName: "path"))
    var out: String

    @Argument(help: ArgumentHelp("The translation: a text, Markdown or HTML file, or a bilingual file (XLIFF, TMX, PO, JSON Lines).",
                                 valueName: "file"))
    var file: String

    func validate() throws {
        guard !out.isEmpty, !out.hasSuffix("/") else { throw ValidationError("--out takes a path without extension, such as Reports/article") }
    }

    func run() throws {
        do {
            try runChecked()
        } catch {
            reportInputError(error)
            throw ExitStatus.inputError
        }
    }

    private func runChecked() throws(InputError) {
        let session = try LintSession(options.checkConfiguration(project: options.projectConfiguration()))
        let configuration = session.configuration
        // Read as `check` reads it: a bilingual file unit by unit with its own languages, HTML and
        // Markdown by their prose.
        let editable = try ReportInput.loadEditable(file)
        let checker: Checker
        if let bilingual = editable.bilingual {
            if let source {
                throw InputError(file: source, message: "\(file) is bilingual: it carries its own source, so --source does not apply")
            }
            checker = try session.checker(for: bilingual)
        } else {
            checker = try session.checker(source: configuration.sourceLanguage, target: configuration.targetLanguage)
        }
        let sourceDocument = try ReportInput.loadSource(source, for: checker)
        let report = try TranslationReport.make(checker: checker, file: editable, source: sourceDocument)
        try ReportInput.createDirectory(of: out)
        try report.write(to: out, sparing: [file] + (source.map { [$0] } ?? []) + options.readFiles(project: try options.projectConfiguration()))
        let fixes = report.plan.replacements.count
        printToStandardError("Wrote \(out).html, \(out).md and \(out).patch: \(report.findings.count) "
            + "finding\(report.findings.count == 1 ? "" : "s"), \(fixes) safe fix\(fixes == 1 ? "" : "es").")
    }
}

/// Reading inputs and preparing outputs for `report` and `diff`.
enum ReportInput {
    /// The source text a translation is checked against, if one was given; it needs its language.
    static func loadSource(_ path: String?, for checker: Checker) throws(InputError) -> SourceDocument? {
        guard let path else { return nil }
        guard checker.configuration.sourceLanguage != nil else {
            throw InputError(file: path, message: "a source file needs its language (--source-lang)")
        }
        return try load(path)
    }

    /// Loads a text file under the path reports should show: relative to the current directory
    /// when it lies inside it, so that reports do not depend on where the checkout is and the
    /// patch applies from here.
    static func load(_ path: String) throws(InputError) -> SourceDocument {
        try SourceDocument.decode(FileBytes.read(path: path), path: displayPath(path))
    }

    /// Loads any file `report` reads (text, Markdown, HTML, bilingual) under the path reports show.
    static func loadEditable(_ path: String) throws(InputError) -> EditableText {
        try EditableFileLoader.read(FileBytes.read(path: path), path: displayPath(path))
    }

    static func displayPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : path
    }

    /// Creates the directory that will hold `path`, if it does not exist.
    static func createDirectory(of path: String) throws(InputError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: path, message: "cannot create the directory \(directory.path)")
        }
    }
}
