/// Byte scans of a string's UTF-8, for the rules' "has it any of these characters at all" checks
/// before their real work: `String.UTF8View.contains(where:)` walks string indices, several
/// times slower than a loop over the contiguous bytes every native string has.
enum UTF8Bytes {
    /// Whether a byte of `text`'s UTF-8 satisfies `predicate`.
    @inline(__always)
    static func contains(_ text: String, where predicate: (UInt8) -> Bool) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains(where: predicate) }) {
            return found
        }
        return text.utf8.contains(where: predicate)
    }
}
