import LotseAnalysis

/// The help-center pages' own texts (everything around the articles) in German, English, French and Spanish,
/// worded like the portal's (`Resources/portal/portal-texts.js`). `{name}` is filled in by `fill`.
enum PageText {
    static let brand = Wording(de: "Hilfe-Center", en: "Help Center", fr: "Centre d’aide", es: "Centro de ayuda")
    static let sections = Wording(de: "Bereiche", en: "Sections", fr: "Rubriques", es: "Secciones")
    static let search = Wording(de: "Suche", en: "Search", fr: "Recherche", es: "Búsqueda")
    static let ask = Wording(de: "Anfrage stellen", en: "Contact us", fr: "Nous contacter", es: "Contactar")
    static let breadcrumb = Wording(de: "Brotkrümelnavigation", en: "Breadcrumb", fr: "Fil d’Ariane", es: "Ruta de navegación")
    static let articlesIn = Wording(de: "Artikel auf", en: "Articles in", fr: "Langue des articles", es: "Artículos en")
    static let allLanguages = Wording(de: "allen Sprachen", en: "all languages", fr: "toutes les langues", es: "todos los idiomas")
    static let legal = Wording(de: "Rechtliches", en: "Legal", fr: "Informations légales", es: "Información legal")
    static let imprint = Wording(de: "Impressum", en: "Legal notice", fr: "Mentions légales", es: "Aviso legal")
    static let privacy = Wording(de: "Datenschutz", en: "Privacy", fr: "Confidentialité", es: "Privacidad")

    static let searchLabel = Wording(de: "Hilfe-Center durchsuchen", en: "Search the Help Center",
                                     fr: "Rechercher dans le centre d’aide", es: "Buscar en el centro de ayuda")
    static let searchPlaceholder = Wording(de: "z. B. Passwort vergessen", en: "e.g. forgot password",
                                           fr: "p. ex. mot de passe oublié", es: "p. ej. olvidé mi contraseña")
    static let searchButton = Wording(de: "Suchen", en: "Search", fr: "Rechercher", es: "Buscar")

    static let heading = Wording(de: "Wie können wir helfen?", en: "How can we help?",
                                 fr: "Comment pouvons-nous vous aider ?", es: "¿En qué podemos ayudarle?")
    static let startDescription = Wording(
        de: "Antworten auf häufige Fragen, nach Kategorien geordnet, und der Weg zu einer Anfrage an den Support.",
        en: "Answers to frequently asked questions, sorted by category, and the way to contact our support.",
        fr: "Réponses aux questions fréquentes, classées par catégorie, et le moyen de contacter notre support.",
        es: "Respuestas a las preguntas frecuentes, ordenadas por categorías, y la forma de contactar con nuestro servicio de asistencia.")
    static let categories = Wording(de: "Kategorien", en: "Categories", fr: "Catégories", es: "Categorías")
    static let noArticlesInLanguage = Wording(de: "Keine Artikel in dieser Sprache.", en: "No articles in this language.",
                                              fr: "Aucun article dans cette langue.", es: "No hay artículos en este idioma.")
    static let noAnswer = Wording(de: "Keine Antwort gefunden?", en: "Didn’t find an answer?",
                                  fr: "Vous n’avez pas trouvé de réponse ?", es: "¿No ha encontrado una respuesta?")
    static let notSolved = Wording(de: "Problem nicht gelöst?", en: "Problem not solved?", fr: "Problème non résolu ?",
                                   es: "¿No se ha resuelto el problema?")

    static let searchTitle = Wording(de: "Suche: {query}", en: "Search: {query}", fr: "Recherche : {query}", es: "Búsqueda: {query}")
    static let resultsHeading = Wording(de: "Suchergebnisse für „{query}“", en: "Search results for “{query}”",
                                        fr: "Résultats de recherche pour « {query} »", es: "Resultados de búsqueda de «{query}»")
    static let noResults = Wording(
        de: "Keine passenden Artikel gefunden. Versuchen Sie andere Wörter oder stellen Sie uns eine Anfrage.",
        en: "No matching articles found. Try other words or send us a request.",
        fr: "Aucun article correspondant. Essayez d’autres mots ou envoyez-nous une demande.",
        es: "No se han encontrado artículos relacionados. Pruebe con otras palabras o envíenos una consulta.")
    static let found = (one: Wording(de: "{count} Artikel gefunden.", en: "{count} article found.",
                                     fr: "{count} article trouvé.", es: "{count} artículo encontrado."),
                        other: Wording(de: "{count} Artikel gefunden.", en: "{count} articles found.",
                                       fr: "{count} articles trouvés.", es: "{count} artículos encontrados."))

