import LotseAnalysis
import LotseIndex
import LotseTestSupport
import Testing

/// Help-center boilerplate in HTML exports never reaches the index, while the article text does.
@Suite struct BoilerplateIndexTests {
    /// Every kind of boilerplate block placed inside `<article>`, so only the cleaning (not the choice of the
    /// content element) can keep it out.
    static let everythingInsideArticle = ArticleFixtures.html(body: """
        <article class="article">
          <h1>Postfach einrichten</h1>
          <header class="article-header"><p>Kopfbereich Rubrikleiste</p></header>
          <nav class="toc"><a href="#a">Navigationsleiste</a></nav>
          <script>var zaehlpixel = "Skriptwort"; document.cookie = "tracking=1";</script>
          <style>.hinweis::after { content: "Stilvorlage"; }</style>
          <noscript>Javascriptpflicht</noscript>
          <p>Richten Sie Ihr Postfach mit IMAP ein.</p>
          <form action="/suche"><label>Suchfeld</label><input name="q"><textarea>Freitextfeld</textarea></form>
          <aside><p>Randnotiz</p></aside>
          <div class="cookie-banner"><p>Wir verwenden Cookies.</p><button>Einverstanden</button></div>
          <div class="article-votes">War dieser Artikel hilfreich? <button>Ja</button></div>
          <section class="article-comments"><h2>0 Kommentare</h2><p>Diskussionsbeitrag</p></section>
          <section class="related-articles"><h2>Verwandte Artikel</h2><ul><li>Weiterleitungsregeln</li></ul></section>
          <div class="newsletter-box">Newsletter abonnieren</div>
          <footer class="article-footer"><p>Fußzeilenhinweis</p></footer>
          <p>Zum Schluss testen Sie den Versand.</p>
        </article>
        """)

    /// (word as written in the boilerplate, where it stood).
    static let boilerplateWords: [(String, String)] = [
        ("Kopfbereich", "header"),
        ("Navigationsleiste", "nav"),
        ("Skriptwort", "script"),
        ("zaehlpixel", "script"),
        ("Stilvorlage", "style"),
        ("Javascriptpflicht", "noscript"),
        ("Suchfeld", "form label"),
        ("Freitextfeld", "form textarea"),
        ("Randnotiz", "aside"),
        ("Cookies", "cookie banner"),
        ("Einverstanden", "cookie banner button"),
        ("hilfreich", "votes"),
        ("Kommentare", "comments heading"),
        ("Diskussionsbeitrag", "comments"),
        ("Verwandte", "related articles"),
        ("Weiterleitungsregeln", "related articles"),
        ("Newsletter", "newsletter box"),
        ("Fußzeilenhinweis", "footer"),
    ]

    @Test(arguments: boilerplateWords)
    func boilerplateInsideArticleIsNotIndexed(word: String, block: String) throws {
        let workspace = try ArticleWorkspace(files: ["postfach.html": Self.everythingInsideArticle])
        try workspace.build()
        let index = try workspace.inspector()
        let folded = try #require(Analyzer().fold(word))
        #expect(try index.ids(matching: folded).isEmpty, "\(block): '\(folded)' is in the full-text index")
        #expect(try !index.hasTermStatistics(folded), "\(block): '\(folded)' is in terms")
        let body = try #require(try index.value(.body, of: "postfach"))
        #expect(!body.lowercased().contains(word.lowercased()), "\(block): '\(word)' is in the body")
        let html = try #require(try index.value(.html, of: "postfach"))
        #expect(!html.lowercased().contains(word.lowercased()), "\(block): '\(word)' is in the stored HTML")
    }

    @Test func articleTextAroundBoilerplateIsIndexed() throws {
        let workspace = try ArticleWorkspace(files: ["postfach.html": Self.everythingInsideArticle])
        try workspace.build()
        let index = try workspace.inspector()
        for word in ["postfach", "imap", "richten", "versand", "schluss"] {
            #expect(try index.ids(matching: word) == ["postfach"], "'\(word)' should be findable")
        }
        #expect(try index.value(.body, of: "postfach") == "Richten Sie Ihr Postfach mit IMAP ein. Zum Schluss testen Sie den Versand.")
        #expect(try index.value(.headings, of: "postfach") == "")
    }

    /// The realistic page layout: boilerplate around `<main>` and votes, comments and sidebar inside it.
    @Test(arguments: [
        "kommentare", "kommentar", "hilfreich", "cookie", "cookies", "newsletter", "impressum", "trackingpixelloaded",
        "zahlpixelskript", "startseite", "produktubersicht", "suchbegriff", "kopfzeilenlogo", "verwandte", "cronjobs",
        "akzeptieren", "stilvorlage", "vielen",
    ])
    func pageBoilerplateIsNotIndexed(term: String) throws {
        let workspace = try ArticleWorkspace(files: ["speicherplatz.html": ArticleFixtures.speicherplatzPage])
        try workspace.build()
        let index = try workspace.inspector()
        #expect(try index.ids(matching: term).isEmpty)
        #expect(try !index.hasTermStatistics(term))
        let body = try #require(try index.value(.body, of: "speicherplatz"))
        #expect(!body.lowercased().contains(term))
    }

    @Test(arguments: ["speicherplatz", "webspace", "datenbanken", "belegung", "warnung", "speicherpaket", "nutzung"])
    func pageArticleWordsAreIndexed(term: String) throws {
        let workspace = try ArticleWorkspace(files: ["speicherplatz.html": ArticleFixtures.speicherplatzPage])
        try workspace.build()
        #expect(try workspace.inspector().ids(matching: term) == ["speicherplatz"])
    }

    @Test func storedHTMLIsSanitised() throws {
        let page = ArticleFixtures.html(body: """
            <article><h1>Titel</h1>
            <p onclick="steal()" style="color:red">Sicherer <a href="javascript:alert(1)">Link</a> und <a href="/hilfe">Hilfe</a>.</p>
            <script>alert("x")</script></article>
            """)
        let workspace = try ArticleWorkspace(files: ["sauber.html": page])
        try workspace.build()
        let html = try #require(try workspace.inspector().value(.html, of: "sauber"))
        #expect(html.contains("href=\"/hilfe\""))
        #expect(html.contains("Sicherer"))
        for forbidden in ["<script", "onclick", "style=", "javascript:"] {
            #expect(!html.contains(forbidden), "stored HTML contains \(forbidden)")
        }
    }
}
