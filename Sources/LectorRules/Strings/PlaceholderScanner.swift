import LectorICU
import LectorText
import LectorFormats
import LectorGlossary

/// The placeholder syntaxes Lector knows; a project picks the ones its strings use in `.lector.yml`
/// (`strings: placeholders: [...]`). All are on by default.
public enum PlaceholderSyntax: String, CaseIterable, Sendable, Comparable {
    /// C/POSIX printf with positions, flags, width, precision and length (`%s`, `%1$s`, `%-5.2f`,
    /// `%lld`), Objective-C/iOS `%@` and `%1$@`, `.stringsdict` variables `%#@name@`, Android `%1$s`,
    /// Boost.Format `%1%`. `%%` is a percent sign.
    case printf
    /// Python's `%(name)s`.
    case pythonFormat = "python-format"
    /// Braces: Python/.NET `{0}`, `{name}`, `{}`, `{0:N2}`, and ICU MessageFormat arguments
    /// (`{count, plural, one {# file} other {# files}}`: the argument and its kind are compared,
    /// the text inside the branches is translatable and scanned for nested placeholders).
    case braces
    /// Qt's `%1` … `%99`.
    case qt
    /// Shell and build variables: `$x`, `${x}`, `$(x)`, Mozilla's `$x$`, i18next's nesting
    /// `$t(menu.file)`.
    case shell
    /// XML/DTD entities `&brandShortName;` (the five predefined ones, `&nbsp;` and numeric
    /// references are characters, not placeholders).
    case xmlEntity = "xml-entity"
    /// `@name@` (autoconf, Creative Commons).
    case atSign = "at-sign"
    /// Mustache/Handlebars/Jinja: `{{x}}`, `{{{x}}}`, `{% tag %}`, `{# comment #}`.
    case template

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One placeholder in a string.
public struct Placeholder: Sendable, Equatable {
    /// As written.
    public let text: String
    /// UTF-16 offsets within the scanned string.
    public let range: Range<Int>
    public let syntax: PlaceholderSyntax
    /// What must match between source and translation. Numbered syntaxes compare by number, so
    /// reordering is allowed where the syntax numbers them (`%s … %d` → `%2$d … %1$s`: both are
    /// `1$s` and `2$d`); unnumbered printf placeholders are numbered by their order.
    public let key: String
}

/// Finds placeholders of the selected syntaxes in a string. One pass, left to right; where two
/// syntaxes could claim the same text the more specific one wins (`{{x}}` is a template, not two
/// braces; `%1$s` is printf, not Qt's `%1`; Boost's `%3%` is one placeholder, never `%3` plus a
/// stray `%`).
public struct PlaceholderScanner: Sendable {
    public let syntaxes: Set<PlaceholderSyntax>

    public init(syntaxes: Set<PlaceholderSyntax> = Set(PlaceholderSyntax.allCases)) {
        self.syntaxes = syntaxes
    }

    static let printfConversions: Set<UInt16> = Set("diouxXeEfFgGaAcCsSpn@".utf16)
    /// printf's flags (`-+#0'`), told by a switch: the `%` of every percentage in prose is read
    /// here, and a set hashed the unit (after asking for its lazy global) at every step.
    static func isPrintfFlag(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2D, 0x2B, 0x23, 0x30, 0x27: true
        default: false
        }
    }
    static let lengthModifiers = ["hh", "h", "ll", "l", "L", "q", "j", "z", "t", "I64", "I32"]
    static let lengthModifierUnits: [[UInt16]] = lengthModifiers.map { Array($0.utf16) }
    /// Entities that stand for one character: a translation may write the character instead.
    static let characterEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos", "nbsp"]

    public func placeholders(in text: String) -> [Placeholder] {
        scanned(text).placeholders
    }

    /// A plural, select or selectordinal of ICU MessageFormat: its kind, where it stands (from its
    /// `{` to its closing `}`), and each branch's selector (`one`, `=0`, `female`) with its range.
    public struct MessageFormatChoice: Sendable {
        public let type: String
        public let range: Range<Int>
        public let selectors: [(name: String, range: Range<Int>)]
        /// The argument the choice selects on (`count` in `{count, plural, …}`).
        public var argument: String = ""
        /// Each branch's selector and the range of its text, inside its braces; `hasNumber` where
        /// a plural's branch writes the number as `#`.
        public var branches: [(selector: String, body: Range<Int>, hasNumber: Bool)] = []
    }

