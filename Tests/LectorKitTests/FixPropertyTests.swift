import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// A property of `fix` on random documents of every format: the fixed file is the original with
/// exactly the translatable occurrences of the terms replaced, and nothing else. The generator
/// knows, piece by piece, what the file must become (`Kiev` → `Kyiv` and `Medinski` → `Medinsky` in
/// translatable text; every URL, code span, tag, attribute, comment, escape, source segment and
/// term split by markup or an escape as it was), so the expectation does not come from Lector.
@Suite struct FixPropertyTests {
    static let session: LintSession = try! LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary]))

    /// A document under construction: the file and what `fix` must make of it.
    struct Document {
        var original = ""
        var expected = ""
        /// Terms in translatable text (each must be fixed).
        var fixable = 0

        mutating func same(_ text: String) {
            original += text
            expected += text
        }

        mutating func term(_ random: inout SeededGenerator, escape: (String) -> String = { $0 }) {
            let (old, new) = [("Kiev", "Kyiv"), ("Medinski", "Medinsky")].randomElement(using: &random)!
            original += escape(old)
            expected += escape(new)
            fixable += 1
        }
    }

    /// Words that no glossary rule flags, multibyte ones among them.
    static let words = ["talks", "began", "in", "the", "city", "and", "said", "привіт", "дякую", "日本語", "café",
                        "cafe\u{301}", "🇺🇦", "naïve", "über", "—", "«quoted»", "x"]

    /// Prose of a few words and terms; `escape` writes a piece of text as the format needs.
    static func prose(_ document: inout Document, _ random: inout SeededGenerator, escape: (String) -> String = { $0 }) {
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            if Int.random(in: 0..<3, using: &random) == 0 {
                document.term(&random, escape: escape)
            } else {
                document.same(escape(words.randomElement(using: &random)!))
            }
            document.same(" ")
        }
    }

    func check(_ format: String, seeds: Range<UInt64>, make: (inout Document, inout SeededGenerator) -> Void) throws {
        var totalFixed = 0
        for seed in seeds {
            var random = SeededGenerator(seed: seed)
            var document = Document()
            make(&document, &random)
            let path = Fixtures.write(document.original, named: "random-\(seed).\(format)")
            let plan = try Self.session.planFixes(path: path)
            let fixed = String(decoding: plan.fixedFileContents, as: UTF8.self)
            #expect(fixed == document.expected, "seed \(seed) (\(format)):\n\(document.original)")
            #expect(plan.replacements.count == document.fixable, "seed \(seed) (\(format))")
            totalFixed += plan.replacements.count
        }
        #expect(totalFixed > 0)
    }

    /// `check` for a resource format whose translation is paired with a source file beside it: the
    /// files of `fixed` are written as given into one folder, the random document at `path`.
    func check(_ path: String, beside fixed: [String: String], seeds: Range<UInt64>,
               make: (inout Document, inout SeededGenerator) -> Void) throws {
        var totalFixed = 0
        for seed in seeds {
            var random = SeededGenerator(seed: seed)
            var document = Document()
            make(&document, &random)
            let folder = Fixtures.temporaryDirectory()
            for (name, contents) in fixed.merging([path: document.original], uniquingKeysWith: { $1 }) {
                let url = folder.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
            }
            let plan = try Self.session.planFixes(path: folder.appendingPathComponent(path).path)
            let fixed = String(decoding: plan.fixedFileContents, as: UTF8.self)
            #expect(fixed == document.expected, "seed \(seed) (\(path)):\n\(document.original)")
            #expect(plan.replacements.count == document.fixable, "seed \(seed) (\(path))")
            totalFixed += plan.replacements.count
        }
        #expect(totalFixed > 0)
    }

    /// Keys `Kiev 0` … `Kiev 5` with a value each, as `entry` writes one.
    static func sourceEntries(_ entry: (String, String) -> String) -> String {
        (0..<6).map { entry("Kiev \($0)", "Kiev said Medinski") }.joined(separator: "\n")
    }

    // MARK: - Formats

    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// What may stand in an XLIFF or TMX target besides prose: markup around a term, code, entities.
    static func xmlTarget(_ document: inout Document, _ random: inout SeededGenerator, paired: String, code: String) {
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            switch Int.random(in: 0..<7, using: &random) {
            case 0: document.same("<\(paired) id=\"\(Int.random(in: 1...9, using: &random))\">")
                prose(&document, &random)
                document.same("</\(paired)> ")
            case 1: document.same("<\(code) id=\"9\">&lt;a href=\"https://example.org/Kiev\"&gt;</\(code)> ")
            case 2: document.same("Ki&#101;v &amp; Medi&lt;nski ")
            case 3: document.same("<![CDATA[")
                prose(&document, &random)
                document.same("]]> ")
            case 4: document.same("Ki<\(paired) id=\"2\">ev</\(paired)> ")
            default: prose(&document, &random, escape: xmlEscaped)
            }
        }
    }

    @Test func xliff12() throws {
        try check("xlf", seeds: 0..<40) { document, random in
            document.same("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file source-language="de" target-language="en" datatype="plaintext" original="a"><body>

            """)
            for unit in 0..<Int.random(in: 1...6, using: &random) {
                document.same("<trans-unit id=\"u\(unit)\">\n<source>Kiev Medinski <g id=\"1\">Kiev</g> &amp; https://example.org/Kiev</source>\n<target>")
                Self.xmlTarget(&document, &random, paired: "g", code: "ph")
                document.same("</target>\n<note>Kiev</note></trans-unit>\n")
            }
            document.same("</body></file></xliff>\n")
        }
    }

    @Test func xliff2() throws {
        try check("xliff", seeds: 0..<30) { document, random in
            document.same("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"de\" trgLang=\"en\">\n<file id=\"f\">\n")
            for unit in 0..<Int.random(in: 1...5, using: &random) {
                document.same("<unit id=\"u\(unit)\"><notes><note>Kiev</note></notes><segment>\n<source>Kiev <pc id=\"1\">Medinski</pc></source>\n<target>")
                Self.xmlTarget(&document, &random, paired: "pc", code: "ph")
                document.same("</target></segment></unit>\n")
            }
            document.same("</file></xliff>\n")
        }
    }

    @Test func tmx() throws {
        try check("tmx", seeds: 0..<30) { document, random in
            document.same("<tmx version=\"1.4\"><header srclang=\"de\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" creationtool=\"t\" creationtoolversion=\"1\" o-tmf=\"t\"/>\n<body>\n")
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                document.same("<tu><note>Kiev</note><tuv xml:lang=\"de\"><seg>Kiev und <hi>Medinski</hi></seg></tuv>\n<tuv xml:lang=\"en\"><seg>")
                Self.xmlTarget(&document, &random, paired: "hi", code: "ph")
                document.same("</seg></tuv></tu>\n")
            }
            document.same("</body></tmx>\n")
        }
    }

    static func cEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    @Test func po() throws {
        try check("po", seeds: 0..<40) { document, random in
            document.same("msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\n")
            for entry in 0..<Int.random(in: 1...6, using: &random) {
                document.same("#. Kiev\nmsgctxt \"Kiev \(entry)\"\nmsgid \"Kiev %s \\\"Medinski\\\"\"\nmsgstr ")
                for line in 0..<Int.random(in: 1...3, using: &random) {
                    document.same(line == 0 ? "\"" : "\n\"")
                    Self.prose(&document, &random, escape: Self.cEscaped)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: document.same("\\\"q\\\" \\\\ ")
                    case 1: document.same("Ki\\tev \\n")
                    default: break
                    }
                    document.same("\"")
                }
                document.same("\n\n")
            }
        }
    }

    static func jsonEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    @Test func jsonLines() throws {
        try check("jsonl", seeds: 0..<40) { document, random in
            for line in 0..<Int.random(in: 1...6, using: &random) {
                document.same("{\"id\": \(line), \"source\": \"Kiev \\\"Medinski\\\"\", \"target\": \"")
                Self.prose(&document, &random, escape: Self.jsonEscaped)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: document.same("Ki\\u0065v \\u00e9 \\\"q\\\" ")
                case 1: document.same("\\\\ \\n https://example.org/ ")
                default: break
                }
                document.same("\", \"meta\": {\"note\": \"Kiev\", \"list\": [\"Medinski\", 1]}}\n")
            }
        }
    }

    @Test func html() throws {
        try check("html", seeds: 0..<40) { document, random in
            document.same("<!DOCTYPE html>\n<html><head><title>")
            Self.prose(&document, &random, escape: Self.xmlEscaped)
            document.same("</title><style>.Kiev { content: \"Medinski\" }</style></head>\n<body>\n")
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                switch Int.random(in: 0..<9, using: &random) {
                case 0: document.same("<a href=\"https://example.org/Kiev\" title=\"")
                    Self.prose(&document, &random)
                    document.same("\" data-term=\"Kiev\">")
                    Self.prose(&document, &random)
                    document.same("</a>\n")
                case 1: document.same("<code>grep Kiev</code> <pre>Medinski\n<b>Kiev</b></pre>\n")
                case 2: document.same("<script>var Kiev = '</p>';</script><!-- Kiev -->\n")
                case 3: document.same("<img src=\"Kiev.png\" alt='")
                    Self.prose(&document, &random)
                    document.same("'>\n")
                case 4: document.same("Ki&#101;v &amp; Ki<b>ev</b> <kbd>Kiev</kbd> <span translate=\"no\">Medinski</span>\n")
                default: document.same("<p>")
                    Self.prose(&document, &random, escape: Self.xmlEscaped)
                    document.same("</p>\n")
                }
            }
            document.same("</body></html>\n")
        }
    }

    @Test func markdown() throws {
        try check("md", seeds: 0..<40) { document, random in
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0: document.same("```sh\ngrep Kiev Medinski\n```\n\n")
                case 1: document.same("    indented Kiev code\n\n")
                case 2: document.same("[kiev]: https://example.org/Kiev \"Kiev\"\n\n")
                case 3: document.same("<!-- Kiev -->\n\n")
                case 4: document.same("# ")
                    Self.prose(&document, &random)
                    document.same("\n\n")
                default:
                    for _ in 0..<Int.random(in: 1...4, using: &random) {
                        switch Int.random(in: 0..<8, using: &random) {
                        case 0: document.same("`grep Kiev` ")
                        case 1: document.same("[")
                            Self.prose(&document, &random)
                            document.same("](https://example.org/Kiev \"Medinski\") ")
                        case 2: document.same("<https://example.org/Kiev> https://example.org/Medinski. ")
                        case 3: document.same("<span title=\"Kiev\">x</span> \\*Ki\\ev\\* K&#105;ev ")
                        case 4: document.same("![")
                            Self.prose(&document, &random)
                            document.same("](img/Kiev.png) ")
                        default: Self.prose(&document, &random)
                        }
                    }
                    document.same("\n\n")
                }
            }
        }
    }

    // MARK: - Mobile resource formats

    static func stringsEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    @Test func appleStrings() throws {
        let source = Self.sourceEntries { "\"\($0)\" = \"\($1)\";" }
        try check("en.lproj/Localizable.strings", beside: ["Base.lproj/Localizable.strings": source], seeds: 0..<40) { document, random in
            document.same("/* Kiev and Medinski */\n// Kiev\n")
            for entry in 0..<Int.random(in: 1...6, using: &random) {
                document.same(entry % 2 == 0 ? "\"Kiev \(entry)\" = \"" : "/* Kiev */ \"Kiev \(entry)\"\t=\n  \"")
                Self.prose(&document, &random, escape: Self.stringsEscaped)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: document.same("\\\"Ki\\U0065v\\\" \\\\ ")
                case 1: document.same("Ki\\tev \\n Medi\\nski ")
                default: break
                }
                document.same("\";\n")
            }
        }
    }

    @Test func stringsDict() throws {
        func plist(_ body: String) -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n<dict>\n" + body + "</dict>\n</plist>\n"
        }
        let source = plist((0..<6).map { "<key>Kiev \($0)</key>\n<dict>\n<key>NSStringLocalizedFormatKey</key>\n<string>%#@n@ Kiev</string>\n<key>n</key>\n<dict>\n<key>NSStringFormatSpecTypeKey</key>\n<string>NSStringPluralRuleType</string>\n<key>NSStringFormatValueTypeKey</key>\n<string>d</string>\n<key>one</key>\n<string>one Kiev</string>\n<key>other</key>\n<string>%d Kiev</string>\n</dict>\n</dict>\n" }.joined())
        try check("en.lproj/Localizable.stringsdict", beside: ["Base.lproj/Localizable.stringsdict": source], seeds: 0..<30) { document, random in
            document.same("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n<!-- Kiev -->\n")
            for entry in 0..<Int.random(in: 1...6, using: &random) {
                document.same("<key>Kiev \(entry)</key>\n<dict>\n<key>NSStringLocalizedFormatKey</key>\n<string>%#@n@ ")
                Self.prose(&document, &random, escape: Self.xmlEscaped)
                document.same("</string>\n<key>n</key>\n<dict>\n<key>NSStringFormatSpecTypeKey</key>\n<string>NSStringPluralRuleType</string>\n<key>NSStringFormatValueTypeKey</key>\n<string>d</string>\n")
                for category in ["one", "other"] {
                    document.same("<key>\(category)</key>\n<string>")
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: document.same("Ki&#101;v &amp; Medi&lt;nski ")
                    case 1: document.same("<![CDATA[")
                        Self.prose(&document, &random)
                        document.same("]]> ")
                    default: Self.prose(&document, &random, escape: Self.xmlEscaped)
                    }
                    document.same("%d</string>\n")
                }
                document.same("</dict>\n</dict>\n")
            }
            document.same("</dict>\n</plist>\n")
        }
    }

    static func androidEscaped(_ text: String) -> String {
        xmlEscaped(text).replacingOccurrences(of: "'", with: "\\'").replacingOccurrences(of: "\"", with: "\\\"")
    }

    @Test func androidStrings() throws {
        let source = "<resources>\n" + Self.sourceEntries { "<string name=\"\($0.replacingOccurrences(of: " ", with: "_"))\">\($1)</string>" }
            + "\n<string name=\"fixed\" translatable=\"false\">Kiev</string>\n<plurals name=\"count\"><item quantity=\"one\">Kiev</item><item quantity=\"other\">%d Kiev</item></plurals>\n</resources>\n"
        try check("res/values-en/strings.xml", beside: ["res/values/strings.xml": source], seeds: 0..<40) { document, random in
            document.same("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- Kiev -->\n<resources xmlns:xliff=\"urn:oasis:names:tc:xliff:document:1.2\">\n")
            document.same("<string name=\"fixed\" translatable=\"false\">Kiev</string>\n")
            for entry in 0..<Int.random(in: 1...6, using: &random) {
                document.same("<string name=\"Kiev_\(entry)\">")
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    switch Int.random(in: 0..<7, using: &random) {
                    case 0: document.same("\\\"Ki\\u0065v\\\" \\@home Ki\\nev ")
                    case 1: document.same("<xliff:g id=\"city\">Kiev</xliff:g> ")
                    case 2: document.same("<b>")
                        Self.prose(&document, &random, escape: Self.androidEscaped)
                        document.same("</b> ")
                    case 3: document.same("\"")
                        Self.prose(&document, &random, escape: Self.xmlEscaped)
                        document.same("  \" ")
                    case 4: document.same("\n    ")
                        document.term(&random)
                        document.same("  \n ")
                        document.term(&random)
                        document.same(" ")
                    default: Self.prose(&document, &random, escape: Self.androidEscaped)
                    }
                }
                document.same("</string>\n")
            }
            document.same("<plurals name=\"count\">\n<item quantity=\"one\">")
            Self.prose(&document, &random, escape: Self.androidEscaped)
            document.same("</item>\n<item quantity=\"other\">%d ")
            Self.prose(&document, &random, escape: Self.androidEscaped)
            document.same("</item>\n</plurals>\n</resources>\n")
        }
    }

    @Test func stringCatalog() throws {
        try check("xcstrings", seeds: 0..<40) { document, random in
            document.same("{\n  \"sourceLanguage\" : \"de\",\n  \"strings\" : {\n")
            let count = Int.random(in: 1...5, using: &random)
            for entry in 0..<count {
                document.same("    \"Kiev \(entry)\" : {\n      \"comment\" : \"Kiev Medinski\",\n      \"localizations\" : {\n")
                document.same("        \"de\" : { \"stringUnit\" : { \"state\" : \"translated\", \"value\" : \"Kiev und Medinski\" } },\n")
                document.same("        \"en\" : { \"stringUnit\" : { \"state\" : \"translated\", \"value\" : \"")
                Self.prose(&document, &random, escape: Self.jsonEscaped)
                if Int.random(in: 0..<3, using: &random) == 0 { document.same("Ki\\u0065v \\\"q\\\" ") }
                document.same("\" } },\n        \"en-GB\" : { \"variations\" : { \"plural\" : {\n")
                document.same("          \"one\" : { \"stringUnit\" : { \"state\" : \"translated\", \"value\" : \"")
                Self.prose(&document, &random, escape: Self.jsonEscaped)
                document.same("\" } },\n          \"other\" : { \"stringUnit\" : { \"state\" : \"new\", \"value\" : \"Kiev\" } }\n")
                document.same("        } } }\n      }\n    },\n")
            }
            document.same("    \"Kiev\" : { \"shouldTranslate\" : false, \"localizations\" : { \"en\" : { \"stringUnit\" : { \"state\" : \"translated\", \"value\" : \"Kiev\" } } } }\n")
            document.same("  },\n  \"version\" : \"1.0\"\n}\n")
        }
    }

    @Test func arb() throws {
        let source = "{\n  \"@@locale\": \"de\",\n" + Self.sourceEntries { "  \"\($0.replacingOccurrences(of: " ", with: "_"))\": \"\($1)\"," } + "\n  \"@Kiev_0\": {\"description\": \"Kiev\"}\n}\n"
        try check("app_de.arb", beside: ["app_en.arb": source], seeds: 0..<30) { document, random in
            document.same("{\n  \"@@locale\": \"en\",\n")
            for entry in 0..<Int.random(in: 1...6, using: &random) {
                document.same("  \"Kiev_\(entry)\": \"")
                Self.prose(&document, &random, escape: Self.jsonEscaped)
                if Int.random(in: 0..<3, using: &random) == 0 { document.same("{count, plural, one{Ki\\u0065v} other{\\\"q\\\"}} ") }
                document.same("\",\n  \"@Kiev_\(entry)\": {\"description\": \"Kiev Medinski\"},\n")
            }
            document.same("  \"@@x-note\": \"Kiev\"\n}\n")
        }
    }

    @Test func i18next() throws {
        let source = "{\"menu\": {" + Self.sourceEntries { "\"\($0)\": \"\($1)\"," } + "\"list\": [\"Kiev\", \"Kiev\"]}}\n"
        try check("locales/en-GB/translation.json", beside: ["locales/en/translation.json": source], seeds: 0..<30) { document, random in
            document.same("{\n  \"menu\": {\n")
            for entry in 0..<Int.random(in: 1...6, using: &random) {
                document.same("    \"Kiev \(entry)\": \"")
                Self.prose(&document, &random, escape: Self.jsonEscaped)
                if Int.random(in: 0..<3, using: &random) == 0 { document.same("{{name}} Ki\\u0065v ") }
                document.same("\",\n")
            }
            document.same("    \"list\": [\"")
            Self.prose(&document, &random, escape: Self.jsonEscaped)
            document.same("\", \"")
            Self.prose(&document, &random, escape: Self.jsonEscaped)
            document.same("\"]\n  }\n}\n")
        }
    }
}
