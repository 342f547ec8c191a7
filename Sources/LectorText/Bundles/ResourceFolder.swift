import Foundation

/// The copied `Resources` folder of one target's bundle. Each target that ships data files
/// (`LectorGlossary`, `LectorRules`, `LectorKit`) has its own bundle and wraps one of these in
/// its `LectorResources`.
package struct ResourceFolder: Sendable {
    package let root: URL?

    /// `marker` is a subfolder the target ships: where a bundle keeps its resources differs
    /// between platforms (on Linux `resourceURL` already ends in `Resources`), so look for it.
    package init(bundle: Bundle, marker: String) {
        let candidates = [bundle.resourceURL?.appendingPathComponent("Resources"), bundle.resourceURL,
                          bundle.bundleURL.appendingPathComponent("Resources")].compactMap { $0 }
        root = candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path)
        }
    }

    /// Full path of a resource, for example `Inflection/en.txt`, if it exists.
    package func path(of relativePath: String) -> String? {
        guard let url = root?.appendingPathComponent(relativePath) else { return nil }
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
    }

    /// Files of one resource folder, sorted by name.
    package func files(in folder: String, withExtension ext: String) -> [String] {
        guard let directory = root?.appendingPathComponent(folder),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { directory.appendingPathComponent($0).path }
    }
}
