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

    @Argument(help: ArgumentHelp("The translated text file.", valueName: "file"))
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
        let checker = try options.makeChecker()
        let document = try ReportInput.load(file)
        let sourceDocument = try ReportInput.loadSource(source, for: checker)
        let report = try TranslationReport.make(checker: checker, document: document, source: sourceDocument)
        try ReportInput.createDirectory(of: out)
        try report.write(to: out)
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
        let document = try SourceDocument.load(path: path)
        let shown = displayPath(path)
        guard shown != path else { return document }
        guard let data = FileManager.default.contents(atPath: path) else { return document }
        return try SourceDocument.decode(data, path: shown)
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