    /// What a scan finds: the placeholders; the ranges of MessageFormat syntax that stand around
    /// the branches' text and are neither text nor placeholders (`one{`, `offset:1`, the closing
    /// braces, a plural's `#`); and the MessageFormat choices.
    public struct Scan: Sendable {
        public var placeholders: [Placeholder] = []
        public var syntax: [Range<Int>] = []
        public var choices: [MessageFormatChoice] = []
    }

    public func scanned(_ text: String) -> Scan {
        // Every placeholder starts at one of `scan`'s five characters; most sentences have none,
        // and need no UTF-16 copy.
        guard Self.mayHavePlaceholder(text) else { return Scan() }
        let units = LectorICU.UTF16.encode(text)
        var result = Scan()
        var implicitPosition = 0
        scan(units, from: 0, to: units.count, into: &result, implicitPosition: &implicitPosition)
        return result
    }

    /// `placeholders(in:)` of a text already in UTF-16 code units (`LectorICU.UTF16.encode` of
    /// it), which is then not encoded again.
    public func placeholders(inUTF16 units: [UInt16]) -> [Placeholder] {
        var result = Scan()
        var implicitPosition = 0
        scan(units, from: 0, to: units.count, into: &result, implicitPosition: &implicitPosition)
        return result.placeholders
    }

