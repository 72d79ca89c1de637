import LotseAnalysis

/// One text in each language the messages speak. All four are required, so a catalogue entry cannot miss one;
/// a missing entry fails `ErrorMessageCatalogueTests`.
struct Wording: Sendable {
    var de: String
    var en: String
    var fr: String
    var es: String

    subscript(language: Language) -> String {
        switch language {
        case .de: de
        case .en: en
        case .fr: fr
        case .es: es
        }
    }
}
