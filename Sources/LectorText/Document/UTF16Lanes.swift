/// Tests on sixteen UTF-16 code units at once, written with SIMD arithmetic only: the standard
/// library's SIMD comparisons (`.==`, `.<=`) and `any(_:)` compile to a loop over the lanes (Swift
/// 6.3), while its wrapping arithmetic and bit operations compile to vector instructions. A test
/// answers in bit 15 of each lane: `0x8000` for yes, `0` for no.
public enum UTF16Lanes {
    public typealias Block = SIMD16<UInt16>

    @inlinable @inline(__always)
    public static func load(_ units: UnsafePointer<UInt16>) -> Block {
        UnsafeRawPointer(units).loadUnaligned(as: Block.self)
    }

    /// Lanes that are 0: `x - 1` borrows into bit 15 only from 0 (and from `0x8001`… , which `~x` rules out).
    @inlinable @inline(__always)
    public static func isZero(_ lanes: Block) -> Block {
        (lanes &- 1) & ~lanes
    }

    @inlinable @inline(__always)
    public static func equal(_ lanes: Block, _ unit: UInt16) -> Block {
        isZero(lanes ^ Block(repeating: unit))
    }

    /// Lanes in `low...low + width`, for `width < 0x8000` (pass `width + 1` as `widthPlusOne`):
    /// `t = lane - low` is then below `0x8000`, and `t - (width + 1)` wraps below 0 only when
    /// `t <= width`.
    @inlinable @inline(__always)
    public static func within(_ lanes: Block, low: Block, widthPlusOne: Block) -> Block {
        let offset = lanes &- low
        return ~offset & (offset &- widthPlusOne)
    }

    /// Whether a lane has a bit of `mask` (`0x8000`: whether a test answered yes anywhere).
    @inlinable @inline(__always)
    public static func any(_ lanes: Block, mask: UInt16 = 0x8000) -> Bool {
        let quads = unsafeBitCast(lanes, to: SIMD4<UInt64>.self)
        return (quads[0] | quads[1] | quads[2] | quads[3]) & (UInt64(mask) &* 0x0001_0001_0001_0001) != 0
    }

    /// A test's answers as bits: lane `i`'s at bit `i`.
    @inlinable @inline(__always)
    public static func bits(_ answers: Block) -> UInt16 {
        #if _endian(big)
        var bits: UInt16 = 0
        for lane in 0..<Block.scalarCount where answers[lane] & 0x8000 != 0 { bits |= 1 << lane }
        return bits
        #else
        let weighted = (answers &>> 15) &* Block(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768)
        let quads = unsafeBitCast(weighted, to: SIMD4<UInt64>.self)
        // Lane `i` is bit `i` of 16-bit word `i % 4` of quad `i / 4`: folding the words together
        // puts every lane at its bit.
        var folded = quads[0] | quads[1] | quads[2] | quads[3]
        folded |= folded >> 32
        folded |= folded >> 16
        return UInt16(truncatingIfNeeded: folded)
        #endif
    }
}
