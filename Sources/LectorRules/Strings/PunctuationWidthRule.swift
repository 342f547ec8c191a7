import LectorText
import LectorFormats
import LectorGlossary

/// Half-width punctuation typed between Chinese or Japanese characters, where those languages
/// write full-width marks: `文件已保存.`, `你好,世界!` (`。`, `，`, `！`). Only a mark that ends the
/// string or runs straight into the next Chinese or Japanese character is reported: a mark followed
/// by a space (`用法: %s`, `場合, 標準`) is the Western spacing some projects write on purpose, and a
/// mark after a digit or a Latin letter belongs to a number, a name, a URL or code (`3.5`,
/// `Wi-Fi,`, `example.com`). Japanese is held to `、` and `。` only: its UI texts write `:` `?` `!`
/// half-width as often as not. A mark the source uses inside a token (`USER:GROUP`,
/// `app;tool`, `test-output.%s`) is a separator and stays, as does a run of dots (an ellipsis,
/// which `punctuation.end` compares). Placeholders, tags and accelerator markers are not text.
public struct PunctuationWidthRule: UnitRule {
    public static let description = RuleDescription(
        id: "punctuation.width",
        name: "Half-width punctuation",
        summary: "A Chinese or Japanese translation has half-width punctuation (`,` `.` `?` `!` `:` `;`) between or after its own characters, where the language writes full-width marks.",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample(unit: "文件已保存↓.", source: "File saved.", from: "en", to: "zh"),
            RuleExample(unit: "你好↓,世界↓!", source: "Hello, world!", from: "en", to: "zh"),
            RuleExample(unit: "ファイルを保存しました↓.", source: "File saved.", from: "en", to: "ja"),
            RuleExample(unit: "确定要删除吗↓?", source: "Delete it?", from: "en", to: "zh"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "文件已保存。", source: "File saved.", from: "en", to: "zh"),
            RuleExample(unit: "你好，世界！", source: "Hello, world!", from: "en", to: "zh"),
            RuleExample(unit: "版本 3.5 已发布", source: "Version 3.5 released", from: "en", to: "zh"),
            RuleExample(unit: "请连接 Wi-Fi, 然后重试", source: "Connect to Wi-Fi, then retry", from: "en", to: "zh"),
            RuleExample(unit: "访问 https://example.com/a?b=1.", source: "Visit https://example.com/a?b=1.", from: "en", to: "zh"),
            RuleExample(unit: "加载中...", source: "Loading...", from: "en", to: "zh"),
            RuleExample(unit: "打开文件.txt", source: "Open file.txt", from: "en", to: "zh"),
            RuleExample(unit: "用法: %s [选项]", source: "Usage: %s [OPTION]", from: "en", to: "zh"),
            RuleExample(unit: "应用;程序;工具", source: "app;program;tool", from: "en", to: "zh"),
            RuleExample(unit: "更新の詳細:", source: "Details about the update:", from: "en", to: "ja"),
            RuleExample(unit: "파일이 저장되었습니다.", source: "File saved.", from: "en", to: "ko"),
        ]
    )

    public init() {}

    /// Languages that write full-width punctuation after their own characters.
    static let fullWidthLanguages: Set<String> = ["zh", "ja", "yue"]

    /// Each half-width mark and its full-width form; Japanese writes the comma `、`, and only its
    /// comma and full stop are asked for.
    static func fullWidth(of unit: UInt16, language: String) -> String? {
        switch unit {
        case 0x2C: return language == "ja" ? "、" : "，"
        case 0x2E: return "。"
        case 0x3F where language != "ja": return "？"
        case 0x21 where language != "ja": return "！"
        case 0x3A where language != "ja": return "："
        case 0x3B where language != "ja": return "；"
        default: return nil
        }
    }

    /// The marks the source writes between two characters of a token (`USER:GROUP`, `a;b`).
    static func separators(in source: String) -> Set<UInt16> {
        let units = Array(source.utf16)
        var result = Set<UInt16>()
        for index in units.indices.dropFirst().dropLast()
        where fullWidth(of: units[index], language: "zh") != nil && !isSpace(units[index - 1]) && !isSpace(units[index + 1]) {
            result.insert(units[index])
        }
        return result
    }

    static func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0xA0 }

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        let language = context.targetPrimaryLanguage
        guard Self.fullWidthLanguages.contains(language) else { return [] }
        let units = pair.maskedTarget(settings: context.strings)
        var findings: [RuleFinding] = []
        var separators: Set<UInt16>?
        for index in units.indices {
            guard let replacement = Self.fullWidth(of: units[index], language: language), index > 0,
                  Self.isChineseOrJapanese(before: index, in: units),
                  index + 1 == units.count || Self.isChineseOrJapanese(before: index + 2, in: units) else { continue }
            if separators == nil { separators = Self.separators(in: pair.source) }
            if separators!.contains(units[index]) { continue }
            let mark = Character(Unicode.Scalar(units[index])!)
            findings.append(RuleFinding(range: pair.range(index..<(index + 1)),
                                        message: "half-width `\(mark)` after \(language == "ja" ? "Japanese" : "Chinese") text; the language writes `\(replacement)`",
                                        suggestion: replacement))
        }
        return findings
    }

    /// Whether the character before `index` is a Han ideograph or kana (surrogate pairs included).
    /// For the character after a mark at `i`, ask at `i + 2`: a pair's high surrogate there is no
    /// letter, so a mark followed by a character outside the BMP is not read as followed by text.
    static func isChineseOrJapanese(before index: Int, in units: [UInt16]) -> Bool {
        let last = units[index - 1]
        let value: UInt32
        if (0xDC00...0xDFFF).contains(last), index >= 2, (0xD800...0xDBFF).contains(units[index - 2]) {
            value = 0x10000 + ((UInt32(units[index - 2]) - 0xD800) << 10) + (UInt32(last) - 0xDC00)
        } else {
            value = UInt32(last)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        // Kana (ひらがな, カタカナ and the long-vowel mark ー) are not Han but are Japanese text.
        if (0x3040...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value) { return true }
        return scalar.properties.isIdeographic
    }
}
