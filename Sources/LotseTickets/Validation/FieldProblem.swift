/// What is wrong with one field or parameter: a stable code and the values a message needs (limits, a file
/// name, the allowed types). No words: the server writes the message in the customer's language.
public struct FieldProblem: Error, Sendable, Equatable {
    /// The machine-readable reason, the same in every language; clients may switch on it.
    public enum Code: String, CaseIterable, Sendable {
        case required
        case requiredEither = "required_either"
        case invalidEmail = "invalid_email"
        case tooLong = "too_long"
        case controlCharacters = "control_characters"
        case consentRequired = "consent_required"
        case pattern
        case tooMany = "too_many"
        case emptyFile = "empty_file"
        case tooLarge = "too_large"
        case typeNotAllowed = "type_not_allowed"
        case missingFileName = "missing_file_name"
        case invalidEncoding = "invalid_encoding"
        case invalidChoice = "invalid_choice"
        case outOfRange = "out_of_range"
        case invalidValue = "invalid_value"
        case wrongType = "wrong_type"
        case invalidJSON = "invalid_json"
        case invalidMultipart = "invalid_multipart"
        case unsupportedMediaType = "unsupported_media_type"
        case ticketOnly = "ticket_only"
        case alreadyUsed = "already_used"
        case duplicate
        case unknownArticle = "unknown_article"
    }

    /// A parameter's value as it appears in JSON: a number, a text or a list of texts.
    public enum Parameter: Sendable, Equatable, Encodable {
        case number(Int)
        case text(String)
        case list([String])

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .list(let value): try container.encode(value)
            }
        }
    }

    public var code: Code
    /// By name: `max`, `min` (numbers), `maxBytes`, `file`, `label` (a custom field's own label), `hint`, `other` (the
    /// other field of a pair), `types` (media types), `allowed`, `examples`, `expected` (a JSON type).
    public var parameters: [String: Parameter]

    public init(_ code: Code, _ parameters: [String: Parameter] = [:]) {
        self.code = code
        self.parameters = parameters
    }

    public static let required = FieldProblem(.required)
    public static let invalidEmail = FieldProblem(.invalidEmail)
    public static let controlCharacters = FieldProblem(.controlCharacters)
    public static let consentRequired = FieldProblem(.consentRequired)
    public static let missingFileName = FieldProblem(.missingFileName)
    public static let invalidEncoding = FieldProblem(.invalidEncoding)
    public static let invalidJSON = FieldProblem(.invalidJSON)
    public static let invalidMultipart = FieldProblem(.invalidMultipart)
    public static let ticketOnly = FieldProblem(.ticketOnly)
    public static let alreadyUsed = FieldProblem(.alreadyUsed)
    public static let duplicate = FieldProblem(.duplicate)
    public static let unknownArticle = FieldProblem(.unknownArticle)

    public static func requiredEither(other: String) -> FieldProblem { FieldProblem(.requiredEither, ["other": .text(other)]) }
    public static func tooLong(maximum: Int) -> FieldProblem { FieldProblem(.tooLong, ["max": .number(maximum)]) }
    public static func tooMany(maximum: Int) -> FieldProblem { FieldProblem(.tooMany, ["max": .number(maximum)]) }
    public static func emptyFile(_ file: String) -> FieldProblem { FieldProblem(.emptyFile, ["file": .text(file)]) }
    public static func invalidChoice(_ allowed: [String]) -> FieldProblem { FieldProblem(.invalidChoice, ["allowed": .list(allowed)]) }
    public static func invalidValue(examples: [String]) -> FieldProblem { FieldProblem(.invalidValue, ["examples": .list(examples)]) }
    public static func wrongType(expected: String) -> FieldProblem { FieldProblem(.wrongType, ["expected": .text(expected)]) }

    public static func outOfRange(_ range: ClosedRange<Int>) -> FieldProblem {
        FieldProblem(.outOfRange, ["min": .number(range.lowerBound), "max": .number(range.upperBound)])
    }

    /// A file over the size limit; without `file`, the whole request body.
    public static func tooLarge(file: String? = nil, maximumBytes: Int) -> FieldProblem {
        var parameters: [String: Parameter] = ["maxBytes": .number(maximumBytes)]
        if let file { parameters["file"] = .text(file) }
        return FieldProblem(.tooLarge, parameters)
    }

    public static func typeNotAllowed(file: String, allowed: [String]) -> FieldProblem {
        FieldProblem(.typeNotAllowed, ["file": .text(file), "types": .list(allowed)])
    }

    public static func unsupportedMediaType(accepted: [String]) -> FieldProblem {
        FieldProblem(.unsupportedMediaType, ["allowed": .list(accepted)])
    }

    /// A custom field's value that does not match its pattern; its own label and hint go along (the operator's words).
    public static func pattern(label: String, hint: String?) -> FieldProblem {
        var parameters: [String: Parameter] = ["label": .text(label)]
        if let hint { parameters["hint"] = .text(hint) }
        return FieldProblem(.pattern, parameters)
    }

    /// The same problem for a custom field, carrying the operator's label (which no catalogue knows).
    public func labelled(_ label: String) -> FieldProblem {
        var copy = self
        copy.parameters["label"] = .text(label)
        return copy
    }
}

/// One field (custom fields as `customFields.NAME`, headers by their name) and what is wrong with it.
public struct InvalidField: Sendable, Equatable {
    public var field: String
    public var problem: FieldProblem

    public init(_ field: String, _ problem: FieldProblem) {
        self.field = field
        self.problem = problem
    }
}
