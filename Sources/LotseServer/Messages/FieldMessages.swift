import LotseTickets

/// What each field code says, in every language. Placeholders: `{name}` (the file, else the field's label),
/// `{other}`, `{max}`, `{min}`, `{maxBytes}`, `{types}`, `{allowed}`, `{examples}`, `{expected}`, `{hint}`.
enum FieldMessages {
    static let templates: [FieldProblem.Code: Wording] = [
        .required: Wording(
            de: "Bitte füllen Sie das Feld „{name}“ aus.", en: "Please fill in “{name}”.",
            fr: "Veuillez remplir le champ « {name} ».", es: "Rellene el campo «{name}»."),
        .requiredEither: Wording(
            de: "Bitte füllen Sie „{name}“ oder „{other}“ aus.", en: "Please fill in “{name}” or “{other}”.",
            fr: "Veuillez remplir « {name} » ou « {other} ».", es: "Rellene «{name}» o «{other}»."),
        .invalidEmail: Wording(
            de: "Bitte geben Sie eine gültige E-Mail-Adresse an.", en: "Please enter a valid email address.",
            fr: "Veuillez saisir une adresse e-mail valide.", es: "Introduzca una dirección de correo electrónico válida."),
        .tooLong: Wording(
            de: "„{name}“ darf höchstens {max} Zeichen lang sein.", en: "“{name}” can be at most {max} characters long.",
            fr: "« {name} » ne doit pas dépasser {max} caractères.", es: "«{name}» no puede superar los {max} caracteres."),
        .controlCharacters: Wording(
            de: "„{name}“ enthält unzulässige Steuerzeichen.",
            en: "“{name}” contains control characters that are not allowed.",
            fr: "« {name} » contient des caractères de contrôle non autorisés.",
            es: "«{name}» contiene caracteres de control no permitidos."),
        .consentRequired: Wording(
            de: "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu, damit wir Ihre Anfrage bearbeiten können.",
            en: "Please agree to the processing of your details so that we can handle your request.",
            fr: "Veuillez accepter le traitement de vos données afin que nous puissions traiter votre demande.",
            es: "Acepte el tratamiento de sus datos para que podamos atender su solicitud."),
        .pattern: Wording(
            de: "„{name}“ hat nicht das erwartete Format{hint}.", en: "“{name}” is not in the expected format{hint}.",
            fr: "« {name} » n’a pas le format attendu{hint}.", es: "«{name}» no tiene el formato esperado{hint}."),
        .tooMany: Wording(
            de: "Bitte hängen Sie höchstens {max} Dateien an.", en: "Please attach at most {max} files.",
            fr: "Veuillez joindre {max} fichiers au maximum.", es: "Adjunte como máximo {max} archivos."),
        .emptyFile: Wording(
            de: "„{name}“ ist leer.", en: "“{name}” is empty.", fr: "« {name} » est vide.", es: "«{name}» está vacío."),
        .tooLarge: Wording(
            de: "„{name}“ ist zu groß: erlaubt sind höchstens {maxBytes}.",
            en: "“{name}” is too large: at most {maxBytes} is allowed.",
            fr: "« {name} » est trop volumineux : {maxBytes} au maximum.",
            es: "«{name}» es demasiado grande: se permiten como máximo {maxBytes}."),
        .typeNotAllowed: Wording(
            de: "„{name}“ hat einen Dateityp, den wir nicht annehmen können. Erlaubt sind {types}.",
            en: "“{name}” is a type of file we cannot accept. Allowed are {types}.",
            fr: "« {name} » est un type de fichier que nous ne pouvons pas accepter. Types autorisés : {types}.",
            es: "«{name}» es un tipo de archivo que no podemos aceptar. Se permiten {types}."),
        .missingFileName: Wording(
            de: "Einer der Anhänge hat keinen Dateinamen.", en: "One of the attachments has no file name.",
            fr: "L’une des pièces jointes n’a pas de nom de fichier.", es: "Uno de los archivos adjuntos no tiene nombre."),
        .invalidEncoding: Wording(
            de: "„{name}“ muss Text in UTF-8 sein.", en: "“{name}” must be UTF-8 text.",
            fr: "« {name} » doit être du texte UTF-8.", es: "«{name}» debe ser texto UTF-8."),
        .invalidChoice: Wording(
            de: "„{name}“ muss einer dieser Werte sein: {allowed}.", en: "“{name}” must be one of these values: {allowed}.",
            fr: "« {name} » doit être l’une de ces valeurs : {allowed}.", es: "«{name}» debe ser uno de estos valores: {allowed}."),
        .outOfRange: Wording(
            de: "„{name}“ muss eine ganze Zahl von {min} bis {max} sein.", en: "“{name}” must be a whole number from {min} to {max}.",
            fr: "« {name} » doit être un nombre entier de {min} à {max}.", es: "«{name}» debe ser un número entero entre {min} y {max}."),
        .invalidValue: Wording(
            de: "„{name}“ hat einen ungültigen Wert (zum Beispiel {examples}).",
            en: "“{name}” has an invalid value (try {examples}).",
            fr: "« {name} » a une valeur non valide (par exemple {examples}).",
            es: "«{name}» tiene un valor no válido (por ejemplo {examples})."),
        .wrongType: Wording(
            de: "„{name}“ hat den falschen Typ: erwartet wird {expected}.", en: "“{name}” has the wrong type: expected {expected}.",
            fr: "« {name} » n’a pas le bon type (attendu : {expected}).", es: "«{name}» no tiene el tipo correcto (se espera {expected})."),
        .invalidJSON: Wording(
            de: "Der Inhalt der Anfrage ist kein gültiges JSON-Objekt.", en: "The request body is not a valid JSON object.",
            fr: "Le corps de la requête n’est pas un objet JSON valide.", es: "El cuerpo de la solicitud no es un objeto JSON válido."),
        .invalidMultipart: Wording(
            de: "Das Formular konnte nicht gelesen werden (fehlerhaftes multipart/form-data).",
            en: "The form could not be read (malformed multipart/form-data).",
            fr: "Le formulaire n’a pas pu être lu (multipart/form-data mal formé).",
            es: "No se ha podido leer el formulario (multipart/form-data mal formado)."),
        .unsupportedMediaType: Wording(
            de: "Bitte senden Sie die Anfrage als {allowed}.", en: "Please send the request as {allowed}.",
            fr: "Veuillez envoyer la requête en {allowed}.", es: "Envíe la solicitud como {allowed}."),
        .ticketOnly: Wording(
            de: "Bei diesem Thema hilft nur eine Anfrage an unser Support-Team; der Artikel kann es nicht als gelöst markieren.",
            en: "This topic needs a request to our support team; the article cannot mark it as solved.",
            fr: "Ce sujet nécessite une demande à notre équipe d’assistance ; l’article ne peut pas le marquer comme résolu.",
            es: "Este tema requiere una solicitud a nuestro equipo de soporte; el artículo no puede marcarlo como resuelto."),
        .alreadyUsed: Wording(
            de: "Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.",
            en: "This Idempotency-Key was already used for a different request.",
            fr: "Cette clé Idempotency-Key a déjà été utilisée pour une autre requête.",
            es: "Esta Idempotency-Key ya se utilizó para otra solicitud."),
        .unknownArticle: Wording(
            de: "Diesen Artikel gibt es nicht.", en: "There is no such article.",
            fr: "Cet article n’existe pas.", es: "Este artículo no existe."),
        .duplicate: Wording(
            de: "„{name}“ steht mehrmals in der Anfrage.", en: "“{name}” occurs more than once in the request.",
            fr: "« {name} » figure plusieurs fois dans la requête.", es: "«{name}» aparece más de una vez en la solicitud."),
    ]
}
