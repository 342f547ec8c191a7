import LectorICU
import LectorTestSupport
import Testing
@testable import LectorGlossary
@testable import LectorKit

/// The index's build-time machinery: variant derivation on a thread of its own must build the
/// very same index as derivation in the calling thread; the Any-Latin shortcut must give ICU's
/// own spelling; the token vocabulary must find exactly what it interned.
@Suite struct GlossaryIndexBuildTests {
    /// A deterministic glossary of `count` name concepts with English, German, Ukrainian and
    /// Russian terms, some deprecated, some of two words, some shared between concepts.
    static func generatedGlossary(count: Int) -> Glossary {
        let uk = ["ко", "ва", "шев", "жи", "хар", "пет", "бо", "гор", "зе", "мед", "дні", "чер", "сум", "ї", "є", "ґ", "щ", "ь"]
        let ru = ["ко", "ва", "шев", "жи", "хар", "пет", "бо", "гор", "зе", "мед", "дне", "чер", "сум", "и", "е", "г", "щ", "ъ"]
        let en = ["ko", "va", "shev", "zhy", "khar", "pet", "bo", "hor", "ze", "med", "dni", "cher", "sum", "i", "ye", "g", "shch", ""]
        let de = ["ko", "wa", "schew", "schi", "char", "pet", "bo", "gor", "se", "med", "dnje", "tscher", "sum", "i", "je", "g", "schtsch", ""]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var concepts: [Concept] = []
        for index in 0..<count {
            var (u, r, e, g) = ("", "", "", "")
            for _ in 0..<(2 + next(3)) {
                let syllable = next(uk.count)
                u += uk[syllable]
                r += ru[syllable]
                e += en[syllable]
                g += de[syllable]
            }
            func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
            var terms = [Term(text: capitalized(e) + (next(5) == 0 ? " Nova" : ""), language: "en", status: .preferred)]
            if next(4) == 0 { terms.append(Term(text: capitalized(e) + "a", language: "en", status: .deprecated)) }
            if next(10) == 0 { terms.append(Term(text: "NATO-" + String(index), language: "en", status: .admitted, isCaseSensitive: true)) }
            terms.append(Term(text: capitalized(u), language: "uk", status: .preferred))
            if next(2) == 0 { terms.append(Term(text: capitalized(r), language: "ru-RU", status: .preferred)) }
            terms.append(Term(text: capitalized(g) + (next(7) == 0 ? "ä" : ""), language: "de", status: .preferred))
            concepts.append(Concept(id: "c\(index)", terms: terms))
        }
        return Glossary(name: "generated", concepts: concepts)
    }

    func sameIndex(_ a: GlossaryIndex, _ b: GlossaryIndex) -> Bool {
        guard a.entries.count == b.entries.count, a.variantCount == b.variantCount, a.nodes == b.nodes,
              a.formBytes == b.formBytes, a.formStarts == b.formStarts, a.formSchemes == b.formSchemes, a.vocabulary.pool == b.vocabulary.pool,
              a.skeletonConcept.sorted() == b.skeletonConcept.sorted(), a.skeletons.count == b.skeletons.count else { return false }
        return zip(a.entries, b.entries).allSatisfy {
            $0.kind == $1.kind && $0.concept == $1.concept && $0.term == $1.term && $0.form == $1.form
                && $0.exact == $1.exact && $0.requiresCapital == $1.requiresCapital
        }
    }

    @Test(arguments: ["en", "de", "uk"])
    func derivationOnAThreadBuildsTheSameIndex(target: String) throws {
        let glossary = Self.generatedGlossary(count: 3000)
        let schemes = try TransliterationScheme.builtIn()
        let inline = try GlossaryIndex(glossaries: [glossary], targetLanguage: target, schemes: schemes, inflection: nil,
                                       derivation: .inline)
        let threaded = try GlossaryIndex(glossaries: [glossary], targetLanguage: target, schemes: schemes, inflection: nil,
                                         derivation: .thread)
        #expect(inline.variantCount > 1000)
        #expect(sameIndex(inline, threaded))
    }

