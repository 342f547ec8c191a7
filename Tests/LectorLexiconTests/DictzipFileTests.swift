import Foundation
import LectorTestSupport
import Testing
import LectorZlib

@Suite struct DictzipFileTests {
    /// 40 lines of 55 bytes, dictzip with 256-byte chunks (9 chunks), made with zlib's raw deflate and
    /// a full flush after each chunk, as dictzip(1) writes them.
    static let dictzip = "H4sIDAAAAAACAxwAUkEYAAEAAAEJAEoASgBHAEoASwBHAEsASgBEAHRlc3QuZGljdABKzSspqlQwMDCwUijJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLQJL5yRWVSqk5KdzpUK1GZKnzYg8bcbkaTPBow0AAAD//1LIL0stUijJSFXISayqVEjJT+dKzSspqlQwMDC1AosXlmYmZyskFeWX5ymk5VcoZJXmFhQr4NZmRp42c/K0WZCnzRKmDQAAAP//ykzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT+dKzSspqlQwMDSwAosXlmaSpM2QPG1G5GkzJkUbAAAA//9K50rNKymqVDAwNLFSKMlIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stAkvnJFZVKqTkp8O1mZKnzYw8bebkabPAqQ0AAAD//yooVsgvSy1SKMlIVchJrKpUSMlP50rNKymqVDAwtLQCixeWZiZnKyQV5ZfnKaTlVyhkleYW4NFmZECeNkPytBmRp80Yog0AAAD//yoszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT+dKzSspqlQwMDKxAosXkqjNlDxtZuRpMydeGwAAAP//SslP50rNKymqVDAwsrBSKMlIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stAkvnJFZVKqQgabMkS5uxAXnaDMnTZoRDGwAAAP//Ks0tKFbIL0stUijJSFXISayqVEjJT+dKzSspqlQwMDa2AosXlmYmZyskFeWX5ymk5VcoZJXi12ZCnjZT8rSZkafNHKQNAAAA//9KVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT+dKzSspqlQwMLawAouTqs2SNG0AAAAA//8DALonHjSYCAAA"
    static let plainGzip = "H4sIACMkEGsC/yvISczMU0ivyixQKM8sycgvLVFIVChKzEvJz9VNTE5OLS5WKElMyknlAgDX4RQMKQAAAA=="
    static let text = (0..<40).map { String(format: "entry %03d: the quick brown fox jumps over the lazy dog\n", $0) }.joined()

