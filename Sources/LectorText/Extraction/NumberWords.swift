import Foundation

/// Numbers written as words and scale words after figures, per language, from
/// `Resources/Numbers/number-words.txt` (whose header says what each kind is and where it comes from).
struct NumberWords: Sendable {
    enum Kind: String, Sendable {
        case one, unit, ten, hundred, hundreds, scale, link, ordinal
        case scaleAlone = "scale-alone"
    }

    struct Entry: Sendable {
        let kind: Kind
        let value: Double
    }

    let language: String
    private(set) var entries: [String: Entry] = [:]
    /// Every prefix of every form that can be part of a compound (`f`, `fü`, `für`, `fünf`): the
    /// longest part at the start of a word is found by growing a prefix until it is none of these,
    /// instead of trying every length from the longest form down.
    private(set) var compoundPrefixes: Set<String> = []
    /// Longest form, in characters: longer words are not looked up.
    private(set) var longest = 0
    /// The forms of `entries`, to skip looking up most words that are none.
    private(set) var filter = ASCIIKeyFilter(keys: [])
    /// The same, closer (`the` passes `filter` for `ten` and `one`): asked first of every word
    /// in languages without compounds.
    private(set) var shapes = KeyShapes(keys: [])
    /// For compounding languages, bit `b % 64` of word `2a + b / 64` set when a form's canonical decomposition
    /// starts with the ASCII bytes `a`, `b` (`fünf` → `f`, `u`): a word whose first two code units
    /// are ASCII letters that fold to no such pair is no form and starts with none, so no part
    /// can be read off it (`mayBeCompound(foldingASCII:)`).
    private(set) var leadingPairs = [UInt64](repeating: 0, count: 256)
    /// For compounding languages, bit `n % 64` of word `n / 64` set for `n = 676a + 26b + c` when a
    /// form's canonical decomposition starts with the lower-case ASCII letters `a`, `b`, `c`
    /// (counted from `a` = 0): a word whose first three code units are ASCII letters is read only
    /// when its first part (two characters or more) or the whole word is a form, and that form
    /// then starts with those three letters, or is those first two alone (`twoLetterForms`).
    /// The pair filter alone lets through many common German words (`sich`, `mit`, `unter`).
    private(set) var leadingTriples = [UInt64](repeating: 0, count: (26 * 26 * 26 + 63) / 64)
    /// Bit `26a + b` set when a form's canonical decomposition is the two ASCII letters `a`, `b`.
    private(set) var twoLetterForms = [UInt64](repeating: 0, count: (26 * 26 + 63) / 64)
    /// Languages that write a number as one word (`fünfundzwanzig`, `vijfentwintig`). Kept, not
    /// computed: the number reader asks it of every word, and comparing the language's name
    /// each time was a sixth of reading the words.
    let compounds: Bool

    /// Every language the resource lists, each read as `forLanguage` reads it.
    static var all: [String: NumberWords] {
        var result: [String: NumberWords] = [:]
        for line in lines {
            let language = String(line.prefix { $0 != "\t" })
            if result[language] == nil, let words = forLanguage(language) { result[language] = words }
        }
        return result
    }

    /// A language's words, read from the resource the first time they are asked for: a process
    /// checks one or two languages, and reading all fifteen (their prefixes, filters and
    /// canonical decompositions) was about 6 ms of every start.
    static func forLanguage(_ language: String) -> NumberWords? {
        memo.value(for: language) { load(language) }
    }

    private static let memo = ProcessMemo<String, NumberWords?>()

    /// The resource's lines that are not comments.
    private static let lines: [Substring] = {
        guard let text = LectorResources.text(of: "Numbers/number-words.txt") else {
            preconditionFailure("Lector's resource Numbers/number-words.txt is missing")
        }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    }()

