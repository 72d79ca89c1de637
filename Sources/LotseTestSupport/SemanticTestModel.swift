import Foundation
import LotseSemantic

/// The sentence encoder that `make deps` converts into the repository's `.lotse/model`, for tests of the hybrid
/// ranking. Missing, tests get nil and pass vacuously, except under LOTSE_TEST_REQUIRE_SHARED (set by `make test`),
/// where `load()` throws and the test fails.
public enum SemanticTestModel {
    public static let directory: String = ProcessInfo.processInfo.environment["LOTSE_SEMANTIC_MODEL"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".lotse/model").path

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "LOTSE_TEST_REQUIRE_SHARED is set but the semantic model is missing in \(directory) (make deps)" }
    }

    private static let loaded = Result { try SemanticModel.loadIfPresent(directory: directory) }

    public static func load() throws -> SemanticModel? {
        let model = try loaded.get()
        if model == nil, ProcessInfo.processInfo.environment["LOTSE_TEST_REQUIRE_SHARED"] != nil { throw Missing() }
        if model == nil { print("semantic model not found in \(directory): skipped (make test requires it)") }
        return model
    }
}
