import LectorLexicon

/// Which rules need which lexical resource, and what to say when one is missing.
///
/// A rule whose resource is missing does not fire (it finds no words to judge) and the run says
/// so once, in the summary: "spelling checks off: no Hunspell dictionary for uk (install
/// hunspell-uk)". Rules that need a resource add themselves here.
public enum LexicalRequirements {
    public enum Need: Sendable, Hashable {
        /// A Hunspell dictionary for the translation's language.
        case targetHunspell
        /// A FreeDict dictionary between source and translation, in either direction.
        case pairDictionary
        /// WordNet (English synonyms and antonyms), where one side is English.
        case wordNet
    }

    /// What each rule needs, and the checks it stands for in the notice ("spelling checks").
    public static let needs: [String: (checks: String, needs: [Need])] = [
        "spelling.unknown": ("spelling checks", [.targetHunspell]),
        "meaning.omission": ("omission checks", [.pairDictionary]),
        "meaning.addition": ("addition checks", [.pairDictionary]),
        "meaning.antonym": ("antonym checks", [.pairDictionary, .wordNet]),
    ]

    /// One line per missing resource that an enabled rule needs, naming the checks that are off.
    public static func notices(ruleIDs: [String], sourceLanguage: String?, targetLanguage: String,
                               lexicon: Lexicon) -> [String] {
        var notices: [String] = []
        for id in ruleIDs {
            guard let (checks, needs) = needs[id] else { continue }
            // A rule that compares through a dictionary FreeDict does not have for the pair (en–uk)
            // cannot run whatever is installed: nothing to say.
            if needs.contains(.pairDictionary), let sourceLanguage,
               !pairCanHaveDictionary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, lexicon: lexicon) {
                continue
            }
            for need in needs {
                guard let missing = missing(need, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                            lexicon: lexicon) else { continue }
                let notice = "\(checks) off: \(missing)"
                if !notices.contains(notice) { notices.append(notice) }
            }
        }
        return notices
    }

    /// One line per enabled rule that cannot run for the pair whatever is installed (no FreeDict
    /// dictionary links uk and en; Japanese and Chinese words are not aligned), so that a quiet run
    /// is never read as an all clear: "omission checks off: no uk–en dictionary (FreeDict has none)".
    /// Kept apart from `notices`, which lists what installing a package would turn on.
    public static func unavailable(ruleIDs: [String], sourceLanguage: String?, targetLanguage: String,
                                   lexicon: Lexicon) -> [String] {
        guard let sourceLanguage else { return [] }
        let source = LexicalLanguages.primary(sourceLanguage), target = LexicalLanguages.primary(targetLanguage)
        guard source != target,
              !pairCanHaveDictionary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, lexicon: lexicon)
        else { return [] }
        let dense = [source, target].filter { GarbledSignalExtractor.denseScripts.contains($0) }
        let reason = dense.isEmpty
            ? "no \(source)–\(target) dictionary (FreeDict has none)"
            : "words of \(dense.joined(separator: " and ")) are not aligned with a dictionary"
        var result: [String] = []
        for id in ruleIDs {
            guard let (checks, needs) = needs[id], needs.contains(.pairDictionary) else { continue }
            let notice = "\(checks) off: \(reason)"
            if !result.contains(notice) { result.append(notice) }
        }
        return result
    }

    /// Whether a FreeDict dictionary links the pair here, or Debian has one to install; never for
    /// Japanese or Chinese, whose words the lexicon rules cannot read.
    static func pairCanHaveDictionary(sourceLanguage: String, targetLanguage: String, lexicon: Lexicon) -> Bool {
        let source = LexicalLanguages.primary(sourceLanguage), target = LexicalLanguages.primary(targetLanguage)
        return source != target && !GarbledSignalExtractor.denseScripts.contains(source)
            && !GarbledSignalExtractor.denseScripts.contains(target) && (lexicon.hasTranslations(from: source, to: target)
            || LexicalLanguages.freeDictPackage(from: source, to: target) != nil
            || LexicalLanguages.freeDictPackage(from: target, to: source) != nil)
    }

    /// What is missing for a need, as "no de–en dictionary (install dict-freedict-deu-eng)", or `nil`.
    static func missing(_ need: Need, sourceLanguage: String?, targetLanguage: String, lexicon: Lexicon) -> String? {
        let target = LexicalLanguages.primary(targetLanguage)
        switch need {
        case .targetHunspell:
            // Languages Hunspell has no dictionary for at all (ja, zh) are not a missing package.
            // Whether the files are there, not a load: the rule loads the dictionary when it has
            // words to judge (an unreadable file is then reported once, and the rule is off).
            guard LexicalLanguages.hunspellNames[target] != nil,
                  LexicalResource.hunspellFiles(target, in: lexicon.paths) == nil else { return nil }
            return "no Hunspell dictionary for \(target) (install \(LexicalLanguages.hunspellPackage(target)))"
        case .pairDictionary:
            guard let sourceLanguage else { return nil }
            let source = LexicalLanguages.primary(sourceLanguage)
            guard source != target, !lexicon.hasTranslations(from: source, to: target) else { return nil }
            let package = LexicalLanguages.freeDictPackage(from: source, to: target)
                ?? LexicalLanguages.freeDictPackage(from: target, to: source)
            return "no \(source)–\(target) dictionary" + (package.map { " (install \($0))" } ?? " (FreeDict has none)")
        case .wordNet:
            let source = sourceLanguage.map(LexicalLanguages.primary)
            guard source == "en" || target == "en", !lexicon.hasWordNet else { return nil }
            return "no WordNet (install wordnet-base)"
        }
    }
}
