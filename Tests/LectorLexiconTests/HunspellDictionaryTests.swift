import Testing
import LectorHunspell
import LectorLexicon

@Suite struct HunspellDictionaryTests {
    static func dictionary(_ language: String) throws -> HunspellDictionary {
        let files = try #require(LexicalResource.hunspellFiles(language, in: Installed.paths))
        return try HunspellDictionary(affixPath: files.affix, dictionaryPath: files.dictionary)
    }

    @Test(.enabled(if: Installed.hunspell("ru"), "needs hunspell-ru"))
    func russianStemsAndSpelling() throws {
        let ru = try Self.dictionary("ru")
        #expect(ru.stem("Киеве").contains("Киев"))
        #expect(ru.stem("переговорах").contains("переговоры"))
        #expect(ru.spell("переговорах"))
        #expect(!ru.spell("переговорахх"))
        #expect(ru.suggest("переговорахх").contains("переговорах"))
        #expect(!ru.analyze("Киеве").isEmpty)
    }

    @Test(.enabled(if: Installed.hunspell("ru"), "needs hunspell-ru"))
    func aNameAddedLikeAModelWordInflectsLikeIt() throws {
        let ru = try Self.dictionary("ru")
        #expect(ru.stem("Зеленского").isEmpty)
        #expect(ru.add("Зеленский", inflectedLike: "Достоевский"))
        for form in ["Зеленского", "Зеленскому", "Зеленским", "Зеленском"] {
            #expect(ru.stem(form).contains("Зеленский"), "\(form)")
        }
    }

    @Test(.enabled(if: Installed.hunspell("ru"), "needs hunspell-ru"))
    func anUnknownModelAddsTheWordUninflected() throws {
        let ru = try Self.dictionary("ru")
        #expect(!ru.add("Шмыгаль", inflectedLike: "Несуществующийобразец"))
        #expect(ru.spell("Шмыгаль"))
        #expect(!ru.spell("Шмыгаля"))
    }

    /// pl_PL is ISO 8859-2 on Debian: words cross the C boundary re-encoded.
    @Test(.enabled(if: Installed.hunspell("pl"), "needs hunspell-pl"))
    func polishInItsOwnEncoding() throws {
        let pl = try Self.dictionary("pl")
        #expect(pl.encodingName.uppercased().contains("8859-2") || pl.encodingName.uppercased().contains("88592"))
        #expect(pl.spell("Kijowie"))
        #expect(pl.stem("Kijowie").contains("Kijów"))
        #expect(pl.spell("źdźbło"))
        #expect(!pl.spell("Київ"))  // not representable in ISO 8859-2: unknown, no error
    }

    /// et_EE is ISO 8859-15 on Debian (myspell-et), which Foundation does not convert: read as
    /// UTF-8, every word with `õ`, `ä`, `ö`, `ü` was unknown.
    @Test(.enabled(if: Installed.hunspell("et"), "needs myspell-et"))
    func estonianInLatin9() throws {
        let et = try Self.dictionary("et")
        #expect(et.encodingName.uppercased().replacingOccurrences(of: "-", with: "").contains("885915"))
        #expect(et.spell("võrkpalli"))
        #expect(et.spell("nõukogu"))
        #expect(et.stem("võrkpalli").contains("võrk"))
        #expect(!et.spell("võrkpallix"))
        #expect(!et.spell("Київ"))  // not representable in ISO 8859-15: unknown, no error
    }

    @Test func latin9RoundTrip() {
        // The eight bytes where ISO 8859-15 differs from Latin-1, and one byte that is the same.
        let word = "šžŠŽ€œŒŸõ"
        let bytes = HunspellDictionary.encodeLatin9(word)
        #expect(bytes?.map { UInt8(bitPattern: $0) } == [0xA8, 0xB8, 0xA6, 0xB4, 0xA4, 0xBD, 0xBC, 0xBE, 0xF5])
        #expect(HunspellDictionary.decodeLatin9([0xA8, 0xB8, 0xA6, 0xB4, 0xA4, 0xBD, 0xBC, 0xBE, 0xF5]) == word)
        #expect(HunspellDictionary.encodeLatin9("¤") == nil)  // U+00A4 has no byte in ISO 8859-15 (0xA4 is €)
    }

    @Test(.enabled(if: Installed.hunspell("de"), "needs hunspell-de-de"))
    func germanStems() throws {
        let de = try Self.dictionary("de")
        #expect(de.stem("Kiews").contains("Kiew"))
        #expect(de.spell("Verhandlungen"))
    }

    @Test func missingFilesAreAnError() {
        #expect(throws: HunspellDictionary.LoadError.missingFile("/nonexistent/xx.aff")) {
            try HunspellDictionary(affixPath: "/nonexistent/xx.aff", dictionaryPath: "/nonexistent/xx.dic")
        }
    }
}
