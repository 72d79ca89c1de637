import LotseAnalysis
import LotseTickets

/// An error's words in one language: each invalid field's message from its code and parameters, and the
/// top-level message. Codes and parameters come from validation; only this type turns them into text.
struct ErrorText {
    let language: Language
    private var format: MessageFormat { MessageFormat(language: language) }

    init(_ language: Language) {
        self.language = language
    }

    /// The field's own label in this language; a custom field's label as configured; else its name.
    func label(_ field: String, problem: FieldProblem? = nil) -> String {
        if case .text(let label)? = problem?.parameters["label"] { return label }
        return Vocabulary.fieldLabels[field]?[language] ?? field
    }

    func message(_ invalid: InvalidField) -> String {
        let problem = invalid.problem
        guard let template = FieldMessages.templates[problem.code]?[language] else { return problem.code.rawValue }
        return MessageFormat.fill(template) { key in
            switch (key, problem.parameters[key]) {
            case ("name", _):
                if case .text(let file)? = problem.parameters["file"] { return file }
                return label(invalid.field, problem: problem)
            case ("other", .text(let field)?): return label(field)
            case ("hint", .text(let hint)?): return " (\(hint))"
            case ("hint", nil): return ""
            case ("maxBytes", .number(let bytes)?): return format.size(bytes)
            case ("types", .list(let types)?):
                return format.list(types.map { Vocabulary.fileTypes[$0]?[language] ?? $0 }, conjunction: Vocabulary.and)
            case ("expected", .text(let type)?): return Vocabulary.jsonTypes[type]?[language] ?? type
            default: return value(problem.parameters[key])
            }
        }
    }

    /// The top-level message: a lone field's own message for a 400, else the code's wording.
    func message(_ code: APIError.Code, parameters: [String: FieldProblem.Parameter], invalid: [InvalidField]) -> String {
        if code != .invalidFields, invalid.count == 1 { return message(invalid[0]) }
        guard let template = ErrorMessages.templates[code]?[language] else { return code.rawValue }
        return MessageFormat.fill(template) { key in
            guard key == "fields" else { return value(parameters[key]) }
            var labels: [String] = []
            for field in invalid where !labels.contains(label(field.field, problem: field.problem)) {
                labels.append(label(field.field, problem: field.problem))
            }
            return format.list(labels, conjunction: Vocabulary.and)
        }
    }

    /// Numbers as the language writes them, lists joined with "or" (allowed values, examples).
    private func value(_ parameter: FieldProblem.Parameter?) -> String? {
        switch parameter {
        case .number(let number)?: format.number(number)
        case .text(let text)?: text
        case .list(let items)?: format.list(items, conjunction: Vocabulary.or)
        case nil: nil
        }
    }
}
