/// What every help-center page shares: head (title, canonical link, the portal's style sheet), header with the
/// language switch, breadcrumb, footer with the operator's links. The chrome is German; an article in another
/// language sets `<html lang>` to its own and marks the chrome `lang="de"`.
struct PageLayout {
    /// Where pages are published (`--public-url`, no trailing slash): canonical links are absolute with it,
    /// paths on this server without it.
    var publicURL: String?
    var privacyURL: String?
    var imprintURL: String?

    struct Page {
        var title: String
        var lang = "de"
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
        let chrome: Markup = page.lang == "de" ? "" : " lang=\"de\""
        let canonical = (publicURL ?? "") + page.canonical
        let description: Markup = page.description.map { "\n  <meta name=\"description\" content=\"\($0)\">" } ?? ""
        let robots: Markup = page.indexable ? "" : "\n  <meta name=\"robots\" content=\"noindex\">"
        let document: Markup = """
            <!doctype html>
            <html lang="\(page.lang)">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>\(page.title) – Hilfe-Center</title>
              <link rel="canonical" href="\(canonical)">\(description)\(robots)
              <link rel="stylesheet" href="/portal/portal.css">
              <link rel="stylesheet" href="/portal/pages.css">
              <script src="/portal/pages.js" defer></script>
            </head>
            <body>
              <header class="site-header"\(chrome)>
                <div class="wrap">
                  <p class="brand"><a href="/hilfe">Hilfe-Center</a></p>
                  <nav aria-label="Bereiche">
                    <a href="/hilfe#suche">Suche</a>
                    <a href="/#anfrage">Anfrage stellen</a>
                  </nav>\(languageSwitch(page.languageSwitch))
                </div>
              </header>
              <main class="wrap help-page">
                \(breadcrumb(page, chrome: chrome))
                \(main)
              </main>\(footer(chrome: chrome))
            </body>
            </html>

            """
        return document.html
    }

    private func breadcrumb(_ page: Page, chrome: Markup) -> Markup {
        guard !page.trail.isEmpty else { return "" }
        let levels = page.trail.map { level -> Markup in "<li><a href=\"\(level.href)\">\(level.label)</a></li>" }
        return """
            <nav class="breadcrumb" aria-label="Brotkrümelnavigation"\(chrome)><ol>\(levels)\
            <li aria-current="page">\(page.title)</li></ol></nav>
            """
    }

    private func languageSwitch(_ choice: (current: PageLanguage, path: String)?) -> Markup {
        guard let (current, path) = choice else { return "" }
        let currentParameter = current.language?.rawValue ?? PageLanguage.allLanguages
        let links = PageLanguage.choices.map { option -> Markup in
            let lang: Markup = option.lang.map { " lang=\"\($0)\"" } ?? ""
            let selected: Markup = option.parameter == currentParameter ? " aria-current=\"true\"" : ""
            return "<li><a href=\"\(Markup.link(path, [("lang", option.parameter)]))\"\(lang)\(selected)>\(option.name)</a></li>"
        }
        return "\n        <nav class=\"language-switch\" aria-label=\"Artikel auf\"><span>Artikel auf</span><ul>\(links)</ul></nav>"
    }

    private func footer(chrome: Markup) -> Markup {
        let links = [("Impressum", imprintURL), ("Datenschutz", privacyURL)].compactMap { label, url -> Markup? in
            url.map { "<a href=\"\($0)\">\(label)</a>" }
        }
        guard !links.isEmpty else { return "" }
        return "\n  <footer class=\"site-footer\"\(chrome)><nav class=\"wrap\" aria-label=\"Rechtliches\">\(links)</nav></footer>"
    }

    /// 404 for an address under `/hilfe` that has no page.
    func notFound(path: String) -> String {
        render(Page(title: "Seite nicht gefunden", canonical: path, indexable: false), main: """
            <h1>Seite nicht gefunden</h1>
            <p>Unter dieser Adresse gibt es keinen Artikel. Vielleicht wurde er verschoben oder umbenannt.</p>
            \(SearchForm(query: "", language: nil).markup)
            <p><a href="/hilfe">Zur Startseite des Hilfe-Centers</a> · <a href="/#anfrage">Anfrage stellen</a></p>
            """)
    }
}

/// The search box of the start page, the results page and the 404 page: a plain GET form, no script needed.
struct SearchForm {
    var query: String
    /// The visitor's explicit language choice, kept for the results.
    var language: String?

    var markup: Markup {
        let hidden: Markup = language.map { "<input type=\"hidden\" name=\"lang\" value=\"\($0)\">" } ?? ""
        return """
            <form class="search-form" action="/hilfe" method="get" role="search">
              <label for="help-search">Hilfe-Center durchsuchen</label>
              <div class="search-row">
                <input id="help-search" type="search" name="q" value="\(query)" maxlength="2000"
                       placeholder="z. B. Passwort vergessen">\(hidden)
                <button type="submit">Suchen</button>
              </div>
            </form>
            """
    }
}
