import LotseAnalysis
import LotseIndex
import LotseTestSupport
import Testing

/// HTML exports: title, content element, entities and metadata (boilerplate: `BoilerplateIndexTests`).
@Suite struct HTMLParsingTests {
    @Test func pageMetadataIsParsed() throws {
        let article = try #require(parseArticle(ArticleFixtures.speicherplatzPage, file: "articles/webspace-speicherplatz-erweitern.html"))
        #expect(article.id == "webspace-speicherplatz-erweitern")
        #expect(article.title == "Speicherplatz erweitern")
        #expect(article.category == "Webhosting")
        #expect(article.tags == ["speicherplatz", "webspace", "speicherpaket"])
        #expect(article.updated == "2026-09-14")
        #expect(article.url == "/hilfe/webhosting/webspace-speicherplatz-erweitern")
        #expect(article.language == .de)
        #expect(article.headings == ["Belegung prüfen"])
    }

    @Test func titleComesFromH1BeforeTitleElement() throws {
        let page = ArticleFixtures.html(head: "<title>Seitentitel – Lindenhost Hilfe-Center</title>",
                                        body: "<article><h1>Gr&ouml;&szlig;e &auml;ndern</h1><p>Text.</p></article>")
        let article = try #require(parseArticle(page, file: "articles/a.html"))
        #expect(article.title == "Größe ändern")
        #expect(article.headings == [])
        #expect(article.body == "Text.")
    }

    @Test(arguments: [
        ("Speicherplatz erweitern – Lindenhost Hilfe-Center", "Speicherplatz erweitern"),
        ("Speicherplatz erweitern — Lindenhost", "Speicherplatz erweitern"),
        ("Speicherplatz erweitern | Lindenhost", "Speicherplatz erweitern"),
        ("Speicherplatz erweitern - Lindenhost", "Speicherplatz erweitern"),
        ("PHP-Version ändern – Lindenhost Hilfe-Center", "PHP-Version ändern"),
        ("Ohne Seitenname", "Ohne Seitenname"),
    ])
    func titleFallsBackToTitleElementWithoutSiteName(title: String, expected: String) throws {
        let page = ArticleFixtures.html(
            head: "<title>\(title)</title>", body: "<article><h2>Abschnitt</h2><p>Inhalt des Artikels.</p></article>")
        let article = try #require(parseArticle(page, file: "articles/ohne-h1.html"))
        #expect(article.title == expected)
        #expect(article.headings == ["Abschnitt"])
    }

    /// Text inside an element the page's allowlist drops with its content is not indexed either: a search must not
    /// find, or show in a snippet, what the article page leaves out.
    @Test func textThePageDropsIsNotIndexed() throws {
        let page = ArticleFixtures.html(body: """
            <article><h1>Titel</h1><p>Preis: <math><mi>Formelzeichen</mi></math> Euro.</p>
            <video>Videoersatztext</video><select><option>Auswahlpunkt</option></select><p>Letzter Absatz.</p></article>
            """)
        let article = try #require(parseArticle(page, file: "articles/a.html"))
        for hidden in ["Formelzeichen", "Videoersatztext", "Auswahlpunkt"] {
            #expect(!article.body.contains(hidden), "\(hidden) in \(article.body)")
            #expect(!article.html.contains(hidden), "\(hidden) in \(article.html)")
        }
        #expect(article.body.contains("Preis:") && article.body.contains("Letzter Absatz."))
        #expect(article.html.contains("Letzter Absatz."))
    }

    /// Page furniture outside the article left open (the article then sits inside it) costs the article nothing.
    @Test func anUnclosedElementOutsideTheArticleIsNoError() throws {
        let page = ArticleFixtures.html(body: "<nav><a href=\"/\">Start</a>\n<article><h1>Titel</h1><p>Ganzer Text.</p></article>")
        let article = try #require(parseArticle(page, file: "articles/a.html"))
        #expect(article.body == "Ganzer Text.")
    }

    @Test func bodyComesFromArticleElement() throws {
        let page = ArticleFixtures.html(body: """
            <div class="intro">Einleitung außerhalb</div>
            <main><p>Hauptbereich außerhalb des Artikels</p>
            <article><h1>Titel</h1><p>Nur dieser Absatz zählt.</p></article></main>
            """)
        let article = try #require(parseArticle(page, file: "articles/a.html"))
        #expect(article.body == "Nur dieser Absatz zählt.")
    }

    @Test func bodyFallsBackToMainElement() throws {
        let page = ArticleFixtures.html(body: """
            <div class="intro">Einleitung außerhalb</div>
            <main><h1>Titel</h1><p>Erster Absatz.</p><ul><li>Punkt eins</li><li>Punkt zwei</li></ul></main>
            <div>Nachwort außerhalb</div>
            """)
        let article = try #require(parseArticle(page, file: "articles/a.html"))
        #expect(article.body == "Erster Absatz. Punkt eins Punkt zwei")
    }

