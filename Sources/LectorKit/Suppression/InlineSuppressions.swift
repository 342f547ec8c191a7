import Foundation

/// How a file writes comments, which decides how suppression directives are written in it.
public enum DocumentSyntax: Sendable, Equatable {
    /// Directives are lines of their own: `lector-disable-next-line glossary.forbidden`
    /// (optionally after `#` or `//`), since plain text has no comment syntax.
    case plainText
    /// Markdown and HTML: `<!-- lector-disable-next-line glossary.forbidden -->`.
    case markup

    public init(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "md", "markdown", "html", "htm", "xhtml": self = .markup
        default: self = .plainText
        }
    }
}

/// `lector-disable-next-line RULE…`, `lector-disable RULE…` … `lector-enable [RULE…]` directives
/// of one document, and which of them were needed. Without rule ids a directive covers every rule.
struct InlineSuppressions {
    struct Region {
        /// Rule ids; empty means all rules.
        let rules: Set<String>
        let lines: ClosedRange<Int>
        /// Where the directive stands, for the unused-suppression finding.
        let directive: Range<Int>
        var used = false
    }

    private(set) var regions: [Region] = []

    private static let markupDirective = try! NSRegularExpression(
        pattern: #"<!--\s*lector-(disable-next-line|disable|enable)\b([^>]*?)\s*-->"#)
    private static let plainDirective = try! NSRegularExpression(
        pattern: #"(?m)^[ \t]*(?:#|//)?[ \t]*lector-(disable-next-line|disable|enable)\b([^\n]*?)[ \t]*$"#)

    init(document: SourceDocument) {
        // Every directive contains `lector-`: most documents have none and need no regular expression
        // (which costs about 50 ms on 10 MB).
        // Directives stand in comments, which a masked document (HTML, Markdown) hides from the rules.
        let text = document.unmaskedText
        guard Self.mayContainDirective(text) else { return }
        let expression = DocumentSyntax(path: document.path) == .markup ? Self.markupDirective : Self.plainDirective
        let nsText = text as NSString
        var open: [(rules: Set<String>, line: Int, directive: Range<Int>)] = []
        for match in expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
            let kind = nsText.substring(with: match.range(at: 1))
            let rules = Set(nsText.substring(with: match.range(at: 2))
                .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init))
            let range = match.range.location..<(match.range.location + match.range.length)
            let line = document.location(ofUTF16Offset: range.lowerBound).line
            switch kind {
            case "disable-next-line":
                regions.append(Region(rules: rules, lines: (line + 1)...(line + 1), directive: range))
            case "disable":
                open.append((rules, line, range))
            default:  // enable
                open.removeAll { region in
                    guard rules.isEmpty || region.rules.isEmpty || !region.rules.isDisjoint(with: rules) else { return false }
                    regions.append(Region(rules: region.rules, lines: region.line...line, directive: region.directive))
                    return true
                }
            }
        }
        for region in open {
            regions.append(Region(rules: region.rules, lines: region.line...max(region.line, document.lineCount),
                                  directive: region.directive))
        }
    }

    /// Whether `text` contains `lector-`: `memchr` finds each `-` of its UTF-8 (few in prose),
    /// then the six bytes before are compared.
    static func mayContainDirective(_ text: String) -> Bool {
        let prefix: [UInt8] = Array("lector".utf8)
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > prefix.count else { return false }
            var position = prefix.count
            while position < bytes.count {
                guard let found = memchr(base + position, 0x2D, bytes.count - position) else { return false }
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index - prefix.count, prefix, prefix.count) == 0 { return true }
                position = index + 1
            }
            return false
        }
    }

    /// Whether a finding is suppressed; marks the region that suppresses it as used.
    mutating func suppresses(_ finding: Finding) -> Bool {
        var suppressed = false
        for index in regions.indices where regions[index].lines.contains(finding.location.line)
            && (regions[index].rules.isEmpty || regions[index].rules.contains(finding.ruleID)) {
            regions[index].used = true
            suppressed = true
        }
        return suppressed
    }

    var unused: [Region] { regions.filter { !$0.used } }
}
