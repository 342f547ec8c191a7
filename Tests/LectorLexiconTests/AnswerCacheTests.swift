import Testing
@testable import LectorLexicon

/// The lexicon's answer memo keeps two generations: bounded by twice its limit however many
/// answers pass through it, and an answer asked again and again survives every turn-over.
@Suite struct AnswerCacheTests {
    @Test func boundedAndFrequentAnswersSurvive() {
        var memo = AnswerCache.Generations<[String]>()
        var made = 0
        func ask(_ key: String) -> [String] {
            if let kept = memo.value(key, limit: 100) { return kept }
            made += 1
            let value = [key.uppercased()]
            memo.insert(value, for: key, limit: 100)
            return value
        }
        #expect(ask("frequent") == ["FREQUENT"])
        for index in 0..<10_000 {
            #expect(ask("rare\(index)") == ["RARE\(index)"])
            #expect(memo.count <= 200)
            // Asked once every 50 new answers: always within the two generations.
            if index % 50 == 0 { #expect(ask("frequent") == ["FREQUENT"]) }
        }
        #expect(made == 10_001)
        // A rare answer is gone after two turn-overs and is made again.
        #expect(ask("rare0") == ["RARE0"])
        #expect(made == 10_002)
    }

    @Test func theCacheAnswersWhatItWasGiven() {
        let cache = AnswerCache()
        for round in 0..<3 {
            for index in 0..<(AnswerCache.limit + 10) {
                #expect(cache.value("k\(index)") { ["v\(index)"] } == ["v\(index)"], "round \(round)")
            }
        }
        #expect(cache.count <= 2 * AnswerCache.limit)
    }
}
