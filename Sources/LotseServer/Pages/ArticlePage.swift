import LotseAnalysis
import LotseIndex
import LotseSearch

/// One article at its address: breadcrumb, title, updated date, the body, "War dieser Artikel hilfreich?" (a
/// form that works without script), the articles to read next and the way to a ticket. The page's own texts are
/// in the article's language (German for a language Lotse has no texts in).
struct ArticlePage {
    var article: ArticleDetail
    var related: [SearchResult]
    /// The visitor just voted (`?danke=ja|nein`, where the vote's redirect leads).
    var vote: Bool?

    var texts: Language { Language(rawValue: article.lang) ?? .de }

    var rendered: (PageLayout.Page, Markup) {
        let url = article.url ?? ""
        let categoryPath = ListPages.categoryPath(article.category)
        let page = PageLayout.Page(title: article.title, lang: article.lang, texts: texts, canonical: url,
                                   trail: [(PageText.brand[texts], ArticleAddress.prefix), (article.category, categoryPath)])
        let chrome = PageLayout.chrome(lang: article.lang, texts: texts)
        let updated: Markup = article.updated.map {
            "<p class=\"updated\"\(chrome)>\(PageText.updated[texts]) \(Self.date($0, in: texts))</p>"
        } ?? ""
        return (page, """
            <article class="article-page">
              <h1>\(article.title)</h1>
              \(updated)
              <div class="article-body">\(Markup.trusted(Self.bodyWithoutTitle(article.html)))</div>
            </article>
            <section id="bewertung" class="question"\(chrome) aria-label="\(PageText.feedback[texts])">
              \(question(url: url))
            </section>
            \(relatedList(chrome: chrome))
            """)
    }

    private func question(url: String) -> Markup {
        let ask = ListPages.askLink(subject: article.title, question: PageText.notSolved, in: texts, id: "article-ask")
        if article.ticketOnly {
            // A topic that must stay a ticket is never "solved" by reading: no vote, the form is the way on.
            return """
                <p class="ticket-only">\(PageText.ticketOnlyQuestion[texts])</p>
                <p>\(PageText.ticketOnly[texts])</p>
                \(ask)
                """
        }
        if let vote {
            let thanks = vote ? PageText.thanks[texts] : PageText.thanksNotHelpful[texts]
            return "<p id=\"vote-status\" class=\"status\" role=\"status\">\(thanks)</p>\n\(ask)"
        }
        return """
            <form class="vote" method="post" action="\(url)" data-article="\(article.id)" data-thanks="\(PageText.thanks[texts])"
                  data-thanks-not-helpful="\(PageText.thanksNotHelpful[texts])" data-failed="\(PageText.voteFailed[texts])">
              <p id="vote-question">\(PageText.voteQuestion[texts])</p>
              <div class="choices" role="group" aria-labelledby="vote-question">
                <button type="submit" name="hilfreich" value="ja">\(PageText.yes[texts])</button>
                <button type="submit" name="hilfreich" value="nein">\(PageText.no[texts])</button>
              </div>
              <p id="vote-status" class="status" aria-live="polite"></p>
            </form>
            \(ask)
            """
    }

    private func relatedList(chrome: Markup) -> Markup {
        guard !related.isEmpty else { return "" }
        let items = related.map { result -> Markup in
            "<li><a href=\"\(result.url ?? "")\">\(result.title)</a> <span class=\"category\">\(result.category)</span></li>"
        }
        return """
            <aside class="related" aria-labelledby="verwandte-titel"\(chrome)>
              <h2 id="verwandte-titel">\(PageText.related[texts])</h2>
              <ul>\(items)</ul>
            </aside>
            """
    }

    /// The page shows the title itself: a body that opens with it as `<h1>` loses that heading.
    static func bodyWithoutTitle(_ html: String) -> String {
        let trimmed = html.drop { $0.isWhitespace }
        guard trimmed.hasPrefix("<h1"), let end = trimmed.range(of: "</h1>") else { return html }
        return String(trimmed[end.upperBound...])
    }

    /// "2026-10-02" as `<time datetime="2026-10-02">2. Oktober 2026</time>` (in German); any other text as it is.
    static func date(_ text: String, in language: Language) -> Markup {
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return "\(text)" }
        return "<time datetime=\"\(String(text.prefix(10)))\">\(PageText.date(day: day, month: month, year: year, in: language))</time>"
    }
}
