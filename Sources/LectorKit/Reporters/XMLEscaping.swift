/// Escaping for the XML reporters (JUnit, Checkstyle), kept in one place so that both treat odd
/// input the same way.
///
/// Messages and paths come from glossaries and file names, so they may hold anything: markup
/// characters, quotes, and control characters that XML 1.0 does not allow at all, not even as
/// character references. A CI server that cannot parse the report shows nothing, so characters XML
/// cannot carry become U+FFFD rather than breaking the document.
enum XMLEscaping {
    /// Escapes character data (the text between tags).
    static func text(_ string: String) -> String {
        escape(string, inAttribute: false)
    }

    /// Escapes an attribute value for use between double quotes. Tab, line feed and carriage return
    /// become character references, because a parser normalizes literal ones in attributes to spaces.
    static func attribute(_ string: String) -> String {
        escape(string, inAttribute: true)
    }

    private static func escape(_ string: String, inAttribute: Bool) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(string.unicodeScalars.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where inAttribute: output += "&quot;"
            case "\t" where inAttribute: output += "&#9;"
            case "\n" where inAttribute: output += "&#10;"
            case "\r": output += "&#13;"  // a literal CR would be read back as LF, in text too
            default:
                output.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return output
    }

    /// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    /// (Swift strings never hold surrogates, so only the gaps below U+0020 and U+FFFE/U+FFFF remain.)
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }
}
