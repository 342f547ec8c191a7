import Foundation
import LectorICU
import LectorLexicon
import LectorText

/// The forms of CLDR's unit names that `UnitWords` reads from ICU, kept in the lexicon disk cache
/// per locale. ICU writes them only through its number formatter: three formatters a unit, each
/// building its whole pipeline for each sample number, 238 M of the 1,504 M instructions a
/// ten-unit de→en check costs (`de`, `en` and `en_001`), for a list that changes only with ICU.
///
/// A stored list is trusted only for the files it was made from (`DerivedTables`: the
/// executable, which holds the catalogue, and ICU's files); the locale and the catalogue's stems
/// are the key, compared with the stored copy; the payload's checksum is checked by
/// `LexiconDiskCache`. Where a source cannot be named, the forms are read from ICU every time.
enum UnitNameStore {
    /// The forms of the catalogue's units in `locale` (`UnitWords.catalogueForms(locale:)`).
    static func forms(locale: String, cache: LexiconDiskCache = .standard) throws(ICUError) -> [[MeasureUnitNames.Form]] {
        let key = Self.key(locale: locale)
        return try DerivedTables.table(
            kind: .unitNames, key: key, cache: cache, decode: { decode($0, key: key) }, encode: { encode($0, key: key) },
            make: { () throws(ICUError) in try UnitWords.catalogueForms(locale: locale) })
    }

    /// What the forms depend on besides the files.
    static func key(locale: String) -> String {
        "units:" + locale + "\u{1E}" + UnitWords.catalogueStems.joined(separator: "\u{1F}")
    }

    /// The cache's sections: the key, then `unit US B|A US text RS` per form, in order. `nil`
    /// where a form holds a separator (CLDR's do not), so that such a list is never stored.
    static func encode(_ forms: [[MeasureUnitNames.Form]], key: String) -> [Data]? {
        var text = ""
        for (unit, unitForms) in forms.enumerated() {
            for form in unitForms {
                guard DerivedTables.isStorable(form.text) else { return nil }
                text += "\(unit)\u{1F}\(form.isBeforeNumber ? "B" : "A")\u{1F}\(form.text)\u{1E}"
            }
        }
        return [Data(key.utf8), Data(text.utf8)]
    }

    /// The forms of checked sections made for `key`; `nil` for anything else (read from ICU again).
    static func decode(_ sections: [Data]?, key: String) -> [[MeasureUnitNames.Form]]? {
        guard let sections, sections.count == 2, sections[0] == Data(key.utf8),
              let text = String(data: sections[1], encoding: .utf8),
              let records = DerivedTables.records(text, "\u{1E}") else { return nil }
        var forms = [[MeasureUnitNames.Form]](repeating: [], count: UnitWords.catalogueStems.count)
        var lastUnit = 0
        for record in records {
            let fields = record.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard fields.count == 3, let unit = Int(fields[0]), unit >= lastUnit, unit < forms.count,
                  fields[1] == "B" || fields[1] == "A", !fields[2].isEmpty else { return nil }
            forms[unit].append(MeasureUnitNames.Form(text: String(fields[2]), isBeforeNumber: fields[1] == "B"))
            lastUnit = unit
        }
        return forms
    }
}
