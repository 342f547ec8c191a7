import ArgumentParser
import Foundation
import LectorKit

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the safe suggestions (glossary substitutions) to text files in place.",
        discussion: """
        Only fixes a human would make without judgement are applied, such as Kiev → Kyiv, and only \
        to the translation: the targets of XLIFF, TMX, PO and JSON Lines files (never their source), \
        the translated strings of String Catalogs, .strings, .stringsdict, Android strings.xml, ARB \
        and i18next files (never keys, comments, the source language or untranslatable strings; \
        written with each format's escapes), the prose of HTML and Markdown (never code, URLs, \
        markup or comments). Each file \
        is replaced atomically, keeping its permissions. With --dry-run, the changes are printed as \
        a unified diff (for patch -p1 or git apply) and no file is touched. Exit status: 0 on \
        success, 2 for usage or input errors (missing, unreadable or unwritable file, invalid \
        UTF-8, malformed glossary, unknown language tag).
        """
    )

    @OptionGroup var options: CheckOptions

    @Flag(name: .long, help: "Print the changes as a unified diff instead of writing them.")
    var dryRun = false

    @Flag(name: .long, help: "No summary line on standard error.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files, directories or glob patterns to fix (text, Markdown, HTML, XLIFF, TMX, PO, JSON Lines, mobile resources); with none, the include patterns of .lector.yml.",
                                 valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.contains("-") { throw ValidationError("fix writes files in place; standard input (-) cannot be fixed") }
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
        let project = try options.projectConfiguration()
        let session = try LintSession(options.checkConfiguration(project: project))
        // The files as `check` finds them: directories and globs walked, the configuration's
        // `include` when none is named, each file in the language its name gives, and no file in
        // the source language, which is never rewritten as if it were a translation.
        let inputs = try options.collectInputs(files, project: project, configuration: session.configuration,
                                               purpose: "fix", quiet: quiet)
        // Read every file before writing any: bad input stops the run with nothing changed. Each file's
        // snapshot is taken before it is read, so a write by another program in between is noticed.
        // Each file is read in its format: a bilingual file's targets, the prose of HTML and Markdown.
        var snapshots: [String: FileSnapshot] = [:]
        let plans = try unique(inputs).map { input throws(InputError) in
            snapshots[input.displayPath] = FileSnapshot(path: input.displayPath)
            return try session.planFixes(input)
        }

        for plan in plans {
            for skipped in plan.skipped {
                let location = skipped.finding.location
                printToStandardError("lector: warning: \(plan.document.path):\(location.line):\(location.column): "
                    + "fix of `\(skipped.finding.text)` not applied: \(skipped.reason)")
            }
        }

        let changed = plans.filter(\.changesText)
        if dryRun {
            // The diff shows what the fix is; a file the real run would refuse to write says so.
            for plan in changed {
                do throws(InputError) {
                    try AtomicFileWriter.checkReplaceable(atPath: plan.document.path)
                } catch {
                    printToStandardError("lector: warning: \(error.description); fix without --dry-run would stop here")
                }
            }
            FileHandleOutput.standardOutput(changed.map(\.unifiedDiff.text).joined())
        } else {
            // Every refusal (read-only, hard links, another user's file) before any file is written.
            for plan in changed { try AtomicFileWriter.checkReplaceable(atPath: plan.document.path) }
            for plan in changed {
                try AtomicFileWriter.replace(plan.fixedFileContents, atPath: plan.document.path,
                                             expected: snapshots[plan.document.path])
            }
        }
        let fixes = changed.reduce(0) { $0 + $1.replacements.count }
        if !quiet { printToStandardError(Self.summary(fixes: fixes, files: changed.count, dryRun: dryRun)) }
    }

    /// `inputs` without repeats, so that a file named twice, or under a symbolic link and its target,
    /// is read once and written once (a second write would find the file changed by the first).
    private func unique(_ inputs: [LintSession.Input]) -> [LintSession.Input] {
        var seen = Set<String>()
        return inputs.filter {
            seen.insert(URL(fileURLWithPath: $0.displayPath).standardizedFileURL.resolvingSymlinksInPath().path).inserted
        }
    }

    /// `Fixed 4 findings in 1 file.`, or `Would fix …` for a dry run.
    static func summary(fixes: Int, files: Int, dryRun: Bool) -> String {
        let findings = fixes == 1 ? "1 finding" : "\(fixes) findings"
        let fileCount = files == 1 ? "1 file" : "\(files) files"
        return "\(dryRun ? "Would fix" : "Fixed") \(findings) in \(fileCount)."
    }
}
