import ArgumentParser
import Foundation
import LectorKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translated text files against glossaries, alone or against their source.",
        discussion: """
        FILE may be a text file, a directory (checked recursively), a glob pattern, a bilingual \
        file (.xlf, .xliff, .tmx, .po, .jsonl) or - for standard input. With no FILE, the \
        include patterns of .lector.yml are checked.

        JSON Lines on standard input (--stdin-format jsonl -) is checked as a stream, one record \
        per document: each batch of records' findings is written before more input is read.

        Exit status: 0 when nothing at or above --fail-on was found (always, with --fail-on \
        never), 1 when something was, 2 for usage or input errors (missing or unreadable file, \
        invalid UTF-8, malformed glossary or bilingual file, unknown language tag).
        """
    )

    @OptionGroup var options: CheckOptions

    @Option(name: .long, help: ArgumentHelp("The source text that FILE translates (one FILE only); needs --source-lang.",
                                            valueName: "file"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Output format: \(ReporterRegistry.all.map { $0.identifier }.joined(separator: ", ")).",
                                            valueName: "format"))
    var format: String = "text"

    @Option(name: .customLong("report"),
            help: ArgumentHelp("Also write a report to a file, as FORMAT:PATH (e.g. sarif:lector.sarif); repeatable.",
                               valueName: "format:path"))
    var reports: [String] = []

    @Option(name: .long, help: ArgumentHelp("Lowest severity that makes the exit status 1: error, warning or info (default: error); never: exit 0 whatever is found (2 still means bad input).",
                                            valueName: "severity"))
    var failOn: String?

    @Option(name: .long, help: ArgumentHelp("What one document of a bilingual file is: per-record (each unit alone, so findings do not depend on how a corpus is split; the default for JSON Lines on standard input) or per-file (all units together, so glossary.inconsistent compares across units; the default for files).",
                                            valueName: "mode"))
    var document: String?

    @Option(name: .long, help: ArgumentHelp("Report only findings that are not in this baseline.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Record all current findings in this baseline file and exit 0.", valueName: "file"))
    var writeBaseline: String?

    @Option(name: .long, help: ArgumentHelp("Format of standard input (-): \(LintSession.standardInputFormats.joined(separator: ", ")).",
                                            valueName: "format"))
    var stdinFormat: String = "text"

    @Option(name: .long, help: ArgumentHelp("Threads to check on (default: one per core); a text or Markdown file over 1 MiB is checked in windows on all of them.",
                                            valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "No summary line or progress bar on standard error.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files, directories or glob patterns to check; - for standard input.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if baseline != nil, writeBaseline != nil {
            throw ValidationError("--baseline and --write-baseline contradict each other: one reads a baseline, the other records a new one")
        }
        guard ReporterRegistry.reporter(named: format) != nil else {
            throw ValidationError("unknown format “\(format)”; use one of "
                + ReporterRegistry.all.map { $0.identifier }.joined(separator: ", "))
        }
        if let failOn, failOn != "never", Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on takes error, warning, info or never, not “\(failOn)”")
        }
        if let document, DocumentMode(rawValue: document) == nil {
            throw ValidationError("--document takes per-record or per-file, not “\(document)”")
        }
        for report in reports { _ = try ReportDestination(report) }
        guard LintSession.standardInputFormats.contains(stdinFormat) else {
            throw ValidationError("--stdin-format takes one of \(LintSession.standardInputFormats.joined(separator: ", "))")
        }
        if source != nil, files.count != 1 { throw ValidationError("--source pairs with exactly one FILE") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of threads, 1 or more, not \(jobs)") }
    }

    func run() async throws {
        do {
            try await runChecked()
        } catch let error as InputError {
            reportInputError(error)
            throw ExitStatus.inputError
        }
    }

    private func runChecked() async throws {
        let started = Date()
        let project = try options.projectConfiguration()
        var configuration = try options.checkConfiguration(project: project)
        configuration.jobs = jobs
        // One large text: cut and its first windows read on a thread of their own while the session
        // is made, for the windowed check below to take over (on one thread, nothing is read ahead).
        let readAhead = source == nil && files.count == 1
            ? LintSession.readWindowsAhead(path: files[0], configuration: configuration) : nil
        defer { readAhead?.stop() }
        let documents = document.flatMap(DocumentMode.init(rawValue:))
        // One large JSON Lines or XLIFF file: its first chunk read while the session is made, for
        // the streamed check below to take over.
        let bilingualAhead = source == nil && files.count == 1
            ? LintSession.readBilingualAhead(path: files[0], documents: documents, configuration: configuration) : nil
        defer { bilingualAhead?.stop() }
        let session = try LintSession(configuration)
        CheckOptions.report(session.glossaryWarnings)
        let inputs = try collectInputs(project: project, configuration: session.configuration)
        let readFiles = inputs.flatMap(\.filesRead) + options.readFiles(project: project)
            + [baseline ?? project?.baseline].compactMap { $0 }
        if inputs.count == 1, case .bilingual("-", let format) = inputs[0], ["jsonl", "ndjson"].contains(format ?? ""),
           (documents ?? LintSession.defaultDocumentMode(for: inputs[0])) == .perRecord {
            return try checkStream(session: session, project: project, started: started, files: ["<stdin>"],
                                   readFiles: readFiles) { emit throws(InputError) in
                try JSONLinesStream(session: session).check(readingFrom: STDIN_FILENO, emit: emit)
            }
        }
        if inputs.count == 1, session.isWindowed(inputs[0]) {
            // One large text: its findings go out window by window, as a stream's do.
            let input = inputs[0]
            return try checkStream(session: session, project: project, started: started, files: [input.displayPath],
                                   readFiles: readFiles) {
                emit throws(InputError) in
                if try !session.checkInWindows(input, readAhead: readAhead, emit: emit) { try emit(session.check(input)) }
            }
        }
        // Not a windowed text after all (a translation beside its source): its windows are not read further.
        readAhead?.stop()
        if inputs.count == 1, session.isStreamedBilingual(inputs[0], documents: documents) {
            // One large JSON Lines or XLIFF file: read and reported chunk by chunk, never held whole.
            let input = inputs[0]
            return try checkStream(session: session, project: project, started: started, files: [input.displayPath],
                                   readFiles: readFiles) {
                emit throws(InputError) in
                if try !session.checkBilingualStream(input, documents: documents, readAhead: bilingualAhead, emit: emit) {
                    try emit(session.check(input, documents: documents))
                }
            }
        }
        // Not a streamed file after all: its first chunk is dropped.
        bilingualAhead?.stop()
        let progress = ProgressBar(enabled: !quiet && inputs.count >= ProgressBar.minimumFiles)
        var findings = try await session.check(inputs, documents: documents,
                                               progress: { done, total in progress.update(done, of: total) })
        progress.finish()

        if let writeBaseline {
            try FileHandleOutput.write(Baseline(findings: findings).encoded(path: writeBaseline), toPath: writeBaseline,
                                       sparing: readFiles)
            if !quiet { printToStandardError("Wrote \(findings.count) finding\(findings.count == 1 ? "" : "s") to the baseline \(writeBaseline).") }
            return
        }
        if let path = baseline ?? project?.baseline {
            findings = try Baseline.load(path: path).newFindings(findings)
        }
        let paths = inputs.map(\.displayPath)
        let report = CheckReport(findings: findings, files: paths, toolVersion: Lector.configuration.version)
        let reporter = ReporterRegistry.reporter(named: format)!.init()
        FileHandleOutput.standardOutput(reporter.render(report))
        for destination in try reports.map(ReportDestination.init) {
            try destination.write(report, sparing: readFiles)
        }
        if !quiet {
            printToStandardError(Self.summary(report, seconds: Date().timeIntervalSince(started)))
            for notice in session.resourceNotices.map({ "lector: note: \($0)" }) + session.inputNotices { printToStandardError(notice) }
        }
        if let threshold = failThreshold(project: project), findings.contains(where: { $0.severity >= threshold }) {
            throw ExitStatus.findings
        }
    }

    /// The lowest severity that fails the run; `nil` for `--fail-on never` (or `fail_on: never`).
    private func failThreshold(project: ProjectConfiguration?) -> Severity? {
        // `never` is no severity: nil (validated above).
        if let failOn { return Severity(rawValue: failOn) }
        if let configured = project?.failOn { return configured }
        return .error
    }

    /// A stream of findings (`produce` hands them to its argument batch by batch): JSON Lines on
    /// standard input, one record per document, or one large text checked in windows. Findings go
    /// out batch by batch as they are found, so memory stays flat however long the input. Formats that are a
    /// plain list of findings (text, jsonl, github) are written as they come; the others, reports
    /// and a new baseline need every finding, and are written at the end.
    private func checkStream(session: LintSession, project: ProjectConfiguration?, started: Date, files: [String],
                             readFiles: [String],
                             produce: (([Finding]) throws(InputError) -> Void) throws(InputError) -> Void) throws {
        let reporter = ReporterRegistry.reporter(named: format)!.init()
        let streaming = reporter as? any StreamingReporter
        let keepFindings = streaming == nil || !reports.isEmpty || writeBaseline != nil
        var filter = try (baseline ?? project?.baseline).map { path throws(InputError) in
            Baseline.Filter(try Baseline.load(path: path))
        }
        var kept: [Finding] = []
        var counts: [Severity: Int] = [:]
        let threshold = failThreshold(project: project)
        var failed = false
        try produce { findings throws(InputError) in
            var findings = findings
            if writeBaseline == nil, filter != nil { findings = filter!.newFindings(findings) }
            for finding in findings {
                counts[finding.severity, default: 0] += 1
                if let threshold, finding.severity >= threshold { failed = true }
            }
            if keepFindings { kept += findings }
            if let streaming, writeBaseline == nil, !findings.isEmpty {
                FileHandleOutput.standardOutput(streaming.render(findings))
            }
        }
        if let writeBaseline {
            try FileHandleOutput.write(Baseline(findings: kept).encoded(path: writeBaseline), toPath: writeBaseline,
                                       sparing: readFiles)
            if !quiet { printToStandardError("Wrote \(kept.count) finding\(kept.count == 1 ? "" : "s") to the baseline \(writeBaseline).") }
            return
        }
        let report = CheckReport(findings: kept, files: files, toolVersion: Lector.configuration.version)
        if streaming == nil { FileHandleOutput.standardOutput(reporter.render(report)) }
        for destination in try reports.map(ReportDestination.init) {
            try destination.write(report, sparing: readFiles)
        }
        if !quiet {
            printToStandardError(Self.summary(files: files.count, errors: counts[.error] ?? 0, warnings: counts[.warning] ?? 0,
                                              infos: counts[.info] ?? 0, seconds: Date().timeIntervalSince(started)))
            for notice in session.resourceNotices.map({ "lector: note: \($0)" }) + session.inputNotices { printToStandardError(notice) }
        }
        if failed { throw ExitStatus.findings }
    }

    /// The inputs of the run: the arguments, or else the configuration's include patterns.
    private func collectInputs(project: ProjectConfiguration?, configuration: CheckConfiguration) throws(InputError)
        -> [LintSession.Input] {
        if let source {
            let paths = try options.collectPaths(files, project: project, purpose: "check")
            return [.pair(target: paths[0], source: source)]
        }
        let inputs = try options.collectInputs(files, project: project, configuration: configuration, purpose: "check",
                                               quiet: quiet)
        return inputs.map { input in
            input == .text(path: "-") && stdinFormat != "text" ? .bilingual(path: "-", standardInputFormat: stdinFormat) : input
        }
    }

    static func summary(_ report: CheckReport, seconds: Double) -> String {
        summary(files: report.files.count, errors: report.count(.error), warnings: report.count(.warning),
                infos: report.count(.info), seconds: seconds)
    }

    static func summary(files: Int, errors: Int, warnings: Int, infos: Int, seconds: Double) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return "Checked \(count(files, "file")): \(count(errors, "error")), "
            + "\(count(warnings, "warning")), \(infos) info "
            + "in \(String(format: "%.2f", seconds)) s."
    }
}

