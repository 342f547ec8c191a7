import Foundation
import LectorKit
import LectorTestSupport
import Testing

@Suite struct TBXReaderTests {
    static let tbx2 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
    <martif type="TBX-Basic" xml:lang="en">
      <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
      <text><body>
        <termEntry id="kyiv">
          <descrip type="definition">Capital of Ukraine.</descrip>
          <langSet xml:lang="en">
            <tig>
              <term>Kyiv</term>
              <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            </tig>
            <tig>
              <term>Kiev</term>
              <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
              <note>Russian-derived.</note>
            </tig>
          </langSet>
          <langSet xml:lang="de">
            <ntig>
              <termGrp>
                <term>Kiew</term>
                <termNote type="normativeAuthorization">preferredTerm</termNote>
              </termGrp>
            </ntig>
            <tig><term>Kyjiw</term></tig>
          </langSet>
        </termEntry>
        <termEntry id="nato">
          <langSet xml:lang="en">
            <tig><term>NATO</term><termNote type="termType">acronym</termNote>
              <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
            <tig><term>Nato</term><termNote type="termType">acronym</termNote>
              <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
          </langSet>
        </termEntry>
      </body></text>
    </martif>
    """

    @Test func readsTBX2() throws {
        let glossary = try TBXGlossaryReader.read(data: Data(Self.tbx2.utf8), name: "v2.tbx")
        #expect(glossary.concepts.map(\.id) == ["kyiv", "nato"])
        let kyiv = glossary.concepts[0]
        #expect(kyiv.definition == "Capital of Ukraine.")
        #expect(kyiv.terms.map(\.text) == ["Kyiv", "Kiev", "Kiew", "Kyjiw"])
        #expect(kyiv.terms.map(\.status) == [.preferred, .deprecated, .preferred, .admitted])
        #expect(kyiv.terms[1].note == "Russian-derived.")
        #expect(kyiv.terms[2].language == "de")
        #expect(kyiv.terms[0].position?.line == 9)
        let nato = glossary.concepts[1]
        #expect(nato.terms.allSatisfy { $0.isCaseSensitive })
        #expect(nato.terms[1].status == .superseded)
    }

    @Test func readsTBX3InBothStyles() throws {
        let dca = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
            <conceptEntry id="c1">
              <langSec xml:lang="en"><termSec><term>Medinsky</term>
                <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
              <langSec xml:lang="ru"><termSec><term>Мединский</term></termSec></langSec>
            </conceptEntry>
          </body></text>
        </tbx>
        """
        let dct = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
             xmlns:basic="http://www.tbxinfo.net/ns/basic">
          <tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
            <conceptEntry id="c1">
              <langSec xml:lang="en"><termSec><term>Medinsky</term>
                <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
                <termSec><term>Medinskij</term>
                <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec></langSec>
            </conceptEntry>
          </body></text>
        </tbx>
        """
        let first = try TBXGlossaryReader.read(data: Data(dca.utf8), name: "dca.tbx")
        #expect(first.concepts[0].terms.map(\.status) == [.preferred, .admitted])
        #expect(first.concepts[0].terms[1].language == "ru")
        let second = try TBXGlossaryReader.read(data: Data(dct.utf8), name: "dct.tbx")
        #expect(second.concepts[0].terms.map(\.status) == [.preferred, .deprecated])
    }

    @Test func shippedGlossaryIsLargeAndComplete() {
        let glossary = Fixtures.houseGlossary
        #expect(glossary.concepts.count >= 40)
        #expect(Set(glossary.concepts.map(\.id)).count == glossary.concepts.count)
        for name in ["Kyiv", "Medinsky", "Peskov", "Zelenskyy", "Kuleba", "Lavrov", "Erdogan", "Denysenko", "Putin",
                     "Istanbul", "Ankara", "Antalya", "NATO", "Kremlin", "Crimea", "Kharkiv", "Odesa", "Lviv",
                     "Mykolaiv", "Zaporizhzhia", "Luhansk", "Donetsk", "Donbas", "Chernihiv", "Dnipro", "Mariupol",
                     "chicken Kiev", "Kievan Rus'"] {
            #expect(glossary.concepts.contains { $0.preferredTerm(in: "en")?.text == name }, "\(name)")
        }
    }

    static func expectError(_ xml: String, line: Int, containing text: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try TBXGlossaryReader.read(data: Data(xml.utf8), name: "bad.tbx")
            Issue.record("malformed TBX was accepted", sourceLocation: sourceLocation)
        } catch {
            #expect(error.file == "bad.tbx", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(text), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func truncatedFileIsAnError() {
        let cut = String(Self.tbx2[..<Self.tbx2.range(of: "<term>NATO")!.lowerBound])  // inside the second entry
        Self.expectError(cut, line: 31, containing: "ends too early")
    }

    @Test func mismatchedTagIsAnError() {
        let broken = Self.tbx2.replacingOccurrences(of: "</tig>\n      </langSet>\n      <langSet xml:lang=\"de\">",
                                                    with: "</tig>\n      </langSe>\n      <langSet xml:lang=\"de\">")
        #expect(broken != Self.tbx2)
        Self.expectError(broken, line: 18, containing: "closing tag")
    }

    @Test func unknownStatusIsAnError() {
        let broken = Self.tbx2.replacingOccurrences(of: "deprecatedTerm-admn-sts", with: "sometimesTerm")
        Self.expectError(broken, line: 15, containing: "unknown term status “sometimesTerm”")
    }

    @Test func unknownLanguageIsAnError() {
        let broken = Self.tbx2.replacingOccurrences(of: "<langSet xml:lang=\"de\">", with: "<langSet xml:lang=\"xx-bogus\">")
        #expect(broken != Self.tbx2)
        Self.expectError(broken, line: 19, containing: "unknown language tag “xx-bogus”")
    }

    @Test func otherXMLIsNotATermbase() {
        Self.expectError("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>", line: 2, containing: "not a TBX file")
    }

    @Test func externalEntitiesAreNotRead() {
        let secret = Fixtures.write("TOP-SECRET-CONTENT", named: "secret.txt")
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE martif [<!ENTITY leak SYSTEM "file://\(secret)">]>
        <martif type="TBX-Basic"><text><body><termEntry id="a"><langSet xml:lang="en">
        <tig><term>x&leak;</term></tig></langSet></termEntry></body></text></martif>
        """
        let glossary = try? TBXGlossaryReader.read(data: Data(xml.utf8), name: "xxe.tbx")
        #expect(!(glossary?.concepts.flatMap(\.terms).contains { $0.text.contains("TOP-SECRET") } ?? false))
    }

    @Test func entityExpansionIsStopped() {
        var entities = "<!ENTITY a0 \"lol\">"
        for level in 1...12 {
            entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE martif [\(entities)]><martif><text><body><termEntry id=\"x\">"
            + "<langSet xml:lang=\"en\"><tig><term>&a12;</term></tig></langSet></termEntry></body></text></martif>"
        #expect(throws: InputError.self) { try TBXGlossaryReader.read(data: Data(xml.utf8), name: "bomb.tbx") }
    }
}

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsAndStatuses() throws {
        let csv = """
        concept,language,term,status,note,case-sensitive
        kyiv,en,Kyiv,preferred,,no
        kyiv,en,Kiev,deprecated,"Russian-derived, replaced in 2019",no
        nato,en,NATO,preferred,"multi
        line note",yes
        nato,en,Nato,deprecated,,yes
        erdogan,en,Erdogan,,,
        """
        let glossary = try CSVGlossaryReader.read(text: csv, name: "g.csv", delimiter: ",")
        #expect(glossary.concepts.map(\.id) == ["kyiv", "nato", "erdogan"])
        #expect(glossary.concepts[0].terms[1].note == "Russian-derived, replaced in 2019")
        #expect(glossary.concepts[1].terms[0].note == "multi\nline note")
        #expect(glossary.concepts[1].terms.allSatisfy { $0.isCaseSensitive })
        #expect(glossary.concepts[1].terms[1].position?.line == 6)
        #expect(glossary.concepts[2].terms[0].status == .admitted)
    }

    @Test func readsTSVFromDisk() throws {
        let path = Fixtures.write("term\tlanguage\tconcept\nKyiv\ten\tkyiv\nKiev\ten\tkyiv\n", named: "g.tsv")
        let glossary = try GlossaryLoader.load(path: path)
        #expect(glossary.concepts.first?.terms.map(\.text) == ["Kyiv", "Kiev"])
    }

    @Test(arguments: [
        ("concept,language,term\nk,en,\"Kyiv\n", 2, "unclosed quoted field"),
        ("concept,language,term\nk,en,Kyiv\nk,en\n", 3, "expected 3 fields, found 2"),
        ("concept,language,term,status\nk,en,Kyiv,maybe\n", 2, "unknown status “maybe”"),
        ("concept,language\nk,en\n", 1, "missing column “term”"),
        ("concept,language,term,colour\nk,en,Kyiv,red\n", 1, "unknown column “colour”"),
        ("concept,language,term\nk,en,\n", 2, "empty term"),
        ("concept,language,term\nk,en,Kyiv\nk,xx-bogus,Kiev\n", 3, "unknown language tag “xx-bogus”"),
    ])
    func malformedTablesNameTheLine(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try CSVGlossaryReader.read(text: text, name: "bad.csv", delimiter: ",")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.file == "bad.csv")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    /// Private-use and undetermined tags name no language on purpose; their terms load and match nothing.
    @Test func privateUseAndUndeterminedLanguagesLoad() throws {
        for tag in ["x-house", "qaa", "und", "x-klingon"] {
            let glossary = try CSVGlossaryReader.read(text: "concept,language,term\nk,en,Kyiv\nk,\(tag),Kiev\n", name: "g.csv", delimiter: ",")
            #expect(glossary.concepts.first?.terms.count == 2, "\(tag)")
        }
    }

    @Test func unknownExtensionIsRefused() {
        #expect(throws: InputError.self) { _ = try GlossaryLoader.load(path: Fixtures.write("x", named: "g.docx")) }
    }
}
