/// Control characters in customer text. Tab, CR and LF are text; every other C0/C1 control (NUL above all:
/// SQLite cuts a bound string at it, PostgreSQL refuses it and fails a whole batch) is refused at the API.
public enum ControlCharacters {
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        default: true
        }
    }

    /// On the UTF-8 bytes (every search checks its parameters): C0 and DEL are single bytes, C1 is 0xC2 0x80…0x9F.
    public static func contains(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x09, 0x0A, 0x0D: break
            case 0x00...0x1F, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true
            default: break
            }
            previous = byte
        }
        return false
    }

    /// `.controlCharacters` for a text holding one, or nil.
    public static func problem(_ text: String?) -> FieldProblem? {
        guard let text, contains(text) else { return nil }
        return .controlCharacters
    }

    /// `text` without them (for what is logged).
    public static func stripped(_ text: String) -> String {
        contains(text) ? String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed))) : text
    }
}
