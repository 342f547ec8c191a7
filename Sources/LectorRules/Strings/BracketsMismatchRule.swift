import Foundation
import LectorText
import LectorFormats
import LectorGlossary

/// Brackets counted against the source: `For [sic] numbers` → `Vier getalle` lost two. Each kind
/// — `()`, `[]`, `{}` — is compared apart; full-width forms count as their ASCII kind; brackets
/// of placeholders (`{0}`) and tags are the placeholders' business, and escaped brackets (`\(`)
/// are text. Order is not compared, so a translation may move a bracketed part.
///
/// In prose (a source of eight words or more) translators add and drop parenthetical remarks
/// freely (`Computertomogramme (CT)` → `CT scans`), so only a translation whose brackets of a
/// kind are left unbalanced where the source's are not (or are unbalanced the other way) is
/// flagged: `(` left open, `)` closing nothing.
public struct BracketsMismatchRule: UnitRule {
    public static let description = RuleDescription(
        id: "punctuation.brackets",
        name: "Bracket mismatch",
        summary: "The translation has more or fewer brackets of a kind — (), [], {} — than the source.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "↓Vier getalle", source: "For [sic] numbers", from: "en", to: "af"),
            RuleExample(unit: "↓Datei (neu", source: "File (new)", from: "en", to: "de"),
            RuleExample(unit: "↓Файл (новый) (копия)", source: "File (new)", from: "en", to: "ru"),
            RuleExample(unit: "↓Der Minister (der am Montag sprach, lehnte den Plan der Regierung ab.",
                        source: "The minister, who spoke on Monday, rejected the government's plan.", from: "en", to: "de"),
            RuleExample(unit: "↓Le ministre (qui a parlé lundi a rejeté le plan du gouvernement.",
                        source: "The minister (who spoke on Monday) rejected the government's plan.", from: "en", to: "fr"),
            RuleExample(unit: "↓{n, plural, one{# элемент (новый} few{# элемента} many{# элементов} other{# элемента}}",
                        source: "{n, plural, one{# item (new)} other{# items}}", from: "en", to: "ru"),
            RuleExample(unit: "↓The minister, who spoke on Monday) rejected the government's plan.",
                        source: "Министр, выступивший в понедельник, отверг новый план правительства.", from: "ru", to: "en"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "N getal(le)", source: "N number(s)", from: "en", to: "af"),
            RuleExample(unit: "[({", source: "{[(", from: "en", to: "af"),
            RuleExample(unit: "文件（新）", source: "File (new)", from: "en", to: "zh"),
            RuleExample(unit: "Datei {0} gelöscht", source: "Deleted file {0}", from: "en", to: "de"),
            RuleExample(unit: "Файл (новый)", source: "File (new)", from: "en", to: "ru"),
            RuleExample(unit: "Patients with end-stage renal disease (ESRD) have a high incidence of coronary disease.",
                        source: "Patienten mit terminaler Niereninsuffizienz weisen eine erhöhte Inzidenz der koronaren Herzkrankheit auf.",
                        from: "de", to: "en"),
            RuleExample(unit: "Les patients présentent une incidence élevée de maladie coronarienne, selon l'étude publiée lundi.",
                        source: "Patients with end-stage renal disease (ESRD) have a high incidence of coronary disease.",
                        from: "en", to: "fr"),
            RuleExample(unit: "(c) Beauty is wisdom, logos and symbolism that breathe in the soul of creativity.",
                        source: "c) Ilu on tarkus, logos ja sümbol, mis hinges loovalt tärkavad.", from: "et", to: "en"),
            // ICU MessageFormat's braces are syntax, and Russian has two more branches than English.
            RuleExample(unit: "{n, plural, one{# элемент} few{# элемента} many{# элементов} other{# элемента}}", source: "{n, plural, one{# item} other{# items}}", from: "en", to: "ru"),
            RuleExample(unit: "{count, plural, =0{Keine Dateien} one{Eine Datei} other{# Dateien}}",
                        source: "{count, plural, =0{No files} one{One file} other{# files}}", from: "en", to: "de"),
            RuleExample(unit: "Verwenden Sie \\( für Gruppen", source: "Use \\( and \\) for groups", from: "en", to: "de"),
        ]
    )

    public init() {}

    static let kinds: [(name: String, open: Set<Unicode.Scalar>, close: Set<Unicode.Scalar>)] = [
        ("()", ["(", "（"], [")", "）"]),
        ("[]", ["[", "［", "【"], ["]", "］", "】"]),
        ("{}", ["{", "｛"], ["}", "｝"]),
    ]

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        // The settings alone go into the closures: capturing `context` copied all of it per unit.
        let settings = context.strings
        let source = Self.counts(pair.source) { pair.maskedSource(settings: settings) }
        let target = Self.counts(pair.target) { pair.maskedTarget(settings: settings) }
        // Equal counts give no finding in either branch below (a balance the source shares is the
        // source's), and spare the word count of `isProse`.
        guard source != target else { return [] }
        var problems: [String] = []
        if Self.isProse(pair.source) {
            for (index, kind) in Self.kinds.enumerated() {
                let (sourceBalance, targetBalance) = (source[index].open - source[index].close, target[index].open - target[index].close)
                guard targetBalance != 0, sourceBalance == 0 || (sourceBalance > 0) != (targetBalance > 0) else { continue }
                let open = kind.name.first!, close = kind.name.last!
                problems.append(targetBalance > 0
                    ? "\(targetBalance) `\(open)` left open (the source's brackets are balanced)"
                    : "\(-targetBalance) `\(close)` closing nothing (the source's brackets are balanced)")
            }
            guard !problems.isEmpty else { return [] }
            return [RuleFinding(range: pair.targetStartPoint, message: problems.joined(separator: "; "))]
        }
        for (index, kind) in Self.kinds.enumerated() where source[index] != target[index] {
            let open = kind.name.first!, close = kind.name.last!
            if source[index].open != target[index].open {
                problems.append("\(target[index].open) `\(open)` where the source has \(source[index].open)")
            }
            if source[index].close != target[index].close {
                problems.append("\(target[index].close) `\(close)` where the source has \(source[index].close)")
            }
        }
        guard !problems.isEmpty else { return [] }
        findings.append(RuleFinding(range: pair.targetStartPoint, message: problems.joined(separator: "; ")))
        return findings
    }

    /// Every bracket of `kinds`, as UTF-16 units (all are in the Basic Multilingual Plane).
    static let bracketUnits: Set<UInt16> = Set(kinds.flatMap { Array($0.open) + Array($0.close) }.map { UInt16($0.value) })
    /// By byte, whether it is the first UTF-8 byte of a bracket: bit `byte & 63` of lane `byte >> 6`.
    /// Bits in a value, not a `[Bool]`: that array, read by every thread, was retained and released
    /// for every string, and its count moved between the cores.
    static let bracketFirstBytes: SIMD4<UInt64> = {
        var bits = SIMD4<UInt64>()
        for unit in bracketUnits {
            let byte = String(Unicode.Scalar(unit)!).utf8.first!
            bits[Int(byte >> 6)] |= 1 << UInt64(byte & 63)
        }
        return bits
    }()

    struct Count: Equatable {
        var open = 0
        var close = 0
    }

    /// A sentence rather than a UI label: eight words or more.
    static func isProse(_ text: String) -> Bool {
        text.split(whereSeparator: \.isWhitespace).lazy.filter { $0.contains(where: \.isLetter) }.prefix(8).count >= 8
    }

    /// Brackets of each kind in `text` as `masked` (`StringText.masked`, which the unit's other
    /// string checks share: `StringPair.masked`) has it.
    @inline(__always)
    static func counts(_ text: String, masked: () -> [UInt16]) -> [Count] {
        mayHaveBrackets(text) ? counts(masked: masked()) : noCounts
    }

    static let noCounts = Array(repeating: Count(), count: kinds.count)

    /// `false` only when `text` has no bracket of `kinds`. Masking only turns characters into
    /// spaces, so a string without brackets counts none; most strings have none, and masking and
    /// looking each character up was this rule's time, then reading the UTF-16 view of the UTF-8
    /// string to find none was. The UTF-8 bytes are read instead: a string with a bracket has the
    /// bracket's first byte (for the CJK and full-width ones a lead byte many other characters share).
    ///
    /// Each first byte (eight of them) is looked for by the C library's `memchr`, which reads many
    /// bytes a step: testing every byte's bit was some 750 instructions a string.
    static func mayHaveBrackets(_ text: String) -> Bool {
        let firstBytes = bracketFirstBytes
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            for lane in 0..<4 {
                var bits = firstBytes[lane]
                while bits != 0 {
                    if memchr(base, Int32(lane << 6 | bits.trailingZeroBitCount), bytes.count) != nil { return true }
                    bits &= bits - 1
                }
            }
            return false
        }
        return found ?? UTF8Bytes.contains(text) { firstBytes[Int($0 >> 6)] & (1 << UInt64($0 & 63)) != 0 }
    }

    /// Brackets of each kind in masked text (`StringText.masked`).
    static func counts(masked: [UInt16]) -> [Count] {
        var counts = [Count](filling: Count(), count: kinds.count)
        var escaped = false
        // Every bracket and the backslash are one UTF-16 unit, and a unit of a surrogate pair (or
        // a lone one) is neither, so reading units counts what reading the scalars would.
        for unit in masked {
            defer { escaped = unit == 0x5C && !escaped }
            if escaped { continue }
            switch unit {
            case 0x28, 0xFF08: counts[0].open += 1
            case 0x29, 0xFF09: counts[0].close += 1
            case 0x5B, 0xFF3B, 0x3010: counts[1].open += 1
            case 0x5D, 0xFF3D, 0x3011: counts[1].close += 1
            case 0x7B, 0xFF5B: counts[2].open += 1
            case 0x7D, 0xFF5D: counts[2].close += 1
            default: break
            }
        }
        return counts
    }
}
