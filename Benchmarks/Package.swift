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
        .package(url: "https://github.com/ordo-one/package-benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LectorBenchmarks",
            dependencies: [
                .product(name: "LectorKit", package: "Lector"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/LectorBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "package-benchmark"),
            ]
        ),
    ]
)
