import Foundation

/// Strips what a ticket draft says besides the problem: greetings, sign-offs and signatures, quoted replies,
/// and e-mail addresses and URLs (they identify the customer, not the topic). The search plans a draft's query from
/// what is left, and learning reads only that (a sign-off is followed by the customer's name).
public enum DraftCleaner {
    static let greetings = [
        "sehr geehrte damen und herren", "sehr geehrtes support-team", "sehr geehrtes team", "liebes support-team",
        "liebes lindenhost-team", "liebes team", "guten morgen", "guten tag", "guten abend", "hallo zusammen",
        "hallo", "moin", "servus", "hi", "hey", "dear support", "hello", "good morning",
    ]
    static let signOffs = [
        "mit freundlichen grüßen", "mit freundlichen gruessen", "mit freundlichen grüssen", "freundliche grüße",
        "viele grüße", "viele gruesse", "viele grüsse", "beste grüße", "liebe grüße", "lg", "vg", "mfg", "gruß",
        "gruss", "danke und gruß", "danke im voraus", "vielen dank im voraus", "best regards", "kind regards",
        "regards", "cheers", "--", "gesendet von meinem",
    ]
    /// A line's last sentence that starts with one of these (or a sign-off) and has at most `signatureWords` words
    /// is a sign-off with a name, typed into one line: "… geht nicht. Danke, Andrea Schulte", "Danke & LG Jana".
    static let inlineSignOffs = signOffs + ["danke", "vielen dank", "grüße", "gruesse", "grüsse", "thanks", "thank you"]
    static let signatureWords = 6
    static let quoteMarkers = ["-----original", "-----ursprüngliche", "von:", "from:"]

    /// `cutsInlineSignOff`: also cut a line's last sentence when it is a sign-off with a name ("… nicht. VG Claudia
    /// Herrmann"), as learning does. The search keeps it: on the fresh judged set it made one more out-of-scope
    /// draft look answerable (RelevanceTests).
    public static func clean(_ text: String, cutsInlineSignOff: Bool = false) -> String {
        var text = text
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var hasContent = false, isFirstLine = true
        // Lines split at the "\n" byte (a CRLF draft's "\r" is trimmed as a space): split by Character, "\r\n" is
        // one character that is not "\n", and every draft paid for grapheme breaking.
        text.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let rawLine = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                // Learning cleans 100,000 drafts: a line of Latin-1 letters (German, English) is cleaned byte by
                // byte; any other goes through Characters.
                let verdict = cleanLatin1(rawLine, cutsInlineSignOff: cutsInlineSignOff, isFirst: !hasContent)
                    ?? cleanCharacters(String(decoding: rawLine, as: UTF8.self), cutsInlineSignOff: cutsInlineSignOff, isFirst: !hasContent)
                switch verdict {
                case .skip: continue
                case .stop: return
                case .content(let content):
                    hasContent = hasContent || !content.isEmpty
                    if !isFirstLine { output.append(UInt8(ascii: "\n")) }
                    isFirstLine = false
                    output.append(contentsOf: content)
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// What becomes of one line: left out, the end of what the draft says (a sign-off or a quote), or its content
    /// as UTF-8.
    enum Verdict: Equatable {
        case skip, stop
        case content([UInt8])
    }

    /// The characters of a line that `clean` lowercases: more than the longest greeting, sign-off or quote marker
    /// with the character after it.
    static let headCharacters = 40

    // MARK: - Any line, by Characters

    static func cleanCharacters(_ rawLine: String, cutsInlineSignOff: Bool, isFirst: Bool) -> Verdict {
        let line = trimmed(Substring(rawLine))
        // Every marker is among a line's first words: only those are lowercased.
        let head = String(line.prefix(headCharacters)).lowercased()
        if line.hasPrefix(">") { return .skip }
        if quoteMarkers.contains(where: { head.hasPrefix($0) })
            || (head.hasPrefix("am ") && String(line.suffix(8)).lowercased() == "schrieb:")
        {
            return .stop
        }
        if signOffs.contains(where: {
            head.hasPrefix($0)
                && (line.count == $0.count || head.hasPrefix($0 + ",") || head.hasPrefix($0 + " ") && line.count < $0.count + 25)
        }) {
            return .stop
        }
        var content = stripIdentifiers(stripGreeting(line, lower: head))
        if cutsInlineSignOff { content = stripSignature(content, isFirst: isFirst) }
        if content.isEmpty, !line.isEmpty { return .skip }
        return .content(Array(content.utf8))
    }

    private static func stripIdentifiers(_ line: String) -> String {
        var line = line
        guard line.withUTF8(mayHoldIdentifier) else { return line }
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
    /// search cost more than the rest of the cleaning. The same bytes in Latin-1 and UTF-8.
    static func mayHoldIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.indices.contains { index in
            switch bytes[index] {
            case UInt8(ascii: "@"): return true
            case UInt8(ascii: ":"): return follows(bytes, at: index, "://")
            case UInt8(ascii: "w"): return follows(bytes, at: index, "www.")
            default: return false
            }
        }
    }

    /// Whether `bytes` hold the ASCII `text` at `index`.
    static func follows(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ text: StaticString) -> Bool {
        index + text.utf8CodeUnitCount <= bytes.count
            && (0..<text.utf8CodeUnitCount).allSatisfy { bytes[index + $0] == text.utf8Start[$0] }
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
