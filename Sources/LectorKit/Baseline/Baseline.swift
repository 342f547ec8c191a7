import Foundation

/// Findings recorded at one point in time, so that CI fails only on new ones.
///
/// An entry is keyed by file, rule, flagged text and the sentence around it, and counts how
/// often that key occurred; line numbers are not part of the key, so editing text above a
/// finding does not make it new. This is SwiftLint's scheme, with the sentence in place of the line.
public struct Baseline: Codable, Sendable, Equatable {
    public struct Entry: Codable, Hashable, Sendable, Comparable {
        public let file: String
        public let rule: String
        public let text: String
        public let sentence: String
        public var count: Int

        var key: Key { Key(file: file, rule: rule, text: text, sentence: sentence) }

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.file, lhs.rule, lhs.text, lhs.sentence) < (rhs.file, rhs.rule, rhs.text, rhs.sentence)
        }
    }

    struct Key: Hashable {
        let file: String
        let rule: String
        let text: String
        let sentence: String

        init(file: String, rule: String, text: String, sentence: String) {
            self.file = file
            self.rule = rule
            self.text = text
            self.sentence = sentence
        }

        init(_ finding: Finding) {
            self.init(file: finding.file, rule: finding.ruleID, text: finding.text, sentence: finding.sentence ?? "")
        }
    }

    public var version = 1
    public var entries: [Entry]

    /// Records `findings`.
    public init(findings: [Finding]) {
        var counts: [Key: Int] = [:]
        for finding in findings { counts[Key(finding), default: 0] += 1 }
        entries = counts.map { Entry(file: $0.key.file, rule: $0.key.rule, text: $0.key.text,
                                     sentence: $0.key.sentence, count: $0.value) }.sorted()
    }

    /// The findings that the baseline does not account for: for each key, those beyond its count.
    public func newFindings(_ findings: [Finding]) -> [Finding] {
        var filter = Filter(self)
        return filter.newFindings(findings)
    }

    /// `newFindings` for findings that arrive in pieces (a stream): the counts carry over from
    /// one piece to the next, so the pieces together give what the whole would.
    public struct Filter: Sendable {
        private var remaining: [Key: Int]

        public init(_ baseline: Baseline) {
            remaining = Dictionary(baseline.entries.map { ($0.key, $0.count) }, uniquingKeysWith: +)
        }

        public mutating func newFindings(_ findings: [Finding]) -> [Finding] {
            findings.filter { finding in
                let key = Key(finding)
                guard let left = remaining[key], left > 0 else { return true }
                remaining[key] = left - 1
                return false
            }
        }
    }

    public static func load(path: String) throws(InputError) -> Baseline {
        let data = try FileBytes.read(path: path, missing: "no such baseline file", unreadable: "cannot read the baseline")
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else {
                throw InputError(file: path, message: "unsupported baseline version \(baseline.version)")
            }
            return baseline
        } catch let error as InputError {
            throw error
        } catch {
            // Valid JSON of another shape (`{}`, a report) is not malformed: say what a baseline is.
            guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
                throw InputError(file: path, message: "not a Lector baseline (malformed JSON)")
            }
            throw InputError(file: path, message: "not a Lector baseline: expected a JSON object with “version”: 1 and "
                + "“entries” (file, rule, text, sentence, count), as `lector check --write-baseline` writes")
        }
    }

    /// Writes the baseline as sorted, pretty JSON, atomically (temporary file, then rename).
    public func write(to path: String) throws(InputError) {
        try AtomicFileWriter.write(encoded(path: path), toPath: path)
    }

    /// The baseline file's bytes: sorted, pretty-printed JSON. `path` names the file in an error.
    public func encoded(path: String) throws(InputError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self) + Data("\n".utf8)
        } catch {
            throw InputError(file: path, message: "cannot encode the baseline")
        }
    }

    /// What changed between two baselines.
    public struct Comparison: Sendable, Equatable {
        public var added: [Entry] = []
        public var removed: [Entry] = []
        /// Same key, different count: (old, new).
        public var changed: [ChangedEntry] = []

        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    public struct ChangedEntry: Sendable, Equatable {
        public let old: Entry
        public let new: Entry
    }

    public static func compare(_ old: Baseline, _ new: Baseline) -> Comparison {
        let before = Dictionary(old.entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var comparison = Comparison()
        for entry in new.entries.sorted() {
            if let previous = before[entry.key] {
                if previous.count != entry.count { comparison.changed.append(ChangedEntry(old: previous, new: entry)) }
            } else {
                comparison.added.append(entry)
            }
        }
        comparison.removed = old.entries.sorted().filter { after[$0.key] == nil }
        return comparison
    }
}
