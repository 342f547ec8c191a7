import Foundation
@testable import LectorText
import LectorTestSupport
import Testing

/// The aligner reads each bead's anchors from flat sorted runs (`SentenceAligner.AnchorTable`)
/// instead of uniting sets in every cell. The runs hold what the sets held, and the alignment is
/// the one a plain full search with set intersections finds.
@Suite struct AlignerAnchorTableTests {
    private static func randomSets(_ count: Int, using generator: inout some RandomNumberGenerator) -> [Set<Int>] {
        (0..<count).map { _ in Set((0..<Int.random(in: 0...5, using: &generator)).map { _ in Int.random(in: 0..<12, using: &generator) }) }
    }

    @Test func runsHoldEachRangesAnchorsAndEachTwoRangesUnion() {
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<200 {
            let sets = Self.randomSets(Int.random(in: 1...8, using: &generator), using: &generator)
            let table = SentenceAligner.AnchorTable(sets)
            for index in sets.indices {
                #expect(Array(table.values[table.run(index, 1)]) == sets[index].sorted())
                if index + 1 < sets.count {
                    #expect(Array(table.values[table.run(index, 2)]) == sets[index].union(sets[index + 1]).sorted())
                }
            }
        }
    }

    @Test func alignmentIsThatOfAFullSearchWithSetIntersections() {
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<300 {
            let source = (0..<Int.random(in: 0...9, using: &generator)).map { _ in Int.random(in: 5...120, using: &generator) }
            let target = (0..<Int.random(in: 0...9, using: &generator)).map { _ in Int.random(in: 5...120, using: &generator) }
            let anchors = (Self.randomSets(source.count, using: &generator), Self.randomSets(target.count, using: &generator))
            let found = SentenceAligner.align(source, target, ratio: 1, anchors: anchors)
            let expected = Self.reference(source, target, anchors: anchors)
            #expect(found.map { "\($0.source)→\($0.target)" } == expected.map { "\($0.source)→\($0.target)" })
        }
    }

    /// Gale–Church over every cell, anchors counted by intersecting sets: the aligner's definition
    /// without its band and its tables.
    private static func reference(_ source: [Int], _ target: [Int], anchors: ([Set<Int>], [Set<Int>])) -> [(source: [Int], target: [Int])] {
        let (rows, columns) = (source.count, target.count)
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: columns + 1), count: rows + 1)
        var back = [[Int]](repeating: [Int](repeating: -1, count: columns + 1), count: rows + 1)
        cost[0][0] = 0
        for i in 0...rows {
            for j in 0...columns where cost[i][j] < .infinity {
                for (index, bead) in SentenceAligner.beads.enumerated() {
                    let (ni, nj) = (i + bead.source, j + bead.target)
                    guard ni <= rows, nj <= columns else { continue }
                    var total = cost[i][j] + SentenceAligner.beadCost(source[i..<ni].reduce(0, +), target[j..<nj].reduce(0, +),
                                                                      prior: bead.prior, ratio: 1)
                    if bead.source > 0, bead.target > 0 {
                        let sourceSide = anchors.0[i..<ni].reduce(into: Set<Int>()) { $0.formUnion($1) }
                        let targetSide = anchors.1[j..<nj].reduce(into: Set<Int>()) { $0.formUnion($1) }
                        total -= SentenceAligner.anchorBonus
                            * Double(min(sourceSide.intersection(targetSide).count, SentenceAligner.mostAnchorsCounted))
                    }
                    if total < cost[ni][nj] {
                        cost[ni][nj] = total
                        back[ni][nj] = index
                    }
                }
            }
        }
        var result: [(source: [Int], target: [Int])] = []
        var (i, j) = (rows, columns)
        while i > 0 || j > 0 {
            let bead = SentenceAligner.beads[back[i][j]]
            result.append((Array((i - bead.source)..<i), Array((j - bead.target)..<j)))
            i -= bead.source
            j -= bead.target
        }
        return result.reversed()
    }
}
