import FuzzSupport
import LotseAnalysis

// Arbitrary bytes through the analyzer, in both modes and in every language: it must not crash, and every token's
// byte range must lie inside the input, be non-empty, and (for valid UTF-8) start and end on character boundaries.

nonisolated(unsafe) let analyzers: [Analyzer] = Language.allCases.map { language in
    Analyzer(resources: AnalyzerResources(compoundDictionary: [
        "kunde": 9, "nummer": 9, "passwort": 9, "adresse": 9, "mail": 9, "konto": 9, "vertrag": 9, "rechnung": 9,
    ]), language: language)
}

func check(_ bytes: UnsafeBufferPointer<UInt8>) {
    let isValidUTF8 = String(validating: bytes, as: UTF8.self) != nil
    func isBoundary(_ offset: Int) -> Bool { offset == bytes.count || bytes[offset] & 0xC0 != 0x80 }
    for analyzer in analyzers {
        for mode in [AnalysisMode.document, .positions] {
            analyzer.analyze(bytes, mode: mode) { term, start, end, _ in
                guard 0 <= start, start < end, end <= bytes.count else {
                    FuzzDriver.fail("token \(term) has range \(start)..<\(end) outside 0..<\(bytes.count)", input: bytes)
                }
                if isValidUTF8, !isBoundary(start) || !isBoundary(end) {
                    FuzzDriver.fail("token \(term) range \(start)..<\(end) splits a character", input: bytes)
                }
                if term.isEmpty { FuzzDriver.fail("empty term at \(start)", input: bytes) }
                return true
            }
        }
        var positions = 0
        analyzer.forEachWordRange(in: bytes) { _, _ in positions += 1 }
        let words = analyzer.words(in: String(decoding: bytes, as: UTF8.self))
        if isValidUTF8, words.count != positions {
            FuzzDriver.fail("\(words.count) words but \(positions) word ranges", input: bytes)
        }
    }
}

FuzzDriver.run { data, size in
    check(UnsafeBufferPointer(start: data, count: size))
    return 0
}
