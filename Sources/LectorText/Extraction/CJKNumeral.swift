/// Chinese and Japanese numbers written with Han numerals (`十亿` = 10⁹, `两千` = 2,000,
/// `三百五十万` = 3,500,000, `一千零五` = 1,005), as the grammars of both languages compose them:
/// a digit times 十/百/千 within a group of four places, each group times 万 or 亿/億, and a
/// larger group word after a smaller one multiplies all before it (`一万亿` = 10¹²). 两/兩 is the
/// 2 of counting (`两千名学生`), 〇/零 a place left empty, and a digit right after a place word
/// counts in the place below it (`三千五` = 3,500, `一万五` = 15,000).
///
/// Only a run that starts with a digit or 十 and has a place word (十, 百, 千, 万, 亿) is read,
/// so `千万` ("by all means"), `万一` ("in case"), `一些`, `统一` and names such as `千葉` are not
/// numbers; a lone digit (`三人`) is left out too: small numbers without figures are rarely
/// compared and `一` is part of countless words.
enum CJKNumeral {
    private static let digits: [UInt16: Int] = [
        0x3007: 0, 0x96F6: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x5169: 2, 0x4E09: 3, 0x56DB: 4,
        0x4E94: 5, 0x516D: 6, 0x4E03: 7, 0x516B: 8, 0x4E5D: 9,
    ]
    /// 十, 百, 千 (and the financial 拾, 佰, 仟 are not read: they are for cheques, not prose).
    private static let places: [UInt16: Int] = [0x5341: 10, 0x767E: 100, 0x5343: 1_000]
    /// 万/萬, 亿/億.
    private static let groups: [UInt16: Double] = [0x4E07: 10_000, 0x842C: 10_000, 0x4EBF: 100_000_000, 0x5104: 100_000_000]

    static func isNumeral(_ unit: UInt16) -> Bool {
        digits[unit] != nil || places[unit] != nil || groups[unit] != nil
    }

    /// The value of the numeral starting at `start` and where it ends, or `nil` when no number starts there.
    static func read(_ units: [UInt16], from start: Int) -> (value: Double, end: Int)? {
        guard start < units.count, digits[units[start]] != nil || units[start] == 0x5341 else { return nil }
        var total = 0.0, section = 0.0, digit = 0.0
        var largestGroup = 0.0
        var hasPlace = false
        var lastMultiplier = 0.0
        var end = start
        while end < units.count {
            let unit = units[end]
            if let value = digits[unit] {
                // `一二` is no number: two digits in a row are read only as `〇` fills (`一千零五`).
                if digit != 0, value != 0 { break }
                digit = Double(value)
            } else if let place = places[unit] {
                section += (digit == 0 ? 1 : digit) * Double(place)
                digit = 0
                hasPlace = true
                lastMultiplier = Double(place)
            } else if let group = groups[unit] {
                let part = section + digit
                if group > largestGroup {
                    total = (total + (part == 0 ? 1 : part)) * group
                    largestGroup = group
                } else {
                    total += (part == 0 ? 1 : part) * group
                }
                section = 0
                digit = 0
                hasPlace = true
                lastMultiplier = group
            } else {
                break
            }
            end += 1
        }
        guard hasPlace, end - start >= 2 else { return nil }
        if digit != 0, lastMultiplier >= 100, places[units[end - 2]] != nil || groups[units[end - 2]] != nil {
            digit *= lastMultiplier / 10
        }
        return (total + section + digit, end)
    }
}
