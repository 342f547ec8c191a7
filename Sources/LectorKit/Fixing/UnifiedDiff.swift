/// A unified diff of one file, in the format `diff -u`, `patch -p1` and `git apply` share.
///
/// Lines are split at `\n` only, as `patch` splits them: a `\r` stays part of its line, so CRLF
/// files round-trip. Lines are compared as UTF-8 bytes, not as `String`s, because `String`
/// equality is canonical equivalence and would hide a change from `é` (U+00E9) to `e` + U+0301.
///
/// Lines equal at both ends are set aside; a middle with as many lines on both sides is compared line by
/// line, any other with the standard library's `CollectionDifference` (a Myers diff).
public struct UnifiedDiff: Sendable, Equatable {
    /// Unchanged lines shown around each change; 3, like `diff -u` and `git diff`.
    public static let defaultContextLines = 3

    /// The path in the headers, without the `a/` and `b/` prefixes.
    public let path: String
    public let hunks: [DiffHunk]

    /// The diff from `old` to `new` for the file at `path`.
    public init(old: String, new: String, path: String, contextLines: Int = Self.defaultContextLines) {
        self.path = Self.headerPath(path)
        let oldLines = LineTable(old)
        let newLines = LineTable(new)
        let blocks = Self.changedBlocks(from: oldLines, to: newLines)
        hunks = Self.hunks(of: blocks, old: oldLines, new: newLines, contextLines: max(0, contextLines))
    }

    /// Whether the two texts are the same.
    public var isEmpty: Bool { hunks.isEmpty }