    static let categoryEmpty = Wording(
        de: "In dieser Sprache gibt es hier keine Artikel. Wählen Sie oben „allen Sprachen“.",
        en: "There are no articles here in this language. Choose “all languages” above.",
        fr: "Il n’y a pas d’article ici dans cette langue. Choisissez « toutes les langues » ci-dessus.",
        es: "Aquí no hay artículos en este idioma. Elija «todos los idiomas» arriba.")
    static let inCategory = (one: Wording(de: "{count} Artikel in „{name}“.", en: "{count} article in “{name}”.",
                                          fr: "{count} article dans « {name} ».", es: "{count} artículo en «{name}»."),
                             other: Wording(de: "{count} Artikel in „{name}“.", en: "{count} articles in “{name}”.",
                                            fr: "{count} articles dans « {name} ».", es: "{count} artículos en «{name}»."))
    static let categoryDescription = Wording(
        de: "Artikel zu {name} im Hilfe-Center.", en: "Articles on {name} in the Help Center.",
        fr: "Articles sur {name} dans le centre d’aide.", es: "Artículos sobre {name} en el centro de ayuda.")

    static let updated = Wording(de: "Aktualisiert am", en: "Updated on", fr: "Mis à jour le", es: "Actualizado el")
    static let feedback = Wording(de: "Rückmeldung", en: "Feedback", fr: "Votre avis", es: "Su opinión")
    static let voteQuestion = Wording(de: "War dieser Artikel hilfreich?", en: "Was this article helpful?",
                                      fr: "Cet article vous a-t-il été utile ?", es: "¿Le ha resultado útil este artículo?")
    static let yes = Wording(de: "Ja", en: "Yes", fr: "Oui", es: "Sí")
    static let no = Wording(de: "Nein", en: "No", fr: "Non", es: "No")
    static let thanks = Wording(de: "Danke für Ihre Rückmeldung!", en: "Thank you for your feedback!",
                                fr: "Merci pour votre retour !", es: "¡Gracias por su opinión!")
    static let thanksNotHelpful = Wording(
        de: "Danke für Ihre Rückmeldung. Wir helfen Ihnen gern persönlich weiter.",
        en: "Thank you for your feedback. We will be glad to help you personally.",
        fr: "Merci pour votre retour. Nous vous aiderons volontiers personnellement.",
        es: "Gracias por su opinión. Con mucho gusto le ayudaremos personalmente.")
    static let voteFailed = Wording(
        de: "Ihre Rückmeldung konnte nicht gespeichert werden. Bitte versuchen Sie es noch einmal.",
        en: "Your feedback could not be saved. Please try again.",
        fr: "Votre retour n’a pas pu être enregistré. Veuillez réessayer.",
        es: "No se ha podido guardar su opinión. Inténtelo de nuevo.")
    static let ticketOnlyQuestion = Wording(de: "Bitte senden Sie uns eine Anfrage.", en: "Please send us a request.",
                                            fr: "Veuillez nous envoyer une demande.", es: "Envíenos una consulta.")
    static let ticketOnly = Wording(
        de: "Dieses Anliegen bearbeiten wir nur über eine Anfrage, auch wenn der Artikel es beschreibt.",
        en: "We can only handle this matter through a request, even though the article describes it.",
        fr: "Nous traitons ce sujet uniquement par le biais d’une demande, même si l’article le décrit.",
        es: "Este asunto solo lo tramitamos mediante una consulta, aunque el artículo lo describa.")
    static let related = Wording(de: "Verwandte Artikel", en: "Related articles", fr: "Articles connexes", es: "Artículos relacionados")

    static let notFound = Wording(de: "Seite nicht gefunden", en: "Page not found", fr: "Page introuvable", es: "Página no encontrada")
    static let notFoundText = Wording(
        de: "Unter dieser Adresse gibt es keinen Artikel. Vielleicht wurde er verschoben oder umbenannt.",
        en: "There is no article at this address. It may have been moved or renamed.",
        fr: "Aucun article ne se trouve à cette adresse. Il a peut-être été déplacé ou renommé.",
        es: "No hay ningún artículo en esta dirección. Puede que se haya movido o cambiado de nombre.")
    static let toStart = Wording(de: "Zur Startseite des Hilfe-Centers", en: "Go to the Help Center home page",
                                 fr: "Aller à l’accueil du centre d’aide", es: "Ir a la página de inicio del centro de ayuda")

    static let months: [Language: [String]] = [
        .de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        .fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        .es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    ]

    /// "2. Oktober 2026", "October 2, 2026", "2 octobre 2026", "2 de octubre de 2026".
    static func date(day: Int, month: Int, year: Int, in language: Language) -> String {
        let name = months[language]?[month - 1] ?? ""
        switch language {
        case .de: return "\(day). \(name) \(year)"
        case .en: return "\(name) \(day), \(year)"
        case .fr: return "\(day) \(name) \(year)"
        case .es: return "\(day) de \(name) de \(year)"
        }
    }

    /// `wording` in `language` with each `{name}` replaced in one pass (`MessageFormat.fill`), so a value (a query, a
    /// category) is never read as a placeholder; the values are text, which `Markup` escapes.
    static func fill(_ wording: Wording, _ language: Language, _ values: [String: String] = [:]) -> String {
        MessageFormat.fill(wording[language]) { values[$0] }
    }

    /// The singular form for one (and, in French, for none), else the plural; `{count}` filled.
    static func counted(_ forms: (one: Wording, other: Wording), _ count: Int, _ language: Language,
                        _ values: [String: String] = [:]) -> String {
        let singular = count == 1 || (language == .fr && count == 0)
        return fill(singular ? forms.one : forms.other, language, values.merging(["count": String(count)]) { $1 })
    }
}
