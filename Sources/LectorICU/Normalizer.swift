@_implementationOnly import CICU

/// Unicode normalization forms that ICU provides.
public enum NormalizationForm: Sendable, CaseIterable {
    case nfc
    case nfkc
    /// NFKC followed by full case folding and removal of default-ignorable code points:
    /// the form Lector compares glossary terms in (UTS #46 / UAX #31 "NFKC_Casefold").
    case nfkcCasefold
}

/// Normalization through ICU's `unorm2` API.
public struct Normalizer: @unchecked Sendable {
    // ICU's normalizer singletons are immutable and owned by ICU: never closed, safe to share.
    private let instance: OpaquePointer

    public init(_ form: NormalizationForm) throws(ICUError) {
        var status: Int32 = 0
        let pointer: OpaquePointer?
        switch form {
        case .nfc: pointer = cicu_nfc(&status)
        case .nfkc: pointer = cicu_nfkc(&status)
        case .nfkcCasefold: pointer = cicu_nfkcCasefold(&status)
        }
        try checkStatus(status, "load normalizer \(form)")
        instance = pointer!
    }

    private var normalizer: OpaquePointer { instance }

    public func normalize(_ string: String) -> String {
        let units = UTF16.encode(string)
        return units.withUnsafeBufferPointer { UTF16.decode(normalize($0)) }
    }

    /// Normalizes UTF-16 code units; the hot path for token comparison.
    public func normalize(_ units: UnsafeBufferPointer<UInt16>) -> [UInt16] {
        if units.isEmpty { return [] }
        let result = withGrowingBuffer(initialCapacity: units.count + units.count / 2 + 4) { dest, capacity, status in
            cicu_normalize(normalizer, units.baseAddress, Int32(units.count), dest, capacity, &status)
        }
        return result.units
    }

    public func isNormalized(_ string: String) -> Bool {
        let units = UTF16.encode(string)
        var status: Int32 = 0
        let answer = units.withUnsafeBufferPointer {
            cicu_isNormalized(normalizer, $0.baseAddress, Int32($0.count), &status)
        }
        return answer != 0
    }
}
