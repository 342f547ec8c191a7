/// The wording of glossary findings, one case per situation, so that every message of a kind
/// reads the same.
enum GlossaryMessage: CustomStringConvertible {
    case deprecated(found: String, preferred: String?, superseded: Bool, note: String?)
    case transliteration(found: String, scheme: String, source: String, preferred: String)
    case otherLanguage(found: String, language: String, preferred: String)
    case skeleton(found: String, preferred: String, nativeForm: String?)
    case inconsistent(found: String, dominant: String, count: Int)

    var description: String {
        switch self {
        case let .deprecated(found, preferred, superseded, note):
            var text = "`\(found)` is \(superseded ? "a superseded name" : "deprecated")"
            if let preferred { text += "; use `\(preferred)`" }
            if let note { text += " (\(note.trimmingCharacters(in: [".", " "])))" }
            return text
        case let .transliteration(found, scheme, source, preferred):
            return "`\(found)` is the \(scheme) of \(source); house spelling `\(preferred)`"
        case let .otherLanguage(found, language, preferred):
            return "`\(found)` is the \(language) spelling; house spelling `\(preferred)`"
        case let .skeleton(found, preferred, nativeForm):
            return "`\(found)` is a variant spelling of `\(preferred)`"
                + (nativeForm.map { " (\($0))" } ?? "") + "; house spelling `\(preferred)`"
        case let .inconsistent(found, dominant, count):
            return "`\(found)` and `\(dominant)` name the same concept in this document; "
                + "use one spelling (`\(dominant)` is used \(count) time\(count == 1 ? "" : "s"))"
        }
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var result = Substring(self)
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        return String(result)
    }
}
