import Foundation

/// A map from tokens, mostly ASCII ones (their UTF-16 code units, case kept), to what was worked out for them:
/// open addressing over one pool of the tokens' units, hashes of four units a step, no string and no allocation
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
    ///
    /// Four units a step (a word of the token's units, its high bits kept for the ASCII test),
    /// then mixed: FNV-1a unit by unit was a chain of dependent multiplications per unit, 2 % of a
    /// target-only check.
    @inline(__always)
    package static func hash(_ units: UnsafeBufferPointer<UInt16>) -> UInt64? {
        let (hash, bits) = chunkHash(units)
        return bits & 0xFF80_FF80_FF80_FF80 == 0 ? hash : nil
    }

    /// The hash of a token of any script, for a memo whose answers depend on the units alone,
    /// whatever they are (the matcher's skeletons: the transliterator that folds non-ASCII
    /// letters answers the same for the same units all through).
    @inline(__always)
    package static func hash(anyUnits units: UnsafeBufferPointer<UInt16>) -> UInt64 {
        chunkHash(units).hash
    }

    /// The hash of the units, and the OR of their words (for the ASCII test).
    @inline(__always)
    static func chunkHash(_ units: UnsafeBufferPointer<UInt16>) -> (hash: UInt64, bits: UInt64) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: units.count)
        guard let base = units.baseAddress else { return (hash, 0) }
        let raw = UnsafeRawPointer(base)
        let count = units.count
        var bits: UInt64 = 0
        var offset = 0
        while offset + 4 <= count {
            let chunk = raw.loadUnaligned(fromByteOffset: offset * 2, as: UInt64.self)
            bits |= chunk
            hash = (hash ^ chunk) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 4
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(base[offset]) << shift
            shift += 16
            offset += 1
        }
        bits |= tail
        hash = (hash ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        return (hash ^ (hash >> 33), bits)
    }

    /// Whether `count` units at `a` and at `b` are the same, four a step: `memcmp` is a call, and
    /// most tokens are a few units long.
    @inline(__always)
    package static func sameUnits(_ a: UnsafePointer<UInt16>, _ b: UnsafePointer<UInt16>, count: Int) -> Bool {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        var offset = 0
        while offset + 4 <= count {
            if rawA.loadUnaligned(fromByteOffset: offset * 2, as: UInt64.self)
                != rawB.loadUnaligned(fromByteOffset: offset * 2, as: UInt64.self) { return false }
            offset += 4
        }
        while offset < count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
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
            // Four units a step (`sameUnits`): the generic `elementsEqual` compared unit by unit, a
            // fortieth of a target-only check, and `memcmp` was a call per token.
            if found.hash == hash, Int(found.count) == units.count,
               units.isEmpty || pool.withUnsafeBufferPointer({
                   Self.sameUnits($0.baseAddress! + Int(found.start), units.baseAddress!, count: units.count) }) {
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
