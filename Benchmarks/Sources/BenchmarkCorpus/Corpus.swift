import LectorKit

// Deterministic synthetic data for the benchmarks: glossaries that look like the house glossary
// (Cyrillic names with English, German, Russian and Ukrainian forms) and news-like English text
// that mentions them. Everything derives from fixed seeds, so every run and every machine sees
// the same bytes.

/// SplitMix64: small, fast, and the same on every platform (unlike `SystemRandomNumberGenerator`).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<bound (the tiny modulo bias does not matter here).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// One piece of a name in every script it is written in.
struct Syllable {
    let uk: String  // Ukrainian Cyrillic
    let ru: String  // Russian Cyrillic
    let ukLatin: String  // Ukrainian national romanization (what AP uses for Ukrainian names)
    let ruLatin: String  // Russian-based romanization (the old English spellings: Kiev, Kharkov)
    let de: String  // German transcription (w, sch, tsch, s)

    init(_ uk: String, _ ru: String, _ ukLatin: String, _ ruLatin: String, _ de: String) {
        self.uk = uk
        self.ru = ru
        self.ukLatin = ukLatin
        self.ruLatin = ruLatin
        self.de = de
    }

    static func + (lhs: Syllable, rhs: Syllable) -> Syllable {
        Syllable(lhs.uk + rhs.uk, lhs.ru + rhs.ru, lhs.ukLatin + rhs.ukLatin, lhs.ruLatin + rhs.ruLatin, lhs.de + rhs.de)
    }

