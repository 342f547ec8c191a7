import Foundation
import LectorTestSupport
import Testing

/// The targets are layers (README, *Layout*): each imports only targets below it, each C library
/// has one Swift facade that alone imports it, and the ICU and libxml2 facades import no
/// Foundation. The compiler refuses an import of a target that is not a dependency; this test
/// also refuses a dependency, declared or imported, that points up or sideways, and an import of a
/// C module or front-end package from the wrong place.
@Suite struct LayeringTests {
    /// The layers, lowest first; a target may import targets of lower layers only.
    static let layers: [[String]] = [
        ["CICU", "CLibXML2", "CHunspell", "CZlib"],
        ["LectorICU", "LectorXML", "LectorHunspell", "LectorZlib"],
        ["LectorText", "LectorLexicon"],
        ["LectorFormats"],
        ["LectorGlossary"],
        ["LectorRules"],
        ["LectorKit"],
        ["LectorEvaluation"],
        ["lector"],
    ]

    static func layer(of target: String) -> Int? { layers.firstIndex { $0.contains(target) } }

    /// Modules that only one target may import: a C library's facade, the CLI's argument parser.
    static let soleImporters: [String: String] = [
        "CICU": "LectorICU", "CLibXML2": "LectorXML", "CHunspell": "LectorHunspell", "CZlib": "LectorZlib",
        "ArgumentParser": "lector",
    ]

    /// Every `import` of every Swift file under `Sources/TARGET`, by target.
    static func imports() throws -> [String: Set<String>] {
        let sources = Fixtures.path("Sources")
        let pattern = try NSRegularExpression(
            pattern: #"^[ \t]*(?:@\w+[ \t]+)*(?:(?:public|package|internal|private|fileprivate)[ \t]+)?import[ \t]+(?:(?:struct|class|enum|protocol|func|var|let|typealias)[ \t]+)?(\w+)"#,
            options: [.anchorsMatchLines])
        var result: [String: Set<String>] = [:]
        for target in try FileManager.default.contentsOfDirectory(atPath: sources) {
            let files = FileManager.default.enumerator(atPath: sources + "/" + target)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: "\(sources)/\(target)/\(file)", encoding: .utf8)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    result[target, default: []].insert((text as NSString).substring(with: match.range(at: 1)))
                }
            }
        }
        return result
    }

    @Test func noTargetImportsALayerAboveOrBesideIt() throws {
        let imports = try Self.imports()
        #expect(imports.keys.contains("LectorRules") && imports.keys.contains("lector"), "the scan found \(imports.keys.sorted())")
        for (target, modules) in imports {
            guard let own = Self.layer(of: target) else { continue }  // ResourceEmbedder: a build tool
            for module in modules {
                if let layer = Self.layer(of: module) {
                    #expect(layer < own, "\(target) imports \(module), which is not below it")
                }
                if let owner = Self.soleImporters[module] {
                    #expect(owner == target, "\(target) imports \(module); only \(owner) may")
                }
            }
        }
        for facade in ["LectorICU", "LectorXML"] {
            #expect(imports[facade]?.contains("Foundation") == false, "\(facade) imports Foundation")
        }
    }

    /// `Package.swift` declares the same order: every dependency of a target is of a lower layer.
    @Test func packageDeclaresTheLayers() throws {
        let manifest = try String(contentsOfFile: Fixtures.path("Package.swift"), encoding: .utf8)
        let target = try NSRegularExpression(pattern: #"\.(?:target|executableTarget)\(\s*name:\s*"(\w+)"\s*,\s*dependencies:\s*\[([^\]]*)\]"#)
        var checked = 0
        for match in target.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)) {
            let name = (manifest as NSString).substring(with: match.range(at: 1))
            guard let own = Self.layer(of: name) else { continue }
            let dependencies = (manifest as NSString).substring(with: match.range(at: 2))
            for dependency in dependencies.matches(of: /"(\w+)"/).map({ String($0.output.1) }) {
                guard let layer = Self.layer(of: dependency) else { continue }  // packages: Yams, Mustache …
                #expect(layer < own, "Package.swift: \(name) depends on \(dependency), which is not below it")
            }
            checked += 1
        }
        #expect(checked >= 12, "the manifest scan found \(checked) targets")
    }
}
