import LotseAnalysis
import Testing
@testable import LotseSearch

/// A ticket draft is planned from the words some article has: names, places and pasted codes no article has
/// carry the highest idf, and used to take the places of the draft's real words among its informative concepts.
@Suite struct DraftConceptTests {
    static var planner: QueryPlanner {
        .fixture(frequencies: ["passwort": 30, "vergessen": 25, "kundencenter": 20, "anmeldung": 40, "rechnung": 35])
    }

    /// 26 surnames and street names of a signature and a CC list, then the problem.
    static let names = (0..<26).map { "Qxylborn\(String(UnicodeScalar(UInt8(97 + $0))))zutt" }

    @Test func wordsNoArticleHasDoNotCrowdOutTheProblem() {
        let problem = "Ich habe mein Passwort vergessen und komme nicht ins Kundencenter."
        let description = "Hallo, " + Self.names.joined(separator: ", ") + ". " + problem
        let concepts = Self.planner.concepts(subject: "Hilfe", description: description, prefixLastWord: false)
        let words = Set(concepts.map(\.word))
        for word in ["passwort", "vergessen", "kundencenter"] { #expect(words.contains(word), "\(word) in \(words.sorted())") }
    }

    @Test func wordsNoArticleHasStillWeighOnTheDraft() {
        let plain = Self.planner.concepts(subject: "", description: "Passwort vergessen", prefixLastWord: false)
        let signed = Self.planner.concepts(subject: "", description: "Passwort vergessen, Qxylbornazutt Qxylbornbzutt",
                                           prefixLastWord: false)
        #expect(signed.count == plain.count + 2, "the unknown words stay, after the matchable ones: \(signed.map(\.word))")
        #expect(Array(signed.prefix(plain.count)) == plain)
        #expect(signed.count <= 2 * QueryPlanner.draftConceptLimit)
    }
}
