/// What each top-level error code says, in every language. Placeholders: `{fields}` (the invalid fields' labels),
/// `{allowed}` (methods of a 405).
enum ErrorMessages {
    static let templates: [APIError.Code: Wording] = [
        .invalidParameter: Wording(
            de: "Ein Parameter der Anfrage ist ungültig.", en: "A parameter of the request is invalid.",
            fr: "Un paramètre de la requête n’est pas valide.", es: "Un parámetro de la solicitud no es válido."),
        .invalidFields: Wording(
            de: "Bitte prüfen Sie diese Angaben: {fields}.", en: "Please check these fields: {fields}.",
            fr: "Veuillez vérifier ces champs : {fields}.", es: "Revise estos campos: {fields}."),
        .invalidJSON: Wording(
            de: "Der Inhalt der Anfrage ist kein gültiges JSON.", en: "The request body is not valid JSON.",
            fr: "Le corps de la requête n’est pas du JSON valide.", es: "El cuerpo de la solicitud no es JSON válido."),
        .invalidMultipart: Wording(
            de: "Das Formular konnte nicht gelesen werden.", en: "The form could not be read.",
            fr: "Le formulaire n’a pas pu être lu.", es: "No se ha podido leer el formulario."),
        .bodyTooLarge: Wording(
            de: "Die Anfrage ist zu groß.", en: "The request is too large.",
            fr: "La requête est trop volumineuse.", es: "La solicitud es demasiado grande."),
        .headersTooLarge: Wording(
            de: "Adresse und Kopfzeilen der Anfrage sind zu lang.", en: "The request's address and headers are too long.",
            fr: "L’adresse et les en-têtes de la requête sont trop longs.",
            es: "La dirección y las cabeceras de la solicitud son demasiado largas."),
        .unsupportedMediaType: Wording(
            de: "Dieses Format der Anfrage wird nicht unterstützt.", en: "This request format is not supported.",
            fr: "Ce format de requête n’est pas pris en charge.", es: "Este formato de solicitud no es compatible."),
        .idempotencyKeyReused: Wording(
            de: "Dieser Idempotency-Key gehört zu einer anderen Anfrage; senden Sie eine geänderte Anfrage mit einem neuen Schlüssel.",
            en: "This Idempotency-Key belongs to a different request; send a changed request with a new key.",
            fr: "Cette clé Idempotency-Key appartient à une autre requête ; envoyez une requête modifiée avec une nouvelle clé.",
            es: "Esta Idempotency-Key pertenece a otra solicitud; envíe una solicitud modificada con una clave nueva."),
        .notFound: Wording(
            de: "Diese Adresse gibt es nicht.", en: "There is nothing at this address.",
            fr: "Cette adresse n’existe pas.", es: "Esta dirección no existe."),
        .methodNotAllowed: Wording(
            de: "Diese Adresse nimmt nur {allowed} an.", en: "This address only accepts {allowed}.",
            fr: "Cette adresse n’accepte que {allowed}.", es: "Esta dirección solo acepta {allowed}."),
        .unauthorized: Wording(
            de: "Bitte senden Sie das Admin-Token als „Authorization: Bearer TOKEN“.",
            en: "Please send the admin token as “Authorization: Bearer TOKEN”.",
            fr: "Veuillez envoyer le jeton d’administration sous la forme « Authorization: Bearer TOKEN ».",
            es: "Envíe el token de administración como «Authorization: Bearer TOKEN»."),
        .adminDisabled: Wording(
            de: "Die Admin-API ist ausgeschaltet: Starten Sie lotse serve mit --admin-token oder LOTSE_ADMIN_TOKEN.",
            en: "The admin API is off: start lotse serve with --admin-token or LOTSE_ADMIN_TOKEN.",
            fr: "L’API d’administration est désactivée : lancez lotse serve avec --admin-token ou LOTSE_ADMIN_TOKEN.",
            es: "La API de administración está desactivada: inicie lotse serve con --admin-token o LOTSE_ADMIN_TOKEN."),
        .tooManyFailedAuthentications: Wording(
            de: "Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es später noch einmal.",
            en: "Too many failed sign-ins. Please try again later.",
            fr: "Trop d’échecs d’authentification. Veuillez réessayer plus tard.",
            es: "Demasiados intentos de autenticación fallidos. Vuelva a intentarlo más tarde."),
        .csrfInvalid: Wording(
            de: "Diese Änderung kam ohne gültiges Sicherheitstoken der Admin-Seite. Bitte laden Sie die Seite neu.",
            en: "This change came without a valid security token of the admin page. Please reload the page.",
            fr: "Cette modification est arrivée sans jeton de sécurité valide de la page d’administration. Veuillez recharger la page.",
            es: "Este cambio llegó sin un token de seguridad válido de la página de administración. Vuelva a cargar la página."),
        .crossSite: Wording(
            de: "Dieses Formular wurde von einer anderen Website gesendet. Bitte öffnen Sie die Seite direkt.",
            en: "This form was sent from another website. Please open the page directly.",
            fr: "Ce formulaire a été envoyé depuis un autre site web. Veuillez ouvrir la page directement.",
            es: "Este formulario se envió desde otro sitio web. Abra la página directamente."),
        .rateLimited: Wording(
            de: "Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es gleich noch einmal.",
            en: "Too many requests in a short time. Please try again in a moment.",
            fr: "Trop de requêtes en peu de temps. Veuillez réessayer dans un instant.",
            es: "Demasiadas solicitudes en poco tiempo. Vuelva a intentarlo en un momento."),
        .busy: Wording(
            de: "Der Server ist gerade mit anderen Suchen ausgelastet. Bitte versuchen Sie es gleich noch einmal.",
            en: "The server is busy with other searches. Please try again in a moment.",
            fr: "Le serveur est occupé par d’autres recherches. Veuillez réessayer dans un instant.",
            es: "El servidor está ocupado con otras búsquedas. Vuelva a intentarlo en un momento."),
        .uploadsBusy: Wording(
            de: "Ihr Formular kann gerade nicht angenommen werden. Bitte senden Sie es gleich noch einmal.",
            en: "Your form cannot be accepted right now. Please send it again in a moment.",
            fr: "Votre formulaire ne peut pas être accepté pour le moment. Veuillez le renvoyer dans un instant.",
            es: "Ahora mismo no podemos aceptar su formulario. Vuelva a enviarlo en un momento."),
        .deadlineExceeded: Wording(
            de: "Die Suche hat zu lange gedauert. Bitte kürzen Sie den Text oder versuchen Sie es noch einmal.",
            en: "The search took too long. Please shorten the text or try again.",
            fr: "La recherche a pris trop de temps. Veuillez raccourcir le texte ou réessayer.",
            es: "La búsqueda ha tardado demasiado. Acorte el texto o vuelva a intentarlo."),
        .uploadTooSlow: Wording(
            de: "Die Anfrage kam zu langsam an. Bitte senden Sie sie noch einmal, bei großen Anhängen über eine schnellere Verbindung.",
            en: "The request arrived too slowly. Please send it again, with large attachments over a faster connection.",
            fr: "La demande est arrivée trop lentement. Veuillez la renvoyer, avec de gros fichiers joints via une connexion plus rapide.",
            es: "La consulta llegó demasiado despacio. Vuelva a enviarla; con adjuntos grandes, desde una conexión más rápida."),
        .storageUnavailable: Wording(
            de: "Anfragen können gerade nicht gespeichert werden. Bitte versuchen Sie es später noch einmal.",
            en: "Requests cannot be stored right now. Please try again later.",
            fr: "Les demandes ne peuvent pas être enregistrées pour le moment. Veuillez réessayer plus tard.",
            es: "Ahora mismo no se pueden guardar solicitudes. Vuelva a intentarlo más tarde."),
        .malformedRequest: Wording(
            de: "Die Anfrage ist kein gültiges HTTP/1.1.", en: "The request is not valid HTTP/1.1.",
            fr: "La requête n’est pas du HTTP/1.1 valide.", es: "La solicitud no es HTTP/1.1 válido."),
        .badRequest: Wording(
            de: "Die Anfrage ist ungültig.", en: "The request is invalid.",
            fr: "La requête n’est pas valide.", es: "La solicitud no es válida."),
        .requestRejected: Wording(
            de: "Die Anfrage konnte nicht bearbeitet werden.", en: "The request could not be handled.",
            fr: "La requête n’a pas pu être traitée.", es: "No se ha podido procesar la solicitud."),
        .internal: Wording(
            de: "Ein interner Fehler ist aufgetreten.", en: "An internal error occurred.",
            fr: "Une erreur interne s’est produite.", es: "Se ha producido un error interno."),
    ]
}
