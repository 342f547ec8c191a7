import Foundation
import LectorICU
import LectorLexicon

/// The places of a language pair (`NameCorrespondence.Places`) kept in the lexicon disk cache:
/// reading CLDR's names of every territory and language through ICU and transliterating their
/// words into skeletons cost 144 M of the 1,504 M instructions a ten-unit de→en check costs, for
/// tables that change only with ICU and Lector's code.
///
/// A stored table is trusted only for the files it was made from (`DerivedTables`); the
/// pair and the transliterator are the key, compared with the stored copy; the payload's checksum
/// is checked by `LexiconDiskCache`. Where a source cannot be named, the places are read every time.
enum PlacesStore {
    static func places(source: String, target: String, latin: Transliterator,
                       cache: LexiconDiskCache = .standard) throws -> NameCorrespondence.Places {
        let key = Self.key(source: source, target: target, latin: latin)
        return try DerivedTables.table(
            kind: .places, key: key, cache: cache, decode: { decode($0, key: key) }, encode: { encode($0, key: key) },
            make: { try NameCorrespondence.Places(source: source, target: target, latin: latin) })
    }

    static func key(source: String, target: String, latin: Transliterator) -> String {
        "places:" + source + "\u{1F}" + target + "\u{1F}" + latin.id
    }

    /// The sections: the key; the entries (`source keys GS target keys RS`, each key followed by
    /// US); then each set of words, each word followed by RS. `nil` where a word holds a separator.
    static func encode(_ places: NameCorrespondence.Places, key: String) -> [Data]? {
        var entries = ""
        for entry in places.entries {
            for (side, end) in [(entry.source, "\u{1D}"), (entry.target, "\u{1E}")] {
                for word in side {
                    guard DerivedTables.isStorable(word) else { return nil }
                    entries += word + "\u{1F}"
                }
                entries += end
            }
        }
        var sections = [Data(key.utf8), Data(entries.utf8)]
        for set in sets(of: places) {
            guard let section = DerivedTables.section(set) else { return nil }
            sections.append(section)
        }
        return sections
    }

    private static func sets(of places: NameCorrespondence.Places) -> [Set<String>] {
        [places.sourceWords, places.sourceCalendar, places.targetCalendar, places.targetPlacesAndLanguages,
         places.targetLanguages, places.targetCitiesAndCountries]
    }

    /// The places of checked sections made for `key`; `nil` for anything else (read again).
    static func decode(_ sections: [Data]?, key: String) -> NameCorrespondence.Places? {
        guard let sections, sections.count == 8, sections[0] == Data(key.utf8),
              let entryText = String(data: sections[1], encoding: .utf8),
              let entryRecords = DerivedTables.records(entryText, "\u{1E}") else { return nil }
        var entries: [(source: [String], target: [String])] = []
        for record in entryRecords {
            let sides = record.utf8.split(separator: 0x1D, omittingEmptySubsequences: false)
            guard sides.count == 2, let source = DerivedTables.records(String(Substring(sides[0])), "\u{1F}"),
                  let target = DerivedTables.records(String(Substring(sides[1])), "\u{1F}") else { return nil }
            entries.append((source, target))
        }
        var sets: [Set<String>] = []
        for section in sections[2...] {
            guard let words = DerivedTables.words(section) else { return nil }
            sets.append(words)
        }
        return NameCorrespondence.Places(entries: entries, sourceWords: sets[0], sourceCalendar: sets[1], targetCalendar: sets[2],
                                         targetPlacesAndLanguages: sets[3], targetLanguages: sets[4],
                                         targetCitiesAndCountries: sets[5])
    }
}
