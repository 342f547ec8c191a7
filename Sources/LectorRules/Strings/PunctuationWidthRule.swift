/// Half-width punctuation typed between Chinese or Japanese characters, where those languages
/// write full-width marks: `文件已保存.`, `你好,世界!` (`。`, `，`, `！`). A mark is reported when it
/// ends the string, runs straight into the next Chinese or Japanese character, or is followed by
/// spaces and then such a character (`你好, 世界`: the full-width mark carries its own space, so the
/// finding covers the spaces too). A mark followed by a space and anything else (`用法: %s`,
/// `错误: File`) is a label before a value and stays, and a mark after a digit or a Latin letter
/// belongs to a number, a name, a URL or code (`3.5`, `Wi-Fi,`, `example.com`). Japanese is held
/// to `、` and `。`, and to `？` and `！` where the source asks or exclaims with `?` or `!` itself;
/// its colon stays free (`更新の詳細:`, `トーク:` are how Japanese UI texts and wikis write it). A
/// mark the source uses inside a token (`USER:GROUP`, `app;tool`, `test-output.%s`) is a separator
/// and stays, as does a run of dots (an ellipsis, which `punctuation.end` compares). Placeholders,
/// tags and accelerator markers are not text.
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
            RuleExample(unit: "你好↓, 世界", source: "Hello, world", from: "en", to: "zh"),
            RuleExample(unit: "削除しますか↓?", source: "Delete it?", from: "en", to: "ja"),
            RuleExample(unit: "警告↓!ファイルが見つかりません。", source: "Warning! File not found.", from: "en", to: "ja"),
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
            RuleExample(unit: "文件: %s 已保存", source: "File: %s saved", from: "en", to: "zh"),
            RuleExample(unit: "错误: File not found", source: "Error: File not found", from: "en", to: "zh"),
            RuleExample(unit: "本当ですか?", source: "Really.", from: "en", to: "ja"),
            RuleExample(unit: "削除しますか？", source: "Delete it?", from: "en", to: "ja"),
            RuleExample(unit: "파일이 저장되었습니다.", source: "File saved.", from: "en", to: "ko"),
        ]
    )

    public init() {}

    /// Languages that write full-width punctuation after their own characters.
    static let fullWidthLanguages: Set<String> = ["zh", "ja", "yue"]

    /// Each half-width mark and its full-width form; Japanese writes the comma `、`, and is asked
    /// for its comma and full stop, and for `？` `！` only when `sourceMarks` has the mark (a
    /// question or an exclamation the source wrote, not one the translator chose to add).
    static func fullWidth(of unit: UInt16, language: String, sourceMarks: Set<UInt16> = []) -> String? {
        switch unit {
        case 0x2C: return language == "ja" ? "、" : "，"
        case 0x2E: return "。"
        case 0x3F where language != "ja" || sourceMarks.contains(unit): return "？"
        case 0x21 where language != "ja" || sourceMarks.contains(unit): return "！"
        case 0x3A where language != "ja": return "："
        case 0x3B where language != "ja": return "；"
        default: return nil
        }
    }

    /// The question and exclamation marks of the source, half-width or full-width (as
    /// half-width), for Japanese's `？` `！`.
    static func questionAndExclamationMarks(in source: String) -> Set<UInt16> {
        var marks = Set<UInt16>()
        for unit in source.utf16 {
            switch unit {
            case 0x3F, 0xFF1F: marks.insert(0x3F)
            case 0x21, 0xFF01: marks.insert(0x21)
            default: break
            }
        }
        return marks
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
        let sourceMarks = language == "ja" ? Self.questionAndExclamationMarks(in: pair.source) : []
        var findings: [RuleFinding] = []
        var separators: Set<UInt16>?
        // The unmasked text, read only where a mark has spaces after it.
        lazy var raw = Array(pair.target.utf16)
        for index in units.indices {
            guard let replacement = Self.fullWidth(of: units[index], language: language, sourceMarks: sourceMarks), index > 0,
                  Self.isChineseOrJapanese(before: index, in: units) else { continue }
            var end = index + 1
            if end < units.count, Self.isSpace(units[end]) {
                // Spaces then Chinese or Japanese text: Western spacing inside a sentence. The
                // unmasked text decides what follows, so a space before a placeholder (`名前: %s
                // さん`, masked as spaces) stays a label's space.
                var next = end
                while next < raw.count, Self.isSpace(raw[next]), raw[next] != 0x0A, raw[next] != 0x0D { next += 1 }
                guard next < raw.count, Self.isChineseOrJapanese(before: next + 1, in: raw) else { continue }
                end = next
            } else if end < units.count, !Self.isChineseOrJapanese(before: index + 2, in: units) {
                continue
            }
            if separators == nil { separators = Self.separators(in: pair.source) }
            if separators!.contains(units[index]) { continue }
            let mark = Character(Unicode.Scalar(units[index])!)
            let text = language == "ja" ? "Japanese" : "Chinese"
            let message = end > index + 1
                ? "half-width `\(mark)` and a space in \(text) text; the language writes `\(replacement)`, which carries its own space"
                : "half-width `\(mark)` after \(text) text; the language writes `\(replacement)`"
            findings.append(RuleFinding(range: pair.range(index..<end), message: message, suggestion: replacement))
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
