import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import LectorKit
import LectorTestSupport
import Testing

/// Every reporter against golden files, byte for byte, plus the properties a golden file cannot
/// show on its own: SARIF is valid against the official schema, XML parses back to the same
/// strings, JSON Lines agrees with JSON, and odd input never crashes or breaks a format.
///
/// The golden files live in `Tests/LectorKitTests/Golden/`, one per reporter for a sample report
/// and one (`-empty`) for a run without findings. After an intended change of output, regenerate
/// them and review the diff:
///
///     LECTOR_UPDATE_GOLDEN=1 swift test --filter ReporterTests
///
/// With `LECTOR_UPDATE_GOLDEN=1` the tests write the golden files instead of comparing.
@Suite struct ReporterTests {
    // MARK: - Fixed reports

    /// A path with a space, a comma and a colon, which GitHub properties, URIs and XML must escape.
    static let awkwardPath = "articles/Kyiv, day 1: report.txt"
    static let seedPath = "Examples/seed-article.en.txt"
    static let cleanPath = "clean.txt"

    /// Three findings: a fix-carrying error, a warning with a Cyrillic message after Cyrillic text
    /// (so columns, bytes and UTF-16 offsets all differ), and an info without a suggestion whose
    /// message holds every character some format must escape.
    static let sample = CheckReport(
        findings: [
            Finding(ruleID: "glossary.forbidden", severity: .error,
                    message: "`Kiev` is deprecated; use `Kyiv` (Russian-derived spelling)",
                    file: awkwardPath,
                    location: TextLocation(line: 1, column: 23, byteOffset: 22, utf16Offset: 22),
                    endLocation: TextLocation(line: 1, column: 27, byteOffset: 26, utf16Offset: 26),
                    text: "Kiev", suggestion: "Kyiv", isSafeFix: true, note: "Capital of Ukraine."),
            // Line 3 is "Він сказав: Medinski …": 12 scalars, 21 bytes, 12 UTF-16 units before the name.
            Finding(ruleID: "glossary.variant", severity: .warning,
                    message: "`Medinski` is the German transcription of Мединский; house spelling `Medinsky`",
                    file: awkwardPath,
                    location: TextLocation(line: 3, column: 13, byteOffset: 60, utf16Offset: 51),
                    endLocation: TextLocation(line: 3, column: 21, byteOffset: 68, utf16Offset: 59),
                    text: "Medinski", suggestion: "Medinsky", isSafeFix: true),
            Finding(ruleID: "glossary.inconsistent", severity: .info,
                    message: "`Zelensky` | `Zelenskyy`: 50% <mixed> & \"quoted\", 'single'\nsecond line",
                    file: seedPath,
                    location: TextLocation(line: 2, column: 5, byteOffset: 40, utf16Offset: 40),
                    endLocation: TextLocation(line: 2, column: 13, byteOffset: 48, utf16Offset: 48),
                    text: "Zelensky"),
            // A record of a JSON Lines shard: the finding names its unit (`id` 17).
            unitFinding,
        ],
        files: [awkwardPath, seedPath, cleanPath, shardPath],
        toolVersion: "0.1.0-test")

    static let shardPath = "shard.jsonl"

    static let unitFinding: Finding = {
        var finding = Finding(ruleID: "glossary.forbidden", severity: .error,
                              message: "`Kiev` is deprecated; use `Kyiv` (Russian-derived spelling)",
                              file: shardPath,
                              location: TextLocation(line: 4, column: 13, byteOffset: 12, utf16Offset: 12),
                              endLocation: TextLocation(line: 4, column: 17, byteOffset: 16, utf16Offset: 16),
                              text: "Kiev", suggestion: "Kyiv", isSafeFix: true)
        finding.unit = "17"
        return finding
    }()

    static let empty = CheckReport(findings: [], files: [seedPath, cleanPath], toolVersion: "0.1.0-test")

