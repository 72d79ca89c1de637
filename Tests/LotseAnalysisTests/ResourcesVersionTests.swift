import Testing
@testable import LotseAnalysis

/// The analyzer version stored in the index: equal inputs give equal versions, word-list changes a new one.
@Suite struct ResourcesVersionTests {
    @Test func versionIsStableForEqualInputs() {
        #expect(AnalyzerResources().version == AnalyzerResources().version)
        #expect(AnalyzerResources.empty.version == AnalyzerResources(compoundDictionary: [:]).version)
        let words: [String] = ["passwort", "kennwort", "datenbank", "antwort"]
        let forward = AnalyzerResources(neverSplit: Set(words))
        let backward = AnalyzerResources(neverSplit: Set(words.reversed()))
        #expect(forward.version == backward.version)
        #expect(AnalyzerResources.empty.version.hasPrefix("lotse-\(AnalyzerResources.codeVersion)-"))
    }

    @Test(arguments: [
        CompoundSplitter.defaultNeverSplit.union(["datenbank"]),
        CompoundSplitter.defaultNeverSplit.subtracting(["passwort"]),
        Set<String>(),
        ["passwort"],
    ])
    func versionChangesWithTheNeverSplitList(_ neverSplit: Set<String>) {
        #expect(AnalyzerResources(neverSplit: neverSplit).version != AnalyzerResources().version)
    }

    @Test func neverSplitListsThatOnlyRegroupTheirLettersDiffer() {
        #expect(AnalyzerResources(neverSplit: ["ab", "c"]).version != AnalyzerResources(neverSplit: ["a", "bc"]).version)
    }

    /// FNV-1a 64-bit reference values: the fingerprint does not depend on the process (unlike `Hasher`).
    @Test(arguments: [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")])
    func stableHashIsFNV1a(_ input: String, _ hex: String) {
        var hash = StableHash()
        hash.add(bytes: Array(input.utf8))
        #expect(hash.hex == hex)
    }
}
