import Foundation

/// Where Lector looks for lexical data: Hunspell dictionaries, FreeDict dictionaries (dictd format),
/// WordNet and MeCab's dictionary.
///
/// Folders are searched in order: the project's own (`resources:` in `.lector.yml`), then either the
/// folders of `LECTOR_DATA_PATH` (colon-separated; when set it replaces the standard locations, so a
/// machine can point Lector at Homebrew's data or at nothing) or the standard Debian and Homebrew
/// locations. Each folder is searched itself and in its `hunspell`, `myspell`, `dictd` and `wordnet`
/// subfolders, so `LECTOR_DATA_PATH=/opt/homebrew/share` finds `/opt/homebrew/share/hunspell/de_DE.dic`.
public struct ResourcePaths: Sendable, Hashable {
    public var folders: [String]

    public init(folders: [String]) { self.folders = folders }

    /// The standard locations: Debian's packages, Homebrew (Apple silicon and Intel), the user's own.
    public static let systemFolders = [
        "/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell", "/usr/share/dictd",
        "/usr/share/wordnet", "/usr/local/share/hunspell", "/usr/local/share/dictd",
        "/usr/local/share/wordnet", "/opt/homebrew/share/hunspell", "/opt/homebrew/share/dictd",
        "/opt/homebrew/share/wordnet", "/opt/homebrew/share/wordnet/dict", "/usr/local/share/wordnet/dict",
        "/var/lib/mecab/dic", "/opt/homebrew/lib/mecab/dic", "/usr/local/lib/mecab/dic",
    ]

    /// The search path for a project: its `resources:` folders (relative to `base`), then
    /// `LECTOR_DATA_PATH` or the standard locations. `LECTOR_DICTD_PATH` (the older variable) still
    /// replaces the standard dictd folders.
    public static func resolve(configured: [String] = [], relativeTo base: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> ResourcePaths {
        var folders = configured.map { path -> String in
            let expanded = (path as NSString).expandingTildeInPath
            guard let base, !expanded.hasPrefix("/") else { return expanded }
            return (base as NSString).appendingPathComponent(expanded)
        }
        if let data = environment["LECTOR_DATA_PATH"] {
            folders += data.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        } else {
            if let dictd = environment["LECTOR_DICTD_PATH"], !dictd.isEmpty {
                // The older variable replaces the standard dictd folders (tests hide FreeDict with it).
                folders.append(dictd)
                folders += systemFolders.filter { !$0.hasSuffix("/dictd") }
            } else {
                folders += systemFolders
            }
            if let home = environment["HOME"] {
                folders.append((home as NSString).appendingPathComponent("Library/Spelling"))
            }
        }
        return ResourcePaths(folders: folders)
    }

    /// The standard search path of this process (no project folders). Read from the environment
    /// at each use (tests change it between checks), but only the variables it depends on:
    /// copying the whole environment was a twentieth of a one-record document's time.
    public static var standard: ResourcePaths { resolve(environment: relevantEnvironment()) }

    /// The variables `resolve` reads, from the process environment.
    static func relevantEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["LECTOR_DATA_PATH", "LECTOR_DICTD_PATH", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    private static let subfolders = ["", "hunspell", "myspell", "myspell/dicts", "dictd", "wordnet", "wordnet/dict"]

    /// The first existing file with one of these names, in search order.
    public func firstFile(named names: [String]) -> String? {
        let manager = FileManager.default
        for folder in folders {
            for subfolder in Self.subfolders {
                let directory = subfolder.isEmpty ? folder : (folder as NSString).appendingPathComponent(subfolder)
                for name in names {
                    let path = (directory as NSString).appendingPathComponent(name)
                    if manager.isReadableFile(atPath: path) { return path }
                }
            }
        }
        return nil
    }

    /// Every file in the search folders whose name satisfies `matches` (first folder wins per name).
    public func files(where matches: (String) -> Bool) -> [String] {
        let manager = FileManager.default
        var seen = Set<String>()
        var result: [String] = []
        for folder in folders {
            for subfolder in Self.subfolders {
                let directory = subfolder.isEmpty ? folder : (folder as NSString).appendingPathComponent(subfolder)
                // A folder that is absent or unreadable holds no resource; `lector doctor` lists what was found.
                guard let names = try? manager.contentsOfDirectory(atPath: directory) else { continue }
                for name in names.sorted() where matches(name) && seen.insert(name).inserted {
                    result.append((directory as NSString).appendingPathComponent(name))
                }
            }
        }
        return result
    }
}
