import Testing

@testable import LotseServer

@Suite("Repeated JSON keys")
struct JSONDuplicateKeysTests {
    static func first(_ json: String) -> [String]? { JSONDuplicateKeys.first(in: Array(json.utf8)) }

    @Test("distinct keys, and the same keys in different objects, are no repeat")
    func distinct() {
        #expect(Self.first(#"{"a": 1, "b": {"a": 2, "b": [{"a": 3}, {"a": 4}]}, "c": ["a", "a"]}"#) == nil)
        #expect(Self.first(#"[{"a": 1}, {"a": 1}]"#) == nil)
        #expect(Self.first(#"{"a": "b\": 1, \"a"}"#) == nil, "a quote escaped inside a value")
        #expect(Self.first(#"{"a": "{\"a\": 1}", "b": "}"}"#) == nil, "braces inside strings")
        #expect(Self.first(#"{"a\\": 1, "a": 2}"#) == nil, "a backslash ends the first key")
        #expect(Self.first(#"{"ä": 1, "a": 2}"#) == nil)
    }

    @Test("a repeated key is found with the keys of the objects around it")
    func repeated() {
        #expect(Self.first(#"{"a": 1, "a": 2}"#) == ["a"])
        #expect(Self.first(#"{"x": 1, "b": {"c": [1, {"d": 1, "e": 2, "d" : 3}]}}"#) == ["b", "c", "d"])
        #expect(Self.first(#"{"a": {"y": 1}, "b": 2, "a": 3}"#) == ["a"])
        #expect(Self.first(#"{"a": 1, "\u0061": 2}"#) == ["a"], "the same key escaped")
        #expect(Self.first(#"{"\u00e4": 1, "ä": 2}"#) == ["ä"])
        #expect(Self.first("{\"a\"\n:\t1,\r\n \"a\" :2}") == ["a"], "whitespace before the colon")
    }

    @Test("broken text ends the scan without a crash")
    func broken() {
        for text in [#"{"a"#, #"{"a\"#, #"}}]]"#, #"{"a": "b\"#, "", #"""#, #"{"a":1,"a""#] {
            _ = Self.first(text)
        }
        #expect(Self.first(#"{"a":1,"a":"#) == ["a"])
    }
}
