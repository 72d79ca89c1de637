import LotseIndex
import LotseTestSupport
import Testing

/// The plain body text of Markdown articles: inline markup disappears without splitting words, blocks are
/// separated by one space, raw HTML is not article text.
@Suite struct MarkdownBodyTests {
    static func body(_ markdown: String) -> String? {
        parseArticle(ArticleFixtures.markdown(frontMatter: ["title: Titel"], body: markdown + "\n"), file: "articles/t.md")?.body
    }

    @Test(arguments: [
        ("Siehe *Stammdaten*.", "Siehe Stammdaten."),
        ("Die **Kunden**nummer steht oben.", "Die Kundennummer steht oben."),
        ("Öffnen Sie das [Kundencenter](https://kundencenter.lindenhost.de).", "Öffnen Sie das Kundencenter."),
        ("Ein ~~alter~~ Tarif.", "Ein alter Tarif."),
        ("Die Datei `php.ini` bearbeiten.", "Die Datei php.ini bearbeiten."),
        ("E-**Mail**-Adresse", "E-Mail-Adresse"),
    ])
    func inlineMarkupDoesNotChangeTheText(markdown: String, expected: String) {
        #expect(Self.body(markdown) == expected)
    }

    @Test func nestingThePageCanShowKeepsItsTextInBodyAndHTML() throws {
        let markdown = ArticleFixtures.markdown(frontMatter: ["title: Zitate"], body: String(repeating: "> ", count: 150) + "innen\n")
        let article = try #require(parseArticle(markdown, file: "articles/zitate.md"))
        #expect(article.body.contains("innen") && article.html.contains("innen"))
    }

    @Test func wordsAroundInlineMarkupAreFindable() throws {
        let text = ArticleFixtures.markdown(frontMatter: ["title: Nummer"], body: "Ihre **Kunden**nummer und Ihr *Vertrags*konto.\n")
        let workspace = try ArticleWorkspace(files: ["nummer.md": text])
        try workspace.build()
        let index = try workspace.inspector()
        #expect(try index.ids(matching: "kundennummer") == ["nummer"])
        #expect(try index.ids(matching: "vertragskonto") == ["nummer"])
    }

    @Test(arguments: [
        ("Erster Absatz.\n\nZweiter Absatz.", "Erster Absatz. Zweiter Absatz."),
        ("Zeile eins\nZeile zwei", "Zeile eins Zeile zwei"),
        ("- Punkt eins\n- Punkt zwei", "Punkt eins Punkt zwei"),
        ("1. Schritt\n2. Schritt", "Schritt Schritt"),
        ("> Hinweis: Vorsicht.", "Hinweis: Vorsicht."),
        ("```\nK-1048273\n```\nDanach.", "K-1048273 Danach."),
        ("| Option | Preis |\n|---|---|\n| Paket S | 1,99 € |", "Option Preis Paket S 1,99 €"),
    ])
    func blocksAreSeparatedByOneSpace(markdown: String, expected: String) {
        #expect(Self.body(markdown) == expected)
    }

    @Test func rawHTMLIsNotArticleText() throws {
        let markdown = "Vor dem Block.\n\n<div class=\"x\">\n<script>var geheim = 1;</script>\n</div>\n\nNach dem Block."
        let body = try #require(Self.body(markdown))
        #expect(!body.contains("geheim"))
        #expect(!body.contains("script"))
        #expect(body == "Vor dem Block. Nach dem Block.")
        let article = try #require(parseArticle(ArticleFixtures.markdown(frontMatter: ["title: T"], body: markdown), file: "t.md"))
        #expect(!article.html.contains("<script"))
    }
}
