// Why `@_implementationOnly` and not `internal import`: with `internal import`, clean builds of
// LectorKit (which imports Foundation, and with it Foundation's private ICU) loaded CICU too and
// failed with "'UScriptCode' has different definitions in different modules". Incremental builds
// passed, so the failure only showed on fresh clones. `@_implementationOnly` guarantees importers
// never load CICU. The compiler's warning about library evolution concerns stored properties of
// implementation-only types in public types; LectorICU stores only `OpaquePointer`s.
@_implementationOnly import CICU

/// An ICU call failed. Carries ICU's own error name (for example `U_ILLEGAL_ARGUMENT_ERROR`).
public struct ICUError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What Lector asked ICU to do, for example `open transliterator Russian-Latin/BGN`.
    public let operation: String
    /// ICU's name for the error code.
    public let name: String

    public var description: String { "ICU could not \(operation): \(name)" }
}

/// Turns an ICU status into a thrown error. Warnings (negative codes) are not failures.
@inline(__always)
func checkStatus(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
    if status > 0 {
        throw ICUError(operation: operation(), name: String(cString: cicu_errorName(status)))
    }
}
