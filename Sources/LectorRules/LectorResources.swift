import Foundation
import LectorText

/// Data files shipped with LectorRules (`Sources/LectorRules/Resources`).
enum LectorResources {
    static let folder = ResourceFolder(bundle: .module, marker: "Garbled")

    static func path(of relativePath: String) -> String? { folder.path(of: relativePath) }

    static func files(in folder: String, withExtension ext: String) -> [String] {
        self.folder.files(in: folder, withExtension: ext)
    }
}
