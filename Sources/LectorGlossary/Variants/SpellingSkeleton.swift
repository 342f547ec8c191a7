import LectorICU

/// A coarse key under which the spellings of one name coincide: `Medinsky`, `Medinski`,
/// `Medinskiy`, `Medinskij` all become `medinski`; `Odessa` and `Odesa` become `odesa`;
/// `Lawrow` and `Lavrov` become `lavrov`.
///
/// Steps, each because romanizations of Cyrillic disagree exactly there:
/// 1. Latin letters with diacritics lose them (`Erdoğan` → `erdogan`, `Zelensʹkyy` → `zelenskyy`);
///    a name in another script has no skeleton.
/// 2. Apostrophes and soft-sign marks (ʹ ʼ ' ’) are dropped.
/// 3. `j` and `y` become `i` (й, ы, ий, ій, и are written y, i, j, iy, ij, yy, yi …);
///    `w` becomes `v` (German в).
/// 4. Runs of one letter collapse (`ss`, `yy`, `iy` → `i` after step 3).
///
/// The skeleton only proposes a concept; the matcher flags a token only when its skeleton names
/// one concept and the token is capitalized like that concept's terms.
public enum SpellingSkeleton {
    /// Skeletons shorter than this are too unspecific to flag anything.
    public static let minimumLength = 4

    /// The skeleton of case-folded UTF-16 units, or `nil`.
    static func skeleton(ofFolded units: UnsafeBufferPointer<UInt16>, asciiFolder: Transliterator?) -> [UInt16]? {
        let output = UnitBuffer(capacity: max(units.count, 16))
        return skeleton(ofFolded: units, asciiFolder: asciiFolder, into: output) ? output.array : nil
    }

    /// The skeleton of case-folded UTF-16 units, written into `output`; `false` when there is none.
    /// ASCII input (nearly every token of Latin-script text) allocates nothing.
    static func skeleton(ofFolded units: UnsafeBufferPointer<UInt16>, asciiFolder: Transliterator?,
                         into output: UnitBuffer) -> Bool {
        output.removeAll()
        var isASCII = true
        for unit in units where unit >= 0x80 {
            isASCII = false
            break
        }
        if isASCII { return skeleton(ofPlain: units, into: output) }
        guard let asciiFolder else { return false }
        let ascii = Array(asciiFolder.transliterate(LectorICU.UTF16.decode(units)).lowercased().utf16)
        return ascii.withUnsafeBufferPointer { skeleton(ofPlain: $0, into: output) }
    }

    @inline(__always)
    private static func skeleton(ofPlain source: UnsafeBufferPointer<UInt16>, into output: UnitBuffer) -> Bool {
        output.reserve(source.count)
        var last: UInt16 = 0
        for unit in source {
            var letter = unit
            switch unit {
            case 0x27, 0x60, 0xB4, 0x2BC, 0x2B9, 0x2019: continue  // ' ` ´ ʼ ʹ ’
            case 0x6A, 0x79: letter = 0x69  // j, y → i
            case 0x77: letter = 0x76  // w → v
            case 0x61...0x7A: break
            default: return false  // not a plain Latin letter: no skeleton
            }
            if letter == last { continue }
            output.append(letter)
            last = letter
        }
        return output.count >= minimumLength
    }

    /// The skeleton of a spelling, for tests and glossary tools.
    public static func skeleton(of spelling: String) -> String? {
        // An ASCII spelling (the name rules' keys are transliterated to ASCII first) is folded by
        // `A`–`Z` alone and needs no transliterator, whose clone per call was most of a key's cost.
        var spelling = spelling
        if let ascii = spelling.withUTF8({ bytes in asciiSkeleton(of: bytes) }) { return ascii }
        let folded = Array(CaseMapping.fold(spelling, turkic: false).utf16)
        // `Checker` builds this transliterator before any check and stops (exit 2) if it fails.
        let asciiFolder = try? Transliterator(id: "Any-Latin; Latin-ASCII")
        return folded.withUnsafeBufferPointer {
            skeleton(ofFolded: $0, asciiFolder: asciiFolder).map { LectorICU.UTF16.decode($0) }
        }
    }

    /// `skeleton(of:)` of ASCII bytes, as `skeleton(ofPlain:)` reads them after case folding
    /// (which maps only `A`–`Z` in ASCII); `.none` when the spelling is not ASCII, `.some(nil)`
    /// when it has no skeleton.
    private static func asciiSkeleton(of bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { output -> String? in
            var count = 0
            var last: UInt8 = 0
            for byte in bytes {
                var letter = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                switch letter {
                case 0x27, 0x60: continue  // ' `
                case 0x6A, 0x79: letter = 0x69  // j, y → i
                case 0x77: letter = 0x76  // w → v
                case 0x61...0x7A: break
                default: return nil
                }
                if letter == last { continue }
                output[count] = letter
                count += 1
                last = letter
            }
            guard count >= minimumLength else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: output[..<count]), as: Unicode.UTF8.self)
        }
    }
}
