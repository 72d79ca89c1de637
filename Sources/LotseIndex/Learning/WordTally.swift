/// One article's counts at a time, by the form and word numbers of one `CustomerWordReader`: arrays indexed by
/// number and cleared after each article through the list of what it touched (per-article dictionaries hashed every
/// word of 100,000 drafts twice). Also remembers what each word is to the corpus and the dictionaries.
struct WordTally {
    /// Uses by form; by word: distinct sessions, the last session counted, the most used form and uses of all forms.
    private var formUses: [Int32] = []
    private var sessions: [Int32] = []
    private var lastSession: [Int32] = []
    private var bestForm: [Int32] = []
    private var wordUses: [Int32] = []
    /// Whether an outcome of this article wrote the word capitalised inside a sentence (`CustomerWordReader.read`).
    private var writtenAsName: [Bool] = []
    /// What each word is (`Known.rawValue`, 0: not looked up yet): it does not change between articles.
    private var known: [UInt8] = []
    /// The forms and words this article used, in first use.
    private var touchedForms: [CustomerWordReader.Reading] = []
    private var touchedWords: [Int32] = []

    enum Known: UInt8 {
        case corpus = 1, word, capitalized, unknown
    }

    /// Counts one use of `reading` in `session` (the outcomes of a session one after another).
    mutating func count(_ reading: CustomerWordReader.Reading, session: Int32, mayBeName: Bool) {
        let form = Int(reading.form), word = Int(reading.word)
        if form >= formUses.count { formUses.append(contentsOf: repeatElement(0, count: form + 1 - formUses.count)) }
        if word >= sessions.count {
            let missing = word + 1 - sessions.count
            sessions.append(contentsOf: repeatElement(0, count: missing))
            lastSession.append(contentsOf: repeatElement(-1, count: missing))
            bestForm.append(contentsOf: repeatElement(-1, count: missing))
            wordUses.append(contentsOf: repeatElement(0, count: missing))
            known.append(contentsOf: repeatElement(0, count: missing))
            writtenAsName.append(contentsOf: repeatElement(false, count: missing))
        }
        if mayBeName { writtenAsName[word] = true }
        if formUses[form] == 0 { touchedForms.append(reading) }
        formUses[form] += 1
        if lastSession[word] != session {
            if sessions[word] == 0 { touchedWords.append(reading.word) }
            sessions[word] += 1
            lastSession[word] = session
        }
    }

    /// Each word the article used (in first use): its distinct sessions, its most used form (ties: the form
    /// `isBefore` the other) and the uses of all its forms.
    mutating func words(isBefore: (Int32, Int32) -> Bool) -> [(word: Int32, sessions: Int, form: Int32, uses: Int)] {
        for reading in touchedForms {
            let word = Int(reading.word), uses = formUses[Int(reading.form)], best = bestForm[word]
            wordUses[word] += uses
            if best < 0 || uses > formUses[Int(best)] || (uses == formUses[Int(best)] && isBefore(reading.form, best)) {
                bestForm[word] = reading.form
            }
        }
        return touchedWords.map { ($0, Int(sessions[Int($0)]), bestForm[Int($0)], Int(wordUses[Int($0)])) }
    }

    /// Whether this article's outcomes wrote `word` capitalised inside a sentence.
    func isWrittenAsName(_ word: Int32) -> Bool { writtenAsName[Int(word)] }

    /// What `word` is, asking `lookUp` the first time.
    mutating func known(_ word: Int32, lookUp: () -> Known) -> Known {
        if let cached = Known(rawValue: known[Int(word)]) { return cached }
        let kind = lookUp()
        known[Int(word)] = kind.rawValue
        return kind
    }

    /// Ready for the next article.
    mutating func reset() {
        for reading in touchedForms { formUses[Int(reading.form)] = 0 }
        for word in touchedWords.lazy.map({ Int($0) }) {
            (sessions[word], lastSession[word], bestForm[word], wordUses[word], writtenAsName[word]) = (0, -1, -1, 0, false)
        }
        touchedForms.removeAll(keepingCapacity: true)
        touchedWords.removeAll(keepingCapacity: true)
    }
}
