import Foundation

/// A map from words, as runs of UTF-16 units, to values, asked with the units in place: no string
/// is decoded, hashed or freed to look a word up. Words are equal when their units are (not by
/// canonical equivalence, as strings are). Open addressing with linear probing, at most half full.
struct UTF16WordTable<Value> {
    private struct Entry {
        let hash: UInt64
        let start: Int
        let count: Int
    }

    /// Each slot: the index of its entry plus one, or 0 when empty. Its count is a power of two.
    private var slots = [Int32](repeating: 0, count: 256)
    private var entries: [Entry] = []
    private var values: [Value] = []
    /// Every entry's units, one after another.
    private var units: [UInt16] = []

    var count: Int { entries.count }

    /// FNV-1a over the units.
    private static func hash(_ word: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for unit in word { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The slot of `word` (with `hash`): its entry's, or the empty one where it would go.
    private func slot(of word: UnsafeBufferPointer<UInt16>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        return units.withUnsafeBufferPointer { stored in
            while true {
                let slot = slots[index]
                if slot == 0 { return index }
                let entry = entries[Int(slot) - 1]
                if entry.hash == hash, entry.count == word.count,
                   word.isEmpty || memcmp(stored.baseAddress! + entry.start, word.baseAddress!, word.count * 2) == 0 {
                    return index
                }
                index = (index + 1) & mask
            }
        }
    }

    func value(of word: UnsafeBufferPointer<UInt16>) -> Value? {
        let slot = slots[slot(of: word, hash: Self.hash(word))]
        return slot == 0 ? nil : values[Int(slot) - 1]
    }

    /// Sets the value of `word`, replacing one it had.
    mutating func insert(_ value: Value, for word: UnsafeBufferPointer<UInt16>) {
        let hash = Self.hash(word)
        let index = slot(of: word, hash: hash)
        if slots[index] != 0 {
            values[Int(slots[index]) - 1] = value
            return
        }
        entries.append(Entry(hash: hash, start: units.count, count: word.count))
        values.append(value)
        units.append(contentsOf: word)
        slots[index] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (offset, entry) in entries.enumerated() {
            var index = Int(truncatingIfNeeded: entry.hash ^ (entry.hash >> 29)) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = Int32(offset + 1)
        }
    }
}
