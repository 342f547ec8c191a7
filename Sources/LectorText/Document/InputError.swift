/// Bad input: a file that cannot be read, is not UTF-8, or does not parse. The CLI exits with 2.
///
/// Every case names the file, and the line where one is known, so that an editor can jump there.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line, when the problem has one.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file: message`, or the message alone for an error that concerns no file (`file` empty):
    /// the CLI prints it after its own `lector: error: `, which must not be said twice.
    public var description: String {
        if file.isEmpty { return message }
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
