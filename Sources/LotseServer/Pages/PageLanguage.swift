import Foundation
import LotseAnalysis

/// Which articles a help-center page lists: the `lang` parameter (de, en, fr, es, or `alle`) when given, like
/// the portal's switch, else the first language of `Accept-Language` Lotse has articles in, else German.
struct PageLanguage: Equatable {
    /// nil: every language.
    var language: Language?
    /// Chosen with `?lang=`: the page's links keep the choice.
    var explicit: Bool
    /// The language of the page's own texts: the chosen one; for every language the browser's, else German.
    var texts: Language = .de

    static let allLanguages = "alle"

    /// `lang=` that is none of those is a 400 naming the parameter.
    static func resolve(parameter: String?, acceptLanguage: String?) throws -> PageLanguage {
        if let parameter {
            if parameter == allLanguages || parameter.isEmpty {
                return PageLanguage(language: nil, explicit: true, texts: negotiated(acceptLanguage) ?? .de)
            }
            guard let language = Language(rawValue: parameter.lowercased()) else {
                let known = Language.allCases.map(\.rawValue) + [allLanguages]
                throw APIError.badRequest(field: "lang", .invalidChoice(known))
            }
            return PageLanguage(language: language, explicit: true, texts: language)
        }
        let language = negotiated(acceptLanguage) ?? .de
        return PageLanguage(language: language, explicit: false, texts: language)
    }

    /// The value for links, when the visitor chose one.
    var parameter: String? { explicit ? language?.rawValue ?? Self.allLanguages : nil }

    /// `fr-CH, fr;q=0.9, en;q=0.8`: the known language with the highest weight (the earlier one on a tie).
    static func negotiated(_ header: String?) -> Language? {
        guard let header, header.utf8.count <= 1_000 else { return nil }
        var best: (language: Language, weight: Double)?
        for range in header.split(separator: ",").prefix(20) {
            let parts = range.split(separator: ";")
            let tag = parts.first?.split(separator: "-").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let weight = parts.dropFirst().compactMap { parameter -> Double? in
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return pair.count == 2 && pair[0] == "q" ? Double(pair[1]) : nil
            }.first ?? 1
            guard let language = Language(rawValue: tag), weight > 0, weight > (best?.weight ?? 0) else { continue }
            best = (language, weight)
        }
        return best?.language
    }

    /// The languages a visitor can switch to, with their names in their own language (nil: "all languages" in the
    /// page's).
    static let choices: [(parameter: String, name: String?, lang: String?)] = [
        ("de", "Deutsch", "de"), ("en", "English", "en"), ("fr", "Français", "fr"), ("es", "Español", "es"),
        (allLanguages, nil, nil),
    ]
}
