import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// The placeholder engine, raw tags, the string checks on whole files, and their settings.
@Suite struct StringCheckTests {
    static func keys(_ text: String, _ syntaxes: Set<PlaceholderSyntax> = Set(PlaceholderSyntax.allCases)) -> [String] {
        PlaceholderScanner(syntaxes: syntaxes).placeholders(in: text).map(\.text)
    }

    static func compare(_ source: String, _ target: String) -> (missing: [String], extra: [String]) {
        let scanner = PlaceholderScanner()
        let comparison = PlaceholderComparison(source: scanner.placeholders(in: source), target: scanner.placeholders(in: target))
        return (comparison.missing.map(\.text), comparison.extra.map(\.text))
    }

    // MARK: - Placeholders

    @Test func printfWithPositionsFlagsAndLengths() {
        #expect(Self.keys("%s of %d, %-5.2f, %1$s, %lld, %@, %1$@ and 100%%") == ["%s", "%d", "%-5.2f", "%1$s", "%lld", "%@", "%1$@"])
        #expect(Self.keys("Inflation rose to 12 % and fell.").isEmpty)
        #expect(Self.keys("Save 50%off now").isEmpty)
        #expect(Self.keys("%dMB") == ["%d"])
    }

    /// glibc's `I` flag asks for the locale's own digits; gettext lets a translation add it
    /// (`%d` → `%Id` in Persian or Arabic catalogues), while Microsoft's `%I64d` stays a length.
    @Test func glibcDigitFlagAnswersThePlainDirective() {
        #expect(Self.compare("%d files in %s", "%Id فایل در %s") == ([], []))
        #expect(Self.compare("%1$d of %2$d", "%2$Id از %1$Id") == ([], []))
        #expect(Self.compare("%d files", "%Is فایل") == (["%d"], ["%Is"]))
        #expect(Self.compare("%I64d bytes", "%I64d octets") == ([], []))
        #expect(Self.compare("%I64d bytes", "%d octets") == (["%I64d"], ["%d"]))
        #expect(Self.keys("%'Id, %I32u") == ["%'Id", "%I32u"])
    }

    /// printf reads `%i` as `%d` in C, Objective-C and Python, so a c-format or python-format
    /// string may write either; `%u` is another conversion, and a string with no such flag (an
    /// Android one: Java's formatter has no `%i`) still compares them apart.
    @Test func percentIAnswersPercentDInACFormatString() throws {
        let po = """
        #, c-format
        msgid "%s of %d"
        msgstr "%s von %i"

        #, c-format
        msgid "%ld bytes"
        msgstr "%li Bytes"

        #, python-format
        msgid "%(count)d files"
        msgstr "%(count)i Dateien"

        #, c-format
        msgid "%d files"
        msgstr "%u Dateien"

        msgid "%d files"
        msgstr "%i Dateien"

        """
        let findings = try Self.findings(po: po).filter { $0.ruleID == "markup.mismatch" }
        #expect(findings.map(\.location.line) == [15, 18], "\(findings.map(\.message))")
    }

    @Test func boostPlaceholdersAreWholeAndNeverAPhantomPrintf() {
        #expect(Self.keys("writing %1%, x=%2% : %3%-th try") == ["%1%", "%2%", "%3%"])
        #expect(Self.compare("%1% %2% %3% %2% %1%", "%1% %2% %3% %2% %1%") == ([], []))
        #expect(Self.keys("%1%, %2%, %|40t|%3%") == ["%1%", "%2%", "%|40t|", "%3%"])
    }

    @Test func reorderingIsAllowedWhereTheSyntaxNumbers() {
        #expect(Self.compare("String %s and number %d", "Nommer %2$d and string %1$s") == ([], []))
        #expect(Self.compare("String %s and real number %f and number %d", "String %1$s en nommer %3$d en reële getal %2$f") == ([], []))
        #expect(Self.compare("String %s and number %d", "Nommer %1$d and string %2$s").extra == ["%1$d", "%2$s"])
        #expect(Self.compare("Object %@ and string %s", "Object %1$@ en string %2$s") == ([], []))
        #expect(Self.compare("String {1} and number {0}", "Nommer {0} en string {1}") == ([], []))
        #expect(Self.compare("String %(str)s and number %(num)d", "Nommer %(num)d en string %(str)s") == ([], []))
        #expect(Self.compare("I am %s", "Ek is %d") == (["%s"], ["%d"]))
        #expect(Self.compare("I am %#100s", "Ek is %10s").extra == ["%10s"])
    }

