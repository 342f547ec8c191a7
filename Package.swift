// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Lector",
    products: [
        .library(name: "LectorKit", targets: ["LectorKit"]),
        .library(name: "LectorICU", targets: ["LectorICU"]),
        .library(name: "LectorLexicon", targets: ["LectorLexicon"]),
        .executable(name: "lector", targets: ["lector"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The system ICU (libicu-dev). Only LectorICU imports it; see Sources/CICU/shim.h for why.
        .systemLibrary(
            name: "CICU",
            path: "Sources/CICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // Swift facade over ICU. Must not import Foundation (header clash with Foundation's private ICU).
        .target(name: "LectorICU", dependencies: ["CICU"]),
        // The system Hunspell (libhunspell-dev) and zlib (zlib1g-dev); each has one Swift facade, its only importer.
        .systemLibrary(
            name: "CHunspell",
            path: "Sources/CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"]), .brew(["hunspell"])]
        ),
        .target(name: "LectorHunspell", dependencies: ["CHunspell"]),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "LectorZlib", dependencies: ["CZlib"]),
        // Hunspell, FreeDict and WordNet behind one Lexicon service.
        .target(name: "LectorLexicon", dependencies: ["LectorHunspell", "LectorZlib"]),
        // The embeddable library: document model, glossary, matching, rules, reporters.
        .target(
            name: "LectorKit",
            dependencies: ["LectorICU", "LectorLexicon", .product(name: "Yams", package: "Yams"),
                           .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Resources")]
        ),
        // Thin command-line shell over LectorKit.
        .executableTarget(
            name: "lector",
            dependencies: [
                "LectorKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "LectorTestSupport", dependencies: ["LectorKit"], path: "Tests/LectorTestSupport"),
        .testTarget(name: "LectorICUTests", dependencies: ["LectorICU"]),
        .testTarget(name: "LectorLexiconTests", dependencies: ["LectorLexicon", "LectorHunspell", "LectorZlib"]),
        .testTarget(name: "LectorKitTests", dependencies: ["LectorKit", "LectorTestSupport"],
                    exclude: ["Golden", "Schemas", "Fixtures"]),
        .testTarget(name: "LectorCLITests", dependencies: ["lector", "LectorTestSupport"]),
    ]
)
