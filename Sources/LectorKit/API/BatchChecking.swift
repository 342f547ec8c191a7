import Foundation

extension Checker {
    /// Reads and checks many files in parallel on all cores. Findings come back grouped by file in
    /// the order the files were given, so output is the same on every run.
    ///
    /// If any file cannot be read, the first such error (in input order) is thrown and no
    /// findings are returned: a run either reports on all its files or on none.
    /// - Parameters:
    ///   - paths: files to check; `-` stands for `standardInput`.
    ///   - progress: called after each file with (files done, files in all), from any thread.
    public func check(files paths: [String], standardInput: @escaping @Sendable () throws(InputError) -> Data = { () throws(InputError) in try StandardInput.readAll() },
                      progress: (@Sendable (Int, Int) -> Void)? = nil) async throws(InputError) -> [Finding] {
        let checker = self
        return try await orderedParallelResults(count: paths.count, progress: progress) { index in
            let path = paths[index]
            let loaded = Result { () throws(InputError) -> SourceDocument in
                path == "-" ? try SourceDocument.decode(try standardInput(), path: "<stdin>")
                    : try SourceDocument.load(path: path)
            }
            return loaded.map { checker.check($0) }
        }.flatMap { $0 }
    }
}
