import ArgumentParser
import Foundation
import LotseAnalysis
import LotseIndex
import LotseSearch

/// Options shared by `search` and `suggest`.
struct ResultOptions: ParsableArguments {
    @Option(help: "Index file to read.")
    var index = IndexConfiguration.defaultIndexPath

    @Option(help: "Maximum number of results (1–\(SearchOptions.maximumLimit)).")
    var limit = 5

    @Option(help: "Only articles in this language (de, en, fr, es).")
    var lang: Language?

    @Option(help: "Only articles in this category.")
    var category: String?

    @Option(help: "A fixed minimum score (0–1) instead of the answer decision; 0 shows every match.")
    var minimumScore: Double?

    @Flag(help: "Print {\"results\":[…]} as JSON.")
    var json = false

    @OptionGroup var semantic: SemanticOptions
    @OptionGroup var curation: CurationOptions

    var searchOptions: SearchOptions { SearchOptions(limit: limit, language: lang, category: category, minimumScore: minimumScore) }

    func openEngine() throws -> SearchEngine {
        do {
            let model = try semantic.load(index: index)
            let engine = try SearchEngine(indexPath: index, connectionCount: 1, semantic: model, fusion: semantic.fusionParameters)
            if let note = semantic.lexicalOnlyNote(engine: engine, model: model, index: index) {
                printError("semantic search off: \(note)")
            }
            try curation.apply(to: engine)
            return engine
        } catch let error as IndexError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    func print(_ results: [SearchResult]) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(["results": results])
            Swift.print(String(decoding: data, as: UTF8.self))
            return
        }
        if results.isEmpty { Swift.print("no matching articles") }
        for (rank, result) in results.enumerated() {
            Swift.print("\(rank + 1). \(result.title)  [\(result.id), \(result.category), score \(result.score)]")
            Swift.print("   \(TerminalHighlight.render(result.snippet))")
        }
    }
}

extension Language: ExpressibleByArgument {}

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search the help center.")

    @OptionGroup var options: ResultOptions

    @Argument(help: "The query.")
    var query: [String]

    func run() async throws {
        let engine = try options.openEngine()
        try options.print(await engine.search(query.joined(separator: " "), options: options.searchOptions))
    }
}

struct SuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suggest", abstract: "Suggest articles for a ticket draft.")

    @OptionGroup var options: ResultOptions

    @Option(help: "Ticket subject.")
    var subject: String

    @Option(help: "Ticket description.")
    var description = ""

    func run() async throws {
        let engine = try options.openEngine()
        try options.print(await engine.suggest(subject: subject, description: description, options: options.searchOptions))
    }
}

/// Snippets are HTML (escaped text plus <mark>); on a terminal, marks become bold and entities text.
enum TerminalHighlight {
    static func render(_ snippet: String) -> String {
        let bold = isatty(STDOUT_FILENO) == 1
        return snippet
            .replacingOccurrences(of: "<mark>", with: bold ? "\u{1B}[1m" : "[")
            .replacingOccurrences(of: "</mark>", with: bold ? "\u{1B}[0m" : "]")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
