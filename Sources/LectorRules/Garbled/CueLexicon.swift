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
    private var cueBytes: [String: CueBytes] = [:]
    /// Everything `cues(in:language:)` reads for one language, found with one look-up: the
    /// look-ups by language of each list were a fifth of `meaning.offensive`.
    private var byLanguage: [String: LanguageCues] = [:]

    /// One language's lists (`languageCues(_:)`): a rule that reads every pair of a document in
    /// the same languages looks them up once, not for every text, where the look-up retained and
    /// released this object, shared by every thread, twice a pair.
    final class LanguageCues: Sendable {
        let words: Set<String>
        let wordFilter: ASCIIKeyFilter
        let prefixes: [String]
        let suffixes: [String]
        let exceptions: Set<String>
        let exceptionPrefixes: [String]
        let substrings: [String]?
        let bytes: CueBytes

        init(words: Set<String>, wordFilter: ASCIIKeyFilter, prefixes: [String], suffixes: [String], exceptions: Set<String>,
             exceptionPrefixes: [String], substrings: [String]?, bytes: CueBytes) {
            self.words = words
            self.wordFilter = wordFilter
            self.prefixes = prefixes
            self.suffixes = suffixes
            self.exceptions = exceptions
            self.exceptionPrefixes = exceptionPrefixes
            self.substrings = substrings
            self.bytes = bytes
        }

        /// The same lists in another object, for a caller that hands them on many times from
        /// one thread (`OffensiveRule.Lists`): the retains then stay on this thread's object.
        func copy() -> LanguageCues {
            LanguageCues(words: words, wordFilter: wordFilter, prefixes: prefixes, suffixes: suffixes, exceptions: exceptions,
                         exceptionPrefixes: exceptionPrefixes, substrings: substrings, bytes: bytes)
        }
    }

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
        for language in Set(words.keys).union(prefixes.keys).union(suffixes.keys) {
            cueBytes[language] = CueBytes(words: words[language] ?? [], prefixes: prefixes[language] ?? [],
                                          suffixes: suffixes[language] ?? [])
        }
        // A language with none of these lists has no cue to find.
        for language in Set(words.keys).union(prefixes.keys).union(suffixes.keys).union(substrings.keys) {
            byLanguage[language] = LanguageCues(
                words: words[language] ?? [], wordFilter: wordFilters[language] ?? ASCIIKeyFilter(keys: []),
                prefixes: prefixes[language] ?? [], suffixes: suffixes[language] ?? [], exceptions: exceptions[language] ?? [],
                exceptionPrefixes: exceptionPrefixes[language] ?? [], substrings: substrings[language],
                bytes: cueBytes[language] ?? CueBytes(words: [], prefixes: [], suffixes: []))
        }
    }

    func hasCues(for language: String) -> Bool {
        words[language] != nil || prefixes[language] != nil || substrings[language] != nil
    }

    /// The lists of `language`; `nil` if it has none.
    func languageCues(_ language: String) -> LanguageCues? { byLanguage[language] }

    /// The cues found in `text`, in order (a word may be found more than once).
    func cues(in text: String, language: String) -> [String] {
        guard let cues = byLanguage[language] else { return [] }
        return self.cues(in: text, using: cues)
    }

    /// `cues(in:language:)` with the language's lists looked up already (`languageCues(_:)`).
    func cues(in text: String, using cues: LanguageCues) -> [String] {
        var found: [String] = []
        if let substrings = cues.substrings {
            let compact = text.filter { !$0.isWhitespace }
            for cue in substrings {
                var rest = compact[...]
                while let range = rest.range(of: cue) {
                    found.append(cue)
                    rest = rest[range.upperBound...]
                }
            }
        }
        guard !cues.words.isEmpty || !cues.prefixes.isEmpty || !cues.suffixes.isEmpty else { return found }
        if let fast = latin1Cues(in: text, cues: cues) { return found + fast }
        for token in Self.words(inLowercased: text.lowercased()) {
            let word = String(token)
            if Self.isCue(word, in: cues) { found.append(word) }
        }
        return found
    }

    /// Whether a lower-cased word is a cue of the lists. The lists are read off `cues` where a
    /// word is asked about, not taken out of it up front: most texts have no word the byte filter
    /// lets through, and taking out the six lists retained and released each of them for every
    /// text (a quarter of `meaning.offensive`). A function, not a closure over `cues`, which
    /// retained the lists' object, shared by every thread, for every text.
    private static func isCue(_ word: String, in cues: LanguageCues) -> Bool {
        if cues.wordFilter.mayContain(word), cues.words.contains(word) { return true }
        let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
        // The affixes first: most words have none, and the exceptions only undo a match.
        return (cues.prefixes.contains(where: { hasPrefix(word, $0, isASCII: isASCII) && word.count > $0.count + 1 })
            || cues.suffixes.contains(where: { hasSuffix(word, $0, isASCII: isASCII) }))
            && !cues.exceptions.contains(word)
            && !cues.exceptionPrefixes.contains(where: { hasPrefix(word, $0, isASCII: isASCII) })
    }

    /// The word cues of `text` as `cues(in:language:)` finds them, for text whose every scalar is
    /// Latin-1 (lower-cased to one Latin-1 scalar) or stands alone (`scalarStandsAlone`): lower-cased
    /// and split scalar by scalar into one reused buffer, without lower-casing the whole text or
    /// making a string of each word. A word becomes a string, read by `isCue`, only when its bytes
    /// may be a listed word or carry a listed affix (`CueBytes`), which most words of a sentence
    /// do not. `nil` for other text. `meaning.offensive` reads both sides of every pair, and this
    /// was most of its time.
    private func latin1Cues(in text: String, cues: LanguageCues) -> [String]? {
        guard Self.punctuationIsCaseless else { return nil }
        let lower = Self.latin1Lowercase
        let alphabetic = Self.latin1Alphabetic
        // The word is built in a buffer on the stack, not an array: appending to one checked its
        // uniqueness and retained it at every byte. A scalar adds at most as many bytes to the
        // word as it has in the text (ASCII one, a Latin-1 letter two, `’` three), so a buffer of
        // the text's length holds any word of it.
        var text = text
        // One closure deep, the word's length and the cues found are its own locals, and a word
        // is finished by a function that captures nothing: finished by a nested function over
        // them, each word's access to them was checked for exclusivity at run time (a quarter of
        // the walk's instructions).
        return text.withUTF8 { text -> [String]? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count + 1) { word -> [String]? in
                var found: [String] = []
                var length = 0
                // Read on the text's UTF-8 bytes, each scalar decoded in place: walking the scalar
                // view decoded and checked every scalar through the standard library's iterator, a
                // third of the rule's time on ASCII prose.
                var index = 0
                let count = text.count
                while index < count {
                    let lead = text[index]
                    if lead < 0x80 {
                        index &+= 1
                        // ASCII: its letters are its alphabetic scalars.
                        if (lead | 0x20) &- 0x61 < 26 || lead == 0x27 {
                            word[length] = lead &- 0x41 < 26 ? lead | 0x20 : lead
                            length += 1
                        } else if length > 0 {
                            Self.finishWord(word, length: length, cues: cues, into: &found)
                            length = 0
                        }
                        continue
                    }
                    // A Swift string is valid UTF-8: the lead byte says how many bytes follow.
                    let scalarLength = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    var value = UInt32(lead) & (0x7F >> UInt32(scalarLength))
                    for next in (index + 1)..<(index + scalarLength) { value = value << 6 | UInt32(text[next] & 0x3F) }
                    index &+= scalarLength
                    if value < 0x100 {
                        let lowered = lower[Int(value)]
                        guard lowered != 0 else { return nil }
                        if alphabetic[Int(lowered)] {
                            word[length] = 0xC0 | UInt8(lowered >> 6)
                            word[length + 1] = 0x80 | UInt8(lowered & 0x3F)
                            length += 2
                            continue
                        }
                    } else if value == 0x2019 {
                        word[length] = 0xE2
                        word[length + 1] = 0x80
                        word[length + 2] = 0x99
                        length += 3
                        continue
                    } else if value < 0x300 || !Self.scalarStandsAlone(Unicode.Scalar(value)!) {
                        // U+0100–U+02FF hold letters (`ł`, `ř`, `ʼ`) as well as signs: the general path
                        // reads them, as it does anything else outside Latin-1 and the punctuation blocks.
                        return nil
                    }
                    // A separator (no letter stands alone in the punctuation blocks: `punctuationIsCaseless`).
                    if length > 0 {
                        Self.finishWord(word, length: length, cues: cues, into: &found)
                        length = 0
                    }
                }
                if length > 0 { Self.finishWord(word, length: length, cues: cues, into: &found) }
                return found
            }
        }
    }

    /// The word of `length` bytes at the start of `word` (`latin1Cues`'s buffer), appended to
    /// `found` when it is a cue; made a string only when its bytes may be one (`CueBytes`).
    private static func finishWord(_ word: UnsafeMutableBufferPointer<UInt8>, length: Int, cues: LanguageCues,
                                   into found: inout [String]) {
        let current = UnsafeBufferPointer(rebasing: word[..<length])
        guard cues.bytes.mayMatch(current) else { return }
        let string = String(decoding: current, as: Unicode.UTF8.self)
        if isCue(string, in: cues) { found.append(string) }
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

    /// `Unicode.Scalar.properties.isAlphabetic` of U+0000…U+00FF.
    static let latin1Alphabetic: [Bool] = (0..<256).map { Unicode.Scalar(UInt8($0)).properties.isAlphabetic }

    /// A language's words, prefixes and suffixes as UTF-8 bytes of their canonical composition,
    /// for `latin1Cues` to pass over the words that can be none of them without making strings.
    /// A word of Latin-1 scalars is composed already, and each of its scalars is a character, so
    /// it is canonically equal to a listed word, or starts or ends with a listed affix, only when
    /// its bytes are the composed bytes of that word or start or end with those of the affix;
    /// the filter keeps every such word, and `isCue` decides on the string as before.
    ///
    /// A class: `cues(in:language:)` hands a language's tables to `latin1Cues` at every call, and
    /// copying a struct of seven arrays retained each of them through its value witness.
    final class CueBytes: Sendable {
        /// By first byte, bit `n` set for a word of `n` bytes (bit 63 for 63 or more).
        let wordShapes: [UInt64]
        /// The same by last byte and by second byte (the first of a word of one byte): a word
        /// must fit all three to be a listed one, which the first byte and length alone let
        /// through for a sentence's common words (`isCue` was a third of `latin1Cues`).
        let wordEnds: [UInt64]
        let wordSeconds: [UInt64]
        let prefixes: [[UInt8]]
        let suffixes: [[UInt8]]
        /// By byte, whether some prefix starts (some suffix ends) with it, or every byte when an
        /// affix is empty: most words that are no listed word carry no affix's first byte, and
        /// comparing them with every affix was most of `mayMatch`.
        let prefixStarts: [Bool]
        let suffixEnds: [Bool]

        init(words: some Sequence<String>, prefixes: [String], suffixes: [String]) {
            func composed(_ text: String) -> [UInt8] { Array(text.precomposedStringWithCanonicalMapping.utf8) }
            var shapes = [UInt64](repeating: 0, count: 256)
            var ends = [UInt64](repeating: 0, count: 256)
            var seconds = [UInt64](repeating: 0, count: 256)
            for word in words {
                let bytes = composed(word)
                guard let first = bytes.first, let last = bytes.last else { continue }
                shapes[Int(first)] |= 1 << UInt64(min(bytes.count, 63))
                ends[Int(last)] |= 1 << UInt64(min(bytes.count, 63))
                seconds[Int(bytes[min(1, bytes.count - 1)])] |= 1 << UInt64(min(bytes.count, 63))
            }
            wordShapes = shapes
            wordEnds = ends
            wordSeconds = seconds
            let prefixes = prefixes.map(composed), suffixes = suffixes.map(composed)
            self.prefixes = prefixes
            self.suffixes = suffixes
            func edges(_ affixes: [[UInt8]], _ edge: ([UInt8]) -> UInt8?) -> [Bool] {
                var table = [Bool](repeating: false, count: 256)
                for affix in affixes {
                    guard let byte = edge(affix) else { return [Bool](repeating: true, count: 256) }
                    table[Int(byte)] = true
                }
                return table
            }
            prefixStarts = edges(prefixes, \.first)
            suffixEnds = edges(suffixes, \.last)
        }

        /// `false` only when the word (composed UTF-8, not empty) is no listed word and carries
        /// no listed affix.
        func mayMatch(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            let length: UInt64 = 1 << UInt64(min(word.count, 63))
            if wordShapes[Int(word[0])] & length != 0, wordEnds[Int(word[word.count - 1])] & length != 0,
               wordSeconds[Int(word[min(1, word.count - 1)])] & length != 0 { return true }
            return prefixStarts[Int(word[0])] && prefixes.contains { word.starts(with: $0) }
                || suffixEnds[Int(word[word.count - 1])] && suffixes.contains { word.count >= $0.count && word.suffix($0.count).elementsEqual($0) }
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
