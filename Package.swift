// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Lector",
    products: [
        .library(name: "LectorKit", targets: ["LectorKit"]),
        .library(name: "LectorICU", targets: ["LectorICU"]),
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
        // The system libxml2 (libxml2-dev). Only LectorXML imports it.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "pkg-config"])]
        ),
        // Swift facade over libxml2's SAX2 push parser: the one way Lector reads XML (no entities,
        // nothing fetched, streamed). Does not import Foundation.
        .target(name: "LectorXML", dependencies: ["CLibXML2"]),
        // The embeddable library: document model, glossary, matching, rules, reporters.
        .target(
            name: "LectorKit",
            dependencies: ["LectorICU", "LectorXML", .product(name: "Yams", package: "Yams"),
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
        .testTarget(name: "LectorXMLTests", dependencies: ["LectorXML"]),
        .testTarget(name: "LectorKitTests", dependencies: ["LectorKit", "LectorTestSupport"],
                    exclude: ["Golden", "Schemas", "Fixtures"]),
        .testTarget(name: "LectorCLITests", dependencies: ["lector", "LectorTestSupport"]),
    ]
)
