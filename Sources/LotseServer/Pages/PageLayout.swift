import LotseAnalysis

/// What every help-center page shares: head (title, canonical link, the portal's style sheet), header with the
/// language switch, breadcrumb, footer with the operator's links. The chrome is in the page's `texts` language;
/// an article in a language without texts (German chrome) marks the chrome with its own `lang`.
struct PageLayout {
    /// Where pages are published (`--public-url`, no trailing slash): canonical links are absolute with it,
    /// paths on this server without it.
    var publicURL: String?
    var privacyURL: String?
    var imprintURL: String?

    struct Page {
        var title: String
        var lang = "de"
        /// The language of the page's own texts.
        var texts = Language.de
        /// The page's own address (a path, with its query when the query makes the page).
        var canonical: String
        /// Label and address of each level above the page; the page's own title ends the trail.
        var trail: [(label: String, href: String)] = []
        var description: String?
        /// Search results are not for search engines.
        var indexable = true
        /// The language switch, on pages that list articles: the current choice and the page's path.
        var languageSwitch: (current: PageLanguage, path: String)?
    }

    func render(_ page: Page, main: Markup) -> String {
        let language = page.texts
        let chrome = Self.chrome(lang: page.lang, texts: language)
        let canonical = (publicURL ?? "") + page.canonical
        let description: Markup = page.description.map { "\n  <meta name=\"description\" content=\"\($0)\">" } ?? ""
        let robots: Markup = page.indexable ? "" : "\n  <meta name=\"robots\" content=\"noindex\">"
        let document: Markup = """
            <!doctype html>
            <html lang="\(page.lang)">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>\(page.title) – \(PageText.brand[language])</title>
              <link rel="canonical" href="\(canonical)">\(description)\(robots)
              <link rel="stylesheet" href="/portal/portal.css">
              <link rel="stylesheet" href="/portal/pages.css">
              <script src="/portal/pages.js" defer></script>
            </head>
            <body>
              <header class="site-header"\(chrome)>
                <div class="wrap">
                  <p class="brand"><a href="/hilfe">\(PageText.brand[language])</a></p>
                  <nav aria-label="\(PageText.sections[language])">
                    <a href="/hilfe#suche">\(PageText.search[language])</a>
                    <a href="/#anfrage">\(PageText.ask[language])</a>
                  </nav>\(languageSwitch(page.languageSwitch, in: language))
                </div>
              </header>
              <main class="wrap help-page">
                \(breadcrumb(page, chrome: chrome))
                \(main)
              </main>\(footer(chrome: chrome, in: language))
            </body>
            </html>

            """
        return document.html
    }

    /// ` lang="…"` for the page's own texts where they are not in the page's (an article's) language.
    static func chrome(lang: String, texts: Language) -> Markup {
        lang == texts.rawValue ? "" : " lang=\"\(texts.rawValue)\""
    }

    private func breadcrumb(_ page: Page, chrome: Markup) -> Markup {
        guard !page.trail.isEmpty else { return "" }
        let levels = page.trail.map { level -> Markup in "<li><a href=\"\(level.href)\">\(level.label)</a></li>" }
        return """
            <nav class="breadcrumb" aria-label="\(PageText.breadcrumb[page.texts])"\(chrome)><ol>\(levels)\
            <li aria-current="page">\(page.title)</li></ol></nav>
            """
    }

    private func languageSwitch(_ choice: (current: PageLanguage, path: String)?, in language: Language) -> Markup {
        guard let (current, path) = choice else { return "" }
        let currentParameter = current.language?.rawValue ?? PageLanguage.allLanguages
        let links = PageLanguage.choices.map { option -> Markup in
            let lang: Markup = option.lang.flatMap { $0 == language.rawValue ? nil : " lang=\"\($0)\"" } ?? ""
            let selected: Markup = option.parameter == currentParameter ? " aria-current=\"true\"" : ""
            let name = option.name ?? PageText.allLanguages[language]
            return "<li><a href=\"\(Markup.link(path, [("lang", option.parameter)]))\"\(lang)\(selected)>\(name)</a></li>"
        }
        let label = PageText.articlesIn[language]
        return "\n        <nav class=\"language-switch\" aria-label=\"\(label)\"><span>\(label)</span><ul>\(links)</ul></nav>"
    }

    private func footer(chrome: Markup, in language: Language) -> Markup {
        let links = [(PageText.imprint, imprintURL), (PageText.privacy, privacyURL)].compactMap { label, url -> Markup? in
            url.map { "<a href=\"\($0)\">\(label[language])</a>" }
        }
        guard !links.isEmpty else { return "" }
        let legal = PageText.legal[language]
        return "\n  <footer class=\"site-footer\"\(chrome)><nav class=\"wrap\" aria-label=\"\(legal)\">\(links)</nav></footer>"
    }

    /// 404 for an address under `/hilfe` that has no page, in the browser's language.
    func notFound(path: String, in language: Language) -> String {
        let page = Page(title: PageText.notFound[language], lang: language.rawValue, texts: language, canonical: path, indexable: false)
        return render(page, main: """
            <h1>\(PageText.notFound[language])</h1>
            <p>\(PageText.notFoundText[language])</p>
            \(SearchForm(query: "", language: nil, texts: language).markup)
            <p class="ask"><a href="/hilfe">\(PageText.toStart[language])</a> <a href="/#anfrage">\(PageText.ask[language])</a></p>
            """)
    }
}

/// The search box of the start page, the results page and the 404 page: a plain GET form, no script needed.
struct SearchForm {
    var query: String
    /// The visitor's explicit language choice, kept for the results.
    var language: String?
    var texts: Language

    var markup: Markup {
        let hidden: Markup = language.map { "<input type=\"hidden\" name=\"lang\" value=\"\($0)\">" } ?? ""
        return """
            <form class="search-form" action="/hilfe" method="get" role="search">
              <label for="help-search">\(PageText.searchLabel[texts])</label>
              <div class="search-row">
                <input id="help-search" type="search" name="q" value="\(query)" maxlength="2000"
                       placeholder="\(PageText.searchPlaceholder[texts])">\(hidden)
                <button type="submit">\(PageText.searchButton[texts])</button>
              </div>
            </form>
            """
    }
}
