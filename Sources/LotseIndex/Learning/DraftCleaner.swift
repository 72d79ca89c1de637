import Foundation

/// Strips what a ticket draft says besides the problem: greetings, sign-offs and signatures, quoted replies,
/// and e-mail addresses and URLs (they identify the customer, not the topic). The search plans a draft's query from
/// what is left, and learning reads only that (a sign-off is followed by the customer's name).
public enum DraftCleaner {
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
    /// A line's last sentence that starts with one of these (or a sign-off) and has at most `signatureWords` words
    /// is a sign-off with a name, typed into one line: "… geht nicht. Danke, Andrea Schulte", "Danke & LG Jana".
    private static let inlineSignOffs = signOffs + ["danke", "vielen dank", "grüße", "gruesse", "grüsse", "thanks", "thank you"]
    private static let signatureWords = 6
    private static let quoteMarkers = ["-----original", "-----ursprüngliche", "von:", "from:"]

    /// `cutsInlineSignOff`: also cut a line's last sentence when it is a sign-off with a name ("… nicht. VG Claudia
    /// Herrmann"), as learning does. The search keeps it: on the fresh judged set it made one more out-of-scope
    /// draft look answerable (RelevanceTests).
    public static func clean(_ text: String, cutsInlineSignOff: Bool = false) -> String {
        var kept: [Substring] = []
        var hasContent = false
        // Lines split by scalar: split by Character, "\r\n" is one character that is not "\n" (a CRLF draft stayed
        // one line), and every draft paid for grapheme breaking.
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimmed(Substring(rawLine))
            // Every marker is among a line's first words: only those are lowercased (learning cleans 100,000 drafts).
            let head = String(line.prefix(headCharacters)).lowercased()
            if line.hasPrefix(">") { continue }
            if quoteMarkers.contains(where: { head.hasPrefix($0) })
                || (head.hasPrefix("am ") && String(line.suffix(8)).lowercased() == "schrieb:")
            {
                break
            }
            if signOffs.contains(where: {
                head.hasPrefix($0)
                    && (line.count == $0.count || head.hasPrefix($0 + ",") || head.hasPrefix($0 + " ") && line.count < $0.count + 25)
            }) {
                break
            }
            var content = stripIdentifiers(stripGreeting(line, lower: head))
            if cutsInlineSignOff { content = stripSignature(content, isFirst: !hasContent) }
            if content.isEmpty, !line.isEmpty { continue }
            hasContent = hasContent || !content.isEmpty
            kept.append(Substring(content))
        }
        return kept.joined(separator: "\n")
    }

    /// The characters of a line that `clean` lowercases: more than the longest greeting, sign-off or quote marker
    /// with the character after it.
    private static let headCharacters = 40

    private static func stripIdentifiers(_ line: String) -> String {
        guard mayHoldIdentifier(line) else { return line }
        return line.split(separator: " ", omittingEmptySubsequences: false).filter { word in
            !(word.contains("@") || word.contains("://") || word.lowercased().hasPrefix("www."))
        }.joined(separator: " ")
    }

    /// "Die Mail kommt nicht an. VG Claudia Herrmann" → "Die Mail kommt nicht an."; a first line is never all
    /// signature ("Danke für nichts, Rechnung doppelt").
    private static func stripSignature(_ line: String, isFirst: Bool) -> String {
        let scalars = line.unicodeScalars
        let sentenceEnd = scalars.indices.last { index in
            let next = scalars.index(after: index)
            let isEnd = scalars[index] == "." || scalars[index] == "!" || scalars[index] == "?"
            return isEnd && next < scalars.endIndex && scalars[next] == " "
        }
        guard sentenceEnd != nil || !isFirst else { return line }
        let start = sentenceEnd.map { scalars.index(after: $0) } ?? line.startIndex
        let tail = trimmedSlice(line[start...])
        // The sign-off first: most tails start with none, and counting their words would split the whole line.
        let lower = String(tail.prefix(headCharacters)).lowercased()
        guard inlineSignOffs.contains(where: { signOff in
            lower.hasPrefix(signOff) && lower.dropFirst(signOff.count).first.map { !$0.isLetter } ?? true
        }) else {
            return line
        }
        guard tail.split(separator: " ").count <= signatureWords else { return line }
        return trimmed(line[..<start])
    }

    /// "Hallo Support-Team, seit gestern …" → "seit gestern …"
    private static func stripGreeting(_ line: String, lower: String) -> String {
        guard let greeting = greetings.first(where: { lower.hasPrefix($0) }) else { return line }
        let rest = line.dropFirst(greeting.count)
        guard let comma = rest.firstIndex(where: { $0 == "," || $0 == "!" }), rest.distance(from: rest.startIndex, to: comma) <= 30 else {
            return rest.first?.isLetter == true ? line : trimmed(rest)
        }
        return trimmed(rest[rest.index(after: comma)...])
    }

    /// Whether `line` holds "@", "://" or "www.", compared byte by byte: Foundation's and the generic substring
    /// search cost more than the rest of the cleaning.
    private static func mayHoldIdentifier(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            bytes.indices.contains { index in
                func follows(_ text: String) -> Bool {
                    index + text.utf8.count <= bytes.count && zip(text.utf8, bytes[index...]).allSatisfy { $0 == $1 }
                }
                switch bytes[index] {
                case UInt8(ascii: "@"): return true
                case UInt8(ascii: ":"): return follows("://")
                case UInt8(ascii: "w"): return follows("www.")
                default: return false
                }
            }
        }
    }

    /// `trimmingCharacters(in: .whitespaces)` (spaces of category Zs and tabs) without Foundation's NSString bridge,
    /// which cost most of the cleaning of the content-gap texts (BENCHMARKS.md "Themen ohne Artikel").
    static func trimmed(_ text: Substring) -> String { String(trimmedSlice(text)) }

    private static func trimmedSlice(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return Substring(scalars[first...last])
    }

    /// Spaces, tabs and the "\r" of a CRLF line end.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" || scalar == "\r" : scalar.properties.generalCategory == .spaceSeparator
    }
}
