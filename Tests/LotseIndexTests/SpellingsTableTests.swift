import GRDB
import LotseTestSupport
import Testing

/// The index's `spellings`: per folded word that the folding changed, the articles' most frequent spelling (what the
/// encoder reads instead of a customer's "Kundigung"), the same after an incremental build as after a full one.
@Suite struct SpellingsTableTests {
    static let files = [
        "kuendigung.md": ArticleFixtures.simple(title: "Kündigung", text: "Die Kündigung ist schon da. Schön, über Größe zu reden."),
        "groesse.md": ArticleFixtures.simple(title: "Größe ändern", text: "Die Größe ist schon wieder falsch. Fragen Sie uns."),
    ]

    static func spellings(_ workspace: ArticleWorkspace) throws -> [String: String] {
        try workspace.inspector().queue.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT word, spelling FROM spellings").map { ($0[0], $0[1]) })
        }
    }

    @Test func mostFrequentSpellingOfWordsTheFoldingChanged() throws {
        let workspace = try ArticleWorkspace(files: Self.files)
        try workspace.build()
        let spellings = try Self.spellings(workspace)
        #expect(spellings["kundigung"] == "kündigung")
        #expect(spellings["grosse"] == "größe")
        #expect(spellings["andern"] == "ändern")
        // "schon" twice against "Schön" once: the folded word is the articles' spelling, nothing to restore.
        #expect(spellings["schon"] == nil)
        // Capitals are the customer's business: "Fragen" is spelled as its folded word.
        #expect(spellings["fragen"] == nil && spellings["die"] == nil)
    }

    @Test func incrementalBuildGivesTheFullBuildsTable() throws {
        let workspace = try ArticleWorkspace(files: Self.files)
        try workspace.build()
        try workspace.write(ArticleFixtures.simple(title: "Größe ändern", text: "Schön! Schön, schön ist die Größe."), to: "groesse.md")
        let report = try workspace.build()
        #expect(report.unchanged == 1 && report.updated == 1)
        let incremental = try Self.spellings(workspace)
        #expect(incremental["schon"] == "schön")
        try workspace.build(full: true)
        #expect(try Self.spellings(workspace) == incremental)
    }
}
