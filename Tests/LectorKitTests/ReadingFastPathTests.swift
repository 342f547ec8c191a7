import Foundation
import LectorGlossary
import LectorTestSupport
@testable import LectorFormats
@testable import LectorKit
@testable import LectorRules
@testable import LectorText
import Testing

/// The shortcuts of reading a bilingual file and building its documents (capacities counted
/// ahead, byte pre-scans, an array kept instead of copied) give what the plain way gave.
@Suite struct ReadingFastPathTests {
    /// Lines of the seed article (German and English) and strings at the pre-scans' edges.
    static func texts() throws -> [String] {
        var texts = Fixtures.seedLines
        texts += ["", "a\nb", "a\rb", "a\r\nb", "a\u{2028}b", "a\u{2029}b", "€ 5", "– dash", "é", "\n", "x\u{85}y",
                  "Straße\u{2028}", NSString(string: "bridged\nline") as String, NSString(string: "bridged €") as String]
        return texts
    }

    @Test func lineBreakPrecheckIsTheByteScan() throws {
        for text in try Self.texts() {
            let reference = text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0xE2 })
            #expect(SourceDocument.mayHoldLineBreak(text) == reference, "\(text.debugDescription)")
        }
    }

    /// An assembled document is its segments one a line, their own line breaks made spaces.
    @Test func assembledDocumentIsTheSegmentsJoined() throws {
        let texts = try Self.texts()
        let segments: [SegmentText?] = texts.enumerated().map { index, text in
            index % 7 == 3 ? nil : SegmentText(text: text, line: index + 1)
        }
        let document = SourceDocument.assembled(path: "x.xlf", segments: segments)
        let reference = segments.map { segment in
            String(String.UnicodeScalarView((segment?.text ?? "").unicodeScalars.map {
                $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" ? " " : $0
            }))
        }.joined(separator: "\n")
        #expect(document.text == reference)
        #expect(document.lineCount == segments.count)
    }

    /// The units' array is made as large as the document's unit tags say, and they say it exactly
    /// in a plain XLIFF 1.2 or 2 file.
    @Test func xliffUnitCountIsTheUnitTags() throws {
        for name in ["seed-article.de-en.xlf", "seed-article.de-en.xliff"] {
            let path = Fixtures.path("Tests/LectorKitTests/Fixtures/Bilingual/" + name)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let file = try XLIFFReader.read(data: data, name: path)
            #expect(file.units.count > 3)
            #expect(XLIFFBuilder.likelyUnitCount(in: data) == file.units.count, "\(name)")
        }
        // A unit tag split over no bytes, at the very end, or under a prefix.
        let bytes = Array("<trans-unit<trans-unit".utf8)
        #expect(bytes.withUnsafeBytes { UnitCapacity.occurrences(of: "<trans-unit", in: $0) } == 2)
        #expect(Array("<x:trans-unit".utf8).withUnsafeBytes { UnitCapacity.occurrences(of: "<trans-unit", in: $0) } == 0)
        #expect([UInt8]().withUnsafeBytes { UnitCapacity.occurrences(of: "<segment", in: $0) } == 0)
    }

    /// A PO file whose targets are located as they are read gives the units, runs and positions of
    /// the plain read followed by `locatingTargets`: escapes, continued strings, plural forms,
    /// CRLF and CR line ends, a BOM, untranslated and obsolete entries.
    @Test func poTargetsLocatedAsReadAreTheSecondPasss() throws {
        let seed = try String(contentsOfFile: Fixtures.path("Tests/LectorKitTests/Fixtures/Bilingual/seed-article.en.po"), encoding: .utf8)
        let made = """
        msgid ""
        msgstr ""
        "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);\\n"

        #. A note
        msgctxt "menu"
        msgid "Open \\"%s\\"\\tnow"
        msgstr "Öffnen \\"%s\\"\\tjetzt – "
        "weiter\\n"
        "und fertig"

        msgid "One file"
        msgid_plural "%d files"
        msgstr[0] "Ein Datei"
        msgstr[1] "%d Dateien"
        msgstr[2] "%d Dateien ✓"

        msgid "Untranslated"
        msgstr ""

        #~ msgid "Old"
        #~ msgstr "Alt"
        msgid "Kyiv 😀"
          msgstr "Київ 😀"
        """
        for text in [seed, made, made.replacingOccurrences(of: "\n", with: "\r\n"), made.replacingOccurrences(of: "\n", with: "\r"),
                     "\u{FEFF}" + made] {
            let data = Data(text.utf8)
            let plain = try POReader.read(data: data, name: "x.po", mappingTargets: true).locatingTargets(in: [UInt8](data))
            let located = try POReader.read(data: data, name: "x.po", mappingTargets: true, locatingTargets: true)
            #expect(located.units == plain.units)
            let locatedPositions: [[SegmentPosition]] = located.units.map { $0.target?.positions ?? [] }
            let plainPositions: [[SegmentPosition]] = plain.units.map { $0.target?.positions ?? [] }
            #expect(locatedPositions == plainPositions)
            let locatedRuns: [String] = located.units.map { "\($0.target?.verbatimRuns ?? [])" }
            let plainRuns: [String] = plain.units.map { "\($0.target?.verbatimRuns ?? [])" }
            #expect(locatedRuns == plainRuns)
            #expect(located.units.contains { $0.target?.positions.isEmpty == false })
            let count = data.withUnsafeBytes { POReader.translationCount(in: $0.bindMemory(to: UInt8.self)) }
            // Every `msgstr` but the header's and the untranslated one's is a unit; the CR-only file
            // has no line feed to count by.
            if !text.contains("\r") || text.contains("\r\n") { #expect(count >= located.units.count, "\(count)") }
        }
        let seedUnits = try POReader.read(data: Data(seed.utf8), name: "x.po").units.count
        #expect(Data(seed.utf8).withUnsafeBytes { POReader.translationCount(in: $0.bindMemory(to: UInt8.self)) } == seedUnits + 1)
    }

    /// Glossary matches outside links and code are the plain filter's, whether none, some or all
    /// of them are inside one.
    @Test func matchesOutsideLinksAndCodeAreTheFilter() throws {
        let checker = Fixtures.englishChecker
        let inside = [
            "See https://example.org/Kiev and mail kiev@example.org, or /srv/Kiev/file.txt.",
            "The {Kiev} placeholder, %(Kiev)s and <a href=\"/Kiev\">Kiev</a>, then Kiev itself.",
            "Moscow said 40 % Kiev, and % Kiev once more.",
        ]
        let texts = try Self.texts()
        for lines in [texts, inside + texts, texts + inside, inside] {
            let document = SourceDocument(path: "x.txt", text: lines.joined(separator: "\n"))
            let matches = try GlossaryMatcher(index: checker.index).matches(in: document)
            var links = PlainText.LinkFinder()
            var code = EmbeddedCodeFinder(syntaxes: checker.configuration.strings.placeholderSyntaxes)
            let reference = matches.filter {
                !links.overlapsLink($0.range, in: document.utf16) && !code.overlapsCode($0.range, in: document)
            }
            let kept = checker.outsideLinksAndCode(matches, in: document)
            #expect(kept.map(\.range) == reference.map(\.range))
            #expect(kept.map(\.conceptIndex) == reference.map(\.conceptIndex))
            if lines.count == inside.count { #expect(kept.count < matches.count) }
        }
    }

    /// A printf placeholder with the space flag is told by a byte test; Foundation's `contains`
    /// (canonical equivalence) said the same for every printf placeholder.
    @Test func printfSpaceTestIsFoundations() throws {
        let scanner = PlaceholderScanner()
        var printf = 0
        for text in try Self.texts() + ["40 % Sloviansk", "% d of %s", "%-5d and % 5.2f", "%1$s %2$ d", "%#@files@", "%|x|", "%% 1"] {
            for placeholder in scanner.placeholders(in: text) where placeholder.syntax == .printf {
                printf += 1
                #expect(UTF8Bytes.contains(placeholder.text, byte: 0x20) == placeholder.text.contains(" "), "\(placeholder.text)")
            }
        }
        #expect(printf >= 5)
    }
}
