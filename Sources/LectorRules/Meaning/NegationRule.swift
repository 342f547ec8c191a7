import LectorText

/// The polarity of a sentence pair differs: one side negates and the other does not.
///
/// Negations are found with per-language cue lists (`Resources/Meaning/negation.txt`), each
/// counted once however many words express it (`ne … pas`, `никто не`, `weder … noch`). Lexical
/// negatives (`failed to`, `refused`, `without`, `kaum`) answer a negation of the other side, so
/// `не вдалося врятувати` → "failed to save" is quiet, but they never raise a finding themselves:
/// translations move negation into verbs too freely for that.
public struct NegationRule: BilingualRule {
    public static let description = RuleDescription(
        id: "meaning.negation",
        name: "Negation lost or added",
        summary: "One side of a sentence pair negates and the other does not; the message names the negated word and the cue.",
        // Warning by default: on the perturbation suite's report split its false alarms are 1.2 % of
        // correct translations (target ≤ 2 %; de-en 2.2 % on its own), at 0.81–0.94 recall; see
        // README, *Perturbation suite*.
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("Rescuers ↓managed to save the boy.", source: "Рятувальникам не вдалося врятувати хлопчика.",
                        from: "uk", to: "en"),
            RuleExample("↓Der Minister nahm an dem Treffen teil.", source: "The minister did not attend the meeting.",
                        from: "en", to: "de"),
            RuleExample("Le gouvernement ↓n'a pas confirmé les chiffres.", source: "The government confirmed the figures.",
                        from: "en", to: "fr"),
            RuleExample("↓The talks will continue on Tuesday.", source: "Переговоры не продолжатся во вторник.",
                        from: "ru", to: "en"),
            RuleExample("↓He asked whether she had seen the keys.", source: "Он не спросил, видела ли она ключи.",
                        from: "ru", to: "en"),
            RuleExample("↓Such results are often found in scientific journals.",
                        source: "Teadusajakirjadest selliseid tulemusi ei leia.", from: "et", to: "en"),
            RuleExample("The empire is regarded as having ↓no limits in time.",
                        source: "Imperiul este privit ca având limite în timp.", from: "ro", to: "en"),
            // `UNESCO` is no `un-` word; `a few` is a quantity, not a weak negative; `keinerlei` negates.
            RuleExample("L'UNESCO ↓n'a pas publié les chiffres.", source: "UNESCO released the figures.", from: "en", to: "fr"),
            RuleExample("Les données ↓n'ont pas été publiées en quelques semaines.",
                        source: "The data were published within a few weeks.", from: "en", to: "fr"),
            RuleExample("↓There were signs of intoxication.", source: "Es gab keinerlei Anzeichen einer Vergiftung.",
                        from: "de", to: "en"),
            RuleExample("↓The train left on time.", source: "De trein vertrok niet op tijd.", from: "nl", to: "en"),
            RuleExample("↓The government approved the budget.", source: "Vláda neschválila rozpočet.", from: "cs", to: "en"),
            RuleExample("↓Three people came to the meeting.", source: "会議には3人来なかった。", from: "ja", to: "en"),
            RuleExample("↓He caught the train.", source: "他没赶上火车。", from: "zh", to: "en"),
        ],
        nonTriggeringExamples: [
            RuleExample("Rescuers failed to save the boy.", source: "Рятувальникам не вдалося врятувати хлопчика.",
                        from: "uk", to: "en"),
            RuleExample("Der Minister nahm nicht an dem Treffen teil.", source: "The minister did not attend the meeting.",
                        from: "en", to: "de"),
            RuleExample("Le gouvernement n'a pas confirmé les chiffres.", source: "The government did not confirm the figures.",
                        from: "en", to: "fr"),
            RuleExample("Nobody came.", source: "Никто не пришёл.", from: "ru", to: "en"),
            RuleExample("Er kam ohne seinen Anwalt.", source: "He did not bring his lawyer.", from: "en", to: "de"),
            RuleExample("Il s'agit non seulement de prix, mais aussi de qualité.",
                        source: "It is about quality as well as price.", from: "en", to: "fr"),
            RuleExample("Such results are rarely found in scientific journals.",
                        source: "Teadusajakirjadest selliseid tulemusi tihti ei leia.", from: "et", to: "en"),
            RuleExample("This paragraph had not been proclaimed by the president.",
                        source: "Selle lõike oli president jätnud välja kuulutamata.", from: "et", to: "en"),
            RuleExample("Nitric oxide (NO) is an important mediator.", source: "Stickstoffoxid (NO) ist ein wichtiger Mediator.",
                        from: "de", to: "en"),
            RuleExample("The empire is regarded as having no limits in time.",
                        source: "Imperiul este privit ca neavând limite în timp.", from: "ro", to: "en"),
            RuleExample("Он не только пришёл, но и остался.", source: "Il n'est pas seulement venu, il est resté.",
                        from: "fr", to: "ru"),
            // Russian `не … ли` asks, concessive `ни` means "-ever", `пока не` + perfective "until";
            // German `-los` is "without", English `lest` "so that … not".
            RuleExample("He asked whether she had seen his keys.", source: "Он спросил, не видела ли она его ключи.",
                        from: "ru", to: "en"),
            RuleExample("Wherever he lived, he worked.", source: "Где бы он ни жил, он работал.", from: "ru", to: "en"),
            RuleExample("Wait until the bus comes.", source: "Жди, пока не придёт автобус.", from: "ru", to: "en"),
            RuleExample("There were no complications after the operation.", source: "Die Operation verlief komplikationslos.",
                        from: "de", to: "en"),
            RuleExample("He held the coin lest it roll away.", source: "Er hielt die Münze fest, damit sie nicht wegrollte.",
                        from: "de", to: "en"),
            // An `un-` word answers a negation; litotes (`nicht zu unterschätzen`, `not unimportant`)
            // affirm; a cue in quotation marks is a word mentioned, not a negation.
            RuleExample("The cause of the disease is still unsettled.", source: "Die Ursache der Krankheit ist bis heute nicht geklärt.",
                        from: "de", to: "en"),
            RuleExample("It is a major cause of tachycardia.", source: "Sie ist eine nicht zu unterschätzende Ursache von Tachykardien.",
                        from: "de", to: "en"),
            RuleExample("Die Frage ist wichtig.", source: "The question is not unimportant.", from: "en", to: "de"),
            RuleExample("The therapy (\"yes\" or \"no\") was a prognostic factor.", source: "Die Therapie (ja/nein) war ein Prognosefaktor.",
                        from: "de", to: "en"),
            RuleExample("I have many questions, not just about the helmet.", source: "У меня много вопросов, не только к шлему.",
                        from: "ru", to: "en"),
            RuleExample("Les patients avec et sans symptômes ont été comptés.",
                        source: "Patients with and without symptoms were counted.", from: "en", to: "fr"),
            RuleExample("Les patients sans symptômes n'ont pas été comptés.",
                        source: "Patients without symptoms were not counted.", from: "en", to: "fr"),
            RuleExample("He became passive and did not keep in touch with other diplomats.",
                        source: "Ta muutus passiivseks ega pidanud ühendust teiste diplomaatidega.", from: "et", to: "en"),
            RuleExample("There were no signs of intoxication.", source: "Es gab keinerlei Anzeichen einer Vergiftung.",
                        from: "de", to: "en"),
            // Japanese `しか … ない` is "only", `少なくない` "quite a few"; Chinese `差点没` "almost",
            // `没过多久` "soon after": none negates.
            RuleExample("Only three people came to the meeting.", source: "会議には3人しか来なかった。", from: "ja", to: "en"),
            RuleExample("Quite a few people objected.", source: "少なくない人々が反対した。", from: "ja", to: "en"),
            RuleExample("He almost missed the train.", source: "他差点没赶上火车。", from: "zh", to: "en"),
            RuleExample("Soon after, he came back.", source: "没过多久，他就回来了。", from: "zh", to: "en"),
            RuleExample("But he came.", source: "しかし、彼は来た。", from: "ja", to: "en"),
        ],
        scope: .bilingual
    )

    public init() {}

    /// The cue lists of both languages.
    public struct Lexicons {
        let source: NegationLexicon
        let target: NegationLexicon
    }

    /// `nil` when either language has no cue list, and the rule says nothing.
    public func prepare(for context: CheckContext, bilingual: BilingualContext) -> Lexicons? {
        guard let source = NegationLexicon.forLanguage(bilingual.sourceLanguage),
              let target = NegationLexicon.forLanguage(context.index.targetLanguage) else { return nil }
        return Lexicons(source: source, target: target)
    }

    public func findings(in pair: SentencePairContext, using lexicons: Lexicons?) -> [RuleFinding] {
        guard let sourceLexicon = lexicons?.source, let targetLexicon = lexicons?.target else { return [] }
        let targetWords = pair.sentenceWords(of: .target, language: targetLexicon.language)
        let inSource = pair.negations(of: .source, lexicon: sourceLexicon, language: sourceLexicon.language)
        let inTarget = pair.negations(of: .target, lexicon: targetLexicon, language: targetLexicon.language)
        if let negation = inSource.first(where: { $0.strength == .grammatical }), inTarget.isEmpty {
            let what = Self.describe(negation)
            if let affirmation = targetLexicon.affirmation(in: targetWords) {
                return [RuleFinding(range: pair.targetRange(ofTextRange: affirmation.range),
                                    message: "the source \(what); the translation affirms `\(affirmation.text)`")]
            }
            return [RuleFinding(range: pair.targetRange, message: "the source \(what); the translation has no negation")]
        } else if let negation = inTarget.first(where: { $0.strength == .grammatical }), inSource.isEmpty {
            let what = Self.describe(negation)
            return [RuleFinding(range: pair.targetRange(ofTextRange: negation.range),
                                message: "the translation \(what); the source has no negation")]
        }
        return []
    }

    /// `negates `vertrok` (niet)`; a word negated by its own prefix is named once (`negates `neschválila``).
    private static func describe(_ negation: NegationLexicon.Negation) -> String {
        guard let scope = negation.scope else { return "has a negation (\(negation.cue))" }
        return scope.lowercased() == negation.cue ? "negates `\(scope)`" : "negates `\(scope)` (\(negation.cue))"
    }
}
