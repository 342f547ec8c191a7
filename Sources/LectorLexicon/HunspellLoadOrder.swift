import Foundation

/// A copy of a Hunspell `.dic` with its lines in the order of libhunspell's hash table, which
/// libhunspell loads in a fraction of the time: its load is bound by cache misses, one per line
/// into a table of 300,000 buckets and a chain walk there (cs_CZ 130–150 ms of CPU, uk_UA about
/// 200 ms); in bucket order the writes go through the table once, in sequence (cs_CZ about 55 ms,
/// uk_UA about 115 ms, measured with `Hunspell_create` alone).
///
/// The loaded dictionary is the same: libhunspell appends each line's entry to the chain of its
/// bucket, so a stable sort by bucket keeps every chain, and with it every lookup and every walk
/// of the table (suggestions), as it was. The one entry a line adds outside its own bucket is the
/// hidden capitalized form of a word in capitals or mixed case (`NATO` → `Nato`, only for
/// text in capitals): the buckets of such a line's word and of its hidden form are sorted as one,
/// in the original order, so every chain still gets its entries in the original order. Lines are
/// cut into word, flags and morphological fields as libhunspell 1.7 cuts them (de_DE's comment
/// lines, en_GB's and fr's fields, es_ES's trailing spaces), in UTF-8 or, for 8-bit dictionaries
/// (pl_PL is ISO 8859-2), in the encoding's bytes. A dictionary with `ph:` fields (they add to
/// the replacement table in line order), `COMPLEXPREFIXES` or Turkic case rules is not reordered.
///
/// The copy is kept in the lexicon disk cache under a name made of the `.aff` and `.dic`
/// paths, sizes and modification times, so a changed dictionary gets a new copy; the copy's own
/// size and checksum are stored beside it and checked before each use.
enum HunspellLoadOrder {
    /// Part of the cache's name for the copy and the decision: a change to what `reordered`
    /// accepts or how it orders must change it, or an old decision ("not reorderable") or copy
    /// would be kept.
    static let orderVersion = "order-2"

