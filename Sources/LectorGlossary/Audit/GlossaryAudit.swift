import LectorFormats

/// Something wrong with a glossary that Lector works around, said where it is.
public struct GlossaryWarning: Sendable, Equatable, CustomStringConvertible {
    /// Where the first of the items involved stands, when the glossary says.
    public let position: GlossaryPosition?
    public let message: String

    public var description: String { position.map { "\($0): \(message)" } ?? message }
}

/// Checks glossaries before they are compiled, so that a contradiction is reported rather than
/// settled silently by whichever entry the index happens to prefer:
///
/// - the same term (same language, same spelling) with different statuses, within one glossary or
///   across several: both places are named, and the stricter status wins everywhere (a term one
///   glossary deprecates stays a finding even if another prefers it);
/// - the same concept id twice in one glossary;
/// - a term with at most one letter or digit among punctuation or symbols (`\d+ .*`, a regular
///   expression pasted into a glossary): word matching would shrink it to that one letter and
///   flag every such word, so it is skipped.
public enum GlossaryAudit {
    /// How strict a status is: the higher, the stricter.
    static func strictness(_ status: TermStatus) -> Int {
        switch status {
        case .preferred: 0
        case .admitted: 1
        case .superseded: 2
        case .deprecated: 3
        }
    }

    /// The glossaries as the index should read them, and what was wrong. `languages` limits the
    /// term checks to the languages being checked (primary subtags); `nil` checks all.
    public static func audit(_ glossaries: [Glossary], languages: Set<String>? = nil)
        -> (glossaries: [Glossary], warnings: [GlossaryWarning]) {
        var warnings: [GlossaryWarning] = []
        struct Key: Hashable {
            let language: String
            let text: String
        }
        /// Per term spelling: the strictest status seen, and the first place of each status.
        var seen: [Key: (strictest: TermStatus, places: [TermStatus: GlossaryPosition?])] = [:]
        var anyDegenerate = false
        for glossary in glossaries {
            var conceptIDs: [String: GlossaryPosition?] = [:]
            for concept in glossary.concepts {
                if let earlier = conceptIDs[concept.id] {
                    warnings.append(GlossaryWarning(position: concept.position ?? earlier, message:
                        "concept id “\(concept.id)” is used twice in \(glossary.name)"
                        + (earlier.map { " (also at \($0))" } ?? "")))
                } else {
                    conceptIDs[concept.id] = concept.position
                }
                for term in concept.terms {
                    if let languages, !languages.contains(term.primaryLanguage) { continue }
                    if isDegenerate(term.text) {
                        warnings.append(GlossaryWarning(position: term.position, message:
                            "term “\(term.text)” (\(term.language)) has at most one letter or digit among punctuation "
                            + "and symbols; it would match that single character as a word, so it is skipped"))
                        anyDegenerate = true
                        continue
                    }
                    let key = Key(language: term.primaryLanguage,
                                  text: term.isCaseSensitive ? term.text : term.text.lowercased())
                    var entry = seen[key] ?? (term.status, [:])
                    if entry.places[term.status] == nil { entry.places[term.status] = term.position }
                    if strictness(term.status) > strictness(entry.strictest) { entry.strictest = term.status }
                    seen[key] = entry
                }
            }
        }
        var raised: [Key: TermStatus] = [:]
        for (key, entry) in seen where entry.places.count > 1 {
            raised[key] = entry.strictest
            let places = entry.places.sorted { strictness($0.key) < strictness($1.key) }
                .map { status, position in "\(status.rawValue) at \(position.map(\.description) ?? "an unknown place")" }
            warnings.append(GlossaryWarning(position: entry.places[entry.strictest] ?? nil, message:
                "term “\(key.text)” (\(key.language)) has different statuses: \(places.joined(separator: ", ")); "
                + "it is treated as \(entry.strictest.rawValue)"))
        }
        warnings.sort { ($0.position?.file ?? "", $0.position?.line ?? 0, $0.message) < ($1.position?.file ?? "", $1.position?.line ?? 0, $1.message) }
        guard !raised.isEmpty || anyDegenerate else { return (glossaries, warnings) }
        let adjusted = glossaries.map { glossary in
            Glossary(name: glossary.name, concepts: glossary.concepts.map { concept in
                let terms = concept.terms.compactMap { term -> Term? in
                    if languages?.contains(term.primaryLanguage) != false, isDegenerate(term.text) { return nil }
                    let key = Key(language: term.primaryLanguage, text: term.isCaseSensitive ? term.text : term.text.lowercased())
                    guard let status = raised[key], status != term.status else { return term }
                    return Term(text: term.text, language: term.language, status: status, isCaseSensitive: term.isCaseSensitive,
                                termType: term.termType, partOfSpeech: term.partOfSpeech, note: term.note, position: term.position)
                }
                return Concept(id: concept.id, subjectField: concept.subjectField, definition: concept.definition,
                               notes: concept.notes, terms: terms, position: concept.position)
            })
        }
        return (adjusted, warnings)
    }

    /// At most one letter or digit, and something else that is not a space: such a term cannot
    /// be matched as the words it is written with.
    static func isDegenerate(_ text: String) -> Bool {
        var alphanumerics = 0
        var others = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                alphanumerics += 1
                if alphanumerics > 1 { return false }
            } else if !scalar.properties.isWhitespace {
                others += 1
            }
        }
        return others > 0
    }
}