    var capitalized: Syllable {
        Syllable(uk.capitalizedFirst, ru.capitalizedFirst, ukLatin.capitalizedFirst, ruLatin.capitalizedFirst,
                 de.capitalizedFirst)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    func replacingFirst(_ target: String, with replacement: String) -> String? {
        guard let range = firstRange(of: target) else { return nil }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }
}

enum Syllables {
    static let start: [Syllable] = [
        Syllable("ко", "ко", "ko", "ko", "ko"), Syllable("ва", "ва", "va", "va", "wa"),
        Syllable("шев", "шев", "shev", "shev", "schew"), Syllable("жи", "жи", "zhy", "zhi", "schi"),
        Syllable("хар", "хар", "khar", "khar", "char"), Syllable("пет", "пет", "pet", "pet", "pet"),
        Syllable("бо", "бо", "bo", "bo", "bo"), Syllable("гор", "гор", "hor", "gor", "gor"),
        Syllable("ту", "ту", "tu", "tu", "tu"), Syllable("зе", "зе", "ze", "ze", "se"),
        Syllable("мед", "мед", "med", "med", "med"), Syllable("лу", "лу", "lu", "lu", "lu"),
        Syllable("дні", "дне", "dni", "dne", "dnje"), Syllable("чер", "чер", "cher", "cher", "tscher"),
        Syllable("сум", "сум", "sum", "sum", "sum"), Syllable("ми", "ми", "my", "mi", "mi"),
        Syllable("за", "за", "za", "za", "sa"), Syllable("кра", "кра", "kra", "kra", "kra"),
        Syllable("ві", "ви", "vi", "vi", "wi"), Syllable("оде", "оде", "ode", "ode", "ode"),
        Syllable("ро", "ро", "ro", "ro", "ro"), Syllable("ні", "ни", "ni", "ni", "ni"),
        Syllable("сла", "сла", "sla", "sla", "sla"), Syllable("тер", "тер", "ter", "ter", "ter"),
    ]
    static let middle: [Syllable] = [
        Syllable("ле", "ле", "le", "le", "le"), Syllable("рі", "ри", "ri", "ri", "ri"),
        Syllable("ди", "ди", "dy", "di", "di"), Syllable("нсь", "нс", "ns", "ns", "ns"),
        Syllable("ма", "ма", "ma", "ma", "ma"), Syllable("ро", "ро", "ro", "ro", "ro"),
        Syllable("ча", "ча", "cha", "cha", "tscha"), Syllable("ва", "ва", "va", "va", "wa"),
        Syllable("хай", "хай", "khai", "khay", "chai"), Syllable("ли", "ли", "ly", "li", "li"),
        Syllable("ще", "ще", "shche", "shche", "schtsche"), Syllable("зо", "зо", "zo", "zo", "so"),
        Syllable("ню", "ню", "niu", "nyu", "nju"), Syllable("го", "го", "ho", "go", "go"),
        Syllable("пі", "пи", "pi", "pi", "pi"), Syllable("ту", "ту", "tu", "tu", "tu"),
        Syllable("цу", "цу", "tsu", "tsu", "zu"), Syllable("бе", "бе", "be", "be", "be"),
    ]
    static let end: [Syllable] = [
        Syllable("енко", "енко", "enko", "enko", "enko"), Syllable("ський", "ский", "skyi", "sky", "ski"),
        Syllable("ов", "ов", "ov", "ov", "ow"), Syllable("ич", "ич", "ych", "ich", "itsch"),
        Syllable("ук", "ук", "uk", "uk", "uk"), Syllable("ків", "ков", "kiv", "kov", "kiw"),
        Syllable("ка", "ка", "ka", "ka", "ka"), Syllable("чук", "чук", "chuk", "chuk", "tschuk"),
        Syllable("ин", "ин", "yn", "in", "in"), Syllable("ець", "ец", "ets", "ets", "ez"),
        Syllable("ськ", "ск", "sk", "sk", "sk"), Syllable("ня", "ня", "nia", "nya", "nja"),
    ]
    /// Given names, for two-word person concepts.
    static let given: [Syllable] = [
        Syllable("Олександр", "Александр", "Oleksandr", "Aleksandr", "Alexander"),
        Syllable("Володимир", "Владимир", "Volodymyr", "Vladimir", "Wladimir"),
        Syllable("Андрій", "Андрей", "Andrii", "Andrei", "Andrej"),
        Syllable("Юлія", "Юлия", "Yuliia", "Yulia", "Julia"),
        Syllable("Дмитро", "Дмитрий", "Dmytro", "Dmitry", "Dmitri"),
        Syllable("Сергій", "Сергей", "Serhii", "Sergei", "Sergej"),
        Syllable("Олена", "Елена", "Olena", "Yelena", "Jelena"),
        Syllable("Михайло", "Михаил", "Mykhailo", "Mikhail", "Michail"),
        Syllable("Ірина", "Ирина", "Iryna", "Irina", "Irina"),
        Syllable("Віталій", "Виталий", "Vitalii", "Vitaly", "Witali"),
    ]
    /// First words of two-word place names.
    static let placePrefix: [Syllable] = [
        Syllable("Нова", "Новая", "Nova", "Novaya", "Nowa"),
        Syllable("Велика", "Великая", "Velyka", "Velikaya", "Welika"),
        Syllable("Стара", "Старая", "Stara", "Staraya", "Stara"),
    ]
}

/// A generated concept, kept with its spellings so the text generator can mention it.
public struct GeneratedName: Sendable {
    public let preferred: String
    public let deprecated: String?
    public let german: String
    /// A spelling no glossary lists but that a transliteration scheme or a skeleton catches.
    public let variant: String
}

public struct GeneratedGlossary: Sendable {
    public let glossary: Glossary
    public let names: [GeneratedName]
}

public enum Corpus {
    static let glossarySeed: UInt64 = 0x4C45_4354_4F52_0001  // "LECTOR" 1
    static let textSeed: UInt64 = 0x4C45_4354_4F52_0002
    static let outsiderSeed: UInt64 = 0x4C45_4354_4F52_0003
    /// The checked text: at least this many UTF-8 bytes (10 MiB).
    public static let textBytes = 10 * 1024 * 1024
    public static let largestGlossary = 100_000

