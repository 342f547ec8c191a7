import Foundation
@testable import LectorFormats
import LectorTestSupport
import LectorText
import Testing

/// `JSONLinesReader.record` reads plain records with `JSONRecordScanner` and leaves the rest to
/// `referenceRecord` (`JSONSerialization`): on many generated lines, well formed and not, both
/// must give the same unit (text byte for byte, id, languages, the target's runs and positions)
/// or the same error.
@Suite struct JSONRecordScannerTests {
    static let stringPieces = [
        "Kiew", " ", "der Krieg", "é", "Дмитрий", "😀", "{0}", "%s", "<b>", "\\n", "\\t", "\\r", "\\b", "\\f", "\\/",
        "\\\\", "\\\"", "\\u00e9", "\\u00E9", "\\u0041", "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\u0000", "\\u2028", "\\uFFFF",
        "\u{7F}", "e\u{301}", "a",
        // Not valid JSON, not a scalar, or U+FEFF (which JSONSerialization drops): the reference decides.
        "\u{FEFF}", "\\uFEFF", "\\ud800", "\\udc00", "\\ud800x", "\\ud800\\u0041", "\\x", "\\u12", "\\u12G4", "\u{01}", "\t", "\\",
    ]
    static let keys = ["source", "target", "id", "source_lang", "target_lang", "note", "meta", "", "é",
                       "sourc\\u0065", "\\u0074arget", "Source", "ids", "source_language"]
    static let numbers = ["0", "7", "-5", "-0", "12", "123456789012345678", "1234567890123456789", "12345678901234567890",
                          "1.5", "-1.25", "7.50", "0.000001", "1e3", "1E-2", "2.5e+10", "1e400", "01", "-", "1.", ".5", "+1", "0x10",
                          "1.1234567890123456789"]

