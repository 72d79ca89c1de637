import ArgumentParser
import Foundation
import LotseIndex
import LotseSearch

/// `lotse learned ARTICLE-ID`: what an article learned from outcomes, as `GET /api/v1/admin/articles/{id}/learned`.
struct LearnedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learned",
        abstract: "What an article learned from solved drafts and helpful votes: word, weight, sessions.")

    @Argument(help: "The article's id.")
    var articleID: String

    @Option(help: "Index file to read.")
    var index = IndexConfiguration.defaultIndexPath

    @Flag(help: "Print the admin API's JSON.")
    var json = false

    func run() async throws {
        let words: [LearnedWord]
        do {
            guard let found = try await SearchEngine(indexPath: index, connectionCount: 1).learnedWords(articleID: articleID) else {
                printError("error: no article \(articleID) in \(index)")
                throw ExitCode.failure
            }
            words = found
        } catch let error as IndexError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(LearnedWords(articleId: articleID, words: words)), as: UTF8.self))
            return
        }
        if words.isEmpty { print("\(articleID) learned nothing") }
        let width = max(4, words.map(\.word.count).max() ?? 0)
        if !words.isEmpty { print("word".padding(toLength: width, withPad: " ", startingAt: 0) + "  weight  sessions") }
        for word in words {
            print(word.word.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + String(word.weight).leftPadded(6) + "  " + String(word.sessions).leftPadded(8))
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
