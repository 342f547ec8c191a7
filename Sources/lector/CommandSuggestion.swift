import Foundation
import LectorKit

/// "Did you mean `check`?" for a mistyped subcommand. `check` is the default subcommand, so
/// without this `lector chek` reads `chek` as a file to check and says "chek: no such file".
enum CommandSuggestion {
    /// The first argument when it is no file, folder or glob but close to a subcommand's name
    /// (at most two edits, and fewer than its length), with that name.
    static func unknownCommand(in arguments: [String], commands: [String],
                               exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) })
        -> (given: String, suggestion: String)? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first),
              !exists(first), !GlobPattern.isPattern(first) else { return nil }
        let ranked = commands.map { ($0, editDistance(first.lowercased(), $0)) }.sorted { $0.1 < $1.1 }
        guard let best = ranked.first, best.1 <= 2, best.1 < first.count else { return nil }
        return (first, best.0)
    }

    /// Levenshtein distance, with a swap of two neighbours counting one edit (`chcek`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
