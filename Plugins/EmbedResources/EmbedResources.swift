import Foundation
import PackagePlugin

/// Compiles a target's `Resources` folder into the target: every file becomes a constant of a
/// generated `EmbeddedResources.swift`, read through the generated `LectorResources` enum. An
/// installed `lector` is then one file that works with its build folder gone (a resource bundle
/// beside the build products made a copied binary die on its first lookup).
///
/// The target excludes `Resources` (so SwiftPM makes no bundle); this plugin lists the folder
/// itself, so a file added there is embedded on the next build without touching the manifest.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let folder = module.directoryURL.appending(path: "Resources")
        let files = try Self.files(below: folder)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [.buildCommand(
            displayName: "Embedding \(files.count) resource files in \(target.name)",
            executable: try context.tool(named: "ResourceEmbedder").url,
            // The file list is part of the command, so adding or removing a file re-runs it.
            arguments: [output.path, folder.path] + files.map { String($0.path.dropFirst(folder.path.count + 1)) },
            inputFiles: files,
            outputFiles: [output]
        )]
    }

    /// Regular files below `folder`, sorted; none if there is no such folder.
    static func files(below folder: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files.append(url.standardizedFileURL)
        }
        return files.sorted { $0.path < $1.path }
    }
}
