import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// Every `msgstr[n]` of a PO plural entry is checked and fixed, not only `msgstr[0]`: form 0 against
/// `msgid`, the others against `msgid_plural`, as gettext pairs them.
@Suite struct POPluralFormTests {
    static let session: LintSession = try! LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary]))

    static let flights = """
    msgid ""
    msgstr ""
    "Language: en\\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

    msgctxt "status"
    msgid "%d Flug nach Kiew ist gestrichen."
    msgid_plural "%d Flüge nach Kiew sind gestrichen."
    msgstr[0] "%d flight to Kyiv is cancelled."
    msgstr[1] "%d flights to \\"Kiev\\" are\\n"
    "cancelled."

    msgid "Datei %s wurde gelöscht."
    msgid_plural "%d Dateien wurden gelöscht."
    msgstr[0] "File %s was deleted."
    msgstr[1] "Files were deleted."

    """

    @Test func aFurtherFormIsReadAsAUnitOfItsOwnAgainstMsgidPlural() throws {
        let file = try POReader.read(data: Data(Self.flights.utf8), name: "a.po")
        #expect(file.units.map(\.reference) == ["status\u{4}%d Flug nach Kiew ist gestrichen.",
                                                "status\u{4}%d Flug nach Kiew ist gestrichen.[1]",
                                                "Datei %s wurde gelöscht.", "Datei %s wurde gelöscht.[1]"])
        #expect(file.units.map(\.id) == ["status", "status[1]", nil, nil])
        #expect(file.units[1].source.text == "%d Flüge nach Kiew sind gestrichen.")
        #expect(file.units[1].source.line == 8)
        #expect(file.units[1].target?.text == "%d flights to \"Kiev\" are\ncancelled.")
        #expect(file.units[1].details.pluralForm == 1)
        #expect(file.units[1].details.targetPlurals == nil)
        #expect(file.units[0].details.targetPlurals?.count == 2)
    }

    @Test func theGlossaryAndThePlaceholdersCheckEveryForm() throws {
        let checker = try Checker(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en",
                                                     sourceLanguage: "de"))
        let findings = try checker.check(POReader.read(data: Data(Self.flights.utf8), name: "flights.po"))
        let kiev = findings.filter { $0.ruleID == "glossary.forbidden" }
        #expect(kiev.map(\.location.line) == [10])
        #expect(kiev.map(\.unit) == ["status\u{4}%d Flug nach Kiew ist gestrichen.[1]"])
        // msgstr[1] lost the `%d` of msgid_plural; msgstr[0] keeps the `%s` of msgid.
        let placeholders = findings.filter { $0.ruleID == "markup.mismatch" }
        #expect(placeholders.map(\.location.line) == [16])
        #expect(placeholders.map(\.unit) == ["Datei %s wurde gelöscht.[1]"])
        #expect(placeholders.first?.message.contains("%d") == true)
    }

    @Test func aFurtherFormsFindingStandsWhereTheFileHasIt() throws {
        let findings = try Self.session.check(.text(path: Fixtures.write(Self.flights, named: "column.po")))
        let kiev = findings.filter { $0.ruleID == "glossary.forbidden" }
        // `msgstr[1] "%d flights to \"` is 27 characters as written (the escape's backslash counts).
        #expect(kiev.map { "\($0.location.line):\($0.location.column)" } == ["10:28"])
    }

    @Test func fixChangesOnlyTheTranslatedTextOfAFurtherForm() throws {
        let plan = try Self.session.planFixes(path: Fixtures.write(Self.flights, named: "fix.po"))
        let text = String(decoding: plan.fixedFileContents, as: UTF8.self)
        #expect(text == Self.flights.replacingOccurrences(of: #"msgstr[1] "%d flights to \"Kiev\" are\n""#,
                                                           with: #"msgstr[1] "%d flights to \"Kyiv\" are\n""#))
        #expect(text != Self.flights)
    }

    @Test func anOrdinaryRussianThreeFormEntryRaisesNoAlarm() throws {
        let po = """
        msgid ""
        msgstr ""
        "Language: ru\\n"
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

        msgid "%d file was deleted from the folder %s."
        msgid_plural "%d files were deleted from the folder %s."
        msgstr[0] "%d файл удалён из папки %s."
        msgstr[1] "%d файла удалены из папки %s."
        msgstr[2] "%d файлов удалены из папки %s."

        msgid "You have %d new message in Kyiv."
        msgid_plural "You have %d new messages in Kyiv."
        msgstr[0] "У вас %d новое сообщение в Киеве."
        msgstr[1] "У вас %d новых сообщения в Киеве."
        msgstr[2] "У вас %d новых сообщений в Киеве."

        """
        let file = try POReader.read(data: Data(po.utf8), name: "ru.po")
        #expect(file.units.count == 6)
        let findings = try StringCheckTests.findings(po: po, to: "ru")
        // Lines 8–10 and 14–16 are the msgstr[0…2] of the two entries. What the names checks say of
        // the inflected `Киеве` at msgstr[0] (line 14) is their own matter; it is not said again
        // for each further form.
        #expect(findings.filter { (8...10).contains($0.location.line) }.map(\.ruleID) == [])
        #expect(findings.filter { [15, 16].contains($0.location.line) }.map(\.ruleID) == [])
    }

    /// gettext lets `msgstr[0]` use a placeholder that only `msgid_plural` has (`msgfmt --check`
    /// accepts `msgid "One file"` / `msgid_plural "%d files"` / `msgstr[0] "%d …"`): the form serves
    /// more counts than the English singular (every count in Japanese; 1, 21, 31 … in Russian).
    @Test func msgstrZeroMayUseThePlaceholdersOfMsgidPlural() throws {
        let japanese = """
        msgid ""
        msgstr ""
        "Language: ja\\n"
        "Plural-Forms: nplurals=1; plural=0;\\n"

        msgid "One file"
        msgid_plural "%d files"
        msgstr[0] "%d 個のファイル"

        msgid "One folder"
        msgid_plural "%d folders"
        msgstr[0] "%d 個のフォルダー %s"

        msgid "One photo"
        msgid_plural "%d photos"
        msgstr[0] "写真"

        """
        let ja = try StringCheckTests.findings(po: japanese, to: "ja").filter { $0.ruleID == "markup.mismatch" }
        // The added `%s` (line 12) is still an error, and so is the lost `%d` where one form serves every count.
        #expect(ja.map(\.location.line) == [12, 16])
        #expect(ja.map(\.message) == ["placeholder `%s` is not in the source",
                                       "placeholder `%d` from the source is missing"])
        let russian = """
        msgid ""
        msgstr ""
        "Language: ru\\n"
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

        msgid "One file"
        msgid_plural "%d files"
        msgstr[0] "%d файл"
        msgstr[1] "%d файла"
        msgstr[2] "%d файлов"

        msgid "Delete %s file"
        msgid_plural "Delete %s files"
        msgstr[0] "Удалить файл"
        msgstr[1] "Удалить %s файла"
        msgstr[2] "Удалить %s файлов"

        """
        let ru = try StringCheckTests.findings(po: russian, to: "ru").filter { $0.ruleID == "markup.mismatch" }
        // msgid's own `%s` stays required in msgstr[0].
        #expect(ru.map(\.location.line) == [14])
        #expect(ru.map(\.message) == ["placeholder `%s` from the source is missing"])
    }

    static func placeholderFindings(_ po: String, to language: String) throws -> [String] {
        let checker = try Checker(CheckConfiguration(targetLanguage: language, sourceLanguage: "en"))
        return try checker.check(POReader.read(data: Data(po.utf8), name: "\(language).po"))
            .filter { $0.ruleID == "markup.mismatch" }.map { "\($0.location.line) \($0.message)" }
    }

    /// A form that CLDR's rules give one number may leave the count out, as `msgfmt -c` accepts:
    /// Polish msgstr[0] is 1 alone, Arabic's first three forms are 0, 1 and 2. Russian msgstr[0]
    /// serves 1, 21, 31 … and must keep it, and a form's other placeholders stay required.
    @Test func aFormForOneNumberMayLeaveOutTheCount() throws {
        let polish = """
        msgid ""
        msgstr ""
        "Language: pl\\n"
        "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

        msgid "%d file"
        msgid_plural "%d files"
        msgstr[0] "Jeden plik"
        msgstr[1] "%d pliki"
        msgstr[2] "plików"

        msgid "%d file in %s"
        msgid_plural "%d files in %s"
        msgstr[0] "Jeden plik"
        msgstr[1] "%d pliki w %s"
        msgstr[2] "%d plików w %s"

        """
        #expect(try Self.placeholderFindings(polish, to: "pl") == [
            "10 placeholder `%d` from the source is missing",
            "14 placeholder `%s` from the source is missing",
        ])
        let arabic = """
        msgid ""
        msgstr ""
        "Language: ar\\n"
        "Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\\n"

        msgid "%d item"
        msgid_plural "%d items"
        msgstr[0] "لا توجد عناصر"
        msgstr[1] "عنصر واحد"
        msgstr[2] "عنصران"
        msgstr[3] "%d عناصر"
        msgstr[4] "%d عنصرًا"
        msgstr[5] "عنصر"

        """
        #expect(try Self.placeholderFindings(arabic, to: "ar") == ["13 placeholder `%d` from the source is missing"])
        let russian = polish.replacingOccurrences(of: "Language: pl", with: "Language: ru")
            .replacingOccurrences(of: "Jeden plik", with: "Один файл")
        #expect(try Self.placeholderFindings(russian, to: "ru") == [
            "8 placeholder `%d` from the source is missing",
            "10 placeholder `%d` from the source is missing",
            "14 placeholder `%d` from the source is missing",
            "14 placeholder `%s` from the source is missing",
        ])
    }
}
