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

    /// Extensions a file of each recognised type may keep; the first is added to any other name.
    static let extensions: [String: [String]] = [
        "image/png": ["png"], "image/jpeg": ["jpg", "jpeg"], "image/gif": ["gif"], "image/webp": ["webp"], "application/pdf": ["pdf"],
        "text/plain": ["txt", "log", "csv", "md", "json", "conf", "cfg", "ini", "yaml", "yml"], "message/rfc822": ["eml"],
        "application/vnd.ms-outlook": ["msg"], "application/zip": ["zip"],
    ]

    /// `name` ending as a file of `type` does (`bericht.html` of text → `bericht.html.txt`): saved and opened by an
    /// operator, a file must open as what its content was checked to be, never as a page or a program.
    public static func matching(_ name: String, type: String) -> String {
        guard let allowed = extensions[type], let first = allowed.first else { return name }
        let dot = name.lastIndex(of: ".")
        let current = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
        return allowed.contains(current) ? name : name + "." + first
    }
}