    static func string(_ random: inout SeededGenerator) -> String {
        var text = "\""
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            // Mostly valid pieces, so that most strings are accepted.
            let valid = stringPieces.count - 12
            let piece = Int.random(in: 0..<40, using: &random) == 0 ? stringPieces.randomElement(using: &random)!
                : stringPieces[Int.random(in: 0..<valid, using: &random)]
            text += piece
        }
        return text + "\""
    }

    static func value(_ random: inout SeededGenerator, depth: Int = 0) -> String {
        switch Int.random(in: 0..<12, using: &random) {
        case 0...4: return string(&random)
        case 5, 6: return numbers.randomElement(using: &random)!
        case 7: return ["true", "false", "null", "tru", "nul", "True"].randomElement(using: &random)!
        case 8 where depth < 3:
            let items = (0..<Int.random(in: 0...3, using: &random)).map { _ in value(&random, depth: depth + 1) }
            return "[" + items.joined(separator: space(&random) + "," + space(&random)) + "]"
        case 9 where depth < 3:
            let members = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                "\"\(keys.randomElement(using: &random)!)\"" + space(&random) + ":" + space(&random) + value(&random, depth: depth + 1)
            }
            return "{" + members.joined(separator: ",") + "}"
        case 10: return String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        default: return string(&random)
        }
    }

    static func space(_ random: inout SeededGenerator) -> String {
        ["", "", "", " ", "  ", "\t", " \r "].randomElement(using: &random)!
    }

    /// A record: mostly `source`, `target` and `id` with values of their kind, then other keys.
    static func line(_ random: inout SeededGenerator) -> String {
        var members: [String] = []
        if Int.random(in: 0..<8, using: &random) != 0 { members.append("\"source\":" + space(&random) + string(&random)) }
        if Int.random(in: 0..<4, using: &random) != 0 {
            members.append("\"target\":" + space(&random) + (Int.random(in: 0..<8, using: &random) == 0 ? value(&random) : string(&random)))
        }
        if Int.random(in: 0..<2, using: &random) == 0 {
            let id = Int.random(in: 0..<2, using: &random) == 0 ? numbers.randomElement(using: &random)! : value(&random)
            members.append("\"id\":" + space(&random) + id)
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            members.append("\"\(keys.randomElement(using: &random)!)\"" + space(&random) + ":" + space(&random) + value(&random))
        }
        members.shuffle(using: &random)
        var line = space(&random) + "{" + space(&random) + members.joined(separator: space(&random) + "," + space(&random))
            + space(&random) + "}" + space(&random)
        switch Int.random(in: 0..<30, using: &random) {
        case 0: line = "\u{FEFF}" + line
        case 1: line += "x"
        case 2: line = line.replacingOccurrences(of: "}", with: ",}")
        case 3: line = "[" + line + "]"
        case 4: line = "   "
        case 5: line = "\u{A0}"
        case 6: line = ""
        case 7: line = "\"source\""
        case 8 where !line.isEmpty:
            // A byte of JSON's own syntax dropped or doubled.
            var characters = Array(line)
            let at = Int.random(in: 0..<characters.count, using: &random)
            if Bool.random(using: &random) { characters.remove(at: at) } else { characters.insert(characters[at], at: at) }
            line = String(characters)
        case 9: line += "\u{0C}"
        default: break
        }
        return line
    }

    static func describe(_ result: Result<JSONLinesReader.Record?, InputError>) -> String {
        switch result {
        case .failure(let error): return "error \(error)"
        case .success(nil): return "blank"
        case .success(let record?):
            let unit = record.unit
            let runs = unit.target?.verbatimRuns.map { $0.map { "\($0.text)@\($0.byteOffset)" } }
            return "id \(unit.id.map { Array($0.utf8) } as Any) source \(Array(unit.source.text.utf8)) line \(unit.source.line) "
                + "target \(unit.target.map { Array($0.text.utf8) } as Any) line \(unit.target?.line as Any) runs \(runs as Any) "
                + "positions \(unit.target?.positions ?? []) languages \(record.sourceLanguage as Any) \(record.targetLanguage as Any)"
        }
    }

    @Test func scannerReadsGeneratedLinesAsJSONSerializationDoes() {
        var random = SeededGenerator(seed: 14)
        var scanned = 0
        var referenced = 0
        let count = 20_000
        for number in 0..<count {
            let text = Self.line(&random)
            let byteOffset: Int? = number % 2 == 0 ? nil : 1000 + number
            let fast = Result { () throws(InputError) -> JSONLinesReader.Record? in try JSONLinesReader.record(text, line: 3, path: "x.jsonl", mappingTargetAt: byteOffset) }
            let reference = Result { () throws(InputError) -> JSONLinesReader.Record? in
                try JSONLinesReader.referenceRecord(text, line: 3, path: "x.jsonl", mappingTargetAt: byteOffset)
            }
            #expect(Self.describe(fast) == Self.describe(reference), "line \(number): \(text.debugDescription)")
            var copy = text
            if copy.withUTF8({ JSONRecordScanner.fields(of: $0, mappingTargetAt: byteOffset) }) != nil { scanned += 1 } else { referenced += 1 }
        }
        // Both paths must have been taken often (about 19 % of the lines are scanned), or the
        // comparison proves little.
        #expect(scanned > count / 10, "\(scanned) scanned, \(referenced) left to the reference")
        #expect(referenced > count / 10, "\(scanned) scanned, \(referenced) left to the reference")
    }

    @Test func edgeCasesReadAsJSONSerializationDoes() {
        let lines = [
            #"{"source": "a", "id": -0}"#, #"{"source": "a", "id": 123456789012345678}"#, #"{"source": "a", "id": 7.5}"#,
            #"{"source": "a", "target": null, "source_lang": "", "target_lang": 5}"#, #"{"source":"\u0000"}"#,
            #"{"source": "a", "target": "\ud83d\ude00 \"x\" é\n", "note": {"target": "y"}}"#, #"{"sourc\u0065": "a"}"#,
            #"{"source": "a", "source": "b"}"#, #"{"source": "a",}"#, #"{"source": "a", "x": [1,]}"#, #"{}"#, "",
            #"{"source": "a", "target": ""}"#, "{\"source\": \"a\u{FEFF}b\", \"target\": \"\u{FEFF}\"}", #"{"source": "a\uFEFFb"}"#, #"{"source": "a", "x": 1e400}"#, #"{"source": "a", "x": 0.0000000000000000001}"#,
            // Ids of 18 digits and more (found by the fuzzer: a 100-digit id overflowed the
            // scanner's Int64 before its digit count was tested).
            #"{"source": "a", "id": 999999999999999999}"#, #"{"source": "a", "id": 9999999999999999999}"#,
            #"{"source": "a", "id": -9999999999999999999}"#, #"{"source": "a", "id": 99999999999999999999}"#,
            "{\"source\": \"a\", \"id\": \(String(repeating: "9", count: 100))1}",
        ]
        for text in lines {
            for byteOffset in [nil, 40] {
                let fast = Result { () throws(InputError) -> JSONLinesReader.Record? in try JSONLinesReader.record(text, line: 1, path: "x.jsonl", mappingTargetAt: byteOffset) }
                let reference = Result { () throws(InputError) -> JSONLinesReader.Record? in
                    try JSONLinesReader.referenceRecord(text, line: 1, path: "x.jsonl", mappingTargetAt: byteOffset)
                }
                #expect(Self.describe(fast) == Self.describe(reference), "\(text.debugDescription)")
            }
        }
    }
}
