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
    /// File extensions checked when a directory or a glob is given: text, Markdown and HTML, and the
    /// bilingual formats (XLIFF, TMX, gettext PO/POT, JSON Lines).
    public static let checkedExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm",
                                                        "xlf", "xliff", "tmx", "po", "pot", "jsonl", "ndjson",
                                                        "xcstrings", "strings", "stringsdict", "arb"]

    /// Expands `arguments` (files, directories, glob patterns; `-` for standard input) relative to
    /// `base`, drops paths matching `exclude`, and returns them sorted within each argument so the order
    /// is the same on every machine.
    ///
    /// Errors (never a silent "checked 0 files"): a named file that does not exist, a folder that
    /// cannot be read, and an argument (directory or pattern) that yields no file to check.
    /// A glob is walked only from its literal prefix (`../docs/*.md` lists `../docs`, `/srv/**/*.po`
    /// walks `/srv`), and only as deep as the pattern can reach when it has no `**`.
    /// With `eachMustMatch` false (a configuration's `include` list, where a pattern for files a project
    /// does not have yet is normal), only an empty result is an error, naming all the patterns.
    public static func collect(_ arguments: [String], base: String, exclude: [GlobPattern] = [],
                               eachMustMatch: Bool = true) throws(InputError) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for argument in arguments {
            if argument == "-" {
                if seen.insert(argument).inserted { result.append(argument) }
                continue
            }
            let found: [String]
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute(argument, base: base), isDirectory: &isDirectory) {
                found = isDirectory.boolValue ? try walk(argument, base: base, maxDepth: nil) : [argument]
            } else if GlobPattern.isPattern(argument) {
                let pattern = try GlobPattern(argument)
                let (root, depth) = Self.walkRoot(of: argument)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: absolute(root, base: base), isDirectory: &isFolder),
                   isFolder.boolValue {
                    found = try walk(root, base: base, maxDepth: depth).filter { pattern.matches($0) }
                } else {
                    found = []
                }
            } else {
                throw InputError(file: argument, message: "no such file")
            }
            let kept = found.filter { path in !exclude.contains { $0.matches(relativePath(path, to: base)) } }
            if kept.isEmpty, !eachMustMatch { continue }
            guard !kept.isEmpty else {
                let what = isDirectory.boolValue ? "the folder holds" : "the pattern matches"
                let reason = found.isEmpty ? "no file to check" : "only excluded files"
                throw InputError(file: argument, message: "\(what) \(reason) (checked: ."
                                 + checkedExtensions.sorted().joined(separator: ", .") + ")")
            }
            for path in kept where seen.insert(path).inserted { result.append(path) }
        }
        if result.isEmpty, !arguments.isEmpty {
            throw InputError(file: arguments.joined(separator: ", "), message: "no file to check matches these patterns")
        }
        return result
    }

    /// Where to start walking for a glob, and how deep to go: the pattern's leading components that hold
    /// no glob syntax (`.` when there are none), and the number of components after them, or nil (no
    /// limit) when those include `**`.
    static func walkRoot(of pattern: String) -> (root: String, depth: Int?) {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var literal: [String] = []
        for component in components.dropLast() {
            if GlobPattern.isPattern(component) { break }
            literal.append(component)
        }
        let rest = components.dropFirst(literal.count)
        let depth = rest.contains("**") || rest.contains(where: { $0.contains("**") }) ? nil : rest.count
        if literal.isEmpty { return (".", depth) }
        let root = literal == [""] ? "/" : literal.joined(separator: "/")
        return (root.isEmpty ? "/" : root, depth)
    }

    /// Checkable files below a directory, as paths relative to `base` when the argument was. Hidden
    /// files and folders are skipped; symbolic links to folders are not followed (no cycles). A folder
    /// that cannot be read is an error, not a silent gap.
    static func walk(_ directory: String, base: String, maxDepth: Int?) throws(InputError) -> [String] {
        var files: [String] = []
        // Folders still to list, with their depth (1 = the files directly in `directory`).
        var pending: [(path: String, depth: Int)] = [(directory, 1)]
        while let (folder, depth) = pending.popLast() {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: absolute(folder, base: base))
            } catch {
                throw InputError(file: folder, message: "cannot read the folder (permission denied?)")
            }
            for name in names where !name.hasPrefix(".") {
                let path = folder == "." ? name : (folder == "/" ? "/" + name : folder + "/" + name)
                let full = absolute(path, base: base)
                var link = stat()
                guard lstat(full, &link) == 0 else { continue }
                if link.st_mode & S_IFMT == S_IFDIR {
                    if maxDepth.map({ depth < $0 }) ?? true { pending.append((path, depth + 1)) }
                    continue
                }
                // Android `values*/…xml` and i18next `locales/<lang>/…json` are resource files by their folder.
                guard checkedExtensions.contains((name as NSString).pathExtension.lowercased())
                        || ResourceFormat.isResourceFile(path) else { continue }
                var target = stat()
                // A link is followed to see whether it names a regular file.
                if stat(full, &target) == 0, target.st_mode & S_IFMT == S_IFREG { files.append(path) }
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
