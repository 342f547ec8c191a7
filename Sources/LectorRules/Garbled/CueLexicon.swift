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
        for token in Self.words(inLowercased: text.lowercased()) {
            let word = String(token)
            if wordFilter.mayContain(word), words.contains(word) {
                found.append(word)
                continue
            }
            let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
            // The affixes first: most words have none, and the exceptions only undo a match.
            if prefixes.contains(where: { Self.hasPrefix(word, $0, isASCII: isASCII) && word.count > $0.count + 1 })
                || suffixes.contains(where: { Self.hasSuffix(word, $0, isASCII: isASCII) }),
               !exceptions.contains(word), !exceptionPrefixes.contains(where: { Self.hasPrefix(word, $0, isASCII: isASCII) }) {
                found.append(word)
            }
        }
        return found
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
