import Foundation
import LectorText
import LectorFormats

/// A word of a sentence with its UTF-16 range in the sentence, lower-cased.
struct SentenceWord: Sendable {
    var text: String
    var range: Range<Int>
    /// The word as written (`text` before lower-casing; for a joined `don 't`, the text in `range`).
    var written: String
    /// Written with a hyphen right after it (`non-infectious`, `nicht-radikulär`).
    var isHyphenated = false
    /// Written with a capital letter.
    var isCapitalized = false
    /// For an ASCII word, `text`'s first byte, its last byte (<< 8) and its length in bytes
    /// (<< 16); `nonASCIIShape` for a word of Latin-1 scalars past ASCII; `unknownShape` when not
    /// read (a scalar past Latin-1, whose lower case may be ASCII; a word whose text was changed;
    /// one longer than 32,767 bytes). Read as the word is cut, where its bytes are at hand:
    /// `NegationLexicon.negations` passes over most words on them alone, and read off each
    /// word's string again, for every pair, they cost `meaning.negation` a tenth of its time
    /// (news.xlf, 87 → 79 ms).
    var asciiShape: UInt32 = SentenceWord.unknownShape
    static let unknownShape: UInt32 = 0
    static let nonASCIIShape: UInt32 = 1 << 31

    /// The words of `text`: letters and digits, with an apostrophe inside a word kept (`isn't`).
    /// In French, Italian and Romanian an elided article or particle is a word of its own
    /// (`n'est` → `n'`, `est`).
    ///
    /// `decodingEveryScalar` reads every byte through the general path (each scalar decoded, the
    /// first letter's case looked up), for tests of the ASCII shortcuts.
    static func words(in text: String, language: String, decodingEveryScalar: Bool = false) -> [SentenceWord] {
        // Read on the text's UTF-8 bytes, each scalar decoded in place: the word being read is
        // always the bytes from `wordStart` to the scalar being read, cut out when it ends, and
        // an ASCII word is lower-cased on its bytes. Walking the scalar view (index checks at
        // every step) and lower-casing each word as a string was most of splitting a sentence.
        var text = text
        let elides = language == "fr" || language == "it" || language == "ro"
        // The words are the closure's own and returned from it: captured from outside, each
        // access to them was checked for exclusivity at run time.
        let (words, hasLoneT) = text.withUTF8 { bytes -> ([SentenceWord], Bool) in
            var words: [SentenceWord] = []
            // A word and the space after it take five bytes or more: room for a sentence's words
            // at once, where growing from empty copied them five or six times.
            words.reserveCapacity(bytes.count / 4 + 1)
            // Whether a word is `t` (`don 't`), noted as words are cut, so that a sentence
            // without one is not walked again comparing strings.
            var hasLoneT = false
            let count = bytes.count
            func decode(_ at: Int) -> (scalar: Unicode.Scalar, length: Int) {
                let lead = UInt32(bytes[at])
                if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
                // A Swift string is valid UTF-8: the lead byte says how many bytes follow.
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value = lead & (0x7F >> UInt32(length))
                for index in (at + 1)..<(at + length) { value = value << 6 | UInt32(bytes[index] & 0x3F) }
                return (Unicode.Scalar(value)!, length)
            }
            var wordStart: Int?
            var start = 0
            var offset = 0
            func flush(upTo end: Int) {
                if let from = wordStart {
                    let slice = UnsafeBufferPointer(rebasing: bytes[from..<end])
                    let current = String(decoding: slice, as: Unicode.UTF8.self)
                    // Most words are ASCII in lower case already, which is then the string as written:
                    // one pass over the bytes tells, and no second string is made for them.
                    var allBits: UInt8 = 0
                    var hasCapital = false
                    // A lead byte of C4 or above starts a scalar past U+00FF.
                    var beyondLatin1 = false
                    for byte in slice {
                        allBits |= byte
                        if byte &- 0x41 < 26 { hasCapital = true }
                        if byte >= 0xC4 { beyondLatin1 = true }
                    }
                    if slice.count == 1, slice[0] | 0x20 == 0x74 { hasLoneT = true }
                    let lowered: String
                    if allBits >= 0x80, !beyondLatin1 {
                        lowered = latin1Lowercased(slice) ?? current
                    } else if allBits >= 0x80 {
                        lowered = current.lowercased()
                    } else if hasCapital {
                        lowered = String(unsafeUninitializedCapacity: slice.count) { buffer in
                            for (index, byte) in slice.enumerated() { buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte }
                            return slice.count
                        }
                    } else {
                        lowered = current
                    }
                    // Past Latin-1, lower case may be ASCII (the Kelvin sign's is `k`): read off the text.
                    var shape = beyondLatin1 ? SentenceWord.unknownShape : SentenceWord.nonASCIIShape
                    if allBits < 0x80, slice.count <= 0x7FFF {
                        // `lowered`'s bytes: the word's, with A–Z in lower case.
                        func lower(_ byte: UInt8) -> UInt32 { UInt32(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
                        shape = lower(slice[0]) | lower(slice[slice.count - 1]) << 8 | UInt32(slice.count) << 16
                    }
                    // An ASCII first letter is upper case when it is `A`–`Z` (as Unicode has it).
                    let isCapitalized = !decodingEveryScalar && bytes[from] < 0x80 ? bytes[from] &- 0x41 < 26
                        : Latin1ScalarProperties.isUppercase(decode(from).scalar)
                    words.append(SentenceWord(text: lowered, range: start..<offset, written: current,
                                              isCapitalized: isCapitalized, asciiShape: shape))
                }
                wordStart = nil
            }
            var index = 0
            while index < count {
                // An ASCII letter or digit, most of the bytes of prose, continues or starts a word
                // as the general path below has it, without decoding a scalar.
                // The run of them is read in a loop of its own, on a local index: the word's state
                // (`wordStart`, `offset`), shared with `flush`, lives in memory, and stepping it
                // byte by byte was most of the split's own instructions.
                let lead = bytes[index]
                if !decodingEveryScalar, lead < 0x80, (lead | 0x20) &- 0x61 < 26 || lead &- 0x30 < 10 {
                    if wordStart == nil { start = offset; wordStart = index }
                    var end = index + 1
                    while end < count {
                        let byte = bytes[end]
                        guard byte < 0x80, (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 else { break }
                        end += 1
                    }
                    offset += end - index
                    index = end
                    continue
                }
                let (scalar, length) = decode(index)
                let nextIndex = index + length
                let width = scalar.value > 0xFFFF ? 2 : 1
                // ASCII answered here: its letters are alphabetic, its digits numeric, and nothing
                // else is either or a mark (the table's calls were a tenth of splitting a sentence).
                let value = scalar.value
                let isWordScalar = value < 0x80
                    ? (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10
                    : Latin1ScalarProperties.isAlphabetic(scalar) || Latin1ScalarProperties.isNumeric(scalar)
                        || Latin1ScalarProperties.isNonspacingMark(scalar)
                let isApostrophe = scalar == "'" || scalar == "’"
                if isWordScalar {
                    if wordStart == nil { start = offset; wordStart = index }
                } else if isApostrophe, wordStart != nil, nextIndex < count, Latin1ScalarProperties.isAlphabetic(decode(nextIndex).scalar) {
                    if elides {
                        offset += width
                        flush(upTo: nextIndex)
                        index = nextIndex
                        continue
                    }
                } else if scalar == "-", language == "ro", let from = wordStart, bytes[from] == 0x6E, from + 1 == index {
                    // Romanian `n-a` (`nu a`): the `n-` is the negation.
                    offset += width
                    flush(upTo: nextIndex)
                    index = nextIndex
                    continue
                } else {
                    flush(upTo: index)
                    if scalar == "-", let last = words.last, last.range.upperBound == offset {
                        words[words.count - 1].isHyphenated = true
                    }
                }
                offset += width
                index = nextIndex
            }
            flush(upTo: count)
            return (words, hasLoneT)
        }
        return hasLoneT ? joiningTokenizedContractions(words, in: text) : words
    }

    /// `String.lowercased()` of a word whose scalars are all below U+0100 (German, French, Spanish
    /// words with accents), on its UTF-8 bytes: Unicode lower-cases only A–Z and U+00C0–U+00DE
    /// (but U+00D7 `×`) there, each by adding 0x20 to its last byte, so the bytes keep their
    /// length. `nil` when the word has no capital, and is its own lower case. The standard
    /// library's `lowercased()` looks each scalar's mapping up in its tables: a tenth of the
    /// samples of splitting the news's sentences into words.
    static func latin1Lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var hasCapital = false
        var previous: UInt8 = 0
        for byte in bytes {
            if byte &- 0x41 < 26 || (previous == 0xC3 && byte &- 0x80 < 0x1F && byte != 0x97) { hasCapital = true; break }
            previous = byte
        }
        guard hasCapital else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var previous: UInt8 = 0
            for (index, byte) in bytes.enumerated() {
                let isCapital = byte &- 0x41 < 26 || (previous == 0xC3 && byte &- 0x80 < 0x1F && byte != 0x97)
                buffer[index] = isCapital ? byte + 0x20 : byte
                previous = byte
            }
            return bytes.count
        }
    }

    /// Tokenized MT writes `don 't`; read it as `don't`.
    private static func joiningTokenizedContractions(_ words: [SentenceWord], in text: String) -> [SentenceWord] {
        guard words.contains(where: { $0.text == "t" }) else { return words }
        let utf16 = Array(text.utf16)
        var result: [SentenceWord] = []
        for word in words {
            if word.text == "t", var previous = result.last, previous.text.hasSuffix("n"), word.range.lowerBound >= 1,
               utf16[word.range.lowerBound - 1] == 0x27 || utf16[word.range.lowerBound - 1] == 0x2019 {
                previous.text += "'t"
                previous.asciiShape = SentenceWord.unknownShape
                previous.range = previous.range.lowerBound..<word.range.upperBound
                previous.written = String(decoding: utf16[previous.range], as: Unicode.UTF16.self)
                result[result.count - 1] = previous
            } else {
                result.append(word)
            }
        }
        return result
    }
}

/// The negation cues of one language, from `Resources/Meaning/negation.txt` (whose header says
/// what each kind is and where the lists come from).
struct NegationLexicon: Sendable {
    enum Strength: Sendable {
        /// A negative particle, pronoun or adverb: `not`, `не`, `kein`.
        case grammatical
        /// A word that negates by its meaning: `failed`, `without`, `refused`.
        case lexical
        /// A word that negates only with another cue: French `ne` (`ne … pas`; not `ne … que`).
        case weak
    }

    /// One negation of a sentence, counted once however many words express it (`ne … pas`, `никто не`).
    struct Negation: Sendable {
        /// The words that express it, as written (lower case).
        var cue: String
        let strength: Strength
        /// UTF-16 range of the cue words in the sentence; the whole sentence for Japanese and Chinese.
        var range: Range<Int>
        /// The first word after the cue (what it negates), when the language has words.
        var scope: String?
        var scopeRange: Range<Int>?
        /// One word that its own affix negates (`unemployment`, `kuulutamata`, `neschválila`): it
        /// negates that word alone, not its neighbours.
        var isAffixed = false
    }

    let language: String
    private var phrases: [String: [(words: [String], strength: Strength)]] = [:]
    private var prefixes: [String] = []
    private(set) var suffixes: [String] = []
    /// Those of `suffixes` that an ASCII word may end with: the ones whose canonical
    /// decomposition is ASCII. A character of any other (`’` of `n’t`) is canonically equal to
    /// no ASCII character, and every English word ending in `t` was compared with `n’t` as a
    /// string (1,800 instructions each; news.xlf's cue matching 124 → 115 M instructions).
    private(set) var asciiWordSuffixes: [String] = []
    private var lexicalSuffixes: [String] = []
    private var lexicalPrefixes: [String] = []
    private var lexicalPrefixEndings: [String] = []
    /// Words starting with one of these are neither lexical negatives by `lex-prefix` nor litotes
    /// (`under`, `universe`; German `unbedingt`, `unter`).
    private var lexicalExceptPrefixes: [String] = []
    /// A grammatical cue right before a word with this negative prefix is a litotes, which affirms
    /// (`nicht unwichtig` = important, `not uncommon`).
    private var litotesPrefixes: [String] = []
    private var verbEndings: [String] = []
    private var exceptions: Set<String> = []
    private var exceptionPrefixes: [String] = []
    private var cancels: [String: [[String]]] = [:]
    private var substrings: [(text: String, strength: Strength)] = []
    private var cancelSubstrings: [String] = []
    /// Japanese `しか`: the negation after it in the clause is the restrictive "only" (`3人しか来なかった`
    /// "only three people came"), not a negation.
    private var restrictiveSubstrings: [String] = []
    /// Prepositions and pronouns: a particle before one (`vertrok niet op tijd`) negates the verb
    /// before the particle, not the word after it.
    private var scopeSkips: Set<String> = []
    /// The language's function words (`function-words.txt`), which a negation's scope never is.
    private var functionWords: Set<String> = []
    /// Cue → words that make it lexical when one follows within two words (Russian `не … ли`).
    private var lexicalBefore: [String: Set<String>] = [:]
    /// Cue → words that make it lexical when one precedes it within three words (concessive
    /// `где … ни`, `как бы там ни`).
    private var lexicalAfter: [String: Set<String>] = [:]
    /// Words that make any grammatical cue before them lexical, within `laterWindow` words
    /// (English `didn't get home until after midnight` is "only after midnight", German `erst`).
    private var lexicalIfLater: Set<String> = []
    private static let laterWindow = 6
    /// Affirmative phrases, for messages: `managed to`.
    private(set) var opposites: [[String]] = []
    /// The first words of `phrases` and of `cancels`, to skip looking up most words of a sentence.
    private var phraseFilter = ASCIIKeyFilter(keys: [])
    private var cancelFilter = ASCIIKeyFilter(keys: [])
    /// The bytes an ASCII word may end with to carry one of `suffixes` (and `lexicalSuffixes`),
    /// or begin with to carry one of `lexicalPrefixes`: most words of a sentence carry none,
    /// which their last or first byte settles without comparing strings.
    private var suffixEnds = AffixEnds(affixes: [], last: true)
    private var lexicalSuffixEnds = AffixEnds(affixes: [], last: true)
    private var lexicalPrefixStarts = AffixEnds(affixes: [], last: false)
    /// All of the above at once, for `negations(in:words:)` to pass over an ASCII word that can be
    /// none of the cues on its first byte, last byte and length alone: most words of a sentence,
    /// each of which was asked of two key filters and three affix tables in turn.
    private(set) var inertWords = InertWords()

    /// The ASCII words no phrase, cancelling phrase or affix of a lexicon can begin with or be.
    /// Sound as `ASCIIKeyFilter` and `AffixEnds` are: a word equals a key, or carries an affix,
    /// only if the key's (affix's) canonical decomposition is ASCII and has the word's bytes (at
    /// that end), so its first or last byte and its length are marked here. Words with a
    /// negative prefix (`prefixes`, compared on characters) are never passed over.
    struct InertWords: Sendable {
        /// By first byte and by last byte, bit `n` set for a key of `n` bytes (bit 63 for 63 or more).
        private var keyFirsts = [UInt64](repeating: 0, count: 128)
        private var keyLasts = [UInt64](repeating: 0, count: 128)
        /// By byte, whether an affix starts (`affixFirsts`) or ends (`affixLasts`) with it.
        private var affixFirsts = [Bool](repeating: false, count: 128)
        private var affixLasts = [Bool](repeating: false, count: 128)
        /// The same for words of Latin-1 scalars past ASCII (`ä`, `ß`), by the bytes of each key's
        /// and affix's canonical composition: such a word is composed already (Latin-1 holds no
        /// combining mark) and each of its scalars is a character, so it equals a key, or carries
        /// an affix, only when its bytes are the composed key's (or end or start with the
        /// composed affix's). German news has an umlaut in every other sentence, and each such
        /// word was looked up in two dictionaries and compared with every affix as a string.
        private var latin1KeyFirsts = [UInt64](repeating: 0, count: 256)
        private var latin1KeyLasts = [UInt64](repeating: 0, count: 256)
        private var latin1AffixFirsts = [Bool](repeating: false, count: 256)
        private var latin1AffixLasts = [Bool](repeating: false, count: 256)
        /// `false` when no word may be passed over (an empty affix, or negative prefixes).
        private var isActive = false

        init() {}

        init(keys: some Sequence<String>, endingAffixes: [String], startingAffixes: [String], hasPrefixes: Bool) {
            isActive = !hasPrefixes
            for key in keys {
                let composed = Array(key.precomposedStringWithCanonicalMapping.utf8)
                if let first = composed.first, let last = composed.last {
                    let length: UInt64 = 1 << UInt64(min(composed.count, 63))
                    latin1KeyFirsts[Int(first)] |= length
                    latin1KeyLasts[Int(last)] |= length
                }
                let bytes = Array(key.decomposedStringWithCanonicalMapping.utf8)
                guard let first = bytes.first, let last = bytes.last, bytes.allSatisfy({ $0 < 0x80 }) else { continue }
                let length: UInt64 = 1 << UInt64(min(bytes.count, 63))
                keyFirsts[Int(first)] |= length
                keyLasts[Int(last)] |= length
            }
            for (affixes, isLast) in [(endingAffixes, true), (startingAffixes, false)] {
                for affix in affixes {
                    let composed = Array(affix.precomposedStringWithCanonicalMapping.utf8)
                    if let edge = isLast ? composed.last : composed.first {
                        if isLast { latin1AffixLasts[Int(edge)] = true } else { latin1AffixFirsts[Int(edge)] = true }
                    }
                    let bytes = Array(affix.decomposedStringWithCanonicalMapping.utf8)
                    guard let edge = isLast ? bytes.last : bytes.first else {
                        isActive = false
                        continue
                    }
                    guard edge < 0x80, bytes.allSatisfy({ $0 < 0x80 }) else { continue }
                    if isLast { affixLasts[Int(edge)] = true } else { affixFirsts[Int(edge)] = true }
                }
            }
        }

        /// Whether an ASCII word of these edge bytes and length is no key and carries no affix.
        @inline(__always)
        func passesOver(first: UInt8, last: UInt8, count: Int) -> Bool {
            guard isActive else { return false }
            let length: UInt64 = 1 << UInt64(min(count, 63))
            return keyFirsts[Int(first)] & keyLasts[Int(last)] & length == 0
                && !affixLasts[Int(last)] && !affixFirsts[Int(first)]
        }

        /// Whether a word of Latin-1 scalars (some past ASCII) of these edge bytes and length in
        /// UTF-8 is no key and carries no affix.
        @inline(__always)
        func passesOverLatin1(first: UInt8, last: UInt8, count: Int) -> Bool {
            guard isActive else { return false }
            let length: UInt64 = 1 << UInt64(min(count, 63))
            return latin1KeyFirsts[Int(first)] & latin1KeyLasts[Int(last)] & length == 0
                && !latin1AffixLasts[Int(last)] && !latin1AffixFirsts[Int(first)]
        }
    }

    /// For each byte, whether an ASCII word ending (or starting) with it may carry one of the
    /// affixes: an affix matches an ASCII word only through its canonical decomposition, which
    /// must then be ASCII and end (or start) with that byte; an empty affix matches every word.
    struct AffixEnds: Sendable {
        private var bytes = [Bool](repeating: false, count: 256)

        init(affixes: [String], last: Bool) {
            for affix in affixes {
                let decomposed = Array(affix.decomposedStringWithCanonicalMapping.utf8)
                guard let end = last ? decomposed.last : decomposed.first else {
                    bytes = [Bool](repeating: true, count: 256)
                    return
                }
                if decomposed.allSatisfy({ $0 < 0x80 }) { bytes[Int(end)] = true }
            }
        }

        /// `false` only when no affix can match the word, which is ASCII when `isASCII`.
        func mayMatch(_ word: String, isASCII: Bool, last: Bool) -> Bool {
            guard isASCII, let end = last ? word.utf8.last : word.utf8.first else { return true }
            return bytes[Int(end)]
        }
    }

    var isEmpty: Bool {
        phrases.isEmpty && prefixes.isEmpty && suffixes.isEmpty && substrings.isEmpty && lexicalSuffixes.isEmpty
            && lexicalPrefixes.isEmpty
    }

    /// The lexicon of every language in the resource (for tests that walk them all).
    static var all: [String: NegationLexicon] { load(language: nil) }

    /// The lexicon of `language`'s primary language, read once per process and language: a check
    /// asks for its two languages, and reading all fifteen was 58 M instructions of a ten-unit check's
    /// 1,504 M. A language's lexicon is made from its own lines only, so it is the same read alone.
    static func forLanguage(_ language: String) -> NegationLexicon? {
        let primary = Term.primaryLanguage(of: language)
        return byLanguage.value(for: primary) { load(language: primary)[primary] }
    }

    private static let byLanguage = ProcessMemo<String, NegationLexicon?>(makesOnce: true)

    /// The lexicons of the resource's lines of `language` (a primary language), or of every language.
    static func load(language: String?) -> [String: NegationLexicon] {
        guard let text = LectorResources.text(of: "Meaning/negation.txt") else {
            // A missing resource is a broken build, not a state a user can be in: fail loudly.
            preconditionFailure("Lector's resource Meaning/negation.txt is missing")
        }
        var result: [String: NegationLexicon] = [:]
        for line in ResourceLines.lines(of: text, startingWith: language.map { $0 + "\t" }) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard fields.count == 3 else { continue }
            let language = fields[0], cue = fields[2].lowercased()
            // Taken out of the dictionary while it grows: a copy left in it made each line's
            // change copy the language's tables (copy on write), the lexicon's whole load twice over.
            let known = result.removeValue(forKey: language)
            var lexicon = known ?? NegationLexicon(language: language)
            let words = cue.split(separator: " ").map(String.init)
            switch fields[1] {
            case "neg": lexicon.phrases[words[0], default: []].append((words, .grammatical))
            case "lex": lexicon.phrases[words[0], default: []].append((words, .lexical))
            case "weak": lexicon.phrases[words[0], default: []].append((words, .weak))
            case "prefix": lexicon.prefixes.append(cue)
            case "suffix": lexicon.suffixes.append(cue)
            case "lex-suffix": lexicon.lexicalSuffixes.append(cue)
            case "lex-prefix": lexicon.lexicalPrefixes.append(cue)
            case "lex-prefix-ending": lexicon.lexicalPrefixEndings.append(cue)
            case "lex-except-prefix": lexicon.lexicalExceptPrefixes.append(cue)
            case "litotes": lexicon.litotesPrefixes.append(cue)
            case "verb-ending": lexicon.verbEndings.append(cue)
            case "except": lexicon.exceptions.insert(cue)
            case "except-prefix": lexicon.exceptionPrefixes.append(cue)
            case "text": lexicon.substrings.append((cue, .grammatical))
            case "text-lex": lexicon.substrings.append((cue, .lexical))
            case "text-restrictive": lexicon.restrictiveSubstrings.append(cue)
            case "scope-skip": lexicon.scopeSkips.insert(cue)
            case "cancel":
                if words.count == 1, cue.unicodeScalars.contains(where: { Self.isDense($0) }) {
                    lexicon.cancelSubstrings.append(cue)
                } else {
                    lexicon.cancels[words[0], default: []].append(words)
                }
            case "opposite": lexicon.opposites.append(words)
            case "lex-if-followed" where words.count == 2: lexicon.lexicalBefore[words[0], default: []].insert(words[1])
            case "lex-if-preceded" where words.count == 2: lexicon.lexicalAfter[words[0], default: []].insert(words[1])
            case "lex-if-later" where words.count == 1: lexicon.lexicalIfLater.insert(words[0])
            default:
                // A line of no known kind adds nothing, and names no language by itself.
                if let known { result[language] = known }
                continue
            }
            result[language] = lexicon
        }
        for key in result.keys {
            // Longest phrase first, so `не вдалося` wins over `не`.
            for (word, list) in result[key]!.phrases {
                result[key]!.phrases[word] = list.sorted { $0.words.count > $1.words.count }
            }
            result[key]!.functionWords = FunctionWords.of(key)
            result[key]!.phraseFilter = ASCIIKeyFilter(keys: result[key]!.phrases.keys)
            result[key]!.cancelFilter = ASCIIKeyFilter(keys: result[key]!.cancels.keys)
            result[key]!.suffixEnds = AffixEnds(affixes: result[key]!.suffixes, last: true)
            result[key]!.asciiWordSuffixes = result[key]!.suffixes.filter {
                $0.decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }
            }
            result[key]!.lexicalSuffixEnds = AffixEnds(affixes: result[key]!.lexicalSuffixes, last: true)
            result[key]!.lexicalPrefixStarts = AffixEnds(affixes: result[key]!.lexicalPrefixes, last: false)
            let lexicon = result[key]!
            result[key]!.inertWords = InertWords(keys: Array(lexicon.phrases.keys) + Array(lexicon.cancels.keys),
                                                 endingAffixes: lexicon.suffixes + lexicon.lexicalSuffixes,
                                                 startingAffixes: lexicon.lexicalPrefixes, hasPrefixes: !lexicon.prefixes.isEmpty)
        }
        return result
    }