    @Test func everySyntaxIsFound() {
        #expect(Self.keys("Save %(file)s") == ["%(file)s"])
        #expect(Self.keys("Open {0} or {name} or {0:N2}") == ["{0}", "{name}", "{0:N2}"])
        #expect(Self.keys("Save %1 to %2") == ["%1", "%2"])
        #expect(Self.keys("Save $(file) to ${dir} as $name or $ProgramName$") == ["$(file)", "${dir}", "$name", "$ProgramName$"])
        #expect(Self.keys("Use &brandShortName; &amp; &#169; &nbsp;") == ["&brandShortName;"])
        #expect(Self.keys("CC-GNU @license_code@ by press@example.org") == ["@license_code@"])
        #expect(Self.keys("Open {{pageCount}} pages {% if x %} {{{raw}}}") == ["{{pageCount}}", "{% if x %}", "{{{raw}}}"])
        #expect(Self.keys("Save $(file)", [.printf]).isEmpty)
    }

    /// i18next's nesting names another string by its key: the whole call is code, compared whole.
    @Test func i18nextNestingIsOnePlaceholder() {
        #expect(Self.keys("$t(menu.file) settings") == ["$t(menu.file)"])
        #expect(Self.keys("See $t(help.intro, {\"count\": 2}) (new)") == ["$t(help.intro, {\"count\": 2})"])
        #expect(Self.compare("$t(menu.file) settings", "Einstellungen für $t(menü.datei)") == (["$t(menu.file)"], ["$t(menü.datei)"]))
        // A `(` without its `)` on the line is not a call.
        #expect(Self.keys("Pay $total(incl. tax") == ["$total"])
    }

