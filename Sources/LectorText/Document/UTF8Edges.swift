extension String {
    /// The first and last bytes of the text's UTF-8 and its length in bytes, `nil` when it is
    /// empty: byte pre-scans that read a text's edges ask it for every word or string, and
    /// `utf8.last` goes through the view's generic index path at each call.
    package var utf8Edges: (first: UInt8, last: UInt8, count: Int)? {
        let contiguous = utf8.withContiguousStorageIfAvailable { bytes -> (first: UInt8, last: UInt8, count: Int)? in
            bytes.isEmpty ? nil : (bytes[0], bytes[bytes.count - 1], bytes.count)
        }
        if let contiguous { return contiguous }
        guard let first = utf8.first, let last = utf8.last else { return nil }
        return (first, last, utf8.count)
    }

    /// Whether the two texts have the same UTF-8 bytes (not `==`, which is canonical equivalence),
    /// compared where the bytes lie: `utf8.elementsEqual` walks string indices byte by byte, and
    /// the XML readers ask it of every target they locate.
    package func hasSameUTF8(as other: String) -> Bool {
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        let compared = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in mine.elementsEqual(theirs) }
        }
        if let compared, let compared { return compared }
        return utf8.elementsEqual(other.utf8)
    }
}
