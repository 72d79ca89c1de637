import Foundation
import HTTPTypes
import Hummingbird

/// The `/admin` HTML: the sign-in form, the note when no admin token is configured, and the dashboard's frame
/// (its panels are filled by `admin.js` from the JSON API). Never cached: it names the signed-in operator.
enum AdminPages {
    /// The form, with what went wrong above it; the field it names (`token`, `name`) is focused and marked invalid.
    static func signIn(message: String? = nil, field: String? = nil) -> Markup {
        let error: Markup = message.map { "<p class=\"error\" id=\"sign-in-error\" role=\"alert\">\($0)</p>" } ?? ""
        func problem(_ name: String) -> Markup {
            name == field && message != nil ? " autofocus aria-invalid=\"true\" aria-describedby=\"sign-in-error\"" : ""
        }
        return page(title: "Anmelden", body: """
            <main class="narrow">
            <h1>Lotse – Verwaltung</h1>
            \(error)
            <form method="post" action="/admin/anmelden" class="sign-in">
            <label for="token">Admin-Token</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required\(problem("token"))>
            <label for="name">Ihr Name <span class="hint">(erscheint bei Statusänderungen)</span></label>
            <input id="name" name="name" type="text" autocomplete="name" maxlength="100" required\(problem("name"))>
            <button type="submit">Anmelden</button>
            </form>
            </main>
            """)
    }

    static let disabled = page(title: "Nicht eingerichtet", body: """
        <main class="narrow">
        <h1>Lotse – Verwaltung</h1>
        <p>Die Verwaltung ist ausgeschaltet, weil kein Admin-Token eingerichtet ist.</p>
        <p>Starten Sie den Server mit einem Token von mindestens 16 Zeichen, zum Beispiel
        <code>lotse serve --admin-token "$(openssl rand -hex 24)"</code>, oder setzen Sie die Umgebungsvariable
        <code>LOTSE_ADMIN_TOKEN</code>. Mit diesem Token melden Sie sich hier an; die Admin-API nimmt es als
        <code>Authorization: Bearer …</code> an.</p>
        </main>
        """)

    static func dashboard(actor: String, csrfToken: String) -> Markup {
        page(title: "Übersicht", csrfToken: csrfToken, body: """
            <header class="bar">
            <h1>Lotse – Verwaltung</h1>
            <p class="who">Angemeldet als <strong id="actor">\(actor)</strong>
            <button id="sign-out" type="button">Abmelden</button></p>
            </header>
            <main>
            \(panel("deflection", "Deflection im Zeitverlauf", controls: [daysChoice("deflection"), bucketChoice]))
            \(panel("gaps", "Themen ohne Artikel", controls: [daysChoice("gaps")]))
            \(panel("articles", "Artikel", controls: [daysChoice("articles")]))
            \(panel("tickets", "Tickets", controls: [statusChoice]))
            </main>
            """)
    }

    /// A panel: its controls, a status line, and the content `admin.js` writes into `#NAME-content`.
    private static func panel(_ name: String, _ title: String, controls: [Markup]) -> Markup {
        """
        <section class="panel" id="\(name)" aria-labelledby="\(name)-title">
        <h2 id="\(name)-title">\(title)</h2>
        <div class="controls">\(controls)</div>
        <p class="status" id="\(name)-message" role="status"></p>
        <div id="\(name)-content"></div>
        </section>
        """
    }

    private static func daysChoice(_ panel: String) -> Markup {
        """
        <label>Zeitraum <select id="\(panel)-days"><option value="7">7 Tage</option>\
        <option value="30" selected>30 Tage</option><option value="90">90 Tage</option></select></label>
        """
    }

    private static let bucketChoice: Markup = """
        <label>je <select id="deflection-bucket"><option value="day" selected>Tag</option>\
        <option value="week">Woche</option></select></label>
        """

    private static let statusChoice: Markup = """
        <label>Status <select id="tickets-status"><option value="">alle</option></select></label>
        """

    private static func page(title: String, csrfToken: String? = nil, body: Markup) -> Markup {
        let csrf: Markup = csrfToken.map { "<meta name=\"lotse-csrf\" content=\"\($0)\">" } ?? ""
        return """
            <!doctype html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            \(csrf)
            <title>\(title) – Lotse</title>
            <link rel="stylesheet" href="/admin/dateien/admin.css">
            <script src="/admin/dateien/admin.js" defer></script>
            </head>
            <body>
            \(body)
            </body>
            </html>
            """
    }

    /// The admin pages' headers: the portal's CSP, never stored, not shown in frames.
    static func response(_ page: Markup) -> Response {
        let headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            HTTPField.Name("Content-Security-Policy")!: PortalRoutes.contentSecurityPolicy,
            HTTPField.Name("Referrer-Policy")!: "same-origin",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.html)))
    }
}
