@testable import LectorKit
import Testing

/// The allocator settings a check runs with (`AllocatorSettings`).
@Suite struct AllocatorSettingsTests {
    #if canImport(Glibc)
    @Test func glibcTakesEverySetting() {
        // `mallopt` refuses a value out of its bounds (a mapping threshold above 32 MB) silently.
        #expect(AllocatorSettings.apply(environment: [:]))
    }
    #endif

    @Test func settingsOfTheEnvironmentAreLeftAlone() {
        #expect(!AllocatorSettings.apply(environment: ["GLIBC_TUNABLES": "glibc.malloc.top_pad=0"]))
        #expect(!AllocatorSettings.apply(environment: ["MALLOC_TOP_PAD_": "0"]))
    }
}
