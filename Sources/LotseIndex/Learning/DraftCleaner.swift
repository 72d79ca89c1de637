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
        let cleaned = cleanLines(of: text) { rawLine, isFirst in
            DraftLine.withLine(rawLine) { line in
                line.verdict(line.trimmed(line.units.indices), cutsInlineSignOff: cutsInlineSignOff, isFirst: isFirst)
            }
        }
        return cutsInlineSignOff ? withoutAddressBlock(cleaned) : cleaned
    }

    /// A draft ending in a signature without a sign-off — "Vertrag kündigen.\n\nJörg Zimmermann\nHauptstraße
    /// 12\nMünchen" — without those lines: two to five last lines of at most four words, each word capitalised or a
    /// number, none ending a sentence, after a blank line or a sentence's end. Only the draft's tail is read.
    static func withoutAddressBlock(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var end = trimmedEnd(bytes, bytes.count), lines = 0
        while lines < 5 {
            let start = bytes[..<end].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            guard isAddressLine(bytes[start..<end]) else { break }
            // Nothing above the short lines: they are the draft, not a signature below it.
            guard start > 0 else { return text }
            lines += 1
            end = start - 1
        }
        guard lines >= 2 else { return text }
        // What stands above: a blank line, or a sentence's end.
        let above = bytes[..<end].last { $0 != UInt8(ascii: " ") }
        guard let above, above == UInt8(ascii: "\n") || [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(above) else {
            return text
        }
        return String(decoding: bytes[..<trimmedEnd(bytes, end)], as: UTF8.self)
    }

    /// `end` moved back over trailing spaces and line feeds.
    private static func trimmedEnd(_ bytes: [UInt8], _ end: Int) -> Int {
        var end = end
        while end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return end
    }

    private static func isAddressLine(_ line: ArraySlice<UInt8>) -> Bool {
        let words = line.split(separator: UInt8(ascii: " "))
        guard (1...4).contains(words.count), let last = line.last,
              ![UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ",")].contains(last) else {
            return false
        }
        // A capital (ASCII, or a UTF-8 lead byte: Ä, Ö, Ü and other letters are not told apart here) or a digit.
        return words.allSatisfy { word in
            let first = word.first!
            return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
                || first == 0xC3 && word.count > 1 && (0x80...0x9E).contains(word[word.startIndex + 1])
        }
    }

    /// `text`'s lines as `verdict` (on a line's UTF-8, and whether no line before it had content) keeps them, joined
    /// with "\n".
    static func cleanLines(of text: String, verdict: (UnsafeBufferPointer<UInt8>, _ isFirst: Bool) -> Verdict) -> String {
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
                switch verdict(rawLine, !hasContent) {
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

    /// The characters of a line that the markers are compared with: more than the longest greeting, sign-off or
    /// quote marker with the character after it.
    static let headCharacters = 40
}

/// The rules, on a line's Characters (`DraftLine`'s units); every marker is among a line's first words.
extension DraftLine {
    private static let greetings = DraftMarkers(DraftCleaner.greetings)
    private static let signOffs = DraftMarkers(DraftCleaner.signOffs)
    private static let inlineSignOffs = DraftMarkers(DraftCleaner.inlineSignOffs)
    private static let quoteMarkers = DraftMarkers(DraftCleaner.quoteMarkers)

    /// The verdict on `line`, a trimmed range of the units.
    func verdict(_ line: Range<Int>, cutsInlineSignOff: Bool, isFirst: Bool) -> DraftCleaner.Verdict {
        let head = line.prefix(DraftCleaner.headCharacters)
        if line.first.map({ holds(">", at: $0) }) == true { return .skip }
        if Self.quoteMarkers.first(startingWith: head, of: self) != nil
            || (starts(head, with: "am ") && line.count >= 8 && starts(line.suffix(8), with: "schrieb:"))
        {
            return .stop
        }
        let signOff = Self.signOffs.first(startingWith: head, of: self) { length in
            // "," and " " are their own lowercase.
            let next = head.dropFirst(length).first
            return line.count == length || next.map { holds(",", at: $0) } == true
                || next.map { holds(" ", at: $0) } == true && line.count < length + 25
        }
        if signOff != nil { return .stop }
        let content = stripGreeting(line, head: head)
        guard content.first.map(isSplitByTrimming) == true else {
            return stripIdentifiersAndSignature(content, cutsInlineSignOff: cutsInlineSignOff, isFirst: isFirst, isLineEmpty: line.isEmpty)
        }
        // Trimmed after the greeting, the rest starts inside a Character (" " and a combining mark): its Characters
        // are the rest's own.
        return utf8(content).withUnsafeBufferPointer { rest in
            DraftLine.withLine(rest) { rest in
                rest.stripIdentifiersAndSignature(rest.units.indices, cutsInlineSignOff: cutsInlineSignOff, isFirst: isFirst,
                                                  isLineEmpty: false)
            }
        }
    }

    private func stripIdentifiersAndSignature(_ content: Range<Int>, cutsInlineSignOff: Bool, isFirst: Bool,
                                              isLineEmpty: Bool) -> DraftCleaner.Verdict {
        // What is left of a line with identifiers is a new line; any other line's content is a range of it.
        func finish(_ text: DraftLine, _ content: Range<Int>) -> DraftCleaner.Verdict {
            let content = cutsInlineSignOff ? text.stripSignature(content, isFirst: isFirst) : content
            if content.isEmpty, !isLineEmpty { return .skip }
            return .content(text.utf8(content))
        }
        guard let words = withoutIdentifiers(content) else { return finish(self, content) }
        return withUnits(words) { finish($0, $0.units.indices) }
    }

    /// "Hallo Support-Team, seit gestern …" → "seit gestern …"
    private func stripGreeting(_ line: Range<Int>, head: Range<Int>) -> Range<Int> {
        guard let greeting = Self.greetings.first(startingWith: head, of: self) else { return line }
        let rest = line.dropFirst(greeting)
        guard let comma = rest.first(where: { holds(",", at: $0) || holds("!", at: $0) }), comma - rest.lowerBound <= 30 else {
            return rest.first.map { isLetter($0) } == true ? line : trimmed(rest)
        }
        return trimmed((comma + 1)..<rest.upperBound)
    }

    /// The words of `line` without e-mail addresses and URLs, as split at and joined with single spaces; nil when
    /// it has none.
    private func withoutIdentifiers(_ line: Range<Int>) -> [UInt32]? {
        guard mayHoldIdentifier(line) else { return nil }
        var kept: [UInt32] = [], isFirstKept = true, start = line.lowerBound
        while true {
            let end = (start..<line.upperBound).first { holds(" ", at: $0) } ?? line.upperBound
            let word = start..<end
            if !isIdentifier(word) {
                if !isFirstKept { kept.append(UInt32(UInt8(ascii: " "))) }
                isFirstKept = false
                kept.append(contentsOf: units[word])
            }
            guard end < line.upperBound else { return kept }
            start = end + 1
        }
    }

    /// An e-mail address or a URL.
    private func isIdentifier(_ word: Range<Int>) -> Bool {
        guard word.allSatisfy({ units[$0] < 0x100 }) else {
            // Foundation's search, as the rule was written: it finds "@" before a ZWJ, not before a combining mark.
            // No Latin-1 scalar combines, so a word of them needs no search.
            let word = String(decoding: utf8(word), as: UTF8.self)
            return word.contains("@") || word.contains("://") || word.lowercased().hasPrefix("www.")
        }
        return word.contains { holds("@", at: $0) || follows($0, "://") } || starts(word, with: "www.")
    }

    /// "Die Mail kommt nicht an. VG Claudia Herrmann" → "Die Mail kommt nicht an."; a first line is never all
    /// signature ("Danke für nichts, Rechnung doppelt").
    func stripSignature(_ line: Range<Int>, isFirst: Bool) -> Range<Int> {
        let sentenceEnd = line.dropLast().last { index in
            (holds(".", at: index) || holds("!", at: index) || holds("?", at: index)) && startsWithBlank(index + 1)
        }
        guard sentenceEnd != nil || !isFirst else { return line }
        let start = sentenceEnd.map { $0 + 1 } ?? line.lowerBound
        let tail = trimmed(start..<line.upperBound)
        // The sign-off first: most tails start with none, and counting their words would split the whole line.
        let head = tail.prefix(DraftCleaner.headCharacters)
        let signOff = Self.inlineSignOffs.first(startingWith: head, of: self) { length in
            head.dropFirst(length).first.map { !isLetter($0) } ?? true
        }
        guard signOff != nil else { return line }
        let words = tail.split { holds(" ", at: $0) }
        guard words.count <= DraftCleaner.signatureWords else { return line }
        return trimmed(line.lowerBound..<start)
    }
}