    @Test func messageFormatComparesArgumentsAndScansBranches() {
        let source = "{count, plural, one {# file in {folder}} other {# files in {folder}}}"
        #expect(Self.keys(source).contains("{folder}"))
        // Russian has more plural branches: only the argument and kind are compared.
        #expect(Self.compare(source, "{count, plural, one {# файл в {folder}} few {# файла в {folder}} many {# файлов в {folder}} other {# файла в {folder}}}").missing.isEmpty)
        #expect(Self.compare(source, "{count, plural, one {# файл в {folder}} few {# файла в {folder}} many {# файлов в {folder}} other {# файла в {folder}}}").extra == ["{folder}", "{folder}"])
        #expect(Self.compare("{gender, select, male {He} female {She} other {They}} left",
                             "{gender, select, male {Er} female {Sie} other {Sie}} ging").missing.isEmpty)
        #expect(Self.compare("{gender, select, male {He} female {She} other {They}} left",
                             "{geschlecht, select, male {Er} female {Sie} other {Sie}} ging").missing.count == 1)
        #expect(Self.compare("{n, number, integer} items", "{n, number, integer} Elemente") == ([], []))
    }

    /// ICU MessageFormat units of a JSON Lines file, checked whole: the `markup.mismatch` messages.
    static func messageFormatFindings(_ pairs: [(source: String, target: String)], to language: String,
                                      rule: String = "markup.mismatch") throws -> [String] {
        func quoted(_ text: String) -> String {
            String(data: try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]), encoding: .utf8)!
                .dropFirst().dropLast().description
        }
        let lines = pairs.enumerated().map { index, pair in
            "{\"id\":\"u\(index)\",\"source\":\(quoted(pair.source)),\"target\":\(quoted(pair.target))}"
        }
        let path = Fixtures.write(lines.joined(separator: "\n") + "\n", named: "messages.jsonl")
        let findings = try Checker(CheckConfiguration(targetLanguage: language, sourceLanguage: "en"))
            .check(JSONLinesReader.read(contentsOf: path))
        return findings.filter { $0.ruleID == rule }.map { "\($0.location.line) \($0.message)" }
    }

    /// A language's own plural branches carry their placeholders: compared branch by branch, with
    /// the source's branch of the same keyword or its `other`, never counted across branches.
    @Test func messageFormatBranchesAreComparedByKeyword() throws {
        let files = "{count, plural, one{{count} file} other{{count} files}}"
        #expect(try Self.messageFormatFindings([
            (files, "{count, plural, one{{count} plik} few{{count} pliki} many{{count} plików} other{{count} pliku}}"),
            ("{count, plural, one {{name} has # file} other {{name} has # files}}",
             "{count, plural, one {{name} ma # plik} few {{name} ma # pliki} many {{name} ma # plików} other {{name} ma # pliku}}"),
            ("{count, plural, =0{No items} one{{count} item} other{{count} items}} in {folder}",
             "{count, plural, =0{Brak} one{{count} element} few{{count} elementy} many{{count} elementów} other{{count} elementu}} w {folder}"),
        ], to: "pl").isEmpty)
        #expect(try Self.messageFormatFindings([(files, "{count, plural, other{{count} 個のファイル}}")], to: "ja").isEmpty)
        // German `one` is 1 alone, so its branch may say it in words; Russian `one` is 1, 21, 31 …
        #expect(try Self.messageFormatFindings([(files, "{count, plural, one{Eine Datei} other{{count} Dateien}}")], to: "de").isEmpty)
        #expect(try Self.messageFormatFindings([
            (files, "{count, plural, one{Один файл} few{{count} файла} many{{count} файлов} other{{count} файла}}"),
            (files, "{count, plural, one{{count} файл} few{{count} файла} many{файлов} other{{count} файла}}"),
            ("{count, plural, one {{name} has # file} other {{name} has # files}}",
             "{count, plural, one {У {name} # файл} few {У {name} # файла} many {# файлов} other {У {name} # файла}}"),
        ], to: "ru") == [
            "1 placeholder `{count}` from the source is missing",
            "2 placeholder `{count}` from the source is missing",
            "3 placeholder `{name}` from the source is missing",
        ])
        // A select's branch must keep what the source's branch of the same keyword has.
        let liked = "{gender, select, male{{name} liked it} female{{name} liked it} other{{name} liked it}}"
        #expect(try Self.messageFormatFindings([
            (liked, "{gender, select, male{{name} mochte es} female{{name} mochte es} other{{name} mochte es}}"),
            (liked, "{gender, select, male{{name} mochte es} female{Sie mochte es} other{{name} mochte es}}"),
            (liked, "{gender, select, male{{name} mochte es} female{{name} mochte {name}} other{{name} mochte es}}"),
        ], to: "de") == [
            "2 placeholder `{name}` from the source is missing",
            "3 placeholder `{name}` is not in the source",
        ])
    }

    /// `few {`, written with a space, is as much a selector as `few{`: neither a word to spell nor
    /// one to align.
    @Test(.enabled(if: LexicalResource.hunspellFiles("ru", in: .standard) != nil, "needs hunspell-ru"))
    func spacedMessageFormatSelectorsAreNoWords() throws {
        for target in ["{count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}",
                       "{count, plural, one{# файл} few{# файла} many{# файлов} other{# файла}}"] {
            #expect(try Self.messageFormatFindings([("{count, plural, one {# file} other {# files}}", target)],
                                                   to: "ru", rule: "spelling.unknown").isEmpty)
        }
        // The words around the choice are still read.
        #expect(try Self.messageFormatFindings([("Open {count, plural, one {# file} other {# files}}",
                                                 "Открыть настроики {count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}")],
                                               to: "ru", rule: "spelling.unknown").map { $0.prefix(13) } == ["1 “настроики”"])
    }

    @Test func tagsAreComparedWithTheirAttributes() {
        let tags = MarkupTagScanner.tags(in: "Click <a href=\"x\" title=\"Tip\">here</a> or <br/> <Error>")
        #expect(tags.map(\.key) == ["<a href=\"x\" title>", "</a>", "<br/>"])
        #expect(MarkupTagScanner.tags(in: "<a title=\"wenk\" href=\"x\">").map(\.key) == ["<a href=\"x\" title>"])
        #expect(MarkupTagScanner.tags(in: "Start with the &lt;start&gt; tag").isEmpty)
    }

    // MARK: - Whole files

    static func findings(po: String, to language: String = "de", configuration: (inout CheckConfiguration) -> Void = { _ in })
        throws -> [Finding] {
        let path = Fixtures.write(po, named: "messages.po")
        var config = CheckConfiguration(targetLanguage: language, sourceLanguage: "en")
        configuration(&config)
        return try Checker(config).check(POReader.read(contentsOf: path))
    }

    @Test func poPluralsAreReadAndCheckedAgainstCLDR() throws {
        let po = """
        msgid ""
        msgstr ""
        "Language: ru\\n"
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

        msgid "%d file"
        msgid_plural "%d files"
        msgstr[0] "%d файл"
        msgstr[1] "%d файла"

        msgid "%d folder"
        msgid_plural "%d folders"
        msgstr[0] "%d папка"
        msgstr[1] "%d папки"
        msgstr[2] "%d папок"

        """
        let file = try POReader.read(contentsOf: Fixtures.write(po, named: "ru.po"))
        #expect(file.pluralFormCount == 3)
        // Each further form is a unit of its own after the entry's first: file, file[1], folder, folder[1], folder[2].
        #expect(file.units.map(\.details.pluralForm) == [nil, 1, nil, 1, 2])
        #expect(file.units[2].details.targetPlurals == ["%d папка", "%d папки", "%d папок"])
        #expect(file.units[2].details.sourcePlural == "%d folders")
        let findings = try Self.findings(po: po, to: "ru").filter { $0.ruleID == "plurals.count" }
        #expect(findings.map(\.location.line) == [8])
        #expect(findings.first?.message.contains("2 plural forms") == true)
    }

    /// A lone `(` is `punctuation.brackets`' finding alone in a unit, and one tab is "1 tab".
    @Test func anOpenBracketIsReportedOnceAndCountsAgree() throws {
        let po = """
        msgid "Open tabs"
        msgstr "Offene Tabs (neu\\t"

        """
        let findings = try Self.findings(po: po).filter { $0.ruleID.hasPrefix("punctuation.") || $0.ruleID.hasPrefix("whitespace.newlines") }
        #expect(findings.map { "\($0.ruleID): \($0.message)" } == [
            "punctuation.brackets: 1 `(` where the source has 0",
            "whitespace.newlines: 1 tab where the source has 0",
        ])
    }

    @Test func poTagsAndPlaceholdersAreCompared() throws {
        let po = """
        msgid "Do it <b>now</b>"
        msgstr "Mach es <v>jetzt</v>"

        msgid "Open <a href=\\"x\\">the page</a>"
        msgstr "Öffne <a href=\\"y\\">die Seite</a>"

        msgid "String %s and number %d"
        msgstr "Zahl %2$d und Text %1$s"

        """
        let findings = try Self.findings(po: po).filter { $0.ruleID == "markup.mismatch" }
        #expect(findings.filter { $0.location.line == 2 }.count == 4)
        #expect(findings.filter { $0.location.line == 5 }.count == 2)
        #expect(findings.filter { $0.location.line == 8 }.isEmpty)
    }

    /// Correct translations of UI strings in three language pairs: no string check may speak.
    @Test(arguments: [
        ("de", [("&File", "&Datei"), ("Save as…", "Speichern unter …"), ("Open %s?", "%s öffnen?"), ("Line one\nLine two", "Zeile eins\nZeile zwei"),
                ("Do it <b>now</b>", "Mach es <b>jetzt</b>"), ("%d file(s)", "%d Datei(en)"), ("OK", "OK"), ("Size:", "Größe:"),
                ("open file", "Datei öffnen"), ("People who know the rules", "Leute, die die Regeln kennen")]),
        ("fr", [("&File", "&Fichier"), ("Header:", "En-tête :"), ("Are you sure?", "Êtes-vous sûr ?"), ("Delete {0} files", "Supprimer {0} fichiers"),
                ("Do \"this\"", "Faites « ceci »"), ("Save file ", "Enregistrer le fichier "), ("Firefox", "Firefox")]),
        ("ru", [("&Save", "&Сохранить"), ("File not found.", "Файл не найден."), ("String %s and number %d", "Число %2$d и строка %1$s"),
                ("\"Save\" failed", "Не удалось «Сохранить»"), ("Version 2.0", "Версия 2.0"), ("Ten items", "Десять элементов")]),
        ("ja", [("Save the file?", "ファイルを保存しますか？"), ("Init. Limit: ", "起始限制："), ("File (new)", "ファイル（新規）"), ("Settings", "設定")]),
        // Each language's own marks (Unicode's classes) and the marks it does not write (CLDR).
        ("hi", [("File saved.", "फ़ाइल सहेजी गई।"), ("Are you sure?", "क्या आप निश्चित हैं?"), ("Saving…", "सहेजा जा रहा है…")]),
        ("ar", [("Are you sure?", "هل أنت متأكد؟"), ("Name:", "الاسم:"), ("Files; folders", "ملفات؛ مجلدات")]),
        ("el", [("Are you sure?", "Είστε σίγουροι;"), ("Are you sure?", "Είστε σίγουροι\u{37E}"), ("File saved.", "Το αρχείο αποθηκεύτηκε.")]),
        ("th", [("Are you sure?", "คุณแน่ใจหรือไม่"), ("File saved.", "บันทึกไฟล์แล้ว")]),
        ("am", [("File saved.", "ፋይሉ ተቀምጧል።"), ("Name:", "ስም፥")]),
        ("zh", [("Are you sure?", "你确定吗？"), ("Name:", "名称："), ("Files, folders,", "文件、文件夹、")]),
    ] as [(String, [(String, String)])])
    func stringChecksStaySilentOnCorrectTranslations(_ language: String, _ pairs: [(String, String)]) throws {
        var po = ""
        for (source, target) in pairs {
            func quote(_ text: String) -> String {
                "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    .replacingOccurrences(of: "\n", with: "\\n") + "\""
            }
            po += "msgid \(quote(source))\nmsgstr \(quote(target))\n\n"
        }
        let stringRules = Set(RuleRegistry.all.map { $0.description.id }.filter {
            ["accelerator.", "punctuation.start", "punctuation.end", "punctuation.brackets", "capitalization.", "whitespace.",
             "escapes.", "markup.", "untranslated.blank", "untranslated.unchanged", "words.", "plurals.", "length."].contains(where: $0.hasPrefix)
        })
        let findings = try Self.findings(po: po, to: language).filter { stringRules.contains($0.ruleID) }
        #expect(findings.isEmpty, "\(findings.map { "\($0.ruleID) line \($0.location.line): \($0.message)" })")
    }

    /// A translation that is its source in another normalization form is read with its own
    /// offsets: before, it was given the source's masked text (the two are `==`), and
    /// `punctuation.end` read a space before `!` at the source's offset.
    @Test func aTranslationInAnotherNormalizationFormIsReadAsItself() throws {
        let po = "msgid \"\u{E9}a b!\"\nmsgstr \"e\u{301}a b!\"\n\nmsgid \"e\u{301}a b!\"\nmsgstr \"\u{E9}a b!\"\n"
        let findings = try Self.findings(po: po)
        #expect(findings.map(\.ruleID).sorted() == ["untranslated.unchanged", "untranslated.unchanged"],
                "\(findings.map { "\($0.ruleID): \($0.message)" })")
    }

    /// Windows paths as a PO file escapes them (`C:\\Users`): their backslashes separate folders.
    /// An escape the source lacks is still reported, in the same file.
    @Test func poWindowsPathsAreNotEscapes() throws {
        let po = #"""
        msgid "Saved to C:\\Users\\Public"
        msgstr "Gespeichert unter C:\\Benutzer\\Öffentlich"

        msgid "Open %APPDATA%\\Lector\\templates"
        msgstr "%APPDATA%\\Lector\\Vorlagen öffnen"

        msgid "Tab:"
        msgstr "Tabulator:\\t"

        """#
        let findings = try Self.findings(po: po).filter { $0.ruleID == "escapes.mismatch" }
        #expect(findings.map { "\($0.location.line): \($0.message)" } == ["8: escape `\\t` is not in the source"])
    }

    /// Latin names, acronyms, units and extensions copied from the English source stay in a
    /// Russian translation; ordinary English words left in it are reported, also where they are
    /// most of its letters.
    @Test func latinNamesMayStayInCyrillicButWordsMayNot() throws {
        let po = """
        msgid "Export to PDF"
        msgstr "Экспорт в PDF"

        msgid "Sign in with Google"
        msgstr "Войти через Google"

        msgid "Maximum size: 10 MB"
        msgstr "Максимальный размер: 10 MB"

        msgid "Welcome to Acme Cloud"
        msgstr "Добро пожаловать в Acme Cloud"

        msgid "Your subscription has expired"
        msgstr "Ваша subscription has expired"

        msgid "Delete account"
        msgstr "Удалить account"

        msgid "Subscription expired"
        msgstr "Subscription истекла"

        """
        let findings = try Self.findings(po: po, to: "ru").filter { $0.ruleID == "untranslated.text" }
        #expect(findings.map { "\($0.location.line): \($0.message)" } == [
            "14: Latin text left untranslated: “subscription has expired”",
            "17: Latin text left untranslated: “account”",
            "20: Latin text left untranslated: “Subscription”",
        ])
    }

    // MARK: - Settings

    @Test func settingsAreReadFromTheProjectFile() throws {
        let configuration = try ProjectConfiguration.parse("""
        strings:
          placeholders: [printf, braces]
          accelerator_markers: ["_"]
          identical_allowed: [Dashboard]
        """, path: "/tmp/.lector.yml")
        #expect(configuration.strings?.placeholderSyntaxes == [.printf, .braces])
        #expect(configuration.strings?.acceleratorMarkers == ["_"])
        #expect(configuration.strings?.identicalAllowed == ["Dashboard"])
        #expect(throws: InputError.self) {
            try ProjectConfiguration.parse("strings:\n  placeholders: [printf, perl]\n", path: "/tmp/.lector.yml")
        }
    }

    @Test func acceleratorMarkerAndSyntaxesFollowTheSettings() throws {
        let po = "msgid \"_File\"\nmsgstr \"Datei\"\n\nmsgid \"Save $(file)\"\nmsgstr \"$(datei) speichern\"\n"
        let withUnderscore = try Self.findings(po: po) { $0.strings = StringCheckSettings(acceleratorMarkers: ["_"]) }
        #expect(withUnderscore.contains { $0.ruleID == "accelerator.mismatch" && $0.location.line == 2 })
        #expect(withUnderscore.contains { $0.ruleID == "markup.mismatch" && $0.location.line == 5 })
        let withoutShell = try Self.findings(po: po) { $0.strings = StringCheckSettings(placeholderSyntaxes: [.printf]) }
        #expect(!withoutShell.contains { $0.ruleID == "accelerator.mismatch" })
        #expect(!withoutShell.contains { $0.ruleID == "markup.mismatch" })
    }

    /// With `_` as the marker, a string whose source has one `_` accelerator is a GTK mnemonic
    /// label: a `_` the translation puts inside a word (`_Fayil_e`) underlines a second key. Where
    /// the source writes one inside a word too (`_Open file_name`), it is text in both.
    @Test func anUnderscoreInsideAWordOfAMnemonicLabelIsASecondAccelerator() throws {
        let po = "msgid \"_File\"\nmsgstr \"_Fayil_e\"\n\nmsgid \"_File\"\nmsgstr \"_Fayile\"\n\n"
            + "msgid \"_Open file_name\"\nmsgstr \"_Open lêer_naam\"\n\nmsgid \"Save file_name\"\nmsgstr \"Stoor lêer_naam\"\n"
        let findings = try Self.findings(po: po, to: "af") { $0.strings = StringCheckSettings(acceleratorMarkers: ["_"]) }
            .filter { $0.ruleID == "accelerator.mismatch" }
        #expect(findings.map(\.location.line) == [2], "\(findings.map(\.message))")
        #expect(findings.first?.location.column == 15)
        #expect(findings.first?.message.hasPrefix("2 accelerators where the source has one") == true)
    }

    @Test func identicalAllowedListLoads() throws {
        let findings = try Self.findings(po: "msgid \"Bluetooth\"\nmsgstr \"Bluetooth\"\n\nmsgid \"Save as\"\nmsgstr \"Save as\"\n")
            .filter { $0.ruleID == "untranslated.unchanged" }
        #expect(findings.map(\.location.line) == [5])
    }

    // MARK: - Words both languages write alike

    /// `Name`, `Status`, `Hotel` are German words too: the German Hunspell accepts them and FreeDict
    /// gives each as its own translation. A false friend (`Bad`: FreeDict's `bad` is `schlecht`),
    /// an English word (`Cancel`) and a phrase with one English word stay reported.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func wordsWrittenAlikeInBothLanguagesAreNotUnchanged() throws {
        let pairs = ["Name", "Status", "Hotel", "Taxi", "Filter", "Bad", "Cancel", "Start the export", "Save as"]
        let po = pairs.map { "msgid \"\($0)\"\nmsgstr \"\($0)\"\n" }.joined(separator: "\n")
        let findings = try Self.findings(po: po).filter { $0.ruleID == "untranslated.unchanged" }
        let reported = findings.map { pairs[($0.location.line - 1) / 3] }
        #expect(reported == ["Bad", "Cancel", "Start the export", "Save as"], "\(findings.map(\.message))")
    }

    /// French `Description`, `Menu` and the plural `Photos` (lemma `photo`) are French words FreeDict
    /// gives for the English ones; `Settings` is not.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func frenchWordsWrittenAlikeAreNotUnchanged() throws {
        let pairs = ["Description", "Menu", "Date", "Settings"]
        let po = pairs.map { "msgid \"\($0)\"\nmsgstr \"\($0)\"\n" }.joined(separator: "\n")
        let findings = try Self.findings(po: po, to: "fr").filter { $0.ruleID == "untranslated.unchanged" }
        #expect(findings.map { pairs[($0.location.line - 1) / 3] } == ["Settings"], "\(findings.map(\.message))")
    }

    // MARK: - printf in PO c-format strings

    /// `msgfmt -c` rejects a `%` that starts no directive in a `c-format` string; the same text
    /// without the flag is prose (`50 % de remise`).
    @Test func aLonePercentInACFormatStringIsReported() throws {
        let po = """
        msgid ""
        msgstr ""
        "Language: fr\\n"

        #, c-format
        msgid "%d%% done"
        msgstr "%d % terminé"

        #, fuzzy, c-format
        msgid "%d%% left"
        msgstr "%d %% restant"

        msgid "50% off"
        msgstr "50 % de remise"
        """
        let findings = try Self.findings(po: po, to: "fr").filter { $0.ruleID == "markup.mismatch" }
        #expect(findings.map(\.location.line) == [7], "\(findings.map(\.message))")
        #expect(findings.first?.location.column == 12)
        #expect(findings.first?.message.contains("c-format") == true)
    }

    @Test func poFormatFlagIsRead() throws {
        let file = try POReader.read(contentsOf: Fixtures.write("#, fuzzy, c-format\nmsgid \"a\"\nmsgstr \"b\"\n\n#, no-c-format\nmsgid \"c\"\nmsgstr \"d\"\n", named: "flags.po"))
        #expect(file.units.map(\.details.formatFlag) == ["c-format", nil])
    }

}
