import Foundation
import GRDB
import LotseIndex
import LotseTestSupport
import Testing

/// Incremental builds: only changed files are re-parsed, the counts say what happened, and a build with
/// nothing to do leaves the index file alone.
@Suite struct IncrementalBuildTests {
    static let count = ArticleFixtures.markdownSet.count

    /// A workspace with the Markdown set already built once.
    static func builtWorkspace() throws -> ArticleWorkspace {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        let first = try workspace.build()
        #expect(first.added == count && first.updated == 0 && first.unchanged == 0 && first.removed == 0)
        #expect(first.wroteIndex)
        return workspace
    }

    @Test func firstBuildAddsEverything() throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        let report = try workspace.build()
        #expect(report.added == Self.count)
        #expect(report.articleCount == Self.count)
        #expect(report.rejected.isEmpty)
        #expect(try workspace.inspector().ids() == ArticleFixtures.markdownSetIDs)
        #expect(report.summary.hasPrefix("indexed 3 articles (3 added, 0 updated, 0 removed, 0 unchanged)"))
    }

    @Test func editedFileIsUpdatedOthersUnchanged() throws {
        let workspace = try Self.builtWorkspace()
        let edited = ArticleFixtures.postfach.replacingOccurrences(of: "Port 587", with: "Port 465 und Verschlüsselungsprotokoll")
        try workspace.write(edited, to: "postfach-einrichten.md")
        let report = try workspace.build()
        #expect(report.updated == 1)
        #expect(report.unchanged == Self.count - 1)
        #expect(report.added == 0)
        #expect(report.removed == 0)
        #expect(report.wroteIndex)
        let index = try workspace.inspector()
        #expect(try index.ids() == ArticleFixtures.markdownSetIDs)
        #expect(try index.ids(matching: "verschlusselungsprotokoll") == ["postfach-einrichten"])
        #expect(try index.ids(matching: "587").isEmpty)
    }

    @Test func unchangedArticlesStaySearchableAfterAnotherFileChanged() throws {
        let workspace = try Self.builtWorkspace()
        try workspace.write(ArticleFixtures.postfach + "\nNeuer Absatz.\n", to: "postfach-einrichten.md")
        try workspace.build()
        let index = try workspace.inspector()
        #expect(try index.ids(matching: "stammdaten") == ["kundennummer"])
        #expect(try index.ids(matching: "abgelaufen") == ["passwort-zuruecksetzen"])
        #expect(try index.value(.title, of: "kundennummer") == "Kundennummer finden")
        #expect(try index.value(.url, of: "kundennummer") == "/hilfe/konto-anmeldung/kundennummer-finden")
        #expect(try index.count(sql: "SELECT count(*) FROM fts WHERE fts MATCH ?", arguments: ["\"kundennummer\""]) == 1)
    }

    @Test func addedFileIsCountedAsAdded() throws {
        let workspace = try Self.builtWorkspace()
        try workspace.write(ArticleFixtures.invoiceEnglish, to: "en-invoice.md")
        let report = try workspace.build()
        #expect(report.added == 1)
        #expect(report.unchanged == Self.count)
        #expect(report.updated == 0)
        #expect(report.removed == 0)
        let index = try workspace.inspector()
        #expect(try index.ids(matching: "invoice") == ["en-invoice"])
        #expect(try index.value(.lang, of: "en-invoice") == "en")
    }

    @Test func deletedFileIsRemovedFromIndex() throws {
        let workspace = try Self.builtWorkspace()
        try workspace.remove("passwort-zuruecksetzen.md")
        let report = try workspace.build()
        #expect(report.removed == 1)
        #expect(report.unchanged == Self.count - 1)
        #expect(report.added == 0)
        #expect(report.updated == 0)
        #expect(report.wroteIndex)
        let index = try workspace.inspector()
        #expect(try index.ids() == ["kundennummer", "postfach-einrichten"])
        #expect(try index.ids(matching: "abgelaufen").isEmpty)
        #expect(try !index.hasTermStatistics("abgelaufen"))
        #expect(try IndexStore.openReadOnly(path: workspace.indexPath).read { db in
            try IndexStore.meta(db, IndexMetaKey.articleCount)
        } == "2")
    }

    @Test func renamedFileIsRemovedAndAdded() throws {
        let workspace = try Self.builtWorkspace()
        try workspace.remove("postfach-einrichten.md")
        try workspace.write(ArticleFixtures.postfach, to: "mail/postfach.md")
        let report = try workspace.build()
        #expect(report.added == 1)
        #expect(report.removed == 1)
        #expect(report.unchanged == Self.count - 1)
        let index = try workspace.inspector()
        #expect(try index.ids() == ["kundennummer", "passwort-zuruecksetzen", "postfach"])
        #expect(try index.value(.path, of: "postfach") == "mail/postfach.md")
    }

    @Test func noChangeKeepsIndexFileUntouched() throws {
        let workspace = try Self.builtWorkspace()
        let before = try FileManager.default.attributesOfItem(atPath: workspace.indexPath)
        let bytesBefore = try workspace.indexData()
        let report = try workspace.build()
        let after = try FileManager.default.attributesOfItem(atPath: workspace.indexPath)
        #expect(!report.wroteIndex)
        #expect(report.unchanged == Self.count)
        #expect(report.added == 0 && report.updated == 0 && report.removed == 0)
        #expect(report.rejected.isEmpty)
        let inodeBefore = (before[.systemFileNumber] as? NSNumber)?.uint64Value
        #expect(inodeBefore != nil)
        #expect((after[.systemFileNumber] as? NSNumber)?.uint64Value == inodeBefore)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(try workspace.indexData() == bytesBefore)
    }

    /// An index from before the category index (category pages and related articles scanned every row) is
    /// rewritten once by the next build, even with nothing changed; the build after that keeps it.
    @Test func indexWithoutTheCategoryIndexIsRewrittenOnce() throws {
        let workspace = try Self.builtWorkspace()
        try DatabaseQueue(path: workspace.indexPath).write { try $0.execute(sql: "DROP INDEX articles_category") }
        let report = try workspace.build()
        #expect(report.wroteIndex && report.unchanged == Self.count)
        let indexes = try DatabaseQueue(path: workspace.indexPath).read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles'")
        }
        #expect(indexes.contains("articles_category"), "\(indexes)")
        #expect(!(try workspace.build().wroteIndex))
    }

    @Test func touchingAFileWithoutChangingItIsNoChange() throws {
        let workspace = try Self.builtWorkspace()
        let path = workspace.articlePath("kundennummer-finden.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: path)
        let report = try workspace.build()
        #expect(!report.wroteIndex)
        #expect(report.unchanged == Self.count)
    }

    @Test func changedFileGetsANewIndexFile() throws {
        let workspace = try Self.builtWorkspace()
        let oldInode = try inode(of: workspace.indexPath)
        try workspace.write(ArticleFixtures.passwort + "\nZusatz.\n", to: "passwort-zuruecksetzen.md")
        #expect(try workspace.build().wroteIndex)
        let newInode = try inode(of: workspace.indexPath)
        #expect(oldInode != nil && newInode != nil && oldInode != newInode)
    }

    @Test func fullBuildReparsesEverything() throws {
        let workspace = try Self.builtWorkspace()
        let report = try workspace.build(full: true)
        #expect(report.updated == Self.count)
        #expect(report.added == 0)
        #expect(report.removed == 0)
        #expect(report.unchanged == 0)
        #expect(report.wroteIndex)
        #expect(try workspace.inspector().ids() == ArticleFixtures.markdownSetIDs)
    }

    @Test func fullBuildCountsDeletedFileAsRemoved() throws {
        let workspace = try Self.builtWorkspace()
        try workspace.remove("postfach-einrichten.md")
        let report = try workspace.build(full: true)
        #expect(report.removed == 1)
        #expect(report.updated == Self.count - 1)
        #expect(try workspace.inspector().ids() == ["kundennummer", "passwort-zuruecksetzen"])
    }

    @Test func progressIsReportedForEveryFile() async throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try await confirmation("one progress call per file", expectedCount: Self.count) { fileDone in
            let builder = IndexBuilder(configuration: workspace.configuration()) { done, total in
                #expect(total == Self.count)
                #expect((1...Self.count).contains(done))
                fileDone()
            }
            _ = try builder.build()
        }
    }
}

/// The inode number of `path` (changes when a new file is renamed into place).
func inode(of path: String) throws -> UInt64? {
    (try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
}
