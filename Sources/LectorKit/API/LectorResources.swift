import Foundation

/// Data files shipped with LectorKit (`Sources/LectorKit/Resources`).
enum LectorResources {
    /// The copied `Resources` folder. Where a bundle keeps its resources differs between
    /// platforms (on Linux `resourceURL` already ends in `Resources`), so look for it.
    static let root: URL? = {
        let bundle = Bundle.module
        let candidates = [bundle.resourceURL?.appendingPathComponent("Resources"), bundle.resourceURL,
                          bundle.bundleURL.appendingPathComponent("Resources")].compactMap { $0 }
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("Transliteration").path)
        }
    }()

    /// Full path of a resource, for example `Inflection/en.txt`, if it exists.
    static func path(of relativePath: String) -> String? {
        guard let url = root?.appendingPathComponent(relativePath) else { return nil }
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
    }

    /// Files of one resource folder, sorted by name.
    static func files(in folder: String, withExtension ext: String) -> [String] {
        guard let directory = root?.appendingPathComponent(folder),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { directory.appendingPathComponent($0).path }
    }
}
