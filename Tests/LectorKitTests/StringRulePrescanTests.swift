import Foundation
import LectorFormats
import LectorKit
import LectorTestSupport
@testable import LectorRules
import Testing

/// Byte scans that let a string check return early: each may skip only a pair on which the rule
/// finds nothing, so the pairs just inside what the scan lets through must still be reported.
@Suite struct StringRulePrescanTests {
    /// The messages of one rule on one de→en unit read as a JSON Lines file would give it.
    static func messages(_ rule: String, source: String, target: String) -> [String] {
        let file = BilingualFile(path: "x.jsonl", sourceLanguage: "de", targetLanguage: "en", units: [
            BilingualUnit(id: "1", source: SegmentText(text: source, line: 1), target: SegmentText(text: target, line: 1)),
        ], format: "jsonl")
        return Fixtures.bilingualChecker(from: "de", to: "en").check(file).filter { $0.ruleID == rule }.map(\.message)
    }

    /// Texts at the scans' edges: ASCII and not, spaces and breaks at either end or inside.
    static let texts: [String] = {
        var texts = ["", " ", "a", "a ", " a", "a\n", "a \n", "a\t", "\ta", "a\r\n", "a  b", "a \u{00A0}b", "\u{00A0}a", "a\u{3000}",
                     "a\u{2009}", "a\u{202F}\n", "é", "Ä ", "a\\n", "\\", "a\\\\b", "x\u{301}", "😀 ", "\n", "\r", "a\r\rb", "  "]
        var generator = SeededGenerator(seed: 1401)
        let pieces = ["a", "B", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{00A0}", "\u{3000}", "\u{2009}", "é", "😀", "\\", "n", "\\t"]
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return texts
    }()

    @Test func theScansSkipOnlyTextsWithNothingToFind() {
        for text in Self.texts {
            if !WhitespaceEdgesRule.mayHaveEdgeSpace(text) {
                #expect(WhitespaceEdgesRule.leading(text).isEmpty && WhitespaceEdgesRule.trailing(text).isEmpty, "\(text.debugDescription)")
            }
            if !WhitespaceNewlinesRule.hasBreakOrTab(text) {
                let counts = WhitespaceNewlinesRule.counts(text)
                #expect(counts == (0, 0, 0, 0) && !WhitespaceNewlinesRule.startsWithBreak(text)
                        && !WhitespaceNewlinesRule.endsWithBreak(text), "\(text.debugDescription)")
            }
            if !WhitespaceDoubleRule.hasTwoSpaces(text) { #expect(!text.contains("  "), "\(text.debugDescription)") }
            if !text.utf8.contains(0x5C) { #expect(EscapesMismatchRule.escapes(in: text).isEmpty, "\(text.debugDescription)") }
        }
    }

    /// `trimmingWhitespace` returns a text that starts and ends with ASCII other than white space
    /// as it is; every other text is cut scalar by scalar as before.
    @Test func trimmingKeepsOnlyTextsWithoutWhiteSpaceAtTheEdges() {
        func reference(_ text: String) -> String {
            let scalars = text.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
            return String(scalars[first...scalars.lastIndex(where: { !$0.properties.isWhitespace })!])
        }
        var texts = Self.texts + ["\u{85}a", "a\u{2028}", "\u{1C}a\u{1F}", "\u{0B}a\u{0C}"]
        for value in UInt8(0)..<0x80 { texts += ["\(Unicode.Scalar(value))a", "a\(Unicode.Scalar(value))", "\(Unicode.Scalar(value))"] }
        for text in texts {
            #expect(Array(text.trimmingWhitespace().utf8) == Array(reference(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test func doubleSpacesInTheTranslationAreStillFound() {
        #expect(Self.messages("whitespace.double", source: "Save file", target: "Datei  speichern") == ["2 spaces in a row"])
        #expect(Self.messages("whitespace.double", source: "Save file", target: "Datei\u{00A0}\u{00A0}speichern").isEmpty)
        #expect(Self.messages("whitespace.double", source: "Save  file", target: "Datei  speichern").isEmpty)
    }

    @Test func edgeSpacesThatAreNotPlainASCIIAreStillFound() {
        // A no-break space at the start, an ideographic one at the end, a space before a final
        // line break, and a space only the source has.
        #expect(Self.messages("whitespace.edges", source: "Save file", target: "\u{00A0}Datei speichern")
                == ["the translation starts with a space, the source does not"])
        #expect(Self.messages("whitespace.edges", source: "Save file", target: "Datei speichern\u{3000}")
                == ["the translation ends with a space, the source does not"])
        #expect(Self.messages("whitespace.edges", source: "Save file\n", target: "Datei speichern \n")
                == ["the translation ends with a space, the source does not"])
        #expect(Self.messages("whitespace.edges", source: " Files:", target: "Dateien:")
                == ["the source starts with a space, the translation does not"])
        #expect(Self.messages("whitespace.edges", source: "Files:\t", target: "Dateien:")
                == ["the source ends with a space, the translation does not"])
        #expect(Self.messages("whitespace.edges", source: "Save file", target: "Datei speichern").isEmpty)
    }

    @Test func breaksAndTabsOnOneSideAreStillFound() {
        #expect(Self.messages("whitespace.newlines", source: "File:\tOpen", target: "Datei: Öffnen")
                == ["0 tabs where the source has 1"])
        #expect(Self.messages("whitespace.newlines", source: "Correct", target: "Korrekt\r")
                == ["1 line break (\\r) where the source has 0; the translation ends with a line break, the source does not"])
        #expect(Self.messages("whitespace.newlines", source: "Correct\n", target: "Korrekt\n").isEmpty)
    }

    @Test func escapesOnOneSideAreStillFound() {
        #expect(Self.messages("escapes.mismatch", source: "A tab\\t", target: "Ein Tab") == ["the source's escapes `\\t` are missing"])
        #expect(Self.messages("escapes.mismatch", source: "A file", target: "Eine Datei\\n") == ["escape `\\n` is not in the source"])
        #expect(Self.messages("escapes.mismatch", source: "A file", target: "Eine Datei").isEmpty)
    }

    /// `garbled.sentence` reads a translation for a loop only when its words' hashes may hold one,
    /// now also where it has a source.
    @Test func loopsBesideASourceAreStillFound() {
        var generator = SeededGenerator(seed: 1402)
        let words = ["the", "The", "talks", "ha", "1", "don't", "x", "it's"]
        var texts = ["The talks the talks the talks continue.", "ha ha ha", "no no no no", "Don't don't don't stop"]
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 0...9, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : ", "))
        }
        for text in texts {
            let units = Array(text.utf16)
            let mayLoop = units.withUnsafeBufferPointer { GarbledConditions.mayLoop(ascii: $0) }
            if mayLoop == false { #expect(GarbledConditions.loop(in: text, language: "en") == nil, "\(text.debugDescription)") }
        }
        #expect(Self.messages("garbled.sentence", source: "Die Verhandlungen gehen weiter.",
                              target: "The negotiations the negotiations the negotiations continue.")
                == ["garbled sentence: “the negotiations” repeated 3× in a row"])
    }
}
