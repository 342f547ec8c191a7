import Foundation
import LectorICU
import LectorText
import LectorFormats
import LectorGlossary
import LectorLexicon

/// The evidence that a translated sentence is garbled, measured on one sentence pair (or on
/// the translation alone). Each signal is a number (0 when it did not fire) with a sentence
/// that says what was seen, so that a finding can name its reasons.
public struct GarbledSignals: Sendable {
    /// Feature name → value. Names are stable: the fitted model refers to them.
    public var values: [String: Double] = [:]
    /// Feature name → what was seen, for messages.
    public var evidence: [String: String] = [:]

    /// Every feature the detector computes, in a fixed order (the fitting script uses it).
    public static let featureNames = [
        "clause.relative_added", "negation.mismatch", "negation.difference", "numbers.unmatched",
        "length.too_short", "length.too_long", "toxicity.mismatch", "toxicity.source", "repetition.target",
        "copy.ratio", "source.oov", "source.shouting", "source.elongation", "target.oov", "source.oov_dropped",
    ]

    mutating func set(_ name: String, _ value: Double, _ why: @autoclosure () -> String) {
        guard value != 0 else { return }
        values[name] = value
        evidence[name] = why()
    }
}

/// Computes `GarbledSignals` for sentence pairs of one language pair. Holds ICU objects: one
/// instance per task.
public final class GarbledSignalExtractor {
    public let sourceLanguage: String?
    public let targetLanguage: String
    private let sourceNumbers: NumberExtractor?
    private let targetNumbers: NumberExtractor?
    private let sourceLexicon: FreeDictDictionary?
    private let targetLexicon: FreeDictDictionary?
    /// Mean and standard deviation of log(target length / source length) for the pair.
    let lengthModel: (mean: Double, deviation: Double)

    public init(sourceLanguage: String?, targetLanguage: String, lengthMean: Double = 0, lengthDeviation: Double = 0.35) {
        self.sourceLanguage = sourceLanguage.map { Term.primaryLanguage(of: $0) }
        self.targetLanguage = Term.primaryLanguage(of: targetLanguage)
        // Signals only rank sentences for `lector eval`; no rule's finding reads them, and `Checker`
        // stops (exit 2) when a number extractor cannot be built.
        sourceNumbers = self.sourceLanguage.flatMap { try? NumberExtractor(language: $0) }
        targetNumbers = try? NumberExtractor(language: self.targetLanguage)
        sourceLexicon = self.sourceLanguage.flatMap { Lexicon.headwords(of: $0) }
        targetLexicon = Lexicon.headwords(of: self.targetLanguage)
        lengthModel = (lengthMean, max(lengthDeviation, 0.05))
    }

    /// Signals for a translation and, when there is one, its source.
    public func signals(source: String?, target: String) -> GarbledSignals {
        var signals = GarbledSignals()
        targetOnly(target, source: source, into: &signals)
        if let source, let sourceLanguage {
            bilingual(source: source, target: target, sourceLanguage: sourceLanguage, into: &signals)
        }
        return signals
    }

    // MARK: - Translation alone

    private func targetOnly(_ target: String, source: String?, into signals: inout GarbledSignals) {
        // Degenerate output: a word pair looping in the translation (three times or more than
        // in the source). Not for Japanese and Chinese, whose words a space-free script hides.
        if !Self.denseScripts.contains(targetLanguage) {
            let targetPairs = Self.wordPairs(target)
            let sourcePairs = source.map(Self.wordPairs) ?? [:]
            if let (pair, count) = targetPairs.max(by: { $0.value < $1.value }), count >= 3 {
                let excess = count - (sourcePairs[pair] ?? 0)
                if excess >= 2 {
                    signals.set("repetition.target", Double(min(excess - 1, 3)), "“\(pair)” repeated \(count)×")
                }
            }
        }
        // Without a source the model reads only the loop signal; the dictionary pass would be
        // wasted there (it was most of the cost of checking text alone).
        if source != nil, let targetLexicon, !Self.denseScripts.contains(targetLanguage) {
            let words = Self.words(target).filter { $0.count >= 3 && $0.allSatisfy(\.isLetter) }
            if words.count >= 3 {
                let unknown = words.filter { !targetLexicon.contains($0) && $0.first?.isUppercase != true }
                let rate = Double(unknown.count) / Double(words.count)
                signals.set("target.oov", rate, "words unknown to the \(LanguageTag.englishName(of: targetLanguage)) dictionary: "
                    + unknown.prefix(3).map { "“\($0)”" }.joined(separator: ", "))
            }
        }
    }

