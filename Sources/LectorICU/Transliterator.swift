@_implementationOnly import CICU

/// A rule set that ICU could not compile, located in the rule text.
public struct TransliterationRuleError: Error, Equatable, CustomStringConvertible, Sendable {
    /// 1-based line of the rule text where ICU stopped, when ICU reports one.
    public let line: Int
    /// 0-based offset (UTF-16) within that line, or within the whole text when ICU gives no line.
    public let offset: Int
    /// The rule text just before the error, as ICU reports it.
    public let context: String
    /// ICU's error name, for example `U_MISSING_OPERATOR`.
    public let name: String

    public var description: String {
        "line \(line), offset \(offset): \(name)" + (context.isEmpty ? "" : " near “\(context)”")
    }
}

/// An ICU transliterator, built-in (`Russian-Latin/BGN`) or compiled from rule text.
///
/// Not thread-safe: each instance reuses one working buffer, so use one instance per thread.
/// (Threads gain little anyway: ICU runs every rule-based transliterator under one global mutex.)
public final class Transliterator {
    private let handle: OpaquePointer
    public let id: String

    /// Opens one of ICU's own transliterators or a compound id (`Any-Latin; Latin-ASCII`).
    public init(id: String) throws(ICUError) {
        handle = try Self.prototypes.withValue(for: id, make: { () throws(ICUError) -> ICUPrototype in
            let idUnits = UTF16.encode(id)
            var status: Int32 = 0
            var parseError = UParseError()
            let pointer = idUnits.withUnsafeBufferPointer {
                cicu_utrans_openU($0.baseAddress, Int32($0.count), nil, 0, &parseError, &status)
            }
            try checkStatus(status, "open transliterator \(id)")
            guard let pointer else { throw ICUError(operation: "open transliterator \(id)", name: "U_INVALID_ID") }
            return ICUPrototype(pointer: UnsafeMutableRawPointer(pointer))
        }) { (prototype: ICUPrototype) throws(ICUError) -> OpaquePointer in try Self.clone(prototype, id: id) }
        self.id = id
        keepsASCII = Self.asciiKeepingIDs.contains(id)
    }

    /// Ids that change no ASCII text: `Any-Latin` leaves Latin letters and the common characters
    /// as they are, `Latin-ASCII` rewrites only letters outside ASCII (tested on every ASCII
    /// character against ICU). Names are compared through `Any-Latin; Latin-ASCII` word by word,
    /// and nearly every word of Latin-script text is ASCII: those skip ICU (and its global mutex).
    static let asciiKeepingIDs: Set<String> = ["Any-Latin; Latin-ASCII", "Latin-ASCII"]

    /// Whether ASCII text comes back unchanged, so is returned without calling ICU.
    private let keepsASCII: Bool

    /// One transliterator per id (built-in or compound), opened once and cloned for each instance:
    /// resolving an id walks ICU's registry and resource bundles.
    private static let prototypes = ICUCache<ICUPrototype>()

    /// Compiles ICU transliteration rules. A rule set that does not compile throws with its line.
    ///
    /// Each rule text is compiled once per process and kept as a prototype, as `init(id:)` keeps
    /// ICU's own: Lector's rule files were compiled to check them and again by every variant
    /// deriver (two glossary indexes and more), a compilation costing milliseconds where a clone
    /// costs microseconds. A rule set that does not compile is not kept, and fails again alike.
    public init(id: String, rules: String) throws(TransliterationRuleError) {
        var failure: TransliterationRuleError?
        do throws(ICUError) {
            handle = try Self.compiled.withValue(for: id + "\u{0}" + rules, make: { () throws(ICUError) -> ICUPrototype in
                do throws(TransliterationRuleError) {
                    return ICUPrototype(pointer: UnsafeMutableRawPointer(try Self.compile(id: id, rules: rules)))
                } catch {
                    failure = error
                    throw ICUError(operation: "compile transliteration rules \(id)", name: error.name)
                }
            }) { (prototype: ICUPrototype) throws(ICUError) -> OpaquePointer in try Self.clone(prototype, id: id) }
        } catch {
            throw failure ?? TransliterationRuleError(line: 0, offset: 0, context: "", name: error.name)
        }
        self.id = id
        keepsASCII = false
    }

    /// Rule-based prototypes, by id and rule text.
    private static let compiled = ICUCache<ICUPrototype>()

    /// A transliterator of this instance's own, cloned from a kept prototype (`prototypes`, `compiled`).
    private static func clone(_ prototype: ICUPrototype, id: String) throws(ICUError) -> OpaquePointer {
        var status: Int32 = 0
        let clone = cicu_utrans_clone(UnsafePointer(OpaquePointer(prototype.pointer)), &status)
        try checkStatus(status, "clone transliterator \(id)")
        guard let clone else { throw ICUError(operation: "clone transliterator \(id)", name: "U_MEMORY_ALLOCATION_ERROR") }
        return OpaquePointer(clone)
    }

