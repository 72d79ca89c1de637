import ArgumentParser
import Foundation
import LotseIndex

struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the search index from the articles directory.")

    @OptionGroup var location: IndexLocation
    @OptionGroup var semantic: SemanticOptions
    @OptionGroup var learningOptions: LearningOptions

    @Flag(help: "Re-parse every article, not only changed ones.")
    var full = false

    @Flag(help: "Index the valid articles and list the rejected ones instead of failing.")
    var keepGoing = false

    @Flag(help: "Let an articles folder without articles empty an index that has some (refused otherwise).")
    var allowEmpty = false

    func run() async throws {
        let model = try semantic.load(index: location.index)
        let learning: Learning, learningLine: String
        do {
            (learning, learningLine) = try await learningOptions.learning()
        } catch {
            printError("error: cannot read the ticket data to learn from (--no-learning builds without): \(error)")
            throw ExitCode.failure
        }
        var configuration = IndexConfiguration(
            articlesDirectory: location.articles, indexPath: location.index, full: full, keepGoing: keepGoing, semantic: model,
            learning: learning)
        configuration.allowEmpty = allowEmpty
        let progress = ProgressReporter(label: "parsing"), embedding = ProgressReporter(label: "embedding")
        var builder = IndexBuilder(configuration: configuration) { done, total in progress.update(done, of: total) }
        builder.embeddingProgress = { done, total in embedding.update(done, of: total) }
        do {
            let report = try builder.build()
            progress.finish()
            embedding.finish()
            for rejected in report.rejected { printError("rejected \(rejected)") }
            print(report.summary)
            print("\(learningLine); \(report.learnedWords) words learned for \(report.learnedArticles) articles")
            if let model {
                print("semantic search on (\(model.version)): \(report.embedded) articles embedded, the others' vectors kept")
            } else {
                print("semantic search off: \(semantic.offReason(index: location.index)); the index is lexical-only")
            }
        } catch let error as IndexError {
            progress.finish()
            embedding.finish()
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Where the articles and the index are, shared by the commands that build the index.
struct IndexLocation: ParsableArguments {
    @Option(name: .customLong("articles"), help: "Directory with Markdown and HTML articles (default: articles).")
    var articlesOption: String?

    @Option(name: .customLong("index"), help: "Index file (default: \(IndexConfiguration.defaultIndexPath)).")
    var indexOption: String?

    var articles: String { articlesOption ?? "articles" }
    var index: String { indexOption ?? IndexConfiguration.defaultIndexPath }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
