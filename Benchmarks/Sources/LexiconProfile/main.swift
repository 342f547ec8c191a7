// Load time and memory of each lexical resource, and the cost of Hunspell stems in glossary
// matching. Run from Benchmarks/:   swift run -c release LexiconProfile
// Figures are wall-clock on this machine, first load in a fresh process (cold page cache aside);
// memory is the growth of the resident set (from /proc/self/statm) across the load.
import Foundation
import LectorKit

func residentMegabytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func measure(_ label: String, _ body: () -> String) {
    let before = residentMegabytes()
    let start = DispatchTime.now().uptimeNanoseconds
    let detail = body()
    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    print(String(format: "%-44@ %8.1f ms  %+7.1f MB  %@", label as NSString, milliseconds, residentMegabytes() - before, detail as NSString))
}

let paths = ResourcePaths.standard
print("resource                                          load      memory  first answer")
for language in ["en", "de", "fr", "es", "it", "pl", "cs", "ru", "uk"] {
    measure("Hunspell \(language)") {
        guard let dictionary = Lexicon.hunspell(language, paths: paths) else { return "missing" }
        return "spell(\"test\") = \(dictionary.spell("test"))"
    }
}
for (source, target, word) in [("de", "en", "Hund"), ("en", "de", "dog"), ("fr", "en", "chien"), ("es", "en", "perro"),
                               ("it", "en", "cane"), ("pl", "en", "pies"), ("cs", "en", "pes"), ("ja", "en", "犬"),
                               ("en", "ja", "dog")] {
    measure("FreeDict \(source)→\(target) (index + first lookup)") {
        let lexicon = Lexicon.load(source: source, target: target, paths: paths)
        return lexicon.translations(of: word, from: source, to: target).prefix(3).map(\.text).joined(separator: ", ")
    }
}
for (source, target, word) in [("ru", "en", "собака"), ("uk", "en", "собака")] {
    measure("FreeDict \(source)→\(target) (reversed eng→\(source))") {
        let lexicon = Lexicon.load(source: source, target: target, paths: paths)
        return lexicon.translations(of: word, from: source, to: target).prefix(3).map(\.text).joined(separator: ", ")
    }
}
measure("WordNet (first antonym lookup)") {
    Lexicon.load(source: "en", target: "de", paths: paths).antonyms(of: "increase").joined(separator: ", ")
}
measure("WordNet (second lookup)") {
    Lexicon.load(source: "en", target: "de", paths: paths).synonyms(of: "big").prefix(3).joined(separator: ", ")
}

// Glossary matching in Russian text with and without Hunspell stems.
let glossary = try GlossaryLoader.load(path: "../Glossaries/ukraine-war.tbx")
let sentence = "Переговоры Зеленского и Мединского в Киеве и Харькове продолжились, сообщил Песков журналистам в Москве. "
let text = String(repeating: sentence, count: 20_000)
let document = SourceDocument(path: "ru.txt", text: text)
for (label, resourcePaths) in [("endings only", ResourcePaths(folders: ["/nonexistent"])), ("with Hunspell stems", paths)] {
    let index = try GlossaryIndex(glossaries: [glossary], targetLanguage: "ru", schemes: TransliterationScheme.builtIn(),
                                  resourcePaths: resourcePaths)
    let matcher = try GlossaryMatcher(index: index)
    _ = matcher.matches(in: SourceDocument(path: "warm", text: sentence))
    let start = DispatchTime.now().uptimeNanoseconds
    let matches = matcher.matches(in: document)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "match ru %@ (%.1f MB): %d matches in %.3f s = %.1f MB/s", label as NSString,
                 Double(document.utf16.count * 2) / 1_048_576, matches.count, seconds, Double(text.utf8.count) / 1_048_576 / seconds))
}
