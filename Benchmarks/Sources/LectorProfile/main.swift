import BenchmarkCorpus
import Foundation
import LectorICU
import LectorKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A plain driver over the benchmark corpus, for `perf record`, callgrind and quick before/after
// comparisons (package-benchmark runs are slow and hide the phases).
//
//   lector-profile load N [REPS]            Checker init on N concepts
//   lector-profile check N [REPS] [DUMP]    check() on the 10 MiB text; DUMP: write the findings
//   lector-profile check N REPS - match-only   GlossaryMatcher.matches alone
//   lector-profile phases N                 time of each phase of check() (matching, every rule, …)
//   lector-profile segment                  ICU word segmentation alone on the text
//   lector-profile longline 0 [REPS]        check() on one 10 MB line with 54,347 findings
//   lector-profile longhtml 0 [REPS]        the same line in HTML: read (masking), check, plan fixes
//
// Prints wall time, thread CPU time, MB/s (10^6 bytes) and peak RSS.

func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func wallSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) * 1024 / 1e6
}

/// glibc's per-arena statistics, on stderr (LECTOR_MALLOC_STATS=1).
@_silgen_name("malloc_stats") func mallocStats()

func currentRSSMegabytes() -> Double {
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var size = 0, resident = 0
    guard withUnsafeMutablePointer(to: &size, { s in withUnsafeMutablePointer(to: &resident) { r in
        vfscanf_helper(file, s, r) } }) else { return 0 }
    return Double(resident) * Double(sysconf(Int32(_SC_PAGESIZE))) / 1e6
}

func vfscanf_helper(_ file: UnsafeMutablePointer<FILE>, _ size: UnsafeMutablePointer<Int>, _ resident: UnsafeMutablePointer<Int>) -> Bool {
    var buffer = [CChar](repeating: 0, count: 128)
    guard fgets(&buffer, 128, file) != nil else { return false }
    let fields = String(cString: buffer).split(separator: " ")
    guard fields.count >= 2, let s = Int(fields[0]), let r = Int(fields[1]) else { return false }
    size.pointee = s
    resident.pointee = r
    return true
}

func timed<T>(_ label: String, bytes: Int? = nil, _ body: () throws -> T) rethrows -> T {
    let wall = wallSeconds()
    let cpu = threadCPUSeconds()
    let result = try body()
    let wallTime = wallSeconds() - wall
    let cpuTime = threadCPUSeconds() - cpu
    var line = "\(label): wall \(String(format: "%.1f", wallTime * 1000)) ms, cpu \(String(format: "%.1f", cpuTime * 1000)) ms"
    if let bytes {
        line += String(format: ", %.1f MB/s (wall), %.1f MB/s (cpu)", Double(bytes) / wallTime / 1e6, Double(bytes) / cpuTime / 1e6)
    }
    line += String(format: ", peak RSS %.0f MB, RSS now %.0f MB", peakRSSMegabytes(), currentRSSMegabytes())
    print(line)
    fflush(nil)
    return result
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    print("usage: lector-profile load|check|phases|segment [N] [REPS] [DUMP]")
    exit(2)
}
let concepts = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1

print(String(format: "start: peak RSS %.0f MB", peakRSSMegabytes()))
if command == "layout" {
    print("GlossaryMatch \(MemoryLayout<GlossaryMatch>.stride) B, Term \(MemoryLayout<Term>.stride) B, Finding \(MemoryLayout<Finding>.stride) B")
    exit(0)
}
switch command {
case "load":
    let glossary = Corpus.glossary(concepts: concepts).glossary
    print(String(format: "glossary generated: peak RSS %.0f MB, RSS now %.0f MB", peakRSSMegabytes(), currentRSSMegabytes()))
    if getenv("LECTOR_MALLOC_STATS") != nil { mallocStats() }
    for _ in 0..<repetitions {
        let checker = try timed("load \(concepts)") {
            try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "en"))
        }
        print("variants \(checker.index.variantCount), entries \(checker.index.entryCount)")
        withExtendedLifetime(checker) {
            if getenv("LECTOR_MALLOC_STATS") != nil { mallocStats() }
        }
    }

