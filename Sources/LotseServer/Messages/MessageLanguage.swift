import LotseAnalysis

/// The language of error messages and pages: the first of de, en, fr, es that `Accept-Language` prefers (q-values honoured,
/// `q=0` refused), German when none of them is asked for. The portal sends its chosen article language first.
enum MessageLanguage {
    /// More entries than any browser sends are ignored (the header is client input).
    static let maximumEntries = 32

    static func negotiate(_ header: String?) -> Language {
        guard let header else { return .de }
        var candidates: [(language: Language, quality: Double, position: Int)] = []
        for (position, entry) in header.split(separator: ",").prefix(maximumEntries).enumerated() {
            let parts = entry.split(separator: ";")
            let tag = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            let primary = tag.split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
            guard let language = Language(rawValue: primary), let quality = quality(parts.dropFirst()), quality > 0 else { continue }
            candidates.append((language, quality, position))
        }
        // The highest q wins; among equal ones, the earlier entry (a stable order).
        return candidates.min { ($1.quality, $0.position) < ($0.quality, $1.position) }?.language ?? .de
    }

    /// The `q` parameter (1 without one), or nil when it is not a number from 0 to 1.
    private static func quality(_ parameters: ArraySlice<Substring>) -> Double? {
        for parameter in parameters {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
            guard let value = Double(pair[1]), (0...1).contains(value) else { return nil }
            return value
        }
        return 1
    }
}
