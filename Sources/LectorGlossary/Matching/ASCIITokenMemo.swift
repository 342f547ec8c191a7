import Foundation

/// A map from tokens, mostly ASCII ones (their UTF-16 code units, case kept), to what was worked out for them:
/// open addressing over one pool of the tokens' units, FNV-1a hashes, no string and no allocation
/// per look-up. Shared by the glossary matcher (skeletons) and `spelling.unknown` (verdicts).
package struct ASCIITokenMemo<Value> {
    private var slots: [Int32]
    private var entries: [(start: Int32, count: Int32, hash: UInt64)] = []
    private var values: [Value] = []
    private var pool: [UInt16] = []

    /// `capacity`: the slots to start with, a power of two.
    package init(capacity: Int = 256) {
        slots = [Int32](repeating: -1, count: capacity)
    }

    /// The token's hash, or `nil` for a token with a non-ASCII unit.
    @inline(__always)
    package static func hash(_ units: UnsafeBufferPointer<UInt16>) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for unit in units {
            if unit >= 0x80 { return nil }
            hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The hash of a token of any script, for a memo whose answers depend on the units alone,
    /// whatever they are (the matcher's skeletons: the transliterator that folds non-ASCII
    /// letters answers the same for the same units all through).
    @inline(__always)
    package static func hash(anyUnits units: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for unit in units {
            hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `mutating` although it changes nothing, so that a caller's memo is read in place: a plain
    /// call on a memo a closure captures copied the memo first, four retains and four releases
    /// of its arrays per token (half of `spelling.unknown`'s time on English text).
    package mutating func value(of units: UnsafeBufferPointer<UInt16>, hash: UInt64) -> Value? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            let found = entries[Int(entry)]
            // `memcmp`: the generic `elementsEqual` compared unit by unit, a fortieth of a
            // target-only check.
            if found.hash == hash, Int(found.count) == units.count,
               units.isEmpty || pool.withUnsafeBufferPointer({
                   memcmp($0.baseAddress! + Int(found.start), units.baseAddress!, units.count * MemoryLayout<UInt16>.stride) == 0 }) {
                return values[Int(entry)]
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a token not yet in the map.
    package mutating func insert(_ units: UnsafeBufferPointer<UInt16>, hash: UInt64, value: Value) {
        if 2 * (entries.count + 1) > slots.count { grow() }
        entries.append((Int32(pool.count), Int32(units.count), hash))
        values.append(value)
        pool.append(contentsOf: units)
        place(entries.count - 1)
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        let hash = entries[index].hash
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for index in entries.indices { place(index) }
    }
}
