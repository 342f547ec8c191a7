import Foundation
import LectorKit

/// Paths and shared objects for tests.
public enum Fixtures {
    /// The package root, found from this file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    public static let houseGlossaryPath = path("Glossaries/ukraine-war.tbx")
    public static let seedArticlePath = path("Examples/seed-article.en.txt")
    public static let seedSourcePath = path("Examples/seed-article.de.txt")

    /// The seed's German source and English article, whole: the real text most fast-path tests
    /// hold a fast path against the slow one on.
    public static let seedTexts: [String] = [seedSourcePath, seedArticlePath].map { try! String(contentsOfFile: $0, encoding: .utf8) }
    /// Their lines, the German first, one string each.
    public static let seedLines: [String] = seedTexts.flatMap { $0.split(separator: "\n").map(String.init) }

    /// The shipped house glossary, loaded once.
    public static let houseGlossary: Glossary = try! GlossaryLoader.load(path: houseGlossaryPath)

    /// A checker over the house glossary for English text, compiled once.
    public static let englishChecker: Checker = try! Checker(CheckConfiguration(glossaries: [houseGlossary]))

    nonisolated(unsafe) private static var bilingualCheckers: [String: Checker] = [:]
    private static let bilingualCheckersLock = NSLock()

    /// A checker over the house glossary for one language pair, compiled once per pair.
    public static func bilingualChecker(from source: String, to target: String) -> Checker {
        bilingualCheckersLock.lock()
        defer { bilingualCheckersLock.unlock() }
        let key = source + ">" + target
        if let checker = bilingualCheckers[key] { return checker }
        let checker = try! Checker(CheckConfiguration(glossaries: [houseGlossary], targetLanguage: target, sourceLanguage: source))
        bilingualCheckers[key] = checker
        return checker
    }

    /// The folder that holds every temporary directory of this test process. It is removed when the
    /// process exits, so a test run leaves nothing behind in the system's temporary folder (before,
    /// each run left thousands of directories there).
    public static let temporaryRoot: URL = {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("lector-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Fixtures.temporaryRoot) }
        return root
    }()

    /// A fresh temporary directory, removed with `temporaryRoot` when the process exits.
    public static func temporaryDirectory() -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `contents` to a new temporary file with the given name and returns its path.
    public static func write(_ contents: String, named name: String) -> String {
        let url = temporaryDirectory().appendingPathComponent(name)
        try! contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    public static func write(_ data: Data, named name: String) -> String {
        let url = temporaryDirectory().appendingPathComponent(name)
        try! data.write(to: url)
        return url.path
    }
}

/// A text with `↓` markers split into the plain text and the UTF-16 offsets of the markers.
public struct MarkedText {
    public let text: String
    public let markers: [Int]

    public init(_ marked: String) {
        var text = ""
        var markers: [Int] = []
        for character in marked {
            if character == "↓" { markers.append(text.utf16.count) } else { text.append(character) }
        }
        self.text = text
        self.markers = markers
    }
}