    static func file(_ base64: String) throws -> String {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("test.dz").path
        try Data(base64Encoded: base64)!.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsARangeAcrossChunkBoundariesFromTheRandomAccessTable() throws {
        let file = try DictzipFile(path: Self.file(Self.dictzip))
        #expect(file.hasRandomAccess)
        let bytes = Array(Self.text.utf8)
        for (offset, length) in [(0, 10), (250, 20), (511, 300), (2_190, 10), (1_000, 1)] {
            #expect(try file.read(offset: offset, length: length) == Array(bytes[offset..<offset + length]))
        }
        #expect(try file.readAll() == bytes)
    }

    /// The last chunk of a range is inflated only up to the range's end: every offset, with
    /// lengths ending inside a chunk, exactly at its end, and in the next one, reads the text.
    @Test func everyRangeEndingAnywhereInAChunkReadsTheText() throws {
        let file = try DictzipFile(path: Self.file(Self.dictzip))
        let bytes = Array(Self.text.utf8)
        var wrong: [(offset: Int, length: Int)] = []
        for offset in 0..<bytes.count {
            for length in [1, 2, 55, 255, 256, 257, 600] where offset + length <= bytes.count {
                if try file.read(offset: offset, length: length) != Array(bytes[offset..<offset + length]) { wrong.append((offset, length)) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    /// After `readAll` (a reversed dictionary keeps the text) ranges are cut from the kept text:
    /// the same bytes and the same errors as reading the chunks.
    @Test func rangesAfterReadAllAreTheChunksRanges() throws {
        let chunks = try DictzipFile(path: Self.file(Self.dictzip))
        let whole = try DictzipFile(path: Self.file(Self.dictzip))
        _ = try whole.readAll()
        let bytes = Array(Self.text.utf8)
        for offset in stride(from: 0, through: bytes.count, by: 7) {
            for length in [0, 1, 55, 256, 600] {
                if offset + length <= bytes.count {
                    #expect(try whole.read(offset: offset, length: length) == chunks.read(offset: offset, length: length), "\(offset) \(length)")
                } else {
                    #expect(throws: DictzipFile.ReadError.self) { try whole.read(offset: offset, length: length) }
                    #expect(throws: DictzipFile.ReadError.self) { try chunks.read(offset: offset, length: length) }
                }
            }
        }
        #expect(throws: DictzipFile.ReadError.self) { try whole.read(offset: -1, length: 2) }
    }

    /// A small file read more than twice per chunk is inflated whole and kept: every read, before
    /// and after, gives the text's bytes.
    @Test func aSmallFileReadOftenReadsTheSameBytes() throws {
        let file = try DictzipFile(path: Self.file(Self.dictzip))
        let bytes = Array(Self.text.utf8)
        for round in 0..<4 {
            for offset in stride(from: 0, to: bytes.count - 60, by: 97) {
                #expect(try file.read(offset: offset, length: 60) == Array(bytes[offset..<offset + 60]), "round \(round), \(offset)")
            }
        }
        #expect(throws: DictzipFile.ReadError.self) { try file.read(offset: 2_195, length: 10) }
    }

    /// With a damaged chunk the file cannot be inflated whole: reads of the other chunks go on
    /// answering, however many, and a read of the damaged one fails as it did.
    @Test func aDamagedSmallFileIsReadChunkByChunk() throws {
        var data = [UInt8](Data(base64Encoded: Self.dictzip)!)
        // Chunk 1's compressed bytes start at 124: 0xFF is a final block of the reserved type.
        data[124] = 0xFF
        let path = Fixtures.temporaryDirectory().appendingPathComponent("damaged.dz").path
        try Data(data).write(to: URL(fileURLWithPath: path))
        let file = try DictzipFile(path: path)
        let bytes = Array(Self.text.utf8)
        for _ in 0..<40 {
            #expect(try file.read(offset: 10, length: 55) == Array(bytes[10..<65]))
            #expect(try file.read(offset: 600, length: 55) == Array(bytes[600..<655]))
        }
        #expect(throws: DictzipFile.ReadError.self) { try file.read(offset: 300, length: 10) }
    }

    @Test func aRangePastTheEndIsAnError() throws {
        let file = try DictzipFile(path: Self.file(Self.dictzip))
        #expect(throws: DictzipFile.ReadError.self) { try file.read(offset: 2_195, length: 10) }
    }

    @Test func plainGzipWithoutTheTableIsInflatedWhole() throws {
        let file = try DictzipFile(path: Self.file(Self.plainGzip))
        #expect(!file.hasRandomAccess)
        #expect(String(decoding: try file.read(offset: 6, length: 4), as: UTF8.self) == "gzip")
    }

    @Test func aFileThatIsNotGzipIsRejected() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("notgzip.dz").path
        try Data("headword\tA\tB\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DictzipFile.ReadError.notGzip(path)) { try DictzipFile(path: path) }
    }

    @Test(.enabled(if: Installed.freeDict("de", "en"), "needs dict-freedict-deu-eng"))
    func randomAccessAgreesWithWholeFileInflateOnAFreeDictFile() throws {
        let path = LectorLexiconTestPaths.freeDictData("de", "en")!
        let file = try DictzipFile(path: path)
        #expect(file.hasRandomAccess)
        let whole = try file.readAll()
        for offset in [0, 58_000, whole.count / 2, whole.count - 500] {
            #expect(try file.read(offset: offset, length: 400) == Array(whole[offset..<offset + 400]))
        }
    }

    /// A pass over every chunk (`forEachPiece`, which releases the pages behind it as it goes),
    /// then `releaseResidentPages`: the pieces are the file's text, and reads after either give
    /// the same bytes as before (the pages come back from the file).
    @Test(.enabled(if: Installed.freeDict("de", "ru"), "needs dict-freedict-deu-rus"))
    func readsAreTheSameAfterThePagesAreReleased() throws {
        let path = LectorLexiconTestPaths.freeDictData("de", "ru")!
        let file = try DictzipFile(path: path)
        #expect(file.chunkCount > 1)
        let reference = try DictzipFile(path: path).readAll()
        let offsets = stride(from: 0, to: reference.count - 300, by: reference.count / 40).map { $0 }
        let before = try offsets.map { try file.read(offset: $0, length: 300) }
        var pieces: [UInt8] = []
        try file.forEachPiece { offset, bytes in
            #expect(offset == pieces.count)
            pieces += bytes
        }
        #expect(pieces == reference)
        #expect(try offsets.map { try file.read(offset: $0, length: 300) } == before)
        file.releaseResidentPages()
        #expect(try offsets.map { try file.read(offset: $0, length: 300) } == before)
        #expect(before.first == Array(reference[0..<300]))
    }
}
