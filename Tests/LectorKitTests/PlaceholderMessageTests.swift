import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// One mistake with placeholders is one finding that names it: an unnumbered printf placeholder
/// left out (which hands its argument to the ones after it), unnumbered ones reordered, a
/// `select` whose keys changed. Other mistakes keep their findings.
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
}
