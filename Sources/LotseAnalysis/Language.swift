/// Languages with a Snowball stemmer and stop words. German is the default for articles and queries.
public enum Language: String, Sendable, CaseIterable, Codable {
    case de, en, fr, es

    /// The algorithm name libstemmer knows.
    var snowballName: String {
        switch self {
        case .de: "german"
        case .en: "english"
        case .fr: "french"
        case .es: "spanish"
        }
    }
}
