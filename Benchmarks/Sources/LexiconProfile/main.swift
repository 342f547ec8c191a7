// Load time and memory of each lexical resource installed, and the cost of Hunspell stems in
// glossary matching. Run from Benchmarks/ (a release build: the figures are meant for it):
//   swift run -c release LexiconProfile            everything
//   swift run -c release LexiconProfile load       load times and memory only
//   swift run -c release LexiconProfile match      matching speed only
// Load figures are wall-clock in one process, in the order printed, with the files in the page
// cache (a second run; the first read from disk adds what the disk costs). Memory is the growth
// of the resident set (/proc/self/statm) across the load; every loaded resource is kept alive so
// that a later load cannot reuse the memory of an earlier one.
import Foundation
import LectorKit
import LectorMeCab

func residentMegabytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

/// CPU time of the process, in seconds: on a machine shared with other jobs, wall-clock time
/// measures the others too.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

nonisolated(unsafe) var keptAlive: [Any] = []

/// Runs `body`, prints its time and memory growth in a Markdown table row.
func measure(_ label: String, _ body: () throws -> (kept: Any?, detail: String)) rethrows {
    let before = residentMegabytes()
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuSeconds()
    let (kept, detail) = try body()
    let cpu = (cpuSeconds() - cpuStart) * 1000
    let milliseconds = seconds(since: start) * 1000
    if let kept { keptAlive.append(kept) }
    print(String(format: "| %@ | %.1f ms | %.1f ms | %+.1f MB | %@ |", label as NSString, cpu, milliseconds, residentMegabytes() - before,
                 detail as NSString))
}

let paths = ResourcePaths.standard
let arguments = Set(CommandLine.arguments.dropFirst())
let all = arguments.isEmpty

// MARK: - Loading

