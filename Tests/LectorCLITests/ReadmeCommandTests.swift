import Foundation
import LectorTestSupport
import Testing

/// Every `lector` command the README shows, run as shown: from the root of a copy of the
/// repository (so commands that write files write there), with `swift run lector`,
/// `swift run -c release lector` and `.build/release/lector` standing for the built binary.
///
/// Each shell block (```` ```sh ````, or a plain block whose command line starts with `$ `) that holds
/// a `lector` command must be preceded by a marker comment, so a command added to the README
/// without saying how it ends fails this test:
///
/// - `<!-- readme-test exit=1 -->`: every command of the block exits 1; `exit=1,0` gives one
///   status per command in order.
/// - `files=NAME:PATH;NAME:PATH`: files the commands name, copied from the repository first
///   (`article.en.txt:Examples/seed-article.en.txt`).
/// - `before=COMMAND`: a shell command run first (such as writing the baseline a command reads);
///   the rest of the marker.
/// - `output=next`: the next code block of the README is the command's standard output, line
///   for line. In a `$ ` block the lines after the command are its output, `…` standing for any
///   lines in between.
/// - `<!-- readme-test skip: REASON -->`: not run; the reason is printed.
@Suite struct ReadmeCommandTests {
    struct Block {
        let line: Int
        let commands: [(line: Int, text: String)]
        /// For a `$ ` block: the lines it shows as output.
        let shownOutput: [String]
        let marker: [String: String]
        let skipReason: String?
        /// The lines of the code block after this one, for `output=next`.
        let nextBlock: [String]?
    }

    static let commandPrefixes = ["lector ", "swift run lector ", "swift run -c release lector ", ".build/release/lector "]

    static func isLectorCommand(_ line: String) -> Bool {
        commandPrefixes.contains { line.hasPrefix($0) }
    }