    /// Names in generation order; a glossary of n concepts uses the first n, so the small
    /// glossaries are subsets of the large one and the same text serves all sizes.
    static func names(count: Int, seed: UInt64 = glossarySeed) -> [(Syllable, isUkrainian: Bool, twoWords: Bool)] {
        var random = SplitMix64(seed: seed)
        var seen = Set<String>()
        var result: [(Syllable, isUkrainian: Bool, twoWords: Bool)] = []
        result.reserveCapacity(count)
        while result.count < count {
            var surname = random.pick(Syllables.start)
            for _ in 0..<random.below(3) { surname = surname + random.pick(Syllables.middle) }
            surname = (surname + random.pick(Syllables.end)).capitalized
            var name = surname
            let twoWords = random.chance(20)
            if twoWords {
                let first = random.chance(70) ? random.pick(Syllables.given) : random.pick(Syllables.placePrefix)
                name = first + Syllable(" ", " ", " ", " ", " ") + surname
            }
            let isUkrainian = random.chance(65)
            let key = isUkrainian ? name.ukLatin : name.ruLatin
            guard seen.insert(key.lowercased()).inserted else { continue }
            result.append((name, isUkrainian, twoWords))
        }
        return result
    }

    /// A glossary of `count` concepts: every concept has an English preferred term, a German
    /// form and a Russian and/or Ukrainian Cyrillic form; some have a deprecated English term.
    public static func glossary(concepts count: Int) -> GeneratedGlossary {
        var random = SplitMix64(seed: glossarySeed ^ 0xFFFF)
        var concepts: [Concept] = []
        var names: [GeneratedName] = []
        concepts.reserveCapacity(count)
        names.reserveCapacity(count)
        for (index, (name, isUkrainian, twoWords)) in Self.names(count: count).enumerated() {
            var terms: [Term] = []
            let preferred = isUkrainian ? name.ukLatin : name.ruLatin
            terms.append(Term(text: preferred, language: "en", status: .preferred, partOfSpeech: "properNoun"))
            var deprecated: String?
            if random.chance(30) {
                // Ukrainian names: the old Russian-based spelling (Kiev); Russian names: a -y/-iy ending.
                let old = isUkrainian ? name.ruLatin : Self.oldRussianSpelling(preferred)
                if old != preferred {
                    deprecated = old
                    terms.append(Term(text: old, language: "en", status: .deprecated))
                }
            }
            if isUkrainian {
                terms.append(Term(text: name.uk, language: "uk", status: .preferred))
                if random.chance(60) { terms.append(Term(text: name.ru, language: "ru", status: .preferred)) }
            } else {
                terms.append(Term(text: name.ru, language: "ru", status: .preferred))
            }
            terms.append(Term(text: name.de, language: "de", status: .preferred))
            concepts.append(Concept(id: "c\(index)", subjectField: twoWords ? "person" : "place", terms: terms))
            // Variants the text will use: the other romanization if it differs, else a German form,
            // else a skeleton-equivalent misspelling (doubled final letter).
            let other = isUkrainian ? name.ruLatin : name.ukLatin
            let variant = other != preferred && other != deprecated ? other : preferred + String(preferred.last!)
            names.append(GeneratedName(preferred: preferred, deprecated: deprecated, german: name.de, variant: variant))
        }
        return GeneratedGlossary(glossary: Glossary(name: "generated-\(count).tbx", concepts: concepts), names: names)
    }

    /// Older English spellings of Russian names: Medinskiy, Rachmaninoff, Abramovitch.
    static func oldRussianSpelling(_ name: String) -> String {
        if name.hasSuffix("sky") { return name + "i" }
        if name.hasSuffix("ov") { return name.dropLast(2) + "off" }
        if name.hasSuffix("ich") { return name.dropLast(3) + "itch" }
        if name.hasSuffix("ts") { return name.dropLast(2) + "tz" }
        if name.hasSuffix("in") { return name + "e" }
        return name.replacingFirst("kh", with: "ch") ?? name + "a"
    }