    // MARK: - Source and translation

    private func bilingual(source: String, target: String, sourceLanguage: String, into signals: inout GarbledSignals) {
        relativeClause(source: source, target: target, sourceLanguage: sourceLanguage, into: &signals)

        let negation = CueLexicon.negation
        if negation.hasCues(for: sourceLanguage), negation.hasCues(for: targetLanguage) {
            let inSource = negation.cues(in: source, language: sourceLanguage)
            let inTarget = negation.cues(in: target, language: targetLanguage)
            if inSource.isEmpty != inTarget.isEmpty {
                let side = inSource.isEmpty ? "translation" : "source"
                let cues = (inSource.isEmpty ? inTarget : inSource).prefix(2).map { "“\($0)”" }.joined(separator: ", ")
                signals.set("negation.mismatch", 1, "negation only in the \(side) (\(cues))")
            }
            let difference = abs(inSource.count - inTarget.count)
            signals.set("negation.difference", Double(min(difference, 3)),
                        "\(inSource.count) negation\(inSource.count == 1 ? "" : "s") in the source, \(inTarget.count) in the translation")
        }

        let toxicity = CueLexicon.toxicity
        if toxicity.hasCues(for: sourceLanguage) {
            let inSource = toxicity.cues(in: source, language: sourceLanguage)
            signals.set("toxicity.source", inSource.isEmpty ? 0 : 1, "offensive source (“\(inSource.first ?? "")”)")
            if toxicity.hasCues(for: targetLanguage) {
                let inTarget = toxicity.cues(in: target, language: targetLanguage)
                if inSource.isEmpty != inTarget.isEmpty {
                    let word = (inSource.isEmpty ? inTarget : inSource).first ?? ""
                    signals.set("toxicity.mismatch", 1, "offensive word only in the \(inSource.isEmpty ? "translation" : "source") (“\(word)”)")
                }
            }
        }

        if let sourceNumbers, let targetNumbers {
            let readable = Detokenizer.readable(target).text
            let comparison = Self.compareNumbers(sourceNumbers.numbers(in: source), targetNumbers.numbers(in: readable),
                                                 targetLanguage: targetLanguage, target: readable)
            let unmatched = (comparison.extraInTarget + comparison.missingFromTarget).map(\.text)
            signals.set("numbers.unmatched", Double(min(unmatched.count, 3)),
                        "numbers that differ: " + unmatched.prefix(3).map { "“\($0)”" }.joined(separator: ", "))
        }

        let sourceLength = Double(source.unicodeScalars.filter { !$0.properties.isWhitespace }.count)
        let targetLength = Double(target.unicodeScalars.filter { !$0.properties.isWhitespace }.count)
        if sourceLength >= 10, targetLength > 0 {
            let logRatio = log(targetLength / sourceLength)
            signals.values["length.log_ratio"] = logRatio  // raw, for fitting the length model
            let z = (logRatio - lengthModel.mean) / lengthModel.deviation
            let percent = Int((targetLength / sourceLength * 100).rounded())
            signals.set("length.too_short", max(0, -z), "translation \(percent) % as long as the source (z = \(String(format: "%.1f", z)))")
            signals.set("length.too_long", max(0, z), "translation \(percent) % as long as the source (z = \(String(format: "%.1f", z)))")
        }

        copyRatio(source: source, target: target, into: &signals)
        sourceQuality(source, into: &signals)
        droppedUnknownWords(source: source, target: target, into: &signals)
    }

    /// German `, die Anerkennung …` after a list: an article opening the next item, which MT may
    /// read as a relative pronoun (`, which recognizes …`). Fires when the translation has more
    /// relative clauses after commas than the source, and the source has such an article.
    private func relativeClause(source: String, target: String, sourceLanguage: String, into signals: inout GarbledSignals) {
        if let evidence = GarbledConditions.relativeClause(source: source, target: target, sourceLanguage: sourceLanguage,
                                                           targetLanguage: targetLanguage) {
            signals.set("clause.relative_added", 1, evidence)
        }
    }

