import Foundation
import LotseIndex
import LotseTestSupport
import Testing

/// Which files under the articles folder the builder looks at, and how it keys them.
@Suite struct SourceScanTests {
    @Test func subfoldersAreScannedWithRelativePaths() throws {
        let workspace = try ArticleWorkspace(files: [
            "konto/kundennummer-finden.md": ArticleFixtures.kundennummer,
            "konto/sicherheit/passwort.md": ArticleFixtures.passwort,
            "webhosting/speicherplatz.html": ArticleFixtures.speicherplatzPage,
        ])
        try workspace.build()
        let index = try workspace.inspector()
        #expect(try index.ids() == ["kundennummer", "passwort", "speicherplatz"])
        #expect(try index.value(.path, of: "passwort") == "konto/sicherheit/passwort.md")
        #expect(try index.value(.path, of: "speicherplatz") == "webhosting/speicherplatz.html")
    }

    @Test func hiddenAndNonArticleFilesAreIgnored() throws {
        let workspace = try ArticleWorkspace(files: ["postfach.md": ArticleFixtures.postfach])
        try workspace.write("kein Artikel", to: "notizen.txt")
        try workspace.write("{}", to: "daten.json")
        try workspace.write("---\ntitle: [kaputt\n---\n", to: ".entwurf.md")
        try workspace.write("---\ntitle: [kaputt\n---\n", to: ".git/alt.md")
        let report = try workspace.build()
        #expect(report.added == 1)
        #expect(report.rejected.isEmpty)
        #expect(try workspace.inspector().ids() == ["postfach"])
    }

    @Test(arguments: ["seite.HTML", "seite.htm", "seite.Md", "seite.markdown"])
    func articleExtensionsAreCaseInsensitive(name: String) throws {
        let text = name.lowercased().hasPrefix("seite.ht")
            ? ArticleFixtures.html(body: "<article><h1>Seite</h1><p>Seiteninhalt.</p></article>")
            : ArticleFixtures.simple(title: "Seite", text: "Seiteninhalt.")
        let workspace = try ArticleWorkspace(files: [name: text])
        try workspace.build()
        #expect(try workspace.inspector().ids(matching: "seiteninhalt") == ["seite"])
    }

    /// A folder whose name ends like an article's is a folder: the articles in it are indexed, it is not rejected.
    @Test func folderNamedLikeAnArticleIsScannedAsAFolder() throws {
        let workspace = try ArticleWorkspace(files: [
            "archiv.md/postfach.md": ArticleFixtures.postfach, "passwort.md": ArticleFixtures.passwort
        ])
        let report = try workspace.build()
        #expect(report.rejected.isEmpty)
        #expect(report.added == 2)
    }

    /// A symbolic link to an article file is an article file: it is indexed or rejected, never silently dropped.
    @Test func symlinkedArticleIsNotSilentlyDropped() throws {
        let workspace = try ArticleWorkspace(files: ["postfach.md": ArticleFixtures.postfach])
        let target = try workspace.directory.write(ArticleFixtures.passwort, to: "geteilt/passwort.md")
        try workspace.symlink("passwort-link.md", to: target)
        let report = try workspace.build(keepGoing: true)
        let indexed = try workspace.inspector().ids().contains("passwort-link")
        let rejected = report.rejected.contains { $0.file == workspace.articlePath("passwort-link.md") }
        #expect(indexed || rejected, "passwort-link.md was neither indexed nor rejected: \(report.summary)")
    }

    /// A link that leads out of the articles folder is refused: a shell or `.env` file whose first line is a
    /// `# comment` reads as Markdown with a title, so `leak.md -> /etc/lotse/env` would publish the server's secrets.
    @Test func symlinkLeadingOutOfTheArticlesFolderIsRejected() throws {
        let workspace = try ArticleWorkspace(files: ["postfach.md": ArticleFixtures.postfach])
        let secret = try workspace.directory.write("# Lotse\nLOTSE_ADMIN_TOKEN=geheim-0123456789abcdef\n", to: "env")
        try workspace.symlink("leck.md", to: secret)
        try workspace.write(ArticleFixtures.passwort, to: "intern/passwort.md")
        try workspace.symlink("passwort-link.md", to: workspace.articlePath("intern/passwort.md"))
        let report = try workspace.build(keepGoing: true)
        let ids = try workspace.inspector().ids()
        #expect(!ids.contains("leck"))
        #expect(try workspace.inspector().ids(matching: "geheim").isEmpty)
        let rejection = report.rejected.first { $0.file == workspace.articlePath("leck.md") }
        #expect(rejection?.reason.contains("outside the articles folder") == true, "\(report.summary)")
        #expect(ids.contains("passwort-link"), "a link within the folder is still an article")
    }

    @Test func missingArticlesFolderIsAnError() throws {
        let directory = try TemporaryDirectory()
        let configuration = IndexConfiguration(articlesDirectory: directory.path("fehlt"), indexPath: directory.path("index.sqlite"))
        #expect(throws: IndexError.articlesDirectoryMissing(path: directory.path("fehlt"))) {
            try IndexBuilder(configuration: configuration).build()
        }
        #expect(!directory.exists("index.sqlite"))
    }

    @Test func aFileLargerThanAnArticleIsRejectedWithItsName() throws {
        let workspace = try ArticleWorkspace(files: ["passwort.md": ArticleFixtures.passwort])
        let huge = "# Protokoll\n\n" + String(repeating: "Zeile eines Serverprotokolls\n", count: (8 << 20) / 29 + 10)
        _ = try workspace.write(huge, to: "protokoll.md")
        var configuration = workspace.configuration()
        configuration.keepGoing = true
        let report = try IndexBuilder(configuration: configuration).build()
        let rejection = try #require(report.rejected.first)
        #expect(rejection.file == workspace.articlePath("protokoll.md") && rejection.reason.contains("larger than an article may be"))
        #expect(try workspace.inspector().ids() == ["passwort"])
    }

    /// An unmounted volume or a half-done deploy leaves the folder empty: the help center must not go with it.
    @Test func anEmptiedFolderKeepsTheIndexUnlessAllowed() throws {
        let workspace = try ArticleWorkspace(files: ["passwort.md": ArticleFixtures.passwort,
                                                     "kundennummer.md": ArticleFixtures.kundennummer])
        try workspace.build()
        try workspace.remove("passwort.md")
        try workspace.remove("kundennummer.md")
        _ = try workspace.write("Nur eine Notiz", to: "LIESMICH.txt")
        #expect(throws: IndexError.noArticles(path: workspace.articlesPath, previous: 2)) {
            try IndexBuilder(configuration: workspace.configuration()).build()
        }
        #expect(try workspace.inspector().ids() == ["kundennummer", "passwort"], "the index kept its articles")
        var allowed = workspace.configuration()
        allowed.allowEmpty = true
        let report = try IndexBuilder(configuration: allowed).build()
        let left = try workspace.inspector().ids()
        #expect(report.removed == 2 && left.isEmpty)
    }

    @Test func openingAMissingIndexNamesThePath() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: IndexError.missingIndex(path: directory.path("nichts.sqlite"))) {
            try IndexStore.openReadOnly(path: directory.path("nichts.sqlite"))
        }
    }
}