    /// The diff as text: `--- a/PATH`, `+++ b/PATH` (`headerName`), then the hunks. Empty when nothing changed,
    /// so that the diffs of several files can simply be concatenated.
    public var text: String {
        guard !hunks.isEmpty else { return "" }
        var bytes: [UInt8] = []
        bytes.append(contentsOf: "--- \(Self.headerName("a/", path))\n+++ \(Self.headerName("b/", path))\n".utf8)
        for hunk in hunks { hunk.render(into: &bytes) }
        // Every line came from valid UTF-8 split at a newline byte, so this decodes losslessly.
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A header's file name as `git diff` writes it, which both `git apply` and GNU `patch -p1` read:
    /// a name with a space ends in a tab (`patch` otherwise ends it at the space, where a date would
    /// follow); one with a quote, backslash or control character is quoted with C escapes.
    static func headerName(_ prefix: String, _ path: String) -> String {
        let name = prefix + path
        guard name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\"" || $0 == "\\" || $0 == "\u{7F}" }) else {
            return name.contains(" ") ? name + "\t" : name
        }
        // The C escapes of PO and JSON strings, and octal for the other control characters, as git writes them.
        let quoted = ReplacementEscaping.backslashEscaped(name) { scalar in
            guard scalar.value < 0x20 || scalar.value == 0x7F else { return String(scalar) }
            let octal = String(scalar.value, radix: 8)
            return "\\" + String(repeating: "0", count: 3 - octal.count) + octal
        }
        return "\"" + (quoted ?? name) + "\""
    }

    // MARK: - Lines

    /// A text's UTF-8 bytes and where each line starts: one array of bytes and one of offsets, however
    /// many lines (a line per array would cost an allocation per line: 4 MB of empty lines took
    /// gigabytes). Lines are split after each `\n` and keep their terminator; the last line has none
    /// when the text does not end with a newline, and the diff marks that for `patch`.
    struct LineTable {
        let bytes: [UInt8]
        /// Start of each line, then the end of the text.
        let bounds: [Int]

        init(_ text: String) {
            bytes = Array(text.utf8)
            var bounds = [0]
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { bounds.append(index + 1) }
            if bounds.last != bytes.count { bounds.append(bytes.count) }
            self.bounds = bounds
        }

        var count: Int { bounds.count - 1 }

        subscript(line: Int) -> ArraySlice<UInt8> { bytes[bounds[line]..<bounds[line + 1]] }
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

    // MARK: - Changed blocks

    /// Old lines `old` are replaced by new lines `new`; the lines between two blocks are the same on
    /// both sides, so `next.old.lowerBound - old.upperBound == next.new.lowerBound - new.upperBound`.
    struct Block: Equatable {
        var old: Range<Int>
        var new: Range<Int>
    }

    /// The changes, in order. Lines equal at both ends are set aside first. When the rest has as many
    /// lines on both sides (what a fix does: it replaces words, never line breaks) line *i* is paired
    /// with line *i*, in linear time and memory; otherwise the standard library's Myers diff
    /// (`CollectionDifference`) aligns what is left.
    static func changedBlocks(from old: LineTable, to new: LineTable) -> [Block] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let oldEnd = old.count - suffix
        let newEnd = new.count - suffix
        guard prefix < oldEnd || prefix < newEnd else { return [] }

        var blocks: [Block] = []
        func add(old oldLine: Int, new newLine: Int, oldCount: Int, newCount: Int) {
            if var last = blocks.last, last.old.upperBound == oldLine, last.new.upperBound == newLine {
                last.old = last.old.lowerBound..<(oldLine + oldCount)
                last.new = last.new.lowerBound..<(newLine + newCount)
                blocks[blocks.count - 1] = last
            } else {
                blocks.append(Block(old: oldLine..<(oldLine + oldCount), new: newLine..<(newLine + newCount)))
            }
        }
        if oldEnd - prefix == newEnd - prefix {
            for line in prefix..<oldEnd where old[line] != new[line] {
                add(old: line, new: line, oldCount: 1, newCount: 1)
            }
            return blocks
        }
        let oldMiddle = (prefix..<oldEnd).map { old[$0] }
        let newMiddle = (prefix..<newEnd).map { new[$0] }
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in newMiddle.difference(from: oldMiddle) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // The lines neither removed nor inserted are the common subsequence, in order, so walking
        // both sides together pairs each kept old line with its new line.
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < oldMiddle.count || newIndex < newMiddle.count {
            if oldIndex < oldMiddle.count, removed.contains(oldIndex) {
                add(old: prefix + oldIndex, new: prefix + newIndex, oldCount: 1, newCount: 0)
                oldIndex += 1
            } else if newIndex < newMiddle.count, inserted.contains(newIndex) {
                add(old: prefix + oldIndex, new: prefix + newIndex, oldCount: 0, newCount: 1)
                newIndex += 1
            } else if oldIndex < oldMiddle.count, newIndex < newMiddle.count {
                oldIndex += 1
                newIndex += 1
            } else {
                // Unreachable for a consistent difference; stop rather than loop forever.
                break
            }
        }
        return blocks
    }

    // MARK: - Hunks

    /// Groups the blocks into hunks with `contextLines` of context. Changes closer than twice the
    /// context share a hunk, as in `diff -u`, so no context line is printed twice. Within a block,
    /// removals come before insertions, as `diff` prints them.
    static func hunks(of blocks: [Block], old: LineTable, new: LineTable, contextLines: Int) -> [DiffHunk] {
        var groups: [[Block]] = []
        for block in blocks {
            if let last = groups.last?.last, block.old.lowerBound - last.old.upperBound <= 2 * contextLines {
                groups[groups.count - 1].append(block)
            } else {
                groups.append([block])
            }
        }
        return groups.map { group in
            let first = group[0], last = group[group.count - 1]
            let before = min(contextLines, first.old.lowerBound)
            let after = min(contextLines, old.count - last.old.upperBound)
            var lines: [DiffLine] = []
            for line in (first.old.lowerBound - before)..<first.old.lowerBound { lines.append(.context(Array(old[line]))) }
            for (index, block) in group.enumerated() {
                if index > 0 {
                    for line in group[index - 1].old.upperBound..<block.old.lowerBound {
                        lines.append(.context(Array(old[line])))
                    }
                }
                for line in block.old { lines.append(.removed(Array(old[line]))) }
                for line in block.new { lines.append(.added(Array(new[line]))) }
            }
            for line in last.old.upperBound..<(last.old.upperBound + after) { lines.append(.context(Array(old[line]))) }
            let oldStart = first.old.lowerBound - before
            let newStart = first.new.lowerBound - before
            return DiffHunk(oldStart: oldStart + 1, oldCount: last.old.upperBound + after - oldStart,
                            newStart: newStart + 1, newCount: last.new.upperBound + after - newStart,
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
