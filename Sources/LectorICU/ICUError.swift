internal import CICU

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
