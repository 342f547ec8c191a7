/// A unified diff of one file, in the format `diff -u`, `patch -p1` and `git apply` share.
///
/// Lines are split at `\n` only, as `patch` splits them: a `\r` stays part of its line, so CRLF
/// files round-trip. Lines are compared as UTF-8 bytes, not as `String`s, because `String`
/// equality is canonical equivalence and would hide a change from `é` (U+00E9) to `e` + U+0301.
///
/// The line alignment comes from the standard library's `CollectionDifference` (a Myers diff).
public struct UnifiedDiff: Sendable, Equatable {
    /// Unchanged lines shown around each change; 3, like `diff -u` and `git diff`.
    public static let defaultContextLines = 3

    /// The path in the headers, without the `a/` and `b/` prefixes.
    public let path: String
    public let hunks: [DiffHunk]

    /// The diff from `old` to `new` for the file at `path`.
    public init(old: String, new: String, path: String, contextLines: Int = Self.defaultContextLines) {
        self.path = Self.headerPath(path)
        let oldLines = Self.lines(of: old)
        let newLines = Self.lines(of: new)
        let script = Self.editScript(from: oldLines, to: newLines)
        hunks = Self.hunks(of: script, contextLines: max(0, contextLines))
    }

    /// Whether the two texts are the same.
    public var isEmpty: Bool { hunks.isEmpty }

    /// The diff as text: `--- a/PATH`, `+++ b/PATH`, then the hunks. Empty when nothing changed,
    /// so that the diffs of several files can simply be concatenated.
    public var text: String {
        guard !hunks.isEmpty else { return "" }
        var bytes: [UInt8] = []
        bytes.append(contentsOf: "--- a/\(path)\n+++ b/\(path)\n".utf8)
        for hunk in hunks { hunk.render(into: &bytes) }
        // Every line came from valid UTF-8 split at a newline byte, so this decodes losslessly.
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Lines

    /// `text` split after each `\n`, each line keeping its terminator. The last line has none
    /// when the text does not end with a newline; the diff marks that for `patch`.
    static func lines(of text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            current.append(byte)
            if byte == UInt8(ascii: "\n") {
                lines.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `patch -p1` and `git apply` strip exactly one leading component (`a/`, `b/`), so what
    /// follows must be a relative path: `./x` becomes `x`, and `/tmp/x` becomes `tmp/x`
    /// (to be applied from `/`).
    static func headerPath(_ path: String) -> String {
        var result = Substring(path)
        while true {
            if result.hasPrefix("./") {
                result = result.dropFirst(2)
            } else if result.hasPrefix("/") {
                result = result.dropFirst()
            } else {
                return String(result)
            }
        }
    }

    // MARK: - Edit script

    enum Edit: Equatable {
        case keep(old: Int, new: Int)
        case remove(old: Int)
        case insert(new: Int)
    }

    /// Every old and new line in order, each kept, removed or inserted. Removals come before
    /// insertions within a change, as `diff` prints them.
    static func editScript(from old: [[UInt8]], to new: [[UInt8]]) -> [(edit: Edit, line: [UInt8])] {
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // The lines that are neither removed nor inserted are the common subsequence, in order,
        // so walking both sides together pairs each kept old line with its new line.
        var script: [(edit: Edit, line: [UInt8])] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            if oldIndex < old.count, removed.contains(oldIndex) {
                script.append((.remove(old: oldIndex), old[oldIndex]))
                oldIndex += 1
            } else if newIndex < new.count, inserted.contains(newIndex) {
                script.append((.insert(new: newIndex), new[newIndex]))
                newIndex += 1
            } else if oldIndex < old.count, newIndex < new.count {
                script.append((.keep(old: oldIndex, new: newIndex), old[oldIndex]))
                oldIndex += 1
                newIndex += 1
            } else {
                // Unreachable for a consistent difference; stop rather than loop forever.
                break
            }
        }
        return script
    }

    // MARK: - Hunks

    /// Groups the changes of `script` into hunks with `contextLines` of context. Changes closer
    /// than twice the context share a hunk, as in `diff -u`, so no context line is printed twice.
    static func hunks(of script: [(edit: Edit, line: [UInt8])], contextLines: Int) -> [DiffHunk] {
        let changes = script.indices.filter {
            if case .keep = script[$0].edit { return false }
            return true
        }
        guard let firstChange = changes.first else { return [] }

        var ranges: [ClosedRange<Int>] = []
        var start = firstChange
        var end = firstChange
        for change in changes.dropFirst() {
            if change - end - 1 > 2 * contextLines {
                ranges.append(start...end)
                start = change
            }
            end = change
        }
        ranges.append(start...end)

        // Line numbers before each script position, to start each hunk's counts.
        var oldBefore = [Int](repeating: 0, count: script.count + 1)
        var newBefore = [Int](repeating: 0, count: script.count + 1)
        for (index, step) in script.enumerated() {
            let (oldStep, newStep): (Int, Int)
            switch step.edit {
            case .keep: (oldStep, newStep) = (1, 1)
            case .remove: (oldStep, newStep) = (1, 0)
            case .insert: (oldStep, newStep) = (0, 1)
            }
            oldBefore[index + 1] = oldBefore[index] + oldStep
            newBefore[index + 1] = newBefore[index] + newStep
        }

        return ranges.map { range in
            let lower = max(0, range.lowerBound - contextLines)
            let upper = min(script.count - 1, range.upperBound + contextLines)
            let lines = script[lower...upper].map { step -> DiffLine in
                switch step.edit {
                case .keep: .context(step.line)
                case .remove: .removed(step.line)
                case .insert: .added(step.line)
                }
            }
            return DiffHunk(oldStart: oldBefore[lower] + 1, oldCount: oldBefore[upper + 1] - oldBefore[lower],
                            newStart: newBefore[lower] + 1, newCount: newBefore[upper + 1] - newBefore[lower],
                            lines: lines)
        }
    }
}

/// One line of a hunk, with its bytes as in the file (terminator included, if it has one).
public enum DiffLine: Sendable, Equatable {
    case context([UInt8])
    case removed([UInt8])
    case added([UInt8])
}

/// One `@@ -l,n +l,n @@` block of a unified diff. Line numbers are 1-based.
public struct DiffHunk: Sendable, Equatable {
    public let oldStart: Int
    public let oldCount: Int
    public let newStart: Int
    public let newCount: Int
    public let lines: [DiffLine]

    /// The `@@` header. An empty side is numbered by the line before it (0 at the top of the
    /// file), which is what `patch` expects for a pure insertion or deletion.
    public var header: String {
        let oldLine = oldCount == 0 ? oldStart - 1 : oldStart
        let newLine = newCount == 0 ? newStart - 1 : newStart
        return "@@ -\(oldLine),\(oldCount) +\(newLine),\(newCount) @@"
    }

    func render(into bytes: inout [UInt8]) {
        bytes.append(contentsOf: header.utf8)
        bytes.append(UInt8(ascii: "\n"))
        for line in lines {
            let (prefix, content): (UInt8, [UInt8])
            switch line {
            case .context(let text): (prefix, content) = (UInt8(ascii: " "), text)
            case .removed(let text): (prefix, content) = (UInt8(ascii: "-"), text)
            case .added(let text): (prefix, content) = (UInt8(ascii: "+"), text)
            }
            bytes.append(prefix)
            bytes.append(contentsOf: content)
            if content.last != UInt8(ascii: "\n") {
                // Only a file's last line can lack a newline; `patch` needs to be told so.
                bytes.append(contentsOf: "\n\\ No newline at end of file\n".utf8)
            }
        }
    }
}
