import LectorICU
import LectorText
import LectorFormats
import LectorGlossary

/// Backslash escapes written in the text (`\n`, `\t`, `\\`, `\"`), which another layer (C code,
/// Java properties, JSON built by hand) will read: the translation must keep the source's. A PO
/// file's own escapes are already read by then, so what remains are the escaped ones (`\\n` in the
/// file). A backslash is an escape only where those layers would read one: `\B` and `\Ö` escape
/// nothing, `\U` and `\x` only before their hex digits, and the backslashes of a Windows path
/// (`C:\Users\Public`, `\\server\share`, `%APPDATA%\Lector`) separate its folders.
public struct EscapesMismatchRule: UnitRule {
    public static let description = RuleDescription(
        id: "escapes.mismatch",
        name: "Escape mismatch",
        summary: "The translation has other backslash escapes (`\\n`, `\\t`, `\\\\`, `\\\"`) than the source.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "bleah.↓\\n'n leer", source: "blah. A file", from: "en", to: "af"),
            RuleExample(unit: "↓Tabulator", source: "A tab\\t", from: "en", to: "de"),
            RuleExample(unit: "↓Sauts de ligne \n", source: "An escaped newline \\n", from: "en", to: "fr"),
            // Outside a path, a backslash before an escape letter is still an escape.
            RuleExample(unit: "Datei unter C:\\Benutzer ↓\\t", source: "File in C:\\Users \\n", from: "en", to: "de"),
            RuleExample(unit: "Emoji ↓\\U0001F600", source: "Emoji", from: "en", to: "de"),
            // Two backslashes before a quotation mark start no server's path.
            RuleExample(unit: "↓„Sauerstoff“ von Jigan", source: "\\\\\"Oxygen\\\\\" by Jigan", from: "en", to: "de"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "'n Tab\\t", source: "A tab\\t", from: "en", to: "af"),
            RuleExample(unit: "Двойная кавычка \\\"", source: "A double quote \\\"", from: "en", to: "ru"),
            RuleExample(unit: "'n Leer\n", source: "A file\n", from: "en", to: "af"),
            RuleExample(unit: "Ruta C:\\\\Programme", source: "Path C:\\\\Program Files", from: "en", to: "de"),
            // A Windows path as a PO file holds it (`C:\\Users` there): its folders are translated.
            RuleExample(unit: "Gespeichert unter C:\\Benutzer\\Öffentlich", source: "Saved to C:\\Users\\Public", from: "en", to: "de"),
            RuleExample(unit: "Dossier %APPDATA%\\Lector\\modèles", source: "Folder %APPDATA%\\Lector\\templates", from: "en", to: "fr"),
            RuleExample(unit: "Откройте \\\\сервер\\общие", source: "Open \\\\server\\shared", from: "en", to: "ru"),
            RuleExample(unit: "Speichern in C:\\Programme\\Neu", source: "Save to C:\\Program Files\\new", from: "en", to: "de"),
            // Markdown's escaped punctuation and a backslash inside a censored word are not string escapes.
            RuleExample(unit: "And you [the US] make us fight.", source: "А вы \\[США\\] заставляете нас воевать.", from: "ru", to: "en"),
            RuleExample(unit: "Thanks in advance, damn it.", source: "Заранее спасибо, бл\\ть\\~", from: "ru", to: "en"),
        ]
    )

    public init() {}

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        // Every escape starts with a backslash: with none on either side, both have none.
        guard UTF8Bytes.contains(pair.source, byte: 0x5C) || UTF8Bytes.contains(pair.target, byte: 0x5C)
        else { return [] }
        let source = Self.escapes(in: pair.source)
        let target = Self.escapes(in: pair.target)
        var remaining = source.reduce(into: [String: Int]()) { $0[$1.text, default: 0] += 1 }
        var extra: [(text: String, range: Range<Int>)] = []
        for escape in target {
            if let count = remaining[escape.text], count > 0 { remaining[escape.text] = count - 1 } else { extra.append(escape) }
        }
        let missing = remaining.filter { $0.value > 0 }.keys.sorted()
        for escape in extra {
            findings.append(RuleFinding(range: pair.range(escape.range), message: "escape `\(escape.text)` is not in the source"))
        }
        // With an extra escape reported, a missing one is usually the same escape mistyped.
        if extra.isEmpty, !missing.isEmpty {
            findings.append(RuleFinding(range: pair.targetStartPoint,
                                        message: "the source's escapes \(missing.map { "`\($0)`" }.joined(separator: ", ")) are missing"))
        }
        return findings
    }

    /// What a backslash escapes for the layers that read escapes (C, Java properties, JSON, Python,
    /// shell): the letters of their escape sequences, digits (octal, back-references) and these
    /// marks. Markdown's escaped punctuation (`\[`, `\*`, `\-`), a backslash before a letter of
    /// another script (`бл\ть`, a censored word) and one before any other letter (`C:\Benutzer`)
    /// are text.
    private static let escapedMarks: Set<UInt16> = Set("\\\"'/?${}%@".utf16)
    /// C's `\a \b \e \f \n \r \t \v`, JSON's and Java's `\u`, C's and Python's `\x` and `\U`,
    /// Python's `\N{…}`. The last four need what follows them (`hexDigitsAfter`).
    private static let escapeLetters: Set<UInt16> = Set("abefnrtvuxUN".utf16)
    /// Hex digits an escape letter needs after it: `\Users` is a folder, `\U0001F600` an emoji.
    private static let hexDigitsAfter: [UInt16: Int] = [0x75: 4, 0x55: 8, 0x78: 1]  // u, U, x

    /// `\` and the character after it, left to right (`\\n` is `\\` then `n`); none inside a
    /// Windows path.
    static func escapes(in text: String) -> [(text: String, range: Range<Int>)] {
        let units = Array(text.utf16)
        var result: [(String, Range<Int>)] = []
        var paths: [Range<Int>]?
        var index = 0
        while index + 1 < units.count {
            if units[index] == 0x5C {
                let next = units[index + 1]
                if isEscape(next, followedBy: units[(index + 2)...]) {
                    // Paths are looked for only once a string has an escape: most have none.
                    if paths == nil { paths = windowsPaths(in: units) }
                    if !paths!.contains(where: { $0.contains(index) }) {
                        result.append((LectorICU.UTF16.decode(units[index...(index + 1)]), index..<(index + 2)))
                    }
                }
                index += 2
            } else {
                index += 1
            }
        }
        return result
    }

    private static func isEscape(_ next: UInt16, followedBy rest: ArraySlice<UInt16>) -> Bool {
        if escapedMarks.contains(next) || (0x30...0x39).contains(next) { return true }
        guard escapeLetters.contains(next) else { return false }
        if next == 0x4E { return rest.first == 0x7B }  // \N{NAME}
        guard let digits = hexDigitsAfter[next] else { return true }
        return rest.count >= digits && rest.prefix(digits).allSatisfy(isHexDigit)
    }

    private static func isHexDigit(_ unit: UInt16) -> Bool {
        (0x30...0x39).contains(unit) || (0x41...0x46).contains(unit) || (0x61...0x66).contains(unit)
    }

    /// UTF-16 ranges of Windows paths: from a drive (`C:\`), a server (`\\server\`), an
    /// environment variable (`%APPDATA%\`) or `.\` / `..\` to the next white space, and on across a
    /// space where the next word goes on into a folder (`C:\Program Files\App`).
    static func windowsPaths(in units: [UInt16]) -> [Range<Int>] {
        func isLetter(_ unit: UInt16) -> Bool { (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) }
        /// A letter or digit of any script: folders and servers are named in the user's language.
        func isNameCharacter(_ unit: UInt16) -> Bool {
            isLetter(unit) || (0x30...0x39).contains(unit) || unit == 0x5F
                || unit >= 0xC0 && Unicode.Scalar(unit).map { $0.properties.isAlphabetic } == true
        }
        func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0xA0 }
        func startsWord(_ index: Int) -> Bool {
            index == 0 || isSpace(units[index - 1]) || "\"'(«„“‘[=".utf16.contains(units[index - 1])
        }
        /// Where a path that starts at `index` has its first separator, or nil.
        func prefixEnd(_ index: Int) -> Int? {
            let rest = units[index...]
            if rest.count >= 3, isLetter(units[index]), units[index + 1] == 0x3A, units[index + 2] == 0x5C { return index + 2 }
            // `\\server\share`: a name, then a folder (`\\"quoted\\"` is two escapes).
            if rest.count >= 3, units[index] == 0x5C, units[index + 1] == 0x5C, isNameCharacter(units[index + 2]) {
                var end = index + 3
                while end < units.count, isNameCharacter(units[end]) || units[end] == 0x2E || units[end] == 0x2D { end += 1 }
                if end + 1 < units.count, units[end] == 0x5C, isNameCharacter(units[end + 1]) { return index + 1 }
            }
            if rest.first == 0x2E {
                let dots = rest.prefix { $0 == 0x2E }.count
                if dots <= 2, index + dots < units.count, units[index + dots] == 0x5C { return index + dots }
            }
            if rest.first == 0x25, let close = rest.dropFirst().firstIndex(of: 0x25), close > index + 1,
               units[(index + 1)..<close].allSatisfy({ isLetter($0) || $0 == 0x5F || (0x30...0x39).contains($0) }),
               close + 1 < units.count, units[close + 1] == 0x5C {
                return close + 1
            }
            return nil
        }
        var paths: [Range<Int>] = []
        var index = 0
        while index < units.count {
            guard startsWord(index), prefixEnd(index) != nil else { index += 1; continue }
            var end = index
            while end < units.count {
                while end < units.count, !isSpace(units[end]) { end += 1 }
                // `Program Files\App`: the next word holds a separator after a name.
                guard end + 1 < units.count, units[end] == 0x20 else { break }
                var wordEnd = end + 1
                while wordEnd < units.count, !isSpace(units[wordEnd]) { wordEnd += 1 }
                guard let separator = units[(end + 1)..<wordEnd].firstIndex(of: 0x5C), separator > end + 1 else { break }
                end = wordEnd
            }
            paths.append(index..<end)
            index = end
        }
        return paths
    }
}