    static let commonWords: [String] = """
        the of and to in a is that for on was with as by at from his her their its said it has have \
        had be been were are will would could should not but or after before over under about into \
        than more most new old first last year years week month day days people government president \
        minister officials city region forces troops army military attack attacks strike strikes \
        missile missiles drone drones talks peace war border front line east west north south \
        according reported told statement spokesman office ministry defence defense security council \
        meeting visit visited capital country countries western support aid weapons energy grid power \
        water bridge road village town residents civilians killed wounded damaged destroyed building \
        buildings hospital school station port grain exports ships sea river during while since \
        against between across near along also however still again already only even just many \
        several some other another those these this which who whom whose what when where why how \
        called says say saying announced confirmed denied claimed warned urged agreed signed plan \
        plans deal sanctions economy prices inflation budget bank central international foreign \
        national local regional official sources agency news media report reports video footage \
        images satellite shelling overnight morning evening night hours later earlier today \
        yesterday tomorrow spring summer autumn winter offensive counteroffensive positions
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Capitalized names that no glossary contains (other syllables, other seed), for the skeleton path.
    static func outsiders() -> [String] {
        let parts = ["Ander", "Bel", "Cor", "Dun", "Ell", "Fair", "Gar", "Hol", "Ing", "Jas", "Kel", "Lor",
                     "Mar", "Nor", "Ost", "Pem", "Quin", "Ros", "Sal", "Tam", "Ull", "Ver", "Wes", "Yar"]
        let ends = ["ton", "ford", "ley", "wick", "ham", "son", "ville", "by", "more", "dale", "field", "well"]
        var random = SplitMix64(seed: outsiderSeed)
        var result: [String] = ["Reuters", "Washington", "Brussels", "London", "Monday", "Tuesday", "Wednesday",
                                "Thursday", "Friday", "NATO", "EU", "UN", "Pentagon", "Kremlin", "January", "March"]
        for _ in 0..<500 { result.append(random.pick(parts) + random.pick(ends)) }
        return result
    }

    /// News-like English text of at least `textBytes` UTF-8 bytes mentioning concepts of the
    /// largest glossary: half of the mentions from its first 100 concepts, a third from the first
    /// 10,000, the rest from all 100,000 (so a bigger glossary finds more).
    public static func text(names: [GeneratedName], bytes: Int = textBytes) -> String {
        var random = SplitMix64(seed: textSeed)
        let outsiders = Self.outsiders()
        var text = ""
        text.reserveCapacity(bytes + 4096)
        var sentencesInParagraph = 0
        func nameIndex() -> Int {
            let roll = random.below(6)
            let limit = roll < 3 ? 100 : roll < 5 ? 10_000 : names.count
            return random.below(min(limit, names.count))
        }
        while text.utf8.count < bytes {
            let length = 8 + random.below(18)
            for position in 0..<length {
                var word: String
                let roll = random.below(1000)
                switch roll {
                case 0..<60: word = names[nameIndex()].preferred  // 6 %: preferred glossary term
                case 60..<68: word = names[nameIndex()].deprecated ?? names[nameIndex()].preferred  // deprecated
                case 68..<76: word = names[nameIndex()].variant  // transliteration variant / misspelling
                case 76..<80: word = names[nameIndex()].german  // German form
                case 80..<120: word = random.pick(outsiders)  // 4 %: names no glossary has
                case 120..<140:  // 2 %: numbers
                    switch random.below(4) {
                    case 0: word = String(1990 + random.below(36))
                    case 1: word = "\(1 + random.below(999)),\(100 + random.below(900))"
                    case 2: word = "\(random.below(100)).\(random.below(10))"
                    default: word = String(random.below(100))
                    }
                default: word = random.pick(commonWords)
                }
                if roll < 80, random.chance(20) { word += random.chance(50) ? "'s" : "’s" }  // possessives
                if position == 0 { word = word.capitalizedFirst }
                text += word
                if position == length - 1 {
                    text += random.chance(90) ? "." : random.chance(50) ? "?" : "!"
                } else {
                    switch random.below(100) {
                    case 0..<8: text += ", "
                    case 8..<9: text += " – "
                    case 9..<10: text += "-"
                    default: text += " "
                    }
                }
            }
            sentencesInParagraph += 1
            if sentencesInParagraph >= 4 + random.below(5) {
                text += "\n\n"
                sentencesInParagraph = 0
            } else {
                text += " "
            }
        }
        return text
    }
}
