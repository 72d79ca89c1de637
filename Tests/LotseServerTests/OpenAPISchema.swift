import Foundation
import HummingbirdTesting
import Yams

/// A JSON value that keeps the JSON types apart (a number is never a Bool).
indirect enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    init?(_ response: TestResponse) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body)) else { return nil }
        self = value
    }

    /// A value parsed by Yams (examples in the spec).
    init(yaml value: Any) {
        switch value {
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Double: self = .double(value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .array(value.map(JSONValue.init(yaml:)))
        case let value as [String: Any]: self = .object(value.mapValues(JSONValue.init(yaml:)))
        default: self = .null
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .double(let value): "\(value)"
        case .string(let value): "\"\(value.prefix(60))\""
        case .array(let values): "[\(values.count) items]"
        case .object(let object): "{\(object.keys.sorted().joined(separator: ", "))}"
        }
    }
}

// MARK: - The spec

/// The OpenAPI file in the source tree, parsed with Yams (mappings as `[String: Any]`).
struct OpenAPISpec {
    /// `Sources/LotseServer/Resources/openapi.yaml`, found from this file's place in `Tests/LotseServerTests/`.
    static let fileURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LotseServer/Resources/openapi.yaml")

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    struct Operation {
        var path: String
        var method: String
        var object: [String: Any]
        var pathItem: [String: Any]
        var key: String { "\(method.uppercased()) \(path)" }
    }

    let root: [String: Any]
    let operations: [Operation]

    static func load() throws -> OpenAPISpec {
        let text = try String(contentsOf: fileURL, encoding: .utf8)
        guard let root = plain(try Yams.load(yaml: text) as Any) as? [String: Any] else {
            throw SpecError("\(fileURL.path) is not a YAML mapping")
        }
        return OpenAPISpec(root: root)
    }

    init(root: [String: Any]) {
        self.root = root
        var operations: [Operation] = []
        for (path, item) in (root["paths"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let item = item as? [String: Any] else { continue }
            for method in Self.methods {
                if let object = item[method] as? [String: Any] {
                    operations.append(Operation(path: path, method: method, object: object, pathItem: item))
                }
            }
        }
        self.operations = operations
    }

    struct SpecError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Yams' `[AnyHashable: Any]` mappings as `[String: Any]`, recursively.
    static func plain(_ value: Any) -> Any {
        if let mapping = value as? [AnyHashable: Any] {
            var result: [String: Any] = [:]
            for (key, value) in mapping { result["\(key.base)"] = plain(value) }
            return result
        }
        if let sequence = value as? [Any] { return sequence.map(plain) }
        return value
    }

    static func templateNames(in path: String) -> [String] {
        path.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }

    /// The object a local `$ref` ("#/components/…") points to.
    func lookup(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = (node as? [String: Any])?[key] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// `object`, or what its `$ref` points to (followed repeatedly).
    func resolve(_ object: [String: Any]) -> [String: Any] {
        var object = object
        var hops = 0
        while let reference = object["$ref"] as? String, let target = lookup(reference), hops < 16 {
            object = target
            hops += 1
        }
        return object
    }

    func allReferences() -> [String] {
        var references: [String] = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let reference = object["$ref"] as? String { references.append(reference) }
                object.values.forEach(walk)
            } else if let list = node as? [Any] {
                list.forEach(walk)
            }
        }
        walk(root)
        return references
    }

    func parameters(of operation: Operation) -> [[String: Any]] {
        ((operation.pathItem["parameters"] as? [Any] ?? []) + (operation.object["parameters"] as? [Any] ?? []))
            .compactMap { ($0 as? [String: Any]).map(resolve) }
    }

    /// The documented success status: "200", or "201" for operations that create something.
    func successStatus(of operation: Operation) -> String? {
        let responses = responses(of: operation)
        return ["200", "201", "303"].first { responses[$0] != nil }
    }

    /// Responses by status ("200", "405", …), resolved.
    func responses(of operation: Operation) -> [String: [String: Any]] {
        (operation.object["responses"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? [String: Any]).map(resolve) }
    }

    func headerNames(of response: [String: Any]?) -> Set<String> {
        Set((response?["headers"] as? [String: Any] ?? [:]).keys)
    }

