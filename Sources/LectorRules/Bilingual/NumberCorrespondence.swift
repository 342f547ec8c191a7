import LectorText

/// Ways two numbers of a sentence pair are the same although their values as each language reads
/// them differ.
enum NumberCorrespondence {
    /// The same digits written the same way: a translation that keeps the source's notation
    /// (`130.000` from Romanian left as is in English, which reads it as 130) says the same number.
    static func sameWriting(_ a: ExtractedNumber, _ b: ExtractedNumber) -> Bool {
        a.text.count >= 2 && a.text == b.text && a.text.contains(where: \.isNumber)
    }

    /// A decade written with two digits on one side and four on the other: `60er Jahre`,
    /// `anilor '60`, `années 50` = `1960s`, `1950s`.
    static func sameDecade(_ a: ExtractedNumber, _ b: ExtractedNumber) -> Bool {
        func isShortDecade(_ number: ExtractedNumber) -> Bool {
            number.value >= 10 && number.value <= 90 && number.value.truncatingRemainder(dividingBy: 10) == 0
        }
        func isFullDecade(_ number: ExtractedNumber) -> Bool {
            number.value >= 1800 && number.value < 2100 && number.value.truncatingRemainder(dividingBy: 10) == 0
        }
        let (short, full) = isShortDecade(a) ? (a, b) : (b, a)
        return isShortDecade(short) && isFullDecade(full) && full.value.truncatingRemainder(dividingBy: 100) == short.value
    }
}
