import Foundation

/// The synthetic corpus's articles, sentences and phrases.
extension SyntheticCorpus {
    // MARK: - Text generation

    struct TextGenerator {
        private var random: SplitMix64
        /// Nouns the current article is about; drawn more often than the global distribution says.
        private var focus: [Noun] = []

        init(seed: UInt64) {
            random = SplitMix64(seed: seed)
            _ = random.next()
        }

        // MARK: Documents

        mutating func article(averageBytes: Int) -> String {
            focus = (0..<(3 + random.below(4))).map { _ in freshNoun() }
            let title = makeTitle()
            let category = random.pick(Vocabulary.categories)
            var tags: [String] = []
            for noun in focus + [noun(), noun()] where !tags.contains(noun.word.lowercased()) {
                tags.append(noun.word.lowercased())
            }
            let target = max(200, Int(Double(averageBytes) * (0.6 + 0.8 * random.unit())))

            var text = "---\n"
            text += "title: \"\(title)\"\n"
            text += "category: \"\(category)\"\n"
            text += "tags: [" + tags.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
            text += "lang: de\n"
            text += "---\n\n"
            text += "# \(title)\n\n"
            let bodyStart = text.utf8.count
            text += paragraph(sentences: 2 + random.below(3)) + "\n\n"
            while text.utf8.count - bodyStart < target {
                text += "## \(heading())\n\n"
                text += section()
            }
            return text
        }

        mutating func prose(words: Int) -> String {
            var text = ""
            var count = 0
            focus = []
            while count < words {
                if count == 0 || random.chance(0.08) {
                    focus = (0..<(3 + random.below(4))).map { _ in freshNoun() }
                }
                let block: String
                if random.chance(0.15) {
                    block = "## \(heading())\n\n" + section()
                } else {
                    block = paragraph(sentences: 2 + random.below(5)) + "\n\n"
                }
                count += block.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
                text += block
            }
            return text
        }

        private mutating func section() -> String {
            var text = paragraph(sentences: 1 + random.below(4)) + "\n\n"
            let roll = random.unit()
            if roll < 0.3 {
                text += steps() + "\n"
            } else if roll < 0.55 {
                text += bullets() + "\n"
            } else if roll < 0.65 {
                text += table() + "\n"
            }
            if random.chance(0.6) { text += paragraph(sentences: 1 + random.below(4)) + "\n\n" }
            return text
        }

        private mutating func paragraph(sentences: Int) -> String {
            (0..<sentences).map { _ in sentence() }.joined(separator: " ")
        }