    /// Whether `text`'s UTF-8 has one of the bytes every placeholder starts at: `%`, `{`, `$`,
    /// `&`, `@`. Every text a check reads is asked, several times a pair: `UnitScan` tests 32
    /// bytes a step.
    static func mayHavePlaceholder(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            UnitScan.firstIndex(in: bytes, from: 0, ofAny: 0x25, 0x7B, 0x24, 0x26, 0x40) < bytes.count
        }
        return found ?? text.utf8.contains { $0 == 0x25 || $0 == 0x7B || $0 == 0x24 || $0 == 0x26 || $0 == 0x40 }
    }

    // MARK: - Scanning

    private func scan(_ u: [UInt16], from start: Int, to end: Int, into found: inout Scan,
                      implicitPosition: inout Int) {
        var i = start
        while i < end {
            let c = u[i]
            var consumed: Int?
            switch c {
            case 0x25:  // %
                consumed = percent(u, i, end, &found.placeholders, &implicitPosition)
            case 0x7B:  // {
                consumed = brace(u, i, end, &found, &implicitPosition)
            case 0x24 where syntaxes.contains(.shell):  // $
                consumed = dollar(u, i, end, &found.placeholders)
            case 0x26 where syntaxes.contains(.xmlEntity):  // &
                consumed = entity(u, i, end, &found.placeholders)
            case 0x40 where syntaxes.contains(.atSign):  // @
                consumed = atSign(u, i, end, &found.placeholders)
            default:
                break
            }
            i += max(consumed ?? 1, 1)
        }
    }

    private func add(_ u: [UInt16], _ range: Range<Int>, _ syntax: PlaceholderSyntax, key: String? = nil,
                     to result: inout [Placeholder]) {
        let text = LectorICU.UTF16.decode(u[range])
        result.append(Placeholder(text: text, range: range, syntax: syntax, key: key ?? text))
    }

    private static func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isASCIILetter(_ c: UInt16) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func isNameStart(_ c: UInt16) -> Bool { isASCIILetter(c) || c == 0x5F }
    private static func isNameChar(_ c: UInt16) -> Bool { isNameStart(c) || isDigit(c) }
    private static func isLetter(_ c: UInt16) -> Bool {
        isASCIILetter(c) || (c >= 0xC0 && Unicode.Scalar(c).map { $0.properties.isAlphabetic } == true)
    }

    private func digits(_ u: [UInt16], _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end, Self.isDigit(u[j]) { j += 1 }
        return j
    }

    /// `%…` in any of printf, Python `%(name)s`, Boost `%1%` / `%|…|`, Qt `%1`.
    private func percent(_ u: [UInt16], _ i: Int, _ end: Int, _ result: inout [Placeholder],
                         _ implicitPosition: inout Int) -> Int? {
        guard i + 1 < end else { return nil }
        let next = u[i + 1]
        if next == 0x25 { return 2 }  // %% is a percent sign
        // Python %(name)s
        if next == 0x28, syntaxes.contains(.pythonFormat) {
            var j = i + 2
            while j < end, u[j] != 0x29, u[j] != 0x20 { j += 1 }
            if j < end, u[j] == 0x29, j > i + 2, let spec = printfSpec(u, j + 1, end) {
                let name = LectorICU.UTF16.decode(u[(i + 2)..<j])
                add(u, i..<spec.end, .pythonFormat, key: "%(\(name))" + spec.conversion, to: &result)
                return spec.end - i
            }
        }
        if syntaxes.contains(.printf) {
            // Apple's `.stringsdict` variable: %#@name@, %1$#@name@. It takes an argument like
            // any other placeholder, so unnumbered ones are numbered in order with the rest:
            // `%#@files@ in %@` → `%@ contient %#@files@` hands the count to `%@`.
            var variableStart = i + 1
            var variablePosition: Int?
            let positionEnd = digits(u, variableStart, end)
            if positionEnd > variableStart, positionEnd < end, u[positionEnd] == 0x24 {
                variablePosition = Int(LectorICU.UTF16.decode(u[variableStart..<positionEnd]))
                variableStart = positionEnd + 1
            }
            if variableStart + 1 < end, u[variableStart] == 0x23, u[variableStart + 1] == 0x40 {
                var j = variableStart + 2
                while j < end, Self.isNameChar(u[j]) { j += 1 }
                if j < end, u[j] == 0x40, j > variableStart + 2 {
                    let number: Int
                    if let variablePosition { number = variablePosition } else {
                        implicitPosition += 1
                        number = implicitPosition
                    }
                    add(u, i..<(j + 1), .printf, key: "\(number)$" + LectorICU.UTF16.decode(u[variableStart..<(j + 1)]), to: &result)
                    return j + 1 - i
                }
            }
            // Boost: %N% and %|spec|
            if Self.isDigit(next) {
                let j = digits(u, i + 1, end)
                if j < end, u[j] == 0x25 {
                    add(u, i..<(j + 1), .printf, to: &result)
                    return j + 1 - i
                }
            }
            if next == 0x7C {
                var j = i + 2
                while j < end, u[j] != 0x7C, u[j] != 0x20 { j += 1 }
                if j < end, u[j] == 0x7C {
                    add(u, i..<(j + 1), .printf, to: &result)
                    return j + 1 - i
                }
            }
            // printf: %[n$][flags][width][.precision][length]conversion
            var j = i + 1
            var position: Int?
            let numberEnd = digits(u, j, end)
            if numberEnd > j, numberEnd < end, u[numberEnd] == 0x24 {
                position = Int(LectorICU.UTF16.decode(u[j..<numberEnd]))
                j = numberEnd + 1
            }
            if let spec = printfSpec(u, j, end) {
                // "50%off": a percent sign after a number, then a word, is prose.
                let prose = i > 0 && Self.isDigit(u[i - 1]) && spec.end < end && Self.isLetter(u[spec.end])
                    && position == nil
                if !prose {
                    let specText = spec.conversion
                    let number: Int
                    if let position { number = position } else {
                        implicitPosition += 1
                        number = implicitPosition
                    }
                    add(u, i..<spec.end, .printf, key: "\(number)$" + specText, to: &result)
                    return spec.end - i
                }
            }
        }
        if syntaxes.contains(.qt), Self.isDigit(next) {
            let j = digits(u, i + 1, end)
            if j - (i + 1) <= 2, !(j < end && (u[j] == 0x24 || u[j] == 0x25)) {
                add(u, i..<j, .qt, to: &result)
                return j - i
            }
        }
        return nil
    }

    /// Flags, width, precision, length and conversion of a printf placeholder starting at `start`.
    /// `conversion` leaves out glibc's `I` flag (`%Id`: the locale's own digits), which gettext
    /// lets a translation add, so `%Id` answers `%d`. `I64`/`I32` stay Microsoft's length modifiers.
    private func printfSpec(_ u: [UInt16], _ start: Int, _ end: Int) -> (end: Int, conversion: String)? {
        var j = start
        var glibcDigitFlags: [Int] = []
        while j < end {
            if Self.isPrintfFlag(u[j]) {
                j += 1
            } else if u[j] == 0x49, !isMicrosoftLength(u, j, end) {
                glibcDigitFlags.append(j)
                j += 1
            } else {
                break
            }
        }
        if j < end, u[j] == 0x2A { j += 1 } else { j = digits(u, j, end) }
        if j < end, u[j] == 0x2E {
            j += 1
            if j < end, u[j] == 0x2A { j += 1 } else { j = digits(u, j, end) }
        }
        // Compared unit by unit: the `%` of every percentage in prose comes here.
        for m in Self.lengthModifierUnits {
            if j + m.count < end, u[j..<(j + m.count)].elementsEqual(m) {
                j += m.count
                break
            }
        }
        guard j < end, Self.printfConversions.contains(u[j]) else { return nil }
        if glibcDigitFlags.isEmpty { return (j + 1, LectorICU.UTF16.decode(u[start...j])) }
        let kept = (start...j).filter { !glibcDigitFlags.contains($0) }.map { u[$0] }
        return (j + 1, LectorICU.UTF16.decode(kept[...]))
    }

    private func isMicrosoftLength(_ u: [UInt16], _ i: Int, _ end: Int) -> Bool {
        guard i + 2 < end else { return false }
        return (u[i + 1] == 0x36 && u[i + 2] == 0x34) || (u[i + 1] == 0x33 && u[i + 2] == 0x32)
    }

    /// `{…}`: a template tag (`{{x}}`, `{% … %}`) or a brace placeholder / MessageFormat argument.
    private func brace(_ u: [UInt16], _ i: Int, _ end: Int, _ found: inout Scan,
                       _ implicitPosition: inout Int) -> Int? {
        if syntaxes.contains(.template), i + 1 < end, [0x7B, 0x25, 0x23].contains(u[i + 1]) {
            let closer: [UInt16] = u[i + 1] == 0x7B ? [0x7D, 0x7D] : [u[i + 1], 0x7D]
            var j = i + 2
            while j + 1 < end, !(u[j] == closer[0] && u[j + 1] == closer[1]) { j += 1 }
            if j + 1 < end {
                var close = j + 2
                if u[i + 1] == 0x7B, i + 2 < end, u[i + 2] == 0x7B, close < end, u[close] == 0x7D { close += 1 }
                let inner = LectorICU.UTF16.decode(u[(i + 2)..<j])
                    .split(whereSeparator: { $0 == " " || $0 == "{" }).joined(separator: " ")
                let kind = LectorICU.UTF16.decode(u[i..<(i + 2)])
                add(u, i..<close, .template, key: kind + inner, to: &found.placeholders)
                return close - i
            }
        }
        guard syntaxes.contains(.braces) else { return nil }
        // The matching brace, counting nesting (MessageFormat branches hold braces).
        var depth = 0
        var j = i
        var close: Int?
        while j < end {
            if u[j] == 0x7B { depth += 1 } else if u[j] == 0x7D {
                depth -= 1
                if depth == 0 {
                    close = j
                    break
                }
            }
            j += 1
        }
        guard let close else { return nil }
        // The argument: a name or number, then `,` `:` `!` or the end.
        var k = i + 1
        while k < close, u[k] == 0x20 { k += 1 }
        let nameStart = k
        while k < close, Self.isNameChar(u[k]) || u[k] == 0x2E || u[k] == 0x2D || u[k] == 0x5B || u[k] == 0x5D { k += 1 }
        let name = LectorICU.UTF16.decode(u[nameStart..<k])
        while k < close, u[k] == 0x20 { k += 1 }
        if name.isEmpty {
            guard k == close else { return nil }
            implicitPosition += 1
            add(u, i..<(close + 1), .braces, key: "{\(implicitPosition - 1)}", to: &found.placeholders)
            return close + 1 - i
        }
        if k == close {
            add(u, i..<(close + 1), .braces, key: "{\(name)}", to: &found.placeholders)
            return close + 1 - i
        }
        switch u[k] {
        case 0x3A, 0x21:  // {0:N2} {name!r}
            guard !u[k..<close].contains(0x7B) else { return nil }
            add(u, i..<(close + 1), .braces, to: &found.placeholders)
            return close + 1 - i
        case 0x2C:  // MessageFormat: {name, type[, style or branches]}
            var t = k + 1
            while t < close, u[t] == 0x20 { t += 1 }
            let typeStart = t
            while t < close, Self.isNameChar(u[t]) { t += 1 }
            let type = LectorICU.UTF16.decode(u[typeStart..<t])
            guard !type.isEmpty else { return nil }
            if ["plural", "select", "selectordinal"].contains(type) {
                return messageFormatBranches(u, i, name: name, type: type, typeEnd: t, close: close, &found, &implicitPosition)
            }
            guard !u[t..<close].contains(0x7B) else { return nil }
            add(u, i..<(close + 1), .braces, key: "{\(name), \(type)}", to: &found.placeholders)
            return close + 1 - i
        default:
            return nil
        }
    }

    /// `{count, plural, one {# file} other {# files}}`: the head is the placeholder; each branch's
    /// text is translatable and scanned for nested placeholders. Plural categories differ between
    /// languages, so only `select` keeps its branch names in the key.
    private func messageFormatBranches(_ u: [UInt16], _ i: Int, name: String, type: String, typeEnd: Int, close: Int,
                                       _ found: inout Scan, _ implicitPosition: inout Int) -> Int {
        var t = typeEnd
        while t < close, u[t] == 0x20 || u[t] == 0x2C { t += 1 }
        var selectors: [String] = []
        var selectorRanges: [(name: String, range: Range<Int>)] = []
        var branches: [(selector: String, body: Range<Int>, hasNumber: Bool)] = []
        var nested = Scan()
        var headEnd = t
        var sawOffset = false
        while t < close {
            while t < close, u[t] == 0x20 || u[t] == 0x0A || u[t] == 0x09 { t += 1 }
            let selectorStart = t
            while t < close, u[t] != 0x7B, u[t] != 0x20 { t += 1 }
            let selector = LectorICU.UTF16.decode(u[selectorStart..<t])
            while t < close, u[t] == 0x20 { t += 1 }
            if selectors.isEmpty, !sawOffset { headEnd = selectorStart }
            // `offset:1` stands before the first branch, and is syntax.
            if selector.hasPrefix("offset:"), t < close, u[t] != 0x7B {
                sawOffset = true
                nested.syntax.append(selectorStart..<t)
                continue
            }
            guard t < close, u[t] == 0x7B else { break }
            if !selector.hasPrefix("offset:") {
                selectors.append(selector)
                selectorRanges.append((selector, selectorStart..<(selectorStart + selector.utf16.count)))
            }
            // The selector and the branch's `{` are syntax.
            nested.syntax.append(selectorStart..<(t + 1))
            var depth = 0
            var b = t
            while b < close {
                if u[b] == 0x7B { depth += 1 } else if u[b] == 0x7D {
                    depth -= 1
                    if depth == 0 { break }
                }
                b += 1
            }
            if b < close { nested.syntax.append(b..<(b + 1)) }
            var hasNumber = false
            if type != "select" {
                // `#` stands for the number in a plural's branches.
                for hash in (t + 1)..<b where u[hash] == 0x23 {
                    nested.syntax.append(hash..<(hash + 1))
                    hasNumber = true
                }
            }
            if !selector.hasPrefix("offset:") { branches.append((selector, (t + 1)..<b, hasNumber)) }
            scan(u, from: t + 1, to: b, into: &nested, implicitPosition: &implicitPosition)
            t = b + 1
        }
        let key = type == "select" ? "{\(name), select, \(selectors.sorted().joined(separator: " "))}" : "{\(name), \(type)}"
        add(u, i..<max(headEnd, i + 1), .braces, key: key, to: &found.placeholders)
        found.placeholders += nested.placeholders
        found.syntax += nested.syntax + [close..<(close + 1)]
        found.choices.append(MessageFormatChoice(type: type, range: i..<(close + 1), selectors: selectorRanges,
                                                 argument: name, branches: branches))
        found.choices += nested.choices
        return close + 1 - i
    }

    /// `$(x)`, `${x}`, `$x$`, `$x`.
    private func dollar(_ u: [UInt16], _ i: Int, _ end: Int, _ result: inout [Placeholder]) -> Int? {
        guard i + 1 < end else { return nil }
        let next = u[i + 1]
        if next == 0x28 || next == 0x7B {
            let closer: UInt16 = next == 0x28 ? 0x29 : 0x7D
            var j = i + 2
            while j < end, u[j] != closer, u[j] != 0x20 { j += 1 }
            guard j < end, u[j] == closer, j > i + 2 else { return nil }
            add(u, i..<(j + 1), .shell, to: &result)
            return j + 1 - i
        }
        guard Self.isNameStart(next) else { return nil }
        var j = i + 2
        while j < end, Self.isNameChar(u[j]) { j += 1 }
        if j < end, u[j] == 0x24 {
            j += 1
        } else if j < end, u[j] == 0x28, let close = Self.closingParenthesis(u, from: j, end) {
            // i18next's nesting, `$t(menu.file)` or `$t(key, {"count": 2})`: the key names
            // another string and is code, so the whole call is one placeholder.
            j = close + 1
        }
        add(u, i..<j, .shell, to: &result)
        return j - i
    }

    /// The `)` that closes the `(` at `open`, on the same line, with the parentheses between
    /// balanced; nil when there is none.
    private static func closingParenthesis(_ u: [UInt16], from open: Int, _ end: Int) -> Int? {
        var depth = 0
        var k = open
        while k < end {
            switch u[k] {
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return k > open + 1 ? k : nil }
            case 0x0A, 0x0D: return nil
            default: break
            }
            k += 1
        }
        return nil
    }

    /// `&name;` (not `&amp;` and the like, nor `&#169;`).
    private func entity(_ u: [UInt16], _ i: Int, _ end: Int, _ result: inout [Placeholder]) -> Int? {
        guard i + 1 < end, Self.isNameStart(u[i + 1]) else { return nil }
        var j = i + 2
        while j < end, Self.isNameChar(u[j]) || u[j] == 0x2E || u[j] == 0x2D { j += 1 }
        guard j < end, u[j] == 0x3B else { return nil }
        let name = LectorICU.UTF16.decode(u[(i + 1)..<j])
        if Self.characterEntities.contains(name) { return j + 1 - i }
        add(u, i..<(j + 1), .xmlEntity, to: &result)
        return j + 1 - i
    }

    /// `@name@`, not an e-mail address (`a@b.c`).
    private func atSign(_ u: [UInt16], _ i: Int, _ end: Int, _ result: inout [Placeholder]) -> Int? {
        guard i + 1 < end, Self.isNameStart(u[i + 1]), i == 0 || !Self.isNameChar(u[i - 1]) else { return nil }
        var j = i + 2
        while j < end, Self.isNameChar(u[j]) { j += 1 }
        guard j < end, u[j] == 0x40, !(j + 1 < end && Self.isNameChar(u[j + 1])) else { return nil }
        add(u, i..<(j + 1), .atSign, to: &result)
        return j + 1 - i
    }
}

/// Source and translation placeholders compared as multisets of keys.
public struct PlaceholderComparison: Sendable {
    /// Placeholders of the source with no counterpart in the translation.
    public let missing: [Placeholder]
    /// Placeholders of the translation with no counterpart in the source.
    public let extra: [Placeholder]

    public init(source: [Placeholder], target: [Placeholder]) {
        var remaining = source.reduce(into: [String: Int]()) { $0[$1.key, default: 0] += 1 }
        var extra: [Placeholder] = []
        for placeholder in target {
            if let count = remaining[placeholder.key], count > 0 {
                remaining[placeholder.key] = count - 1
            } else {
                extra.append(placeholder)
            }
        }
        var missing: [Placeholder] = []
        for placeholder in source where (remaining[placeholder.key] ?? 0) > 0 {
            remaining[placeholder.key]! -= 1
            missing.append(placeholder)
        }
        self.missing = missing
        self.extra = extra
    }

    public init(missing: [Placeholder], extra: [Placeholder]) {
        self.missing = missing
        self.extra = extra
    }
}