    private static func load(_ language: String) -> NumberWords? {
        var found: NumberWords?
        for line in lines where line.hasPrefix(language + "\t") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 4, let kind = Kind(rawValue: fields[1]), let value = Double(fields[2]) else { continue }
            var words = found ?? NumberWords(language: fields[0])
            for form in fields[3].split(separator: " ").map(String.init) {
                words.entries[form] = Entry(kind: kind, value: value)
                words.longest = max(words.longest, form.count)
            }
            found = words
        }
        guard var words = found else { return nil }
        var prefixes = Set<String>()
        for (form, entry) in words.entries where entry.kind != .ordinal {
            for length in 1...max(form.count, 1) { prefixes.insert(String(form.prefix(length))) }
        }
        words.compoundPrefixes = prefixes
        words.filter = ASCIIKeyFilter(keys: words.entries.keys)
        words.shapes = KeyShapes(keys: words.entries.keys)
        var pairs = [UInt64](repeating: 0, count: 256)
        for form in words.entries.keys {
            let bytes = Array(form.decomposedStringWithCanonicalMapping.unicodeScalars.prefix(2).map(\.value))
            guard bytes.count == 2, bytes[0] < 0x80, bytes[1] < 0x80 else { continue }
            pairs[Int(bytes[0]) * 2 + Int(bytes[1] / 64)] |= 1 << UInt64(bytes[1] % 64)
        }
        words.leadingPairs = pairs
        var triples = [UInt64](repeating: 0, count: (26 * 26 * 26 + 63) / 64)
        var twoLetters = [UInt64](repeating: 0, count: (26 * 26 + 63) / 64)
        for form in words.entries.keys {
            let scalars = Array(form.decomposedStringWithCanonicalMapping.unicodeScalars.prefix(3).map(\.value))
            let letters = scalars.compactMap { $0 >= 0x61 && $0 <= 0x7A ? Int($0 - 0x61) : nil }
            if scalars.count == 3, letters.count == 3 {
                let bit = letters[0] * 676 + letters[1] * 26 + letters[2]
                triples[bit / 64] |= 1 << UInt64(bit % 64)
            } else if form.decomposedStringWithCanonicalMapping.unicodeScalars.count == 2, letters.count == 2 {
                let bit = letters[0] * 26 + letters[1]
                twoLetters[bit / 64] |= 1 << UInt64(bit % 64)
            }
        }
        words.leadingTriples = triples
        words.twoLetterForms = twoLetters
        return words
    }

    private init(language: String) {
        self.language = language
        compounds = language == "de" || language == "nl"
    }

    /// Scale words written as one character after a figure (`400万`, `3億`).
    func denseScale(_ unit: UInt16) -> Double? {
        guard unit >= 0x3000, let scalar = Unicode.Scalar(unit), let entry = entries[String(Character(scalar))],
              entry.kind == .scale || entry.kind == .scaleAlone else { return nil }
        return entry.value
    }

    /// The value of a scale word (`тысяч`, `Mio.` without its dot, `million`).
    func scale(_ folded: String) -> Double? {
        guard let entry = entries[folded], entry.kind == .scale || entry.kind == .scaleAlone else { return nil }
        return entry.value
    }

    /// The number of an ordinal word (`ersten` → 1), for the day of a date.
    func ordinal(_ folded: String) -> Int? {
        guard filter.mayContain(folded), let entry = entries[folded], entry.kind == .ordinal else { return nil }
        return Int(entry.value)
    }

    /// The parts of a word, when it is a number word or (in compounding languages) made of them.
    func parts(of folded: String) -> [Entry]? {
        // Without compounds, a word no form is is none of this language's number words.
        guard compounds || filter.mayContain(folded) else { return nil }
        let length = Self.characterCount(folded)
        guard length <= (compounds ? 40 : longest) else { return nil }
        if filter.mayContain(folded), let entry = entries[folded] { return [entry] }
        guard compounds, length >= 6 else { return nil }
        // Longest-prefix segmentation: `fünf|und|zwanzig`, `drei|hundert`. Every prefix of a
        // matching form is in `compoundPrefixes`, so no form is longer than the first prefix
        // that is not.
        var parts: [Entry] = []
        var rest = Substring(folded)
        while !rest.isEmpty {
            var longestMatch: (length: Int, entry: Entry)?
            var length = 1
            var end = rest.startIndex
            while end < rest.endIndex, length <= longest {
                end = rest.index(after: end)
                let prefix = String(rest[rest.startIndex..<end])
                guard compoundPrefixes.contains(prefix) else { break }
                if length >= 2, let entry = entries[prefix], entry.kind != .ordinal { longestMatch = (length, entry) }
                length += 1
            }
            guard let (matchLength, entry) = longestMatch else { return nil }
            parts.append(entry)
            rest = rest.dropFirst(matchLength)
        }
        return parts.count >= 2 ? parts : nil
    }

    /// `false` only when `parts(of:)` of the folded word is surely `nil`: its first two code
    /// units are ASCII letters whose lower case starts no form, or its first three are ASCII
    /// letters that start no form and its first two are no form either. A form equal to the
    /// folded word or to a prefix of it (a part of a compound, two characters or more) would
    /// start, in its canonical decomposition, with those letters, ASCII letters being starters
    /// that fold to themselves lower-cased.
    func mayBeCompound<Units: RandomAccessCollection<UInt16>>(foldingASCII units: Units) -> Bool where Units.Index == Int {
        guard units.count >= 2 else { return true }
        let first = units[units.startIndex], second = units[units.startIndex + 1]
        func asciiLetter(_ unit: UInt16) -> UInt16? {
            unit < 0x80 && (unit | 0x20) &- 0x61 < 26 ? unit | 0x20 : nil
        }
        guard let a = asciiLetter(first), let b = asciiLetter(second) else { return true }
        guard leadingPairs[Int(a) * 2 + Int(b / 64)] & (1 << UInt64(b % 64)) != 0 else { return false }
        // Three ASCII letters are three characters whatever follows, so a first part of two
        // characters is the first two letters alone, and a longer one starts with all three.
        let (x, y) = (Int(a) - 0x61, Int(b) - 0x61)
        let pair = x * 26 + y
        if twoLetterForms[pair / 64] & (1 << UInt64(pair % 64)) != 0 { return true }
        guard units.count >= 3 else { return false }
        guard let c = asciiLetter(units[units.startIndex + 2]) else { return true }
        let triple = pair * 26 + Int(c) - 0x61
        return leadingTriples[triple / 64] & (1 << UInt64(triple % 64)) != 0
    }

    /// `string.count`, read off the bytes where each is a character (ASCII without a CR LF pair).
    static func characterCount(_ string: String) -> Int {
        string.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? string.utf8.count : string.count
    }

    /// Reads parts in order into a value. `strict` refuses parts that do not continue a number
    /// (`five six`), for parts written as separate words; a compound word is read as it stands.
    struct Reader {
        private(set) var total = 0.0
        private(set) var current = 0.0
        private(set) var hasValue = false
        private(set) var onlyOne = true
        /// Whether a unit or ten was read: `hundreds`, `тысячи` alone are vague quantities, not numbers
        /// (and a lone `hundred` is `several hundred` as often as `a hundred`).
        private(set) var hasCount = false
        private var largestScale = 0.0

        var value: Double { total + current }

        /// Whether the part was taken; `false` ends the number before it.
        mutating func add(_ entry: Entry, strict: Bool) -> Bool {
            switch entry.kind {
            case .one, .unit, .ten:
                hasCount = true
                if strict, hasValue {
                    let small = current.truncatingRemainder(dividingBy: 100)
                    if small != 0, entry.value >= 10 || small.truncatingRemainder(dividingBy: 10) != 0 { return false }
                }
                current += entry.value
            case .hundred, .hundreds:
                current = (current == 0 ? 1 : current) * entry.value
            case .scale, .scaleAlone:
                if entry.kind == .scaleAlone { hasCount = true }
                // A larger scale after a smaller one multiplies all before it (`mil millones` = 10⁹,
                // `tausend Millionen`); a smaller one adds its group (`two million five thousand`).
                if entry.value > largestScale {
                    total = (total + current == 0 ? 1 : total + current) * entry.value
                    largestScale = entry.value
                } else {
                    total += (current == 0 ? 1 : current) * entry.value
                }
                current = 0
            case .link:
                return hasValue
            case .ordinal:
                return false
            }
            if entry.kind != .one { onlyOne = false }
            hasValue = true
            return true
        }
    }
}
