import Foundation
import LectorICU
import LectorText
import LectorFormats
import LectorGlossary

/// One translated unit of a bilingual file as the string checks read it: the source and the
/// translation as the file has them (line breaks and tabs kept), and where the translation is in
/// the checked document. Offsets within `target` are offsets from `targetStart`, because the
/// document holds the same text with its line breaks as spaces.
public struct StringPair {
    /// The unit's position in the file, which is its pair's in `BilingualContext.pairs`.
    public let index: Int
    public let source: String
    public let target: String
    public let targetStart: Int
    /// The file's units, read through `unit`: a pair holding its own copy of the unit retained
    /// and released each of its strings and arrays for every unit of a file.
    let units: [BilingualUnit]
    public var unit: BilingualUnit { _read { yield units[index] } }
    /// Masked texts, made by the first string check that asks: most of them read the same two.
    let shared: SharedUnitWork

    init(index: Int, source: String, target: String, targetStart: Int, units: [BilingualUnit], settings: StringCheckSettings) {
        self.index = index
        self.source = source
        self.target = target
        self.targetStart = targetStart
        self.units = units
        shared = SharedUnitWork(settings: settings)
    }

    /// `StringText.masked` of the source, made once per unit for the settings of the check.
    func maskedSource(settings: StringCheckSettings) -> [UInt16] {
        shared.masked(source, isSource: true, settings: settings)
    }

    /// `StringText.masked` of the translation, made once per unit for the settings of the check.
    func maskedTarget(settings: StringCheckSettings) -> [UInt16] {
        shared.masked(target, isSource: false, settings: settings)
    }

    /// A range within `target`, in the document.
    public func range(_ local: Range<Int>) -> Range<Int> {
        (targetStart + local.lowerBound)..<(targetStart + local.upperBound)
    }

    public var targetLength: Int { target.utf16.count }
    public var wholeTarget: Range<Int> { range(0..<targetLength) }
    public var targetStartPoint: Range<Int> { targetStart..<targetStart }
}

extension CheckContext {
    /// The translated units of a bilingual file, in order. Empty for texts checked alone or
    /// against an aligned source: the string checks are about UI strings, not prose.
    public func stringPairs() -> [StringPair] {
        guard let units = bilingual?.units else { return [] }
        return units.indices.compactMap { stringPair(at: $0) }
    }

    /// Unit `index` of a bilingual file, when it has a translation and its source has the key
    /// (a string the source no longer has is compared with nothing: `alignment.unpaired`).
    public func stringPair(at index: Int) -> StringPair? {
        guard let units = bilingual?.units, index < units.count, let target = units[index].target,
              !units[index].details.sourceKeyMissing, index < document.lineCount else { return nil }
        return StringPair(index: index, source: units[index].source.text, target: target.text,
                          targetStart: document.lineRange(index + 1).lowerBound, units: units, settings: strings)
    }
}

/// What the string checks of one unit compute alike (placeholders and tags found and blanked out),
/// kept so that each is made once: five checks read the masked source and translation. The side is
/// named by the caller, not found by comparing texts: a translation that is the source in another
/// normalization form (NFD against NFC) has other UTF-16 offsets, and must not be given the
/// source's units.
final class SharedUnitWork {
    /// The settings of the check that made the unit's pair, which every string check of the run
    /// passes: the kept texts are made with them, and texts asked for with others are made anew.
    /// Held from the start and compared in place: kept on first use and copied out to be compared,
    /// they were retained and released a dozen times a unit, on objects every thread shares.
    private let settings: StringCheckSettings
    private var source: [UInt16]?
    private var target: [UInt16]?

    init(settings: StringCheckSettings) {
        self.settings = settings
    }

    func masked(_ text: String, isSource: Bool, settings: StringCheckSettings) -> [UInt16] {
        guard settings == self.settings else { return StringText.masked(text, settings: settings) }
        if let made = isSource ? source : target { return made }
        let units = StringText.masked(text, settings: settings)
        if isSource { source = units } else { target = units }
        return units
    }
}

