import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LotseServer
import LotseTestSupport
import NIOCore
import Synchronization
import Testing

/// The help center as server-rendered pages: every article at its address, category and start pages, search
/// without script, the vote as a form, the sitemap, caching, escaping and the German 404.
@Suite("Help-center pages")
struct HelpPageTests {
    static let publicURL = "https://hilfe.example.de"
    static let hostile = """
        ---
        title: <script>alert(1)</script> "Zitat" & Co
        category: Sicherheit <b>fett</b>
        id: skript-titel
        tags: [skript]
        ---
        Der Editor zeigt eine Skriptwarnung, wenn Sie Code einfügen.

        <script>alert(3)</script><img src=x onerror="alert(4)"><a href="javascript:alert(5)">Link</a>
        """

    /// The sample help center of `articles/` plus an article whose title and category look like markup.
    static func server(adminToken: String? = TicketFixture.token) throws -> ServerFixture {
        var files: [String: String] = ["skript-titel.md": hostile]
        let folder = ArticleWorkspace.repositoryArticles
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".md") || name.hasSuffix(".html") {
            files[name] = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
        }
        var server = try ServerFixture(articles: files)
        server.configuration.publicURL = publicURL
        server.configuration.adminToken = adminToken
        return server
    }

    static let article = "/hilfe/konto-anmeldung/passwort-zuruecksetzen"

    @Test("an article page: lang, canonical, title, breadcrumb, updated date, body, vote form, 3–5 related articles, ask link")
    func articlePage() async throws {
        try await Self.server().test { client in
            let response = try await client.execute(uri: Self.article, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self';") == true)
            let page = response.text
            #expect(page.contains("<html lang=\"de\">"))
            #expect(page.contains("<link rel=\"canonical\" href=\"\(Self.publicURL)\(Self.article)\">"))
            #expect(page.contains("<title>Passwort zurücksetzen – Hilfe-Center</title>"))
            #expect(page.contains("<li><a href=\"/hilfe\">Hilfe-Center</a></li>"
                                  + "<li><a href=\"/hilfe/konto-anmeldung\">Konto &amp; Anmeldung</a></li>"
                                  + "<li aria-current=\"page\">Passwort zurücksetzen</li>"))
            #expect(page.contains("Aktualisiert am <time datetime=\"2026-10-02\">2. Oktober 2026</time>"), "\(page)")
            #expect(page.contains("<form class=\"vote\" method=\"post\" action=\"\(Self.article)\""))
            #expect(page.contains("War dieser Artikel hilfreich?") && page.contains("value=\"ja\">Ja</button>"))
            #expect(page.contains("href=\"/?betreff=Passwort%20zur%C3%BCcksetzen#anfrage\">Anfrage stellen</a>"))
            #expect(!page.contains("<script>") && !page.contains("style="), "no inline script or style under the CSP")
            let related = Self.links(in: Self.section(page, from: "<aside class=\"related\"", to: "</aside>"))
            #expect((3...5).contains(related.count), "\(related)")
            #expect(Set(related).count == related.count && !related.contains(Self.article))
            for link in related {
                #expect(try await client.execute(uri: link, method: .get).status == .ok, "\(link)")
            }
        }
    }

    @Test("strong ETag: If-None-Match with it answers 304 without a body; another tag gets the page; HEAD too")
    func etags() async throws {
        try await Self.server().test { client in
            let first = try await client.execute(uri: Self.article, method: .get)
            let tag = try #require(first.headers[.eTag])
            #expect(tag.hasPrefix("\"") && !tag.hasPrefix("W/"))
            #expect(first.headers[.cacheControl] == "public, max-age=300")
            let again = try await client.execute(uri: Self.article, method: .get)
            #expect(again.headers[.eTag] == tag, "the same page has the same tag")
            for header in [tag, "W/\(tag)", "\"anderes\", \(tag)", "*"] {
                let cached = try await client.execute(uri: Self.article, method: .get, headers: [.ifNoneMatch: header])
                #expect(cached.status == .notModified, "\(header)")
                #expect(cached.body.readableBytes == 0 && cached.headers[.eTag] == tag)
            }
            let other = try await client.execute(uri: Self.article, method: .get, headers: [.ifNoneMatch: "\"veraltet\""])
            #expect(other.status == .ok && other.text == first.text)
            let head = try await client.execute(uri: Self.article, method: .head, headers: [.ifNoneMatch: tag])
            #expect(head.status == .notModified)
            let start = try await client.execute(uri: "/hilfe", method: .get)
            #expect(start.headers[.eTag] != nil && start.headers[.vary] == "Accept-Language")
        }
    }

    @Test("sitemap.xml lists the start page, every category and every article exactly once, absolute; each answers 200")
    func sitemap() async throws {
        try await Self.server().test { client in
            let response = try await client.execute(uri: "/sitemap.xml", method: .get)
            #expect(response.status == .ok && response.headers[.contentType] == "application/xml; charset=utf-8")
            let locations = Self.matches(of: "<loc>([^<]*)</loc>", in: response.text)
            #expect(Set(locations).count == locations.count, "no address twice")
            #expect(locations.allSatisfy { $0.hasPrefix(Self.publicURL + "/hilfe") })
            let articleCount = try await client.execute(uri: "/healthz", method: .get).json["articles"] as? Int ?? 0
            let articles = locations.filter { $0.split(separator: "/").count == 5 }
            #expect(articles.count == articleCount && articleCount > 40)
            #expect(locations.contains(Self.publicURL + Self.article))
            for location in locations {
                let path = String(location.dropFirst(Self.publicURL.count))
                #expect(try await client.execute(uri: path, method: .get).status == .ok, "\(path)")
            }
            // Search results point at these pages.
            let search = try await client.execute(uri: "/api/v1/search?q=Passwort+vergessen", method: .get)
            let urls = (search.json["results"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
            #expect(!urls.isEmpty && urls.allSatisfy { locations.contains(Self.publicURL + $0) }, "\(urls)")
        }
    }

    @Test("the sitemap is built once per served index: asked again it is not built again; another index builds its own")
    func sitemapIsBuiltOncePerIndex() async throws {
        final class Index: Sendable {}
        let cache = SitemapCache()
        let builds = Mutex(0)
        func build(_ text: String) -> String {
            builds.withLock { $0 += 1 }
            return text
        }
        let first = Index(), second = Index()
        #expect(await cache.xml(for: first) { build("eins") } == "eins")
        #expect(await cache.xml(for: first) { build("zwei") } == "eins")
        #expect(builds.withLock { $0 } == 1)
        #expect(await cache.xml(for: second) { build("drei") } == "drei", "a reloaded index lists its own articles")
        #expect(builds.withLock { $0 } == 2)
    }

    @Test("the sitemap of a reloaded index lists its new article")
    func sitemapFollowsAReload() async throws {
        let fixture = try Self.server()
        try await fixture.test { client in
            #expect(!(try await client.execute(uri: "/sitemap.xml", method: .get).text.contains("/abwesenheit")))
            try fixture.workspace.write(ArticleFixtures.simple(title: "Abwesenheitsnotiz einrichten",
                                                               text: "So richten Sie eine Abwesenheitsnotiz ein."), to: "abwesenheit.md")
            _ = try fixture.workspace.build()
            #expect(try await eventually(interval: .milliseconds(50)) {
                try await client.execute(uri: "/sitemap.xml", method: .get).text.contains("/abwesenheit")
            })
        }
    }

    @Test("unknown and hostile addresses get the German 404 page, never a redirect or another route")
    func notFound() async throws {
        try await Self.server().test { client in
            for path in ["/hilfe/gibt-es-nicht", "/hilfe/konto-anmeldung/gibt-es-nicht", "/hilfe/a/b/c",
                         "/hilfe/..%2F..%2Fapi/v1", "/hilfe/%3Cscript%3Ealert(1)%3C%2Fscript%3E/x",
                         "/hilfe/KONTO-ANMELDUNG/passwort-zuruecksetzen"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                #expect(response.text.contains("<h1>Seite nicht gefunden</h1>") && response.headers[.location] == nil, "\(path)")
                #expect(!response.text.contains("<script>alert"), "\(path)")
                // The ways on are tap-sized links (pages.css `.ask a`), not words in a sentence.
                #expect(response.text.contains(#"<p class="ask"><a href="/hilfe">Zur Startseite des Hilfe-Centers</a> "#
                    + #"<a href="/#anfrage">Anfrage stellen</a></p>"#), "\(path)")
            }
        }
    }

    @Test("titles, categories and queries that look like markup are escaped on every page")
    func escaping() async throws {
        try await Self.server().test { client in
            let escapedTitle = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Zitat&quot; &amp; Co"
            let page = try await client.execute(uri: "/hilfe/sicherheit-b-fett-b/skript-titel", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>\(escapedTitle)</h1>") && page.text.contains("Sicherheit &lt;b&gt;fett&lt;/b&gt;"))
            #expect(!page.text.contains("<script>alert") && !page.text.contains("<b>fett"))
            // The body is the HTML sanitised by `lotse index`: raw HTML in Markdown never becomes markup.
            #expect(page.text.components(separatedBy: "<script").count == 2, "only the page's own pages.js")
            #expect(!page.text.contains("onerror") && !page.text.contains("javascript:"))
            #expect(page.text.contains("Der Editor zeigt eine Skriptwarnung"))
            let category = try await client.execute(uri: "/hilfe/sicherheit-b-fett-b", method: .get)
            #expect(category.status == .ok && category.text.contains(escapedTitle) && !category.text.contains("<script>alert"))
            let search = try await client.execute(uri: "/hilfe?q=%3Cscript%3Ealert(2)%3C%2Fscript%3E%22+Skriptwarnung", method: .get)
            #expect(search.status == .ok)
            #expect(search.text.contains("value=\"&lt;script&gt;alert(2)&lt;/script&gt;&quot; Skriptwarnung\""))
            #expect(!search.text.contains("<script>alert") && search.text.contains(escapedTitle))
            // A right-to-left override in a crafted link would turn the page's own words around the quoted query.
            let reversed = try await client.execute(uri: "/hilfe?q=Kunden%E2%80%AEnummer%E2%81%A6x", method: .get)
            let heading = try #require(reversed.text.components(separatedBy: "\n").first { $0.contains("<h1>") })
            let title = try #require(reversed.text.components(separatedBy: "\n").first { $0.contains("<title>") })
            #expect(heading.contains("Kundennummerx") && title.contains("Kundennummerx"), "\(heading) \(title)")
            // A crafted link's sentences: the heading and title quote the query's first words only, the box all of it.
            let phishing = "Ihr Konto ist gesperrt. Rufen Sie sofort 0900-123456 an"
            let injected = try await client.execute(uri: "/hilfe?q=\(phishing.replacingOccurrences(of: " ", with: "+"))", method: .get)
            let lines = injected.text.components(separatedBy: "\n")
            let cutHeading = try #require(lines.first { $0.contains("<h1>") })
            let cutTitle = try #require(lines.first { $0.contains("<title>") })
            #expect(cutHeading.contains("„Ihr Konto ist gesperrt. Rufen Sie sofort …“") && !cutHeading.contains("0900"), "\(cutHeading)")
            #expect(cutTitle.contains("Ihr Konto ist gesperrt. Rufen Sie sofort …") && !cutTitle.contains("0900"), "\(cutTitle)")
            #expect(injected.text.contains("value=\"\(phishing)\""))
        }
    }

    @Test("the start page lists categories in the visitor's language (Accept-Language, overridden by ?lang=); bad lang is 400")
    func languages() async throws {
        try await Self.server().test { client in
            let german = try await client.execute(uri: "/hilfe", method: .get, headers: [.acceptLanguage: "de-DE,de;q=0.9"])
            #expect(german.text.contains("<form class=\"search-form\" action=\"/hilfe\" method=\"get\" role=\"search\">"))
            let listing = try await client.execute(uri: "/api/v1/categories?lang=de", method: .get)
            let categories = listing.json["categories"] as? [[String: Any]]
            let count = try #require(categories?.first { $0["name"] as? String == "Konto & Anmeldung" }?["count"] as? Int)
            #expect(german.text.contains("Konto &amp; Anmeldung <span class=\"count\">(\(count))</span>"), "\(german.text)")
            let inFrench = try await client.execute(uri: "/hilfe", method: .get, headers: [.acceptLanguage: "fr-CH, fr;q=0.9, de;q=0.5"])
            #expect(inFrench.text.contains("Konto &amp; Anmeldung <span class=\"count\">(1)</span>"), "one French article")
            #expect(!inFrench.text.contains("Domains &amp; DNS"), "no French article there")
            let chosen = try await client.execute(uri: "/hilfe?lang=de", method: .get, headers: [.acceptLanguage: "fr"])
            #expect(chosen.text.contains("Domains &amp; DNS"), "?lang=de wins over Accept-Language")
            #expect(chosen.text.contains("href=\"/hilfe/konto-anmeldung?lang=de\""), "links keep the visitor's choice")
            let french = "/hilfe/konto-anmeldung/reinitialiser-mot-de-passe"
            let every = try await client.execute(uri: "/hilfe/konto-anmeldung?lang=alle", method: .get)
            #expect(every.text.contains(french) && every.text.contains(Self.article))
            let onlyGerman = try await client.execute(uri: "/hilfe/konto-anmeldung", method: .get)
            #expect(!onlyGerman.text.contains(french) && onlyGerman.text.contains(Self.article))
            let frenchPage = try await client.execute(uri: french, method: .get)
            #expect(frenchPage.text.contains("<html lang=\"fr\">"))
            // The page's own texts are in the article's language too.
            #expect(frenchPage.text.contains("<header class=\"site-header\">"), "no German chrome inside a French page")
            #expect(frenchPage.text.contains("<p id=\"vote-question\">Cet article vous a-t-il été utile ?</p>"))
            #expect(frenchPage.text.contains("data-thanks=\"Merci pour votre retour !\""), "pages.js thanks in French")
            #expect(!frenchPage.text.contains("Hilfe-Center") && !frenchPage.text.contains("War dieser Artikel"))
            let bad = try await client.execute(uri: "/hilfe?lang=xx", method: .get)
            #expect(bad.status == .badRequest && bad.error?.fields?.keys.sorted() == ["lang"])
        }
    }

    @Test("the pages' own texts follow the page's language: chosen, or for every language the browser's; 404 too")
    func pageTexts() async throws {
        try await Self.server().test { client in
            let english = try await client.execute(uri: "/hilfe?lang=en", method: .get, headers: [.acceptLanguage: "de"])
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("<h1 id=\"suche-titel\">How can we help?</h1>"))
            #expect(english.text.contains("<title>How can we help? – Help Center</title>"))
            #expect(english.text.contains("<span>Articles in</span>") && english.text.contains(">all languages</a>"))
            #expect(english.text.contains(">Deutsch</a>") && english.text.contains(" lang=\"de\""), "Deutsch marked as German")
            #expect(!english.text.contains("Wie können wir helfen?") && !english.text.contains("Anfrage stellen"))
            let every = try await client.execute(uri: "/hilfe?lang=alle", method: .get, headers: [.acceptLanguage: "es-ES,es"])
            #expect(every.text.contains("<h1 id=\"suche-titel\">¿En qué podemos ayudarle?</h1>"), "every language: the browser's")
            let everyGerman = try await client.execute(uri: "/hilfe?lang=alle", method: .get, headers: [.acceptLanguage: "it"])
            #expect(everyGerman.text.contains("<h1 id=\"suche-titel\">Wie können wir helfen?</h1>"), "else German")
            // Pages negotiate as error messages do (ErrorLanguageTests): an entry with an unreadable q counts for nothing.
            let unreadable = try await client.execute(uri: "/hilfe?lang=alle", method: .get, headers: [.acceptLanguage: "es;q=abc, en"])
            #expect(unreadable.text.contains("<h1 id=\"suche-titel\">How can we help?</h1>"), "as the errors: English")
            let nothing = try await client.execute(uri: "/hilfe?q=Quxzyk&lang=en", method: .get)
            #expect(nothing.text.contains("<h1>Search results for “Quxzyk”</h1>") && nothing.text.contains("No matching articles found."))
            let missing = try await client.execute(uri: "/hilfe/a/b/c", method: .get, headers: [.acceptLanguage: "fr"])
            #expect(missing.status == .notFound && missing.text.contains("<h1>Page introuvable</h1>"))
            #expect(missing.headers[.vary] == "Accept-Language")
        }
    }

    @Test("dates and counts in each language; a value is never read as a placeholder")
    func pageTextForms() {
        #expect(PageText.date(day: 2, month: 10, year: 2026, in: .de) == "2. Oktober 2026")
        #expect(PageText.date(day: 2, month: 10, year: 2026, in: .en) == "October 2, 2026")
        #expect(PageText.date(day: 2, month: 10, year: 2026, in: .fr) == "2 octobre 2026")
        #expect(PageText.date(day: 2, month: 10, year: 2026, in: .es) == "2 de octubre de 2026")
        #expect(PageText.counted(PageText.found, 1, .en) == "1 article found.")
        #expect(PageText.counted(PageText.found, 3, .en) == "3 articles found.")
        #expect(PageText.counted(PageText.found, 0, .fr) == "0 article trouvé.")
        #expect(PageText.counted(PageText.inCategory, 2, .de, ["name": "{count}"]) == "2 Artikel in „{count}“.")
    }

    @Test("search without script: results link to the pages; nothing found offers the form with the search as subject")
    func searchPage() async throws {
        try await Self.server().test { client in
            let found = try await client.execute(uri: "/hilfe?q=Kundennummer", method: .get)
            #expect(found.status == .ok && found.text.contains("<meta name=\"robots\" content=\"noindex\">"))
            #expect(found.text.contains("href=\"/hilfe/konto-anmeldung/kundennummer-finden\""))
            let nothing = try await client.execute(uri: "/hilfe?q=Quxzyklöppelei", method: .get)
            #expect(nothing.text.contains("Keine passenden Artikel gefunden"))
            #expect(nothing.text.contains("href=\"/?betreff=Quxzykl%C3%B6ppelei#anfrage\""))
            // Nothing was read, so nothing "did not solve" the problem: the question fits the empty answer.
            #expect(nothing.text.contains("<p class=\"ask\">Keine Antwort gefunden? <a href="))
            #expect(!nothing.text.contains("Problem nicht gelöst?"))
            #expect(found.text.contains("<p class=\"ask\">Problem nicht gelöst? <a href="))
            let long = try await client.execute(uri: "/hilfe?q=" + String(repeating: "a", count: 2_001), method: .get)
            #expect(long.status == .badRequest && long.error?.fields?.keys.sorted() == ["q"])
        }
    }

    @Test("the vote works as a form: recorded, 303 back to the article; bad values 400, ticket-only 422, unknown 404")
    func voteWithoutScript() async throws {
        try await Self.server().test { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let vote = try await client.execute(uri: Self.article, method: .post, headers: form, body: ByteBuffer(string: "hilfreich=nein"))
            #expect(vote.status == .seeOther)
            #expect(vote.headers[.location] == Self.article + "?danke=nein#bewertung")
            let stats = try await client.admin("/api/v1/admin/stats?since=24h")
            let votes = (stats.json["topHelpfulArticles"] as? [[String: Any]] ?? [])
                .first { $0["id"] as? String == "passwort-zuruecksetzen" }
            #expect(votes?["notHelpful"] as? Int == 1, "\(stats.text)")
            let thanked = try await client.execute(uri: Self.article + "?danke=nein", method: .get)
            #expect(thanked.text.contains("Wir helfen Ihnen gern persönlich weiter.") && !thanked.text.contains("<form class=\"vote\""))
            let bad = try await client.execute(uri: Self.article, method: .post, headers: form,
                                               body: ByteBuffer(string: "hilfreich=vielleicht"))
            #expect(bad.status == .badRequest && bad.error?.fields?.keys.sorted() == ["hilfreich"])
            let ticketOnly = "/hilfe/support-tickets/rueckerstattung-beantragen"
            let refused = try await client.execute(uri: ticketOnly, method: .post, headers: form,
                                                   body: ByteBuffer(string: "hilfreich=ja"))
            #expect(refused.status == .unprocessableContent)
            let unknown = try await client.execute(uri: "/hilfe/konto-anmeldung/gibt-es-nicht", method: .post, headers: form,
                                                   body: ByteBuffer(string: "hilfreich=ja"))
            #expect(unknown.status == .notFound)
            let tooLarge = try await client.execute(uri: Self.article, method: .post, headers: form,
                                                    body: ByteBuffer(string: "hilfreich=ja&x=" + String(repeating: "x", count: 2_000)))
            #expect(tooLarge.status == .contentTooLarge)
        }
    }

    @Test("a ticket-only article asks for a ticket instead of the vote")
    func ticketOnlyPage() async throws {
        try await Self.server().test { client in
            let page = try await client.execute(uri: "/hilfe/support-tickets/rueckerstattung-beantragen", method: .get)
            #expect(page.status == .ok && page.text.contains("Bitte senden Sie uns eine Anfrage."))
            #expect(!page.text.contains("War dieser Artikel hilfreich?") && page.text.contains("Anfrage stellen</a>"))
        }
    }

    @Test("--public-url takes an http(s) URL without query or fragment")
    func publicURLOption() {
        var configuration = ServerConfiguration()
        for bad in ["/hilfe", "javascript:alert(1)", "https://hilfe.example.de/?x=1", "hilfe.example.de", "https://"] {
            configuration.publicURL = bad
            #expect(configuration.problems().contains { $0.contains("--public-url") }, "\(bad)")
        }
        configuration.publicURL = "https://hilfe.example.de"
        #expect(configuration.problems().isEmpty)
    }

    static func section(_ page: String, from start: String, to end: String) -> String {
        guard let lower = page.range(of: start), let upper = page.range(of: end, range: lower.upperBound..<page.endIndex) else { return "" }
        return String(page[lower.lowerBound..<upper.upperBound])
    }

    static func links(in html: String) -> [String] { matches(of: "href=\"([^\"]*)\"", in: html) }

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