    @Test(arguments: [
        ("Gr&ouml;&szlig;e", "Größe"),
        ("&auml;ndern", "ändern"),
        ("Speicherplatz &amp; Nutzung", "Speicherplatz & Nutzung"),
        ("80&nbsp;%", "80 %"),
        ("&#8222;Details anzeigen&#8220;", "„Details anzeigen“"),
        ("4,99&nbsp;&#x20AC;", "4,99 €"),
        ("&Uuml;berblick &ndash; kurz", "Überblick – kurz"),
        ("&lt;VirtualHost&gt;", "<VirtualHost>"),
    ])
    func entitiesAreDecodedInBody(source: String, expected: String) throws {
        let page = ArticleFixtures.html(body: "<article><h1>Titel</h1><p>Vorher \(source) nachher.</p></article>")
        let article = try #require(parseArticle(page, file: "articles/entities.html"))
        #expect(article.body == "Vorher \(expected) nachher.")
    }

    @Test func noEntityOrNoBreakSpaceSurvivesInFixtureBody() throws {
        let article = try #require(parseArticle(ArticleFixtures.speicherplatzPage, file: "articles/s.html"))
        #expect(article.body.contains("Speicherplatz für Dateien"))
        #expect(article.body.contains("Ab 80 % Belegung"))
        #expect(article.body.contains("1,99 € im Monat"))
        #expect(article.body.contains("„Speicherplatz & Nutzung“"))
        #expect(article.body.contains("gewünschte Größe"))
        #expect(!article.body.contains("&"+"auml;"))
        #expect(!article.body.contains("\u{00A0}"))
    }

    @Test func entityDecodedWordsAreFindableFolded() throws {
        let workspace = try ArticleWorkspace(files: ["speicherplatz.html": ArticleFixtures.speicherplatzPage])
        try workspace.build()
        let index = try workspace.inspector()
        let folded = try #require(Analyzer().fold("Größe"))
        #expect(folded == "grosse")
        #expect(try index.ids(matching: folded) == ["speicherplatz"])
        #expect(try index.ids(matchingWord: "gewünschte") == ["speicherplatz"])
        #expect(try index.ids(matchingWord: "Öffnen") == ["speicherplatz"])
        #expect(try index.ids(matching: "auml").isEmpty)
    }

    @Test(arguments: [
        (" lang=\"en\"", Language.en),
        (" lang=\"en-GB\"", .en),
        (" lang=\"fr\"", .fr),
        (" lang=\"de-CH\"", .de),
        ("", .de),
    ])
    func htmlLangAttributeSetsLanguage(attributes: String, expected: Language) throws {
        let page = ArticleFixtures.html(body: "<article><h1>Title</h1><p>Some text.</p></article>", htmlAttributes: attributes)
        let article = try #require(parseArticle(page, file: "articles/lang.html"))
        #expect(article.language == expected)
    }

    @Test func metaTagsOverrideDefaults() throws {
        let head = """
            <meta name="lotse:id" content="eigene-id">
            <meta name="lotse:category" content="Domains &amp; DNS">
            <meta name="lotse:tags" content=" dns , nameserver,,a-record ">
            <meta name="lotse:updated" content="2026-01-02">
            <link rel="canonical" href="https://hilfe.lindenhost.de/hilfe/domains/dns?ref=x#top">
            """
        let page = ArticleFixtures.html(head: head, body: "<article><h1>DNS</h1><p>Einträge bearbeiten.</p></article>")
        let article = try #require(parseArticle(page, file: "articles/dateiname.html"))
        #expect(article.id == "eigene-id")
        #expect(article.category == "Domains & DNS")
        #expect(article.tags == ["dns", "nameserver", "a-record"])
        #expect(article.updated == "2026-01-02")
        #expect(article.url == "/hilfe/domains/dns")
    }

    @Test func withoutMetaTagsDefaultsApply() throws {
        let page = ArticleFixtures.html(body: "<article><h1>DNS</h1><p>Einträge bearbeiten.</p></article>")
        let article = try #require(parseArticle(page, file: "articles/dns-eintraege.htm"))
        #expect(article.id == "dns-eintraege")
        #expect(article.category == "Allgemein")
        #expect(article.tags == [])
        #expect(article.url == "/hilfe/allgemein/dns-eintraege")
        #expect(article.updated == nil)
    }

    /// Article HTML is served to the portal: only links and images with safe schemes keep their URL.
    @Test(arguments: [
        ("https://www.beispiel.de/hilfe", true), ("/hilfe/konto", true), ("kontakt.html#formular", true), ("#abschnitt", true),
        ("mailto:support@beispiel.de", true), ("tel:+49301234567", true), ("hilfe/a:b", true),
        ("javascript:alert(1)", false), (" JavaScript:alert(1)", false), ("java\tscript:alert(1)", false),
        ("java\nscript:alert(1)", false), ("data:text/html;base64,PHNjcmlwdD4=", false), ("vbscript:msgbox", false),
        ("\u{1}javascript:alert(1)", false),
    ])
    func urlAttributesKeepOnlySafeSchemes(url: String, kept: Bool) throws {
        let page = ArticleFixtures.html(
            body: "<article><h1>Titel</h1><p><a href=\"\(url)\">Link</a> <img src=\"\(url)\" alt=\"Bild\"></p></article>")
        let article = try #require(parseArticle(page, file: "articles/links.html"))
        #expect(article.html.contains("href=") == kept, "\(article.html)")
        #expect(article.html.contains("src=") == kept, "\(article.html)")
    }
}
