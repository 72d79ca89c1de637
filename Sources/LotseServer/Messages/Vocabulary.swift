/// The words messages put into their templates: field names as the customer knows them, file types, JSON types.
enum Vocabulary {
    static let and = Wording(de: "und", en: "and", fr: "et", es: "y")
    static let or = Wording(de: "oder", en: "or", fr: "ou", es: "o")
    static let bytes = Wording(de: "Byte", en: "bytes", fr: "octets", es: "bytes")

    /// Every field and parameter an error can name (custom fields bring their own label).
    static let fieldLabels: [String: Wording] = [
        "email": Wording(de: "E-Mail-Adresse", en: "Email address", fr: "Adresse e-mail", es: "Correo electrónico"),
        "name": Wording(de: "Name", en: "Name", fr: "Nom", es: "Nombre"),
        "company": Wording(de: "Firma", en: "Company", fr: "Entreprise", es: "Empresa"),
        "subject": Wording(de: "Betreff", en: "Subject", fr: "Objet", es: "Asunto"),
        "description": Wording(de: "Beschreibung", en: "Description", fr: "Description", es: "Descripción"),
        "customerNumber": Wording(de: "Kundennummer", en: "Customer number", fr: "Numéro client", es: "Número de cliente"),
        "category": Wording(de: "Thema", en: "Topic", fr: "Thème", es: "Tema"),
        "session": Wording(de: "Sitzung", en: "Session", fr: "Session", es: "Sesión"),
        "consent": Wording(de: "Einwilligung", en: "Consent", fr: "Consentement", es: "Consentimiento"),
        "urgent": Wording(de: "Dringend", en: "Urgent", fr: "Urgent", es: "Urgente"),
        "attachments": Wording(de: "Anhänge", en: "Attachments", fr: "Pièces jointes", es: "Archivos adjuntos"),
        "customFields": Wording(de: "Zusatzfelder", en: "Additional fields", fr: "Champs supplémentaires", es: "Campos adicionales"),
        "q": Wording(de: "Suchbegriff", en: "Search term", fr: "Terme de recherche", es: "Término de búsqueda"),
        "limit": Wording(de: "Anzahl der Treffer", en: "Number of results", fr: "Nombre de résultats", es: "Número de resultados"),
        "lang": Wording(de: "Sprache", en: "Language", fr: "Langue", es: "Idioma"),
        "page": Wording(de: "Seite", en: "Page", fr: "Page", es: "Página"),
        "status": Wording(de: "Status", en: "Status", fr: "Statut", es: "Estado"),
        "since": Wording(de: "Zeitraum", en: "Period", fr: "Période", es: "Periodo"),
        "days": Wording(de: "Zeitraum in Tagen", en: "Period in days", fr: "Période en jours", es: "Periodo en días"),
        "bucket": Wording(de: "Einteilung", en: "Grouping", fr: "Regroupement", es: "Agrupación"),
        "format": Wording(de: "Format", en: "Format", fr: "Format", es: "Formato"),
        "articleId": Wording(de: "Artikel", en: "Article", fr: "Article", es: "Artículo"),
        "helpful": Wording(de: "Bewertung", en: "Rating", fr: "Évaluation", es: "Valoración"),
        "body": Wording(de: "Inhalt der Anfrage", en: "Request body", fr: "Corps de la requête", es: "Cuerpo de la solicitud"),
        "headers": Wording(de: "Adresse und Kopfzeilen", en: "Address and headers", fr: "Adresse et en-têtes",
                           es: "Dirección y cabeceras"),
        "Content-Type": Wording(de: "Content-Type", en: "Content-Type", fr: "Content-Type", es: "Content-Type"),
        "Idempotency-Key": Wording(de: "Idempotency-Key", en: "Idempotency-Key", fr: "Idempotency-Key", es: "Idempotency-Key"),
    ]

    /// The attachment types of `--attachments-types` as customers call them.
    static let fileTypes: [String: Wording] = [
        "image/png": Wording(de: "PNG", en: "PNG", fr: "PNG", es: "PNG"),
        "image/jpeg": Wording(de: "JPEG", en: "JPEG", fr: "JPEG", es: "JPEG"),
        "image/gif": Wording(de: "GIF", en: "GIF", fr: "GIF", es: "GIF"),
        "image/webp": Wording(de: "WebP", en: "WebP", fr: "WebP", es: "WebP"),
        "application/pdf": Wording(de: "PDF", en: "PDF", fr: "PDF", es: "PDF"),
        "text/plain": Wording(de: "Textdateien (.txt)", en: "text files (.txt)", fr: "fichiers texte (.txt)",
                              es: "archivos de texto (.txt)"),
        "message/rfc822": Wording(de: "E-Mails (.eml)", en: "emails (.eml)", fr: "e-mails (.eml)", es: "correos (.eml)"),
        "application/vnd.ms-outlook": Wording(de: "Outlook-Nachrichten (.msg)", en: "Outlook messages (.msg)",
                                              fr: "messages Outlook (.msg)", es: "mensajes de Outlook (.msg)"),
        "application/zip": Wording(de: "ZIP-Archive", en: "ZIP archives", fr: "archives ZIP", es: "archivos ZIP"),
    ]

    /// What a JSON field should have held (`wrong_type`'s `expected`).
    static let jsonTypes: [String: Wording] = [
        "string": Wording(de: "Text", en: "text", fr: "du texte", es: "texto"),
        "boolean": Wording(de: "true oder false", en: "true or false", fr: "true ou false", es: "true o false"),
        "integer": Wording(de: "eine ganze Zahl", en: "a whole number", fr: "un nombre entier", es: "un número entero"),
        "object": Wording(de: "ein Objekt", en: "an object", fr: "un objet", es: "un objeto"),
        "array": Wording(de: "eine Liste", en: "a list", fr: "une liste", es: "una lista"),
    ]
}
