import Foundation

/// Words that signal something (negation, offence) in each language, read from a resource file
/// with lines `LANGUAGE<TAB>CUE`; see `Resources/Garbled/negation.txt` for the cue forms.
struct CueLexicon: Sendable {
    private var words: [String: Set<String>] = [:]
    private var prefixes: [String: [String]] = [:]
    private var suffixes: [String: [String]] = [:]
    private var exceptions: [String: Set<String>] = [:]
    private var exceptionPrefixes: [String: [String]] = [:]
    private var substrings: [String: [String]] = [:]

    static let negation = CueLexicon(resource: "Garbled/negation.txt")
    static let toxicity = CueLexicon(resource: "Garbled/toxicity.txt")
    /// Profanity, insults and slurs only, for `meaning.offensive`.
    static let offensive = CueLexicon(resource: "Meaning/offensive.txt")

    init(resource: String) {
        guard let text = LectorResources.text(of: resource) else { return }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let language = parts[0], cue = parts[1].lowercased()
            if cue.hasPrefix("prefix:") {
                prefixes[language, default: []].append(String(cue.dropFirst(7)))
            } else if cue.hasPrefix("suffix:") {
                suffixes[language, default: []].append(String(cue.dropFirst(7)))
            } else if cue.hasPrefix("except-prefix:") {
                exceptionPrefixes[language, default: []].append(String(cue.dropFirst(14)))
            } else if cue.hasPrefix("except:") {
                exceptions[language, default: []].insert(String(cue.dropFirst(7)))
            } else if cue.hasPrefix("text:") {
                substrings[language, default: []].append(String(cue.dropFirst(5)))
            } else {
                words[language, default: []].insert(cue)
            }
        }
    }

    func hasCues(for language: String) -> Bool {
        words[language] != nil || prefixes[language] != nil || substrings[language] != nil
    }

    /// The cues found in `text`, in order (a word may be found more than once).
    func cues(in text: String, language: String) -> [String] {
        var found: [String] = []
        if let substrings = substrings[language] {
            let compact = text.filter { !$0.isWhitespace }
            for cue in substrings {
                var rest = compact[...]
                while let range = rest.range(of: cue) {
                    found.append(cue)
                    rest = rest[range.upperBound...]
                }
            }
        }
        let words = self.words[language] ?? []
        let prefixes = self.prefixes[language] ?? []
        let suffixes = self.suffixes[language] ?? []
        let exceptions = self.exceptions[language] ?? []
        let exceptionPrefixes = self.exceptionPrefixes[language] ?? []
        guard !words.isEmpty || !prefixes.isEmpty || !suffixes.isEmpty else { return found }
        for token in text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }) {
            let word = String(token)
            if words.contains(word) {
                found.append(word)
            } else if !exceptions.contains(word), !exceptionPrefixes.contains(where: { word.hasPrefix($0) }),
                      prefixes.contains(where: { word.hasPrefix($0) && word.count > $0.count + 1 })
                        || suffixes.contains(where: { word.hasSuffix($0) }) {
                found.append(word)
            }
        }
        return found
    }
}
