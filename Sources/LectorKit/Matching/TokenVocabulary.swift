/// Interns case-folded tokens (UTF-16) and looks them up without building a `String`.
///
/// Open addressing over FNV-1a hashes; keys live in one pool. Looking up a token costs one
/// hash over its code units and, on a hit, one comparison: independent of how many keys exist.
struct TokenVocabulary: Sendable {
    private var pool: [UInt16] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    var count: Int { starts.count }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for unit in key {
            hash ^= UInt64(unit)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    func key(_ id: Int32) -> ArraySlice<UInt16> {
        let start = Int(starts[Int(id)])
        return pool[start..<start + Int(lengths[Int(id)])]
    }

    /// The id of `key`, or -1.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt16>) -> Int32 {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return pool.withUnsafeBufferPointer { pool in
            while true {
                let id = slots[slot]
                if id < 0 { return -1 }
                if hashes[Int(id)] == hash, Int(lengths[Int(id)]) == key.count {
                    let start = Int(starts[Int(id)])
                    if memcmp(pool.baseAddress! + start, key.baseAddress!, key.count * 2) == 0 { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func lookup(_ key: [UInt16]) -> Int32 {
        if key.isEmpty { return -1 }
        return key.withUnsafeBufferPointer { lookup($0) }
    }

    /// The id of `key`, adding it when new.
    mutating func intern(_ key: [UInt16]) -> Int32 {
        let existing = lookup(key)
        if existing >= 0 { return existing }
        let id = Int32(starts.count)
        starts.append(Int32(pool.count))
        lengths.append(Int32(key.count))
        pool.append(contentsOf: key)
        hashes.append(key.withUnsafeBufferPointer { Self.hash($0) })
        if starts.count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { insert(id) }
        return id
    }

    private mutating func insert(_ id: Int32) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[Int(id)]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        for id in 0..<Int32(starts.count) { insert(id) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
