// MARK: - Arrays allocated by code compiled for their element type
//
// The standard library's `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:
// initializingWith:)` allocate through `Array._allocateBufferUninitialized(minimumCapacity:)`,
// which it compiles once for all element types and does not let a caller inline. That function
// asks the runtime for the type `_ContiguousArrayStorage<Element>` on every call
// (`swift_getGenericMetadata`: a look-up in a hash map every thread shares, counting its readers
// with atomic operations). Measured on news.xlf, a check made 300,000 such look-ups, 15 a
// sentence pair, about 1 % of its samples, and two threads contend for the map's counter.
// An array made from a collection or grown by `append` is allocated by code the caller's
// module specializes for the element type, where the type comes from a cached accessor.
extension Array {
    /// `Array(repeating: value, count: count)`, allocated without the runtime's type look-up.
    @inlinable
    public init(filling value: Element, count: Int) {
        self.init(repeatElement(value, count: count))
    }

    /// `Array(unsafeUninitializedCapacity: capacity, initializingWith: body)`, allocated without
    /// the runtime's type look-up: `body` initializes the first `count` elements of `buffer` (of
    /// `capacity` elements) and sets `count` (0 on entry) to their number.
    @inlinable
    public init(writingAtMost capacity: Int, _ body: (UnsafeMutableBufferPointer<Element>, inout Int) -> Void) {
        self.init()
        append(addingCapacity: capacity) { span in
            span.withUnsafeMutableBufferPointer { buffer, count in body(buffer, &count) }
        }
    }
}