/// What the string checks share: text with placeholders and tags taken out, punctuation classes.
enum StringText {
    /// UTF-16 ranges of placeholders, MessageFormat syntax (`one{`, `}`: not text, not brackets)
    /// and raw tags in a string.
    static func codeRanges(in text: String, settings: StringCheckSettings) -> [Range<Int>] {
        let scan = PlaceholderScanner(syntaxes: settings.placeholderSyntaxes).scanned(text)
        return (scan.placeholders.map(\.range) + scan.syntax
            + MarkupTagScanner.tags(in: text).map(\.range)).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// UTF-16 ranges of what stands for text or frames it without being text: placeholders and
    /// MessageFormat syntax, not tags (`the <b>the</b>` still reads "the the").
    static func placeholderRanges(in text: String, settings: StringCheckSettings) -> [Range<Int>] {
        let scan = PlaceholderScanner(syntaxes: settings.placeholderSyntaxes).scanned(text)
        return scan.placeholders.map(\.range) + scan.syntax
    }

    /// The UTF-16 ranges of ICU MessageFormat syntax (`one {`, `few{`, `offset:1`, a plural's `#`,
    /// the branches' braces) in the lines of a bilingual file's document, one unit a line: the
    /// checks that read the document's words (spelling, the meaning checks) must not read a
    /// selector as a word, whether or not a space stands before its brace.
    static func messageFormatSyntax(in document: SourceDocument, settings: StringCheckSettings) -> [Range<Int>] {
        guard settings.placeholderSyntaxes.contains(.braces), document.utf16.contains(0x7B) else { return [] }
        let scanner = PlaceholderScanner(syntaxes: settings.placeholderSyntaxes)
        var ranges: [Range<Int>] = []
        for (index, start) in document.lineStarts.enumerated() {
            let end = index + 1 < document.lineStarts.count ? document.lineStarts[index + 1] : document.utf16.count
            guard document.utf16[start..<end].contains(0x7B) else { continue }
            let scan = scanner.scanned(document.text(in: start..<end))
            guard !scan.choices.isEmpty else { continue }
            ranges += scan.syntax.map { (start + $0.lowerBound)..<(start + $0.upperBound) }
        }
        return ranges
    }

    /// `text` with its ICU MessageFormat syntax blanked out (offsets kept); `text` itself where it
    /// has none.
    static func withoutMessageFormatSyntax(_ text: String, settings: StringCheckSettings) -> String {
        // The byte first: most texts have no brace, and asking the set hashed a syntax for every
        // side of every pair.
        guard UTF8Bytes.contains(text, byte: 0x7B), settings.placeholderSyntaxes.contains(.braces) else { return text }
        let scan = PlaceholderScanner(syntaxes: settings.placeholderSyntaxes).scanned(text)
        guard !scan.choices.isEmpty else { return text }
        var units = LectorICU.UTF16.encode(text)
        for range in scan.syntax {
            for index in range where index < units.count { units[index] = 0x20 }
        }
        return LectorICU.UTF16.decode(units)
    }

    /// The string with placeholders and tags blanked out (each unit replaced by a space, so that
    /// offsets stay), for checks that look at the words.
    static func masked(_ text: String, settings: StringCheckSettings) -> [UInt16] {
        var units = LectorICU.UTF16.encode(text)
        // Most strings have no byte a placeholder, tag or marker starts with: one pass over the
        // bytes proves it, where the three scanners would each read them.
        guard mayHaveCode(text, markers: settings.acceleratorMarkers) else { return units }
        // The ranges of `codeRanges`, blanked list by list: blanking does not depend on their
        // order, so they are not joined into one array and sorted for every string.
        let scan = PlaceholderScanner(syntaxes: settings.placeholderSyntaxes).scanned(text)
        func blank(_ range: Range<Int>) {
            for index in range where index < units.count { units[index] = 0x20 }
        }
        for placeholder in scan.placeholders { blank(placeholder.range) }
        for range in scan.syntax { blank(range) }
        for tag in MarkupTagScanner.tags(in: text) { blank(tag.range) }
        // Accelerator markers go too (`&File` starts with a letter), keeping offsets.
        for accelerator in AcceleratorRule.accelerators(in: text, markers: settings.acceleratorMarkers) {
            units[accelerator.range.lowerBound] = 0x20
        }
        return units
    }

    /// Whether `text` has a byte that a placeholder (`%`, `{`, `$`, `&`, `@`: `PlaceholderScanner`),
    /// a tag (`<`) or an accelerator marker starts with. False proves that none of them finds
    /// anything; a marker that is not ASCII, or that a non-ASCII character is canonically equal to
    /// (`;`, `` ` ``, `K`: see `AcceleratorRule.mayHaveMarker`), is not looked for by its byte.
    ///
    /// Each byte is looked for by the C library's `memchr`, which reads many bytes a step: the
    /// test of every byte against the set (`scannedByteByByte`) was some 700 instructions a string,
    /// twice a unit. A marker counts by its byte when its UTF-8 is that one byte.
    static func mayHaveCode(_ text: String, markers: [Character]) -> Bool {
        for marker in markers {
            guard marker.utf8.count == 1, let byte = marker.utf8.first,
                  byte != UInt8(ascii: ";"), byte != UInt8(ascii: "`"), byte != UInt8(ascii: "K") else { return true }
        }
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            func has(_ byte: UInt8) -> Bool { memchr(base, Int32(byte), bytes.count) != nil }
            return has(0x25) || has(0x24) || has(0x26) || has(0x3C) || has(0x40) || has(0x7B)
                || markers.contains { $0.utf8.first! != 0x26 && has($0.utf8.first!) }
        }
        return found ?? scannedByteByByte(text, markers: markers)
    }

