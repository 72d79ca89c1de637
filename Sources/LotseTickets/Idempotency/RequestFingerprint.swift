/// A hash of a ticket request as validated (trimmed fields, configured custom fields only) and of its files'
/// bytes, stored with its `Idempotency-Key`: a replay must be the same request, not merely the same key.
public enum RequestFingerprint {
    public struct File: Sendable {
        public var name: String
        public var type: String
        public var bytes: [UInt8]

        public init(name: String, type: String, bytes: [UInt8]) {
            self.name = name
            self.type = type
            self.bytes = bytes
        }
    }

    /// Hex SHA-256 over the fields in a fixed order, each length-prefixed (so no two requests share a text).
    public static func of(_ ticket: NewTicket, files: [File]) -> String {
        var parts: [String?] = [ticket.email, ticket.name, ticket.company, ticket.subject, ticket.description, ticket.customerNumber,
                                ticket.category, ticket.urgent ? "urgent" : "normal", ticket.session]
        for (name, value) in ticket.customFields.sorted(by: { $0.key < $1.key }) { parts += ["field", name, value] }
        for file in files { parts += ["file", file.name, file.type, SHA256.hex(file.bytes)] }
        var bytes: [UInt8] = []
        for part in parts {
            guard let part else {
                bytes += Array("-;".utf8)
                continue
            }
            bytes += Array("\(part.utf8.count):".utf8) + Array(part.utf8)
        }
        return SHA256.hex(bytes)
    }
}
