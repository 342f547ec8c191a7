import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// meaning.negation reads each language's negation the way its grammar does: double negatives that
/// affirm, present-tense Czech `ne-` verbs, French elision, privative adjectives in UI text.
@Suite struct NegationCueTests {
    static func negations(_ source: String, _ target: String, from: String, to: String) -> [String] {
        let checker = Fixtures.bilingualChecker(from: from, to: to)
        return checker.check(SourceDocument(path: "t.\(to).txt", text: target),
                             source: SourceDocument(path: "s.\(from).txt", text: source))
            .filter { $0.ruleID == "meaning.negation" }.map(\.message)
    }

    /// Correct translations: two negations that affirm, and negations rendered by a privative word.
    @Test(arguments: [
        ("fr", "en", "Il n'est pas rare que les trains soient en retard en hiver.", "Trains are often late in winter."),
        ("fr", "en", "Les cas de fraude ne sont pas rares dans ce secteur.", "Cases of fraud are common in this sector."),
        ("fr", "en", "Ce n'est pas sans raison que les syndicats appellent à la grève.", "The unions have good reason to call a strike."),
        ("es", "en", "No es raro ver delfines en esta costa.", "Dolphins are often seen on this coast."),
        ("cs", "en", "Není neobvyklé, že vlaky v zimě meškají.", "It is common for trains to be late in winter."),
        ("ru", "en", "Нельзя не отметить успехи команды.", "The team's achievements deserve mention."),
        ("ru", "en", "Он не мог не заметить ошибку.", "He couldn't help noticing the mistake."),
        ("cs", "en", "Vláda nechce zvyšovat daně.", "The government does not want to raise taxes."),
        ("en", "fr", "File not found", "Fichier introuvable"),
        ("en", "fr", "Not available", "Indisponible"),
        ("en", "fr", "Not a valid email address", "Adresse e-mail invalide"),
        ("en", "fr", "This cannot be undone.", "Cette action est irréversible."),
        ("en", "de", "Not a valid email address", "Ungültige E-Mail-Adresse"),
        ("en", "de", "This cannot be undone.", "Dieser Vorgang ist unwiderruflich."),
        ("en", "de", "Can't connect to the server", "Verbindung zum Server fehlgeschlagen"),
        ("de", "en", "Er kam erst nach Mitternacht nach Hause.", "He didn't get home until after midnight."),
        ("de", "en", "Der Film läuft erst ab Donnerstag in den Kinos.", "The film won't be in cinemas until Thursday."),
    ])
    func correctTranslationStaysQuiet(_ from: String, _ to: String, _ source: String, _ target: String) {
        #expect(Self.negations(source, target, from: from, to: to).isEmpty)
    }

    /// The same constructions with the negation lost.
    @Test(arguments: [
        ("cs", "Vláda nechce zvyšovat daně.", "The government wants to raise taxes.", "(nechce)"),
        ("cs", "Firma nemá peníze.", "The company has money.", "(nemá)"),
        ("cs", "Soubor nelze smazat.", "The file can be deleted.", "(nelze)"),
        ("cs", "Ministr nemůže přijít.", "The minister can come.", "`nemůže`"),
        ("cs", "Zítra nebude pršet.", "It will rain tomorrow.", "`nebude`"),
        ("fr", "Personne n'a été blessé.", "Several people were injured.", "(personne n')"),
        ("fr", "Il n'est pas content du résultat.", "He is happy with the result.", "(n' … pas)"),
        ("es", "No es fácil ver delfines en esta costa.", "It is easy to see dolphins on this coast.", "(no)"),
        ("ru", "Он не заметил ошибку.", "He noticed the mistake.", "(не)"),
        ("de", "Er kam nicht nach Hause, bis sie anrief.", "He came home until she called.", "(nicht)"),
    ])
    func lostNegationIsFound(_ from: String, _ source: String, _ target: String, _ cue: String) {
        let found = Self.negations(source, target, from: from, to: "en")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains(cue) == true, "\(found)")
    }

    /// A privative word is lexical: it answers a negation, it never raises one.
    @Test func privativeWordRaisesNothingByItself() {
        #expect(Self.negations("The file is unavailable.", "Le fichier est indisponible.", from: "en", to: "fr").isEmpty)
        #expect(Self.negations("Unknown error", "Unbekannter Fehler", from: "en", to: "de").isEmpty)
    }
}
