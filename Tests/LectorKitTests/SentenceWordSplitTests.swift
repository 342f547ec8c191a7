import Foundation
import LectorTestSupport
@testable import LectorRules
import Testing

/// `SentenceWord.words` lower-cases a word of scalars below U+0100 on its bytes
/// (`SentenceWord.latin1Lowercased`) and joins `don 't` only when a word is `t`: every word must
/// still be its written text as `String.lowercased()` gives it, cut where it was.
@Suite struct SentenceWordSplitTests {
    /// Letters of every kind the splitter meets: ASCII, all of Latin-1 (with `×`, `÷`, `µ`, `ß`,
    /// `ÿ`, which have no lower case of their own or none that differs), letters past U+00FF, a
    /// combining accent, and what separates words.
    static let alphabet: [Unicode.Scalar] = {
        var scalars: [Unicode.Scalar] = (0x41...0x5A).map { Unicode.Scalar(UInt8($0)) } + (0x61...0x7A).map { Unicode.Scalar(UInt8($0)) }
        scalars += (0xA0...0xFF).map { Unicode.Scalar(UInt8($0)) }
        scalars += ["Ā", "ā", "Ł", "ł", "Ÿ", "İ", "Σ", "ς", "Д", "д", "ǅ", "ẞ", "\u{301}", "\u{308}", "0", "7"]
        scalars += [" ", " ", " ", ",", "-", "'", "’", ".", "\u{202F}"]
        return scalars
    }()

    static func expectWordsAreTheirWrittenTextLowercased(_ text: String, language: String) {
        let units = Array(text.utf16)
        for word in SentenceWord.words(in: text, language: language) {
            let written = String(decoding: units[word.range], as: UTF16.self)
            // A joined `don 't` is the one word whose text is not its written text lowered.
            guard !written.contains(" ") else { continue }
            #expect(word.written == written, "\(text.debugDescription)")
            #expect(Array(word.text.utf8) == Array(written.lowercased().utf8), "\(written.debugDescription) in \(text.debugDescription)")
        }
    }

    @Test func latin1WordsLowercaseAsTheStandardLibraryDoes() {
        // Each scalar below U+0100 alone, after a capital and before a small letter.
        for value in 0x41...0xFF {
            let scalar = String(Unicode.Scalar(UInt8(value)))
            for text in [scalar, "A\(scalar)b", "\(scalar)\(scalar)É"] {
                Self.expectWordsAreTheirWrittenTextLowercased(text, language: "de")
            }
        }
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<5000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...40, using: &generator) { scalars.append(Self.alphabet.randomElement(using: &generator)!) }
            for language in ["de", "fr", "en"] { Self.expectWordsAreTheirWrittenTextLowercased(String(scalars), language: language) }
        }
        for article in Fixtures.seedTexts {
            for line in article.split(separator: "\n") { Self.expectWordsAreTheirWrittenTextLowercased(String(line), language: "de") }
        }
    }

    /// Words of scalars below U+0100 only, as `SentenceWord.words` hands them over.
    @Test func latin1LowercasingOnBytes() {
        let words = ["ÄRGER", "Über", "straße", "ÉCOLE", "ÿ", "µ", "×÷", "Ä×Ö÷", "ÞÆØ", "naïve", "DÉJÀ", "abc", ""]
        for word in words {
            let lowered = Array(word.utf8).withUnsafeBufferPointer { SentenceWord.latin1Lowercased($0) }
            #expect((lowered ?? word) == word.lowercased(), "\(word)")
            // `nil` only for a word that is its own lower case.
            #expect((lowered == nil) == (word.lowercased() == word), "\(word)")
        }
    }

    /// `AlignmentWords.mayBeGermanParticle` passes a clause's last word over by its shape only
    /// when no particle has that shape: every particle, however capitalized, is still asked for.
    @Test func particleShapesPassOverNoParticle() throws {
        for particle in AlignmentWords.germanParticles {
            for written in [particle, particle.capitalized, particle.uppercased()] {
                let words = SentenceWord.words(in: "Er stellte es \(written)", language: "de")
                let last = try #require(words.last)
                #expect(AlignmentWords.germanParticles.contains(last.text) && AlignmentWords.mayBeGermanParticle(last), "\(written)")
            }
        }
        let others = SentenceWord.words(in: "Die Regierung kündigte am Montag neue Sanktionen gegen Moskau", language: "de")
        #expect(others.filter(AlignmentWords.mayBeGermanParticle).count < others.count / 2)
    }

    /// Every field of every word, as the general path (each scalar decoded) cuts it.
    static func expectSameAsDecodingEveryScalar(_ text: String, language: String) {
        func described(_ words: [SentenceWord]) -> [String] {
            words.map { "\($0.text)|\($0.range)|\($0.written)|\($0.isHyphenated)|\($0.isCapitalized)|\($0.asciiShape)" }
        }
        #expect(described(SentenceWord.words(in: text, language: language))
                == described(SentenceWord.words(in: text, language: language, decodingEveryScalar: true)),
                "\(language) \(text.debugDescription)")
    }

    /// ASCII letters and digits are read without decoding a scalar, and an ASCII first letter's
    /// case off its byte: the words are the general path's, on random text of every kind of
    /// letter and separator and on the evaluation data's sentences in their languages.
    @Test func asciiShortcutsCutTheSameWords() throws {
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<5000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...40, using: &generator) { scalars.append(Self.alphabet.randomElement(using: &generator)!) }
            for language in ["de", "fr", "en", "ro"] { Self.expectSameAsDecodingEveryScalar(String(scalars), language: language) }
        }
        for text in ["I don 't know; he didn’t say T.", "n-a venit", "l'État n'est pas", "non-infectious", "33jährigen", ""] {
            for language in ["de", "fr", "en", "ro"] { Self.expectSameAsDecodingEveryScalar(text, language: language) }
        }
        for article in Fixtures.seedTexts {
            for line in article.split(separator: "\n") { Self.expectSameAsDecodingEveryScalar(String(line), language: "de") }
        }
    }

    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func asciiShortcutsCutTheSameWordsOnSharedData() throws {
        var checked = 0
        for (path, languages) in [("ced/en-de/dev.tsv", ["en", "de"]), ("terminology/wmt21-en-fr-dev/dev.tsv", ["en", "fr"]),
                                  ("mlqe-pe/ro-en/dev.tsv", ["ro", "en"]), ("mlqe-pe/ru-en/dev.tsv", ["ru", "en"])] {
            let text = try String(contentsOfFile: Fixtures.path("../shared/data/" + path), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard columns.count >= 3 else { continue }
                for (column, language) in zip([columns[1], columns[2]], languages) {
                    Self.expectSameAsDecodingEveryScalar(column, language: language)
                    checked += 1
                }
            }
        }
        #expect(checked > 5_000)
    }

    @Test func tokenizedContractionsAreJoinedOnlyWhereATStands() {
        let joined = SentenceWord.words(in: "I don 't know; he didn’t say T.", language: "en")
        #expect(joined.map(\.text) == ["i", "don't", "know", "he", "didn’t", "say", "t"])
        #expect(joined[1].written == "don 't" && joined[1].range == 2..<8)
        let none = SentenceWord.words(in: "Tea, tat and the tote", language: "en")
        #expect(none.map(\.text) == ["tea", "tat", "and", "the", "tote"])
    }
}