    /// Every example with the schema it must satisfy: media types (`example`, `examples`), parameters and
    /// headers (`example`), and schemas (`examples`).
    func examples() -> [(location: String, example: Any, schema: [String: Any])] {
        var found: [(String, Any, [String: Any])] = []
        func collect(_ node: Any, at location: String) {
            if let object = node as? [String: Any] {
                if let schema = object["schema"] as? [String: Any] {
                    if let example = object["example"] { found.append((location, example, schema)) }
                    for (name, example) in object["examples"] as? [String: Any] ?? [:] {
                        if let value = (example as? [String: Any])?["value"] {
                            found.append(("\(location)/examples/\(name)", value, schema))
                        }
                    }
                }
                if object["type"] != nil || object["$ref"] != nil, let examples = object["examples"] as? [Any] {
                    for example in examples { found.append((location, example, object)) }
                }
                for (key, value) in object { collect(value, at: "\(location)/\(key)") }
            } else if let list = node as? [Any] {
                for (index, value) in list.enumerated() { collect(value, at: "\(location)/\(index)") }
            }
        }
        collect(root, at: "#")
        return found
    }
}

/// Checks a JSON value against a schema of the spec (the keywords the spec uses). Strict about objects:
/// a key that is neither a documented property nor allowed by `additionalProperties` is a problem.
/// Remembers which properties of each named schema appeared.
final class SchemaValidator {
    let spec: OpenAPISpec
    private(set) var seenSchemas: Set<String> = []
    private var seenProperties: [String: Set<String>] = [:]
    private var documentedProperties: [String: Set<String>] = [:]

    init(spec: OpenAPISpec) {
        self.spec = spec
    }

    /// Documented properties of each named schema that never appeared in a checked value.
    func unseenProperties() -> [String: Set<String>] {
        documentedProperties.mapValues { $0 }.reduce(into: [:]) { result, entry in
            result[entry.key] = entry.value.subtracting(seenProperties[entry.key] ?? [])
        }
    }

    func problems(_ value: JSONValue, _ schema: [String: Any], at path: String) -> [String] {
        var schema = schema
        var name: String?
        while let reference = schema["$ref"] as? String {
            guard let target = spec.lookup(reference) else { return ["\(path): unresolved $ref \(reference)"] }
            name = reference.split(separator: "/").last.map(String.init)
            schema = target
        }
        var problems: [String] = []
        let types: [String] = (schema["type"] as? String).map { [$0] } ?? (schema["type"] as? [String] ?? [])
        if !types.isEmpty {
            let matches = types.contains { type in
                switch (type, value) {
                case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
                     ("string", .string), ("array", .array), ("object", .object): true
                default: false
                }
            }
            if !matches { return ["\(path): \(value.typeName) \(value) where the spec says \(types.joined(separator: "|"))"] }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.map(JSONValue.init(yaml:)).contains(value) {
            problems.append("\(path): \(value) is not one of the documented values")
        }
        if let number = value.number {
            if let minimum = (schema["minimum"] as? Int).map(Double.init) ?? schema["minimum"] as? Double, number < minimum {
                problems.append("\(path): \(number) < minimum \(minimum)")
            }
            if let maximum = (schema["maximum"] as? Int).map(Double.init) ?? schema["maximum"] as? Double, number > maximum {
                problems.append("\(path): \(number) > maximum \(maximum)")
            }
        }
        if case .string(let text) = value {
            if let maximum = schema["maxLength"] as? Int, text.unicodeScalars.count > maximum {
                problems.append("\(path): longer than \(maximum)")
            }
            if let minimum = schema["minLength"] as? Int, text.unicodeScalars.count < minimum {
                problems.append("\(path): shorter than \(minimum)")
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] as? [String: Any] {
            for (index, item) in items.enumerated() { problems += self.problems(item, itemSchema, at: "\(path)[\(index)]") }
        }
        if case .object(let object) = value {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            if let name {
                seenSchemas.insert(name)
                documentedProperties[name] = Set(properties.keys)
                seenProperties[name, default: []].formUnion(object.keys)
            }
            for required in schema["required"] as? [String] ?? [] where object[required] == nil {
                problems.append("\(path): required property \(required) is missing")
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[key] as? [String: Any] {
                    problems += self.problems(member, propertySchema, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += self.problems(member, additional, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool != true {
                    problems.append("\(path): property \(key) is not documented")
                }
            }
        }
        return problems
    }
}
