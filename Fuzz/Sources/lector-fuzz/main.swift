import CFuzzerDriver
import Foundation
import LectorKit

/// One fuzz target per parser. Each reads the bytes as `lector` reads a file of that kind; a
/// thrown `InputError` (exit 2 with `file:line` in the CLI) is the right answer to bad input, and
/// anything else (a trap, an address error, a failed invariant) is a bug that libFuzzer reports
/// with the input that caused it.
enum FuzzTarget: String, CaseIterable {
    case tbx, xliff, tmx, po, jsonl, csv, markdown, html, config, text

    /// The name the input is read under: the extension chooses the reader, as for a real file.
    var path: String {
        switch self {
        case .tbx: "fuzz.tbx"
        case .xliff: "fuzz.xlf"
        case .tmx: "fuzz.tmx"
        case .po: "fuzz.po"
        case .jsonl: "fuzz.jsonl"
        case .csv: "fuzz.csv"
        case .markdown: "fuzz.md"
        case .html: "fuzz.html"
        case .config: "/fuzz/.lector.yml"
        case .text: "fuzz.txt"
        }
    }

    func run(_ data: Data) {
        do {
            switch self {
            case .tbx:
                _ = try TBXGlossaryReader.read(data: data, name: path)
            case .csv:
                // As `CSVGlossaryReader.read(contentsOf:)` does: decode, then parse; both delimiters.
                let text = try SourceDocument.decode(data, path: path).text
                _ = try? CSVGlossaryReader.read(text: text, name: path, delimiter: ",")
                _ = try CSVGlossaryReader.read(text: text, name: "fuzz.tsv", delimiter: "\t")
            case .config:
                _ = try ProjectConfiguration.parse(SourceDocument.decode(data, path: path).text, path: path)
            case .xliff, .tmx, .po, .jsonl, .markdown, .html, .text:
                let file = try EditableFileLoader.read(data, path: path)
                Self.checkInvariants(file, data: data)
            }
        } catch {
            // An input error is the expected answer to malformed input.
        }
    }

    /// What must hold for every file `fix` may write: with no finding nothing changes, and every
    /// verbatim run lies inside the file and the checked document.
    static func checkInvariants(_ file: EditableText, data: Data) {
        let utf16Count = file.document.utf16.count
        for run in file.runs {
            precondition(run.text.lowerBound >= 0 && run.text.upperBound <= utf16Count, "a verbatim run outside the document")
            precondition(run.byteOffset >= 0 && run.byteOffset <= file.original.count, "a verbatim run outside the file")
        }
        precondition(FixPlanner().plan(file, findings: []).fixedFileContents == data, "no finding, yet the file changed")
    }
}

nonisolated(unsafe) var selected = FuzzTarget.text

let usage = "usage: lector-fuzz TARGET [libFuzzer options] [corpus folders or inputs]\ntargets: "
    + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
var arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
if arguments[1] == "list" {
    print(FuzzTarget.allCases.map(\.rawValue).joined(separator: "\n"))
    exit(0)
}
guard let target = FuzzTarget(rawValue: arguments[1]) else {
    FileHandle.standardError.write(Data(("unknown target “\(arguments[1])”\n" + usage + "\n").utf8))
    exit(2)
}
selected = target
arguments.remove(at: 1)

var argc = Int32(arguments.count)
var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
let status = cArguments.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
        let data = count == 0 || bytes == nil ? Data() : Data(bytes: bytes!, count: count)
        selected.run(data)
        return 0
    }
}
exit(status)
