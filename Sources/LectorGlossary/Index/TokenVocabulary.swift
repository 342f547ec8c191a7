#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns case-folded tokens (UTF-16) and looks them up without building a `String`.
///
/// Keys live back to back in one pool. The table is open addressing with linear probing; a slot
/// packs the upper half of the key's hash and the key's id, so a probe reads one 8-byte slot
/// and compares code units only when the hash halves agree (on a hit, practically always).
/// Looking up a token costs one hash over its code units and, on a hit, one comparison:
/// independent of how many keys exist.
struct TokenVocabulary: Sendable {
    /// Keys back to back: key `i` is `pool[starts[i]..<starts[i + 1]]`.
    private(set) var pool: [UInt16] = []
    private var starts: [Int32] = [0]
    /// `hash & 0xFFFF_FFFF_0000_0000 | (id + 1)`; 0 is an empty slot. The count is a power of two.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)
    /// One bit per hash value (8 bits per slot, bits 32–63 of the hash): clear means "not here".
    /// A text's tokens are mostly ordinary words that no term contains; this small table (512 KB
    /// for 400,000 keys, in cache) answers for nearly all of them without touching `slots`.
    private var filter: [UInt64] = Array(repeating: 0, count: 8)
    /// The id of the empty key, if one was interned. The empty key is never found by `lookup`
    /// (no token of a text is empty), but interning it must give one stable id.
    private var emptyID: Int32 = -1

    var count: Int { starts.count - 1 }

    /// A fast 64-bit hash over the code units, 4 at a time (murmur-style finalizer).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: key.count &+ 1)
        guard let base = key.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        let bytes = key.count &* 2
        var offset = 0
        while offset &+ 8 <= bytes {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset &+= 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes {
            tail |= UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) << shift
            shift &+= 16
            offset &+= 2
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    func key(_ id: Int32) -> ArraySlice<UInt16> {
        pool[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])]
    }

    /// Code units of key `id`.
    func length(of id: Int32) -> Int { Int(starts[Int(id) + 1] - starts[Int(id)]) }

    /// The id of `key`, or -1. The empty key is never found.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt16>) -> Int32 {
        if key.isEmpty { return -1 }
        return lookup(key, hash: Self.hash(key))
    }

    @inline(__always)
    private static func filterBit(_ hash: UInt64, words: Int) -> (word: Int, mask: UInt64) {
        let bit = Int(truncatingIfNeeded: hash >> 32) & (words &* 64 &- 1)
        return (bit >> 6, 1 << UInt64(bit & 63))
    }

    @inline(__always)
    private func lookup(_ key: UnsafeBufferPointer<UInt16>, hash: UInt64) -> Int32 {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let (word, mask) = Self.filterBit(hash, words: filter.count)
        if filter[word] & mask == 0 { return -1 }
        return slots.withUnsafeBufferPointer { slots in
            starts.withUnsafeBufferPointer { starts in
                pool.withUnsafeBufferPointer { pool in
                    let mask = slots.count &- 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let value = slots[slot]
                        if value == 0 { return -1 }
                        if value & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) &- 1
                            let start = Int(starts[id])
                            if Int(starts[id &+ 1]) &- start == key.count,
                               memcmp(pool.baseAddress! + start, key.baseAddress!, key.count &* 2) == 0 {
                                return Int32(truncatingIfNeeded: id)
                            }
                        }
                        slot = (slot &+ 1) & mask
                    }
                }
            }
        }
    }

    func lookup(_ key: [UInt16]) -> Int32 {
        key.withUnsafeBufferPointer { lookup($0) }
    }

    /// The id of `key`, adding it when new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt16>) -> Int32 {
        if key.isEmpty {
            if emptyID < 0 {
                emptyID = Int32(count)
                starts.append(Int32(pool.count))
            }
            return emptyID
        }
        let hash = Self.hash(key)
        let existing = lookup(key, hash: hash)
        if existing >= 0 { return existing }
        let id = Int32(count)
        pool.append(contentsOf: key)
        starts.append(Int32(pool.count))
        // At most 75 % full: linear probing stays short (a probe reads 8 slots per cache line),
        // and the table stays small.
        if count * 4 > slots.count * 3 { rehash(capacity: slots.count * 2) } else { insert(id, hash: hash) }
        return id
    }

    mutating func intern(_ key: [UInt16]) -> Int32 {
        key.withUnsafeBufferPointer { intern($0) }
    }

    private mutating func insert(_ id: Int32, hash: UInt64) {
        let (word, bit) = Self.filterBit(hash, words: filter.count)
        filter[word] |= bit
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(id) + 1)
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        filter = Array(repeating: 0, count: capacity / 8)
        for id in 0..<Int32(count) where id != emptyID {
            let hash = pool.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])]))
            }
            insert(id, hash: hash)
        }
    }

    /// Gives back spare capacity once the vocabulary is complete.
    mutating func shrinkToFit() {
        pool = Array(pool)
        starts = Array(starts)
    }
}

/// A growable UTF-16 scratch buffer that is reused, never shrunk: the matcher folds every token
/// of a document into one instead of allocating an array per token.
final class UnitBuffer {
    private(set) var base: UnsafeMutablePointer<UInt16>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = UnsafeMutablePointer<UInt16>.allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    @inline(__always) func removeAll() { count = 0 }

    /// Makes room for `needed` units in all; keeps the contents.
    @inline(__always)
    func reserve(_ needed: Int) {
        if needed > capacity { grow(needed) }
    }

    private func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt16>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ unit: UInt16) {
        if count == capacity { grow(count + 1) }
        base[count] = unit
        count += 1
    }

    func append(contentsOf units: UnsafeBufferPointer<UInt16>) {
        reserve(count + units.count)
        if let source = units.baseAddress { (base + count).update(from: source, count: units.count) }
        count += units.count
    }

    /// `append(contentsOf:)` where `reserve` made the room already: no call that may reallocate,
    /// so a caller's arrays read around it need not be retained across one.
    @inline(__always)
    func appendWithinCapacity(_ units: UnsafeBufferPointer<UInt16>) {
        precondition(count + units.count <= capacity, "UnitBuffer: room not reserved")
        if let source = units.baseAddress { (base + count).update(from: source, count: units.count) }
        count += units.count
    }

    func append<C: Collection<UInt16>>(contentsOf units: C) {
        reserve(count + units.count)
        for unit in units { append(unit) }
    }

    var buffer: UnsafeBufferPointer<UInt16> { UnsafeBufferPointer(start: base, count: count) }

    var array: [UInt16] { Array(buffer) }
}
