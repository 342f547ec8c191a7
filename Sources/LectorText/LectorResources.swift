import Foundation

/// Data files shipped with LectorText (`Sources/LectorText/Resources`).
enum LectorResources {
    static let folder = ResourceFolder(bundle: .module, marker: "Numbers")

    static func path(of relativePath: String) -> String? { folder.path(of: relativePath) }
}
