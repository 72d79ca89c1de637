/// What a one-line field (name, subject, company, customer number, category, custom fields) must not hold beyond the
/// control characters: line breaks, because a helpdesk that puts the subject into a mail header would take
/// `Hallo\r\nBcc: …` for a second header; and the bidirectional embeddings, overrides and isolates, which show an
/// operator `Rechnung \u{202E}fdp.exe` as "Rechnung exe.pdf". Both are reported as `control_characters` (which they
/// are); the description keeps its line breaks.
public enum SingleLineText {
    /// U+202A–U+202E (embeddings, overrides, their end) and U+2066–U+2069 (isolates, their end).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// CR, LF and the Unicode line and paragraph separators; VT, FF and NEL are refused as control characters anyway.
    public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `.controlCharacters` for a text holding a control character, a line break or a bidirectional control, or nil.
    public static func problem(_ text: String?) -> FieldProblem? {
        if let problem = ControlCharacters.problem(text) { return problem }
        guard let text, text.unicodeScalars.contains(where: { isLineBreak($0) || isBidiControl($0) }) else { return nil }
        return .controlCharacters
    }
}
