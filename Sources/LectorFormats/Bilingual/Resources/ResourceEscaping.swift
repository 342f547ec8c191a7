import LectorText

/// How a replacement is written in the mobile resource formats, so that the platform reads it back
/// as the same text (`fix`).
extension ReplacementEscaping {
    /// A quoted string of an Apple `.strings` file: `\\`, `\"`, `\n`, `\t`, `\r`, and `\UXXXX` for
    /// the other control characters (which Xcode's reader accepts and an editor would not show).
    public static let appleStrings = ReplacementEscaping { text in
        backslashEscaped(text) { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? "\\U" + hex4(scalar.value) : String(scalar)
        }
    }

    /// The text of an Android `<string>` or `<item>` as `aapt` reads it (`AndroidText.resolve`), in
    /// XML character data (`xml`: `.xmlText`, or `.xmlCDATA` inside a CDATA section).
    ///
    /// Android gives `\`, `'`, `"`, `@` and `?` a meaning, so they get a backslash; a line break and
    /// a tab are `\n` and `\t`. Outside quotes Android folds runs of white space into one space and
    /// trims the ends, so a space that is not a single one between two other characters of the
    /// replacement (at its edges, or after another space), and any other white space, is written
    /// `\uXXXX`, which Android reads as that character and never folds.
    public static func androidString(in xml: ReplacementEscaping) -> ReplacementEscaping {
        ReplacementEscaping { text in
            var out = ""
            let scalars = Array(text.unicodeScalars)
            for (index, scalar) in scalars.enumerated() {
                switch scalar {
                case "\\", "'", "\"", "@", "?":
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case " " where index > 0 && index < scalars.count - 1 && !scalars[index - 1].properties.isWhitespace:
                    out += " "
                default:
                    if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F {
                        out += "\\u" + hex4(scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return xml.escape(out)
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
