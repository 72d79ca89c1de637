import Foundation
import LotseAnalysis

/// Which articles a help-center page lists: the `lang` parameter (de, en, fr, es, or `alle`) when given, like
/// the portal's switch, else the first language of `Accept-Language` Lotse has articles in, else German
/// (`MessageLanguage`: pages and error messages negotiate alike).
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
                return PageLanguage(language: nil, explicit: true, texts: MessageLanguage.negotiate(acceptLanguage))
            }
            guard let language = Language(rawValue: parameter.lowercased()) else {
                let known = Language.allCases.map(\.rawValue) + [allLanguages]
                throw APIError.badRequest(field: "lang", .invalidChoice(known))
            }
            return PageLanguage(language: language, explicit: true, texts: language)
        }
        let language = MessageLanguage.negotiate(acceptLanguage)
        return PageLanguage(language: language, explicit: false, texts: language)
    }

    /// The value for links, when the visitor chose one.
    var parameter: String? { explicit ? language?.rawValue ?? Self.allLanguages : nil }

    /// The languages a visitor can switch to, with their names in their own language (nil: "all languages" in the
    /// page's).
    static let choices: [(parameter: String, name: String?, lang: String?)] = [
        ("de", "Deutsch", "de"), ("en", "English", "en"), ("fr", "Français", "fr"), ("es", "Español", "es"),
        (allLanguages, nil, nil),
    ]
}
