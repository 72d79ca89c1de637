import Foundation
import GRDB
import LotseIndex
import LotseTestSupport
import Testing

/// A rebuild renames a complete new file over the old one: open readers keep their snapshot, new readers see
/// the new index, and nothing temporary is left behind.
@Suite struct AtomicReplacementTests {
    static let oldText = ArticleFixtures.simple(title: "Wartungsfenster", text: "Die Wartung beginnt um Mitternacht.", id: "wartung")
    static let newText = ArticleFixtures.simple(title: "Wartungsfenster", text: "Die Wartung beginnt am Sonntagmorgen.", id: "wartung")

    @Test func openReaderKeepsOldContentAndNewReaderSeesNewContent() throws {
        let workspace = try ArticleWorkspace(files: ["wartung.md": Self.oldText, "postfach.md": ArticleFixtures.postfach])
        try workspace.build()
        let oldReader = try workspace.inspector()
        #expect(try oldReader.ids(matching: "mitternacht") == ["wartung"])

        try workspace.write(Self.newText, to: "wartung.md")
        try workspace.write(ArticleFixtures.invoiceEnglish, to: "invoice.md")
        let report = try workspace.build()
        #expect(report.wroteIndex)
        #expect(report.updated == 1 && report.added == 1)

        // The connection opened before the rebuild still reads the replaced file, consistently.
        #expect(try oldReader.ids(matching: "mitternacht") == ["wartung"])
        #expect(try oldReader.ids(matching: "sonntagmorgen").isEmpty)
        #expect(try oldReader.value(.body, of: "wartung") == "Die Wartung beginnt um Mitternacht.")
        #expect(try oldReader.ids() == ["postfach", "wartung"])

        let newReader = try workspace.inspector()
        #expect(try newReader.ids(matching: "sonntagmorgen") == ["wartung"])
        #expect(try newReader.ids(matching: "mitternacht").isEmpty)
        #expect(try newReader.value(.body, of: "wartung") == "Die Wartung beginnt am Sonntagmorgen.")
        #expect(try newReader.ids() == ["invoice", "postfach", "wartung"])
    }

    @Test func oldReaderStillWorksAfterSeveralRebuilds() throws {
        let workspace = try ArticleWorkspace(files: ["wartung.md": Self.oldText])
        try workspace.build()
        let oldReader = try workspace.inspector()
        for round in 1...3 {
            try workspace.write(ArticleFixtures.simple(title: "Runde", text: "Fassung nummer\(round).", id: "wartung"), to: "wartung.md")
            #expect(try workspace.build().wroteIndex)
        }
        #expect(try oldReader.value(.body, of: "wartung") == "Die Wartung beginnt um Mitternacht.")
        #expect(try oldReader.count(sql: "SELECT count(*) FROM fts WHERE fts MATCH ?", arguments: ["\"mitternacht\""]) == 1)
        #expect(try workspace.inspector().value(.body, of: "wartung") == "Fassung nummer3.")
    }

    @Test func noTemporaryFileIsLeftBehind() throws {
        let workspace = try ArticleWorkspace(files: ["wartung.md": Self.oldText])
        try workspace.build()
        try workspace.write(Self.newText, to: "wartung.md")
        try workspace.build()
        let leftovers = try workspace.indexFolderContents().filter { $0.hasSuffix(".building") || $0.contains(".building-") }
        #expect(leftovers.isEmpty)
        #expect(try workspace.indexFolderContents().filter { $0.hasSuffix("-journal") || $0.hasSuffix("-wal") }.isEmpty)
        #expect(try workspace.indexFolderContents().contains("index.sqlite"))
    }

    @Test func staleTemporaryFileFromACrashIsReplaced() throws {
        let workspace = try ArticleWorkspace(files: ["wartung.md": Self.oldText])
        try workspace.directory.write("garbage from a crashed build", to: "index/index.sqlite.building")
        let report = try workspace.build()
        #expect(report.wroteIndex)
        #expect(!workspace.directory.exists("index/index.sqlite.building"))
        #expect(try workspace.inspector().ids() == ["wartung"])
    }

    @Test func newIndexIsNotInWALModeAndPassesIntegrityCheck() throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try workspace.build()
        let queue = try workspace.inspector().queue
        let journalMode = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journalMode?.lowercased() == "delete")
        let check = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
        #expect(try queue.read { db in try IndexStore.meta(db, IndexMetaKey.articleCount) } == "3")
        #expect(try queue.read { db in try IndexStore.meta(db, IndexMetaKey.analyzerVersion) }?.hasPrefix("lotse-") == true)
    }

    @Test func failedBuildKeepsTheOpenReaderAndFileIntact() throws {
        let workspace = try ArticleWorkspace(files: ["wartung.md": Self.oldText])
        try workspace.build()
        let reader = try workspace.inspector()
        let inodeBefore = try inode(of: workspace.indexPath)
        try workspace.write("---\ntitle: [kaputt\n---\nText.\n", to: "kaputt.md")
        #expect(rejectedArticles { try workspace.build() }?.count == 1)
        #expect(try inode(of: workspace.indexPath) == inodeBefore)
        #expect(try reader.ids() == ["wartung"])
        #expect(!workspace.directory.exists("index/index.sqlite.building"))
    }
}
