import LotseIndex
import LotseSearch

/// The start page (search and categories), the search results page (`/hilfe?q=`) and a category's page.
enum ListPages {
    static func start(categories: [String: Int], language: PageLanguage) -> (PageLayout.Page, Markup) {
        let items = categories.sorted { $0.key < $1.key }.map { name, count -> Markup in
            let href = Markup.link(categoryPath(name), [("lang", language.parameter)])
            return "<li><a href=\"\(href)\">\(name) <span class=\"count\">(\(count))</span></a></li>"
        }
        let list: Markup = items.isEmpty ? "<p class=\"status\">Keine Artikel in dieser Sprache.</p>"
            : "<ul class=\"categories\">\(items)</ul>"
        let page = PageLayout.Page(
            title: "Wie können wir helfen?", canonical: Markup.link(ArticleAddress.prefix, [("lang", language.parameter)]),
            description: "Antworten auf häufige Fragen, nach Kategorien geordnet, und der Weg zu einer Anfrage an den Support.",
            languageSwitch: (language, ArticleAddress.prefix))
        return (page, """
            <section id="suche" aria-labelledby="suche-titel">
              <h1 id="suche-titel">Wie können wir helfen?</h1>
              \(SearchForm(query: "", language: language.parameter).markup)
            </section>
            <section id="kategorien" aria-labelledby="kategorien-titel">
              <h2 id="kategorien-titel">Kategorien</h2>
              \(list)
            </section>
            \(askLink(subject: nil, question: "Keine Antwort gefunden?"))
            """)
    }

    static func results(query: String, results: [SearchResult], language: PageLanguage) -> (PageLayout.Page, Markup) {
        let status: Markup = results.isEmpty
            ? "<p class=\"status\">Keine passenden Artikel gefunden. Versuchen Sie andere Wörter oder stellen Sie uns eine Anfrage.</p>"
            : "<p class=\"status\">\(results.count) Artikel gefunden.</p>"
        let page = PageLayout.Page(
            title: "Suche: \(query)", canonical: Markup.link(ArticleAddress.prefix, [("q", query), ("lang", language.parameter)]),
            trail: [("Hilfe-Center", ArticleAddress.prefix)], indexable: false,
            languageSwitch: (language, Markup.link(ArticleAddress.prefix, [("q", query)])))
        return (page, """
            <h1>Suchergebnisse für „\(query)“</h1>
            \(SearchForm(query: query, language: language.parameter).markup)
            \(status)
            \(resultList(results))
            \(askLink(subject: query, question: "Problem nicht gelöst?"))
            """)
    }

    static func category(_ name: String, path: String, articles: [SearchResult], language: PageLanguage) -> (PageLayout.Page, Markup) {
        let status: Markup = articles.isEmpty
            ? "<p class=\"status\">In dieser Sprache gibt es hier keine Artikel. Wählen Sie oben „allen Sprachen“.</p>"
            : "<p class=\"status\">\(articles.count) Artikel in „\(name)“.</p>"
        let page = PageLayout.Page(
            title: name, canonical: Markup.link(path, [("lang", language.parameter)]),
            trail: [("Hilfe-Center", ArticleAddress.prefix)], description: "Artikel zu \(name) im Hilfe-Center.",
            languageSwitch: (language, path))
        return (page, """
            <h1>\(name)</h1>
            \(status)
            \(resultList(articles))
            \(askLink(subject: nil, question: "Keine Antwort gefunden?"))
            """)
    }

    static func categoryPath(_ name: String) -> String { ArticleAddress.prefix + "/" + ArticleAddress.slug(name, fallback: "allgemein") }

    /// Articles as links to their pages; snippets are the engine's escaped text with `<mark>`.
    static func resultList(_ results: [SearchResult]) -> Markup {
        guard !results.isEmpty else { return "" }
        let items = results.map { result -> Markup in
            let snippet: Markup = result.snippet.isEmpty ? "" : "<span class=\"snippet\">\(Markup.trusted(result.snippet))</span>"
            return """
                <li><a class="result" href="\(result.url ?? "")" data-id="\(result.id)"><span class="result-title">\(result.title)</span>\
                \(snippet)<span class="category">\(result.category)</span></a></li>
                """
        }
        return "<ul class=\"results\">\(items)</ul>"
    }

    /// "Problem nicht gelöst? Anfrage stellen": the portal's form, its subject `subject` when there is one.
    static func askLink(subject: String?, question: String, id: String? = nil) -> Markup {
        let href = Markup.link("/", [("betreff", subject)]) + "#anfrage"
        let idAttribute: Markup = id.map { " id=\"\($0)\"" } ?? ""
        return "<p class=\"ask\">\(question) <a\(idAttribute) href=\"\(href)\">Anfrage stellen</a></p>"
    }
}
