import Foundation

/// How many units a file's bytes announce, counted before reading it: a reader makes its units'
/// array that large at once. Grown by doubling, a 20,000-unit array was copied into ever larger
/// fresh buffers, a tenth of reading the file. A count is a capacity only, never a finding: one
/// that is off (a tag under a namespace prefix, an indented keyword) only lets the array grow.
enum UnitCapacity {
    /// Occurrences of `literal` in `bytes`, not overlapping.
    static func occurrences(of literal: String, in bytes: UnsafeRawBufferPointer) -> Int {
        let needle = Array(literal.utf8)
        guard let base = bytes.baseAddress, !needle.isEmpty, bytes.count >= needle.count else { return 0 }
        var count = 0
        var offset = 0
        // `memchr` for the first byte, then the rest compared (glibc's `memmem` is not in Swift's view).
        while offset <= bytes.count - needle.count,
              let found = memchr(base + offset, Int32(needle[0]), bytes.count - needle.count + 1 - offset) {
            let position = base.distance(to: UnsafeRawPointer(found))
            if memcmp(found, needle, needle.count) == 0 {
                count += 1
                offset = position + needle.count
            } else {
                offset = position + 1
            }
        }
        return count
    }
}
