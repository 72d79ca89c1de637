import ArgumentParser
import Foundation
import LotseIndex

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the search index from the articles directory.")

    @Option(help: "Directory with Markdown and HTML articles.")
    var articles = "articles"

    @Option(help: "Index file to write.")
    var index = IndexConfiguration.defaultIndexPath

    @Flag(help: "Re-parse every article, not only changed ones.")
    var full = false

    @Flag(help: "Index the valid articles and list the rejected ones instead of failing.")
    var keepGoing = false

    func run() throws {
        let configuration = IndexConfiguration(articlesDirectory: articles, indexPath: index, full: full, keepGoing: keepGoing)
        let progress = ProgressReporter(label: "parsing")
        let builder = IndexBuilder(configuration: configuration) { done, total in progress.update(done, of: total) }
        do {
            let report = try builder.build()
            progress.finish()
            for rejected in report.rejected { printError("rejected \(rejected)") }
            print(report.summary)
        } catch let error as IndexError {
            progress.finish()
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
