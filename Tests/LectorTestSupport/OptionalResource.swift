import Foundation
import LectorKit

/// System resources that some tests need and a fresh machine may lack. Such a test is declared
/// `@Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))`, so it skips
/// with the package to install instead of failing. `Scripts/install-dependencies` (which `.ci/run`
/// calls) installs them all, so they run in CI.
///
/// To see the skips on a machine that has everything: `LECTOR_DICTD_PATH=/nonexistent` hides
/// FreeDict, `LECTOR_TEST_HIDE=chromium,patch,jsonschema` hides those tools. Tests of the evaluation
/// data beside the repository (`sharedData`) skip in a clone without it.
public enum OptionalResource {
    /// FreeDict's English and German headword lists (names.missing tells names from words by them).
    public static var freeDict: Bool { Lexicon.forLanguage("en") != nil && Lexicon.forLanguage("de") != nil }
    public static let freeDictMissing: String =
        "needs FreeDict: apt-get install -y dict-freedict-eng-deu dict-freedict-deu-eng (Scripts/install-dependencies does)"

    /// Headless Chromium, to render the HTML report.
    public static var chromium: Bool { ExternalTool.isInstalled("chromium") }
    public static let chromiumMissing: String = "needs chromium: apt-get install -y chromium (Scripts/install-dependencies does)"

    /// Python's jsonschema module for the `python3` on PATH, to validate SARIF.
    public static let jsonschema: Bool = {
        guard !ExternalTool.isHidden("jsonschema"), let python = ExternalTool.path(of: "python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import jsonschema"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
    public static let jsonschemaMissing: String =
        "needs Python's jsonschema: python3 -m pip install jsonschema (Scripts/install-dependencies does)"

    /// The public evaluation data beside the repository (`../shared/data`: MLQE-PE and the WMT
    /// terminology sets), read where it lies and never copied into the repository. A clone made
    /// elsewhere lacks it. Under `CI=true` a missing directory counts as present: the tests then
    /// fail on it rather than skip, because CI's checkout has the data and must run them.
    public static let sharedData: Bool = {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        let data = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return ["mlqe-pe/ro-en/dev.tsv", "mlqe-pe/ru-en/dev.tsv", "terminology/wmt21-en-fr-dev/dev.tsv"].allSatisfy {
            FileManager.default.fileExists(atPath: data.appendingPathComponent($0).path)
        }
    }()
    public static let sharedDataMissing: String =
        "needs the evaluation data in ../shared/data beside the repository (MLQE-PE, WMT terminology)"
}
