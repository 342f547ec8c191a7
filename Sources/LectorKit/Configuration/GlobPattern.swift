import Foundation

/// A path pattern as in `.gitignore` and most linters: `*` and `?` stay within one path
/// component, `**` spans components (`Examples/**/*.txt` also matches `Examples/a.txt`),
/// `[abc]` is a character class.
public struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let expression: NSRegularExpression

    public init(_ pattern: String) throws(InputError) {
        self.pattern = pattern
        var regex = "^"
        var characters = Array(pattern)
        if characters.starts(with: ["."]), characters.count > 1, characters[1] == "/" { characters.removeFirst(2) }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*":
                if index + 1 < characters.count, characters[index + 1] == "*" {
                    let followedBySlash = index + 2 < characters.count && characters[index + 2] == "/"
                    regex += followedBySlash ? "(?:.*/)?" : ".*"
                    index += followedBySlash ? 3 : 2
                    continue
                }
                regex += "[^/]*"
            case "?":
                regex += "[^/]"
            case "[":
                if let close = characters[index...].firstIndex(of: "]"), close > index + 1 {
                    var body = String(characters[(index + 1)..<close])
                    if body.hasPrefix("!") { body = "^" + body.dropFirst() }
                    regex += "[" + body.replacingOccurrences(of: "\\", with: "\\\\") + "]"
                    index = close + 1
                    continue
                }
                regex += "\\["
            default:
                regex += NSRegularExpression.escapedPattern(for: String(character))
            }
            index += 1
        }
        regex += "$"
        do {
            expression = try NSRegularExpression(pattern: regex)
        } catch {
            throw InputError(file: "pattern", message: "invalid glob “\(pattern)”")
        }
    }

    /// Whether a path relative to the pattern's base matches.
    public func matches(_ relativePath: String) -> Bool {
        let path = relativePath.hasPrefix("./") ? String(relativePath.dropFirst(2)) : relativePath
        return expression.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }

    /// Whether the argument uses glob syntax at all.
    public static func isPattern(_ text: String) -> Bool { text.contains { "*?[".contains($0) } }

    public var description: String { pattern }

    public static func == (lhs: GlobPattern, rhs: GlobPattern) -> Bool { lhs.pattern == rhs.pattern }
}

/// Turns command-line arguments and configured patterns into the list of files to check.
public enum FileCollector {
    /// File extensions checked when a directory is given.
    public static let checkedExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm"]

    /// Expands `arguments` (files, directories, glob patterns; `-` for standard input) relative to
    /// `base`, drops paths matching `exclude`, and returns them sorted within each argument so
    /// the order is the same on every machine. A named file that does not exist is an error.
    public static func collect(_ arguments: [String], base: String, exclude: [GlobPattern] = []) throws(InputError) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        func add(_ path: String) {
            let relative = relativePath(path, to: base)
            guard !exclude.contains(where: { $0.matches(relative) }), seen.insert(path).inserted else { return }
            result.append(path)
        }
        for argument in arguments {
            if argument == "-" {
                add(argument)
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute(argument, base: base), isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    walk(argument, base: base).forEach(add)
                } else {
                    add(argument)
                }
            } else if GlobPattern.isPattern(argument) {
                let pattern = try GlobPattern(argument)
                walk(".", base: base).filter { pattern.matches($0) }.forEach(add)
            } else {
                throw InputError(file: argument, message: "no such file")
            }
        }
        return result
    }

    /// Checkable files below a directory, as paths relative to `base` when the argument was.
    static func walk(_ directory: String, base: String) -> [String] {
        let root = absolute(directory, base: base)
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            let name = (item as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard checkedExtensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            let path = directory == "." ? item : (directory as NSString).appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute(path, base: base), isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// A path collected under `base`, as the user should see it: relative to the working
    /// directory when it lies below it, absolute otherwise.
    public static func display(_ path: String, base: String, cwd: String) -> String {
        let full = URL(fileURLWithPath: absolute(path, base: base)).standardizedFileURL.path
        let relative = relativePath(full, to: URL(fileURLWithPath: cwd).standardizedFileURL.path)
        return relative
    }

    static func absolute(_ path: String, base: String) -> String {
        path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
    }

    static func relativePath(_ path: String, to base: String) -> String {
        guard path.hasPrefix("/") else { return path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
