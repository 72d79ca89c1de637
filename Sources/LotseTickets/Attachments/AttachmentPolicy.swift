import Foundation

/// How many files of which size and type a ticket may carry. The type is taken from the file's first bytes,
/// never from what the client declared.
public struct AttachmentPolicy: Sendable, Equatable {
    public var maximumCount = 3
    public var maximumBytes = 5 * 1024 * 1024
    public var types = ["image/png", "image/jpeg", "application/pdf", "text/plain"]

    public init() {}

    /// Every type Lotse can recognise from a file's content (and, for e-mails, its name); `types` is a subset.
    public static let recognisedTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain",
                                         "message/rfc822", "application/vnd.ms-outlook", "application/zip"]

    /// Settings `lotse serve` refuses to start with, one message each.
    public func problems() -> [String] {
        var problems: [String] = []
        if !(1...20).contains(maximumCount) { problems.append("--attachments-max-count must be from 1 to 20 (got \(maximumCount))") }
        if maximumBytes < 1 { problems.append("--attachments-max-bytes must be at least 1 (got \(maximumBytes))") }
        let unknown = types.filter { !Self.recognisedTypes.contains($0) }
        if types.isEmpty || !unknown.isEmpty {
            problems.append("--attachments-types takes a comma-separated list of \(Self.recognisedTypes.joined(separator: ", "))"
                            + (unknown.isEmpty ? "" : " (not: \(unknown.joined(separator: ", ")))"))
        }
        return problems
    }

    /// The type of `data` if it is one of the accepted ones, else what is wrong with the file.
    public func check(name: String, data: some Collection<UInt8>) -> Result<String, FieldProblem> {
        guard !data.isEmpty else { return .failure(.emptyFile(name)) }
        guard data.count <= maximumBytes else { return .failure(.tooLarge(file: name, maximumBytes: maximumBytes)) }
        guard let type = FileType.detect(Array(data.prefix(FileType.sniffBytes)), wholeFile: data.count <= FileType.sniffBytes,
                                         name: name),
              types.contains(type) else {
            return .failure(.typeNotAllowed(file: name, allowed: types))
        }
        return .success(type)
    }
}

/// Content types recognised by their magic bytes; plain text is UTF-8 without NUL or other binary control bytes.
/// Two need the name as well: a compound file (OLE2) counts only as an Outlook message (`.msg`; Word and Excel
/// files of that format can carry macros), and text named `.eml` is a saved e-mail.
enum FileType {
    static let sniffBytes = 8192

    static func detect(_ head: [UInt8], wholeFile: Bool, name: String = "") -> String? {
        let lowercasedName = name.lowercased()
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if head.starts(with: Array("RIFF".utf8)), head.count >= 12, Array(head[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        if head.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return "application/zip" }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return lowercasedName.hasSuffix(".msg") ? "application/vnd.ms-outlook" : nil
        }
        let binary = head.contains { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }
        guard !binary else { return nil }
        // A cut at 8 KiB may split a UTF-8 sequence: drop up to 3 trailing bytes before checking.
        let checked = wholeFile ? head[...] : head.dropLast(trailingPartialCharacter(head))
        guard String(validating: checked, as: UTF8.self) != nil else { return nil }
        return lowercasedName.hasSuffix(".eml") ? "message/rfc822" : "text/plain"
    }

    private static func trailingPartialCharacter(_ bytes: [UInt8]) -> Int {
        for back in 1...min(3, bytes.count) where bytes[bytes.count - back] & 0xC0 == 0xC0 { return back }
        return 0
    }
}
