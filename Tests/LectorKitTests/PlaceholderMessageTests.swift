import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// One mistake with placeholders is one finding that names it: an unnumbered printf placeholder
/// left out (which hands its argument to the ones after it), unnumbered ones reordered, a
/// `select` whose keys changed, a placeholder written as another of its syntax. Other mistakes
/// keep their findings.
@Suite struct PlaceholderMessageTests {
    static func messages(_ po: String, to language: String = "de") throws -> [String] {
        try POPluralFormTests.placeholderFindings(po, to: language)
    }

    @Test func aLeftOutPrintfPlaceholderIsOneFindingThatSaysWhatShifts() throws {
        let po = """
        #, c-format
        msgid "Delete %d files in %s?"
        msgstr "Dateien in %s löschen?"

        msgid "%s and %s in %d"
        msgstr "%s in %d"

        """
        #expect(try Self.messages(po) == [
            "3 placeholder `%d` from the source is missing, so `%s` after it gets the wrong argument "
                + "(number the placeholders, as `%2$s`, to leave one out)",
            "6 placeholder `%s` from the source is missing, so `%d` after it gets the wrong argument "
                + "(number the placeholders, as `%2$s`, to leave one out)",
        ])
    }

    @Test func otherPlaceholderMistakesKeepTheirFindings() throws {
        let po = """
        msgid "Delete %d files?"
        msgstr "Dateien löschen?"

        msgid "Delete %d files in %s?"
        msgstr "%2$s: %1$d Dateien löschen?"

        msgid "%d files in %s"
        msgstr "%s Dateien in %d"

        msgid "%d files"
        msgstr "%d Dateien in %s"

        """
        #expect(try Self.messages(po) == [
            // The last one left out: nothing shifts.
            "2 placeholder `%d` from the source is missing",
            // Swapped without numbers: one finding, not two missing and two extra.
            "8 placeholders `%s` … `%d` stand in another order than the source's `%d` … `%s`, "
                + "so they get each other's arguments (number them, as `%2$s`, to reorder)",
            // Added: said as before.
            "11 placeholder `%s` is not in the source",
        ])
    }

    @Test func aChangedSelectKeyIsOneFindingThatNamesTheKeys() throws {
        let po = """
        msgid "{city, select, kiev{Kiev} other{elsewhere}}"
        msgstr "{city, select, kyiv{Kyjiw} other{anderswo}}"

        msgid "{city, select, kiev{Kiev} other{elsewhere}}"
        msgstr "{city, select, other{anderswo}}"

        msgid "{city, select, kiev{Kiev} other{elsewhere}}"
        msgstr "{city, select, kiev{Kiew} other{anderswo}}"

        """
        #expect(try Self.messages(po) == [
            "2 the select on `city` has the key `kyiv` where the source has `kiev` (keys are matched by the program, not translated)",
            "5 the select on `city` lacks the source's key `kiev`",
        ])
    }

    /// `{name}` translated as `{nom}`, `%d` written `%s`: one placeholder replaced by another of
    /// its syntax is one finding where the translation's stands, naming both. Two replaced, or a
    /// placeholder of another syntax in its place, keep a finding each.
    @Test func aPlaceholderWrittenAsAnotherIsOneFindingThatNamesBoth() throws {
        let po = """
        msgid "Hello {name}"
        msgstr "Hallo {nom}"

        #, c-format
        msgid "You have %d new messages."
        msgstr "Sie haben %s neue Nachrichten."

        msgid "{first} and {second}"
        msgstr "{erste} und {zweite}"

        msgid "Hello {name}"
        msgstr "Hallo %s"

        """
        #expect(try Self.messages(po) == [
            "2 placeholder `{nom}` stands where the source has `{name}`, which is missing (placeholders are filled by the program, not translated)",
            "6 placeholder `%s` stands where the source has `%d`, which is missing (the conversion must fit the argument the program passes)",
            "9 placeholder `{erste}` is not in the source (the source has `{first}`, `{second}`)",
            "9 placeholder `{first}` from the source is missing",
            "9 placeholder `{second}` from the source is missing",
            "9 placeholder `{zweite}` is not in the source (the source has `{first}`, `{second}`)",
            "12 placeholder `{name}` from the source is missing",
            "12 placeholder `%s` is not in the source (the source has `{name}`)",
        ])
    }
}
