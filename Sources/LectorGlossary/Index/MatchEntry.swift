import Foundation
import LectorICU

/// Where a variant spelling comes from; it decides the wording of the finding.
public enum VariantOrigin: Sendable, Hashable {
    /// A transliteration scheme turned a Cyrillic term of the glossary into this spelling.
    case transliteration(scheme: String, source: String)
    /// The glossary lists this spelling for another language (`Kiew` in `de`).
    case glossaryForm(language: String, term: String)
    /// The spelling shares its skeleton with the concept's terms and variants (`Zelensky`).
    case skeleton
}

/// One spelling the matcher can recognise, and what it means. 12 bytes: the strings stay in the
/// glossary's terms and in the index's pool of derived spellings.
struct MatchEntry: Sendable {
    enum Kind: UInt8, Sendable, Comparable {
        // Order = priority when several entries cover the same tokens.
        case variant = 0, forbidden = 1, allowed = 2
        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let concept: Int32
    /// The term index in its low 28 bits, the kind in bits 28–29, `requiresCapital` in bit 30.
    private let packed: UInt32
    /// A variant's form (`form`), or an allowed or forbidden term's exact tokens (`exact`); -1: none.
    private let extra: Int32

    static let maximumTermIndex = (1 << 28) - 1

    init(kind: Kind, requiresCapital: Bool, concept: Int32, term: Int32, form: Int32, exact: Int32) {
        precondition(term >= 0 && Int(term) <= Self.maximumTermIndex, "term index out of range")
        precondition(kind == .variant ? exact < 0 : form < 0)
        self.concept = concept
        packed = UInt32(term) | UInt32(kind.rawValue) << 28 | (requiresCapital ? 1 << 30 : 0)
        extra = kind == .variant ? form : exact
    }

    var kind: Kind { Kind(rawValue: UInt8(packed >> 28 & 3))! }
    /// Variants of capitalized names only match capitalized text (`Poutine`, not `poutine`).
    var requiresCapital: Bool { packed & 1 << 30 != 0 }
    /// Index in the concept's terms: the term itself (allowed, forbidden, glossary form of another
    /// language), or the Cyrillic term a transliteration variant was made from.
    var term: Int32 { Int32(packed & UInt32(Self.maximumTermIndex)) }
    /// For transliteration variants, the spelling's index in the form pool; else -1.
    var form: Int32 { kind == .variant ? extra : -1 }
    /// For case-sensitive terms, the index of each token exactly as written; else -1.
    var exact: Int32 { kind == .variant ? -1 : extra }
}

/// Open addressing from `node << 32 | token` to the child node: the trie's inner edges.
struct EdgeTable: Sendable {
    /// 0: an empty slot (inner nodes are ≥ 1, so no edge key is 0).
    private var keys = [UInt64](repeating: 0, count: 16)
    private var children = [Int32](repeating: 0, count: 16)
    private(set) var count = 0

    /// The slot to start probing at (murmur3's 64-bit finalizer, then the low bits).
    @inline(__always)
    private static func home(_ key: UInt64, mask: Int) -> Int {
        var hash = key
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return Int(truncatingIfNeeded: hash) & mask
    }

    @inline(__always)
    func child(_ key: UInt64) -> Int32 {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count &- 1
            var slot = Self.home(key, mask: mask)
            while true {
                let found = keys[slot]
                if found == key { return children[slot] }
                if found == 0 { return -1 }
                slot = (slot &+ 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, child: Int32) {
        // At most 80 % full: edges are looked up only along multi-word terms.
        if (count + 1) * 10 > keys.count * 8 { grow() }
        place(key, child)
        count += 1
    }

    private mutating func place(_ key: UInt64, _ child: Int32) {
        let mask = keys.count - 1
        var slot = Self.home(key, mask: mask)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        children[slot] = child
    }

    func forEachSlot(_ body: (UInt64, Int32) -> Void) {
        for slot in keys.indices where keys[slot] != 0 { body(keys[slot], children[slot]) }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldChildren = children
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        children = [Int32](repeating: 0, count: oldKeys.count * 2)
        for slot in oldKeys.indices where oldKeys[slot] != 0 { place(oldKeys[slot], oldChildren[slot]) }
    }
}

extension EdgeTable {
    func forEach(_ body: (UInt64, Int32) -> Void) {
        forEachSlot(body)
    }
}
