import Foundation

/// The customer's file name, made harmless for display and metadata: only the last path component,
/// no control characters, no leading dots, at most 100 characters. Never used as a path.
public enum AttachmentName {
    public static func sanitise(_ name: String) -> String {
        let lastComponent = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " ._-()+,"))
        let cleaned = String(String.UnicodeScalarView(lastComponent.precomposedStringWithCanonicalMapping.unicodeScalars.map {
            allowed.contains($0) ? $0 : "_"
        }))
        let trimmed = cleaned.drop { $0 == "." || $0 == " " }.trimmingCharacters(in: .whitespaces)
        let bounded = String(trimmed.suffix(100))
        return bounded.isEmpty ? "anhang" : bounded
    }
}
