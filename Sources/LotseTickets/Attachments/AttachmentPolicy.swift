import Foundation

/// How many files of which size and type a ticket may carry. The type is taken from the file's first bytes,
/// never from what the client declared.
public struct AttachmentPolicy: Sendable, Equatable {
    public var maximumCount = 3
    public var maximumBytes = 5 * 1024 * 1024
    public var types = ["image/png", "image/jpeg", "application/pdf", "text/plain"]

    public init() {}

    /// The type of `data` if it is one of the accepted ones, else a message for the customer.
    public func check(name: String, data: some Collection<UInt8>) -> Result<String, AttachmentProblem> {
        guard !data.isEmpty else { return .failure(AttachmentProblem("\(name) is empty")) }
        guard data.count <= maximumBytes else { return .failure(AttachmentProblem("\(name) is larger than \(maximumBytes) bytes")) }
        guard let type = FileType.detect(Array(data.prefix(FileType.sniffBytes)), wholeFile: data.count <= FileType.sniffBytes),
              types.contains(type) else {
            return .failure(AttachmentProblem("\(name) must be one of \(types.joined(separator: ", "))"))
        }
        return .success(type)
    }
}

public struct AttachmentProblem: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

/// Content types recognised by their magic bytes; plain text is UTF-8 without NUL or other binary control bytes.
enum FileType {
    static let sniffBytes = 8192

    static func detect(_ head: [UInt8], wholeFile: Bool) -> String? {
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        let binary = head.contains { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }
        guard !binary else { return nil }
        // A cut at 8 KiB may split a UTF-8 sequence: drop up to 3 trailing bytes before checking.
        let checked = wholeFile ? head[...] : head.dropLast(trailingPartialCharacter(head))
        return String(validating: checked, as: UTF8.self) == nil ? nil : "text/plain"
    }

    private static func trailingPartialCharacter(_ bytes: [UInt8]) -> Int {
        for back in 1...min(3, bytes.count) where bytes[bytes.count - back] & 0xC0 == 0xC0 { return back }
        return 0
    }
}
