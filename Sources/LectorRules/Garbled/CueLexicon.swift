import Foundation
import LectorText

/// Words that signal something (negation, offence) in each language, read from a resource file
/// with lines `LANGUAGE<TAB>CUE`; see `Resources/Garbled/negation.txt` for the cue forms.
struct CueLexicon: Sendable {
    private var words: [String: Set<String>] = [:]
    /// The keys of `words`, by language, to skip looking up most words that are no cue.
    private var wordFilters: [String: ASCIIKeyFilter] = [:]
    private var prefixes: [String: [String]] = [:]
    private var suffixes: [String: [String]] = [:]
    private var exceptions: [String: Set<String>] = [:]
    private var exceptionPrefixes: [String: [String]] = [:]
    private var substrings: [String: [String]] = [:]
    private var affixBytes: [String: AffixBytes] = [:]

    static let negation = CueLexicon(resource: "Garbled/negation.txt")
    static let toxicity = CueLexicon(resource: "Garbled/toxicity.txt")
    /// Profanity, insults and slurs only, for `meaning.offensive`.
    static let offensive = CueLexicon(resource: "Meaning/offensive.txt")

    init(resource: String) {
        guard let text = LectorResources.text(of: resource) else { return }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let language = parts[0], cue = parts[1].lowercased()
            if cue.hasPrefix("prefix:") {
                prefixes[language, default: []].append(String(cue.dropFirst(7)))
            } else if cue.hasPrefix("suffix:") {
                suffixes[language, default: []].append(String(cue.dropFirst(7)))
            } else if cue.hasPrefix("except-prefix:") {
                exceptionPrefixes[language, default: []].append(String(cue.dropFirst(14)))
            } else if cue.hasPrefix("except:") {
                exceptions[language, default: []].insert(String(cue.dropFirst(7)))
            } else if cue.hasPrefix("text:") {
                substrings[language, default: []].append(String(cue.dropFirst(5)))
            } else {
                words[language, default: []].insert(cue)
            }
        }
        wordFilters = words.mapValues { ASCIIKeyFilter(keys: $0) }
        for language in Set(prefixes.keys).union(suffixes.keys) {
            affixBytes[language] = AffixBytes(prefixes: prefixes[language] ?? [], suffixes: suffixes[language] ?? [])
        }
    }

    func hasCues(for language: String) -> Bool {
        words[language] != nil || prefixes[language] != nil || substrings[language] != nil
    }

    /// The cues found in `text`, in order (a word may be found more than once).
    func cues(in text: String, language: String) -> [String] {
        var found: [String] = []
        if let substrings = substrings[language] {
            let compact = text.filter { !$0.isWhitespace }
            for cue in substrings {
                var rest = compact[...]
                while let range = rest.range(of: cue) {
                    found.append(cue)
                    rest = rest[range.upperBound...]
                }
            }
        }
        let words = self.words[language] ?? []
        let wordFilter = wordFilters[language] ?? ASCIIKeyFilter(keys: [])
        let prefixes = self.prefixes[language] ?? []
        let suffixes = self.suffixes[language] ?? []
        let exceptions = self.exceptions[language] ?? []
        let exceptionPrefixes = self.exceptionPrefixes[language] ?? []
        guard !words.isEmpty || !prefixes.isEmpty || !suffixes.isEmpty else { return found }
        func isCue(_ word: String) -> Bool {
            if wordFilter.mayContain(word), words.contains(word) { return true }
            let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
            // The affixes first: most words have none, and the exceptions only undo a match.
            return (prefixes.contains(where: { Self.hasPrefix(word, $0, isASCII: isASCII) && word.count > $0.count + 1 })
                || suffixes.contains(where: { Self.hasSuffix(word, $0, isASCII: isASCII) }))
                && !exceptions.contains(word) && !exceptionPrefixes.contains(where: { Self.hasPrefix(word, $0, isASCII: isASCII) })
        }
        if let fast = latin1Cues(in: text, language: language, isCue: isCue) { return found + fast }
        for token in Self.words(inLowercased: text.lowercased()) {
            let word = String(token)
            if isCue(word) { found.append(word) }
        }
        return found
    }

    /// The word cues of `text` as `cues(in:language:)` finds them, for text whose every scalar is
    /// Latin-1 (lower-cased to one Latin-1 scalar) or stands alone (`scalarStandsAlone`): lower-cased
    /// and split scalar by scalar into one reused buffer, without lower-casing the whole text or
    /// making a string of each word. An ASCII word becomes a string only when the key filter or
    /// one of the affixes may match it (`AffixBytes`), which most words of a sentence are not;
    /// any other word is read by `isCue` as a string. `nil` for other text.
    /// `meaning.offensive` reads both sides of every pair, and this was most of its time.
    private func latin1Cues(in text: String, language: String, isCue: (String) -> Bool) -> [String]? {
        let lower = Self.latin1Lowercase
        let filter = wordFilters[language] ?? ASCIIKeyFilter(keys: [])
        let affixes = affixBytes[language] ?? AffixBytes(prefixes: [], suffixes: [])
        var found: [String] = []
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var isASCII = true
        func flush() {
            defer { word.removeAll(keepingCapacity: true); isASCII = true }
            guard !word.isEmpty else { return }
            if isASCII, !filter.mayContain(asciiBytes: word), !affixes.mayMatch(asciiWord: word) { return }
            let string = String(decoding: word, as: Unicode.UTF8.self)
            if isCue(string) { found.append(string) }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                if Latin1ScalarProperties.isAlphabetic(scalar) || byte == 0x27 {
                    word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                } else {
                    flush()
                }
            } else if value < 0x100 {
                let lowered = lower[Int(value)]
                guard lowered != 0 else { return nil }
                if Latin1ScalarProperties.isAlphabetic(Unicode.Scalar(UInt8(lowered))) {
                    isASCII = false
                    word.append(0xC0 | UInt8(lowered >> 6))
                    word.append(0x80 | UInt8(lowered & 0x3F))
                } else {
                    flush()
                }
            } else if scalar == "’" {
                isASCII = false
                word.append(contentsOf: [0xE2, 0x80, 0x99])
            } else if Self.scalarStandsAlone(scalar), Self.punctuationIsCaseless {
                // No letter stands alone above U+00FF (`CueLexiconFastPathTests`).
                flush()
            } else {
                return nil
            }
        }
        flush()
        return found
    }

    /// The lower case of each scalar from U+0080 to U+00FF where it is one scalar of that range
    /// (`String.lowercased` maps scalar by scalar), 0 where it is not (then no shortcut).
    static let latin1Lowercase: [UInt16] = (0..<256).map { value in
        let mapping = Unicode.Scalar(UInt8(value)).properties.lowercaseMapping.unicodeScalars
        guard mapping.count == 1, let first = mapping.first, first.value < 0x100 else { return 0 }
        return UInt16(first.value)
    }

    /// Whether lower-casing leaves every scalar that stands alone above U+00FF as it is, and none
    /// of them is a letter: what `latin1Cues` takes for granted.
    static let punctuationIsCaseless: Bool = (0x2010...0x205E).allSatisfy { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), scalarStandsAlone(scalar) else { return true }
        return scalar.properties.lowercaseMapping == String(scalar) && (scalar == "’" || !scalar.properties.isAlphabetic)
    }

    /// A language's prefixes and suffixes as bytes, for `latin1Cues` to pass over the ASCII words
    /// that no affix can match without making them strings. An affix whose canonical decomposition
    /// is not ASCII matches no ASCII word (`hasPrefix` compares canonically), so it is left out.
    struct AffixBytes: Sendable {
        let prefixes: [[UInt8]]
        let suffixes: [[UInt8]]

        init(prefixes: [String], suffixes: [String]) {
            func ascii(_ affix: String) -> [UInt8]? {
                let decomposed = affix.decomposedStringWithCanonicalMapping
                return decomposed.utf8.allSatisfy { $0 < 0x80 } ? Array(decomposed.utf8) : nil
            }
            self.prefixes = prefixes.compactMap(ascii)
            self.suffixes = suffixes.compactMap(ascii)
        }

        /// `false` only when no prefix starts and no suffix ends the ASCII word.
        func mayMatch(asciiWord word: [UInt8]) -> Bool {
            prefixes.contains { word.starts(with: $0) } || suffixes.contains { word.count >= $0.count && word.suffix($0.count).elementsEqual($0) }
        }
    }

    /// `word.hasPrefix(cue)`, compared as bytes when both are ASCII: ASCII characters are
    /// equal only to themselves, so the canonical comparison gives the same answer.
    static func hasPrefix(_ word: String, _ cue: String, isASCII: Bool) -> Bool {
        guard isASCII, cue.utf8.allSatisfy({ $0 < 0x80 }) else { return word.hasPrefix(cue) }
        return word.utf8.starts(with: cue.utf8)
    }

    /// `word.hasSuffix(cue)`, compared as bytes when both are ASCII.
    static func hasSuffix(_ word: String, _ cue: String, isASCII: Bool) -> Bool {
        guard isASCII, cue.utf8.allSatisfy({ $0 < 0x80 }) else { return word.hasSuffix(cue) }
        return word.utf8.count >= cue.utf8.count && word.utf8.reversed().starts(with: cue.utf8.reversed())
    }

    /// The words of lower-cased `text` as `split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })`
    /// splits them, without walking `Character`s where no scalar can join another into one.
    ///
    /// Below U+0300 no scalar extends a grapheme cluster (the first `Extend` scalars are the
    /// combining marks at U+0300) and only CR LF pairs up, which is split either way; the general
    /// punctuation block's quotes and dashes (U+2010…U+2027, U+2030…U+205E) stand alone as well.
    /// On such text each `Character` is one scalar, whose `isLetter` is its `isAlphabetic`
    /// (`CueLexiconFastPathTests` checks both for every scalar the shortcut admits).
    ///
    /// With `joiningHyphens`, `-` is part of a word too (`SpellingUnknownRule.foldedWords`).
    static func words(inLowercased text: String, joiningHyphens: Bool = false) -> [Substring] {
        let scalars = text.unicodeScalars
        var words: [Substring] = []
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalarStandsAlone(scalar) else {
                return text.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" && (!joiningHyphens || $0 != "-") })
            }
            let isWordScalar = Latin1ScalarProperties.isAlphabetic(scalar) || scalar == "'" || scalar == "’"
                || joiningHyphens && scalar == "-"
            if isWordScalar {
                if start == nil { start = index }
            } else if let wordStart = start {
                words.append(text[wordStart..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let wordStart = start { words.append(text[wordStart..<text.endIndex]) }
        return words
    }

    /// A scalar that is a whole `Character` next to any other scalar of which this is also true.
    static func scalarStandsAlone(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x300 || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
    }
}
