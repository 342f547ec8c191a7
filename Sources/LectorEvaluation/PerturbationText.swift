import Foundation
import LectorText
import LectorFormats
import LectorRules
import LectorKit

/// A good translation (English or French) and the deliberate errors `PerturbationEvaluation` can
/// put into it. Each returns the changed text and what changed, or `nil` when the sentence offers
/// nothing to change (no auxiliary to negate, no name, no number).
///
/// The word lists here are the evaluation's own, written for it, and independent of the rules'
/// resources (a rule would otherwise be measured on its own lexicon).
struct PerturbationText {
    let text: String
    let language: String
    /// Words with their ranges in `text`.
    let words: [(word: String, range: Range<String.Index>)]

    init(_ text: String, language: String) {
        self.text = text
        self.language = language
        var words: [(String, Range<String.Index>)] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isLetter || text[index].isNumber else { index = text.index(after: index); continue }
            var end = index
            while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "'" || text[end] == "’"
                || (text[end] == "-" && text.index(after: end) < text.endIndex && text[text.index(after: end)].isLetter) {
                end = text.index(after: end)
            }
            words.append((String(text[index..<end]), index..<end))
            index = end
        }
        self.words = words
    }

    private func replacing(_ range: Range<String.Index>, with replacement: String) -> String {
        var copy = text
        copy.replaceSubrange(range, with: replacement)
        return copy
    }

    private static func matchingCase(_ word: String, like original: String) -> String {
        guard let first = original.first, first.isUppercase else { return word }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    // MARK: - Negation

    static let englishAuxiliaries: Set<String> = ["is", "are", "was", "were", "will", "would", "can", "could", "should",
                                                  "must", "may", "might", "has", "have", "had", "does", "do", "did"]
    static let frenchFinite: [String: String] = ["est": "n'est pas", "sont": "ne sont pas", "a": "n'a pas", "ont": "n'ont pas",
                                                 "peut": "ne peut pas", "peuvent": "ne peuvent pas", "doit": "ne doit pas",
                                                 "était": "n'était pas", "sera": "ne sera pas", "avait": "n'avait pas",
                                                 "peuvent-ils": "ne peuvent-ils pas", "faut": "ne faut pas", "devez": "ne devez pas",
                                                 "pouvez": "ne pouvez pas", "êtes": "n'êtes pas", "avez": "n'avez pas"]

    func toggledNegation(_ random: inout SplitMix) -> (String, String)? {
        let lower = words.map { $0.word.lowercased() }
        if language == "fr" {
            // Remove `ne … pas` (or `n' … pas`, `ne … jamais`), else negate the first finite verb.
            if let pas = lower.firstIndex(where: { ["pas", "jamais", "plus"].contains($0) }),
               let ne = lower[..<pas].lastIndex(where: { $0 == "ne" || $0.hasPrefix("n'") || $0.hasPrefix("n’") }) {
                var copy = text
                copy.removeSubrange(extendOverSpace(words[pas].range, in: copy))
                let neRange = words[ne].range
                if lower[ne] == "ne" {
                    copy.removeSubrange(extendOverSpace(neRange, in: copy))
                } else {
                    copy.replaceSubrange(neRange, with: String(words[ne].word.dropFirst(2)))
                }
                return (copy, "removed `\(words[ne].word) … \(words[pas].word)`")
            }
            for (index, word) in lower.enumerated() {
                if let negated = Self.frenchFinite[word] {
                    return (replacing(words[index].range, with: Self.matchingCase(negated, like: words[index].word)),
                            "negated `\(words[index].word)`")
                }
            }
            return nil
        }
        if let index = lower.firstIndex(where: { $0 == "not" || $0 == "never" }) {
            var copy = text
            copy.removeSubrange(extendOverSpace(words[index].range, in: copy))
            return (copy, "removed `\(words[index].word)`")
        }
        if let index = lower.firstIndex(where: { $0.hasSuffix("n't") || $0.hasSuffix("n’t") }) {
            let word = lower[index]
            let affirmative = ["can't": "can", "won't": "will", "cannot": "can", "shan't": "shall"][word]
                ?? String(word.dropLast(3))
            return (replacing(words[index].range, with: Self.matchingCase(affirmative, like: words[index].word)),
                    "removed the negation of `\(words[index].word)`")
        }
        if let index = lower.firstIndex(where: { Self.englishAuxiliaries.contains($0) }), index + 1 < lower.count {
            return (replacing(words[index].range, with: words[index].word + " not"), "negated `\(words[index].word)`")
        }
        return nil
    }

    /// The range and the one space after it (or before it, at the end).
    private func extendOverSpace(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        if range.upperBound < text.endIndex, text[range.upperBound] == " " {
            return range.lowerBound..<text.index(after: range.upperBound)
        }
        if range.lowerBound > text.startIndex, text[text.index(before: range.lowerBound)] == " " {
            return text.index(before: range.lowerBound)..<range.upperBound
        }
        return range
    }

    // MARK: - Antonyms

    static let antonyms: [String: [(String, String)]] = [
        "en": [("increase", "decrease"), ("increased", "decreased"), ("increases", "decreases"), ("rise", "fall"),
               ("rose", "fell"), ("rises", "falls"), ("high", "low"), ("higher", "lower"), ("more", "less"),
               ("large", "small"), ("larger", "smaller"), ("big", "small"), ("good", "bad"), ("better", "worse"),
               ("best", "worst"), ("open", "closed"), ("opened", "closed"), ("first", "last"), ("before", "after"),
               ("early", "late"), ("earlier", "later"), ("strong", "weak"), ("positive", "negative"), ("old", "new"),
               ("long", "short"), ("won", "lost"), ("win", "lose"), ("accepted", "rejected"), ("accept", "reject"),
               ("include", "exclude"), ("success", "failure"), ("love", "hate"), ("right", "wrong"), ("easy", "difficult"),
               ("same", "different"), ("major", "minor"), ("maximum", "minimum"), ("north", "south"), ("east", "west"),
               ("buy", "sell"), ("bought", "sold"), ("inside", "outside"), ("above", "below"), ("always", "never"),
               ("most", "least"), ("many", "few"), ("full", "empty"), ("rich", "poor"), ("young", "old"),
               ("true", "false"), ("safe", "dangerous"), ("light", "dark"), ("hot", "cold"), ("lost", "found"),
               ("start", "end"), ("started", "ended"), ("allowed", "forbidden"), ("cheap", "expensive"),
               ("important", "unimportant"), ("common", "rare"), ("public", "private"), ("legal", "illegal"),
               ("possible", "impossible"), ("significant", "insignificant"), ("normal", "abnormal"), ("male", "female"),
               ("upper", "lower"), ("internal", "external"), ("left", "right"), ("agree", "disagree"), ("like", "dislike"),
               ("often", "rarely"), ("everyone", "nobody"), ("arrived", "left"), ("won", "lost"), ("attack", "defend"),
               ("entered", "left"), ("increasing", "decreasing"), ("reduced", "increased"), ("reduce", "increase")],
        "fr": [("augmentation", "diminution"), ("augmenter", "diminuer"), ("plus", "moins"), ("grand", "petit"),
               ("grande", "petite"), ("bon", "mauvais"), ("bonne", "mauvaise"), ("meilleur", "pire"), ("premier", "dernier"),
               ("première", "dernière"), ("avant", "après"), ("haut", "bas"), ("haute", "basse"), ("élevé", "faible"),
               ("élevée", "faible"), ("fort", "faible"), ("forte", "faible"), ("positif", "négatif"), ("positive", "négative"),
               ("nouveau", "ancien"), ("nouvelle", "ancienne"), ("long", "court"), ("longue", "courte"), ("toujours", "jamais"),
               ("facile", "difficile"), ("même", "différent"), ("chaud", "froid"), ("chaude", "froide"), ("jeune", "vieux"),
               ("vrai", "faux"), ("ouvert", "fermé"), ("possible", "impossible"), ("interne", "externe"), ("tôt", "tard"),
               ("beaucoup", "peu"), ("souvent", "rarement"), ("accepter", "refuser"), ("majeur", "mineur"),
               ("maximum", "minimum"), ("public", "privé"), ("publique", "privée"), ("légal", "illégal"),
               ("supérieur", "inférieur"), ("supérieure", "inférieure"), ("sûr", "dangereux"), ("riche", "pauvre"),
               ("normal", "anormal"), ("normale", "anormale"), ("fréquent", "rare"), ("fréquente", "rare"),
               ("hausse", "baisse"), ("gauche", "droite"), ("entrée", "sortie"), ("début", "fin")],
    ]

    func antonymSwapped(_ random: inout SplitMix) -> (String, String)? {
        var map: [String: String] = [:]
        for (a, b) in Self.antonyms[language] ?? [] {
            if map[a] == nil { map[a] = b }
            if map[b] == nil { map[b] = a }
        }
        let candidates = words.indices.filter { map[words[$0].word.lowercased()] != nil }
        guard let index = random.pick(candidates) else { return nil }
        let original = words[index].word
        let opposite = Self.matchingCase(map[original.lowercased()]!, like: original)
        return (replacing(words[index].range, with: opposite), "`\(original)` → `\(opposite)`")
    }

    // MARK: - Omissions

    static let clauseLinks: [String: Set<String>] = [
        "en": ["and", "but", "which", "because", "while", "whereas", "although", "who", "where", "when", "so"],
        "fr": ["et", "mais", "qui", "car", "parce", "tandis", "alors", "où", "lorsque", "quand", "donc"],
    ]

    /// Drops a comma-bounded part of three words or more, or the rest of the sentence from a
    /// clause link (`and`, `which`, `because`), leaving at least three words.
    func clauseDropped(_ random: inout SplitMix) -> (String, String)? {
        var candidates: [Range<String.Index>] = []
        let commas = text.indices.filter { text[$0] == "," || text[$0] == ";" }
        for (position, comma) in commas.enumerated() {
            let end = position + 1 < commas.count ? commas[position + 1] : trailingPunctuationStart()
            guard comma < end else { continue }
            let span = comma..<end
            let inside = words.filter { span.contains($0.range.lowerBound) }.count
            let outside = words.count - inside
            if inside >= 3, outside >= 3 { candidates.append(span) }
        }
        if candidates.isEmpty, let links = Self.clauseLinks[language] {
            for (index, word) in words.enumerated() where links.contains(word.word.lowercased()) && index >= 3 && words.count - index >= 4 {
                var start = word.range.lowerBound
                if start > text.startIndex, text[text.index(before: start)] == " " { start = text.index(before: start) }
                if start < trailingPunctuationStart() { candidates.append(start..<trailingPunctuationStart()) }
                break
            }
        }
        guard let span = random.pick(candidates) else { return nil }
        var copy = text
        copy.removeSubrange(span)
        return (copy, "dropped `\(text[span].trimmingCharacters(in: .whitespaces))`")
    }

    private func trailingPunctuationStart() -> String.Index {
        var end = text.endIndex
        while end > text.startIndex, let previous = Optional(text.index(before: end)),
              text[previous].isPunctuation || text[previous].isWhitespace {
            end = previous
        }
        return end
    }

    static let notNames: Set<String> = [
        "i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février", "mars", "avril", "mai",
        "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "covid", "god", "english", "french",
    ]

    /// Runs of capitalized words that are not the first word of the sentence: candidate names.
    func nameRuns() -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 1
        while index < words.count {
            let word = words[index].word
            let isName = word.first?.isUppercase == true && word.count >= 3 && word.contains(where: \.isLowercase)
                && !Self.notNames.contains(word.lowercased())
                && !(index > 0 && text[words[index - 1].range.upperBound..<words[index].range.lowerBound].contains(where: { ".!?:\"“«".contains($0) }))
            guard isName else { index += 1; continue }
            var end = index + 1
            while end < words.count, words[end].word.first?.isUppercase == true, words[end].word.count >= 2,
                  text[words[end - 1].range.upperBound..<words[end].range.lowerBound] == " " {
                end += 1
            }
            runs.append(index..<end)
            index = end
        }
        return runs
    }

    func nameDropped(_ random: inout SplitMix) -> (String, String)? {
        guard let run = random.pick(nameRuns()) else { return nil }
        let range = words[run.lowerBound].range.lowerBound..<words[run.upperBound - 1].range.upperBound
        var copy = text
        copy.removeSubrange(extendOverSpace(range, in: copy))
        return (copy, "dropped `\(text[range])`")
    }

    func nameReplaced(_ random: inout SplitMix, pool: [String]) -> (String, String)? {
        guard let run = random.pick(nameRuns()) else { return nil }
        let range = words[run.lowerBound].range.lowerBound..<words[run.upperBound - 1].range.upperBound
        let original = String(text[range])
        guard let replacement = random.pick(pool.filter { !original.contains($0) }) else { return nil }
        return (replacing(range, with: replacement), "`\(original)` → `\(replacement)`")
    }

    // MARK: - Additions

    static let additions: [String: [String]] = [
        "en": [", which surprised many observers", ", according to unnamed officials", " for the first time in a decade",
               ", although the government denied it later", " despite strong protests from the opposition",
               ", as the local press reported on Monday", " in a closed meeting with foreign investors",
               ", and the decision was criticised by several experts"],
        "fr": [", ce qui a surpris de nombreux observateurs", ", selon des responsables anonymes",
               " pour la première fois depuis dix ans", " malgré de vives protestations de l'opposition",
               ", comme l'a rapporté la presse locale lundi", " lors d'une réunion à huis clos avec des investisseurs étrangers"],
    ]

    /// A clause or an adverbial phrase added before the final punctuation.
    func phraseAdded(_ random: inout SplitMix) -> (String, String)? {
        guard words.count >= 3, let phrase = random.pick(Self.additions[language] ?? []) else { return nil }
        let end = trailingPunctuationStart()
        var copy = text
        copy.insert(contentsOf: phrase, at: end)
        return (copy, "added `\(phrase.trimmingCharacters(in: CharacterSet(charactersIn: ", ")))`")
    }

    // MARK: - Numbers

    static let numberWords: [String: [String]] = [
        "en": ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "fifty", "hundred"],
        "fr": ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze", "vingt", "cinquante", "cent"],
    ]

    /// Units swapped for another of the same kind, as MT confuses them (the evaluation's own list,
    /// not CLDR's: the recall then also measures whether the rule's forms cover what text writes).
    static let unitSwaps: [String: [String: String]] = [
        "en": ["kilometres": "miles", "kilometers": "miles", "km": "miles", "miles": "kilometres", "mile": "kilometre",
               "kilometre": "mile", "kilometer": "mile", "metres": "feet", "meters": "feet", "feet": "metres",
               "kilograms": "pounds", "kg": "pounds", "tonnes": "kilograms", "tons": "kilograms",
               "grams": "kilograms", "litres": "gallons", "liters": "gallons", "hectares": "acres", "acres": "hectares",
               "seconds": "minutes", "minutes": "hours", "minute": "hour", "hours": "days", "hour": "day",
               "days": "weeks", "day": "week", "weeks": "months", "week": "month", "months": "years", "month": "year",
               "years": "months", "year": "month", "dollars": "euros", "euros": "dollars"],
        "fr": ["kilomètres": "miles", "km": "miles", "mètres": "pieds", "kilogrammes": "livres", "kg": "livres",
               "tonnes": "kilogrammes", "litres": "gallons", "hectares": "acres", "secondes": "minutes",
               "minutes": "heures", "heures": "jours", "heure": "jour", "jours": "semaines", "jour": "semaine",
               "semaines": "mois", "mois": "ans", "ans": "mois", "années": "mois", "euros": "dollars", "dollars": "euros"],
    ]

    /// Days of the week and months (the evaluation's own lists, not CLDR's), in order.
    static let dayNames: [String: [[String]]] = [
        "en": [["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
               ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]],
        "fr": [["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
               ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre"]],
    ]

    /// A day of the week or a month swapped for another (`on Tuesday` → `on Thursday`, `in March
    /// 1990` → `in May 1990`), as written: English names with their capital, French ones in lower case.
    func dayReplaced(_ random: inout SplitMix) -> (String, String)? {
        guard let lists = Self.dayNames[language] else { return nil }
        // `May` first in a sentence is as often the verb.
        let candidates = words.indices.filter { index in
            lists.contains { $0.contains(words[index].word) } && !(index == 0 && words[index].word == "May")
        }
        guard let index = random.pick(candidates) else { return nil }
        let original = words[index].word
        let list = lists.first { $0.contains(original) }!
        guard let changed = random.pick(list.filter { $0 != original }) else { return nil }
        return (replacing(words[index].range, with: changed), "`\(original)` → `\(changed)`")
    }

    /// A unit after a figure swapped for another of the same kind (`5 kilometres` → `5 miles`).
    func unitReplaced(_ random: inout SplitMix) -> (String, String)? {
        guard let swaps = Self.unitSwaps[language] else { return nil }
        let candidates = words.indices.dropFirst().filter { index in
            swaps[words[index].word.lowercased()] != nil && words[index - 1].word.allSatisfy(\.isNumber)
        }
        guard let index = random.pick(candidates) else { return nil }
        let original = words[index].word
        let changed = Self.matchingCase(swaps[original.lowercased()]!, like: original)
        return (replacing(words[index].range, with: changed), "`\(original)` → `\(changed)`")
    }

    /// A figure changed in one digit (`1,500` → `1,800`), or a number word swapped for another.
    func numberReplaced(_ random: inout SplitMix) -> (String, String)? {
        let figures = words.indices.filter { words[$0].word.allSatisfy(\.isNumber) && words[$0].word.first != "0" }
        if let index = random.pick(figures) {
            let original = words[index].word
            var digits = Array(original)
            let position = Int(random.next() % UInt64(digits.count))
            let digit = digits[position].wholeNumberValue ?? 0
            var replacement = (digit + 1 + Int(random.next() % 8)) % 10
            if position == 0, replacement == 0 { replacement = digit == 1 ? 2 : 1 }
            digits[position] = Character(String(replacement))
            let changed = String(digits)
            return (replacing(words[index].range, with: changed), "`\(original)` → `\(changed)`")
        }
        let list = Self.numberWords[language] ?? []
        let spelled = words.indices.filter { list.contains(words[$0].word.lowercased()) }
        guard let index = random.pick(spelled) else { return nil }
        let original = words[index].word
        guard let replacement = random.pick(list.filter { $0 != original.lowercased() }) else { return nil }
        let changed = Self.matchingCase(replacement, like: original)
        return (replacing(words[index].range, with: changed), "`\(original)` → `\(changed)`")
    }
}
