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
}
