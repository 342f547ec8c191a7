import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// `BilingualFileLoader.load(path:)` has the XML readers locate each target while they map it, and
/// takes the targets of JSON Lines as located line by line;
/// every other caller maps first and locates afterwards (`BilingualFile.locatingTargets`). Both
/// must give every target the same verbatim runs and the same positions, on files with what moves
/// a position: entities, CDATA, inline codes, carriage returns, a byte-order mark, multibyte text,
/// segments longer than the anchor stride, and targets that are empty, missing or not UTF-8.
@Suite struct TargetLocatingTests {
    /// The units of `contents` read both ways; records a difference in any target's runs or positions.
    @discardableResult
    func expectSameLocation(_ contents: Data, named name: String) throws -> [BilingualUnit] {
        let path = Fixtures.write(contents, named: name)
        let located = try BilingualFileLoader.load(path: path)
        let mappedThenLocated = try BilingualFileLoader.load(data: contents, path: path, mappingTargets: true)
            .locatingTargets(in: [UInt8](contents))
        #expect(located.units == mappedThenLocated.units, "\(name)")
        #expect(located.units.map(\.reference) == mappedThenLocated.units.map(\.reference), "\(name)")
        for (one, other) in zip(located.units, mappedThenLocated.units) {
            #expect(one.target?.positions == other.target?.positions, "\(name) unit \(one.id ?? "-")")
            #expect(one.target?.verbatimRuns.map(Self.describe) == other.target?.verbatimRuns.map(Self.describe),
                    "\(name) unit \(one.id ?? "-")")
        }
        return located.units
    }

    static func describe(_ runs: [VerbatimRun]) -> [String] {
        runs.map { "\($0.text):\($0.byteOffset):\($0.escaping)" }
    }

    /// Pieces of target text, each moving positions in its own way.
    static let pieces = [
        "Kiev", " ", "&amp;", "Grüße", "😀", "<g id=\"1\">fett</g>", "<x id=\"2\"/>", "<ph id=\"3\">{0}</ph>",
        "<![CDATA[a < b]]>", "<!-- note -->", "\r\n", "\n", "&#x1F600;", "&lt;b&gt;", "\u{301}",
    ]

    /// A deterministic choice of pieces for unit `index` (a linear congruential sequence).
    static func text(_ index: Int, long: Bool) -> String {
        var state = UInt64(index) &* 6364136223846793005 &+ 1442695040888963407
        var text = ""
        for _ in 0..<(long ? 400 : 1 + index % 9) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        return text
    }

    func xliff(units: Int, lineEnding: String, byteOrderMark: Bool) -> Data {
        var xml = (byteOrderMark ? "\u{FEFF}" : "") + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + lineEnding
        xml += "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file source-language=\"de\""
            + " target-language=\"en\" datatype=\"plaintext\" original=\"a\"><body>" + lineEnding
        for index in 0..<units {
            let unit = "<trans-unit id=\"u\(index)\"><source>Quelle \(index)</source>"
            switch index % 7 {
            case 0: xml += unit + "</trans-unit>"
            case 1: xml += unit + "<target/></trans-unit>"
            case 2: xml += "<trans-unit id=\"n\(index)\" translate=\"no\"><source>x</source><target>y</target></trans-unit>"
            default: xml += unit + lineEnding + "  <target>" + Self.text(index, long: index % 50 == 3) + "</target></trans-unit>"
            }
            xml += lineEnding
        }
        return Data((xml + "</body></file></xliff>" + lineEnding).utf8)
    }

    @Test func generatedXLIFF() throws {
        for (lineEnding, byteOrderMark) in [("\n", false), ("\r\n", false), ("\n", true), ("\r", false)] {
            let units = try expectSameLocation(xliff(units: 300, lineEnding: lineEnding, byteOrderMark: byteOrderMark),
                                               named: "generated.xlf")
            // Not vacuous: most targets are located, over many lines.
            #expect(units.filter { $0.target?.positions.isEmpty == false }.count > 100)
            #expect(Set(units.compactMap { $0.target?.positions.last?.line }).count > 100)
        }
    }

    @Test func xliff2AndTMX() throws {
        var xliff2 = "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"de\" trgLang=\"en\"><file id=\"f\">\n"
        var tmx = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"de\" datatype=\"plaintext\""
            + " segtype=\"sentence\" adminlang=\"en\" creationtool=\"x\" creationtoolversion=\"1\" o-tmf=\"x\"/><body>\n"
        for index in 0..<120 {
            let text = Self.text(index, long: index == 7).replacingOccurrences(of: "<g id=\"1\">fett</g>", with: "")
                .replacingOccurrences(of: "<x id=\"2\"/>", with: "").replacingOccurrences(of: "<ph id=\"3\">{0}</ph>", with: "")
            xliff2 += "<unit id=\"u\(index)\"><segment><source>Quelle</source>\n<target>\(text)</target></segment>"
                + "<segment id=\"s\"><source>Zwei</source><target>Two \(text)</target></segment></unit>\n"
            tmx += "<tu tuid=\"\(index)\"><tuv xml:lang=\"de\"><seg>Quelle</seg></tuv><tuv xml:lang=\"en\"><seg>\(text)</seg></tuv></tu>\n"
        }
        for units in [try expectSameLocation(Data((xliff2 + "</file></xliff>\n").utf8), named: "generated.xliff"),
                      try expectSameLocation(Data((tmx + "</body></tmx>\n").utf8), named: "generated.tmx")] {
            #expect(units.filter { $0.target?.positions.isEmpty == false }.count > 100)
        }
    }

    /// JSON Lines targets are located as each line is read: the loader must not need a second pass.
    @Test func generatedJSONLines() throws {
        var lines = ""
        for index in 0..<200 {
            let text = Self.text(index, long: index == 11)
            let target = index % 13 == 0 ? "" : ", \"target\": " + Self.jsonString(text)
            lines += "{\"id\": \(index), \"source\": \"Quelle\"\(target)}" + "\n"
        }
        // Both ways must agree on every target. (Before `dd5fcb1` only the records with a one-digit
        // `id` were located: the locator skipped one byte of a number.)
        let units = try expectSameLocation(Data(("\u{FEFF}" + lines).utf8), named: "generated.jsonl")
        #expect(units.contains { $0.target?.positions.isEmpty == false })
    }

    /// `text` as a JSON string, escaping only what must be (JSONEncoder would also escape `/`).
    static func jsonString(_ text: String) -> String {
        var json = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": json += "\\\\"
            case "\"": json += "\\\""
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            default: json.unicodeScalars.append(scalar)
            }
        }
        return json + "\""
    }

    @Test func notUTF8IsLocatedNeitherWay() throws {
        let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
            + "<file source-language=\"de\" target-language=\"en\" datatype=\"plaintext\" original=\"a\"><body>\n"
            + "<trans-unit id=\"1\"><source>Grüße</source><target>Grüße aus Kiev</target></trans-unit></body></file></xliff>\n"
        let units = try expectSameLocation(latin1.data(using: .isoLatin1)!, named: "latin1.xlf")
        #expect(units.count == 1 && units[0].target?.positions == [])
    }

    @Test func seedArticles() throws {
        for name in ["seed-article.de-en.xlf", "seed-article.de-en.xliff", "seed-article.de-en.tmx", "seed-article.de-en.jsonl"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Tests/LectorKitTests/Fixtures/Bilingual/" + name)))
            let units = try expectSameLocation(data, named: name)
            #expect(units.contains { $0.target?.positions.isEmpty == false }, "\(name)")
        }
    }
}