    private func copyRatio(source: String, target: String, into signals: inout GarbledSignals) {
        if Self.denseScripts.contains(targetLanguage) {
            // A Japanese or Chinese translation that keeps Latin words of an English source.
            let letters = target.unicodeScalars.filter { $0.properties.isAlphabetic }
            guard letters.count >= 4 else { return }
            let latin = letters.filter { $0.isASCII }.count
            signals.set("copy.ratio", Double(latin) / Double(letters.count), "\(latin) of \(letters.count) letters left in Latin script")
            return
        }
        let sourceWords = Self.words(source).filter { $0.count >= 4 && $0.allSatisfy(\.isLetter) && $0.first?.isLowercase == true }
        guard sourceWords.count >= 3 else { return }
        let targetWords = Set(Self.words(target).map { $0.lowercased() })
        let copied = sourceWords.filter { targetWords.contains($0.lowercased()) }
        signals.set("copy.ratio", Double(copied.count) / Double(sourceWords.count),
                    "source words left untranslated: " + copied.prefix(3).map { "“\($0)”" }.joined(separator: ", "))
    }

    /// Words no dictionary knows (names, usernames, misspellings) pass into a translation
    /// unchanged when all goes well; one that is missing was dropped or mistranslated.
    private func droppedUnknownWords(source: String, target: String, into signals: inout GarbledSignals) {
        guard let sourceLexicon else { return }
        let targetText = target.lowercased()
        let dropped = Self.words(source).filter { word in
            word.count >= 3 && word.allSatisfy(\.isLetter) && !sourceLexicon.contains(word)
                && !targetText.contains(word.lowercased())
        }
        signals.set("source.oov_dropped", Double(min(dropped.count, 3)),
                    "source words missing from the translation: " + dropped.prefix(3).map { "“\($0)”" }.joined(separator: ", "))
    }

    private func sourceQuality(_ source: String, into signals: inout GarbledSignals) {
        let letters = source.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 12 {
            let upper = letters.filter { $0.properties.isUppercase }.count
            signals.set("source.shouting", Double(upper) / Double(letters.count), "source mostly in capitals")
        }
        let words = Self.words(source)
        if let elongated = words.first(where: Self.isElongated) {
            signals.set("source.elongation", 1, "stretched word in the source (“\(elongated)”)")
        }
        if let sourceLexicon {
            let candidates = words.filter { $0.count >= 3 && $0.allSatisfy(\.isLetter) && $0.first?.isLowercase == true }
            if candidates.count >= 3 {
                let unknown = candidates.filter { !sourceLexicon.contains($0) }
                signals.set("source.oov", Double(unknown.count) / Double(candidates.count),
                            "source words no dictionary knows: " + unknown.prefix(3).map { "“\($0)”" }.joined(separator: ", "))
            }
        }
    }

    // MARK: - Helpers

    static let denseScripts: Set<String> = ["ja", "zh", "ko", "th"]
    static let relativePronouns: [String: Set<String>] = [
        "en": ["which", "who", "whom", "whose", "that"],
        "fr": ["qui", "que", "dont", "lequel", "laquelle"],
        "cs": ["který", "která", "které", "kterého", "kterou", "kteří"],
    ]

