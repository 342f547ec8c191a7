// swift-tools-version:6.1
// Performance benchmarks for LectorKit, kept in their own package so that the main package
// does not depend on package-benchmark. Run from this directory:
//   swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "LectorBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Lector", path: ".."),
        // The trait list replaces the package's defaults (MallocInterposer + RuntimeInterposer);
        // the runtime interposer is not needed and its package is not available here.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The generated glossaries and text, shared by the benchmarks and the profiling driver.
        .target(
            name: "BenchmarkCorpus",
            dependencies: [.product(name: "LectorKit", package: "Lector")]
        ),
        // A plain executable over the same data, for perf/callgrind and phase timings:
        //   swift run -c release LectorProfile check 100000
        .executableTarget(
            name: "LectorProfile",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "LectorKit", package: "Lector"),
                .product(name: "LectorICU", package: "Lector"),
            ]
        ),
        // Load time and memory of Hunspell, FreeDict and WordNet; Hunspell stems in matching:
        //   swift run -c release LexiconProfile
        .executableTarget(
            name: "LexiconProfile",
            dependencies: [.product(name: "LectorKit", package: "Lector"), .product(name: "LectorMeCab", package: "Lector")]
        ),
        .executableTarget(
            name: "LectorBenchmarks",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "LectorKit", package: "Lector"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LectorBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
