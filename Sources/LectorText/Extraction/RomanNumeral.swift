/// Roman numerals as centuries, regnal numbers and volumes are written (`XVIII`, `secolului XV`,
/// `XVI Alo Mattiiseni muusikapäevad`), which translations write with figures (`18th`, `16th`).
///
/// Only I, V and X, two letters or more, upper case and in canonical form (`XIV`, not `XIIII`),
/// so 2–39: a lone `I` or `V` is a pronoun or an initial, and `L`, `C`, `D`, `M` spell
/// abbreviations (`CD`, `MIX`, `XL` sizes) far more often than numbers in running text.
enum RomanNumeral {
    static func value(of word: String) -> Int? {
        let letters = Array(word.unicodeScalars)
        guard (2...7).contains(letters.count) else { return nil }
        let digits: [Unicode.Scalar: Int] = ["I": 1, "V": 5, "X": 10]
        var total = 0
        for (index, letter) in letters.enumerated() {
            guard let value = digits[letter] else { return nil }
            if index + 1 < letters.count, let next = digits[letters[index + 1]], next > value {
                total -= value
            } else {
                total += value
            }
        }
        guard (2...39).contains(total), canonical(total) == word else { return nil }
        return total
    }

    /// Whether `value(of:)` can read the word with these UTF-16 code units: 2–7 of `I`, `V`, `X`.
    /// Checked first so that the other letter tokens of a text need no `String`.
    static func mayBeNumeral(_ units: some Collection<UInt16>) -> Bool {
        (2...7).contains(units.count) && units.allSatisfy { $0 == 0x49 || $0 == 0x56 || $0 == 0x58 }
    }

    static func canonical(_ value: Int) -> String {
        let tens = ["", "X", "XX", "XXX"][value / 10]
        let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][value % 10]
        return tens + units
    }
}