    /// `mayHaveCode` byte by byte against a set of bytes: strings whose UTF-8 is not contiguous.
    private static func scannedByteByByte(_ text: String, markers: [Character]) -> Bool {
        // `%` `$` `&` `<` are under 64, `@` `{` above.
        var low: UInt64 = 1 << 0x25 | 1 << 0x24 | 1 << 0x26 | 1 << 0x3C
        var high: UInt64 = 1 << (0x40 - 64) | 1 << (0x7B - 64)
        for marker in markers {
            let scalars = marker.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII,
                  scalar != ";", scalar != "`", scalar != "K" else { return true }
            if scalar.value < 64 { low |= 1 << scalar.value } else { high |= 1 << (scalar.value - 64) }
        }
        return UTF8Bytes.contains(text) { byte in
            byte < 64 ? low >> byte & 1 != 0 : byte < 128 && high >> (byte - 64) & 1 != 0
        }
    }

    /// Scripts that do not separate words with spaces: a trailing space there is not needed.
    static let unspacedLanguages: Set<String> = ["zh", "ja", "th", "lo", "km", "my", "bo"]

    static func isHorizontalSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
            || scalar == "\u{3000}"
    }

    /// Bidi marks and joiners are not characters a reader sees.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        (0x200B...0x200F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0xFEFF
    }

    static func isPunctuationOrSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `isPunctuationOrSymbol` of each ASCII scalar, for the edge walks, which read the general
    /// category of most strings' last scalar or two.
    static let asciiPunctuationOrSymbol: [Bool] = (0..<128).map { isPunctuationOrSymbol(Unicode.Scalar(UInt8($0))) }

    /// One class per mark, so that languages' own forms of a mark compare equal (`PunctuationClass`).
    static func punctuationClass(_ scalar: Unicode.Scalar) -> String { PunctuationClass.of(scalar) }
}
