import LectorICU

/// Brings a word token into the form glossary keys are compared in: NFKC_Casefold, with the
/// apostrophe family (’ ʼ ‘ ` ´ ′) folded to `'`.
///
/// ASCII tokens, most of the text in Latin-script news, take a fast path that needs no ICU call.
struct TokenFolder {
    private let normalizer: Normalizer

    init() throws(ICUError) {
        normalizer = try Normalizer(.nfkcCasefold)
    }

    @inline(__always)
    static func foldApostrophe(_ unit: UInt16) -> UInt16 {
        switch unit {
        case 0x2019, 0x2BC, 0x2018, 0x60, 0xB4, 0x2032: return 0x27
        default: return unit
        }
    }

    /// Folds `token` into `output` (cleared first).
    @inline(__always)
    func fold(_ token: UnsafeBufferPointer<UInt16>, into output: UnitBuffer) {
        output.reserve(token.count)
        let destination = output.base
        var index = 0
        while index < token.count {
            let unit = token[index]
            if unit >= 0x80 { break }
            destination[index] = unit &- 0x41 < 26 ? unit | 0x20 : unit
            index += 1
        }
        if index == token.count {
            output.count = index
            return
        }
        output.removeAll()
        let normalized = normalizer.normalize(token)
        output.reserve(normalized.count)
        for unit in normalized { output.append(Self.foldApostrophe(unit)) }
    }

    /// Folds `token` into `output` (cleared first).
    func fold(_ token: UnsafeBufferPointer<UInt16>, into output: inout [UInt16]) {
        output.removeAll(keepingCapacity: true)
        var ascii = true
        for unit in token where unit >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            for unit in token {
                output.append(unit &- 0x41 < 26 ? unit | 0x20 : unit)
            }
            return
        }
        for unit in normalizer.normalize(token) {
            output.append(Self.foldApostrophe(unit))
        }
    }

    /// What stands between two words, as far as multi-word terms are concerned.
    enum Gap: Equatable {
        /// Spaces and hyphens only: `Ivano-Frankivsk` and `Ivano Frankivsk` are the same term.
        case joining
        /// Punctuation, kept as a token of its own (spaces and hyphens removed, apostrophes folded)
        /// so that a term matches across it only when the term has the same punctuation there:
        /// `BV/TV`, `systemic sclerosis (SSc)`, but never `chicken. Kiev`. The marks are in the
        /// buffer given to `gap`.
        case punctuation
        /// A line break or a long run of symbols: no term spans it.
        case breaking
    }

    /// The gap `text[start..<end]` between two words; for `.punctuation` its marks are in `marks`.
    @inline(__always)
    static func gap(_ text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int, marks: UnitBuffer) -> Gap {
        if end - start > 8 { return .breaking }
        if end - start == 1, text[start] == 0x20 { return .joining }  // the usual single space
        marks.removeAll()
        var index = start
        while index < end {
            switch text[index] {
            case 0x0A, 0x0D, 0x2028, 0x2029: return .breaking
            case 0x20, 0x09, 0xA0, 0x202F, 0x2007, 0x2D, 0x2010, 0x2011: break
            default: marks.append(foldApostrophe(text[index]))
            }
            index += 1
        }
        return marks.count == 0 ? .joining : .punctuation
    }

    /// Folds a whole string (a glossary term token).
    func fold(_ string: String) -> [UInt16] {
        var output: [UInt16] = []
        let units = LectorICU.UTF16.encode(string)
        units.withUnsafeBufferPointer { fold($0, into: &output) }
        return output
    }
}
