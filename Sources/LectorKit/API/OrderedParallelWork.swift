import Foundation

/// Runs `count` jobs on all cores, at most one per core at a time, and returns their results in
/// job order; `progress` hears (jobs done, jobs in all) after each. If jobs fail, the error of the
/// first failing job in order is thrown, so a run reports on all its inputs or on none.
func orderedParallelResults<Value: Sendable>(
    count: Int, progress: (@Sendable (Int, Int) -> Void)?,
    _ job: @escaping @Sendable (Int) -> Result<Value, InputError>
) async throws(InputError) -> [Value] {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    var results = [Result<Value, InputError>?](repeating: nil, count: count)
    await withTaskGroup(of: (Int, Result<Value, InputError>).self) { group in
        var next = 0
        var done = 0
        func startNext() {
            guard next < count else { return }
            let index = next
            next += 1
            group.addTask { (index, job(index)) }
        }
        for _ in 0..<min(workers, count) { startNext() }
        while let (index, result) = await group.next() {
            results[index] = result
            done += 1
            progress?(done, count)
            startNext()
        }
    }
    var values: [Value] = []
    for result in results {
        switch result {
        case .success(let value)?: values.append(value)
        case .failure(let error)?: throw error
        case nil: break
        }
    }
    return values
}
