import LectorText

/// Loads a glossary file by its extension: `.tbx`/`.xml` as TBX, `.csv` and `.tsv` as tables.
public enum GlossaryLoader {
    public static func load(path: String) throws(InputError) -> Glossary {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") {
            return try CSVGlossaryReader.read(contentsOf: path)
        }
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") {
            return try TBXGlossaryReader.read(contentsOf: path)
        }
        throw InputError(file: path, message: "unknown glossary format; use .tbx, .csv or .tsv")
    }
}
