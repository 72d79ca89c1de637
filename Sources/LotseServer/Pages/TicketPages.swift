import LotseAnalysis
import LotseTickets

/// What the portal's ticket form gets when a browser posts it without script (it asks for HTML, the script asks for
/// JSON): the confirmation, reached by a 303 so that reloading it sends nothing twice, and the list of what to
/// correct, in the language the browser asks for.
struct TicketPages {
    let layout: PageLayout

    /// Where the confirmation lives; its only parameter is the ticket's number, which the page shows as text.
    static let receivedPath = "/anfrage/eingegangen"

    /// The confirmation. `number` comes from the address, so anything but a ticket number's characters is dropped.
    func received(number: String?, responseTime: String?, in language: Language) -> String {
        let page = PageLayout.Page(title: TicketText.received[language], lang: language.rawValue, texts: language,
                                   canonical: Self.receivedPath, indexable: false)
        let number = number.flatMap(Self.ticketNumber)
        let numberLine: Markup = number.map { "<p>\(PageText.fill(TicketText.number, language, ["number": $0]))</p>" } ?? ""
        let reply = responseTime.map { PageText.fill(TicketText.replyWithin, language, ["time": $0]) } ?? TicketText.reply[language]
        return layout.render(page, main: """
            <h1 id="ticket-received">\(TicketText.received[language])</h1>
            \(numberLine)
            <p>\(reply)</p>
            <p class="ask"><a href="/#anfrage">\(TicketText.newRequest[language])</a> <a href="/hilfe">\(PageText.toStart[language])</a></p>
            """)
    }

    /// The request was not stored: the top-level message and each field's problem, how to get back to the filled form
    /// (the browser's Back), and links to the form (empty: without script nothing kept it) and the help center.
    func problems(_ error: APIError, in language: Language) -> String {
        let body = error.body(in: language).error
        let page = PageLayout.Page(title: TicketText.notSent[language], lang: language.rawValue, texts: language,
                                   canonical: "/api/v1/tickets", indexable: false)
        return layout.render(page, main: """
            <h1 id="ticket-problems">\(TicketText.notSent[language])</h1>
            <p role="alert">\(body.message)</p>
            \(ErrorPages.problems(body))
            <p>\(TicketText.goBack[language])</p>
            <p class="ask"><a href="/#anfrage">\(TicketText.toForm[language])</a> <a href="/hilfe">\(PageText.toStart[language])</a></p>
            """)
    }

    /// A ticket number exactly as the store writes them (`LT-000042`), or nil: the page never shows other text from
    /// its address (`?nummer=RUFEN-SIE-0900-…-AN` would read as a message from the operator).
    static func ticketNumber(_ text: String) -> String? {
        TicketNumber.parse(text).map(TicketNumber.format) == text ? text : nil
    }
}

/// The texts of `TicketPages`; the title and the link to a new request read as the portal's (`SharedTextTests`).
enum TicketText {
    static let received = Wording(de: "Vielen Dank, Ihre Anfrage ist eingegangen.", en: "Thank you, we have received your request.",
                                  fr: "Merci, nous avons bien reçu votre demande.", es: "Muchas gracias, hemos recibido su consulta.")
    static let number = Wording(de: "Ihre Ticketnummer lautet {number}. Bitte geben Sie sie bei Rückfragen an.",
                                en: "Your ticket number is {number}. Please quote it if you contact us about this request.",
                                fr: "Votre numéro de ticket est le {number}. Veuillez l’indiquer pour toute question.",
                                es: "Su número de ticket es {number}. Indíquelo si tiene cualquier pregunta.")
    static let reply = Wording(de: "Unser Support-Team antwortet Ihnen per E-Mail.", en: "Our support team will reply by email.",
                               fr: "Notre équipe support vous répondra par e-mail.",
                               es: "Nuestro equipo de soporte le responderá por correo electrónico.")
    static let replyWithin = Wording(
        de: "Unser Support-Team antwortet Ihnen per E-Mail, in der Regel innerhalb von {time}.",
        en: "Our support team will reply by email, usually within {time}.",
        fr: "Notre équipe support vous répondra par e-mail, en général sous {time}.",
        es: "Nuestro equipo de soporte le responderá por correo electrónico, normalmente en un plazo de {time}.")
    static let newRequest = Wording(de: "Neue Anfrage stellen", en: "Send a new request", fr: "Nouvelle demande",
                                    es: "Enviar una nueva consulta")
    static let notSent = Wording(de: "Ihre Anfrage wurde noch nicht gesendet", en: "Your request has not been sent yet",
                                 fr: "Votre demande n’a pas encore été envoyée", es: "Su consulta aún no se ha enviado")
    static let toForm = Wording(de: "Zum Anfrageformular", en: "To the request form", fr: "Aller au formulaire de demande",
                                es: "Ir al formulario de consulta")
    static let goBack = Wording(
        de: "Gehen Sie in Ihrem Browser einen Schritt zurück: Ihre Eingaben stehen noch im Formular. "
            + "Angehängte Dateien wählen Sie bitte erneut aus.",
        en: "Go back one step in your browser: what you entered is still in the form. Please choose any attached files again.",
        fr: "Revenez en arrière dans votre navigateur : vos saisies sont toujours dans le formulaire. "
            + "Veuillez sélectionner à nouveau les fichiers joints.",
        es: "Vuelva atrás en su navegador: lo que escribió sigue en el formulario. Vuelva a seleccionar los archivos adjuntos.")
}
