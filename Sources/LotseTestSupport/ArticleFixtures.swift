/// Small valid German (and one English) help-center articles, as Markdown with front matter and as an HTML
/// export with the usual boilerplate around and inside the article, plus builders for one-off variants.
public enum ArticleFixtures {
    /// Markdown with every front-matter key, tags as a flow list, an H1 equal to the title and two sub-headings.
    public static let kundennummer = """
        ---
        title: Kundennummer finden
        category: Konto & Anmeldung
        tags: [kundennummer, kundenkonto, vertragsnummer]
        lang: de
        id: kundennummer
        url: /hilfe/konto-anmeldung/kundennummer-finden
        updated: 2025-06-30
        ---

        # Kundennummer finden

        Ihre **Kundennummer** steht oben rechts auf jeder Rechnung.

        ## Wo finde ich meine Kundennummer?

        Im Kundencenter unter *Stammdaten*.

        ### Auf der Rechnung

        Neben dem Rechnungsdatum.

        """

    /// Markdown with tags as a comma string, no id (so the file name is the id) and no explicit lang.
    public static let passwort = """
        ---
        title: Passwort zurücksetzen
        category: Konto & Anmeldung
        tags: passwort, anmeldung , zurücksetzen
        ---

        # Passwort zurücksetzen

        Klicken Sie auf der Anmeldeseite auf „Passwort vergessen?“ und folgen Sie dem Link in der E-Mail.

        ## Der Link ist abgelaufen

        Fordern Sie einen neuen Link an; er gilt 24 Stunden.

        """

    /// English Markdown article.
    public static let invoiceEnglish = """
        ---
        title: Understanding your invoice
        category: Rechnungen & Zahlungen
        tags: [invoice, billing]
        lang: en
        ---

        # Understanding your invoice

        Every invoice lists the billing period, the net amount and the VAT.

        """

    /// Markdown without front matter: title from the first H1.
    public static let postfach = """
        # Postfach einrichten

        Tragen Sie im E-Mail-Programm den Posteingangsserver imap.lindenhost.de ein.

        ## Ausgangsserver

        Der Postausgangsserver ist smtp.lindenhost.de mit Port 587.

        """

    /// A help-center HTML export: head with metadata, site header, navigation, search form and cookie banner,
    /// the article inside `<main>` with votes and comments, a related-articles sidebar, a footer with newsletter
    /// and imprint, and scripts at both ends.
    public static let speicherplatzPage = """
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <title>Speicherplatz erweitern – Lindenhost Hilfe-Center</title>
        <meta name="lotse:category" content="Webhosting">
        <meta name="lotse:tags" content="speicherplatz, webspace , speicherpaket">
        <meta name="lotse:updated" content="2026-09-14">
        <link rel="canonical" href="https://hilfe.lindenhost.de/hilfe/webhosting/webspace-speicherplatz-erweitern">
        <style>.cookie-banner { position: fixed; } .stilvorlage { color: green; }</style>
        <script>var trackingPixelLoaded = false; function zaehlpixel() { return "Zählpixelskript"; }</script>
        </head>
        <body class="article-page">
        <header class="site-header">
          <div class="logo">Lindenhost Kopfzeilenlogo</div>
          <nav class="top-nav"><ul><li><a href="/">Startseite</a></li><li><a href="/produkte">Produktübersicht</a></li></ul></nav>
          <form class="search-form" role="search"><input type="search" placeholder="Suchbegriff"><button>Suchen</button></form>
        </header>
        <div class="cookie-banner" id="cookie-consent" role="dialog">
          <p>Wir verwenden Cookies, um die Reichweite zu messen.</p>
          <button type="button">Alle akzeptieren</button>
        </div>
        <main id="inhalt" class="layout">
          <article class="article">
            <h1>Speicherplatz erweitern</h1>
            <div class="article-body">
              <p>Ihr Webspace enth&auml;lt einen festen Speicherplatz f&uuml;r Dateien und Datenbanken.</p>
              <h2>Belegung pr&uuml;fen</h2>
              <p>Ab 80&nbsp;% Belegung schicken wir eine Warnung. Das Speicherpaket S kostet 1,99&nbsp;&#x20AC; im Monat.</p>
              <p>&Ouml;ffnen Sie &#8222;Speicherplatz &amp; Nutzung&#8220; und w&auml;hlen Sie die gew&uuml;nschte Gr&ouml;&szlig;e.</p>
            </div>
            <div class="article-votes">War dieser Artikel hilfreich? <button type="button">Ja</button> \
            <button type="button">Nein</button></div>
            <section class="article-comments"><h2>0 Kommentare</h2>\
            <p>Bitte melden Sie sich an, um einen Kommentar zu hinterlassen.</p></section>
          </article>
          <aside class="sidebar">
            <section class="related-articles"><h2>Verwandte Artikel</h2><ul><li><a href="/x">Cronjobs einrichten</a></li></ul></section>
          </aside>
        </main>
        <footer class="site-footer">
          <div class="footer-newsletter"><p>Newsletter: jetzt anmelden</p></div>
          <ul class="footer-links"><li><a href="/impressum">Impressum</a></li></ul>
        </footer>
        <script>document.querySelectorAll(".article-votes button").forEach(function (b) { b.textContent = "Vielen Dank"; });</script>
        </body>
        </html>

        """

    /// Three valid Markdown articles by file name (ids `kundennummer`, `passwort-zuruecksetzen`, `postfach-einrichten`).
    public static let markdownSet: [String: String] = [
        "kundennummer-finden.md": kundennummer,
        "passwort-zuruecksetzen.md": passwort,
        "postfach-einrichten.md": postfach,
    ]

    /// The ids of `markdownSet`, sorted.
    public static let markdownSetIDs = ["kundennummer", "passwort-zuruecksetzen", "postfach-einrichten"]

    /// A Markdown article from front-matter lines (`key: value`, written as given) and a Markdown body.
    public static func markdown(frontMatter: [String], body: String) -> String {
        guard !frontMatter.isEmpty else { return body }
        return (["---"] + frontMatter + ["---", ""]).joined(separator: "\n") + body
    }

    /// A short Markdown article with a title and one paragraph (and optionally an explicit id).
    public static func simple(title: String, text: String, id: String? = nil, lang: String? = nil) -> String {
        var front = ["title: \(title)"]
        if let id { front.append("id: \(id)") }
        if let lang { front.append("lang: \(lang)") }
        return markdown(frontMatter: front, body: "\(text)\n")
    }

    /// A minimal HTML page: `head` and `body` are inserted as given, inside `<html\(htmlAttributes)>`.
    public static func html(head: String = "", body: String, htmlAttributes: String = " lang=\"de\"") -> String {
        """
        <!DOCTYPE html>
        <html\(htmlAttributes)>
        <head>
        <meta charset="utf-8">
        \(head)
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
