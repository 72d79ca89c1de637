import LotseAnalysis

/// Words that say something is wrong but not what: "Login klappt nicht", "Rechnung kommt nicht", "Problem mit FTP".
/// Few articles use them, so their idf is high, and a search that wants every word (AND first) preferred any article
/// with "klappt" in it to the one about the login: the AND leaves them out. They still count in the ranking at full
/// weight (weighing them less lost answers: BENCHMARKS.md "Tried and not kept").
enum SymptomWords {
    /// German Snowball stems of folded words (what the planner has at hand), English words included.
    static let stems: Set<String> = [
        // klappt, klappen, funktioniert, funktionieren, geht, gehen, ging, passiert, passieren, tut, läuft, laufen,
        // kommt, kommen, kam, hängt, spinnt, streikt, zickt, kaputt, Problem, Probleme, fehlgeschlagen, Hilfe,
        // (geht nicht) mehr, irgendwie, plötzlich, ständig
        "klappt", "klapp", "funktioniert", "funktioni", "geht", "geh", "ging", "passiert", "passi", "tut", "lauft", "lauf",
        "kommt", "komm", "kam", "hangt", "spinnt", "streikt", "zickt", "kaputt", "probl", "problem", "fehlgeschlag",
        "hilf", "mehr", "irgendwi", "plotzlich", "standig",
        // working, works, broken, issue(s), help, fail(s), failed
        "working", "work", "brok", "issu", "help", "fail", "failed",
    ]

    static func contains(stem: String) -> Bool { stems.contains(stem) }
}
