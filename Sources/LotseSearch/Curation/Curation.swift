/// What an operator adds to the ranking without rebuilding the index: synonyms beside the built-in ones
/// (`--synonyms`) and articles pinned to queries (`--pins`). Loaded from files, checked whole: a file with a
/// mistake is refused with its line, and whoever holds the previous curation keeps it.
public struct Curation: Sendable {
    /// The operator's groups only (the built-in list is always added by the engine).
    var synonyms: Synonyms
    public var synonymGroups: Int
    public var pins: [Pin]

    public static let none = Curation(synonyms: .empty, synonymGroups: 0, pins: [])

    /// Reads and checks both files (either may be nil).
    public static func load(synonyms: String?, pins: String?) throws(CurationFileError) -> Curation {
        var curation = Curation.none
        if let synonyms {
            (curation.synonyms, curation.synonymGroups) = try SynonymFile.parse(CurationFile.read(synonyms), file: synonyms)
        }
        if let pins { curation.pins = try PinFile.parse(CurationFile.read(pins), file: pins) }
        return curation
    }

    /// For `lotse search` and the server's log.
    public var summary: String {
        "\(synonymGroups) synonym group\(synonymGroups == 1 ? "" : "s"), \(pins.count) pin\(pins.count == 1 ? "" : "s")"
    }
}
