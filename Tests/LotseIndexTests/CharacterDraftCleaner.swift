import Foundation
@testable import LotseIndex

/// `DraftCleaner` as it was before its rules ran on `DraftLine`'s units: every line by Swift's Characters. Kept only
/// as the yardstick of `DraftCleanerTests` (the single implementation must give its output on every line).
enum CharacterDraftCleaner {
    /// The lines' rules by Characters; the address block after them is `DraftCleaner`'s own (it reads bytes only).
    static func clean(_ text: String, cutsInlineSignOff: Bool = false) -> String {
        let cleaned = DraftCleaner.cleanLines(of: text) { rawLine, isFirst in
            cleanCharacters(String(decoding: rawLine, as: UTF8.self), cutsInlineSignOff: cutsInlineSignOff, isFirst: isFirst)
        }
        return cutsInlineSignOff ? DraftCleaner.withoutAddressBlock(cleaned) : cleaned
    }

    private static let headCharacters = DraftCleaner.headCharacters, signatureWords = DraftCleaner.signatureWords
    private static let greetings = DraftCleaner.greetings, signOffs = DraftCleaner.signOffs
    private static let inlineSignOffs = DraftCleaner.inlineSignOffs, quoteMarkers = DraftCleaner.quoteMarkers

    private static func cleanCharacters(_ rawLine: String, cutsInlineSignOff: Bool, isFirst: Bool) -> DraftCleaner.Verdict {
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
    private static func mayHoldIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
    private static func follows(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ text: StaticString) -> Bool {
        index + text.utf8CodeUnitCount <= bytes.count
            && (0..<text.utf8CodeUnitCount).allSatisfy { bytes[index + $0] == text.utf8Start[$0] }
    }

    /// `trimmingCharacters(in: .whitespaces)` (spaces of category Zs and tabs) without Foundation's NSString bridge,
    /// which cost most of the cleaning of the content-gap texts (BENCHMARKS.md "Dashboard").
    private static func trimmed(_ text: Substring) -> String { String(trimmedSlice(text)) }

    private static func trimmedSlice(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return Substring(scalars[first...last])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" || scalar == "\r" : scalar.properties.generalCategory == .spaceSeparator
    }
}
