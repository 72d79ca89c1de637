import Foundation

/// Where an article is served: `/hilfe/{kategorie}/{artikel}`, two ASCII slugs. Derived from category and id
/// unless the article names a valid address itself; anything else (another host, `..`, `//`, a query, markup)
/// never becomes an address, so a page link can never lead off the help center or onto another route.
public enum ArticleAddress {
    public static let prefix = "/hilfe"
    static let maximumSlugLength = 100

    /// `/hilfe/konto-anmeldung/passwort-zuruecksetzen` for "Konto & Anmeldung" and id `passwort-zuruecksetzen`.
    public static func derived(category: String, id: String) -> String {
        "\(prefix)/\(slug(category, fallback: "allgemein"))/\(slug(id, fallback: "artikel"))"
    }

    /// Lowercase ASCII letters and digits joined by single `-`: German umlauts transliterated (ä → ae, ß → ss),
    /// other accents dropped (é → e), everything else a separator ("Konto & Anmeldung" → "konto-anmeldung").
    public static func slug(_ text: String, fallback: String = "") -> String {
        var slug = ""
        var pendingSeparator = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark {
                // A diaeresis on a, o, u is the German umlaut: its usual ASCII spelling adds an e.
                if scalar == "\u{308}", let last = slug.last, "aou".contains(last) { slug.append("e") }
                continue
            }
            let lower = String(scalar).lowercased()
            let ascii = lower == "ß" || lower == "ẞ" ? "ss" : lower
            guard ascii.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }), !ascii.isEmpty else {
                pendingSeparator = !slug.isEmpty
                continue
            }
            if pendingSeparator { slug.append("-") }
            pendingSeparator = false
            slug += ascii
        }
        let cut = String(slug.prefix(maximumSlugLength))
        let trimmed = cut.hasSuffix("-") ? String(cut.dropLast()) : cut
        return trimmed.isEmpty ? fallback : trimmed
    }

    /// The address an author or an exported page gave, when it is one Lotse serves: a path (or the path of an
    /// http(s) URL, as canonical links carry it) of exactly `/hilfe/{slug}/{slug}`; nil otherwise.
    public static func validated(_ given: String) -> String? {
        var path = given
        if !given.hasPrefix("/") {
            guard let components = URLComponents(string: given), let scheme = components.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", components.host?.isEmpty == false else { return nil }
            path = components.percentEncodedPath
        } else if let end = given.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            path = String(given[..<end])
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count == 4, segments[0].isEmpty, "/" + segments[1] == prefix,
              isSlug(segments[2]), isSlug(segments[3]) else { return nil }
        return path
    }

    /// Whether `text` is what `slug` would make of itself.
    public static func isSlug(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= maximumSlugLength && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
