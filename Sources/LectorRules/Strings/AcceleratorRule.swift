import LectorICU
import LectorText
import LectorFormats
import LectorGlossary

/// Accelerator (access key) markers: `&File`, `_File`, `~File`. A source with one accelerator
/// needs one in its translation, and a translation may not add one the source has not.
/// The markers are the project's (`strings: accelerator_markers`, default `&`).
///
/// A marker before a mark that is no letter (`add&-ons`) is no accelerator, but the source still
/// asks for one there: a translation that puts its one marker on a letter (`&Waarsku`) moved it.
/// A `_` inside a word (`file_name`) is text, except in a string whose source has one `_`
/// accelerator and no such `_`: that string is a GTK mnemonic label, where every `_` before a
/// letter underlines it, so `_File` → `_Fayil_e` has two.
public struct AcceleratorRule: UnitRule {
    public static let description = RuleDescription(
        id: "accelerator.mismatch",
        name: "Accelerator mismatch",
        summary: "The source has an accelerator marker (`&File`, `_File`, `~File`) and the translation none or several, or the translation adds one.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "↓Datei", source: "&File", from: "en", to: "de"),
            RuleExample(unit: "↓&Ouvrir le fichier", source: "Open file", from: "en", to: "fr"),
            RuleExample(unit: "↓Vula& Ifayile", source: "Open &File", from: "en", to: "zu"),
            RuleExample(unit: "↓Сохранить как", source: "Save &As", from: "en", to: "ru"),
            RuleExample(unit: "↓&Waarsku my as dit enige van my ↓&byvoegings sal deaktiveer",
                        source: "Warn me if this will disable any of my add&-ons", from: "en", to: "af"),
            RuleExample(unit: "↓&Drücken Sie \"&\", um fortzufahren", source: "Press \"&\" to continue", from: "en", to: "de"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "&Datei", source: "&File", from: "en", to: "de"),
            RuleExample(unit: "Сохранить &как", source: "Save &As", from: "en", to: "ru"),
            RuleExample(unit: "P&äivitä kehys", source: "&Reload Frame", from: "en", to: "fi"),
            RuleExample(unit: "Kald&ır", source: "&Remove", from: "en", to: "tr"),
            RuleExample(unit: "Pos en Nuus", source: "Mail && News", from: "en", to: "af"),
            RuleExample(unit: "Pos en Nuus", source: "Mail &amp; News", from: "en", to: "af"),
            RuleExample(unit: "Forschung und Entwicklung", source: "R&D department", from: "en", to: "de"),
            RuleExample(unit: "Tom et Jerry", source: "Tom & Jerry", from: "en", to: "fr"),
            RuleExample(unit: "&Waarsku my as dit enige van my byvoegings sal deaktiveer",
                        source: "Warn me if this will disable any of my add&-ons", from: "en", to: "af"),
        ]
    )

    public init() {}

    /// Formats whose strings use accelerators; mobile resource strings do not, and a `&` there is text.
    static let formats: Set<String> = ["po", "xliff", "jsonl", "tmx"]

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        guard let format = context.bilingual?.format, Self.formats.contains(format) else { return [] }
        let markers = context.strings.acceleratorMarkers
        var findings: [RuleFinding] = []
        let source = Self.accelerators(in: pair.source, markers: markers)
        guard source.count <= 1 else { return [] }
        let target = Self.accelerators(in: pair.target, markers: markers)
        switch (source.count, target.count) {
        case (1, 0):
            findings.append(RuleFinding(range: pair.wholeTarget,
                                        message: "the source's accelerator `\(source[0].text)` has none in the translation"))
        case (0, 1...):
            // The source's marker before a mark (`add&-ons`) moved onto a letter.
            if target.count == 1, Self.hasMarkerBeforeMark(pair.source, markers: markers) { break }
            for accelerator in target {
                findings.append(RuleFinding(range: pair.range(accelerator.range),
                                            message: "accelerator `\(accelerator.text)` is not in the source"))
            }
        case (1, 2...):
            findings.append(RuleFinding(range: pair.range(target[1].range),
                                        message: "\(target.count) accelerators where the source has one"))
        case (1, 1) where source[0].text.hasPrefix("_"):
            // A mnemonic label: a `_` inside a word underlines too (`_Fayil_e`).
            guard Self.underscoresInWords(pair.source).isEmpty,
                  let second = Self.underscoresInWords(pair.target).first else { break }
            findings.append(RuleFinding(range: pair.range(second),
                                        message: "2 accelerators where the source has one (`_` inside a word marks one too in a mnemonic label)"))
        default:
            break
        }
        return findings
    }

    struct Accelerator {
        let text: String
        let range: Range<Int>
    }

    /// Marker + letter or digit. Not `&&` (an escaped `&`), not an entity (`&amp;`), not a marker
    /// between capitals (`R&D`, `AT&T`), not `_` inside a word (`file_name`).
    /// Whether some scalar of `text` is a marker as `accelerators(in:markers:)` compares them
    /// (`Character(scalar)` equal to a marker). Most strings have none, and then need no scalar
    /// and offset arrays; every string check masks accelerators, so this ran several times a unit.
    /// An ASCII scalar equals only the marker that is the same ASCII character; any other scalar,
    /// and any marker that is not one ASCII scalar, is compared as `Character`s.
    static func mayHaveMarker(_ text: String, markers: [Character]) -> Bool {
        // The usual markers (`&`, `_`, `~`): each one byte of UTF-8, so one ASCII scalar, and
        // none of the three ASCII characters a non-ASCII one is canonically equal to. Their bytes
        // are read off `utf8` and each looked for with `memchr`; the scalar views and `Character`
        // comparisons below cost some 400 instructions a call, and this ran four times a unit.
        let isPlainByte = { (marker: Character) -> Bool in
            guard marker.utf8.count == 1, let byte = marker.utf8.first else { return false }
            return byte != UInt8(ascii: ";") && byte != UInt8(ascii: "`") && byte != UInt8(ascii: "K")
        }
        if markers.allSatisfy(isPlainByte) {
            return markers.contains { UTF8Bytes.contains(text, byte: $0.utf8.first!) }
        }
        var asciiMarkers: (low: UInt64, high: UInt64) = (0, 0)
        for marker in markers {
            let scalars = marker.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII else { return true }
            if scalar.value < 64 { asciiMarkers.low |= 1 << scalar.value } else { asciiMarkers.high |= 1 << (scalar.value - 64) }
        }
        // A character of one scalar equals an ASCII marker only when it is that ASCII character
        // or one of the three whose canonical decomposition is one ASCII character (U+037E `;`,
        // U+1FEF `` ` ``, U+212A `K`): for other markers the UTF-8 bytes under 0x80 tell. No byte
        // of a longer UTF-8 sequence is under 0x80, so each marker's byte is looked for alone
        // (`memchr`: this scan ran six times a unit, byte by byte).
        if !markers.contains(where: { $0 == ";" || $0 == "`" || $0 == "K" }) {
            return markers.contains { UTF8Bytes.contains(text, byte: UInt8($0.unicodeScalars.first!.value)) }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let bit = scalar.value < 64 ? asciiMarkers.low >> scalar.value : asciiMarkers.high >> (scalar.value - 64)
                if bit & 1 != 0 { return true }
            } else if markers.contains(Character(scalar)) {
                return true
            }
        }
        return false
    }

    static func accelerators(in text: String, markers: [Character]) -> [Accelerator] {
        guard mayHaveMarker(text, markers: markers) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        var result: [Accelerator] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard markers.contains(Character(scalar)), index + 1 < scalars.count else {
                index += 1
                continue
            }
            let next = scalars[index + 1]
            if next == scalar {
                index += 2
                continue
            }
            let before: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
            var isAccelerator = next.properties.isAlphabetic || next.properties.numericType != nil
            if isAccelerator, scalar == "&" {
                // An entity: &name; or &#…;
                var end = index + 1
                while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end].properties.numericType != nil
                        || scalars[end] == "." || scalars[end] == "_" { end += 1 }
                if end < scalars.count, scalars[end] == ";" { isAccelerator = false }
            }
            if next == "#" { isAccelerator = false }
            if isAccelerator, let before, before.properties.isUppercase, next.properties.isUppercase { isAccelerator = false }
            if isAccelerator, scalar == "_", let before,
               before.properties.isAlphabetic || before.properties.numericType != nil { isAccelerator = false }
            if isAccelerator {
                let end = offsets[index + 1] + next.utf16.count
                result.append(Accelerator(text: String(String.UnicodeScalarView(scalars[index...(index + 1)])),
                                          range: offsets[index]..<end))
            }
            index += 1
        }
        return result
    }

    /// Whether `text` has a marker inside a word before a visible mark that is neither a letter, a
    /// digit, the marker again (`&&`) nor `#` (`add&-ons`): where the source puts its accelerator.
    static func hasMarkerBeforeMark(_ text: String, markers: [Character]) -> Bool {
        guard mayHaveMarker(text, markers: markers) else { return false }
        // Inside a word only (a letter before the marker): a `&` alone before a quote or a bracket
        // (`Press "&"`, `Search (&)`) is text, and must not excuse an accelerator the translation adds.
        var beforePrevious: Unicode.Scalar?
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { beforePrevious = previous; previous = scalar }
            guard let marker = previous, markers.contains(Character(marker)), scalar != marker, scalar != "#",
                  beforePrevious?.properties.isAlphabetic == true else { continue }
            let properties = scalar.properties
            if !properties.isAlphabetic, properties.numericType == nil, !properties.isWhitespace,
               properties.generalCategory != .control { return true }
        }
        return false
    }

    /// UTF-16 ranges of `_` and the letter or digit it marks where the `_` stands inside a word
    /// (`l_e`), which `accelerators(in:markers:)` takes for text.
    static func underscoresInWords(_ text: String) -> [Range<Int>] {
        guard UTF8Bytes.contains(text, byte: UInt8(ascii: "_")) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var result: [Range<Int>] = []
        var offset = 0
        func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        for index in scalars.indices {
            defer { offset += scalars[index].utf16.count }
            guard scalars[index] == "_", index > 0, index + 1 < scalars.count else { continue }
            guard isWordCharacter(scalars[index - 1]), isWordCharacter(scalars[index + 1]) else { continue }
            result.append(offset..<(offset + 1 + scalars[index + 1].utf16.count))
        }
        return result
    }

    /// The text without its accelerator markers, for checks that compare words.
    static func stripped(_ text: String, markers: [Character]) -> String {
        let accelerators = accelerators(in: text, markers: markers)
        guard !accelerators.isEmpty else { return text }
        var units = Array(text.utf16)
        for accelerator in accelerators.reversed() { units.remove(at: accelerator.range.lowerBound) }
        return LectorICU.UTF16.decode(units)
    }
}
