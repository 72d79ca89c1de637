import Foundation

/// Strips what a ticket draft says besides the problem: greetings, sign-offs and signatures, quoted replies,
/// and e-mail addresses and URLs (they identify the customer, not the topic).
enum DraftCleaner {
    private static let greetings = [
        "sehr geehrte damen und herren", "sehr geehrtes support-team", "sehr geehrtes team", "liebes support-team",
        "liebes lindenhost-team", "liebes team", "guten morgen", "guten tag", "guten abend", "hallo zusammen",
        "hallo", "moin", "servus", "hi", "hey", "dear support", "hello", "good morning",
    ]
    private static let signOffs = [
        "mit freundlichen grüßen", "mit freundlichen gruessen", "mit freundlichen grüssen", "freundliche grüße",
        "viele grüße", "viele gruesse", "viele grüsse", "beste grüße", "liebe grüße", "lg", "vg", "mfg", "gruß",
        "gruss", "danke und gruß", "danke im voraus", "vielen dank im voraus", "best regards", "kind regards",
        "regards", "cheers", "--", "gesendet von meinem",
    ]
    private static let quoteMarkers = ["-----original", "-----ursprüngliche", "von:", "from:"]

    static func clean(_ text: String) -> String {
        var kept: [Substring] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let lower = line.lowercased()
            if line.hasPrefix(">") { continue }
            if quoteMarkers.contains(where: lower.hasPrefix) || (lower.hasPrefix("am ") && lower.hasSuffix("schrieb:")) { break }
            if signOffs.contains(where: {
                lower == $0 || lower.hasPrefix($0 + ",") || lower.hasPrefix($0 + " ") && lower.count < $0.count + 25
            }) {
                break
            }
            let content = stripIdentifiers(stripGreeting(line))
            if content.isEmpty, !line.isEmpty { continue }
            kept.append(Substring(content))
        }
        return kept.joined(separator: "\n")
    }

    private static func stripIdentifiers(_ line: String) -> String {
        guard line.contains("@") || line.contains("://") || line.contains("www.") else { return line }
        return line.split(separator: " ", omittingEmptySubsequences: false).filter { word in
            !(word.contains("@") || word.contains("://") || word.lowercased().hasPrefix("www."))
        }.joined(separator: " ")
    }

    /// "Hallo Support-Team, seit gestern …" → "seit gestern …"
    private static func stripGreeting(_ line: String) -> String {
        let lower = line.lowercased()
        guard let greeting = greetings.first(where: { lower.hasPrefix($0) }) else { return line }
        let rest = line.dropFirst(greeting.count)
        guard let comma = rest.firstIndex(where: { $0 == "," || $0 == "!" }), rest.distance(from: rest.startIndex, to: comma) <= 30 else {
            return rest.first?.isLetter == true ? line : rest.trimmingCharacters(in: .whitespaces)
        }
        return rest[rest.index(after: comma)...].trimmingCharacters(in: .whitespaces)
    }
}
