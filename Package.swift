// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Lector",
    products: [
        .library(name: "LectorKit", targets: ["LectorKit"]),
        .library(name: "LectorICU", targets: ["LectorICU"]),
        .library(name: "LectorLexicon", targets: ["LectorLexicon"]),
        .library(name: "LectorMeCab", targets: ["LectorMeCab"]),
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
        // The system MeCab (libmecab-dev; its dictionary mecab-ipadic-utf8 at run time): Japanese
        // lemmas. No pkg-config file on Debian: the module map links libmecab by name.
        .systemLibrary(
            name: "CMeCab",
            path: "Sources/CMeCab",
            providers: [.apt(["libmecab-dev", "mecab-ipadic-utf8"]), .brew(["mecab", "mecab-ipadic"])]
        ),
        .target(name: "LectorMeCab", dependencies: ["CMeCab"]),
        // Hunspell, FreeDict, WordNet and MeCab behind one Lexicon service.
        .target(name: "LectorLexicon", dependencies: ["LectorHunspell", "LectorZlib", "LectorMeCab"]),
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
        // The layers, each importing only those below it (the compiler enforces the order):
        // LectorICU → LectorText → LectorFormats (which alone imports LectorXML) → LectorGlossary → LectorRules → LectorKit → lector;
        // LectorLexicon (over LectorHunspell and LectorZlib) sits beside them, under LectorGlossary.
        // Text as Lector reads it: documents, findings, word segmentation, extraction of numbers,
        // dates and quotations, sentence alignment.
        .target(name: "LectorText", dependencies: ["LectorICU"], exclude: ["Resources"], plugins: ["EmbedResources"]),
        // Files into plain values: the XML walker, bilingual readers (XLIFF, TMX, PO, JSONL),
        // glossary readers (TBX, CSV) and the glossary model, atomic file writers.
        .target(name: "LectorFormats", dependencies: ["LectorText", "LectorXML"]),
        // A glossary made searchable: variants and transliteration schemes, the index, the matcher,
        // inflection rules, lexicons.
        .target(
            name: "LectorGlossary",
            dependencies: ["LectorFormats", "LectorLexicon"],
            exclude: ["Resources"], plugins: ["EmbedResources"]
        ),
        // The rule protocol, the contexts rules read, one file per rule, and the registry.
        .target(
            name: "LectorRules",
            dependencies: ["LectorGlossary"],
            exclude: ["Resources"], plugins: ["EmbedResources"]
        ),
        // The embeddable library: checker pipeline, lint session, configuration, baseline,
        // suppressions, fixes, reporters, reports. `import LectorKit` re-exports the layers below.
        .target(
            name: "LectorKit",
            dependencies: ["LectorRules", .product(name: "Yams", package: "Yams"),
                           .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Resources"], plugins: ["EmbedResources"]
        ),
        // Evaluation against public data sets (`lector eval`); not part of the LectorKit product.
        .target(name: "LectorEvaluation", dependencies: ["LectorKit"]),
        // Thin command-line shell over LectorKit.
        .executableTarget(
            name: "lector",
            dependencies: [
                "LectorKit",
                "LectorEvaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Resources are compiled into the targets that have them (see Plugins/EmbedResources), so an
        // installed binary needs no bundle beside it.
        .executableTarget(name: "ResourceEmbedder", path: "Sources/ResourceEmbedder"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["ResourceEmbedder"]),
        .target(name: "LectorTestSupport", dependencies: ["LectorKit", "LectorEvaluation"], path: "Tests/LectorTestSupport"),
        .testTarget(name: "LectorICUTests", dependencies: ["LectorICU"]),
        .testTarget(name: "LectorLexiconTests", dependencies: ["LectorLexicon", "LectorHunspell", "LectorZlib", "LectorMeCab", "LectorTestSupport"]),
        .testTarget(name: "LectorXMLTests", dependencies: ["LectorXML"]),
        .testTarget(name: "LectorKitTests", dependencies: ["LectorKit", "LectorEvaluation", "LectorTestSupport"],
                    exclude: ["Golden", "Schemas", "Fixtures"]),
        .testTarget(name: "LectorCLITests", dependencies: ["lector", "LectorTestSupport"]),
    ]
)
