import LotseAnalysis
import LotseIndex
import LotseSearch
import LotseTickets

/// The start page (search and categories), the search results page (`/hilfe?q=`) and a category's page.
enum ListPages {
    static func start(categories: [String: Int], language: PageLanguage) -> (PageLayout.Page, Markup) {
        let texts = language.texts
        let items = categories.sorted { $0.key < $1.key }.map { name, count -> Markup in
            let href = Markup.link(categoryPath(name), [("lang", language.parameter)])
            return "<li><a href=\"\(href)\">\(name) <span class=\"count\">(\(count))</span></a></li>"
        }
        let list: Markup = items.isEmpty ? "<p class=\"status\">\(PageText.noArticlesInLanguage[texts])</p>"
            : "<ul class=\"categories\">\(items)</ul>"
        let page = PageLayout.Page(
            title: PageText.heading[texts], lang: texts.rawValue, texts: texts,
            canonical: Markup.link(ArticleAddress.prefix, [("lang", language.parameter)]),
            description: PageText.startDescription[texts], languageSwitch: (language, ArticleAddress.prefix))
        return (page, """
            <section id="suche" aria-labelledby="suche-titel">
              <h1 id="suche-titel">\(PageText.heading[texts])</h1>
              \(SearchForm(query: "", language: language.parameter, texts: texts).markup)
            </section>
            <section id="kategorien" aria-labelledby="kategorien-titel">
              <h2 id="kategorien-titel">\(PageText.categories[texts])</h2>
              \(list)
            </section>
            \(askLink(subject: nil, question: PageText.noAnswer, in: texts))
            """)
    }

    static func results(query: String, results: [SearchResult], language: PageLanguage) -> (PageLayout.Page, Markup) {
        let texts = language.texts
        let status = results.isEmpty ? PageText.noResults[texts] : PageText.counted(PageText.found, results.count, texts)
        let shown = quoted(query)
        let page = PageLayout.Page(
            title: PageText.fill(PageText.searchTitle, texts, ["query": shown]), lang: texts.rawValue, texts: texts,
            canonical: Markup.link(ArticleAddress.prefix, [("q", query), ("lang", language.parameter)]),
            trail: [(PageText.brand[texts], ArticleAddress.prefix)], indexable: false,
            languageSwitch: (language, Markup.link(ArticleAddress.prefix, [("q", query)])))
        return (page, """
            <h1>\(PageText.fill(PageText.resultsHeading, texts, ["query": shown]))</h1>
            \(SearchForm(query: query, language: language.parameter, texts: texts).markup)
            <p class="status">\(status)</p>
            \(resultList(results))
            \(askLink(subject: query, question: results.isEmpty ? PageText.noAnswer : PageText.notSolved, in: texts))
            """)
    }

    /// The query as the page's own sentences quote it: without bidirectional embeddings, overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069), with which a crafted link turned the title and heading around them, and cut
    /// after `quotedLength` characters at a word's end: a link could otherwise make the operator's own heading say
    /// "Ihr Konto ist gesperrt. Rufen Sie sofort 0900-123456 an". The search box keeps the whole query.
    static func quoted(_ text: String) -> String {
        let plain = String(String.UnicodeScalarView(text.unicodeScalars.filter { !SingleLineText.isBidiControl($0) }))
        guard plain.count > quotedLength else { return plain }
        var cut = plain.prefix(quotedLength)
        if !plain[cut.endIndex].isWhitespace, let space = cut.lastIndex(where: \.isWhitespace) { cut = cut[..<space] }
        while cut.last?.isWhitespace == true { cut.removeLast() }
        return cut + " …"
    }

    static let quotedLength = 40

    static func category(_ name: String, path: String, articles: [SearchResult], language: PageLanguage) -> (PageLayout.Page, Markup) {
        let texts = language.texts
        let status = articles.isEmpty ? PageText.categoryEmpty[texts]
            : PageText.counted(PageText.inCategory, articles.count, texts, ["name": name])
        let page = PageLayout.Page(
            title: name, lang: texts.rawValue, texts: texts, canonical: Markup.link(path, [("lang", language.parameter)]),
            trail: [(PageText.brand[texts], ArticleAddress.prefix)],
            description: PageText.fill(PageText.categoryDescription, texts, ["name": name]), languageSwitch: (language, path))
        return (page, """
            <h1>\(name)</h1>
            <p class="status">\(status)</p>
            \(resultList(articles))
            \(askLink(subject: nil, question: PageText.noAnswer, in: texts))
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
    static func askLink(subject: String?, question: Wording, in language: Language, id: String? = nil) -> Markup {
        let href = Markup.link("/", [("betreff", subject)]) + "#anfrage"
        let idAttribute: Markup = id.map { " id=\"\($0)\"" } ?? ""
        return "<p class=\"ask\">\(question[language]) <a\(idAttribute) href=\"\(href)\">\(PageText.ask[language])</a></p>"
    }
}
