import Foundation

/// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the log that GitHub code
/// scanning, Azure DevOps and most IDE result viewers import.
///
/// The log has one run. Its `tool.driver.rules` lists every rule Lector has, not only those that
/// fired, so that a viewer can explain a rule and its default level from the log alone; each result
/// points into that list by `ruleIndex`. Lector's columns count Unicode scalars, which SARIF calls
/// `unicodeCodePoints`; the run says so in `columnKind`, because SARIF's default is UTF-16 code units
/// and a viewer would otherwise misplace every finding after an astral character. A region also
/// carries `byteOffset`/`byteLength` (UTF-8, counting a BOM), which is what the file holds on disk.
/// A suggestion becomes a `fix` that replaces the flagged region. Keys are sorted, so the same
/// findings always give the same bytes.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    public static let summary = "SARIF 2.1.0 log for code-scanning tools (GitHub, Azure DevOps, IDEs)"

    /// The schema URI written in `$schema`; SchemaStore's copy is what editors resolve.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Where a reader of the log learns about the tool (`tool.driver.informationUri`). The project
    /// has no public home yet, so none is claimed; SARIF makes the field optional.
    public static let informationURI: String? = nil

    /// The rules the log describes in `tool.driver.rules`.
    public let rules: [RuleDescription]

    /// A reporter that describes every rule of `RuleRegistry`.
    public init() {
        self.init(rules: RuleRegistry.all.map { $0.description })
    }

    /// A reporter that describes the given rules; a finding of any other rule has no `ruleIndex`.
    /// Tests use it to keep their expected output independent of rules added later.
    public init(rules: [RuleDescription]) {
        self.rules = rules
    }

    public func render(_ report: CheckReport) -> String {
        let descriptions = rules
        var ruleIndex: [String: Int] = [:]
        for (index, description) in descriptions.enumerated() where ruleIndex[description.id] == nil {
            ruleIndex[description.id] = index
        }
        let driver = ToolComponent(name: "Lector", informationUri: Self.informationURI, version: report.toolVersion,
                                   rules: descriptions.map(ReportingDescriptor.init))
        let run = Run(tool: Tool(driver: driver), columnKind: "unicodeCodePoints", results: [])
        let log = Log(schema: Self.schemaURI, version: "2.1.0", runs: [run])
        // One result at a time: encoding the whole log at once took six times the output's size.
        let results = report.findings.lazy.map { Result($0, ruleIndex: ruleIndex[$0.ruleID]) }
        return SplicedJSONArray.render(log, emptyArrayKey: "results", elements: results) ?? "{}\n"
    }

    // MARK: - Mapping

    /// SARIF's `level`: `note` is its name for what Lector calls `info`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A path as a SARIF `uri`, which must be a URI reference (RFC 3986).
    ///
    /// A relative path stays relative, as given on the command line, so that GitHub resolves it
    /// against the repository root. Every byte outside the unreserved set and `/` is
    /// percent-encoded: spaces, `%`, `#` and `?` would change the meaning of the reference, and a
    /// `:` in the first segment would turn `a:b.txt` into a URI with the scheme `a`. An absolute
    /// path becomes a `file://` URI, since a bare `/tmp/x` would be resolved against the server.
    static func uri(forPath path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + hexDigits(byte)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    // MARK: - SARIF objects (only the properties Lector fills)

    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let columnKind: String
        let results: [Result]
    }

    struct Tool: Encodable {
        let driver: ToolComponent
    }

    struct ToolComponent: Encodable {
        let name: String
        let informationUri: String?
        let version: String?
        let rules: [ReportingDescriptor]
    }

    struct Message: Encodable {
        let text: String
    }

    struct ReportingConfiguration: Encodable {
        let level: String
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let defaultConfiguration: ReportingConfiguration

        init(_ description: RuleDescription) {
            id = description.id
            // SARIF wants `name` to be an identifier-like word ("ForbiddenTerm"); the readable
            // name goes into the short description.
            name = description.name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            shortDescription = Message(text: description.name)
            fullDescription = Message(text: description.summary)
            var help = description.summary
            if let example = description.triggeringExamples.first {
                help += "\n\nReported, at the ↓ mark: \(example.text)"
            }
            self.help = Message(text: help)
            defaultConfiguration = ReportingConfiguration(level: SARIFReporter.level(description.defaultSeverity))
        }
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let fixes: [Fix]?

        init(_ finding: Finding, ruleIndex: Int?) {
            ruleId = finding.ruleID
            self.ruleIndex = ruleIndex
            level = SARIFReporter.level(finding.severity)
            message = Message(text: finding.message)
            let artifact = ArtifactLocation(uri: SARIFReporter.uri(forPath: finding.file))
            locations = [Location(physicalLocation: PhysicalLocation(artifactLocation: artifact,
                                                                     region: Region(finding)))]
            if let suggestion = finding.suggestion {
                let replacement = Replacement(deletedRegion: Region(lineColumnOf: finding),
                                              insertedContent: ArtifactContent(text: suggestion))
                fixes = [Fix(description: Message(text: "Replace “\(finding.text)” with “\(suggestion)”"),
                             artifactChanges: [ArtifactChange(artifactLocation: artifact,
                                                              replacements: [replacement])])]
            } else {
                fixes = nil
            }
        }
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
    }

    /// A text region (1-based lines and code-point columns, end column exclusive as in SARIF) and,
    /// when known, the same span in bytes.
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let byteOffset: Int?
        let byteLength: Int?

        /// The flagged span with its bytes, for a result's location.
        init(_ finding: Finding) {
            self.init(lineColumnOf: finding, withBytes: true)
        }

        /// The flagged span by line and column only: a fix's `deletedRegion` must not mix the two
        /// kinds, or a consumer that checks they agree may reject it.
        init(lineColumnOf finding: Finding, withBytes: Bool = false) {
            // Clamp odd input into SARIF's ranges (lines and columns are at least 1, an end never
            // precedes its start) instead of writing a log that fails validation.
            startLine = max(1, finding.location.line)
            startColumn = max(1, finding.location.column)
            endLine = max(startLine, finding.endLocation.line)
            endColumn = endLine == startLine ? max(startColumn, finding.endLocation.column)
                                             : max(1, finding.endLocation.column)
            if withBytes {
                byteOffset = max(0, finding.location.byteOffset)
                byteLength = max(0, finding.endLocation.byteOffset - finding.location.byteOffset)
            } else {
                byteOffset = nil
                byteLength = nil
            }
        }
    }

    struct Fix: Encodable {
        let description: Message
        let artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }

    struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: ArtifactContent
    }

    struct ArtifactContent: Encodable {
        let text: String
    }
}