case "check", "phases":
    let all = Corpus.glossary(concepts: Corpus.largestGlossary)
    let text = Corpus.text(names: all.names)
    let glossary = concepts == Corpus.largestGlossary ? all.glossary : Corpus.glossary(concepts: concepts).glossary
    let bytes = text.utf8.count
    print(String(format: "data generated: peak RSS %.0f MB", peakRSSMegabytes()))
    // LECTOR_DISABLE=rule,rule: check without these rules (to attribute time and memory).
    let disabled = Set((getenv("LECTOR_DISABLE").map { String(cString: $0) } ?? "").split(separator: ",").map(String.init))
    let checker = try timed("load \(concepts)") {
        try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "en", disabledRules: disabled))
    }
    if command == "check" && arguments.count > 4 && arguments[4] == "match-only" {
        let document = SourceDocument(path: "generated.txt", text: text)
        let matcher = try GlossaryMatcher(index: checker.index)
        for _ in 0..<repetitions {
            let matches = timed("matches", bytes: bytes) { matcher.matches(in: document) }
            print("matches \(matches.count)")
        }
    } else if command == "check" {
        var findings: [Finding] = []
        for _ in 0..<repetitions {
            findings = timed("check", bytes: bytes) {
                checker.check(SourceDocument(path: "generated.txt", text: text))
            }
        }
        print("findings \(findings.count)")
        if arguments.count > 3, arguments[3] != "-" {
            var out = ""
            for finding in findings {
                out += "\(finding.ruleID)\t\(finding.location.line):\(finding.location.column)\t\(finding.text)\t"
                out += "\(finding.message)\t\(finding.suggestion ?? "-")\t\(finding.isSafeFix)\t\(finding.sentence ?? "-")\n"
            }
            FILE_write(arguments[3], out)
        }
    } else {
        for _ in 0..<repetitions {
            let document = timed("SourceDocument", bytes: bytes) { SourceDocument(path: "generated.txt", text: text) }
            let matcher = try GlossaryMatcher(index: checker.index)
            let matches = timed("matches", bytes: bytes) { matcher.matches(in: document) }
            print("matches \(matches.count)")
            let context = CheckContext(document: document, index: checker.index, glossaryMatches: matches)
            for rule in RuleRegistry.all {
                let instance = rule.init()
                let found = timed("rule \(rule.description.id)", bytes: bytes) { instance.findings(in: context) }
                if !found.isEmpty { print("  \(found.count) findings") }
            }
        }
    }

case "translit":
    // Every built-in scheme on every Cyrillic term of the glossary, as variant derivation does.
    let glossary = Corpus.glossary(concepts: concepts).glossary
    let schemes = try TransliterationScheme.builtIn()
    let terms = glossary.concepts.flatMap(\.terms).filter { ["uk", "ru"].contains($0.language) }
    print("\(terms.count) Cyrillic terms, \(schemes.count) schemes")
    for scheme in schemes {
        let transliterator = try scheme.makeTransliterator()
        let applicable = terms.filter { scheme.languages.contains($0.language) }
        var total = 0
        timed("\(scheme.id) on \(applicable.count) terms") {
            for term in applicable { total += transliterator.transliterate(term.text).utf8.count }
        }
    }

case "dump":
    // dump LANG GLOSSARY TEXT OUT: glossary matches and findings, for before/after comparisons.
    // GLOSSARY: a path or corpus:N; TEXT: a path or corpus.
    let language = arguments[1]
    let glossary: Glossary
    if arguments[2].hasPrefix("corpus:") {
        glossary = Corpus.glossary(concepts: Int(arguments[2].dropFirst(7))!).glossary
    } else {
        glossary = try GlossaryLoader.load(path: arguments[2])
    }
    let text = arguments[3] == "corpus"
        ? Corpus.text(names: Corpus.glossary(concepts: Corpus.largestGlossary).names)
        : try SourceDocument.load(path: arguments[3]).text
    let checker = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: language))
    let document = SourceDocument(path: "text", text: text)
    var out = "variants \(checker.index.variantCount) entries \(checker.index.entryCount)\n"
    for match in try GlossaryMatcher(index: checker.index).matches(in: document) {
        out += "\(match.range) \(match.suffixLength) \(match.conceptIndex) \(match.kind) \(match.hasInnerInflection)\n"
    }
    for finding in checker.check(document) {
        out += "\(finding.ruleID)\t\(finding.location.line):\(finding.location.column)\t\(finding.text)\t"
        out += "\(finding.message)\t\(finding.suggestion ?? "-")\t\(finding.isSafeFix)\t\(finding.sentence ?? "-")\n"
    }
    FILE_write(arguments[4], out)

case "translit2":
    // Does transliteration scale over two threads (each with its own transliterators)?
    let glossary = Corpus.glossary(concepts: concepts).glossary
    let terms = glossary.concepts.flatMap(\.terms).filter { ["uk", "ru"].contains($0.language) }.map(\.text)
    let id = arguments.count > 3 ? arguments[3] : "Cyrillic-Latin"
    let one = try Transliterator(id: id)
    timed("\(id), 1 thread, \(terms.count) terms") { for term in terms { _ = one.transliterate(term) } }
    let wall = wallSeconds()
    DispatchQueue.concurrentPerform(iterations: 2) { part in
        let transliterator = try! Transliterator(id: id)
        for index in stride(from: part, to: terms.count, by: 2) { _ = transliterator.transliterate(terms[index]) }
    }
    print(String(format: "\(id), 2 threads: wall %.1f ms", (wallSeconds() - wall) * 1000))

