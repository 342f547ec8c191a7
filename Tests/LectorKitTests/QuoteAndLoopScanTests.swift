import Foundation
@testable import LectorText
import LectorKit
import LectorTestSupport
@testable import LectorRules
import Testing

/// The block-wise scans of `punctuation.quotes` and `garbled.sentence` answer what reading every
/// unit, every line and every word answers.
@Suite struct QuoteAndLoopScanTests {
    static let languages = ["en", "de", "fr", "ru", "ja", "pl", "fi", "cs"]

    /// Units the block tests are near to: marks, their neighbours in the bit tricks (`Y`, `y`,
    /// `\`, `|`, DEL), and units inside the candidate ranges that are no marks (`°`, `—`, `…`, `。`).
    static let nearMarks: [UInt16] = [0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x08, 0x09, 0x59, 0x5F, 0x79, 0x7F, 0x5C, 0x7C, 0x27, 0x22,
                                      0xAB, 0xBB, 0xB0, 0xB7, 0x2014, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E,
                                      0x201F, 0x2026, 0x2039, 0x203A, 0x3002, 0x300C, 0x300D, 0x300E, 0x300F, 0x3010, 0xFFFF, 0x8000]

    /// Every BMP unit, alone among letters at a place inside a block and in the tail: found where
    /// it is a mark, and only then.
    @Test func firstMarkFindsEveryMarkAndNothingElse() throws {
        for language in ["en", "de", "ja"] {
            let scanner = try QuoteScanner(language: language)
            var marks = 0
            for value in 0...0xFFFF {
                let unit = UInt16(value)
                for (length, place) in [(40, 5), (40, 37), (16, 15), (3, 0)] {
                    var units = [UInt16](repeating: 0x61, count: length)
                    units[place] = unit
                    let found = units.withUnsafeBufferPointer { scanner.firstMark(in: $0, from: 0) }
                    #expect(found == (scanner.isMark(unit) ? place : nil), "\(language) U+\(String(value, radix: 16))")
                }
                if scanner.isMark(unit) { marks += 1 }
                #expect(scanner.stops(at: unit) == (scanner.isMark(unit) || CodeUnit.isLineBreak(unit)), "U+\(String(value, radix: 16))")
            }
            #expect(marks >= 20, "\(language)")
        }
    }

