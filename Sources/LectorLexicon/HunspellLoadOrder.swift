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
/// in the original order, so every chain still gets its entries in the original order. A
/// dictionary with morphological fields (`ph:` adds to the replacement table in line order) or
/// `COMPLEXPREFIXES` is not reordered.
///
/// The copy is kept in the lexicon disk cache under a name made of the `.aff` and `.dic`
/// paths, sizes and modification times, so a changed dictionary gets a new copy; the copy's own
/// size and checksum are stored beside it and checked before each use.
enum HunspellLoadOrder {
    /// The `.dic` to hand libhunspell: the ordered copy, made now if needed, or `dictionary`
    /// itself where it cannot be reordered or the cache is off or unwritable.
    static func loadPath(affix: String, dictionary: String, cache: LexiconDiskCache = .standard) -> String {
        guard let folder = cache.folder else { return dictionary }
        let sources = [affix, dictionary]
        guard let stamps = sources.map(LexiconDiskCache.stamp).allNonNil() else { return dictionary }
        let identity = stamps.map { "\($0.path)|\($0.size)|\($0.modified)" }.joined(separator: "\n")
        let name = ((dictionary as NSString).lastPathComponent as NSString).deletingPathExtension
        let copy = (folder as NSString).appendingPathComponent(
            "\(name)-ordered-\(String(LexiconDiskCache.checksum(Array(identity.utf8)), radix: 16)).dic")
        if let sections = cache.read(kind: .hunspellOrder, sources: sources), sections.count == 1,
           let expected = LexiconDiskCache.array(sections[0], of: UInt64.self), expected.count == 3 {
            // [0, …]: not reorderable, use the original; [1, size, checksum]: the copy.
            if expected[0] == 0 { return dictionary }
            if let data = try? Data(contentsOf: URL(fileURLWithPath: copy), options: .alwaysMapped),  // absent: rebuilt below
               UInt64(data.count) == expected[1], data.withUnsafeBytes({ LexiconDiskCache.checksum($0) }) == expected[2] {
                return copy
            }
        }
        guard let affixText = try? String(contentsOfFile: affix, encoding: .utf8),  // not UTF-8: not reordered
              let data = try? Data(contentsOf: URL(fileURLWithPath: dictionary)) else { return dictionary }
        guard let ordered = reordered(data, affix: affixText) else {
            cache.write(kind: .hunspellOrder, sources: sources, sections: [LexiconDiskCache.data([UInt64(0), 0, 0])])
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
        cache.write(kind: .hunspellOrder, sources: sources,
                    sections: [LexiconDiskCache.data([UInt64(1), UInt64(ordered.count), checksum])])
        return copy
    }

    /// The `.dic` with its entry lines stably sorted by libhunspell's bucket, or `nil` where the
    /// order could change the loaded dictionary (see the type's comment) or the file is not
    /// UTF-8 with a count line.
    static func reordered(_ data: Data, affix: String) -> Data? {
        var ignored = Set<Unicode.Scalar>()
        for line in affix.split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let keyword = fields.first else { continue }
            if keyword == "COMPLEXPREFIXES" { return nil }
            if keyword == "SET", fields.count > 1, fields[1].uppercased() != "UTF-8" { return nil }
            if keyword == "IGNORE", fields.count > 1 { ignored.formUnion(fields[1].unicodeScalars) }
        }
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count > 1 else { return nil }
        var countLine = Substring(lines[0])
        if countLine.hasPrefix("\u{FEFF}") { countLine = countLine.dropFirst() }
        guard let count = Int(countLine.trimmingCharacters(in: .whitespacesAndNewlines)), count > 0 else { return nil }
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
            let line = lines[index]
            // Morphological fields (after a tab or a space) change the table in line order.
            if line.contains(" ") || line.contains("\t") || line.contains("\r") { return nil }
            guard let word = Self.word(of: line) else { keyed.append((0, index)); continue }
            var scalars = String.UnicodeScalarView()
            for scalar in word.unicodeScalars where !ignored.contains(scalar) { scalars.append(scalar) }
            let stored = String(scalars)
            let own = Self.bucket(of: Array(stored.utf8), tableSize: tableSize)
            switch Self.hiddenForm(of: stored) {
            case .none: break
            case .some(nil): return nil  // a capital whose lower case is not one letter: not reordered
            case .some(let form?):
                let (first, second) = (root(own), root(Self.bucket(of: Array(form.utf8), tableSize: tableSize)))
                if first != second { parent[max(first, second)] = min(first, second) }
            }
            keyed.append((own, index))
        }
        if !parent.isEmpty { keyed = keyed.map { (root($0.bucket), $0.line) } }
        keyed.sort { ($0.bucket, $0.line) < ($1.bucket, $1.line) }
        var result = Data()
        result.reserveCapacity(data.count + 1)
        result.append(contentsOf: Array(lines[0].utf8) + [0x0A])
        for (_, index) in keyed {
            result.append(contentsOf: Array(lines[index].utf8))
            result.append(0x0A)
        }
        return result
    }

    /// The word of a `.dic` line without spaces (`\/` is a slash of the word), `nil` for an
    /// empty one.
    static func word(of line: Substring) -> String? {
        var word = ""
        var previous: Character?
        for (offset, character) in line.enumerated() {
            if character == "/", offset > 0 {
                if previous == "\\" { word.removeLast(); word.append("/"); previous = "/"; continue }
                break
            }
            word.append(character)
            previous = character
        }
        return word.isEmpty ? nil : word
    }

    /// The capitalized form libhunspell may add beside a word in capitals or mixed case (`NATO`
    /// → `Nato`, `McDonald` → `Mcdonald`): `nil` for a word in lower case or with one capital,
    /// the first; `.some(nil)` where a letter's case maps to more than one letter (libhunspell
    /// maps one to one, so the form is not known here). It adds one for capitals only with affix
    /// flags; asked without them, this joins more buckets than needed, which only costs speed.
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
            lower.append(first ? scalar : only)
            first = false
        }
        guard upper > 0, !(upper == 1 && firstUpper) else { return .none }
        // The first letter in capitals: libhunspell's `mkinitcap` of the lower-cased word.
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
