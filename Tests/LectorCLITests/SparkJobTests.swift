import Foundation
import LectorTestSupport
import Testing

/// The PySpark recipe (`Scripts/spark/lector_job.py`) run for real in `local[2]` mode: every error
/// injected into a generated corpus comes back attributed to its record, and the job's findings
/// are those of one `lector` process over the whole corpus, however Spark partitioned it.
@Suite struct SparkJobTests {
    /// Why the test cannot run here, or `nil` when it can (`.ci/run` installs both).
    static let missing: String? = {
        guard ExternalTool.isInstalled("java") else { return "needs a Java runtime (java on PATH) for Spark" }
        guard let python = ExternalTool.path(of: "python3") else { return "needs python3 with pyspark" }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import pyspark"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do { try probe.run() } catch { return "cannot run python3: \(error)" }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? nil : "needs pyspark (python3 -m pip install pyspark)"
    }()

    /// What is injected where: record id → the rule that must flag it.
    struct Corpus {
        var lines: [String] = []
        var injected: [String: String] = [:]
    }

    /// German→English news-like records. Every 9th says `Kiev` (glossary.forbidden), every 11th
    /// gets a number wrong (numbers.mismatch); the others are correct translations.
    static func corpus(records: Int) -> Corpus {
        var corpus = Corpus()
        for index in 0..<records {
            let id = "doc-\(index / 10)/\(index)"
            let count = 10 + index % 80
            var source = "Am Dienstag trafen sich \(count) Delegierte in Kyjiw, um über Getreideexporte zu sprechen."
            var target = "On Tuesday \(count) delegates met in Kyiv to discuss grain exports."
            if index % 9 == 4 {
                target = "On Tuesday \(count) delegates met in Kiev to discuss grain exports."
                corpus.injected[id] = "glossary.forbidden"
            } else if index % 11 == 6 {
                source = "Die Regierung meldete \(count) neue Fälle."
                target = "The government reported \(count + 7) new cases."
                corpus.injected[id] = "numbers.mismatch"
            }
            let object: [String: Any] = ["id": id, "source": source, "target": target]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            corpus.lines.append(String(decoding: data, as: UTF8.self))
        }
        return corpus
    }

    /// A finding without its place in the stream (`line`, `endLine` count lines of the partition).
    static func key(_ finding: [String: Any]) -> String {
        var finding = finding
        // Each partition is a stream of its own: lines and byte offsets count from its start.
        finding["line"] = nil
        finding["endLine"] = nil
        finding["byteOffset"] = nil
        let data = try! JSONSerialization.data(withJSONObject: finding, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func findings(_ jsonLines: String) throws -> [[String: Any]] {
        try jsonLines.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test(.enabled(if: missing == nil, "\(missing ?? "")"), .timeLimit(.minutes(5)))
    func sparkJobAttributesEveryInjectedErrorToItsRecord() throws {
        let corpus = Self.corpus(records: 600)
        let directory = Fixtures.temporaryDirectory()
        let input = directory.appendingPathComponent("corpus.jsonl")
        try (corpus.lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)

        let single = try CommandRunner.run(["check", "--no-config", "--glossary", "Glossaries/ukraine-war.tbx",
                                            "--source-lang", "de", "--target-lang", "en", "--stdin-format", "jsonl",
                                            "--format", "jsonl", "--fail-on", "never", "--quiet", "-"],
                                           input: corpus.lines.joined(separator: "\n") + "\n")
        #expect(single.status == 0, "\(single.standardError)")
        let expected = try Self.findings(single.standardOutput)

        let output = directory.appendingPathComponent("findings")
        let job = try ExternalTool.run("python3", [
            Fixtures.path("Scripts/spark/lector_job.py"), "--lector", CommandRunner.executable.path,
            "--glossary", Fixtures.path("Glossaries/ukraine-war.tbx"), "--master", "local[2]", "--partitions", "4",
            input.path, output.path,
        ], in: directory)
        try #require(job.status == 0, "\(job.output.suffix(3000))")
        var parts = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() where name.hasPrefix("part-") {
            parts += try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
        }
        let distributed = try Self.findings(parts)

        for (id, rule) in corpus.injected.sorted(by: { $0.key < $1.key }) {
            #expect(distributed.contains { $0["unit"] as? String == id && $0["rule"] as? String == rule },
                    "\(rule) in \(id) did not come back")
        }
        #expect(Set(distributed.compactMap { $0["unit"] as? String }) == Set(corpus.injected.keys),
                "findings only where errors were injected")
        #expect(distributed.map(Self.key).sorted() == expected.map(Self.key).sorted())
        // Spark really split the corpus: lines restart in each partition.
        // Spark really split the corpus: lines restart in each partition, so some finding's line is
        // not its record's line in the whole corpus (record n is line n + 1).
        #expect(distributed.contains { finding in
            let record = (finding["unit"] as? String)?.split(separator: "/").last.flatMap { Int($0) }
            return finding["line"] as? Int != record.map { $0 + 1 }
        })
    }
}
