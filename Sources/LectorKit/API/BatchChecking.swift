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
    public func check(files paths: [String], standardInput: @escaping @Sendable () -> Data = { FileHandle.standardInput.readDataToEndOfFile() },
                      progress: (@Sendable (Int, Int) -> Void)? = nil) async throws(InputError) -> [Finding] {
        let checker = self
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var results = [Result<[Finding], InputError>?](repeating: nil, count: paths.count)
        await withTaskGroup(of: (Int, Result<[Finding], InputError>).self) { group in
            var next = 0
            var done = 0
            func startNext() {
                guard next < paths.count else { return }
                let index = next
                let path = paths[index]
                next += 1
                group.addTask {
                    let loaded = Result { () throws(InputError) -> SourceDocument in
                        path == "-" ? try SourceDocument.decode(standardInput(), path: "<stdin>")
                            : try SourceDocument.load(path: path)
                    }
                    return (index, loaded.map { checker.check($0) })
                }
            }
            for _ in 0..<min(workers, paths.count) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                done += 1
                progress?(done, paths.count)
                startNext()
            }
        }
        var findings: [Finding] = []
        for result in results {
            switch result {
            case .success(let found)?: findings += found
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        return findings
    }
}