case "anylatin":
    // Is "Any-Latin; Latin-ASCII" the same as "Latin-ASCII" after "Cyrillic-Latin" on Cyrillic terms?
    var texts = Corpus.glossary(concepts: concepts).glossary.concepts.flatMap(\.terms).map(\.text)
    if arguments.count > 3 { texts += try GlossaryLoader.load(path: arguments[3]).concepts.flatMap(\.terms).map(\.text) }
    let any = try Transliterator(id: "Any-Latin; Latin-ASCII")
    let cyrillic = try Transliterator(id: "Cyrillic-Latin")
    let ascii = try Transliterator(id: "Latin-ASCII")
    var differences = 0
    var checked = 0
    for text in texts where text.unicodeScalars.contains(where: { Script.code(of: $0) == Script.cyrillic }) {
        checked += 1
        let direct = any.transliterate(text)
        let composed = ascii.transliterate(cyrillic.transliterate(text))
        if direct != composed {
            differences += 1
            if differences < 20 { print("\(text): \(direct) vs \(composed)") }
        }
    }
    print("\(checked) Cyrillic terms, \(differences) differences")
    timed("Any-Latin; Latin-ASCII") { for text in texts { _ = any.transliterate(text) } }
    let latin = texts.map { cyrillic.transliterate($0) }
    timed("Latin-ASCII on Cyrillic-Latin output") { for text in latin { _ = ascii.transliterate(text) } }

case "segment":
    let all = Corpus.glossary(concepts: 100)
    let text = Corpus.text(names: all.names)
    let units = LectorICU.UTF16.encode(text)
    let segmenter = try TextSegmenter(.word, locale: "en")
    for _ in 0..<repetitions {
        var words = 0
        timed("ICU word segmentation", bytes: text.utf8.count) {
            units.withUnsafeBufferPointer { buffer in
                segmenter.forEachSegment(in: buffer) { segment in
                    if segment.kind.isWordLike { words += 1 }
                }
            }
        }
        print("words \(words)")
    }

case "longline":
    // One line of 10 MB with a deprecated `Kiev` every 184 bytes (54,347 findings): time linear in
    // the line's length and its findings (issue 9: 1.6 MB took 93 s when each location walked
    // from the line's start). Run from Benchmarks/ so that ../Glossaries is the shipped glossary.
    let unit = "The road to Kiev is long and the weather in the capital is cold this winter, said the officials "
        + "who met on Monday in the old town hall near the river bank again. The talks will go on. "
    let text = String(repeating: unit, count: 10_000_000 / unit.utf8.count) + "\n"
    let glossary = try GlossaryLoader.load(path: "../Glossaries/ukraine-war.tbx")
    let checker = try timed("load house glossary") { try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "en")) }
    for _ in 0..<repetitions {
        let findings = timed("check one 10 MB line", bytes: text.utf8.count) {
            checker.check(SourceDocument(path: "longline.txt", text: text))
        }
        print("findings \(findings.count)")
    }

case "longhtml":
    // The same as `longline` in HTML, read as `check` reads it (prose only, tags masked): one line of
    // 10 MB with 54,347 `Kiev` among inline tags, links and entities (issue 9: 320 KB of such a line
    // with 20,000 findings took over 120 s). Run from Benchmarks/.
    let unit = "<p>The road to <b>Kiev</b> is long and the <a href=\"https://example.org/Kiev\">weather</a> in the "
        + "capital is cold this winter, said the officials &amp; who met on Monday in the old hall.</p>"
    let html = "<html><body>" + String(repeating: unit, count: 10_000_000 / unit.utf8.count) + "</body></html>\n"
    let glossary = try GlossaryLoader.load(path: "../Glossaries/ukraine-war.tbx")
    let checker = try timed("load house glossary") { try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "en")) }
    for _ in 0..<repetitions {
        let file = try timed("read one 10 MB HTML line (mask all but prose)", bytes: html.utf8.count) {
            try EditableFileLoader.read(Data(html.utf8), path: "longline.html")
        }
        let findings = timed("check it", bytes: html.utf8.count) { checker.check(file.document) }
        let plan = timed("plan its fixes", bytes: html.utf8.count) { FixPlanner().plan(file, findings: findings) }
        print("findings \(findings.count), fixes \(plan.replacements.count)")
    }

default:
    print("unknown command \(command)")
    exit(2)
}

func FILE_write(_ path: String, _ text: String) {
    guard let file = fopen(path, "w") else { return }
    fputs(text, file)
    fclose(file)
}