    @Test func aFailingSchemeFailsOnTheThreadToo() throws {
        let broken = TransliterationScheme(id: "Not-A-Transliterator", label: "broken", languages: ["uk"])
        for mode in [VariantDerivation.Mode.inline, .thread] {
            #expect(throws: InputError.self) {
                try GlossaryIndex(glossaries: [Self.generatedGlossary(count: 50)], targetLanguage: "en", schemes: [broken],
                                  inflection: nil, derivation: mode)
            }
        }
    }

    /// A checker's two indexes share their transliterators (`VariantTransliterators`): the second
    /// one, which finds its spellings in the memos the first filled, must be the index it would be
    /// with transliterators of its own, on the calling thread and on a deriving thread alike.
    @Test(arguments: [("en", "de"), ("de", "en"), ("uk", "en"), ("en", "uk")])
    func indexesSharingTransliteratorsAreTheSame(first: String, second: String) throws {
        let glossaries = [Self.generatedGlossary(count: 3000), Fixtures.houseGlossary]
        let schemes = try TransliterationScheme.builtIn()
        for mode in [VariantDerivation.Mode.inline, .thread] {
            let shared = VariantTransliterators(schemes: schemes)
            let firstShared = try GlossaryIndex(glossaries: glossaries, targetLanguage: first, transliterators: shared,
                                                inflection: nil, derivation: mode)
            let secondShared = try GlossaryIndex(glossaries: glossaries, targetLanguage: second, transliterators: shared,
                                                 inflection: nil, derivation: mode)
            let firstAlone = try GlossaryIndex(glossaries: glossaries, targetLanguage: first, schemes: schemes,
                                               inflection: nil, derivation: .inline)
            let secondAlone = try GlossaryIndex(glossaries: glossaries, targetLanguage: second, schemes: schemes,
                                                inflection: nil, derivation: .inline)
            #expect(secondAlone.variantCount > 1000)
            #expect(sameIndex(firstShared, firstAlone), "\(mode)")
            #expect(sameIndex(secondShared, secondAlone), "\(mode)")
        }
    }

    @Test func aFailingSharedSchemeFailsEveryIndex() throws {
        let broken = TransliterationScheme(id: "Not-A-Transliterator", label: "broken", languages: ["uk"])
        let shared = VariantTransliterators(schemes: try TransliterationScheme.builtIn() + [broken])
        for target in ["en", "de"] {
            #expect(throws: InputError.self) {
                try GlossaryIndex(glossaries: [Fixtures.houseGlossary], targetLanguage: target, transliterators: shared)
            }
        }
    }

    /// `Any-Latin; Latin-ASCII` on a Cyrillic term is `Latin-ASCII` after `Cyrillic-Latin`.
    @Test func anyLatinOfCyrillicIsLatinASCIIOfCyrillicLatin() throws {
        let any = try Transliterator(id: "Any-Latin; Latin-ASCII")
        let cyrillic = try Transliterator(id: "Cyrillic-Latin")
        let ascii = try Transliterator(id: "Latin-ASCII")
        var texts = Fixtures.houseGlossary.concepts.flatMap(\.terms).map(\.text)
        texts += Self.generatedGlossary(count: 300).concepts.flatMap(\.terms).map(\.text)
        texts += ["Єрмак", "Ґалаґан", "Лукашэнка", "Артёмовск", "Об'єднання", "Зв’язок", "НАТО", "ЄС", "Івано-Франківськ",
                  "Щ", "ъ", "Ё", "Й", "Ѣ", "Ї", "вул. Хрещатик, 22", "1-й", "Ь", "«Київ»", "Сергій\u{301}"]
        var compared = 0
        for text in texts where VariantDeriver.isCyrillicOnly(text) {
            #expect(any.transliterate(text) == ascii.transliterate(cyrillic.transliterate(text)), "\(text)")
            compared += 1
        }
        #expect(compared > 100)
        #expect(!VariantDeriver.isCyrillicOnly("Kyiv"))
        #expect(!VariantDeriver.isCyrillicOnly("Київ Kyiv"))
        #expect(!VariantDeriver.isCyrillicOnly("123"))
    }

    @Test func vocabularyFindsWhatItInterned() {
        var vocabulary = TokenVocabulary()
        var keys: [[UInt16]] = []
        for index in 0..<5000 { keys.append(Array("k\(index * 7919 % 10007)é".utf16)) }
        let ids = keys.map { vocabulary.intern($0) }
        #expect(Set(ids).count == Set(keys).count)
        #expect(keys.map { vocabulary.lookup($0) } == ids)
        #expect(vocabulary.lookup(Array("absent".utf16)) == -1)
        let empty = vocabulary.intern([])
        #expect(vocabulary.intern([]) == empty)
        #expect(vocabulary.lookup([]) == -1)
        #expect(zip(keys, ids).allSatisfy { Array(vocabulary.key($1)) == $0 })
    }
}
