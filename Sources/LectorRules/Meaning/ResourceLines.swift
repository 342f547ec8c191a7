/// The lines of a resource text, cut on its bytes: `String.split` walks the text by grapheme
/// cluster, which cost the negation lexicons and the function words 37 M instructions at start-up
/// for 38 KB. The resource files have no CR, so a line feed byte ends a line exactly where the
/// split by characters ended it (a line feed is always a cluster of its own; only CR LF is one).
enum ResourceLines {
    /// The non-empty lines of `text`; with `prefix`, only those that start with its bytes.
    static func lines(of text: String, startingWith prefix: String? = nil) -> [Substring] {
        let prefixBytes = prefix.map { Array($0.utf8) } ?? []
        var result: [Substring] = []
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) where line.starts(with: prefixBytes) {
            result.append(Substring(line))
        }
        return result
    }
}
