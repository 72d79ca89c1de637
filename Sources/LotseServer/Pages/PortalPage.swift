import Foundation
import LotseSearch
import LotseTickets

/// `GET /`: the portal's page (`Resources/portal/index.html`) with the operator's settings already in its form — the
/// custom fields, attachment limits and types, the privacy and imprint links — and, per request, the index's topics,
/// the category list and a handed-over subject, so that a browser without script can fill in every field the server
/// requires. The script takes them from the page as it does the page's other elements.
struct PortalPage: Sendable {
    /// The template with the operator's settings, which do not change while the server runs: written once.
    private let configured: String

    /// How customers know the accepted types ("PNG, JPG, PDF, TXT"), as the portal's script names them.
    static let typeNames = ["image/png": "PNG", "image/jpeg": "JPG", "image/gif": "GIF", "image/webp": "WEBP", "application/pdf": "PDF",
                            "text/plain": "TXT", "message/rfc822": "EML", "application/vnd.ms-outlook": "MSG", "application/zip": "ZIP"]

    static let consent = #"<input id="consent" name="consent" type="checkbox" value="true" required>"#

    static let noCategory = #"<option value="" data-text="field.category.choose">Bitte wählen</option>"#

    init(template: String, customFields: [CustomFieldDefinition] = [], privacyURL: String? = nil, imprintURL: String? = nil,
         attachments: AttachmentPolicy = AttachmentPolicy()) {
        var page = template
        if !customFields.isEmpty {
            page.insert(Markup.joined(customFields.map(Self.field)), after: #"<div id="custom-fields">"#)
        }
        page.replace(#"<p id="attachments-hint" class="hint">Bis zu 3 Dateien, je höchstens 5 MB: PNG, JPG, PDF, TXT.</p>"#,
                     with: (#"<p id="attachments-hint" class="hint">\#(Self.attachmentHint(attachments))</p>"# as Markup).html)
        if let privacyURL {
            page.replace(#"<p id="consent-hint" class="hint" hidden>"#, with: #"<p id="consent-hint" class="hint">"#)
            page.replace(Self.consent, with: String(Self.consent.dropLast()) + #" aria-describedby="consent-hint">"#)
            page.link("privacy-link", to: privacyURL)
            page.link("privacy-footer-link", to: privacyURL)
        }
        if let imprintURL { page.link("imprint-link", to: imprintURL) }
        if privacyURL != nil || imprintURL != nil {
            page.replace(#"<footer id="site-footer" class="site-footer" hidden>"#,
                         with: #"<footer id="site-footer" class="site-footer">"#)
        }
        configured = page
    }

    /// The page with the index's `topics` to choose in the form, the categories listed (German articles per category,
    /// as the script shows them first; it replaces them with its own buttons) and a subject to start the form with
    /// (`/?betreff=…`, as the help pages' "Anfrage stellen" links; the script fills it in too).
    func render(topics: [String], listing: [String: Int] = [:], subject: String? = nil) -> String {
        var page = configured
        if !listing.isEmpty {
            let links = listing.sorted { $0.key < $1.key }.map { name, count -> Markup in
                "<li><a href=\"\(ListPages.categoryPath(name))\">\(name) <span class=\"count\">(\(count))</span></a></li>"
            }
            page.insert(Markup.joined(links), after: #"<ul id="category-list" class="categories">"#)
        }
        if let subject, !subject.isEmpty {
            let field = #"<input id="subject" name="subject""#
            page.replace(field, with: field + #" value=""# + HTML.escape(subject) + "\"")
        }
        if !topics.isEmpty {
            page.replace(#"<div class="field" id="category-field" hidden>"#, with: #"<div class="field" id="category-field">"#)
            let options = topics.map { name -> Markup in "<option value=\"\(name)\">\(name)</option>" }
            page.insert(Markup.joined(options), after: Self.noCategory)
        }
        return page
    }

    /// The attachment limits in German, as the script words them (`field.attachments.hint`).
    static func attachmentHint(_ attachments: AttachmentPolicy) -> String {
        let megabytes = Double(attachments.maximumBytes) / 1_048_576
        let size = megabytes == megabytes.rounded() ? String(Int(megabytes))
            : String(format: "%.1f", megabytes).replacingOccurrences(of: ".", with: ",")
        let types = attachments.types.map { typeNames[$0] ?? $0 }.joined(separator: ", ")
        return attachments.maximumCount == 1 ? "Bis zu 1 Datei, höchstens \(size) MB: \(types)."
            : "Bis zu \(attachments.maximumCount) Dateien, je höchstens \(size) MB: \(types)."
    }

    /// One custom field as the portal's own fields are written: label (with "(optional)"), input, hint.
    static func field(_ definition: CustomFieldDefinition) -> Markup {
        let id = "custom-\(definition.name)"
        let optional: Markup = definition.required ? "" : #" <span class="optional" data-text="field.optional">(optional)</span>"#
        let required: Markup = definition.required ? " required" : ""
        let pattern: Markup = definition.pattern.map { " pattern=\"\($0)\"" } ?? ""
        let described: Markup = definition.hint == nil ? "" : " aria-describedby=\"\(id)-hint\""
        let hint: Markup = definition.hint.map { "\n            <p id=\"\(id)-hint\" class=\"hint\">\($0)</p>" } ?? ""
        let limit = CustomFieldDefinition.maximumValueCharacters
        return Markup.joined([
            "\n          <div class=\"field\">",
            "\n            <label for=\"\(id)\">\(definition.label)\(optional)</label>",
            "\n            <input id=\"\(id)\" name=\"customFields[\(definition.name)]\" maxlength=\"\(limit)\"",
            "\(required)\(pattern)\(described)>",
            hint, "\n          </div>",
        ])
    }
}

private extension String {
    /// Replaces the template's one `anchor`; a template without it (a changed index.html) is left as it is, which
    /// `PortalPageTests` catches.
    mutating func replace(_ anchor: String, with replacement: String) {
        guard let range = range(of: anchor) else { return }
        replaceSubrange(range, with: replacement)
    }

    mutating func insert(_ markup: Markup, after anchor: String) {
        replace(anchor, with: anchor + markup.html)
    }

    /// The template's `<a id="ID" href="#" [hidden]` pointed at `url` and shown.
    mutating func link(_ id: String, to url: String) {
        guard let range = range(of: ##"<a id="\##(id)" href="#""##) else { return }
        let end = self[range.upperBound...].hasPrefix(" hidden") ? index(range.upperBound, offsetBy: 7) : range.upperBound
        replaceSubrange(range.lowerBound..<end, with: "<a id=\"\(id)\" href=\"\(HTML.escape(url))\"")
    }
}
