import Foundation
import Mustache

/// The Mustache templates of the HTML and Markdown reports (`Resources/Templates`), parsed once.
///
/// Everything that comes from a document reaches a template only through `{{ }}`, which escapes:
/// swift-mustache's HTML escaping for `.html`, `MarkdownEscaping` for `.md` (whose templates start
/// with `{{% CONTENT_TYPE: MARKDOWN}}`). Triple braces are never used on document text.
enum ReportTemplates {
    enum Name: String {
        case html = "report.html"
        case markdown = "report.md"
    }

    private static let templates: Result<[Name: MustacheTemplate], InputError> = {
        // The content type must be known before the Markdown template is parsed.
        MustacheContentTypes.register(MarkdownEscaping(), named: MarkdownEscaping.name)
        var templates: [Name: MustacheTemplate] = [:]
        for name in [Name.html, .markdown] {
            let relative = "Templates/\(name.rawValue).mustache"
            guard let text = LectorResources.text(of: relative) else {
                return .failure(InputError(file: relative, message: "report template missing from LectorKit's resources"))
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch {
                return .failure(InputError(file: relative, message: "report template does not parse: \(error)"))
            }
        }
        return .success(templates)
    }()

    static func render(_ page: ReportPage, with name: Name) throws(InputError) -> String {
        switch templates {
        case .success(let templates): return templates[name]!.render(page)
        case .failure(let error): throw error
        }
    }
}

/// Escaping for document text in GitHub-flavoured Markdown, used by `{{ }}` in the `.md` template.
///
/// Text comes out as literal text wherever the template puts it, in a paragraph, a table cell or
/// inside inline HTML such as `<del>`: `<`, `>` and `&` become entities (so no tag, comment or
/// entity of the document is ever live), Markdown punctuation is backslash-escaped (emphasis,
/// code spans, links and images, strikethrough, math `$`, headings, table pipes), and line breaks
/// become `<br>`, which neither ends a table row nor a paragraph. The template never puts a
/// value at the start of a line, where `-`, `+` or `1.` would start a list.
struct MarkdownEscaping: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!", "$", "{", "}":
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "\n" where previousWasCR: break  // CR LF is one line break
            case "\n", "\r", "\u{2028}", "\u{2029}": output += "<br>"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