extension LintSession.Input {
    /// The path findings and reports name.
    var displayPath: String {
        switch self {
        case .text(let path), .bilingual(let path, _): path == "-" ? "<stdin>" : path
        case .pair(let target, _): target
        case .translation(let path, _, _): path
        }
    }
}

/// One `--report FORMAT:PATH`: a format to write to a file besides the one on standard output, so
/// that a single run can feed a terminal, code scanning (SARIF) and a test dashboard (JUnit).
struct ReportDestination {
    let reporter: any Reporter.Type
    let path: String

    /// Parses `FORMAT:PATH`. The split is at the first colon: format names have none, paths may.
    init(_ argument: String) throws(ValidationError) {
        guard let colon = argument.firstIndex(of: ":") else {
            throw ValidationError("--report takes FORMAT:PATH, such as sarif:lector.sarif, not “\(argument)”")
        }
        let format = String(argument[..<colon])
        path = String(argument[argument.index(after: colon)...])
        guard let reporter = ReporterRegistry.reporter(named: format) else {
            throw ValidationError("unknown report format “\(format)” in --report; use one of "
                + ReporterRegistry.all.map { $0.identifier }.joined(separator: ", "))
        }
        guard !path.isEmpty else { throw ValidationError("--report \(format): needs a path after the colon") }
        self.reporter = reporter
    }

    /// Writes the report with the one atomic writer (a temporary file in the same directory, flushed,
    /// then renamed over the destination; special files, hard links and read-only files refused), so a
    /// CI step never reads half a report. `-` is standard output. A failure is an input error (exit 2).
    func write(_ report: CheckReport, sparing inputs: [String]) throws(InputError) {
        try FileHandleOutput.write(Data(reporter.init().render(report).utf8), toPath: path, sparing: inputs)
    }
}

extension LintSession.Input {
    /// The files checking this input reads (standard input is none).
    var filesRead: [String] {
        switch self {
        case .text(let path), .bilingual(let path, _): path == "-" ? [] : [path]
        case .pair(let target, let source): [target, source]
        case .translation(let path, _, let source): [path] + (source.map { [$0] } ?? [])
        }
    }
}
