import Foundation

/// A custom field's regular expression, compiled once when the form is built (not per request), matched
/// against the whole value. Inputs longer than the field's limit are refused before they reach the engine.
final class FieldPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to use from several threads.
    private let expression: NSRegularExpression?

    init(_ pattern: String?) {
        expression = pattern.flatMap { try? NSRegularExpression(pattern: $0) }
    }

    func matches(_ value: String) -> Bool {
        guard let expression else { return true }
        guard value.unicodeScalars.count <= CustomFieldDefinition.maximumValueCharacters else { return false }
        let range = NSRange(value.startIndex..., in: value)
        return expression.firstMatch(in: value, options: [.anchored], range: range).map { $0.range == range } ?? false
    }
}
