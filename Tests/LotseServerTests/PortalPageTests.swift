import HummingbirdTesting
@testable import LotseServer
import LotseTickets
import Testing

/// The portal's page carries the operator's form settings itself, so the form works without script.
struct PortalPageTests {
    static let fields = [
        CustomFieldDefinition(name: "vertrag", label: "Vertragsnummer", required: true, pattern: "^V-[0-9]{6}$", hint: "z. B. V-123456"),
        CustomFieldDefinition(name: "server", label: "Server <b>\"alt\"</b>", hint: "<script>alert(1)</script>"),
    ]

    static func page(privacy: String? = "https://beispiel.de/datenschutz?a=1&b=2", imprint: String? = "/impressum") -> PortalPage {
        PortalPage(template: PortalRoutes.template, customFields: fields, privacyURL: privacy, imprintURL: imprint)
    }

    @Test("custom fields are in the form, required ones marked, every operator text escaped")
    func customFields() {
        let html = Self.page().render(topics: [])
        #expect(html.contains(#"<label for="custom-vertrag">Vertragsnummer</label>"#))
        #expect(html.contains(#"<input id="custom-vertrag" name="customFields[vertrag]" maxlength="500" required"#
            + #" pattern="^V-[0-9]{6}$" aria-describedby="custom-vertrag-hint">"#))
        #expect(html.contains(#"<p id="custom-vertrag-hint" class="hint">z. B. V-123456</p>"#))
        #expect(html.contains(#"<label for="custom-server">Server &lt;b&gt;&quot;alt&quot;&lt;/b&gt; "#
            + #"<span class="optional" data-text="field.optional">(optional)</span></label>"#))
        #expect(html.contains(#"<input id="custom-server" name="customFields[server]" maxlength="500""#
            + #" aria-describedby="custom-server-hint">"#))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"))
        // Inside the form, before the attachments.
        let form = html.range(of: #"<form id="ticket-form""#)!.upperBound
        let field = html.range(of: #"id="custom-vertrag""#)!.lowerBound
        #expect(form < field && field < html.range(of: #"<label for="attachments">"#)!.lowerBound)
    }

    @Test("the categories are listed as links to their help pages, and a handed-over subject fills the field, escaped")
    func listingAndSubject() {
        let html = Self.page().render(topics: [], listing: ["E-Mail": 4, "Domains & DNS": 2], subject: "Anfrage \"<b>zu</b>\"")
        #expect(html.contains(#"<ul id="category-list" class="categories"><li><a href="/hilfe/domains-dns">Domains &amp; DNS "#
            + #"<span class="count">(2)</span></a></li><li><a href="/hilfe/e-mail">E-Mail <span class="count">(4)</span></a></li></ul>"#))
        #expect(html.contains(#"<input id="subject" name="subject" value="Anfrage &quot;&lt;b&gt;zu&lt;/b&gt;&quot;" required"#))
    }

    @Test("topics fill the category choice and show it; without topics it stays hidden")
    func categories() {
        let html = Self.page().render(topics: ["Domains & DNS", "E-Mail"])
        #expect(html.contains(#"<div class="field" id="category-field">"#))
        #expect(html.contains(#"Bitte wählen</option><option value="Domains &amp; DNS">Domains &amp; DNS</option>"#
            + #"<option value="E-Mail">E-Mail</option>"#))
        #expect(Self.page().render(topics: []).contains(#"<div class="field" id="category-field" hidden>"#))
    }

    @Test("the privacy policy beside the consent and in the footer, the imprint in the footer; none configured: all hidden")
    func operatorLinks() {
        let html = Self.page().render(topics: [])
        #expect(html.contains(#"<p id="consent-hint" class="hint">"#))
        #expect(html.contains(#"required aria-describedby="consent-hint">"#))
        #expect(html.contains(#"<a id="privacy-link" href="https://beispiel.de/datenschutz?a=1&amp;b=2""#))
        #expect(html.contains(#"<a id="privacy-footer-link" href="https://beispiel.de/datenschutz?a=1&amp;b=2""#))
        #expect(html.contains(#"<a id="imprint-link" href="/impressum""#))
        #expect(html.contains(#"<footer id="site-footer" class="site-footer">"#))
        let imprintOnly = Self.page(privacy: nil).render(topics: [])
        #expect(imprintOnly.contains(#"<footer id="site-footer" class="site-footer">"#))
        #expect(imprintOnly.contains(#"<p id="consent-hint" class="hint" hidden>"#))
        let bare = PortalPage(template: PortalRoutes.template).render(topics: [])
        #expect(bare == PortalRoutes.template, "nothing configured, nothing changed")
    }

    @Test("the attachment hint says the configured limits and types, as the script would")
    func attachmentHint() {
        var attachments = AttachmentPolicy()
        attachments.maximumCount = 1
        attachments.maximumBytes = 2_621_440
        attachments.types = ["application/pdf", "message/rfc822"]
        let page = PortalPage(template: PortalRoutes.template, customFields: Self.fields, attachments: attachments)
        #expect(page.render(topics: []).contains(#"<p id="attachments-hint" class="hint">Bis zu 1 Datei, höchstens 2,5 MB: PDF, EML.</p>"#))
    }

    @Test("GET / serves the form with the configured fields and the index's topics")
    func servedPage() async throws {
        let fixture = try TicketFixture { $0.privacyURL = "https://beispiel.de/datenschutz" }
        try await fixture.test { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"name="customFields[serverName]""#))
            #expect(page.text.contains(#"<option value="Konto &amp; Anmeldung">Konto &amp; Anmeldung</option>"#))
            #expect(page.text.contains(#"<a id="privacy-link" href="https://beispiel.de/datenschutz""#))
            #expect(page.text.contains(#"<a href="/hilfe/konto-anmeldung">Konto &amp; Anmeldung <span class="count">"#))
            let asked = try await client.execute(uri: "/?betreff=Passwort%20zur%C3%BCcksetzen%01", method: .get)
            #expect(!asked.text.contains("value=\"Passwort"), "a control character: nothing handed over")
            let handed = try await client.execute(uri: "/?betreff=Passwort%20zur%C3%BCcksetzen", method: .get)
            #expect(handed.text.contains(#"name="subject" value="Passwort zurücksetzen""#))
        }
    }
}
