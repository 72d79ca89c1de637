import Testing
@testable import LotseIndex

/// The front matter read without Yams must give exactly Yams's fields and key lines, and must leave everything
/// it does not fully understand (where Yams would read something else or fail) to Yams.
@Suite struct SimpleFrontMatterTests {
    /// Fields as comparable values: text as `["=", text]`, lists as `["[]"] + items`.
    private func comparable(_ fields: [String: Any]) -> [String: [String]] {
        fields.mapValues { value in
            if let text = value as? String { return ["=", text] }
            return ["[]"] + (value as? [String] ?? ["not text or a list"])
        }
    }

    /// The simple reading if there is one, checked against Yams; whether there was one.
    @discardableResult
    private func expectSameAsYams(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let yams = Result { () throws(ArticleParseError) in try FrontMatter.yamsFields(yaml, file: "a.md") }
        guard let simple = SimpleFrontMatter.parse(Substring(yaml)) else { return false }
        switch yams {
        case .success(let expected):
            #expect(comparable(simple.fields) == comparable(expected.fields), "\(yaml)", sourceLocation: sourceLocation)
            #expect(simple.lines == expected.lines, "\(yaml)", sourceLocation: sourceLocation)
        case .failure(let error):
            Issue.record("read without Yams, but Yams fails with \(error): \(yaml)", sourceLocation: sourceLocation)
        }
        return true
    }

    @Test(arguments: [
        "title: Größe ändern\ncategory: Konto & Anmeldung\nlang: de\n",
        "title: \"Passwort: zurücksetzen\"\nlang: de\n",
        "title: 'Rückerstattung „schnell“'\n",
        "url: https://www.beispiel.de/hilfe/konto\nupdated: 2026-08-11\n",
        "updated: 2026-08-11T10:00:00Z\nid: 0042\n",
        "title: Fehler um 5:30 Uhr und C# in .NET\n",
        "title: Der \"Test\" läuft   \ncategory:   Straße  \n",
        "tags: [anmeldung, \"zwei faktor\", 'ß', e-mail-adresse]\n",
        "tags: []\ntitle: Leer\n",
        "tags:\n  - eins\n  - zwei zwei\n  - \"drei: vier\"\ntitle: Liste\n",
        "tags:\n- ölkanne\n- übel\nlang: en\n",
        "tags: ärger, übel\n",
        "title: yes\ncategory: null\nid: 1.5\n",
        "title: \"\"\ncategory: ''\n",
    ])
    func simpleFrontMatterIsReadWithoutYamsAsYamsReadsIt(yaml: String) {
        #expect(expectSameAsYams(yaml))
    }

    @Test(arguments: [
        "title: a: b\n",                       // Yams: mapping values are not allowed here
        "titel: Tippfehler\n",                 // unknown key: Yams's error with its line
        "title: eins\ntitle: zwei\n",
        "# Kommentar\ntitle: x\n",
        "title: x # Kommentar\n",
        "title: |\n  Block\n",
        "title: &anker x\n",
        "title: ~\n",
        "title: \"a\\\"b\"\n",
        "title: 'it''s'\n",
        "title: Anfang\n  Fortsetzung\n",
        "tags:\nlang: de\n",
        "tags: [a, [b]]\n",
        "tags: [a, ]\n",
        "tags: [\"a, b\", c]\n",
        "title: x\n\nlang: de\n",
        "title: Tab\there\n",
        "title: x\r\nlang: de\r\n",
        "title: Zeile\u{2028}trenner\n",
        "title: -minus\n",
        "title: ende:\n",
        "",
    ])
    func everythingElseIsLeftToYams(yaml: String) {
        #expect(SimpleFrontMatter.parse(Substring(yaml)) == nil)
    }

    /// Every value in every form: whatever the simple reading accepts, Yams reads the same way.
    @Test func manyValuesInEveryFormAgreeWithYams() {
        let values = [
            "Größe ändern", "E-Mail: Einrichtung", "a:b", "Preis 5 €", "C#", "x #y", "", " führend", "nachgestellt ",
            "ẞ Straße", "\"zitat\"", "it's", "2026-08-11", "yes", "null", "~", "-minus", "?frage", "@handle", "%pct",
            "!tag", "&anker", "*stern", "[eckig]", "{geschweift}", "a, b", "eins,zwei", "a]b", "back\\slash",
            "tab\there", "\u{2028}sep", "\u{85}nel", "\u{FEFF}bom", ":start", "ende:", "/pfad/zu", "1.000,50",
            "„Anführung“", "Ölkännchen", "ß", "a - b", "Frage?", "100%", "x|y", "a > b",
        ]
        var simple = 0
        for value in values {
            let forms = [
                "title: \(value)\n", "title: \"\(value)\"\n", "title: '\(value)'\n",
                "tags: [\(value)]\n", "tags: [eins, \"\(value)\", '\(value)']\n",
                "lang: de\ntags:\n  - \(value)\n  - \"\(value)\"\nurl: /a\n",
            ]
            for yaml in forms where expectSameAsYams(yaml) { simple += 1 }
        }
        #expect(simple > values.count * 3)
    }
}
