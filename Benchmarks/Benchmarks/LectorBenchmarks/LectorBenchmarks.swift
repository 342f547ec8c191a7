import Benchmark
import BenchmarkCorpus
import LectorKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// LectorKit performance: `check` throughput on 10 MiB of generated English news text, glossary
// load (building a `Checker`: index plus all derived variants), and peak resident memory.
// Glossaries of 100, 10,000 and 100,000 generated concepts; one core, no concurrency.
//
// package-benchmark runs every benchmark in a process of its own, so the data is generated in
// each benchmark's setup (not measured) and never shared between benchmarks.

/// Checked UTF-8 text per second, in kB/s (1 kB = 1000 bytes; 25000 kB/s = 25 MB/s), computed
/// per iteration from that iteration's wall time. Printed unscaled.
let checkedKBPerSecond = BenchmarkMetric.custom("Checked kB/s (UTF-8)", polarity: .prefersLarger, useScalingFactor: false)
/// The same from the thread's CPU time: less disturbed when other processes share the cores.
let checkedKBPerCPUSecond = BenchmarkMetric.custom("Checked kB/s (UTF-8, CPU time)", polarity: .prefersLarger,
                                                    useScalingFactor: false)
/// Findings per check, to show the rules had work to do.
let findingsMetric = BenchmarkMetric.custom("Findings", polarity: .prefersSmaller, useScalingFactor: false)
/// Glossary matches per document.
let matchesMetric = BenchmarkMetric.custom("Matches", polarity: .prefersSmaller, useScalingFactor: false)
/// Variants derived while building the index.
let variantsMetric = BenchmarkMetric.custom("Derived variants", polarity: .prefersSmaller, useScalingFactor: false)

let glossarySizes = [100, 10_000, 100_000]

/// CPU time of the calling thread, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func label(_ concepts: Int) -> String {
    concepts >= 1000 ? "\(concepts / 1000)k concepts" : "\(concepts) concepts"
}

struct CheckSetup: @unchecked Sendable {
    let checker: Checker
    let text: String
    let bytes: Int
}

struct MatchSetup: @unchecked Sendable {
    let matcher: GlossaryMatcher
    let document: SourceDocument
    let bytes: Int
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .peakMemoryResident, .peakMemoryResidentDelta, .mallocCountTotal],
        timeUnits: .milliseconds,
        units: [.peakMemoryResident: .mega, .peakMemoryResidentDelta: .mega, checkedKBPerSecond: .count,
                checkedKBPerCPUSecond: .count],
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(30),
        maxIterations: 10
    )

    // 1 + 3. `check` on the whole text once per iteration: MB/s = text size / wall clock.
    for concepts in glossarySizes {
        Benchmark(
            "check 10 MiB, \(label(concepts))",
            configuration: .init(
                metrics: Benchmark.defaultConfiguration.metrics + [checkedKBPerSecond, checkedKBPerCPUSecond, findingsMetric]
            )
        ) { (benchmark: Benchmark, setup: CheckSetup) in
            let clock = ContinuousClock()
            var findings = 0
            for _ in benchmark.scaledIterations {
                let start = clock.now
                let cpuStart = threadCPUSeconds()
                let result = setup.checker.check(SourceDocument(path: "generated.txt", text: setup.text))
                let elapsed = clock.now - start
                let cpuSeconds = threadCPUSeconds() - cpuStart
                findings = result.count
                blackHole(result)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                benchmark.measurement(checkedKBPerSecond, Int(Double(setup.bytes) / seconds / 1000))
                benchmark.measurement(checkedKBPerCPUSecond, Int(Double(setup.bytes) / cpuSeconds / 1000))
            }
            benchmark.measurement(findingsMetric, findings)
        } setup: {
            let all = Corpus.glossary(concepts: Corpus.largestGlossary)
            let text = Corpus.text(names: all.names)
            let glossary = concepts == Corpus.largestGlossary
                ? all.glossary
                : Corpus.glossary(concepts: concepts).glossary
            let checker = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "en"))
            return CheckSetup(checker: checker, text: text, bytes: text.utf8.count)
        }
    }

    // 1b. Glossary matching alone (`GlossaryMatcher.matches`): the part of `check` that depends on
    // the glossary's size. The document is made in setup.
    for concepts in glossarySizes {
        Benchmark(
            "match 10 MiB, \(label(concepts))",
            configuration: .init(
                metrics: Benchmark.defaultConfiguration.metrics + [checkedKBPerSecond, checkedKBPerCPUSecond, matchesMetric]
            )
        ) { (benchmark: Benchmark, setup: MatchSetup) in
            let clock = ContinuousClock()
            var matches = 0
            for _ in benchmark.scaledIterations {
                let start = clock.now
                let cpuStart = threadCPUSeconds()
                let result = setup.matcher.matches(in: setup.document)
                let elapsed = clock.now - start
                let cpuSeconds = threadCPUSeconds() - cpuStart
                matches = result.count
                blackHole(result)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                benchmark.measurement(checkedKBPerSecond, Int(Double(setup.bytes) / seconds / 1000))
                benchmark.measurement(checkedKBPerCPUSecond, Int(Double(setup.bytes) / cpuSeconds / 1000))
            }
            benchmark.measurement(matchesMetric, matches)
        } setup: {
            let all = Corpus.glossary(concepts: Corpus.largestGlossary)
            let text = Corpus.text(names: all.names)
            let glossary = concepts == Corpus.largestGlossary
                ? all.glossary
                : Corpus.glossary(concepts: concepts).glossary
            let checker = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "en"))
            return MatchSetup(matcher: try GlossaryMatcher(index: checker.index),
                              document: SourceDocument(path: "generated.txt", text: text), bytes: text.utf8.count)
        }
    }

    // 2. Glossary load: compiling the index with every variant derived (the glossary is built in setup).
    for concepts in glossarySizes {
        Benchmark(
            "load (build Checker), \(label(concepts))",
            configuration: .init(
                metrics: Benchmark.defaultConfiguration.metrics + [variantsMetric],
                maxIterations: concepts >= 100_000 ? 5 : 10
            )
        ) { (benchmark: Benchmark, glossary: Glossary) in
            var variants = 0
            for _ in benchmark.scaledIterations {
                do {
                    let checker = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "en"))
                    variants = checker.index.variantCount
                    blackHole(checker)
                } catch {
                    benchmark.error("Checker init failed: \(error)")
                }
            }
            benchmark.measurement(variantsMetric, variants)
        } setup: {
            Corpus.glossary(concepts: concepts).glossary
        }
    }
}