    /// The README's code blocks that run `lector`, with their markers.
    static func blocks(of readme: String) throws -> [Block] {
        // Blocks inside list items are indented; their commands are the same.
        let lines = readme.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var blocks: [Block] = []
        var index = 0
        var lastMarker: (line: Int, text: String)?
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("<!-- readme-test") {
                lastMarker = (index, line)
                index += 1
                continue
            }
            guard line.hasPrefix("```") else {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { lastMarker = nil }
                index += 1
                continue
            }
            let language = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            let start = index
            var body: [String] = []
            index += 1
            while index < lines.count, !lines[index].hasPrefix("```") {
                body.append(lines[index])
                index += 1
            }
            index += 1
            let marker = lastMarker?.line == start - 1 ? lastMarker?.text : nil
            lastMarker = nil
            var commands: [(Int, String)] = []
            var shownOutput: [String] = []
            if language == "sh" {
                var offset = 0
                while offset < body.count {
                    var command = body[offset].trimmingCharacters(in: .whitespaces)
                    let commandLine = start + offset + 2
                    while command.hasSuffix("\\"), offset + 1 < body.count {
                        offset += 1
                        command = command.dropLast().trimmingCharacters(in: .whitespaces) + " " + body[offset].trimmingCharacters(in: .whitespaces)
                    }
                    if isLectorCommand(command) { commands.append((commandLine, command)) }
                    offset += 1
                }
            } else if language.isEmpty, let first = body.first, first.hasPrefix("$ "), isLectorCommand(String(first.dropFirst(2))) {
                commands.append((start + 2, String(first.dropFirst(2))))
                shownOutput = Array(body.dropFirst())
            }
            guard !commands.isEmpty else { continue }
            var fields: [String: String] = [:]
            var skip: String?
            if let marker {
                let content = marker.dropFirst("<!-- readme-test".count).replacingOccurrences(of: "-->", with: "")
                    .trimmingCharacters(in: .whitespaces)
                if content.hasPrefix("skip:") {
                    skip = String(content.dropFirst(5)).trimmingCharacters(in: .whitespaces)
                } else {
                    var content = content
                    if let before = content.range(of: "before=") {
                        fields["before"] = String(content[before.upperBound...]).trimmingCharacters(in: .whitespaces)
                        content = String(content[..<before.lowerBound])
                    }
                    for field in content.split(separator: " ") {
                        let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
                        try #require(parts.count == 2, "README line \(start): marker field “\(field)” is not KEY=VALUE")
                        fields[parts[0]] = parts[1]
                    }
                }
            }
            var next: [String]?
            if fields["output"] == "next" {
                var search = index
                while search < lines.count, !lines[search].hasPrefix("```") { search += 1 }
                var end = search + 1
                while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
                next = search + 1 < lines.count ? Array(lines[(search + 1)..<min(end, lines.count)]) : nil
            }
            blocks.append(Block(line: start + 1, commands: commands, shownOutput: shownOutput,
                                marker: marker == nil ? [:] : fields.merging(["marked": "yes"]) { $1 },
                                skipReason: skip, nextBlock: next))
        }
        return blocks
    }

    /// The command as the test runs it: the README's ways of calling the built binary are `lector`.
    static func runnable(_ command: String) -> String {
        var command = command
        for prefix in commandPrefixes where command.hasPrefix(prefix) {
            command = "lector " + command.dropFirst(prefix.count)
            break
        }
        return command
    }

    /// A copy of the repository without its build folder, and a `bin` folder with `lector` in it.
    static func workspace() throws -> (root: URL, bin: URL) {
        let base = Fixtures.temporaryDirectory()
        let root = base.appendingPathComponent("repository")
        let bin = base.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try copyWithoutBuildFolders(Fixtures.packageRoot, to: root)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("lector"),
                                                   withDestinationURL: CommandRunner.executable)
        return (root, bin)
    }

    /// Copies a folder, leaving out build folders at any depth (`Fuzz/.build`, `Benchmarks/.build`)
    /// and `.git`.
    static func copyWithoutBuildFolders(_ source: URL, to destination: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: destination, withIntermediateDirectories: true)
        for item in try manager.contentsOfDirectory(atPath: source.path)
            where !item.hasPrefix(".build") && ![".git", ".swiftpm"].contains(item) {
            let from = source.appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            let isLink = (try? from.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink) ?? false
            if !isLink, manager.fileExists(atPath: from.path, isDirectory: &isDirectory), isDirectory.boolValue {
                try copyWithoutBuildFolders(from, to: destination.appendingPathComponent(item))
            } else {
                try manager.copyItem(at: from, to: destination.appendingPathComponent(item))
            }
        }
    }

    static func shell(_ command: String, in directory: URL, bin: URL) throws -> (status: Int32, standardOutput: String, standardError: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func everyReadmeCommandWorksAsShown() throws {
        let readme = try String(contentsOfFile: Fixtures.path("README.md"), encoding: .utf8)
        let blocks = try Self.blocks(of: readme)
        #expect(blocks.count >= 8, "the README's command blocks were not found")
        let (root, bin) = try Self.workspace()
        var ran = 0
        for block in blocks {
            guard block.marker["marked"] != nil || block.skipReason != nil else {
                Issue.record("README line \(block.line): a block with `\(block.commands[0].text)` has no <!-- readme-test … --> marker")
                continue
            }
            if let reason = block.skipReason {
                print("README line \(block.line): not run: \(reason)")
                continue
            }
            for file in (block.marker["files"] ?? "").split(separator: ";") {
                let parts = file.split(separator: ":", maxSplits: 1).map(String.init)
                try #require(parts.count == 2, "README line \(block.line): files= takes NAME:PATH")
                let destination = root.appendingPathComponent(parts[0])
                try? FileManager.default.removeItem(at: destination)  // a file of an earlier block is replaced on purpose
                try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: root.appendingPathComponent(parts[1]), to: destination)
            }
            if let before = block.marker["before"] {
                let result = try Self.shell(Self.runnable(before), in: root, bin: bin)
                #expect(result.status == 0, "README line \(block.line): before=\(before): \(result.standardError)")
            }
            let statuses = (block.marker["exit"] ?? "").split(separator: ",").compactMap { Int32($0) }
            try #require(statuses.count == 1 || statuses.count == block.commands.count,
                         "README line \(block.line): exit= needs one status, or one per command (\(block.commands.count))")
            for (position, command) in block.commands.enumerated() {
                let expected = statuses.count == 1 ? statuses[0] : statuses[position]
                let result = try Self.shell(Self.runnable(command.text), in: root, bin: bin)
                ran += 1
                #expect(result.status == expected,
                        "README line \(command.line): `\(command.text)` exited \(result.status), the README says \(expected)\n\(result.standardError)")
                let printed = result.standardOutput.components(separatedBy: "\n").filter { !$0.isEmpty }
                if let shown = block.nextBlock {
                    #expect(printed == shown.filter { !$0.isEmpty },
                            "README line \(command.line): the README shows another output than `\(command.text)` prints:\n\(result.standardOutput)")
                }
                for shown in block.shownOutput where shown != "…" && !shown.isEmpty {
                    #expect(printed.contains(shown),
                            "README line \(command.line): `\(command.text)` does not print the line the README shows:\n\(shown)\nIt prints:\n\(result.standardOutput)")
                }
            }
        }
        #expect(ran >= 10, "only \(ran) README commands ran")
    }

    /// The marker convention itself: an unmarked command is found, and markers are read.
    @Test func unmarkedCommandsAreFound() throws {
        let readme = """
        ```sh
        lector check x.txt   # a comment
        ```

        <!-- readme-test exit=0,1 files=a.txt:b.txt before=lector fix --glossary g.tbx a.txt -->
        ```sh
        swift run lector rules
        lector check --glossary g.tbx \\
            a.txt
        ```

        ```
        $ lector check a.txt
        a.txt:1:1: warning: …
        …
        ```
        """
        let blocks = try Self.blocks(of: readme)
        #expect(blocks.count == 3)
        #expect(blocks[0].marker.isEmpty)
        #expect(blocks[1].marker["exit"] == "0,1")
        #expect(blocks[1].marker["files"] == "a.txt:b.txt")
        #expect(blocks[1].marker["before"] == "lector fix --glossary g.tbx a.txt")
        #expect(blocks[1].commands.map(\.text) == ["swift run lector rules", "lector check --glossary g.tbx a.txt"])
        #expect(Self.runnable(blocks[1].commands[0].text) == "lector rules")
        #expect(blocks[2].shownOutput == ["a.txt:1:1: warning: …", "…"])
    }
}
