/// SplitMix64, a fixed-seed generator for tests that draw random inputs: the same inputs on every
/// run and every machine, so a failure reproduces. (`SystemRandomNumberGenerator` draws new inputs
/// each run, and a failure seen once in CI could not be run again.)
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    /// A text of 0 to `maxLength` characters drawn from `alphabet`, for tests that compare a fast
    /// path with its reference on random inputs.
    public mutating func text(from alphabet: [Character], maxLength: Int) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &self)).map { _ in alphabet.randomElement(using: &self)! })
    }
}