    private init(language: String) {
        self.language = language
    }

    static func isDense(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    /// The negations of a sentence. Cues at most three words apart (`ne le leur donne pas`) are one negation
    /// (`ne le voit pas`, `weder … noch`, `никто не`); a grammatical cue makes the group grammatical.
    ///
    /// `passingOverInertWords: false` asks every word of every cue, for tests of `InertWords`.
    func negations(in text: String, words: [SentenceWord], passingOverInertWords: Bool = true) -> [Negation] {
        if !substrings.isEmpty { return denseNegations(in: text) }
        var hits: [(Negation, last: Int)] = []
        var index = 0
        while index < words.count {
            // Whether the word is ASCII, read once for the filters and affixes below, which
            // compare bytes then (each scanned the word again, and `hasSuffix` compared canonically),
            // with its edge bytes and length, which settle most words on their own: as the
            // words were cut (`SentenceWord.asciiShape`), or read off the word here.
            let shape = words[index].asciiShape
            let isASCII: Bool, firstByte: UInt8, lastByte: UInt8, byteCount: Int
            // Whether every scalar of a word past ASCII is Latin-1 (no lead byte from C4 on).
            var isLatin1 = false
            if shape != SentenceWord.unknownShape, shape & SentenceWord.nonASCIIShape == 0 {
                isASCII = true
                firstByte = UInt8(truncatingIfNeeded: shape)
                lastByte = UInt8(truncatingIfNeeded: shape >> 8)
                byteCount = Int(shape >> 16 & 0x7FFF)
            } else {
                // Read off the word: its shape says only that it is Latin-1, or was not read.
                var allBits: UInt8 = 0, first: UInt8 = 0, last: UInt8 = 0, count = 0, beyondLatin1 = false
                for byte in words[index].text.utf8 {
                    if count == 0 { first = byte }
                    last = byte
                    allBits |= byte
                    if byte >= 0xC4 { beyondLatin1 = true }
                    count += 1
                }
                (isASCII, firstByte, lastByte, byteCount) = (allBits < 0x80, first, last, count)
                isLatin1 = !isASCII && !beyondLatin1
            }
            // A word that is no cue has no effect below: it is neither matched nor merged.
            if passingOverInertWords, byteCount > 0,
               isASCII ? inertWords.passesOver(first: firstByte, last: lastByte, count: byteCount)
                       : isLatin1 && inertWords.passesOverLatin1(first: firstByte, last: lastByte, count: byteCount) {
                index += 1
                continue
            }
            let word = words[index].text
            if cancelFilter.mayContain(word, isASCII: isASCII),
               let cancel = cancels[word]?.first(where: { matches($0, at: index, in: words) }) {
                index += cancel.count
                continue
            }
            var matched: (count: Int, strength: Strength)?
            // `neschválila`: the negative prefix makes the word itself the negated one.
            var negatesItself = false
            var isAffixed = false
            if phraseFilter.mayContain(word, isASCII: isASCII), let phrase = phrases[word]?.first(where: { matches($0.words, at: index, in: words) }) {
                matched = (phrase.words.count, phrase.strength)
            } else if suffixEnds.mayMatch(word, isASCII: isASCII, last: true),
                      (isASCII ? asciiWordSuffixes : suffixes).contains(where: { Self.hasSuffix(word, $0, wordIsASCII: isASCII) }) {
                matched = (1, .grammatical)
            } else if !prefixes.isEmpty, !exceptions.contains(word), !exceptionPrefixes.contains(where: { word.hasPrefix($0) }),
                      prefixes.contains(where: { word.hasPrefix($0) && word.count > $0.count + 1 }) {
                let isVerb = verbEndings.isEmpty || verbEndings.contains { word.hasSuffix($0) }
                matched = (1, isVerb ? .grammatical : .lexical)
                negatesItself = true
                isAffixed = true
            } else if isLexicalAffixed(word, isASCII: isASCII), !Self.isAcronym(words[index].written) {
                matched = (1, .lexical)
                isAffixed = true
            }
            // `No Mercy`, `Nobody Knows`: a capitalized cue inside a sentence before another capital is a title.
            if matched != nil, index > 0, words[index].isCapitalized, index + 1 < words.count, words[index + 1].isCapitalized,
               words[index - 1].range.upperBound < words[index].range.lowerBound {
                matched = nil
            }
            // `("yes" or "no")`: a cue in quotation marks is a word mentioned, not a negation.
            if matched != nil, Self.isQuoted(words[index].range, in: text) { matched = nil }
            // `nicht unwichtig`, `not uncommon`: two negations that affirm.
            if let found = matched, found.count == 1, found.strength == .grammatical, index + 1 < words.count,
               isLitotes(words[index + 1].text) {
                matched = (1, .lexical)
            }
            // `NO` in lower-case prose is a chemical formula or an abbreviation (nitric oxide), not a negation.
            if matched != nil, word.count == 2, Self.isUpperCase(words[index].range, in: text) { matched = nil }
            // `No. 23`, `No 10 Downing Street`: the abbreviation of "number".
            if matched != nil, language == "en", word == "no", index + 1 < words.count,
               words[index + 1].text.allSatisfy(\.isNumber) {
                matched = nil
            }
            if let found = matched, found.count == 1, found.strength == .grammatical, isLexicalInContext(at: index, in: words) {
                matched = (1, .lexical)
            }
            guard let (count, matchedStrength) = matched else { index += 1; continue }
            let last = index + count - 1
            // `non-infectious`, `nicht-radikulär`: a negative prefix of a word, not of the clause.
            let strength = words[last].isHyphenated ? .lexical : matchedStrength
            let cue = words[index...last].map(\.text).joined(separator: " ")
            let range = words[index].range.lowerBound..<words[last].range.upperBound
            // A lexical negative is a negation of its own, even next to another cue (`sans admission en USI
            // n'ont pas`, `avoid unnecessary tests`): each answers one negation of the other side. A weak cue
            // joins the cue after it (`ne … pas`) or a grammatical one before it (`rien ne`).
            if let previous = hits.last, index - previous.last <= 4,
               (previous.0.strength == .grammatical && strength == .grammatical) || previous.0.strength == .weak
                || (strength == .weak && previous.0.strength == .grammatical) {
                var merged = previous.0
                merged.cue += " … " + cue
                merged.range = merged.range.lowerBound..<range.upperBound
                let strength: Strength = merged.strength == .grammatical || strength == .grammatical ? .grammatical : .lexical
                hits[hits.count - 1] = (Negation(cue: merged.cue, strength: strength, range: merged.range), last)
            } else {
                var negation = Negation(cue: cue, strength: strength, range: range)
                negation.isAffixed = isAffixed && count == 1
                if negatesItself, count == 1 {
                    negation.scope = words[index].written
                    negation.scopeRange = words[index].range
                }
                hits.append((negation, last))
            }
            index = last + 1
        }
        return hits.map { hit, last in
            var negation = hit
            if negation.strength == .weak {
                negation = Negation(cue: hit.cue, strength: .lexical, range: hit.range, isAffixed: hit.isAffixed)
            }
            guard negation.scope == nil else { return negation }
            if let scope = scope(after: last, of: negation, in: words, text: text) {
                negation.scope = scope.written
                negation.scopeRange = scope.range
            }
            return negation
        }
    }

    /// The word a negation whose cue ends at word `last` negates, for messages. Auxiliaries, copulas,
    /// prepositions and articles (the language's function words, `function-words.txt`) are never it:
    /// `n'a pas été informé` negates `informé`, `nicht für die Wirtschaft` does not negate `für`.
    private func scope(after last: Int, of negation: Negation, in words: [SentenceWord], text: String) -> SentenceWord? {
        func isContent(_ word: SentenceWord) -> Bool {
            word.text.count >= 2 && phrases[word.text] == nil && !Self.functionWords.contains(word.text)
                && !functionWords.contains(word.text)
        }
        let clauseEnd = Self.clauseEnd(after: last, in: words, text: text)
        // `vertrok niet op tijd`: before a preposition or a pronoun the particle negates the verb
        // before it, when that is a full verb. After an auxiliary or a copula (`wurde nicht über die
        // Pläne informiert`, `ist nicht für die Wirtschaft gut`), the negated word of a verb-final
        // clause is its last one.
        if last + 1 < words.count, scopeSkips.contains(words[last + 1].text),
           let first = words.firstIndex(where: { $0.range.lowerBound == negation.range.lowerBound }), first > 0,
           case let previous = words[first - 1], previous.text.count >= 2, !scopeSkips.contains(previous.text),
           phrases[previous.text] == nil, previous.range.upperBound < negation.range.lowerBound {
            if isContent(previous) { return previous }
            if let final = words[(last + 1)..<clauseEnd].last(where: isContent) { return final }
        }
        if let found = words[(last + 1)..<clauseEnd].first(where: isContent) { return found }
        // A clause of function words only (`ist nicht da`): the first word after the cue.
        return words[(last + 1)...].first { word in
            word.text.count >= 2 && phrases[word.text] == nil && !Self.functionWords.contains(word.text)
        }
    }

    /// The index past the last word of the clause that goes on after word `index`: a comma, a
    /// semicolon, a colon or a sentence's end between two words closes it.
    private static func clauseEnd(after index: Int, in words: [SentenceWord], text: String) -> Int {
        let utf16 = Array(text.utf16)
        let closers: Set<UInt16> = [0x2C, 0x3B, 0x3A, 0x2E, 0x21, 0x3F, 0x2014, 0x2013, 0x28, 0x29]
        var end = index + 1
        while end < words.count {
            let gap = words[end - 1].range.upperBound..<words[end].range.lowerBound
            if gap.upperBound <= utf16.count, utf16[gap].contains(where: closers.contains) { break }
            end += 1
        }
        return end
    }

    /// Whether a dictionary translation negates with a word of its own (`nicht erlaubt`, `not
    /// allowed`, `ne … pas autorisé`): then its other words mean their opposite, and are no
    /// translation of the headword. A word that negates by its prefix (`neschválit`) is itself
    /// the translation, and a lexical negative (`go away`, `free of charge`) negates nothing there.
    func negatesWithWord(_ translation: String) -> Bool {
        guard substrings.isEmpty, translation.utf8.contains(0x20) else { return false }
        let words = SentenceWord.words(in: translation, language: language)
        return negations(in: translation, words: words).contains { negation in
            guard negation.strength == .grammatical, let first = negation.cue.split(separator: " ").first else { return false }
            return phrases[String(first)] != nil
        }
    }

    /// Whether a grammatical cue reads as something else by a word near it: `не … ли` asks (`спросил,
    /// не нужна ли помощь` "asked whether help was needed"), `где … ни` concedes ("wherever").
    private func isLexicalInContext(at index: Int, in words: [SentenceWord]) -> Bool {
        let word = words[index].text
        if let following = lexicalBefore[word],
           words[(index + 1)..<min(words.count, index + 3)].contains(where: { following.contains($0.text) }) {
            return true
        }
        if let preceding = lexicalAfter[word],
           words[max(0, index - 3)..<index].contains(where: { preceding.contains($0.text) }) {
            return true
        }
        if !lexicalIfLater.isEmpty,
           words[(index + 1)..<min(words.count, index + 1 + Self.laterWindow)].contains(where: { lexicalIfLater.contains($0.text) }) {
            return true
        }
        return false
    }

    private func isLitotes(_ word: String) -> Bool {
        litotesPrefixes.contains { word.hasPrefix($0) && word.count >= $0.count + 4 }
            && !lexicalExceptPrefixes.contains { word.hasPrefix($0) }
    }

    /// Whether the word stands between quotation marks (`"no"`, `„nicht“`, `«не»`).
    private static func isQuoted(_ range: Range<Int>, in text: String) -> Bool {
        let quotes: Set<UInt16> = [0x22, 0x27, 0xAB, 0xBB, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A]
        let utf16 = text.utf16
        guard range.lowerBound > 0, range.upperBound < utf16.count,
              let before = utf16.index(utf16.startIndex, offsetBy: range.lowerBound - 1, limitedBy: utf16.endIndex),
              let after = utf16.index(utf16.startIndex, offsetBy: range.upperBound, limitedBy: utf16.endIndex) else { return false }
        return quotes.contains(utf16[before]) && quotes.contains(utf16[after])
    }

    /// `UNESCO`, `UNHCR`: an acronym's letters are no prefix (`un-`, `ne-`).
    private static func isAcronym(_ written: String) -> Bool {
        written.count >= 2 && written.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
    }

    /// Whether the word is written in capitals inside a sentence that has lower-case letters.
    private static func isUpperCase(_ range: Range<Int>, in text: String) -> Bool {
        let utf16 = text.utf16
        guard let start = utf16.index(utf16.startIndex, offsetBy: range.lowerBound, limitedBy: utf16.endIndex),
              let end = utf16.index(start, offsetBy: range.count, limitedBy: utf16.endIndex),
              let word = String(utf16[start..<end]) else { return false }
        return word.unicodeScalars.allSatisfy { $0.properties.isUppercase }
            && text.unicodeScalars.contains { $0.properties.isLowercase }
    }

    /// `kuulutamata`, `neavând`: a word whose ending or prefix negates it (see the resource's header).
    private func isLexicalAffixed(_ word: String, isASCII: Bool) -> Bool {
        // Asked of every word: most have none of the affixes, which is settled before the word's
        // length in characters and the exceptions are looked at.
        guard lexicalSuffixEnds.mayMatch(word, isASCII: isASCII, last: true)
                && lexicalSuffixes.contains(where: { Self.hasSuffix(word, $0, wordIsASCII: isASCII) })
                || lexicalPrefixStarts.mayMatch(word, isASCII: isASCII, last: false)
                && lexicalPrefixes.contains(where: { Self.hasPrefix(word, $0, wordIsASCII: isASCII) })
        else { return false }
        let length = word.count
        if lexicalExceptPrefixes.contains(where: { word.hasPrefix($0) }) { return false }
        if lexicalSuffixes.contains(where: { word.hasSuffix($0) && length >= $0.count + 4 }) { return true }
        return lexicalPrefixes.contains { word.hasPrefix($0) && length >= $0.count + 4 }
            && (lexicalPrefixEndings.isEmpty || lexicalPrefixEndings.contains { word.hasSuffix($0) })
    }

    /// `word.hasPrefix(affix)`, on bytes when both are ASCII (an ASCII character is equal only
    /// to itself, so the canonical comparison answers the same).
    static func hasPrefix(_ word: String, _ affix: String, wordIsASCII: Bool) -> Bool {
        guard wordIsASCII, affix.utf8.allSatisfy({ $0 < 0x80 }) else { return word.hasPrefix(affix) }
        return word.utf8.starts(with: affix.utf8)
    }

    /// `word.hasSuffix(affix)`, on bytes when both are ASCII.
    static func hasSuffix(_ word: String, _ affix: String, wordIsASCII: Bool) -> Bool {
        guard wordIsASCII, affix.utf8.allSatisfy({ $0 < 0x80 }) else { return word.hasSuffix(affix) }
        return word.utf8.count >= affix.utf8.count && word.utf8.reversed().starts(with: affix.utf8.reversed())
    }

    /// Words skipped when naming what a negation negates (`not be`, `nicht mehr`).
    private static let functionWords: Set<String> = [
        "be", "to", "the", "a", "an", "it", "that", "this", "have", "been", "was", "is", "mehr", "es", "sich", "das", "die",
        "der", "le", "la", "les", "se", "pas", "plus", "of",
    ]

    /// The spans of the `cancel` phrases of a sentence (`not uncommon`, `nicht selten`), which
    /// `negations(in:words:)` passes over: no negation for `meaning.negation`, but two negations
    /// that decide the meaning of the word they cover, which `meaning.antonym` must see. Empty for
    /// Japanese and Chinese, whose cancels are substrings.
    func cancelledRanges(in words: [SentenceWord]) -> [Range<Int>] {
        guard substrings.isEmpty, !cancels.isEmpty else { return [] }
        var result: [Range<Int>] = []
        var index = 0
        while index < words.count {
            if let cancel = cancels[words[index].text]?.first(where: { matches($0, at: index, in: words) }) {
                result.append(words[index].range.lowerBound..<words[index + cancel.count - 1].range.upperBound)
                index += cancel.count
            } else {
                index += 1
            }
        }
        return result
    }

    private func matches(_ phrase: [String], at index: Int, in words: [SentenceWord]) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        for (offset, word) in phrase.enumerated() where words[index + offset].text != word { return false }
        return true
    }

