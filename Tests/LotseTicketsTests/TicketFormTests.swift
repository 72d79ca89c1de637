import LotseTestSupport
import LotseTickets
import Testing

@Suite("Ticket validation")
struct TicketFormTests {
    static let form = TicketForm(customFields: [
        CustomFieldDefinition(name: "serverName", label: "Servername", pattern: "^de-[0-9]{2}-srv-[0-9]{4}$", hint: "z. B. de-01-srv-1234"),
        CustomFieldDefinition(name: "vertrag", label: "Vertrag", required: true),
    ])

    static let valid = TicketDraft(email: "grüße@bäckerei-groß.de", name: "Zoë Weiß", company: "Bäckerei Groß", subject: "Rechnung März",
        description: "Die Rechnung für März fehlt.", consent: true, customerNumber: "K-1", category: "Rechnungen",
                                   urgent: true, session: "s-1", customFields: ["serverName": "de-01-srv-1234", "vertrag": "V-7"])

    @Test("a valid German draft becomes a ticket with trimmed values; fields that are not configured are dropped")
    func validDraft() throws {
        var draft = Self.valid
        draft.subject = "  Rechnung März \n"
        draft.customFields["geheim"] = "nicht speichern"
        let ticket = try Self.form.validate(draft)
        #expect(ticket.subject == "Rechnung März")
        #expect(ticket.name == "Zoë Weiß")
        #expect(ticket.urgent)
        #expect(ticket.customFields == ["serverName": "de-01-srv-1234", "vertrag": "V-7"])
        #expect(ticket.company == "Bäckerei Groß")
    }

    static let invalidCases: [(String, @Sendable (inout TicketDraft) -> Void, String, FieldProblem.Code)] = [
        ("email missing", { $0.email = nil }, "email", .required),
        ("email without @", { $0.email = "jürgen.beispiel.de" }, "email", .invalidEmail),
        ("email with two @", { $0.email = "a@b@beispiel.de" }, "email", .invalidEmail),
        ("email with a space", { $0.email = "jürgen müller@beispiel.de" }, "email", .invalidEmail),
        ("email without a dot in the domain", { $0.email = "jürgen@localhost" }, "email", .invalidEmail),
        (
            "email longer than 254", { $0.email = String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 200) + ".de" },
            "email", .tooLong
        ),
        ("name missing", { $0.name = nil }, "name", .required),
        ("name blank", { $0.name = "   " }, "name", .required),
        ("name longer than 200", { $0.name = String(repeating: "ä", count: 201) }, "name", .tooLong),
        ("company longer than 200", { $0.company = String(repeating: "ö", count: 201) }, "company", .tooLong),
        ("subject empty", { $0.subject = "" }, "subject", .required),
        ("subject blank", { $0.subject = " \n\t" }, "subject", .required),
        ("subject longer than 200", { $0.subject = String(repeating: "ü", count: 201) }, "subject", .tooLong),
        ("description missing", { $0.description = nil }, "description", .required),
        ("description longer than 20000", { $0.description = String(repeating: "ß", count: 20_001) }, "description", .tooLong),
        ("consent missing", { $0.consent = nil }, "consent", .consentRequired),
        ("consent false", { $0.consent = false }, "consent", .consentRequired),
        ("customerNumber longer than 64", { $0.customerNumber = String(repeating: "1", count: 65) }, "customerNumber", .tooLong),
        ("category longer than 100", { $0.category = String(repeating: "k", count: 101) }, "category", .tooLong),
        ("session longer than 128", { $0.session = String(repeating: "s", count: 129) }, "session", .tooLong),
        ("custom field with the wrong format", { $0.customFields["serverName"] = "de-1-srv-12" }, "customFields.serverName", .pattern),
        ("required custom field missing", { $0.customFields["vertrag"] = nil }, "customFields.vertrag", .required),
        ("subject with CR LF inside", { $0.subject = "Hallo\r\nBcc: victim@example.org" }, "subject", .controlCharacters),
        ("name with a line separator", { $0.name = "Zoë\u{2028}Weiß" }, "name", .controlCharacters),
        ("company with a right-to-left override", { $0.company = "Groß \u{202E}HbmG" }, "company", .controlCharacters),
        ("customerNumber with an isolate", { $0.customerNumber = "K-\u{2067}1" }, "customerNumber", .controlCharacters),
        ("category with LF inside", { $0.category = "Rech\nnungen" }, "category", .controlCharacters),
        ("custom field with LF inside", { $0.customFields["vertrag"] = "V-7\nV-8" }, "customFields.vertrag", .controlCharacters),
    ]

    @Test("each invalid field is named alone", arguments: 0..<invalidCases.count)
    func invalidField(_ index: Int) {
        let (why, change, field, code) = Self.invalidCases[index]
        var draft = Self.valid
        change(&draft)
        #expect(throws: TicketValidationError.self, "\(why)") { try Self.form.validate(draft) }
        do {
            _ = try Self.form.validate(draft)
        } catch {
            #expect(error.invalid.map(\.field) == [field], "\(why): \(error.invalid)")
            #expect(error.invalid.map(\.problem.code) == [code], "\(why): \(error.invalid)")
        }
    }

    @Test("every bad field at once, with the caller's attachment problem")
    func everyFieldAtOnce() {
        do {
            _ = try Self.form.validate(
                TicketDraft(email: "kaputt", customFields: ["serverName": "x"]),
                otherErrors: [InvalidField("attachments", .tooMany(maximum: 3))])
            Issue.record("expected a validation error")
        } catch {
            #expect(error.fieldNames == ["email", "name", "subject", "description", "consent", "customFields.serverName",
                                         "customFields.vertrag", "attachments"])
        }
    }

    @Test("custom field definitions load from JSON and reject bad names and patterns")
    func loadDefinitions() throws {
        let directory = try TemporaryDirectory(prefix: "lotse-fields")
        let good = try directory.write(#"[{"name":"serverName","label":"Servername","required":false,"#
                                       + #""pattern":"^de-[0-9]{2}-srv-[0-9]{4}$","hint":"z. B. de-01-srv-1234"}]"#,
                                       to: "good.json")
        let fields = try CustomFieldDefinition.load(path: good)
        #expect(fields.map(\.name) == ["serverName"])
        #expect(fields[0].matches("de-01-srv-1234"))
        #expect(!fields[0].matches("xde-01-srv-1234"))
        #expect(!fields[0].matches("de-01-srv-12345"))
        for (index, text) in [
            #"[{"name":"1x","label":"L","required":false}]"#, #"[{"name":"a","label":"L","required":false,"pattern":"(["}]"#,
            #"{"name":"a"}"#, #"[{"name":"a","label":"L","required":false},{"name":"a","label":"M","required":true}]"#
        ].enumerated() {
            let path = try directory.write(text, to: "bad-\(index).json")
            #expect(throws: ConfigurationError.self, "\(text)") { try CustomFieldDefinition.load(path: path) }
        }
    }

    @Test("contacts match case-insensitively and ignore comments and blank lines")
    func contacts() {
        let contacts = ContactList(text: "# Kunden\nJürgen.Müller@Beispiel.de\n\n  anna@beispiel.de  # Buchhaltung\n")
        #expect(contacts.count == 2)
        #expect(contacts.contains("jürgen.müller@beispiel.de"))
        #expect(contacts.contains("ANNA@beispiel.de"))
        #expect(!contacts.contains("# Kunden"))
        #expect(!contacts.contains("bernd@beispiel.de"))
    }
}
