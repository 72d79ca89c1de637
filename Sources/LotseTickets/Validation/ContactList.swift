import Foundation

/// Registered contacts (`--contacts`: one e-mail per line, `#` starts a comment); tickets from other
/// addresses are marked unverified. Matching ignores case.
public struct ContactList: Sendable, Equatable {
    private let addresses: Set<String>

    public init(text: String) {
        addresses = Set(text.split(whereSeparator: \.isNewline).compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let address = content.trimmingCharacters(in: .whitespaces).lowercased()
            return address.isEmpty ? nil : address
        })
    }

    public init(path: String) throws {
        self.init(text: try String(contentsOfFile: path, encoding: .utf8))
    }

    public var count: Int { addresses.count }

    public func contains(_ email: String) -> Bool {
        addresses.contains(email.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
