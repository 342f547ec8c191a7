import Foundation
import LectorKit
import LectorTestSupport
import Testing

@Suite struct ProjectConfigurationTests {
    @Test func readsEveryKey() throws {
        let yaml = """
        glossaries: [Glossaries/house.tbx, extra.csv]
        source_language: de
        target_language: en
        include: ["Articles/**/*.en.txt"]
        exclude: Articles/drafts/**
        rules:
          glossary.variant: error
          glossary.inconsistent: off
        fail_on: warning
        baseline: .lector-baseline.json
        """
        let configuration = try ProjectConfiguration.parse(yaml, path: "/repo/.lector.yml")
        #expect(configuration.glossaries == ["/repo/Glossaries/house.tbx", "/repo/extra.csv"])
        #expect(configuration.sourceLanguage == "de")
        #expect(configuration.targetLanguage == "en")
        #expect(configuration.include == ["Articles/**/*.en.txt"])
        #expect(configuration.exclude == ["Articles/drafts/**"])
        #expect(configuration.rules["glossary.variant"] == .some(.error))
        #expect(configuration.rules["glossary.inconsistent"] == .some(nil))
        #expect(configuration.failOn == .warning)
        #expect(configuration.baseline == "/repo/.lector-baseline.json")
    }

    @Test(arguments: [
        ("glossaries: [a.tbx]\ntarget_langauge: en\n", 2, "unknown key “target_langauge”"),
        ("rules:\n  glossary.varient: error\n", 2, "unknown rule “glossary.varient”"),
        ("rules:\n  glossary.variant: loud\n", 2, "expected error, warning, info or off"),
        ("fail_on: sometimes\n", 1, "fail_on takes error, warning, info or never"),
        ("glossaries: [a.tbx\ninclude: x\n", 2, "malformed YAML"),
        ("- just\n- a list\n", 1, "expected a mapping"),
        ("thresholds:\n  garbled.nonsense: 2\n", 2, "unknown threshold"),
        ("glossaries: [a.tbx]\ntarget_language: klingon\n", 2, "“target_language”: unknown language tag “klingon”"),
        ("source_language: xx-bogus\ntarget_language: en\n", 1, "“source_language”: unknown language tag “xx-bogus”"),
    ])
    func errorsNameKeyAndLine(_ yaml: String, _ line: Int, _ message: String) {
        do {
            _ = try ProjectConfiguration.parse(yaml, path: "cfg.yml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(error.file == "cfg.yml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func failOnNeverIsAccepted() throws {
        #expect(try ProjectConfiguration.parse("fail_on: never\n", path: "cfg.yml").failOn == .some(nil))
        #expect(try ProjectConfiguration.parse("target_language: en\n", path: "cfg.yml").failOn == nil)
    }

    @Test func isFoundInParentDirectories() throws {
        let root = Fixtures.temporaryDirectory()
        let nested = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try "target_language: en\n".write(to: root.appendingPathComponent(".lector.yml"), atomically: true, encoding: .utf8)
        #expect(ProjectConfiguration.find(from: nested.path) == root.appendingPathComponent(".lector.yml").standardizedFileURL.path)
    }

    @Test func shippedConfigurationIsValid() throws {
        let configuration = try ProjectConfiguration.load(path: Fixtures.path(".lector.yml"))
        #expect(!configuration.glossaries.isEmpty)
        #expect(!configuration.include.isEmpty)
    }
}

@Suite struct GlobPatternTests {
    @Test(arguments: [
        ("Examples/**/*.txt", "Examples/a.txt", true),
        ("Examples/**/*.txt", "Examples/x/y/a.txt", true),
        ("Examples/*.txt", "Examples/x/a.txt", false),
        ("**/*.en.txt", "a/b.en.txt", true),
        ("**/*.en.txt", "b.de.txt", false),
        ("drafts/**", "drafts/x/y.md", true),
        ("file?.md", "file1.md", true),
        ("file[0-9].md", "filex.md", false),
        ("./notes.txt", "notes.txt", true),
    ])
    func matching(_ pattern: String, _ path: String, _ expected: Bool) throws {
        #expect(try GlobPattern(pattern).matches(path) == expected)
    }

    @Test func collectorExpandsDirectoriesAndGlobsInOrder() throws {
        let root = Fixtures.temporaryDirectory()
        for name in ["b.txt", "a.md", "sub/c.txt", "sub/skip.json", "drafts/d.txt", ".hidden/e.txt"] {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "Kyiv".write(to: url, atomically: true, encoding: .utf8)
        }
        let all = try FileCollector.collect(["."], base: root.path, exclude: [GlobPattern("drafts/**")])
        #expect(all == ["a.md", "b.txt", "sub/c.txt"])
        let globbed = try FileCollector.collect(["**/*.txt"], base: root.path)
        #expect(globbed == ["b.txt", "drafts/d.txt", "sub/c.txt"])
        #expect(throws: InputError.self) { _ = try FileCollector.collect(["missing.txt"], base: root.path) }
    }
}
