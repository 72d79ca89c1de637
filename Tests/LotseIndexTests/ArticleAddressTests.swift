import Foundation
import LotseIndex
import LotseTestSupport
import Testing

/// Every article's address: derived as ASCII slugs, or given and checked, so no address leaves `/hilfe/x/y`.
@Suite struct ArticleAddressTests {
    @Test(arguments: [
        ("Konto & Anmeldung", "konto-anmeldung"), ("Rechnungen & Zahlungen", "rechnungen-zahlungen"), ("E-Mail", "e-mail"),
        ("Größe ändern", "groesse-aendern"), ("Straße", "strasse"), ("Über uns", "ueber-uns"), ("ÄRGER", "aerger"),
        ("Café Crème", "cafe-creme"), ("  --SSL__Zertifikate--  ", "ssl-zertifikate"), ("Kündigung 2026!", "kuendigung-2026"),
        ("<script>alert(1)</script>", "script-alert-1-script"), ("../../etc", "etc"), ("日本語", ""),
    ])
    func slugsAreLowercaseASCII(text: String, expected: String) {
        #expect(ArticleAddress.slug(text) == expected)
        #expect(expected.isEmpty || ArticleAddress.isSlug(Substring(expected)))
    }

    @Test func derivedFromCategoryAndID() {
        #expect(ArticleAddress.derived(category: "Konto & Anmeldung", id: "passwort-zuruecksetzen")
                    == "/hilfe/konto-anmeldung/passwort-zuruecksetzen")
        #expect(ArticleAddress.derived(category: "日本語", id: "Mein_Artikel") == "/hilfe/allgemein/mein-artikel")
    }

    @Test(arguments: [
        ("/hilfe/konto-anmeldung/passwort-zuruecksetzen", "/hilfe/konto-anmeldung/passwort-zuruecksetzen"),
        ("https://hilfe.example.de/hilfe/domains/dns?ref=x#top", "/hilfe/domains/dns"),
        ("/hilfe/e-mail/spam?x=1", "/hilfe/e-mail/spam"),
    ])
    func validAddressesAreKept(given: String, expected: String) {
        #expect(ArticleAddress.validated(given) == expected)
    }

    @Test(arguments: [
        "https://evil.example", "https://evil.example/", "//evil.example/hilfe/a/b", "/hilfe/../api/v1/admin", "/hilfe/a/../b",
        "/hilfe/a/b/c", "/hilfe/a", "/hilfe//b", "/api/v1/a/b", "javascript:alert(1)", "/hilfe/Konto/b", "/hilfe/größe/b",
        "/hilfe/a/b%2F..", "/hilfe/a/<script>", "/hilfe/a/b c", "/hilfe/-a/b", "/hilfe/a--b/c", "ftp://example.de/hilfe/a/b",
        "/hilfe\\a\\b", "/HILFE/a/b",
    ])
    func otherAddressesAreRefused(given: String) {
        #expect(ArticleAddress.validated(given) == nil)
    }

    @Test func markdownWithoutURLGetsTheDerivedOne() throws {
        let text = ArticleFixtures.markdown(frontMatter: ["title: Größe", "category: Webspace & Speicher", "id: Speicher_Groesse"],
                                            body: "Mehr Platz buchen.\n")
        #expect(try ArticleParser.parse(Data(text.utf8), file: "a.md").url == "/hilfe/webspace-speicher/speicher-groesse")
    }

    @Test func markdownWithAHostileURLIsRejectedOnItsLine() {
        let text = ArticleFixtures.markdown(frontMatter: ["title: Fremd", "url: \"javascript:alert(1)\""], body: "Text.\n")
        let error = parseError(Data(text.utf8), file: "fremd.md")
        #expect(error?.line == 3)
        #expect(error?.reason.contains("invalid url") == true, "\(String(describing: error))")
    }

    @Test func anExportedPagesForeignCanonicalLinkIsReplaced() throws {
        let head = """
            <meta name="lotse:category" content="Domains &amp; DNS">
            <link rel="canonical" href="https://alt.example/hc/de/articles/360001234-DNS">
            """
        let page = ArticleFixtures.html(head: head, body: "<article><h1>DNS</h1><p>Einträge bearbeiten.</p></article>")
        #expect(try ArticleParser.parse(Data(page.utf8), file: "dns.html").url == "/hilfe/domains-dns/dns")
    }
}