if all || arguments.contains("load") {
    print("| resource | load (CPU) | load (wall) | memory | first answer |")
    print("|---|---|---|---|---|")
    // Every installed Hunspell dictionary (each regional variant is a dictionary of its own).
    for dictionary in paths.files(where: { $0.hasSuffix(".dic") }).sorted() {
        let affix = String(dictionary.dropLast(4)) + ".aff"
        // Regional names that are links to one file (`fr_BE.dic` → `fr.dic`) are one dictionary.
        guard FileManager.default.fileExists(atPath: affix),
              (try? FileManager.default.destinationOfSymbolicLink(atPath: dictionary)) == nil else { continue }
        let name = ((dictionary as NSString).lastPathComponent as NSString).deletingPathExtension
        // `es_AR` is found as `es-AR` (a regional tag prefers its own region's file).
        let folder = ResourcePaths(folders: [(dictionary as NSString).deletingLastPathComponent])
        guard LexicalResource.hunspellFiles(name.replacingOccurrences(of: "_", with: "-"), in: folder)?.dictionary == dictionary else { continue }
        try? measure("Hunspell \(name)") {
            guard let loaded = try Lexicon.privateHunspell(name.replacingOccurrences(of: "_", with: "-"), paths: folder) else {
                return (nil, "not found")
            }
            return (loaded, "stem(\"tests\") = \(loaded.stem("tests"))")
        }
    }
    // Every installed FreeDict dictionary: the index memory-mapped and hashed (cache off), then
    // with its hash table from a cache folder of this run (written by the first load, read by the
    // second), and one lookup.
    let cacheFolder = NSTemporaryDirectory() + "lector-profile-cache-\(ProcessInfo.processInfo.processIdentifier)"
    let diskCache = LexiconDiskCache(folder: cacheFolder)
    defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
    for index in paths.files(where: { $0.hasPrefix("freedict-") && $0.hasSuffix(".index") }).sorted() {
        let name = ((index as NSString).lastPathComponent as NSString).deletingPathExtension
        var dictionary: FreeDictDictionary?
        try? measure("FreeDict \(name): index, hashed") {
            let loaded = try FreeDictDictionary(indexPath: index, cache: .off)
            return (loaded, "\(loaded.entryCount) headwords")
        }
        _ = try? FreeDictDictionary(indexPath: index, cache: diskCache)  // writes the cache file
        try? measure("FreeDict \(name): index, from the cache") {
            let loaded = try FreeDictDictionary(indexPath: index, cache: diskCache)
            dictionary = loaded
            return (loaded, "\(loaded.entryCount) headwords")
        }
        guard let dictionary else { continue }
        let probe = ["eng": "house", "deu": "Haus", "fra": "maison", "spa": "casa", "ita": "casa", "pol": "dom",
                     "ces": "dům", "jpn": "家", "rus": "дом"][dictionary.sourceCode] ?? "a"
        try? measure("FreeDict \(name): first lookup (\(probe))") {
            (nil, try dictionary.translations(of: probe).prefix(3).map(\.text).joined(separator: ", "))
        }
    }
    // The directions Lector reads backwards (the direct dictionary is missing or has under a tenth of
    // the headwords of the opposite one): the first translation builds the reversed index, or reads
    // it from the standard cache (LECTOR_CACHE_DIR=off for the build; a second run for the cache).
    for (source, target, word) in [("ru", "en", "собака"), ("cs", "en", "pes"), ("en", "ja", "dog"), ("ja", "en", "犬"),
                                   ("uk", "en", "собака"), ("de", "en", "Hund"), ("en", "de", "dog")] {
        let lexicon = Lexicon.load(source: source, target: target, paths: paths)
        _ = lexicon.hasTranslations(from: source, to: target)  // both direct indexes, measured above
        measure("Lexicon \(source)→\(target): first translation") {
            (nil, lexicon.translations(of: word, from: source, to: target).prefix(3).map(\.text).joined(separator: ", "))
        }
        measure("Lexicon \(source)→\(target): second translation") {
            (nil, lexicon.translations(of: word, from: source, to: target).prefix(3).map(\.text).joined(separator: ", "))
        }
    }
    if let meCab = LexicalResource.meCabDictionary(in: paths) {
        try? measure("MeCab \((meCab.folder as NSString).lastPathComponent): load") {
            let analyzer = try MeCabAnalyzer(dictionaryFolder: meCab.folder)
            return (analyzer, "\(analyzer.charset)")
        }
        measure("MeCab: first lemmas (Lexicon, shared analyser)") {
            (nil, Lexicon.load(source: "ja", target: "en", paths: paths).lemmas(of: "行きました", language: "ja").joined(separator: ", "))
        }
    }
    measure("WordNet: first antonym lookup") {
        (nil, Lexicon.load(source: "en", target: "de", paths: paths).antonyms(of: "increase").joined(separator: ", "))
    }
    measure("WordNet: synonyms, second lookup") {
        (nil, Lexicon.load(source: "en", target: "de", paths: paths).synonyms(of: "big").prefix(3).joined(separator: ", "))
    }
    // WordNet's morphy alone, on a WordNet of its own: `Lexicon.lemmas` adds Hunspell's stems
    // (the en_US load, on the first call) and shares the WordNet the rows above opened. The
    // first call maps the exception lists it binary-searches; nothing is parsed ahead.
    if let folder = WordNet.locate(in: paths), let wordNet = try? WordNet(folder: folder) {
        measure("WordNet: lemmas (morphy), first call, maps the exception lists") {
            (nil, wordNet.lemmas(of: "negotiations").joined(separator: ", "))
        }
        measure("WordNet: lemmas (morphy), second call") {
            (nil, wordNet.lemmas(of: "went").joined(separator: ", "))
        }
    }
}

// MARK: - Matching with stems

/// A small seeded generator, so the synthetic texts are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Glossary names and some of their case forms per language (as in InflectedMatchingTests).
let names: [String: [(String, [String])]] = [
    "ru": [("Зеленский", ["Зеленского", "Зеленскому", "Зеленским"]), ("Киев", ["Киева", "Киеве", "Киевом"]),
           ("Харьков", ["Харькова", "Харькове"]), ("Кулеба", ["Кулебы", "Кулебой"])],
    "uk": [("Зеленський", ["Зеленського", "Зеленському"]), ("Київ", ["Києва", "Києві", "Києвом"]),
           ("Харків", ["Харкова", "Харкові"]), ("Львів", ["Львова", "Львові"])],
    "pl": [("Kijów", ["Kijowa", "Kijowie", "Kijowem"]), ("Charków", ["Charkowa", "Charkowie"]),
           ("Lwów", ["Lwowa", "Lwowie"]), ("Zełenski", ["Zełenskiego", "Zełenskim"])],
    "cs": [("Kyjev", ["Kyjeva", "Kyjevě", "Kyjevem"]), ("Charkov", ["Charkova", "Charkově"]),
           ("Lvov", ["Lvova", "Lvově"]), ("Zelenskyj", ["Zelenského", "Zelenským"])],
]