        private mutating func steps() -> String {
            var lines: [String] = []
            let count = 3 + random.below(5)
            for number in 1...count {
                let step = number == 1 && random.chance(0.5) ? "Melden Sie sich im Kundencenter an." : instruction()
                lines.append("\(number). \(step)")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        private mutating func bullets() -> String {
            var lines: [String] = []
            for _ in 0..<(2 + random.below(5)) {
                switch random.below(3) {
                case 0: lines.append("- **\(noun().word):** \(sentence())")
                case 1: lines.append("- \(noun().word) \(verb().infinitive)")
                default: lines.append("- \(sentence())")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }

        private mutating func table() -> String {
            var lines = ["| \(noun().word) | \(noun().word) | Hinweis |", "|---|---|---|"]
            for _ in 0..<(2 + random.below(4)) {
                let value = random.chance(0.5) ? "`\(random.pick(Vocabulary.hosts))`" : "\(random.pick(Vocabulary.ports))"
                lines.append("| \(noun().word) | \(value) | \(shortClause()) |")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        // MARK: Titles and headings

        private mutating func makeTitle() -> String {
            let main = focus[0]
            let verb = verb()
            switch random.below(5) {
            case 0, 1: return "\(main.word) \(verb.infinitive)"
            case 2: return "\(main.word) \(verb.infinitive) und \(self.verb().infinitive)"
            case 3: return "Wie kann ich \(phrase(main, .accusative, determiner: .possessive)) \(verb.infinitive)?"
            default: return "\(main.word) und \(noun().word)"
            }
        }

        private mutating func heading() -> String {
            switch random.below(6) {
            case 0: return random.pick(Vocabulary.fixedHeadings)
            case 1: return "\(noun().word) und \(noun().word)"
            case 2:
                let subject = noun()
                return "Was tun, wenn \(phrase(subject, .nominative, determiner: .definite)) \(predicate()) \(be(subject))?"
            default: return "\(noun().word) \(verb().infinitive)"
            }
        }

        // MARK: Sentences

        private mutating func sentence() -> String {
            // Template weights: instructions and plain statements dominate, fixed phrasings stay rare.
            let kinds = [0, 0, 0, 0, 2, 2, 2, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 18, 18, 18]
            switch kinds[random.below(kinds.count)] {
            case 0, 1: return instruction()
            case 2, 3:
                return "Sie können \(objectPhrase()) \(optionalPlace())\(verb().infinitive)."
            case 4:
                let subject = noun()
                let verb = verb()
                return capitalized(
                    "\(phrase(subject, .nominative, determiner: .definite, adjective: random.chance(0.3))) "
                    + "\(subject.gender == .plural ? "werden" : "wird") \(adverb()) \(verb.participle)."
                )
            case 5:
                let subject = noun()
                let actor = noun()
                let verb = verb()
                let (finite, particle) = verb.thirdParts
                let clause = "\(phrase(actor, .nominative, determiner: .definite)) \(objectPhrase())" + (particle.map { " " + $0 } ?? "")
                let verbForm = actor.gender == .plural ? pluralFinite(verb) : finite
                return "Wenn \(phrase(subject, .nominative, determiner: .possessive)) \(predicate()) \(be(subject)), \(verbForm) \(clause)."
            case 6:
                let verb = verb()
                return "Klicken Sie auf „\(noun().word)“, um \(objectPhrase()) \(verb.zuInfinitive)."
            case 7:
                let subject = noun()
                return "Bitte beachten Sie, dass \(phrase(subject, .nominative, determiner: .definite)) nur \(number()) "
                    + "\(verb().participle) werden \(subject.gender == .plural ? "können" : "kann")."
            case 8:
                return "Im Bereich „\(noun().word)“ finden Sie "
                    + "\(phrase(noun(), .accusative, determiner: .indefinite, adjective: random.chance(0.5)))."
            case 9:
                return "Die \(pluralish()) für \(phrase(noun(), .accusative, determiner: .possessive)) finden Sie unter \(technical())."
            case 10:
                let subject = noun()
                return "Es dauert bis zu \(quantity()), bis \(phrase(subject, .nominative, determiner: .definite)) \(verb().participle) "
                    + "\(be(subject))."
            case 11:
                let subject = noun()
                return "Falls \(phrase(subject, .nominative, determiner: .possessive)) \(predicate()) \(be(subject)), "
                    + "wenden Sie sich bitte an unseren Support."
            case 12:
                let subject = noun()
                return "Die Meldung „\(random.pick(Vocabulary.english))“ bedeutet, dass "
                    + "\(phrase(subject, .nominative, determiner: .definite)) \(predicate()) \(be(subject))."
            case 13:
                return "Die Kosten betragen \(random.below(30)),\(random.pick(["00", "49", "90", "99"])) Euro pro "
                    + "\(random.pick(["Monat", "Jahr", "Domain", "Postfach"])) inklusive Umsatzsteuer."
            case 14:
                return "Wir empfehlen, \(objectPhrase()) \(adverb()) \(verb().zuInfinitive)."
            case 15:
                let subject = noun()
                return "Hinweis: \(capitalized(phrase(subject, .nominative, determiner: .definite))) \(be(subject)) \(predicate()), "
                    + "solange \(phrase(noun(), .nominative, determiner: .definite)) nicht \(verb().participle) ist."
            case 17:
                let subject = noun()
                let (singular, plural) = random.pick([
                    ("umfasst", "umfassen"), ("enthält", "enthalten"), ("bietet", "bieten"), ("erlaubt", "erlauben")
                ])
                return "\(capitalized(phrase(subject, .nominative, determiner: .possessive))) "
                    + "\(subject.gender == .plural ? plural : singular) bis zu \(amount())."
            case 16:
                return "Verwenden Sie für \(phrase(noun(), .accusative, determiner: .definite)) den Port \(random.pick(Vocabulary.ports)) "
                    + "und den Server \(random.pick(Vocabulary.hosts))."
            default:
                let subject = noun()
                let verb = verb()
                let (finite, particle) = verb.thirdParts
                return capitalized(
                    "\(phrase(subject, .nominative, determiner: .definite, adjective: random.chance(0.3))) "
                    + "\(subject.gender == .plural ? pluralFinite(verb) : finite) \(adverb()) "
                    + "\(objectPhrase())\(particle.map { " " + $0 } ?? "")."
                )
            }
        }

        /// "Richten Sie die Weiterleitung im Kundencenter ein."
        private mutating func instruction() -> String {
            let verb = verb()
            let (finite, particle) = verb.formalParts
            var text = capitalized(finite) + " Sie " + objectPhrase()
            if random.chance(0.5) { text += " " + prepositionalPhrase() }
            if let particle { text += " " + particle }
            if random.chance(0.15) { text += " (\(random.pick(Vocabulary.english)))" }
            return text + "."
        }

        private mutating func shortClause() -> String {
            let subject = noun()
            return "\(capitalized(phrase(subject, .nominative, determiner: .definite))) \(be(subject)) \(predicate())"
        }

        private mutating func objectPhrase() -> String {
            let determiner: Determiner = switch random.below(4) {
            case 0, 1: .definite
            case 2: .possessive
            default: .indefinite
            }
            return phrase(noun(), .accusative, determiner: determiner, adjective: random.chance(0.35))
        }

        private mutating func optionalPlace() -> String {
            random.chance(0.6) ? prepositionalPhrase() + " " : ""
        }

        private mutating func prepositionalPhrase() -> String {
            let roll = random.below(10)
            if roll < 6 {
                let preposition = random.pick(["in", "mit", "bei", "von", "zu", "nach", "aus", "unter"])
                let noun = noun()
                let determiner: Determiner = random.chance(0.7) ? .definite : .possessive
                var text = phrase(noun, .dative, determiner: determiner, adjective: random.chance(0.2))
                if determiner == .definite {
                    let contracted: [String: String] = [
                        "in dem": "im", "zu dem": "zum", "zu der": "zur", "bei dem": "beim", "von dem": "vom"
                    ]
                    let article = String(text.prefix { $0 != " " })
                    if let short = contracted["\(preposition) \(article)"] {
                        text = short + text.dropFirst(article.count)
                        return text
                    }
                }
                return preposition + " " + text
            } else if roll < 8 {
                let preposition = random.pick(["für", "über", "durch", "ohne", "auf"])
                return preposition + " " + phrase(noun(), .accusative, determiner: random.chance(0.6) ? .definite : .possessive)
            } else if roll < 9 {
                return "unter \(technical())"
            }
            return "innerhalb von \(quantity())"
        }

        // MARK: Noun phrases

        enum Determiner {
            case definite, indefinite, possessive, none
        }

        private mutating func phrase(_ noun: Noun, _ grammaticalCase: GrammaticalCase, determiner: Determiner, adjective: Bool = false)
            -> String
        {
            var determiner = determiner
            if noun.gender == .plural, determiner == .indefinite { determiner = .none }
            let article = Self.article(determiner, noun.gender, grammaticalCase)
            var words: [String] = []
            if !article.isEmpty { words.append(article) }
            if adjective {
                if random.chance(LongTail.adjectiveShare) {
                    words.append(LongTail.lists.others[LongTail.otherTable.sample(&random)])
                } else {
                    let stem = Vocabulary.adjectives[Vocabulary.adjectiveTable.sample(&random)]
                    words.append(stem + Self.ending(determiner, noun.gender, grammaticalCase))
                }
            }
            words.append(noun.word)
            return words.joined(separator: " ")
        }

        private static func article(_ determiner: Determiner, _ gender: Gender, _ grammaticalCase: GrammaticalCase) -> String {
            switch (determiner, grammaticalCase) {
            case (.none, _): return ""
            case (.definite, .nominative): return ["der", "die", "das", "die"][index(gender)]
            case (.definite, .accusative): return ["den", "die", "das", "die"][index(gender)]
            case (.definite, .dative): return ["dem", "der", "dem", "den"][index(gender)]
            case (.indefinite, .nominative): return ["ein", "eine", "ein", ""][index(gender)]
            case (.indefinite, .accusative): return ["einen", "eine", "ein", ""][index(gender)]
            case (.indefinite, .dative): return ["einem", "einer", "einem", ""][index(gender)]
            case (.possessive, .nominative): return ["Ihr", "Ihre", "Ihr", "Ihre"][index(gender)]
            case (.possessive, .accusative): return ["Ihren", "Ihre", "Ihr", "Ihre"][index(gender)]
            case (.possessive, .dative): return ["Ihrem", "Ihrer", "Ihrem", "Ihren"][index(gender)]
            }
        }

        /// Adjective endings: weak after der/die/das, mixed after ein/Ihr, strong without a determiner.
        private static func ending(_ determiner: Determiner, _ gender: Gender, _ grammaticalCase: GrammaticalCase) -> String {
            if grammaticalCase == .dative { return "en" }
            switch determiner {
            case .definite:
                if gender == .plural { return "en" }
                return grammaticalCase == .accusative && gender == .masculine ? "en" : "e"
            case .indefinite, .possessive:
                switch gender {
                case .masculine: return grammaticalCase == .nominative ? "er" : "en"
                case .feminine: return "e"
                case .neuter: return "es"
                case .plural: return "en"
                }
            case .none:
                return ["er", "e", "es", "e"][index(gender)]
            }
        }

        private static func index(_ gender: Gender) -> Int {
            switch gender {
            case .masculine: 0
            case .feminine: 1
            case .neuter: 2
            case .plural: 3
            }
        }

        // MARK: Words

        private mutating func noun() -> Noun {
            if !focus.isEmpty, random.chance(0.3) { return random.pick(focus) }
            return freshNoun()
        }

        /// A long-tail noun (`LongTail.nounShare`), a vocabulary noun, or now and then a compound of a modifier
        /// and a vocabulary noun.
        private mutating func freshNoun() -> Noun {
            if random.chance(LongTail.nounShare) { return LongTail.lists.nouns[LongTail.nounTable.sample(&random)] }
            guard random.chance(0.2) else { return Vocabulary.nouns[Vocabulary.nounTable.sample(&random)] }
            let modifier = Vocabulary.modifiers[Vocabulary.modifierTable.sample(&random)]
            let head = Vocabulary.heads[Vocabulary.headTable.sample(&random)]
            guard !head.word.hasPrefix(modifier) else { return head }
            return Noun(word: modifier + head.word.lowercased(), gender: head.gender)
        }

        private mutating func pluralish() -> String {
            random.pick(["Zugangsdaten", "Einstellungen", "Serverdaten", "Kontaktdaten", "Anleitungen", "Details"])
        }

        private mutating func verb() -> Verb { Vocabulary.verbs[Vocabulary.verbTable.sample(&random)] }

        private mutating func adverb() -> String {
            if random.chance(LongTail.adverbShare) { return LongTail.lists.others[LongTail.otherTable.sample(&random)] }
            return Vocabulary.adverbs[Vocabulary.adverbTable.sample(&random)]
        }

        private mutating func predicate() -> String { Vocabulary.predicates[Vocabulary.predicateTable.sample(&random)] }

        private func be(_ noun: Noun) -> String { noun.gender == .plural ? "sind" : "ist" }

        private func pluralFinite(_ verb: Verb) -> String { verb.formalParts.verb }

        private mutating func number() -> String {
            random.pick(["einmal", "zweimal", "einmal pro Monat", "alle 24 Stunden", "bis zu 3-mal", "nach 30 Tagen"])
        }

        private mutating func quantity() -> String {
            let (unit, range) = random.pick(Vocabulary.durations)
            return "\(range.lowerBound + random.below(range.count)) \(unit)"
        }

        private mutating func amount() -> String {
            let (unit, range) = random.pick(Vocabulary.amounts)
            let value = range.lowerBound + random.below(range.count)
            if random.chance(0.15) { return "\(value).\(100 + random.below(900)) \(unit)" }
            if random.chance(0.15) { return "\(value),\(1 + random.below(9)) \(unit)" }
            return "\(value) \(unit)"
        }

        private mutating func technical() -> String {
            switch random.below(5) {
            case 0: return "`\(random.pick(Vocabulary.paths))`"
            case 1: return "der Adresse \(random.pick(Vocabulary.hosts))"
            case 2: return "„\(noun().word)“ > „\(noun().word)“"
            default: return random.pick(Vocabulary.hosts)
            }
        }

        private func capitalized(_ text: String) -> String {
            guard let first = text.first else { return text }
            return first.uppercased() + text.dropFirst()
        }
    }
}
