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
/// - the same term (same language, same spelling) with different statuses: every place is named;
///   across glossaries, or within one concept, the stricter status wins (a term one glossary
///   deprecates stays a finding even if another prefers it);
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
    ///
    /// A spelling that two glossaries (or two entries of one concept) give different statuses
    /// takes the stricter one. Different concepts of one glossary that share a spelling with
    /// different statuses are reported, and the glossary is left as written: which concept the
    /// text means is for the glossary's author to settle.
    public static func audit(_ glossaries: [Glossary], languages: Set<String>? = nil)
        -> (glossaries: [Glossary], warnings: [GlossaryWarning]) {
        var warnings: [GlossaryWarning] = []
        func checked(_ term: Term) -> Bool { languages?.contains(term.primaryLanguage) != false }
        func folded(_ term: Term) -> String { term.isCaseSensitive ? term.text : term.text.lowercased() }
        // First pass, small: the statuses seen per hash of a spelling. Most glossaries have no
        // conflict, and then nothing more is kept.
        var statuses: [Int: UInt8] = [:]
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
                for term in concept.terms where checked(term) {
                    if isDegenerate(term.text) {
                        warnings.append(GlossaryWarning(position: term.position, message:
                            "term “\(term.text)” (\(term.language)) has at most one letter or digit among punctuation "
                            + "and symbols; it would match that single character as a word, so it is skipped"))
                        anyDegenerate = true
                        continue
                    }
                    if let syntax = regularExpressionSyntax(in: term.text) {
                        warnings.append(GlossaryWarning(position: term.position, message:
                            "term “\(term.text)” (\(term.language)) looks like a regular expression (\(syntax)); Lector "
                            + "matches terms as written, as words, not as patterns, so it may never match"))
                    }
                    var hasher = Hasher()
                    hasher.combine(term.primaryLanguage)
                    hasher.combine(folded(term))
                    statuses[hasher.finalize(), default: 0] |= 1 << strictness(term.status)
                }
            }
        }
        let candidates = Set(statuses.filter { $0.value.nonzeroBitCount > 1 }.keys)
        statuses = [:]
        var raised: [Key: TermStatus] = [:]
        if !candidates.isEmpty {
            // Second pass, over the few spellings that may conflict: where each status stands.
            var places: [Key: [Place]] = [:]
            for (glossaryIndex, glossary) in glossaries.enumerated() {
                for concept in glossary.concepts {
                    for term in concept.terms where checked(term) && !isDegenerate(term.text) {
                        var hasher = Hasher()
                        hasher.combine(term.primaryLanguage)
                        hasher.combine(folded(term))
                        guard candidates.contains(hasher.finalize()) else { continue }
                        places[Key(language: term.primaryLanguage, text: folded(term)), default: []]
                            .append(Place(status: term.status, position: term.position, glossary: glossaryIndex, concept: concept.id))
                    }
                }
            }
            for (key, found) in places where Set(found.map(\.status)).count > 1 {
                let strictest = found.max { strictness($0.status) < strictness($1.status) }!.status
                let sameOwner = Set(found.map { "\($0.glossary) \($0.concept)" }).count == 1
                let applies = Set(found.map(\.glossary)).count > 1 || sameOwner
                if applies { raised[key] = strictest }
                let list = found.sorted { strictness($0.status) < strictness($1.status) }
                    .map { "\($0.status.rawValue) at \($0.position.map(\.description) ?? "an unknown place")" }
                warnings.append(GlossaryWarning(position: found.first { $0.status == strictest }?.position, message:
                    "term “\(key.text)” (\(key.language)) has different statuses: \(list.joined(separator: ", ")); "
                    + (applies ? "it is treated as \(strictest.rawValue)"
                               : "different concepts of one glossary; each keeps its own status")))
            }
        }
        warnings.sort { ($0.position?.file ?? "", $0.position?.line ?? 0, $0.message) < ($1.position?.file ?? "", $1.position?.line ?? 0, $1.message) }
        guard !raised.isEmpty || anyDegenerate else { return (glossaries, warnings) }
        let adjusted = glossaries.map { glossary in
            Glossary(name: glossary.name, concepts: glossary.concepts.map { concept in
                guard concept.terms.contains(where: { checked($0) && (isDegenerate($0.text)
                    || raised[Key(language: $0.primaryLanguage, text: folded($0))] != nil) }) else { return concept }
                let terms = concept.terms.compactMap { term -> Term? in
                    guard checked(term) else { return term }
                    if isDegenerate(term.text) { return nil }
                    guard let status = raised[Key(language: term.primaryLanguage, text: folded(term))], status != term.status
                    else { return term }
                    return Term(text: term.text, language: term.language, status: status, isCaseSensitive: term.isCaseSensitive,
                                termType: term.termType, partOfSpeech: term.partOfSpeech, note: term.note, position: term.position)
                }
                return Concept(id: concept.id, subjectField: concept.subjectField, definition: concept.definition,
                               notes: concept.notes, terms: terms, position: concept.position)
            })
        }
        return (adjusted, warnings)
    }

    struct Key: Hashable {
        let language: String
        let text: String
    }

    struct Place {
        let status: TermStatus
        let position: GlossaryPosition?
        let glossary: Int
        let concept: String
    }

    /// At most one letter or digit, and something else that is not a space: such a term cannot
    /// be matched as the words it is written with.
    /// The regular-expression syntax a term holds, if any: escapes such as `\b` and `\d`, `.*`, `.+`,
    /// an alternation `a|b`, an anchor `^` at the start, a class with a range `[A-Z]`, a group `(?`,
    /// a repetition `{2,}`. A glossary pasted from a search-and-replace list is then flagged instead
    /// of silently matching nothing (`\bKharkov\b`, `(Odessa|Odesa)`) or something else (`^Lviv$`
    /// matched as `Lviv`). Plain punctuation in real terms (`Ctrl+Alt`, `US$`, `AT&T`, `(R)`) is not syntax here.
    static func regularExpressionSyntax(in text: String) -> String? {
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\" where next.map({ "bBdDwWsS".contains($0) }) == true: return "`\\\(next!)`"
            case "." where next == "*" || next == "+": return "`.\(next!)`"
            case "|": return "`|`"
            case "^" where index == 0: return "`^`"
            case "(" where next == "?": return "`(?`"
            case "[":
                guard let close = characters[index...].firstIndex(of: "]") else { continue }
                let body = characters[(index + 1)..<close]
                if body.first == "^" || body.dropFirst().dropLast().contains("-") { return "`[…]`" }
            case "{":
                guard let close = characters[index...].firstIndex(of: "}") else { continue }
                let body = characters[(index + 1)..<close]
                if !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") }), body.first != "," {
                    return "`{\(String(body))}`"
                }
            default: continue
            }
        }
        return nil
    }

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
