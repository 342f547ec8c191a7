import Foundation
import LectorTestSupport
import Testing

/// Hostile and special inputs (issue 16): unwritable standard output, special files and links as
/// destinations, files `fix` must not replace, other users' files, globs and folders, and XML that
/// tries to hide entities or holds bytes that are not UTF-8. Every file is made in a temporary folder.
@Suite struct HostileInputTests {
    static let glossary = Fixtures.houseGlossaryPath
    static let text = "Zelenskyy met Medinski in Kiev.\n"
    static let fixed = "Zelenskyy met Medinsky in Kyiv.\n"

    private func folder() -> URL { Fixtures.temporaryDirectory() }

    private func write(_ text: String, _ name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func contents(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Runs a shell command line with `$LECTOR` set to the binary, in `directory`.
    private func shell(_ script: String, in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["LECTOR": CommandRunner.executable.path, "GLOSSARY": Self.glossary]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Whether the tests can run `lector` as another user (uid 65534, `nobody`): root with setpriv(1).
    static var canDropPrivileges: Bool { geteuid() == 0 && ExternalTool.isInstalled("setpriv") }
    static let noPrivilegesReason: Comment = "needs root and setpriv(1) to run lector as another user (uid 65534)"

    /// Runs `lector` as uid/gid 65534 in `directory`.
    private func runAsNobody(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try shell("setpriv --reuid=65534 --regid=65534 --clear-groups \"$LECTOR\" \(quoted)", in: directory)
    }

    // MARK: - Standard output

    @Test func standardOutputThatCannotBeWrittenExitsTwoWithAMessage() throws {
        let directory = folder()
        _ = try write(Self.text, "a.txt", in: directory)
        let full = try shell("\"$LECTOR\" check --glossary \"$GLOSSARY\" a.txt >/dev/full", in: directory)
        #expect(full.status == 2, "\(full.output)")
        #expect(full.output.contains("lector: error: cannot write to standard output (No space left on device)"))
        let closed = try shell("\"$LECTOR\" check --glossary \"$GLOSSARY\" a.txt >&-", in: directory)
        #expect(closed.status == 2, "\(closed.output)")
        #expect(closed.output.contains("cannot write to standard output"))
        // `fix --dry-run` and `rules` print too.
        let diff = try shell("\"$LECTOR\" fix --dry-run --glossary \"$GLOSSARY\" a.txt >/dev/full", in: directory)
        #expect(diff.status == 2, "\(diff.output)")
        let rules = try shell("\"$LECTOR\" rules >/dev/full", in: directory)
        #expect(rules.status == 2, "\(rules.output)")
    }

    @Test func aBrokenPipeWithSIGPIPEIgnoredExitsQuietly() throws {
        let directory = folder()
        // More than a pipe buffer (64 KiB) of findings, so the write meets the closed pipe.
        _ = try write(String(repeating: "Medinski met officials in Kiev and Kharkov.\n", count: 3000), "a.txt", in: directory)
        let result = try shell("""
            trap '' PIPE
            "$LECTOR" check --glossary "$GLOSSARY" a.txt 2>err.txt | head -c 10 >/dev/null
            echo "status ${PIPESTATUS[0]}"
            cat err.txt
            """, in: directory)
        #expect(result.output.hasPrefix("status 2\n"), "\(result.output)")
        #expect(!result.output.contains("error"), "\(result.output)")
    }

    @Test func standardInputThatCannotBeReadExitsTwoWithAMessage() throws {
        let directory = folder()
        for (redirect, format) in [("<&-", "text"), ("<.", "text"), ("<&-", "xliff"), ("<.", "jsonl")] {
            let result = try shell("\"$LECTOR\" check --glossary \"$GLOSSARY\" --source-lang de --stdin-format \(format) - \(redirect)",
                                   in: directory)
            #expect(result.status == 2, "\(redirect) \(format): \(result.output)")
            #expect(result.output.contains("lector: error: <stdin>: cannot read"), "\(redirect) \(format): \(result.output)")
        }
    }

    @Test func helpAndVersionThatCannotBeWrittenExitTwo() throws {
        let directory = folder()
        for command in ["--help", "--version", "help check", "check --help"] {
            let result = try shell("\"$LECTOR\" \(command) >/dev/full", in: directory)
            #expect(result.status == 2, "\(command): \(result.output)")
            #expect(result.output.contains("cannot write to standard output"), "\(command): \(result.output)")
        }
        let help = try shell("\"$LECTOR\" --help", in: directory)
        #expect(help.status == 0)
        #expect(help.output.hasPrefix("OVERVIEW: Lint translations"))
    }

    // MARK: - Report and baseline destinations

    @Test func reportsRefuseSpecialFilesAndWriteThroughLinks() throws {
        let directory = folder()
        let input = try write(Self.text, "a.txt", in: directory)
        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        for destination in [fifo, "/dev/full", "/dev/null"] {
            let result = try CommandRunner.run(["check", "--glossary", Self.glossary, "--report", "sarif:\(destination)", input.path])
            #expect(result.status == 2, "\(destination): \(result.standardError)")
            #expect(result.standardError.contains("\(destination): is a"), "\(result.standardError)")
            #expect(result.standardError.contains("not a regular file"))
        }
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "/dev/full was replaced")
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)

        let baseline = try CommandRunner.run(["check", "--glossary", Self.glossary, "--write-baseline", fifo, input.path])
        #expect(baseline.status == 2)
        #expect(baseline.standardError.contains("not a regular file"))

        // A symbolic link is written through: the target gets the report, the link stays a link.
        let target = try write("old", "reports/target.sarif", in: directory)
        let link = directory.appendingPathComponent("link.sarif")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let linked = try CommandRunner.run(["check", "--glossary", Self.glossary, "--report", "sarif:\(link.path)", input.path])
        #expect(linked.status == 1, "\(linked.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try contents(target).contains("\"ruleId\""))

        // A link to nothing is refused rather than creating its target somewhere.
        let dangling = directory.appendingPathComponent("dangling.sarif")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: directory.path + "/nowhere/x")
        let refused = try CommandRunner.run(["check", "--glossary", Self.glossary, "--report", "sarif:\(dangling.path)", input.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("symbolic link to a file that does not exist"))
    }

    /// `:` is a valid file name; Foundation's NSString path methods crash on it on Linux.
    @Test func aReportOrBaselineNamedColonIsWritten() throws {
        let directory = folder()
        _ = try write(Self.text, "a.txt", in: directory)
        let report = try CommandRunner.start(["check", "--glossary", Self.glossary, "--report", "sarif::", "a.txt"],
                                             in: directory).wait()
        #expect(report.status == 1, "\(report.standardError)")
        #expect(try contents(directory.appendingPathComponent(":")).contains("\"ruleId\""))
        let baseline = try CommandRunner.start(["check", "--glossary", Self.glossary, "--write-baseline", ":", "a.txt"],
                                               in: directory).wait()
        #expect(baseline.status == 0, "\(baseline.standardError)")
    }

    @Test func outputsAreNeverWrittenOverTheRunsInputs() throws {
        let directory = folder()
        let markdown = "# Kiev\n\nZelenskyy met Medinski in Kiev.\n"
        _ = try write(markdown, "doc.md", in: directory)
        _ = try write(Self.text, "a.txt", in: directory)
        _ = try write(Self.fixed, "b.txt", in: directory)
        let glossaryCopy = try write(try contents(URL(fileURLWithPath: Self.glossary)), "g.tbx", in: directory)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.json").path,
                                                   withDestinationPath: "a.txt")
        let runs: [[String]] = [
            ["report", "--glossary", "g.tbx", "--out", "doc", "doc.md"],          // doc.md is one of the three reports
            ["check", "--glossary", "g.tbx", "--report", "json:a.txt", "a.txt"],
            ["check", "--glossary", "g.tbx", "--report", "json:link.json", "a.txt"],
            ["check", "--glossary", "g.tbx", "--report", "sarif:g.tbx", "a.txt"],
            ["check", "--glossary", "g.tbx", "--write-baseline", "a.txt", "a.txt"],
            ["diff", "--glossary", "g.tbx", "--out", "b.txt", "a.txt", "b.txt"],
        ]
        for arguments in runs {
            let result = try CommandRunner.start(arguments, in: directory).wait()
            #expect(result.status == 2, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains("this run reads; Lector does not write its output over an input"),
                    "\(arguments): \(result.standardError)")
        }
        #expect(try contents(directory.appendingPathComponent("doc.md")) == markdown)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("doc.html").path),
                "a report was written before the refusal")
        #expect(try contents(directory.appendingPathComponent("a.txt")) == Self.text)
        #expect(try contents(directory.appendingPathComponent("b.txt")) == Self.fixed)
        #expect(try contents(glossaryCopy) == (try contents(URL(fileURLWithPath: Self.glossary))))
    }

    @Test func aReportToDashGoesToStandardOutput() throws {
        let directory = folder()
        _ = try write(Self.text, "a.txt", in: directory)
        let result = try CommandRunner.start(["check", "--glossary", Self.glossary, "--format", "github", "--report", "json:-",
                                              "a.txt"], in: directory).wait()
        #expect(result.status == 1, "\(result.standardError)")
        let json = try #require(result.standardOutput.firstIndex(of: "{"))
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput[json...].utf8)) as? [String: Any]
        #expect(object?["diagnostics"] != nil)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("-").path))
    }

    // MARK: - fix: files it must not replace

    @Test func fixRefusesReadOnlyFilesAndHardLinks() throws {
        let directory = folder()
        let readOnly = try write(Self.text, "read-only.txt", in: directory)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly.path)
        let result = try CommandRunner.run(["fix", "--glossary", Self.glossary, readOnly.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(readOnly.path): is read-only"))
        #expect(try contents(readOnly) == Self.text)

        let linked = try write(Self.text, "one.txt", in: directory)
        let other = directory.appendingPathComponent("other.txt")
        try FileManager.default.linkItem(at: linked, to: other)
        let links = try CommandRunner.run(["fix", "--glossary", Self.glossary, linked.path])
        #expect(links.status == 2)
        #expect(links.standardError.contains("has 2 names (hard links)"))
        #expect(try contents(linked) == Self.text)
        #expect(try contents(other) == Self.text)
        // Both names still share one file.
        var first = stat(), second = stat()
        #expect(stat(linked.path, &first) == 0 && stat(other.path, &second) == 0 && first.st_ino == second.st_ino)
    }

    /// Bilingual and resource targets are read as they are (no links masked, unlike a text file): a
    /// term inside a URL, an address or a path there is neither flagged nor fixed, the prose around it is.
    @Test func fixLeavesLinksInBilingualTargetsAlone() throws {
        let directory = folder()
        let po = try write("""
            msgid "Selenskyj in Kiew: <a href=\\"https://x.org/Kiew\\">Kiew</a>"
            msgstr "Zelenskyy in Kiev: <a href=\\"https://x.org/Kiev\\">Kiev</a> (kiev@x.org, /srv/Kiev/a.txt)"

            """, "a.po", in: directory)
        let jsonl = try write(#"{"source": "Kiew", "target": "😀https://x.org/Kiev 😀 Kiev www.kiev.example/Kiev"}"# + "\n",
                              "b.jsonl", in: directory)
        let result = try CommandRunner.run(["fix", "--source-lang", "de", "--glossary", Self.glossary, po.path, jsonl.path])
        #expect(result.status == 0, "\(result.standardError)")
        let fixedPO = try contents(po), fixedJSONL = try contents(jsonl)
        #expect(fixedPO.contains(#"msgstr "Zelenskyy in Kyiv: <a href=\"https://x.org/Kiev\">Kyiv</a> (kiev@x.org, /srv/Kiev/a.txt)""#),
                "\(fixedPO)")
        #expect(fixedJSONL.contains(#""target": "😀https://x.org/Kiev 😀 Kyiv www.kiev.example/Kiev""#), "\(fixedJSONL)")
        let check = try CommandRunner.run(["check", "--source-lang", "de", "--glossary", Self.glossary, "--format", "jsonl",
                                           po.path, jsonl.path])
        #expect(!check.standardOutput.contains("glossary."), "\(check.standardOutput)")
    }

    @Test func fixRefusesBeforeWritingAnyFile() throws {
        let directory = folder()
        let first = try write(Self.text, "a.txt", in: directory)
        let readOnly = try write(Self.text, "z.txt", in: directory)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly.path)
        let result = try CommandRunner.run(["fix", "--glossary", Self.glossary, first.path, readOnly.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(readOnly.path): is read-only"))
        #expect(try contents(first) == Self.text, "a.txt was fixed although the run stopped")
    }

    /// setxattr(2) and getxattr(2), which the Glibc module does not import, from the C library.
    private typealias SetAttribute = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeRawPointer?, Int, Int32) -> Int32
    private typealias GetAttribute = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    private static let attributeCalls: (set: SetAttribute, get: GetAttribute)? = {
        guard let set = dlsym(dlopen(nil, RTLD_NOW), "setxattr"), let get = dlsym(dlopen(nil, RTLD_NOW), "getxattr") else { return nil }
        return (unsafeBitCast(set, to: SetAttribute.self), unsafeBitCast(get, to: GetAttribute.self))
    }()

    /// Whether the temporary folder's file system takes `user.*` attributes (tmpfs and ext4 do).
    static var canSetUserAttributes: Bool {
        guard let calls = attributeCalls else { return false }
        let probe = Fixtures.temporaryDirectory().appendingPathComponent("probe")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else { return false }
        return calls.set(probe.path, "user.lector-probe", "1", 1, 0) == 0
    }

    @Test(.enabled(if: canSetUserAttributes, "the temporary folder's file system takes no user.* extended attributes"))
    func fixKeepsExtendedAttributes() throws {
        let calls = try #require(Self.attributeCalls)
        let directory = folder()
        let file = try write(Self.text, "a.txt", in: directory)
        let value = Array("keep".utf8)
        #expect(calls.set(file.path, "user.lector-test", value, value.count, 0) == 0)
        let result = try CommandRunner.run(["fix", "--glossary", Self.glossary, file.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try contents(file) == Self.fixed)
        var read = [UInt8](repeating: 0, count: 16)
        let count = calls.get(file.path, "user.lector-test", &read, read.count)
        #expect(count == value.count && Array(read.prefix(max(count, 0))) == value, "the attribute was lost")
    }

    @Test func fixWritesAFileNamedTwiceThroughALinkOnce() throws {
        let directory = folder()
        let file = try write(Self.text, "a.txt", in: directory)
        let link = directory.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "a.txt")
        let result = try CommandRunner.run(["fix", "--glossary", Self.glossary, file.path, link.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Fixed 2 findings in 1 file."), "\(result.standardError)")
        #expect(try contents(file) == Self.fixed)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "a.txt")
    }

    @Test func fixRefusesAFileChangedWhileItWorked() throws {
        let directory = folder()
        let file = try write(Self.text, "a.txt", in: directory)
        let running = try CommandRunner.start(["fix", "--glossary", Self.glossary, file.path],
                                              environment: ["LECTOR_TEST_PAUSE_BEFORE_RENAME": "3"])
        defer { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        // Once the temporary file with the fix is complete, the writer sleeps 3 s before its last check.
        var ready = false
        for _ in 0..<1000 where !ready {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            if let name = names.first(where: { $0.hasPrefix(".a.txt.lector-") }),
               (try? Data(contentsOf: directory.appendingPathComponent(name)).count) == Self.fixed.utf8.count {
                ready = true
            } else {
                usleep(20_000)
            }
        }
        #expect(ready, "the temporary file never appeared")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("A line another editor added.\n".utf8))
        try handle.close()
        let result = running.wait()
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains("changed while Lector was working on it"))
        #expect(try contents(file) == Self.text + "A line another editor added.\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test(.enabled(if: canDropPrivileges, noPrivilegesReason))
    func fixKeepsTheOwnerAndRefusesAnotherUsersFile() throws {
        let directory = folder()
        // Root fixing nobody's file: the file stays nobody's.
        let owned = try write(Self.text, "owned.txt", in: directory)
        #expect(chown(owned.path, 65534, 65534) == 0)
        let asRoot = try CommandRunner.run(["fix", "--glossary", Self.glossary, owned.path])
        #expect(asRoot.status == 0, "\(asRoot.standardError)")
        var status = stat()
        #expect(stat(owned.path, &status) == 0 && status.st_uid == 65534 && status.st_gid == 65534)
        #expect(try contents(owned) == Self.fixed)

        // nobody, in a folder anyone may write, fixing root's files.
        #expect(chmod(directory.path, 0o777) == 0)
        let rootOnly = try write(Self.text, "root-only.txt", in: directory)
        #expect(chmod(rootOnly.path, 0o644) == 0)
        let denied = try runAsNobody(["fix", "--glossary", Self.glossary, rootOnly.path], in: directory)
        #expect(denied.status == 2, "\(denied.output)")
        #expect(denied.output.contains("not writable by you"))
        #expect(stat(rootOnly.path, &status) == 0 && status.st_uid == 0)
        #expect(try contents(rootOnly) == Self.text)

        // Writable by anyone, but the replacement would become nobody's: refused too.
        let shared = try write(Self.text, "shared.txt", in: directory)
        #expect(chmod(shared.path, 0o666) == 0)
        let foreign = try runAsNobody(["fix", "--glossary", Self.glossary, shared.path], in: directory)
        #expect(foreign.status == 2, "\(foreign.output)")
        #expect(foreign.output.contains("could not keep its owner"))
        #expect(stat(shared.path, &status) == 0 && status.st_uid == 0)
        #expect(try contents(shared) == Self.text)
    }

    // MARK: - Globs and folders

    @Test func absoluteAndParentGlobsFindFiles() throws {
        let directory = folder()
        _ = try write(Self.text, "docs/a.txt", in: directory)
        _ = try write(Self.text, "docs/deep/b.md", in: directory)
        let work = directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let absolute = try CommandRunner.start(["check", "--glossary", Self.glossary, directory.path + "/docs/*.txt"], in: work).wait()
        #expect(absolute.status == 1, "\(absolute.standardError)")
        #expect(absolute.standardOutput.contains(directory.path + "/docs/a.txt:1:"))
        #expect(absolute.standardError.contains("Checked 1 file"))

        let parent = try CommandRunner.start(["check", "--glossary", Self.glossary, "../docs/**/*.md"], in: work).wait()
        #expect(parent.status == 1, "\(parent.standardError)")
        #expect(parent.standardOutput.contains("../docs/deep/b.md:1:"))
    }

    @Test func nothingMatchedExitsTwoNamingThePattern() throws {
        let directory = folder()
        _ = try write(Self.text, "a.txt", in: directory)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
        _ = try write("binary", "other/x.bin", in: directory)
        for argument in ["*.md", "no-such-folder/*.txt", "empty", "other"] {
            let result = try CommandRunner.start(["check", "--glossary", Self.glossary, argument], in: directory).wait()
            #expect(result.status == 2, "\(argument): \(result.standardError)")
            #expect(result.standardError.contains("lector: error: \(argument): the "), "\(result.standardError)")
            #expect(!result.standardError.contains("Checked 0 files"))
        }
    }

    @Test func foldersAndGlobsIncludeBilingualFiles() throws {
        let directory = folder()
        _ = try write("""
            <?xml version="1.0"?>
            <xliff version="1.2"><file source-language="de" target-language="en"><body>
            <trans-unit id="a"><source>Kiew</source><target>Kiev</target></trans-unit></body></file></xliff>
            """, "l10n/a.xlf", in: directory)
        _ = try write("msgid \"Kiew\"\nmsgstr \"Kiev\"\n", "l10n/b.po", in: directory)
        _ = try write("{\"id\": \"1\", \"source\": \"Kiew\", \"target\": \"Kiev\"}\n", "l10n/c.jsonl", in: directory)
        _ = try write("""
            <tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>Kiew</seg></tuv>\
            <tuv xml:lang="en"><seg>Kiev</seg></tuv></tu></body></tmx>
            """, "l10n/d.tmx", in: directory)
        for argument in ["l10n", "l10n/*"] {
            let result = try CommandRunner.start(["check", "--glossary", Self.glossary, "--source-lang", "de", argument],
                                                 in: directory).wait()
            #expect(result.standardError.contains("Checked 4 files"), "\(argument): \(result.standardError)")
            for name in ["a.xlf", "b.po", "c.jsonl", "d.tmx"] {
                #expect(result.standardOutput.contains("l10n/\(name):"), "\(argument): \(name) not checked")
            }
        }
    }

    @Test(.enabled(if: canDropPrivileges, noPrivilegesReason))
    func anUnreadableFolderIsAnErrorAndAGlobDoesNotWalkBesideItsPrefix() throws {
        let directory = folder()
        #expect(chmod(directory.path, 0o755) == 0)
        let docs = try write(Self.text, "docs/a.txt", in: directory).deletingLastPathComponent()
        let blocked = try write(Self.text, "blocked/b.txt", in: directory).deletingLastPathComponent()
        #expect(chmod(blocked.path, 0o000) == 0)
        _ = docs
        let scan = try runAsNobody(["check", "--glossary", Self.glossary, "."], in: directory)
        #expect(scan.status == 2, "\(scan.output)")
        #expect(scan.output.contains("blocked: cannot read the folder"))
        // The glob starts at docs/ and never lists blocked/.
        let glob = try runAsNobody(["check", "--glossary", Self.glossary, "docs/*.txt"], in: directory)
        #expect(glob.status == 1, "\(glob.output)")
        #expect(glob.output.contains("docs/a.txt:1:"))
    }

    // MARK: - XML

    @Test func entityDeclarationsAreRefusedInEveryXMLFormat() throws {
        let directory = folder()
        let hiddenByInstruction = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [
            <?editor keep?>
            <!ENTITY city "Kiev">
            ]>
            <xliff version="1.2"><file source-language="de" target-language="en"><body>
            <trans-unit id="a"><source>Kiew</source><target>&city;</target></trans-unit></body></file></xliff>
            """
        let pi = try write(hiddenByInstruction, "pi.xlf", in: directory)
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(hiddenByInstruction.replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")
                        .data(using: .utf16LittleEndian)!)
        let wide = directory.appendingPathComponent("wide.xlf")
        try utf16.write(to: wide)
        for file in [pi, wide] {
            let result = try CommandRunner.run(["check", "--glossary", Self.glossary, file.path])
            #expect(result.status == 2, "\(file.lastPathComponent): \(result.standardError)")
            #expect(result.standardError.contains("\(file.path):4: the DOCTYPE declares entities"), "\(result.standardError)")
        }
        // TBX goes through the same walker; a large entity referenced many times costs nothing: refused first.
        let entity = String(repeating: "Kiev ", count: 20_000)
        let references = String(repeating: "&big;", count: 1000)
        let tbx = try write("""
            <?xml version="1.0"?>
            <!DOCTYPE martif [<!ENTITY big "\(entity)">]>
            <martif type="TBX"><text><body><termEntry id="c1"><langSet xml:lang="en">
            <tig><term>Kyiv</term><note>\(references)</note></tig></langSet></termEntry></body></text></martif>
            """, "g.tbx", in: directory)
        let input = try write(Self.text, "a.txt", in: directory)
        let glossary = try CommandRunner.run(["check", "--glossary", tbx.path, input.path])
        #expect(glossary.status == 2)
        #expect(glossary.standardError.contains("\(tbx.path):2: the DOCTYPE declares entities"), "\(glossary.standardError)")
    }

    @Test func invalidUTF8InXMLNamesExitsTwoWithFileAndLine() throws {
        let directory = folder()
        let input = try write(Self.text, "a.txt", in: directory)
        let bad = String(decoding: [0xFF], as: UTF8.self)  // only a marker; the bytes are patched below
        let documents: [(String, String)] = [
            ("g.tbx", "<martif type=\"TBX\"><text><body>\n<termEntry id=\"c\"><langSet xml:lang=\"en\"><tig><term\(bad)>Kyiv</term\(bad)></tig></langSet></termEntry></body></text></martif>"),
            ("a.xlf", "<xliff version=\"1.2\"><file source-language=\"de\" target-language=\"en\"><body>\n<trans-unit id\(bad)=\"a\"><source>Kiew</source></trans-unit></body></file></xliff>"),
            ("a.tmx", "<tmx version=\"1.4\"><header srclang=\"de\"/><body>\n<tu><tuv xml:lang=\"de\"><seg\(bad)>Kiew</seg\(bad)></tuv></tu></body></tmx>"),
        ]
        for (name, text) in documents {
            // Replace the replacement character U+FFFD (EF BF BD) with one invalid byte.
            var bytes: [UInt8] = []
            var utf8 = Array(text.utf8)[...]
            while let byte = utf8.first {
                if utf8.starts(with: [0xEF, 0xBF, 0xBD]) {
                    bytes.append(0xFF)
                    utf8 = utf8.dropFirst(3)
                } else {
                    bytes.append(byte)
                    utf8 = utf8.dropFirst()
                }
            }
            let url = directory.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let arguments = name.hasSuffix(".tbx") ? ["check", "--glossary", url.path, input.path]
                : ["check", "--glossary", Self.glossary, url.path]
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 2, "\(name): \(result.standardError)")
            #expect(result.standardError.contains("\(url.path):2: the file is not valid UTF-8"), "\(name): \(result.standardError)")
        }
    }
}
