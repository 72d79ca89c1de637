import Foundation

/// An operator-configured extra field of the ticket form (`--ticket-fields`), e.g. the server name.
public struct CustomFieldDefinition: Codable, Sendable, Equatable {
    public var name: String
    public var label: String
    public var required: Bool
    /// A regular expression the whole value must match (also the portal's HTML `pattern`).
    public var pattern: String?
    public var hint: String?

    public init(name: String, label: String, required: Bool = false, pattern: String? = nil, hint: String? = nil) {
        self.name = name
        self.label = label
        self.required = required
        self.pattern = pattern
        self.hint = hint
    }

    public static let maximumValueCharacters = 500

    /// Whether `value` matches the whole pattern (true without a pattern). Compiles the pattern: `TicketForm`
    /// keeps compiled ones instead.
    public func matches(_ value: String) -> Bool {
        FieldPattern(pattern).matches(value)
    }

    /// Reads a JSON array of definitions; names must be identifiers and patterns valid regular expressions.
    public static func load(path: String) throws -> [CustomFieldDefinition] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let definitions: [CustomFieldDefinition]
        do {
            definitions = try JSONDecoder().decode([CustomFieldDefinition].self, from: data)
        } catch {
            throw ConfigurationError("\(path): expected a JSON array of {name, label, required, pattern, hint}")
        }
        var seen: Set<String> = []
        for definition in definitions {
            guard definition.name.range(of: "^[A-Za-z][A-Za-z0-9_]{0,63}$", options: .regularExpression) != nil else {
                throw ConfigurationError("\(path): field name \"\(definition.name)\" must be letters, digits and _ (at most 64)")
            }
            guard seen.insert(definition.name).inserted else {
                throw ConfigurationError("\(path): field \(definition.name) is defined twice")
            }
            if let pattern = definition.pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
                throw ConfigurationError("\(path): pattern of \(definition.name) is not a valid regular expression")
            }
        }
        return definitions
    }
}

/// A configuration file the server cannot use; the message names the file and the problem.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
