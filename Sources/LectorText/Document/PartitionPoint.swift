extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `isBefore` is false, by halving: the elements for
    /// which it holds must all come first (offsets in ascending order, asked `$0 < offset`).
    /// `endIndex` when it holds for every element. Inlinable so that the rules' per-word searches
    /// are specialized where they are called.
    @inlinable
    package func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
