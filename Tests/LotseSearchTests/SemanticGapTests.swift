import Foundation
import LotseTestSupport
import Testing
@testable import LotseSearch

/// The content-gap fixture log grouped with the sentence encoder as well: "Domain Umzug" joins "Domain umziehen",
/// which share only one term. Needs the model of `make deps`; without it the suite passes vacuously, except under
/// LOTSE_TEST_REQUIRE_SHARED (`make test`), where that fails.
@Suite struct SemanticGapTests {
    @Test("by meaning, the fixture's six topics are six, and no two known topics are joined")
    func sixTopics() throws {
        guard let model = try SemanticTestModel.load() else { return }
        let texts = ContentGapTests.texts
        let report = GapReport(texts: texts, days: 30, now: ContentGapTests.now, compoundDictionary: [:], titles: [:],
                               merge: TopicGrouping.meaningMerge { model.embed($0, maxPieces: 32) })
        #expect(report.topics.map(\.label) == ["rechnung stornieren", "domain umziehen", "ssl zertifikat abgelaufen",
                                               "rückerstattung guthaben", "postfach voll", "server neustarten"])
        #expect(report.topics.map(\.size) == [10, 9, 8, 7, 6, 5])
    }
}