    /// Input no real rule produces: an unknown rule, line and column 0, an end before the start,
    /// an empty path, control characters. Every reporter must still give well-formed output.
    static let odd = CheckReport(
        findings: [
            Finding(ruleID: "custom.rule", severity: .warning, message: "bell \u{07} nul \u{00} cr \r lf \n tab \t ::%,",
                    file: "",
                    location: TextLocation(line: 0, column: 0, byteOffset: -1, utf16Offset: 0),
                    endLocation: TextLocation(line: 0, column: 0, byteOffset: -5, utf16Offset: 0),
                    text: "", suggestion: "`x`\r\n|", unit: "ctx\u{4}line\nbreak\u{0}"),
            Finding(ruleID: "glossary.forbidden", severity: .error, message: "",
                    file: "/tmp/a b/é#?.txt",
                    location: TextLocation(line: 4, column: 9, byteOffset: 30, utf16Offset: 30),
                    endLocation: TextLocation(line: 4, column: 2, byteOffset: 31, utf16Offset: 31),
                    text: "x"),
        ],
        files: [])

    /// The rules the SARIF golden file describes. Fixed here rather than read from `RuleRegistry`,
    /// so that adding a rule does not change the golden file; `sarifDescribesEveryRegisteredRule`
    /// covers the registry.
    static let sarifRules = [GlossaryForbiddenRule.description, GlossaryVariantRule.description,
                             GlossaryInconsistentRule.description]

    static func reporter(_ identifier: String) throws -> any Reporter {
        if identifier == SARIFReporter.identifier { return SARIFReporter(rules: sarifRules) }
        return try #require(ReporterRegistry.reporter(named: identifier)).init()
    }

    // MARK: - Golden files

    static let fileExtensions = ["text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif",
                                 "github": "txt", "junit": "xml", "checkstyle": "xml", "markdown": "md"]

    @Test(arguments: ReporterRegistry.all.map { $0.identifier })
    func matchesGoldenFile(identifier: String) throws {
        let reporter = try Self.reporter(identifier)
        let fileExtension = Self.fileExtensions[identifier] ?? identifier
        try Self.compare(reporter.render(Self.sample), golden: "\(identifier).\(fileExtension)")
        try Self.compare(reporter.render(Self.empty), golden: "\(identifier)-empty.\(fileExtension)")
    }