    /// The `.dic` to hand libhunspell: the ordered copy, made now if needed, or `dictionary`
    /// itself where it cannot be reordered or the cache is off or unwritable.
    static func loadPath(affix: String, dictionary: String, cache: LexiconDiskCache = .standard) -> String {
        guard let folder = cache.folder else { return dictionary }
        let sources = [affix, dictionary]
        guard let stamps = sources.map(LexiconDiskCache.stamp).allNonNil() else { return dictionary }
        let identity = stamps.map { "\($0.path)|\($0.size)|\($0.modified)" }.joined(separator: "\n") + "\n" + orderVersion
        let name = ((dictionary as NSString).lastPathComponent as NSString).deletingPathExtension
        let copy = (folder as NSString).appendingPathComponent(
            "\(name)-ordered-\(String(LexiconDiskCache.checksum(Array(identity.utf8)), radix: 16)).dic")
        if let sections = cache.read(kind: .hunspellOrder, sources: sources, key: orderVersion), sections.count == 1,
           let expected = LexiconDiskCache.array(sections[0], of: UInt64.self), expected.count == 3 {
            // [0, …]: not reorderable, use the original; [1, size, checksum]: the copy.
            if expected[0] == 0 { return dictionary }
            if let data = try? Data(contentsOf: URL(fileURLWithPath: copy), options: .alwaysMapped),  // absent: rebuilt below
               UInt64(data.count) == expected[1], data.withUnsafeBytes({ LexiconDiskCache.checksum($0) }) == expected[2] {
                return copy
            }
        }
        // Unreadable: libhunspell reports it when it loads the original.
        guard let affixData = try? Data(contentsOf: URL(fileURLWithPath: affix)),
              let data = try? Data(contentsOf: URL(fileURLWithPath: dictionary)) else { return dictionary }
        guard let ordered = reordered(data, affixBytes: affixData) else {
            cache.write(kind: .hunspellOrder, sources: sources, key: orderVersion, sections: [LexiconDiskCache.data([UInt64(0), 0, 0])])
            return dictionary
        }
        let temporary = copy + ".\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try ordered.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, copy) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)  // best effort: the rename failed already
                return dictionary
            }
        } catch {
            // An unwritable cache decides nothing: the original loads as before.
            try? FileManager.default.removeItem(atPath: temporary)  // best effort, as above
            return dictionary
        }
        let checksum = ordered.withUnsafeBytes { LexiconDiskCache.checksum($0) }
        cache.write(kind: .hunspellOrder, sources: sources, key: orderVersion,
                    sections: [LexiconDiskCache.data([UInt64(1), UInt64(ordered.count), checksum])])
        return copy
    }

    /// The `.dic` with its entry lines stably sorted by libhunspell's bucket, or `nil` where the
    /// order could change the loaded dictionary (see the type's comment) or the file is not one
    /// libhunspell 1.7 reads as this code does (no count line, carriage returns, an encoding
    /// other than UTF-8 or ISO 8859-2).
    static func reordered(_ data: Data, affix: String) -> Data? { reordered(data, affixBytes: Data(affix.utf8)) }

    static func reordered(_ data: Data, affixBytes: Data) -> Data? {
        guard let settings = Settings(affix: [UInt8](affixBytes)) else { return nil }
        let bytes = [UInt8](data)
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        guard lines.count > 1 else { return nil }
        var countLine = bytes[lines[0]]
        if countLine.starts(with: [0xEF, 0xBB, 0xBF]) { countLine = countLine.dropFirst(3) }
        guard let count = Self.atoi(countLine), count > 0 else { return nil }
        var tableSize = count + 5 + 1000  // libhunspell: the count, plus room for 1,000 user words
        if tableSize % 2 == 0 { tableSize += 1 }

        // Each line's own bucket; a line that also adds a hidden capitalized form joins the two
        // buckets into one group, whose lines keep their original order: so every bucket still
        // receives its entries in the original order, hidden ones included.
        var parent: [Int: Int] = [:]
        func root(_ bucket: Int) -> Int {
            var current = bucket
            while let next = parent[current], next != current { current = next }
            return current
        }
        var keyed: [(bucket: Int, line: Int)] = []
        keyed.reserveCapacity(lines.count - 1)
        for index in 1..<lines.count {
            guard let entry = Self.entry(bytes[lines[index]]) else { return nil }
            let own = Self.bucket(of: settings.removingIgnored(entry), tableSize: tableSize)
            switch settings.hiddenForm(of: entry) {
            case .none: break
            case .some(nil): return nil  // a case libhunspell may map otherwise: not reordered
            case .some(let form?):
                let (first, second) = (root(own), root(Self.bucket(of: settings.removingIgnored(form), tableSize: tableSize)))
                if first != second { parent[max(first, second)] = min(first, second) }
            }
            keyed.append((own, index))
        }
        if !parent.isEmpty { keyed = keyed.map { (root($0.bucket), $0.line) } }
        keyed.sort { ($0.bucket, $0.line) < ($1.bucket, $1.line) }
        var result = Data()
        result.reserveCapacity(data.count + 1)
        result.append(contentsOf: bytes[lines[0]])
        result.append(0x0A)
        for (_, index) in keyed {
            result.append(contentsOf: bytes[lines[index]])
            result.append(0x0A)
        }
        return result
    }

    /// What of the `.aff` decides where libhunspell puts a word: the encoding (case of its
    /// letters, for the hidden capitalized forms) and the characters `IGNORE` removes.
    struct Settings {
        let utf8: Bool
        /// 8-bit: each byte's lower and upper case byte, `nil` where its case partner is not
        /// one byte of the encoding.
        let lower: [UInt8?]
        let upper: [UInt8?]
        let ignoredScalars: Set<Unicode.Scalar>
        let ignoredBytes: Set<UInt8>

        /// `nil` for an affix file whose dictionaries are not reordered: `COMPLEXPREFIXES`
        /// (words stored reversed), Turkic case rules (`LANG tr`, `az`, `crh`), `ph:` fields
        /// (they add to the replacement table in line order), or an encoding other than UTF-8
        /// or ISO 8859-2.
        init?(affix: [UInt8]) {
            var encoding = "ISO8859-1"  // libhunspell's default
            var ignore: [UInt8] = []
            for line in affix.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
                let fields = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
                guard let keyword = fields.first.map({ String(decoding: $0, as: UTF8.self) }) else { continue }
                let argument = fields.count > 1 ? Array(fields[1]) : nil
                switch keyword {
                case "COMPLEXPREFIXES": return nil
                case "SET": if let argument { encoding = String(decoding: argument, as: UTF8.self) }
                case "IGNORE": if let argument { ignore = argument }
                case "LANG":
                    if let argument, ["tr", "az", "crh"].contains(where: { String(decoding: argument, as: UTF8.self).hasPrefix($0) }) { return nil }
                default: break
                }
                if line.count >= 3, line.indices.dropLast(2).contains(where: { line[$0] == 0x70 && line[$0 + 1] == 0x68 && line[$0 + 2] == 0x3A }) {
                    return nil  // `ph:` in a morphological alias (AM)
                }
            }
            switch encoding.uppercased().replacingOccurrences(of: "-", with: "") {
            case "UTF8":
                utf8 = true
                lower = []
                upper = []
                guard let text = String(bytes: ignore, encoding: .utf8) else { return nil }
                ignoredScalars = Set(text.unicodeScalars)
                ignoredBytes = []
            case "ISO88592":
                // The one 8-bit encoding checked against libhunspell entry by entry (pl_PL); its
                // own case tables for the others were not compared with Foundation's.
                let stringEncoding: String.Encoding = .isoLatin2
                utf8 = false
                var lower = [UInt8?](repeating: nil, count: 256)
                var upper = [UInt8?](repeating: nil, count: 256)
                for byte in 0...255 {
                    guard let text = String(bytes: [UInt8(byte)], encoding: stringEncoding) else { continue }
                    func partner(_ mapped: String) -> UInt8? {
                        guard let data = mapped.data(using: stringEncoding), data.count == 1 else { return nil }
                        return data.first
                    }
                    lower[byte] = partner(text.lowercased())
                    upper[byte] = partner(text.uppercased())
                }
                self.lower = lower
                self.upper = upper
                ignoredScalars = []
                ignoredBytes = Set(ignore)
            default:
                return nil
            }
        }

        func removingIgnored(_ word: [UInt8]) -> [UInt8] {
            if utf8 {
                guard !ignoredScalars.isEmpty else { return word }
                var scalars = String.UnicodeScalarView()
                for scalar in String(decoding: word, as: UTF8.self).unicodeScalars where !ignoredScalars.contains(scalar) {
                    scalars.append(scalar)
                }
                return Array(String(scalars).utf8)
            }
            return ignoredBytes.isEmpty ? word : word.filter { !ignoredBytes.contains($0) }
        }

        /// The capitalized form libhunspell may add beside a word in capitals or mixed case
        /// (`NATO` → `Nato`, `McDonald` → `Mcdonald`), in the dictionary's encoding: `nil` for a
        /// word in lower case or with one capital, the first; `.some(nil)` where a letter's case
        /// is not one letter of the encoding (libhunspell's own tables may map it otherwise). It
        /// adds one for a word in capitals only with affix flags, and not for a forbidden word;
        /// this joins their buckets too, which only costs speed.
        func hiddenForm(of word: [UInt8]) -> [UInt8]?? {
            if utf8 || word.allSatisfy({ $0 < 0x80 }) {
                guard let text = String(bytes: word, encoding: .utf8) else { return .some(nil) }
                guard let form = HunspellLoadOrder.hiddenForm(of: text) else { return .none }
                return .some(form.map { Array($0.utf8) })
            }
            var capitals = 0
            var lowered: [UInt8] = []
            lowered.reserveCapacity(word.count)
            for byte in word {
                guard let small = lower[Int(byte)] else { return .some(nil) }
                if small != byte { capitals += 1 }
                lowered.append(small)
            }
            guard capitals > 0, !(capitals == 1 && lowered[0] != word[0]) else { return .none }
            guard let head = upper[Int(lowered[0])] else { return .some(nil) }
            lowered[0] = head
            return .some(lowered)
        }
    }

    /// The word of a `.dic` line as libhunspell 1.7's `HashMgr::load_tables` cuts it: before
    /// the morphological fields (a tab, or spaces before a two-letter field name and a colon),
    /// then before the flags (the first `/` not at the start and not written `\/`, whose
    /// backslash is dropped); `nil` for a line with a carriage return.
    static func entry(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        var text = Array(line)
        if text.contains(0x0D) { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var fields: Int?
        var position = 0
        while let colon = text[position...].firstIndex(of: 0x3A) {
            if colon > 3, isSpace(text[colon - 3]) {
                var start = colon - 3
                while start > 0, isSpace(text[start - 1]) { start -= 1 }
                fields = start == 0 ? nil : start + 1
                break
            }
            position = colon + 1
        }
        if let tab = text.firstIndex(of: 0x09), fields == nil || tab < fields! { fields = tab + 1 }
        if let fields {
            // `ph:` adds to the replacement table in line order.
            let description = text[fields...]
            if description.count >= 3, description.indices.dropLast(2).contains(where: {
                description[$0] == 0x70 && description[$0 + 1] == 0x68 && description[$0 + 2] == 0x3A
            }) { return nil }
            text.removeSubrange((fields - 1)...)
        }
        var slash = text.firstIndex(of: 0x2F)
        while let found = slash {
            if found == 0 { slash = 1; continue }
            if text[found - 1] != 0x5C { break }
            text.remove(at: found - 1)
            slash = found < text.count ? text[found...].firstIndex(of: 0x2F) : nil
        }
        if let found = slash, found != text.count { text.removeSubrange(found...) }
        return text
    }

    /// C's `atoi`: leading blanks, a sign, digits; `nil` without digits.
    static func atoi(_ bytes: ArraySlice<UInt8>) -> Int? {
        var rest = bytes.drop { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        var sign = 1
        if let first = rest.first, first == 0x2B || first == 0x2D {
            sign = first == 0x2D ? -1 : 1
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count < 18 else { return nil }
        return sign * digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The capitalized form libhunspell may add beside a word in capitals or mixed case (`NATO`
    /// → `Nato`): libhunspell's `mkallsmall` then `mkinitcap`; `nil` for a word in lower case or
    /// with one capital, the first; `.some(nil)` where a letter's case maps to more than one
    /// letter (libhunspell maps one to one, so the form is not known here).
    static func hiddenForm(of word: String) -> String?? {
        var upper = 0
        var first = true
        var firstUpper = false
        var lower = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            guard mapped.count == 1, let only = mapped.first else { return .some(nil) }
            if only != scalar {
                upper += 1
                if first { firstUpper = true }
            }
            lower.append(only)
            first = false
        }
        guard upper > 0, !(upper == 1 && firstUpper) else { return .none }
        guard let head = lower.first else { return .none }
        let upperHead = head.properties.uppercaseMapping.unicodeScalars
        guard upperHead.count == 1 else { return .some(nil) }
        return .some(String(String.UnicodeScalarView(upperHead + lower.dropFirst())))
    }

    /// libhunspell's `HashMgr::hash` (1.7): the first four bytes shifted in, then a 5-bit rotation
    /// of the low 32 bits per byte, bytes as signed `char`, modulo the table size.
    static func bucket(of bytes: [UInt8], tableSize: Int) -> Int {
        var value: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            let signed = UInt64(bitPattern: Int64(Int8(bitPattern: byte)))
            if index < 4 {
                value = (value << 8) | signed
            } else {
                value = (value << 5) | ((value >> 27) & 0x1F)
                value ^= signed
            }
        }
        return Int(value % UInt64(tableSize))
    }
}