    static func words(_ text: String) -> [String] {
        var text = text
        if let words = text.withUTF8(simpleWords) { return words }
        return text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }).map(String.init)
    }

    /// `words` on text whose every scalar is a character of its own (Latin letters up to U+02FF
    /// and the quotes and dashes of General Punctuation, never a combining mark or joiner), so that
    /// a scalar's properties are its character's and no grapheme breaking is needed: splitting
    /// into `Character`s was most of `garbled.sentence`'s time on text without a source. `nil` for
    /// other text.
    private static func simpleWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var words: [String] = []
        var start = -1
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let value: UInt32
            let length: Int
            if lead < 0x80 {
                value = UInt32(lead)
                length = 1
            } else if lead & 0xE0 == 0xC0 {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                length = 2
            } else if lead & 0xF0 == 0xE0 {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                length = 3
            } else {
                return nil
            }
            let isWordScalar: Bool
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x27: isWordScalar = true  // digits, letters, '
            case 0...0x7F: isWordScalar = false
            case 0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E:
                let scalar = Unicode.Scalar(value)!
                isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || value == 0x2019  // ’
            default: return nil
            }
            if isWordScalar {
                if start < 0 { start = index }
            } else if start >= 0 {
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = -1
            }
            index += length
        }
        if start >= 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        return words
    }

    /// (word, next word, word after) for each word that follows a comma.
    static func tokensAfterCommas(_ text: String) -> [(word: String, next: String, afterNext: String)] {
        var result: [(String, String, String)] = []
        // Without a comma there is no part after one. Where every scalar is below U+0300 each is a
        // character of its own, so cutting the UTF-8 at its commas gives Foundation's parts
        // without its comparison machinery (most of `garbled.sentence`'s time on German sources).
        guard UTF8Bytes.contains(text, byte: 0x2C) else { return [] }
        var contiguous = text
        let parts = contiguous.withUTF8 { bytes -> [String] in
            guard bytes.allSatisfy({ $0 < 0xCC }) else { return text.components(separatedBy: ",") }
            // The parts' bytes, as `split(separator: ",", omittingEmptySubsequences: false)` cuts
            // the characters, without walking characters.
            var parts: [String] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x2C {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            return parts
        }
        for part in parts.dropFirst() {
            let words = Self.words(part)
            guard let first = words.first else { continue }
            result.append((first, words.count > 1 ? words[1] : "", words.count > 2 ? words[2] : ""))
        }
        return result
    }

    static func wordPairs(_ text: String) -> [String: Int] {
        let words = Self.words(text.lowercased())
        var pairs: [String: Int] = [:]
        // Pairs of words with letters: repeated dates and figures ("03/28/2022 … 03/28/2022") are not loops.
        for index in words.indices.dropLast()
        where words[index].contains(where: \.isLetter) && words[index + 1].contains(where: \.isLetter) {
            pairs[words[index] + " " + words[index + 1], default: 0] += 1
        }
        return pairs
    }

    static func isElongated(_ word: String) -> Bool {
        var previous: Character?
        var run = 1
        for character in word.lowercased() {
            if character == previous, character.isLetter {
                run += 1
                if run >= 3 { return true }
            } else {
                run = 1
            }
            previous = character
        }
        return false
    }

    /// Date and time units after a CJK number (`1993 年`); made once, not per pair.
    private static let cjkDateUnits: Set<Character> = ["年", "月", "日", "時", "时", "点", "分", "秒", "号"]

    /// Compared numbers of either side without a partner on the other. Small whole numbers are
    /// often written as words on one side (`one` ↔ `1`) and count only when the other side
    /// has a different figure; a CJK number followed by a date or time unit is a date.
    /// Two numbers are the same within `tolerance` of the larger's size (0.01: 1 %; 0: equal);
    /// whole numbers up to `smallNumberLimit` count only next to other figures.
    public static func compareNumbers(_ source: [ExtractedNumber], _ target: [ExtractedNumber], targetLanguage: String,
                                      target text: String, tolerance: Double = 0, smallNumberLimit: Double = 12)
        -> (extraInTarget: [ExtractedNumber], missingFromTarget: [ExtractedNumber]) {
        // Most sentence pairs have no number on either side: nothing to pair, and no language
        // to look up.
        if source.isEmpty && target.isEmpty { return ([], []) }
        // Most pairs with figures have the same ones in the same order: nothing is left over,
        // found without the lists `comparedNumbers` makes and frees.
        if figuresPairInOrder(source, target, targetLanguage: targetLanguage, tolerance: tolerance) { return ([], []) }
        return comparedNumbers(source, target, targetLanguage: targetLanguage, target: text, tolerance: tolerance,
                               smallNumberLimit: smallNumberLimit)
    }

    /// Whether two numbers are the same for `compareNumbers`.
    @inline(__always)
    private static func sameValue(_ a: ExtractedNumber, _ b: ExtractedNumber, tolerance: Double) -> Bool {
        abs(a.value - b.value) <= max(1e-9, tolerance) * max(1, abs(a.value), abs(b.value))
            || NumberCorrespondence.sameWriting(a, b) || NumberCorrespondence.sameDecade(a, b)
    }

    /// Whether the compared figures of the target are those of the source, one by one in order
    /// (the same kind, percent or not, and the same value), with no digits in a name on the
    /// target side and no date part a dense script's comparison would read: then
    /// `comparedNumbers` pairs each target figure with the source's next one (the first left
    /// that matches), leaves nothing on either side, and answers `([], [])`. `false` says
    /// nothing: the comparison decides.
    static func figuresPairInOrder(_ source: [ExtractedNumber], _ target: [ExtractedNumber], targetLanguage: String,
                                   tolerance: Double) -> Bool {
        var next = 0
        var isDense: Bool?
        for number in target {
            if number.role == .inName { return false }
            guard number.role.isCompared else {
                // The comparison reads a dense script's date parts too (`isDatePart`).
                if number.role == .dayOfMonth || number.role == .datePart {
                    if isDense == nil { isDense = denseScripts.contains(Term.primaryLanguage(of: targetLanguage)) }
                    if isDense == true { return false }
                }
                continue
            }
            while next < source.count, !source[next].role.isCompared { next += 1 }
            guard next < source.count, (source[next].role == .percent) == (number.role == .percent),
                  sameValue(source[next], number, tolerance: tolerance) else { return false }
            next += 1
        }
        while next < source.count {
            if source[next].role.isCompared { return false }
            next += 1
        }
        return true
    }

    /// `compareNumbers` without its shortcut for figures paired in order.
    static func comparedNumbers(_ source: [ExtractedNumber], _ target: [ExtractedNumber], targetLanguage: String,
                                target text: String, tolerance: Double, smallNumberLimit: Double)
        -> (extraInTarget: [ExtractedNumber], missingFromTarget: [ExtractedNumber]) {
        if source.isEmpty && target.isEmpty { return ([], []) }
        let sameValue: (ExtractedNumber, ExtractedNumber) -> Bool = { Self.sameValue($0, $1, tolerance: tolerance) }
        let units = cjkDateUnits
        let isDense = denseScripts.contains(Term.primaryLanguage(of: targetLanguage))
        // Only a dense script's text is read below: others need no copy of it.
        let utf16 = isDense ? Array(text.utf16) : []
        // A CJK number followed by a date or time unit may match a source number (`1993 年`) but
        // is never reported as extra: it is part of a date.
        let isDatePart: (ExtractedNumber) -> Bool = { number in
            guard isDense else { return false }
            var index = number.range.upperBound
            while index < utf16.count, utf16[index] == 0x20 { index += 1 }
            guard index < utf16.count, let scalar = Unicode.Scalar(utf16[index]) else { return false }
            return units.contains(Character(scalar))
        }
        let targetNumbers = target.filter { $0.role.isCompared || ($0.role == .dayOfMonth || $0.role == .datePart) && isDatePart($0) }
        var remaining = source.filter(\.role.isCompared)
        var extra: [ExtractedNumber] = []
        for number in targetNumbers {
            if let index = remaining.firstIndex(where: { ($0.role == .percent) == (number.role == .percent) && sameValue($0, number) }) {
                remaining.remove(at: index)
            } else {
                extra.append(number)
            }
        }
        // A figure the source repeats and the translation says once (`in 96 % … in 96 %` joined
        // into one clause) is not missing; a repeated figure replaced still leaves an extra one.
        remaining.removeAll { number in
            targetNumbers.contains { ($0.role == .percent) == (number.role == .percent) && sameValue($0, number) }
        }
        // A date read on one side only (`23. oktoobrist` is a date the Estonian reader does not
        // know) leaves its day or year as a plain number: it matches the other side's date parts.
        // (Most pairs have every figure matched: no list below is made for them.)
        let isDatePartRole = { (number: ExtractedNumber) in number.role == .dayOfMonth || number.role == .datePart }
        if !extra.isEmpty {
            let sourceDates = source.filter(isDatePartRole)
            extra.removeAll { number in number.role != .percent && sourceDates.contains { sameValue($0, number) } }
        }
        if !remaining.isEmpty {
            let targetDates = target.filter(isDatePartRole)
            remaining.removeAll { number in number.role != .percent && targetDates.contains { sameValue($0, number) } }
        }
        // Digits in names (`COVID-19`, `F-16`) are not compared, unless the translation's name has
        // digits that nothing in the source has while a source name's digits are missing.
        if target.contains(where: { $0.role == .inName }) {
            let sourceNames = source.filter { $0.role == .inName }, targetNames = target.filter { $0.role == .inName }
            let changedNames = targetNames.filter { number in !source.contains { sameValue($0, number) } }
            if !changedNames.isEmpty, sourceNames.contains(where: { number in !target.contains { sameValue($0, number) } }) {
                extra += changedNames
            }
        }
        if extra.isEmpty && remaining.isEmpty { return ([], []) }
        let isSmall: (ExtractedNumber) -> Bool = { $0.value >= 0 && $0.value <= smallNumberLimit && $0.value == $0.value.rounded() }
        // A small number with no partner may be written in a way neither side reads (`a dozen`,
        // `a pair`); one in the translation where the source has another is a substitution.
        let differentFigures = extra.contains { !isSmall($0) } || remaining.contains { !isSmall($0) }
            || (!extra.isEmpty && !remaining.isEmpty)
        return (extra.filter { (!isSmall($0) || differentFigures) && !isDatePart($0) },
                remaining.filter { !isSmall($0) || differentFigures })
    }
}
