import Foundation
import LotseIndex
import LotseTestSupport
import Testing

/// Bad article files: the build names them (with a line where there is one) and leaves the previous index
/// byte-for-byte alone; with `keepGoing` the valid files are indexed and the bad ones reported.
@Suite struct RejectedArticleTests {
    struct BadInput: Sendable, CustomTestStringConvertible {
        enum Content: Sendable {
            case text(String)
            case bytes([UInt8])
            /// A symbolic link whose target does not exist: the file cannot be read, even by root.
            case danglingSymlink
        }

        var name: String
        var files: [(name: String, content: Content)]
        /// The file the error is about.
        var rejected: String
        /// Files the error message must name (the rejected one and, for duplicates, the other owner).
        var named: [String]
        /// The 1-based line the error must give (nil: any or none).
        var line: ClosedRange<Int>?
        /// Ids from `files` that are valid and indexed with `keepGoing`.
        var indexedWithKeepGoing: [String] = []

        var testDescription: String { name }
    }

    static let cases: [BadInput] = [
        BadInput(name: "bad YAML front matter",
                 files: [("kaputt.md", .text("---\ntitle: [unclosed\ncategory: Konto\n---\n\nText.\n"))],
                 rejected: "kaputt.md", named: ["kaputt.md"], line: 2...3),
        BadInput(name: "bad YAML on a later line",
                 files: [("einrueckung.md", .text("---\ntitle: Einrückung\ncategory: Konto\ntags:\n  - a\n - b\n---\n\nText.\n"))],
                 rejected: "einrueckung.md", named: ["einrueckung.md"], line: 6...6),
        BadInput(name: "front matter never closed",
                 files: [("offen.md", .text("---\ntitle: Offen\ncategory: Konto\n\n# Offen\n\nText.\n"))],
                 rejected: "offen.md", named: ["offen.md"], line: 1...1),
        BadInput(name: "no title",
                 files: [("ohne-titel.md", .text("---\ncategory: Konto\n---\n\nNur Text, keine Überschrift.\n"))],
                 rejected: "ohne-titel.md", named: ["ohne-titel.md"]),
        BadInput(name: "no title in HTML",
                 files: [("ohne-titel.html", .text(ArticleFixtures.html(body: "<article><p>Nur Text.</p></article>")))],
                 rejected: "ohne-titel.html", named: ["ohne-titel.html"]),
        BadInput(name: "empty body",
                 files: [("leer.md", .text("---\ntitle: Leer\n---\n\n# Leer\n\n"))],
                 rejected: "leer.md", named: ["leer.md"]),
        BadInput(name: "empty body in HTML",
            files: [
                (
                    "leer.html",
                    .text(
                        ArticleFixtures.html(
                            body: "<article><h1>Leer</h1><div class=\"article-votes\">War dieser Artikel hilfreich?</div></article>"))
                )
            ],
                 rejected: "leer.html", named: ["leer.html"]),
        BadInput(name: "duplicate id",
                 files: [("dup-a.md", .text(ArticleFixtures.simple(title: "A", text: "Erster.", id: "gleich"))),
                         ("dup-b.md", .text(ArticleFixtures.simple(title: "B", text: "Zweiter.", id: "gleich")))],
                 rejected: "dup-b.md", named: ["dup-a.md", "dup-b.md"], line: 3...3, indexedWithKeepGoing: ["gleich"]),
        BadInput(name: "duplicate of an existing article's id",
                 files: [("zz-kopie.md", .text(ArticleFixtures.simple(title: "Kopie", text: "Kopie.", id: "kundennummer")))],
                 rejected: "zz-kopie.md", named: ["zz-kopie.md", "kundennummer-finden.md"], line: 3...3),
        BadInput(name: "duplicate id in HTML",
                 files: [("zz-kopie.html", .text(ArticleFixtures.html(head: "<meta name=\"lotse:id\" content=\"kundennummer\">",
                                                                      body: "<article><h1>Kopie</h1><p>Kopie.</p></article>")))],
                 rejected: "zz-kopie.html", named: ["zz-kopie.html", "kundennummer-finden.md"], line: 5...5),
        BadInput(name: "non-UTF-8 bytes on line 3",
            files: [("latin1.md", .bytes(Array("---\ntitle: Kodierung\n".utf8) + [0x66, 0x6f, 0xff, 0xfe] + Array("\n---\nText.\n".utf8)))],
                 rejected: "latin1.md", named: ["latin1.md"], line: 3...3),
        BadInput(name: "unreadable file (dangling symlink)",
                 files: [("broken.md", .danglingSymlink)],
                 rejected: "broken.md", named: ["broken.md"]),
        BadInput(name: "unknown lang",
                 files: [("sprache.md", .text("---\ntitle: Sprache\ncategory: Konto\nlang: xx\n---\n\nText.\n"))],
                 rejected: "sprache.md", named: ["sprache.md"], line: 4...4),
        BadInput(name: "unknown lang in HTML",
            files: [
                (
                    "sprache.html",
                    .text(ArticleFixtures.html(body: "<article><h1>Titel</h1><p>Text.</p></article>", htmlAttributes: " lang=\"xx\""))
                )
            ],
                 rejected: "sprache.html", named: ["sprache.html"], line: 2...2),
        BadInput(name: "unknown front-matter key",
                 files: [("schluessel.md", .text("---\ntitle: Schlüssel\nautor: Jemand\n---\n\nText.\n"))],
                 rejected: "schluessel.md", named: ["schluessel.md"], line: 3...3),
        BadInput(name: "url on another host",
                 files: [("fremd.md", .text("---\ntitle: Fremd\nurl: https://evil.example/\n---\n\nText.\n"))],
                 rejected: "fremd.md", named: ["fremd.md"], line: 3...3),
        BadInput(name: "url leaving /hilfe",
                 files: [("pfad.md", .text("---\ntitle: Pfad\nurl: /hilfe/../api/v1/admin\n---\n\nText.\n"))],
                 rejected: "pfad.md", named: ["pfad.md"], line: 3...3),
        BadInput(name: "duplicate url",
                 files: [("zz-gleiche-adresse.md",
                          .text("---\ntitle: Gleich\nurl: /hilfe/konto-anmeldung/kundennummer-finden\n---\n\nText.\n"))],
                 rejected: "zz-gleiche-adresse.md", named: ["zz-gleiche-adresse.md", "kundennummer-finden.md"], line: 3...3),
        BadInput(name: "HTML nested deeper than the parser follows",
                 files: [("verschachtelt.html", .text(ArticleFixtures.html(body: "<article><h1>Tief</h1>\n"
                     + String(repeating: "<div>", count: 300) + "innen" + String(repeating: "</div>", count: 300) + "</article>")))],
                 rejected: "verschachtelt.html", named: ["verschachtelt.html"], line: 9...9),
        BadInput(name: "HTML element the page drops, never closed",
                 files: [("formel.html", .text(ArticleFixtures.html(body: "<article><h1>Formel</h1>\n<p>Preis: <math><mi>x</mi>\n"
                     + "<p>Der Rest des Artikels.</p></article>")))],
                 rejected: "formel.html", named: ["formel.html", "<math>"], line: 9...9),
        BadInput(name: "Markdown nested deeper than a page shows",
                 files: [("zitate.md", .text("---\ntitle: Zitate\n---\n\nText.\n\n" + String(repeating: "> ", count: 300) + "innen\n"))],
                 rejected: "zitate.md", named: ["zitate.md"], line: 7...7),
        BadInput(name: "invalid id",
                 files: [("ungueltig.md", .text("---\ntitle: Ungültig\nid: mit leerzeichen\n---\n\nText.\n"))],
                 rejected: "ungueltig.md", named: ["ungueltig.md"], line: 3...3),
    ]