    static func compare(_ output: String, golden name: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = Fixtures.path("Tests/LectorKitTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["LECTOR_UPDATE_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        guard let expected = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden file \(path); run with LECTOR_UPDATE_GOLDEN=1 to create it",
                         sourceLocation: sourceLocation)
            return
        }
        guard Data(output.utf8) != expected else { return }
        // Point at the first line that differs; the whole output is in the failure too.
        let actualLines = output.components(separatedBy: "\n")
        let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let line = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
        Issue.record("""
            output differs from \(name) at line \(line + 1) (LECTOR_UPDATE_GOLDEN=1 rewrites it):
              expected: \(line < expectedLines.count ? expectedLines[line] : "<end>")
              actual:   \(line < actualLines.count ? actualLines[line] : "<end>")
            --- whole output ---
            \(output)
            """, sourceLocation: sourceLocation)
    }

    @Test func everyReporterHasAGoldenFileExtension() {
        for reporter in ReporterRegistry.all {
            #expect(Self.fileExtensions[reporter.identifier] != nil, "add \(reporter.identifier) to fileExtensions")
        }
        #expect(Array(ReporterRegistry.all.prefix(2).map { $0.identifier }) == ["text", "json"])
    }

    // MARK: - SARIF

    @Test(.enabled(if: OptionalResource.jsonschema, Comment(rawValue: OptionalResource.jsonschemaMissing)))
    func sarifIsValidAgainstTheOfficialSchema() throws {
        for report in [Self.sample, Self.empty, Self.odd] {
            let problems = try SARIFSchemaValidator.problems(in: SARIFReporter().render(report))
            #expect(problems.isEmpty, "SARIF fails the 2.1.0 schema:\n\(problems.joined(separator: "\n"))")
        }
    }

    /// Proves the validation is live: a log the schema forbids must be reported.
    @Test(.enabled(if: OptionalResource.jsonschema, Comment(rawValue: OptionalResource.jsonschemaMissing)))
    func schemaValidationRejectsABrokenLog() throws {
        let valid = SARIFReporter().render(Self.sample)
        let broken = valid.replacingOccurrences(of: "\"level\" : \"note\"", with: "\"level\" : \"info\"")
            .replacingOccurrences(of: "\"startLine\" : 3", with: "\"startLine\" : 0")
        #expect(broken != valid)
        let problems = try SARIFSchemaValidator.problems(in: broken)
        #expect(problems.contains { $0.contains("'info' is not one of") }, "\(problems)")
        #expect(problems.contains { $0.contains("less than the minimum of 1") }, "\(problems)")
    }

    @Test func sarifDescribesEveryRegisteredRule() throws {
        let log = try Self.jsonObject(SARIFReporter().render(Self.sample))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Lector")
        #expect(driver["version"] as? String == "0.1.0-test")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.all.map { $0.description.id })
        for (rule, registered) in zip(rules, RuleRegistry.all) {
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == SARIFReporter.level(registered.description.defaultSeverity))
            let help = (rule["help"] as? [String: Any])?["text"] as? String ?? ""
            #expect(help.contains(registered.description.summary))
            if let example = registered.description.triggeringExamples.first { #expect(help.contains(example.text)) }
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == Self.sample.findings.count)
        for (result, finding) in zip(results, Self.sample.findings) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == finding.ruleID)
            #expect(result["ruleId"] as? String == finding.ruleID)
            #expect((result["fixes"] != nil) == (finding.suggestion != nil))
        }
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "note", "error"])
        // Only the finding of a bilingual unit has a logical location, named by the unit's id.
        let logical = results.map { result in
            ((result["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]])?
                .first?["name"] as? String
        }
        #expect(logical == [nil, nil, nil, "17"])
    }

    @Test func sarifURIsArePercentEncodedReferences() {
        #expect(SARIFReporter.uri(forPath: Self.awkwardPath) == "articles/Kyiv%2C%20day%201%3A%20report.txt")
        #expect(SARIFReporter.uri(forPath: "a:b.txt") == "a%3Ab.txt")  // not a URI with scheme "a"
        #expect(SARIFReporter.uri(forPath: "100%/ü#?.txt") == "100%25/%C3%BC%23%3F.txt")
        #expect(SARIFReporter.uri(forPath: "/tmp/x y.txt") == "file:///tmp/x%20y.txt")
        #expect(SARIFReporter.uri(forPath: "") == "")
    }

    @Test func textNamesTheUnitOnTheFindingsLineWithControlCharactersEscaped() {
        // The message itself has a line break; the unit's is escaped, so the finding ends at the id.
        #expect(TextReporter().render(Self.odd).contains("[custom.rule] [unit ctx|line\\nbreak\\u{0}]\n"))
        #expect(TextReporter().render([Self.unitFinding]).hasSuffix("[glossary.forbidden] [unit 17]\n"))
    }

    // MARK: - JSON Lines

    @Test func jsonLinesCarryTheJSONDiagnosticsOnePerLine() throws {
        let json = try Self.jsonObject(JSONReporter().render(Self.sample))
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let lines = JSONLinesReporter().render(Self.sample).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")  // every record ends with a line break
        let records = lines.dropLast()
        #expect(records.count == diagnostics.count)
        for (line, diagnostic) in zip(records, diagnostics) {
            // Compared re-serialized with sorted keys: dictionaries of `Any` have no `==`.
            let record = try Self.jsonObject(String(line))
            #expect(try JSONSerialization.data(withJSONObject: record, options: .sortedKeys)
                == JSONSerialization.data(withJSONObject: diagnostic, options: .sortedKeys))
        }
        #expect(JSONLinesReporter().render(Self.empty) == "")
    }

    /// `JSONLinesReporter` writes its records itself (`CompactJSON`); they must be the bytes
    /// `JSONEncoder` writes for the same diagnostic, which the format promised before.
    @Test func jsonLinesRecordsAreTheBytesJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func encoded(_ findings: [Finding]) throws -> String {
            try findings.map { String(decoding: try encoder.encode(JSONReporter.Diagnostic($0)), as: UTF8.self) + "\n" }.joined()
        }
        // Every ASCII character, alone and between others, in each string field.
        var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += (0..<128).map { "a\(UnicodeScalar(UInt8($0)))b/\u{7F}" }
        // Random text over a mix of ASCII, Latin, Cyrillic, CJK, combining marks, line separators, emoji.
        let pool: [Unicode.Scalar] = Array("aZ09 \"\\/\n\t\r\u{8}\u{C}\u{0}\u{1F}".unicodeScalars)
            + ["é", "ß", "Ж", "ї", "中", "\u{301}", "\u{2028}", "\u{2029}", "\u{FEFF}", "😀", "\u{10FFFF}", "\u{7F}", "\u{85}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let length = Int.random(in: 0...24, using: &generator)
            texts.append(String(String.UnicodeScalarView((0..<length).map { _ in pool.randomElement(using: &generator)! })))
        }
        var findings = Self.sample.findings + Self.odd.findings
        for (index, text) in texts.enumerated() {
            let optional = index % 3 == 0 ? nil : text
            findings.append(Finding(
                ruleID: text, severity: [.error, .warning, .info][index % 3], message: text, file: text,
                location: TextLocation(line: index, column: -index, byteOffset: index * 1_000_003, utf16Offset: 0),
                endLocation: TextLocation(line: Int.max - index, column: Int.min + index, byteOffset: 0, utf16Offset: 0),
                text: text, suggestion: index % 2 == 0 ? optional : nil, isSafeFix: index % 4 < 2,
                note: optional, unit: index % 5 == 0 ? nil : text))
        }
        #expect(JSONLinesReporter().render(findings) == (try encoded(findings)))
        for finding in findings {
            #expect(JSONLinesReporter().render([finding]) == (try encoded([finding])))
        }
        // The json format's diagnostics, pretty-printed in the document, the same way.
        for slice in [findings, Array(findings.prefix(1)), []] {
            let report = CheckReport(findings: slice, files: ["a.txt"], toolVersion: "1")
            let document = JSONReporter.Document(version: 1, diagnostics: [], summary: JSONReporter.Summary(
                files: 1, errors: report.count(.error), warnings: report.count(.warning), infos: report.count(.info)))
            let throughEncoder = SplicedJSONArray.render(document, emptyArrayKey: "diagnostics",
                                                         elements: slice.map(JSONReporter.Diagnostic.init))
            #expect(JSONReporter().render(report) == throughEncoder)
        }
    }

    // MARK: - XML

    @Test func junitParsesBackToTheSameStrings() throws {
        let elements = try XMLElementCollector.parse(JUnitReporter().render(Self.sample))
        let cases = elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] } == [Self.awkwardPath, Self.seedPath, Self.cleanPath, Self.shardPath])
        let failures = elements.filter { $0.name == "failure" }
        #expect(failures.map { $0.attributes["message"] } == Self.sample.findings.map(\.message))
        #expect(failures.map { $0.attributes["type"] } == Self.sample.findings.map(\.ruleID))
        #expect(failures[2].text.contains("50% <mixed> & \"quoted\""))
        let suite = try #require(elements.first { $0.name == "testsuite" })
        #expect(suite.attributes["tests"] == "4")
        #expect(suite.attributes["failures"] == "3")
    }

    @Test func checkstyleParsesBackToTheSameStrings() throws {
        let elements = try XMLElementCollector.parse(CheckstyleReporter().render(Self.sample))
        #expect(elements.filter { $0.name == "file" }.map { $0.attributes["name"] }
            == [Self.awkwardPath, Self.seedPath, Self.cleanPath, Self.shardPath])
        let errors = elements.filter { $0.name == "error" }
        #expect(errors.map { $0.attributes["message"] } == Self.sample.findings.map(\.message))
        #expect(errors.map { $0.attributes["severity"] } == ["error", "warning", "info", "error"])
        #expect(errors.map { $0.attributes["source"] } == Self.sample.findings.map { "lector.\($0.ruleID)" })
        #expect(errors.map { $0.attributes["line"] } == ["1", "3", "2", "4"])
    }

    @Test func xmlReportsStayWellFormedOnOddInput() throws {
        for reporter in [JUnitReporter() as any Reporter, CheckstyleReporter()] {
            let elements = try XMLElementCollector.parse(reporter.render(Self.odd))
            let messages = elements.compactMap { $0.attributes["message"] }
            #expect(messages.first == "bell \u{FFFD} nul \u{FFFD} cr \r lf \n tab \t ::%,")
        }
    }

    @Test func xmlEscapingCoversMarkupQuotesAndForbiddenCharacters() {
        #expect(XMLEscaping.text("a<b>&c\"'") == "a&lt;b&gt;&amp;c\"'")
        #expect(XMLEscaping.attribute("a<b>&c\"'") == "a&lt;b&gt;&amp;c&quot;'")
        #expect(XMLEscaping.attribute("1\t2\n3\r4") == "1&#9;2&#10;3&#13;4")
        #expect(XMLEscaping.text("1\t2\n3\r4") == "1\t2\n3&#13;4")
        #expect(XMLEscaping.text("\u{00}\u{1F}\u{FFFE}\u{FFFF}") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(XMLEscaping.text("Мединский 🇺🇦") == "Мединский 🇺🇦")
    }

    // MARK: - GitHub Actions

    @Test func githubEscapesPropertiesAndMessagesAsTheRunnerExpects() {
        #expect(GitHubActionsReporter.escapeProperty("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce")
        #expect(GitHubActionsReporter.escapeMessage("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e")
        let output = GitHubActionsReporter().render(Self.odd)
        #expect(output.split(separator: "\n").count == 2)  // one command per finding, whatever the message holds
        #expect(output.hasPrefix("::warning file=,line=0,"))
        #expect(output.contains("::notice") == false)
        #expect(GitHubActionsReporter().render(Self.sample).contains("::notice file=Examples/seed-article.en.txt,"))
    }

    // MARK: - Markdown

    @Test func markdownKeepsEveryFindingInItsRow() {
        let output = MarkdownReporter().render(Self.odd)
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == 2 + 2)  // two rule rows, two finding rows
        #expect(MarkdownReporter.cell("a|b\r\nc\rd\ne") == "a\\|b<br>c<br>d<br>e")
        #expect(MarkdownReporter.codeSpan("plain") == "`plain`")
        #expect(MarkdownReporter.codeSpan("a `b` c") == "``a `b` c``")
        #expect(MarkdownReporter.codeSpan("`x`") == "`` `x` ``")
        #expect(MarkdownReporter().render(Self.empty) == "**Lector**: No findings in 2 files.\n")
    }

    // MARK: - Odd input

    @Test(arguments: ReporterRegistry.all.map { $0.identifier })
    func oddInputDoesNotCrash(identifier: String) throws {
        let output = try #require(ReporterRegistry.reporter(named: identifier)).init().render(Self.odd)
        #expect(!output.isEmpty)
    }

    // MARK: - Helpers

    static func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

