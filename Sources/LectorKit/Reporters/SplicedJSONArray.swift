import Foundation

/// Pretty-printed JSON with one large array, encoded an element at a time.
///
/// Foundation's `JSONEncoder` builds a tree of the whole value before it writes a byte, which for a
/// SARIF log of 150,000 results took more than six times the size of the output. Here the container
/// is encoded with the array empty, each element is encoded alone and indented to its depth, and the
/// elements are spliced in: the same bytes as encoding the whole value with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, with memory for the output and one element.
enum SplicedJSONArray {
    static func render<Container: Encodable, Elements: Collection>(
        _ container: Container, emptyArrayKey key: String, elements: Elements
    ) -> String? where Elements.Element: Encodable {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return render(container, emptyArrayKey: key, elements: elements) { element, indent, output in
            guard let encoded = try? encoder.encode(element) else { return false }
            output.append(contentsOf: indent)
            for byte in encoded {
                output.append(byte)
                if byte == UInt8(ascii: "\n") { output.append(contentsOf: indent) }
            }
            return true
        }
    }

    /// `render(_:emptyArrayKey:elements:)` with each element written by `write` (`CompactJSON`
    /// indented to the array's depth) rather than encoded by `JSONEncoder`: the same bytes, for
    /// elements that are flat objects of strings, whole numbers and booleans.
    static func render<Container: Encodable, Elements: Collection>(
        _ container: Container, emptyArrayKey key: String, elements: Elements,
        write: (Elements.Element, inout CompactJSON) -> Void
    ) -> String? {
        render(container, emptyArrayKey: key, elements: elements) { element, indent, output in
            var json = CompactJSON(prettyIndent: indent)
            json.append(contentsOf: indent)
            write(element, &json)
            output.append(contentsOf: json.bytes)
            return true
        }
    }

    /// The container encoded with its array empty, and `append` writing each element (indented
    /// by the bytes it is given) where the array's elements go.
    private static func render<Container: Encodable, Elements: Collection>(
        _ container: Container, emptyArrayKey key: String, elements: Elements,
        append: (Elements.Element, _ indent: [UInt8], _ output: inout [UInt8]) -> Bool
    ) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Reports hold strings and whole numbers only: JSONEncoder fails on nothing but non-finite floats.
        guard let skeleton = try? encoder.encode(container) else { return nil }
        // An empty array prints as `"key" : [`, an empty line, then the closing bracket's indentation.
        let opening = Array("\"\(key)\" : [\n\n".utf8)
        guard let start = skeleton.firstRange(of: opening) else { return nil }
        var closing = start.upperBound
        while closing < skeleton.endIndex, skeleton[closing] == UInt8(ascii: " ") { closing += 1 }
        guard closing < skeleton.endIndex, skeleton[closing] == UInt8(ascii: "]") else { return nil }
        let outerIndent = closing - start.upperBound
        let indent = [UInt8](repeating: UInt8(ascii: " "), count: outerIndent + 2)

        var output: [UInt8] = []
        output.reserveCapacity(skeleton.count + elements.count * 512)
        output.append(contentsOf: skeleton[..<start.lowerBound])
        output.append(contentsOf: opening.dropLast())  // one newline: the empty line is for an empty array
        if elements.isEmpty { output.append(UInt8(ascii: "\n")) }
        for (index, element) in elements.enumerated() {
            if index > 0 { output.append(contentsOf: ",\n".utf8) }
            guard append(element, indent, &output) else { return nil }
        }
        if !elements.isEmpty { output.append(UInt8(ascii: "\n")) }
        output.append(contentsOf: skeleton[start.upperBound...])
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }
}
