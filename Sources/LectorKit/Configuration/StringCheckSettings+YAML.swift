import LectorRules
import LectorText
import Yams

extension StringCheckSettings {
    /// The key of `.lector.yml` that holds these settings.
    public static let key = "strings"

    /// Reads the `strings:` mapping; errors name the file and line.
    public static func parse(_ node: Node, path: String) throws(InputError) -> StringCheckSettings {
        var settings = StringCheckSettings()
        guard let mapping = node.mapping else {
            throw InputError(file: path, line: node.mark?.line, message: "“strings” must be a mapping")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            func fail(_ message: String) -> InputError { InputError(file: path, line: value.mark?.line ?? keyNode.mark?.line, message: message) }
            let items: [String]
            if value.scalar != nil, let single = value.string {
                items = [single]
            } else if let sequence = value.sequence {
                var strings: [String] = []
                for item in sequence {
                    guard item.scalar != nil, let string = item.string else { throw fail("“strings.\(key)” must be a list of strings") }
                    strings.append(string)
                }
                items = strings
            } else {
                throw fail("“strings.\(key)” must be a list of strings")
            }
            switch key {
            case "placeholders":
                var syntaxes: Set<PlaceholderSyntax> = []
                for name in items {
                    guard let syntax = PlaceholderSyntax(rawValue: name) else {
                        throw fail("unknown placeholder syntax “\(name)”; known: "
                            + PlaceholderSyntax.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    syntaxes.insert(syntax)
                }
                settings.placeholderSyntaxes = syntaxes
            case "accelerator_markers":
                guard items.allSatisfy({ $0.count == 1 }) else { throw fail("accelerator markers are single characters") }
                settings.acceleratorMarkers = items.map { $0.first! }
            case "identical_allowed":
                settings.identicalAllowed = Set(items)
            default:
                throw InputError(file: path, line: keyNode.mark?.line,
                                 message: "unknown key “strings.\(key)”; known: placeholders, accelerator_markers, identical_allowed")
            }
        }
        return settings
    }
}
