import Foundation
import GRDB
import LotseAnalysis
import LotseIndex
import LotseTestSupport
import Testing

/// What `lotse serve` checks before it serves a file (at start and on every reload).
@Suite struct IndexVerificationTests {
    @Test func aFreshIndexPasses() throws {
        let workspace = try ArticleWorkspace(files: ["postfach.md": ArticleFixtures.postfach])
        try workspace.build()
        try IndexStore.verify(path: workspace.indexPath)
    }

    /// Its words were analysed by other rules than the queries would be: refused with the fix in the message.
    @Test func anIndexOfAnotherAnalyzerVersionIsRefused() throws {
        let workspace = try ArticleWorkspace(files: ["postfach.md": ArticleFixtures.postfach])
        try workspace.build()
        let queue = try DatabaseQueue(path: workspace.indexPath)
        try queue.write { db in try db.execute(sql: "UPDATE meta SET value = 'lotse-6-0000' WHERE key = 'analyzer_version'") }
        try queue.close()
        #expect(throws: IndexError.otherAnalyzer(path: workspace.indexPath, found: "lotse-6-0000",
                                                 expected: AnalyzerResources.empty.version)) {
            try IndexStore.verify(path: workspace.indexPath)
        }
        #expect("\(IndexError.otherAnalyzer(path: "i", found: "a", expected: "b"))".hasSuffix("rebuild it with `lotse index`"))
    }

    @Test func anSQLiteFileWithoutTheIndexTablesIsNotAnIndex() throws {
        let workspace = try ArticleWorkspace(files: [:])
        try FileManager.default.createDirectory(atPath: (workspace.indexPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: workspace.indexPath)
        try queue.write { db in try db.execute(sql: "CREATE TABLE unrelated (x)") }
        try queue.close()
        #expect(throws: IndexError.notAnIndex(path: workspace.indexPath)) { try IndexStore.verify(path: workspace.indexPath) }
    }
}