    /// Japanese and Chinese: cue substrings of the sentence with spaces removed (tokenized MT
    /// splits words), minus those inside a cancelling word; overlapping cues count once.
    private func denseNegations(in text: String) -> [Negation] {
        let compact = Array(text.lowercased().filter { !$0.isWhitespace })
        let sentence = 0..<text.utf16.count
        var cancelled = [Bool](repeating: false, count: compact.count)
        for cancel in cancelSubstrings {
            for start in occurrences(of: Array(cancel), in: compact) {
                for position in start..<(start + cancel.count) { cancelled[position] = true }
            }
        }
        var spans: [(range: Range<Int>, strength: Strength)] = []
        for (cue, strength) in substrings {
            for start in occurrences(of: Array(cue), in: compact) where !cancelled[start] {
                spans.append((start..<(start + cue.count), strength))
            }
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        // `しか … ない` is "only": the first negation after `しか` in its sentence is none.
        let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?"]
        for cue in restrictiveSubstrings {
            for start in occurrences(of: Array(cue), in: compact) where !cancelled[start] {
                let after = start + cue.count
                guard let found = spans.firstIndex(where: { $0.range.lowerBound >= after && $0.strength == .grammatical }),
                      !compact[after..<spans[found].range.lowerBound].contains(where: sentenceEnds.contains) else { continue }
                let negated = spans[found].range
                spans.removeAll { $0.range.overlaps(negated) }
            }
        }
        var result: [Negation] = []
        var lastEnd = -10
        for span in spans {
            if span.range.lowerBound <= lastEnd + 1, let last = result.last {
                lastEnd = max(lastEnd, span.range.upperBound)
                if span.strength == .grammatical, last.strength != .grammatical {
                    result[result.count - 1] = Negation(cue: last.cue, strength: .grammatical, range: sentence)
                }
                continue
            }
            result.append(Negation(cue: String(compact[span.range]), strength: span.strength, range: sentence))
            lastEnd = span.range.upperBound
        }
        return result
    }

    private func occurrences(of needle: [Character], in haystack: [Character]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { start in
            haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// The first affirmative phrase of `opposites` in the words, with the word after it: `managed to save`.
    func affirmation(in words: [SentenceWord]) -> (text: String, range: Range<Int>)? {
        for index in words.indices {
            for phrase in opposites where matches(phrase, at: index, in: words) {
                let last = min(index + phrase.count, words.count - 1)
                return (words[index...last].map(\.text).joined(separator: " "), words[index].range.lowerBound..<words[last].range.upperBound)
            }
        }
        return nil
    }
}