    static func write(_ files: [(name: String, content: BadInput.Content)], into workspace: ArticleWorkspace) throws {
        for (name, content) in files {
            switch content {
            case .text(let text): try workspace.write(text, to: name)
            case .bytes(let bytes): try workspace.write(Data(bytes), to: name)
            case .danglingSymlink: try workspace.symlink(name, to: workspace.directory.path("does-not-exist/\(name)"))
            }
        }
    }

    static func check(_ error: ArticleParseError?, _ input: BadInput, in workspace: ArticleWorkspace,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else {
            Issue.record("no error for \(input.rejected)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.file == workspace.articlePath(input.rejected), sourceLocation: sourceLocation)
        for name in input.named {
            #expect(error.description.contains(name), "error does not name \(name): \(error)", sourceLocation: sourceLocation)
        }
        if let lines = input.line {
            #expect(
                error.line.map { lines.contains($0) } == true, "line \(error.line.map(String.init) ?? "none"), expected \(lines): \(error)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: cases)
    func buildRejectsAndLeavesPreviousIndexUnchanged(_ input: BadInput) throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try workspace.build()
        let before = try workspace.indexData()
        try Self.write(input.files, into: workspace)

        let errors = rejectedArticles { try workspace.build() }
        #expect(errors?.count == 1, "\(errors ?? [])")
        Self.check(errors?.first, input, in: workspace)
        #expect(try workspace.indexData() == before)
        #expect(try workspace.inspector().ids() == ArticleFixtures.markdownSetIDs)
        #expect(!workspace.directory.exists("index/index.sqlite.building"))
    }

    @Test(arguments: cases)
    func firstBuildRejectsWithoutCreatingAnIndex(_ input: BadInput) throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try Self.write(input.files, into: workspace)
        let errors = rejectedArticles { try workspace.build() }
        Self.check(errors?.first, input, in: workspace)
        #expect(!FileManager.default.fileExists(atPath: workspace.indexPath))
    }

    @Test(arguments: cases)
    func keepGoingIndexesValidFilesAndReportsBadOnes(_ input: BadInput) throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        try Self.write(input.files, into: workspace)
        let report = try workspace.build(keepGoing: true)
        #expect(report.rejected.count == 1, "\(report.rejected)")
        Self.check(report.rejected.first, input, in: workspace)
        #expect(report.wroteIndex)
        #expect(report.added == ArticleFixtures.markdownSetIDs.count + input.indexedWithKeepGoing.count)
        let expected = (ArticleFixtures.markdownSetIDs + input.indexedWithKeepGoing).sorted()
        #expect(try workspace.inspector().ids() == expected)
        let paths = try workspace.inspector().queue.read { db in try String.fetchAll(db, sql: "SELECT path FROM articles") }
        #expect(!paths.contains(input.rejected))
    }

    @Test func allBadFilesAreReportedTogetherSortedByFile() throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        for input in Self.cases where input.name != "duplicate of an existing article's id" {
            try Self.write(input.files, into: workspace)
        }
        let errors = try #require(rejectedArticles { try workspace.build() })
        let files = errors.map(\.file)
        #expect(files == files.sorted())
        let expected = Self.cases.filter { $0.name != "duplicate of an existing article's id" }.map { workspace.articlePath($0.rejected) }
        #expect(Set(files) == Set(expected))
        let report = try workspace.build(keepGoing: true)
        #expect(report.rejected.map(\.file) == errors.map(\.file))
        #expect(try workspace.inspector().ids() == (ArticleFixtures.markdownSetIDs + ["gleich"]).sorted())
    }

    @Test func errorMessageListsEveryRejectedFile() throws {
        let error = IndexError.rejectedArticles([
            ArticleParseError(file: "articles/a.md", line: 3, reason: "not valid UTF-8 text"),
            ArticleParseError(file: "articles/b.md", reason: "empty body"),
        ])
        #expect(error.description.contains("2 article file(s) rejected"))
        #expect(error.description.contains("articles/a.md:3: not valid UTF-8 text"))
        #expect(error.description.contains("articles/b.md: empty body"))
    }

    @Test("control characters in a file name or a quoted value are shown escaped, never sent to the terminal")
    func controlCharactersAreEscapedInMessages() {
        let error = ArticleParseError(file: "articles/a\u{1B}[31mrot.md", line: 2, reason: "invalid lang 'de\u{7}'")
        #expect(error.description == "articles/a\\u{1B}[31mrot.md:2: invalid lang 'de\\u{7}'")
        #expect(ArticleParseError(file: "articles/größe.md", reason: "leer").description == "articles/größe.md: leer")
    }

}