    private static func compile(id: String, rules: String) throws(TransliterationRuleError) -> OpaquePointer {
        let idUnits = UTF16.encode(id)
        let ruleUnits = UTF16.encode(rules)
        var status: Int32 = 0
        var parseError = UParseError()
        let pointer = idUnits.withUnsafeBufferPointer { idBuffer in
            ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                cicu_utrans_openU(idBuffer.baseAddress, Int32(idBuffer.count),
                                  ruleBuffer.baseAddress, Int32(ruleBuffer.count), &parseError, &status)
            }
        }
        if status > 0 || pointer == nil {
            let context = withUnsafeBytes(of: parseError.preContext) { raw -> String in
                let units = raw.bindMemory(to: UInt16.self)
                let end = units.firstIndex(of: 0) ?? units.count
                return UTF16.decode(UnsafeBufferPointer(rebasing: units[0..<end]))
            }
            throw Self.locate(line: Int(parseError.line), offset: Int(parseError.offset), context: context,
                              name: String(cString: cicu_errorName(status)), rules: ruleUnits)
        }
        return OpaquePointer(pointer!)
    }

    deinit {
        cicu_utrans_close(UnsafeMutablePointer(handle))
        buffer.deallocate()
    }

    /// Working buffer, reused by every call (variant derivation makes hundreds of thousands).
    private var buffer = UnsafeMutablePointer<UInt16>.allocate(capacity: 64)
    private var capacity = 64

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        buffer.deallocate()
        capacity = max(needed, capacity * 2)
        buffer = UnsafeMutablePointer<UInt16>.allocate(capacity: capacity)
    }

    public func transliterate(_ string: String) -> String {
        var string = string
        if keepsASCII, string.withUTF8({ bytes in !bytes.contains { $0 >= 0x80 } }) { return string }
        if let known = answers[string] { return known }
        let made = transliteratedByICU(string)
        if answers.count < Self.answerCapacity { answers[string] = made }
        return made
    }

    /// What ICU answered, by input: the name rules and the glossary ask for the same words again
    /// and again (every `Müller`, `Selenskyj`, `Köln` of a file), and every ICU call takes ICU's
    /// global transliteration mutex, which the threads of a file checked in chunks fought over.
    private var answers: [String: String] = [:]

    /// Answers kept per instance: past it, a new word goes to ICU every time. The figure of
    /// `WordStoreCapacity.words` (LectorLexicon, which this target cannot import), so that a
    /// stream of ever new words keeps the memory of every per-word store flat.
    static let answerCapacity = 6_144

    /// How many answers the instance keeps (for tests of its bound).
    var keptAnswers: Int { answers.count }

    /// `transliterate` through ICU always (the reference the ASCII shortcut is tested against).
    func transliteratedByICU(_ string: String) -> String {
        var string = string
        let count = string.withUTF8 { $0.count }
        if count == 0 { return string }
        // Room for the text (UTF-16 never needs more units than UTF-8 has bytes) and its growth.
        reserve(max(count * 4, 16))
        while true {
            var length: Int32 = 0
            var status: Int32 = 0
            string.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { bytes in
                    _ = cicu_strFromUTF8(buffer, Int32(capacity), &length, bytes.baseAddress, Int32(bytes.count), &status)
                }
            }
            if status > 0 { return string }
            var limit = length
            var resultLength = length
            status = 0
            cicu_utrans_transUChars(UnsafePointer(UnsafeMutablePointer(handle)), buffer, &resultLength,
                                    Int32(capacity), 0, &limit, &status)
            if status == CICU_BUFFER_OVERFLOW_ERROR {
                reserve(Int(resultLength) + 16)
                continue
            }
            if status > 0 { return string }
            return UTF16.decode(UnsafeBufferPointer(start: buffer, count: Int(resultLength)))
        }
    }

    /// ICU reports the line only for some errors; otherwise derive it from the offset.
    // Plain Swift types only in signatures: a C type here would make importers load CICU.
    private static func locate(line: Int, offset: Int, context: String, name: String,
                               rules: [UInt16]) -> TransliterationRuleError {
        var line = line
        var offset = offset
        if line <= 0, offset >= 0 {
            // The offset counts from the start of the whole rule text.
            line = 1
            var lineStart = 0
            for index in 0..<min(offset, rules.count) where rules[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            offset -= lineStart
        } else if line <= 0 {
            line = 1
            offset = 0
        }
        return TransliterationRuleError(line: line, offset: max(offset, 0), context: context, name: name)
    }
}