/// Validates SARIF with Python's `jsonschema` against `Schemas/sarif-schema-2.1.0.json`.
///
/// No Swift package validates JSON Schema draft-04 as completely as `jsonschema`, and python3 is on
/// every machine that builds Lector (`.ci/run` installs the module when it is missing). A missing
/// interpreter or module is a test failure with a message, never a silent pass.
enum SARIFSchemaValidator {
    static let schemaPath = Fixtures.path("Tests/LectorKitTests/Schemas/sarif-schema-2.1.0.json")

    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.stderr.write("the Python module jsonschema is missing: python3 -m pip install jsonschema\\n")
            sys.exit(3)
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            log = json.load(f)
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validator = cls(schema, format_checker=jsonschema.FormatChecker())
        errors = sorted(validator.iter_errors(log), key=lambda e: [str(p) for p in e.absolute_path])
        for e in errors:
            print("/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """

    struct ValidatorUnavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// The schema violations in `sarif`, one line each; empty when it is valid.
    static func problems(in sarif: String) throws -> [String] {
        let file = Fixtures.write(sarif, named: "report.sarif")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaPath, file]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errText = String(decoding: errData, as: UTF8.self)
        switch process.terminationStatus {
        case 0, 1:
            return String(decoding: outData, as: UTF8.self).split(separator: "\n").map(String.init)
        case 127:
            throw ValidatorUnavailable(description: "python3 is needed to validate SARIF output and was not found: \(errText)")
        default:
            throw ValidatorUnavailable(description: "SARIF schema validation could not run "
                + "(status \(process.terminationStatus)): \(errText)")
        }
    }
}

/// Parses XML with Foundation's parser and lists its elements, attributes and text; throws when
/// the document is not well-formed.
final class XMLElementCollector: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ xml: String) throws -> [Element] {
        let collector = XMLElementCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        let parsed = parser.parse()
        // A truncated document can parse "successfully"; the error is what counts.
        if !parsed || parser.parserError != nil {
            throw Malformed(description: "line \(parser.lineNumber): \(String(describing: parser.parserError))\n\(xml)")
        }
        return collector.elements
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }
}
