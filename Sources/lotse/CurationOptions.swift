import ArgumentParser
import LotseSearch

/// `--synonyms` and `--pins`: the operator's curation, for `serve` (reloaded when edited) and for `search` and
/// `suggest`, where an author tries a file before deploying it.
struct CurationOptions: ParsableArguments {
    @Option(help: "Synonym file added to the built-in list (one group of interchangeable expressions per line, commas between).")
    var synonyms: String?

    @Option(help: "Pins file: a JSON list of {\"query\", \"articleId\", \"position\"} that puts an article at a position for a query.")
    var pins: String?

    /// Applies both files to `engine`; a file with a mistake is an error (`file:line: reason`), a pin of an
    /// article the index lacks a warning.
    func apply(to engine: SearchEngine) throws {
        guard synonyms != nil || pins != nil else { return }
        do {
            for pin in try engine.curate(Curation.load(synonyms: synonyms, pins: pins)) {
                printError("warning: \(pin.location): article \(pin.articleId.debugDescription) is not in the index; pin skipped")
            }
        } catch let error as CurationFileError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}
