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

    /// Folds a whole string (a glossary term token).
    func fold(_ string: String) -> [UInt16] {
        var output: [UInt16] = []
        let units = LectorICU.UTF16.encode(string)
        units.withUnsafeBufferPointer { fold($0, into: &output) }
        return output
    }
}