    /// Random texts of letters, marks and near-marks, from every offset: the first mark is the
    /// first unit `isMark` accepts.
    /// In every language ICU has quotation marks for, each ASCII unit alone in a block of ASCII
    /// letters is found exactly when it is a mark: `firstMark` passes over all-ASCII blocks with
    /// no bracket only for a language whose other marks are all beyond ASCII.
    @Test func asciiMarksAreFoundInEveryLanguage() throws {
        let languages = Set(Locale.availableIdentifiers.map { Locale(identifier: $0).language.languageCode?.identifier ?? "" })
            .filter { !$0.isEmpty }.sorted()
        #expect(languages.count > 100)
        for language in languages {
            let scanner = try QuoteScanner(language: language)
            for value in 0..<0x80 {
                var units = [UInt16](repeating: 0x61, count: 40)
                units[21] = UInt16(value)
                let found = units.withUnsafeBufferPointer { scanner.firstMark(in: $0, from: 0) }
                #expect(found == (scanner.isMark(UInt16(value)) ? 21 : nil), "\(language) U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func firstMarkIsTheFirstMarkFromAnyOffset() throws {
        var random = SystemRandomNumberGenerator()
        for language in Self.languages {
            let scanner = try QuoteScanner(language: language)
            for _ in 0..<300 {
                let count = Int.random(in: 0...90, using: &random)
                let units = (0..<count).map { _ -> UInt16 in
                    Int.random(in: 0..<12, using: &random) == 0 ? Self.nearMarks.randomElement(using: &random)!
                        : [0x61, 0x20, 0x41, 0x4B, 0x44F, 0xE9][Int.random(in: 0..<6, using: &random)]
                }
                for start in 0...count {
                    let expected = units.indices.dropFirst(start).first { scanner.isMark(units[$0]) }
                    #expect(units.withUnsafeBufferPointer { scanner.firstMark(in: $0, from: start) } == expected, "\(language) \(units)")
                }
            }
        }
    }

    /// The rule's findings are those of scanning every line, in documents of every language with
    /// marks at line ends and starts, empty lines, CR LF, and lines of the seed articles.
    @Test func quotesRuleFindsWhatScanningEveryLineFinds() throws {
        var random = SystemRandomNumberGenerator()
        let pieces = ["He said “yes” (twice", "„Ja“, sagte er", "«oui»", "‚x‘", "don’t", "[a] {b}", ")", "(", "“", "»", "1) item",
                      ":)", "Kyiv’s", "plain words here", "", "\r", "「東京」", "’90s", "‹a›"] + Fixtures.seedLines.prefix(40)
        var compared = 0
        for language in Self.languages {
            let checker = try Checker(CheckConfiguration(targetLanguage: language))
            let scanner = try QuoteScanner(language: language)
            for round in 0..<25 {
                let lines = (0..<Int.random(in: 1...40, using: &random)).map { _ in
                    (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: " ")
                }
                let text = lines.joined(separator: round % 3 == 0 ? "\r\n" : "\n") + (round % 2 == 0 ? "\n" : "")
                let document = SourceDocument(path: "t.txt", text: text)
                let context = CheckContext(document: document, index: checker.index, glossaryMatches: [])
                let found = PunctuationQuotesRule().findings(in: context)
                var expected: [(Range<Int>, String)] = []
                for line in 1...max(document.lineCount, 1) {
                    let range = document.lineRange(line)
                    guard !range.isEmpty else { continue }
                    for issue in scanner.scan(utf16: Array(document.utf16[range])).issues {
                        expected.append(((range.lowerBound + issue.range.lowerBound)..<(range.lowerBound + issue.range.upperBound), issue.mark))
                    }
                }
                #expect(found.map(\.range) == expected.map(\.0), "\(language): \(text.debugDescription)")
                #expect(zip(found, expected).allSatisfy { $0.message.hasPrefix("`\($1.1)`") }, "\(language): \(text.debugDescription)")
                compared += expected.count
            }
        }
        #expect(compared > 500)
    }

    /// The open-mark stack answers alike searched and indexed (deeper than `indexedDepth`).
    @Test func openStackAnswersAlikeSearchedAndIndexed() {
        var random = SystemRandomNumberGenerator()
        let closers: [[UInt16]] = [[0x29], [0x201D, 0x201C], [0x201C], [0xBB], [0x2019, 0x2018], []]
        for _ in 0..<500 {
            var searched = QuoteScanner.OpenStack(indexedDepth: .max)
            var indexed = QuoteScanner.OpenStack(indexedDepth: Int.random(in: 0...6, using: &random))
            for step in 0..<60 {
                if Int.random(in: 0..<3, using: &random) > 0 {
                    let open = QuoteScanner.Open(unit: 0x28, offset: step, isBracket: Bool.random(using: &random), quoteDepth: 0,
                                                 closers: closers.randomElement(using: &random)!)
                    searched.push(open)
                    indexed.push(open)
                } else if !searched.isEmpty {
                    let position = Int.random(in: 0..<searched.entries.count, using: &random)
                    searched.pop(to: position)
                    indexed.pop(to: position)
                }
                for unit: UInt16 in [0x29, 0x201D, 0x201C, 0xBB, 0x2019, 0x2018, 0x61] {
                    #expect(searched.innermost(closedBy: unit) == indexed.innermost(closedBy: unit))
                }
                #expect(searched.openQuotations == indexed.openQuotations)
            }
        }
    }

    /// Deep nesting (past the stack's index depth) scans as shallow nesting does, mark by mark.
    @Test func deepNestingIsPairedInnermostFirst() throws {
        let scanner = try QuoteScanner(language: "en")
        let text = String(repeating: "(“", count: 12) + "x" + String(repeating: "”)", count: 11) + "”"
        let scan = scanner.scan(text)
        #expect(scan.quotations.count == 12)
        #expect(scan.issues.map(\.kind) == [.unclosed], "\(scan.issues)")
        #expect(scan.issues.first?.range == 0..<1)
    }

    // MARK: - Loops

    /// Lower-cased words as numbers: `repeatedRun` on them is the exact answer the keys stand in for.
    static func exactLoop(_ text: String) -> Bool {
        var ids: [String: Int] = [:]
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map { word in
            if let id = ids[String(word)] { return id }
            ids[String(word)] = ids.count
            return ids.count - 1
        }
        return GarbledConditions.repeatedRun(words, lengths: 1...4, minimumUnit: 1) != nil
    }

    static func randomText(_ random: inout SystemRandomNumberGenerator) -> String {
        let words = ["the", "The", "THE", "talks", "Talks", "a", "b", "ab", "12", "1", "x9", "it's", "verylongword", "verylongward",
                     "Zz", "q", "ha"]
        let separators = [" ", " ", " ", ", ", ". ", "-", "  ", "\t", "/", "... ", "é ", "’ ", "' "]
        let count = Int.random(in: 0...40, using: &random)
        return (0..<count).map { _ in
            words.randomElement(using: &random)! + separators.randomElement(using: &random)!
        }.joined()
    }

    /// `mayLoop` answers `nil` for the text it does not read, and otherwise whether the words hold
    /// a loop (words of at most eight letters have keys as distinct as the words).
    @Test func loopPrefiltersAreTheExactAnswer() {
        var random = SystemRandomNumberGenerator()
        var loops = 0, clear = 0
        for round in 0..<20_000 {
            var text = Self.randomText(&random)
            if round % 2 == 0 { text = text.filter(\.isASCII) }
            if round % 5 == 0 { text = text + text + text }
            let units = Array(text.utf16)
            let nonASCII = units.contains { $0 >= 0x80 }
            let ascii = units.withUnsafeBufferPointer { GarbledConditions.mayLoop(ascii: $0) }
            let paragraph = units.withUnsafeBufferPointer { GarbledConditions.mayLoop(paragraph: $0) }
            if nonASCII {
                #expect(ascii == nil && paragraph == nil, "\(text)")
                continue
            }
            let exact = Self.exactLoop(text)
            if exact { loops += 1 } else { clear += 1 }
            #expect(ascii == exact, "\(text)")
            #expect(paragraph == (units.contains(0x27) ? nil : exact), "\(text)")
        }
        #expect(loops > 1000 && clear > 1000)
    }

    /// Words longer than eight letters may share a key (the middle is not read): never a loop missed.
    @Test func longWordsNeverHideALoop() {
        for text in ["international international international", "abcdXefgh abcdYefgh abcdZefgh", "Aaaaaaaaaa aaaaaaaaaA aaaaaaaaaa",
                     "go verylongwordindeed verylongwordindeed go verylongwordindeed verylongwordindeed verylongwordindeed"] {
            let units = Array(text.utf16)
            let may = units.withUnsafeBufferPointer { GarbledConditions.mayLoop(ascii: $0) }
            #expect(may == true || !Self.exactLoop(text), "\(text)")
        }
    }

    /// A paragraph read inside a longer text (its blocks reading past its end) answers as the
    /// paragraph alone, whatever follows it: letters that would continue its last word, an
    /// apostrophe, a non-ASCII unit.
    @Test func paragraphAnswersAloneInsideALongerText() {
        var random = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<5_000 {
            let paragraph = Self.randomText(&random).filter { $0.isASCII && $0 != "'" }
            let after = ["", "s", "ab ab ab", "'", "é", "’", " x", String(repeating: "é", count: 70), "the the the"].randomElement(using: &random)!
            let before = ["", "é", "the ", "'"].randomElement(using: &random)!
            let units = Array((before + paragraph + after).utf16)
            let range = before.utf16.count..<(before.utf16.count + paragraph.utf16.count)
            let inside = units.withUnsafeBufferPointer { GarbledConditions.mayLoop(paragraph: range, of: $0) }
            let alone = Array(paragraph.utf16).withUnsafeBufferPointer { GarbledConditions.mayLoop(paragraph: $0) }
            #expect(inside == alone, "\(before)|\(paragraph)|\(after)")
            compared += 1
        }
        #expect(compared == 5_000)
    }
}
