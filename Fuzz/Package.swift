// swift-tools-version:6.1
import PackageDescription

// Fuzz targets for Lector's parsers, kept out of the main package so `swift test` never builds
// them: they need a sanitizer build (see `Scripts/fuzz` and the README's Fuzzing section).
let package = Package(
    name: "LectorFuzz",
    dependencies: [
        .package(name: "Lector", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver, which `Scripts/fuzz` links in from the
        // toolchain's libclang_rt.fuzzer_no_main.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "lector-fuzz",
            dependencies: ["CFuzzerDriver", .product(name: "LectorKit", package: "Lector")]
        ),
    ]
)