/// Real text of the language from the shared data where there is some (ru: MLQE-PE sources; cs:
/// CED machine translations), with the case forms of the names inserted every 40 words.
func realText(_ language: String) -> String? {
    let files: [String: (String, String)] = [
        "ru": ("../../shared/data/mlqe-pe/ru-en/dev.tsv ../../shared/data/mlqe-pe/ru-en/test20.tsv", "source"),
        "cs": ("../../shared/data/ced/en-cs/train.tsv", "mt"),
    ]
    guard let (paths, column) = files[language] else { return nil }
    var lines: [Substring] = []
    for (number, path) in paths.split(separator: " ").enumerated() {
        guard let text = try? String(contentsOfFile: String(path), encoding: .utf8) else { return nil }
        lines += text.split(separator: "\n").dropFirst(number == 0 ? 0 : 1)
    }
    let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false)
    guard let index = header.firstIndex(where: { $0 == column }) else { return nil }
    let forms = names[language]!.flatMap(\.1)
    var words: [Substring] = []
    for line in lines {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == header.count else { continue }
        words += fields[index].split(separator: " ")
    }
    var output = ""
    for (position, word) in words.enumerated() {
        output += word + " "
        if position % 40 == 39 { output += forms[position / 40 % forms.count] + " " }
    }
    return output
}

/// Words of the Hunspell dictionary (entries without their flags), in random order: text in which
/// nearly every word form is new, the worst case for the stem cache.
func dictionaryText(_ language: String, words count: Int) -> String? {
    guard let files = LexicalResource.hunspellFiles(language, in: paths),
          let data = FileManager.default.contents(atPath: files.dictionary) else { return nil }
    let encoding: String.Encoding = language == "pl" ? .isoLatin2 : .utf8
    guard let text = String(data: data, encoding: encoding) else { return nil }
    let entries = text.split(separator: "\n").dropFirst().compactMap { line -> Substring? in
        let word = line.prefix { $0 != "/" && $0 != "\t" && $0 != " " }
        return word.count >= 2 && word.allSatisfy(\.isLetter) ? word : nil
    }
    var generator = SplitMix(state: 42)
    let forms = names[language]!.flatMap(\.1)
    var output = ""
    for position in 0..<count {
        output += (position % 40 == 39 ? Substring(forms[position / 40 % forms.count]) : entries.randomElement(using: &generator)!) + " "
    }
    return output
}

if all || arguments.contains("match") {
    print("")
    print("| target | text | MB | endings only | with Hunspell stems, first pass | same index, second pass | matches (endings / stems) |")
    // (CPU time of matching; the dictionary is loaded before the clock starts)
    print("|---|---|---|---|---|---|---|")
    for language in ["ru", "uk", "pl", "cs"] {
        let glossary = Glossary(name: "profile-\(language)", concepts: names[language]!.enumerated().map { index, name in
            Concept(id: "c\(index)", terms: [Term(text: name.0, language: language, status: .preferred)])
        })
        var texts: [(String, String)] = []
        if let real = realText(language) { texts.append((language == "ru" ? "MLQE-PE sources" : "CED MT", real)) }
        if let synthetic = dictionaryText(language, words: 200_000) { texts.append(("random dictionary words", synthetic)) }
        for (label, text) in texts {
            let document = SourceDocument(path: "\(language).txt", text: text)
            let megabytes = Double(text.utf8.count) / 1_048_576
            var cells: [String] = []
            var counts: [Int] = []
            for (stems, passes) in [(false, 1), (true, 2)] {
                let resourcePaths = stems ? paths : ResourcePaths(folders: ["/nonexistent"])
                let index = try GlossaryIndex(glossaries: [glossary], targetLanguage: language, schemes: [],
                                              resourcePaths: resourcePaths)
                // Loads the dictionary (and adds the names to it) before timing.
                _ = index.inflectedForms(of: names[language]![0].0, like: names[language]![0].1[0])
                for _ in 0..<passes {
                    let start = cpuSeconds()
                    let found = try GlossaryMatcher(index: index).matches(in: document)
                    let elapsed = cpuSeconds() - start
                    cells.append(String(format: "%.2f s = %.1f MB/s", elapsed, megabytes / elapsed))
                    if counts.count < 2 { counts.append(found.count) }
                }
            }
            print(String(format: "| %@ | %@ | %.1f | %@ | %@ | %@ | %d / %d |", language, label as NSString, megabytes,
                         cells[0] as NSString, cells[1] as NSString, cells[2] as NSString, counts[0], counts[1]))
        }
    }
}
