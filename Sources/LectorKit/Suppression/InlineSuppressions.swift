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

    /// Byte ranges of a file that one window of it must hold whole (`TextWindows`): each
    /// `disable` directive through the `enable` that ends it (or the end of the file), each
    /// `disable-next-line` directive through the end of the line after it, and every directive
    /// itself. Directives are found as `init(document:)` finds them, but only around each
    /// `lector-` of the bytes, so a file without one costs a `memchr` pass.
    static func protectedRanges(in bytes: UnsafeBufferPointer<UInt8>, syntax: DocumentSyntax) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [] }
        let prefix: [UInt8] = Array("lector-".utf8)
        func lineEnd(from position: Int) -> Int {
            guard position < bytes.count,
                  let found = memchr(base + position, 0x0A, bytes.count - position) else { return bytes.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        /// Directives in file order: kind, rules, the bytes they stand in.
        var directives: [(kind: String, rules: Set<String>, bytes: Range<Int>)] = []
        var position = 0
        var scannedTo = 0
        let dash = prefix.count - 1
        while position + prefix.count <= bytes.count {
            // Found by its `-`, as `mayContainDirective` does, not by its `l`: an `l` every 25 bytes
            // or so of English made this serial scan, run before any thread starts, slow.
            guard let found = memchr(base + position + dash, 0x2D, bytes.count - position - dash) else { break }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - dash
            position = index + 1
            guard memcmp(base + index, prefix, dash) == 0, index >= scannedTo else { continue }
            // The stretch a directive holding this `lector-` can stand in.
            var start = index
            var end: Int
            let expression: NSRegularExpression
            switch syntax {
            case .plainText:
                while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                end = lineEnd(from: index)
                expression = plainDirective
            case .markup:
                // `<!--` and white space before, up to the first `>` after.
                while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 || bytes[start - 1] == 0x0A
                    || bytes[start - 1] == 0x0D { start -= 1 }
                guard start >= 4, memcmp(base + start - 4, "<!--", 4) == 0 else { continue }
                start -= 4
                end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
                end = min(end + 1, bytes.count)
                expression = markupDirective
            }
            scannedTo = end
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            let nsText = text as NSString
            for match in expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
                let rules = Set(nsText.substring(with: match.range(at: 2))
                    .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init))
                directives.append((nsText.substring(with: match.range(at: 1)), rules, start..<end))
            }
        }
        var ranges: [Range<Int>] = []
        var open: [(rules: Set<String>, start: Int)] = []
        for directive in directives {
            ranges.append(directive.bytes)
            switch directive.kind {
            case "disable-next-line":
                ranges.append(directive.bytes.lowerBound..<lineEnd(from: lineEnd(from: directive.bytes.upperBound - 1)))
            case "disable":
                open.append((directive.rules, directive.bytes.lowerBound))
            default:
                let rules = directive.rules
                open.removeAll { region in
                    guard rules.isEmpty || region.rules.isEmpty || !region.rules.isDisjoint(with: rules) else { return false }
                    ranges.append(region.start..<directive.bytes.upperBound)
                    return true
                }
            }
        }
        for region in open { ranges.append(region.start..<bytes.count) }
        // Overlapping ranges merged, in increasing order.
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
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
