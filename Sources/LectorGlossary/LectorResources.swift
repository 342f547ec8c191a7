import Foundation
import LectorText

/// Data files shipped with LectorGlossary (`Sources/LectorGlossary/Resources`).
enum LectorResources {
    static let folder = ResourceFolder(bundle: .module, marker: "Transliteration")

    static func path(of relativePath: String) -> String? { folder.path(of: relativePath) }

    static func files(in folder: String, withExtension ext: String) -> [String] {
        self.folder.files(in: folder, withExtension: ext)
    }
}
