import ArgumentParser
import Hummingbird
import Logging
import LotseIndex
import LotseServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (indexing articles first when the index is missing or stale).")

    @OptionGroup var location: IndexLocation

    @Option(help: "Ticket database.")
    var data = ".lotse/data.sqlite"

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(name: .customLong("cors-origin"), help: "Portal origin allowed to call the API from a browser (repeatable).")
    var corsOrigins: [String] = []

    @Option(help: "Requests per client address per minute on /api/ (0: unlimited).")
    var rateLimit = 600

    @Option(help: "Largest request body in bytes.")
    var maxBodyBytes = 64 * 1024

    @Option(help: "Log level (trace, debug, info, notice, warning, error).")
    var logLevel = "info"

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.articlesDirectory = location.articles
        configuration.indexPath = location.index
        configuration.dataPath = data
        configuration.host = host
        configuration.port = port
        configuration.corsOrigins = corsOrigins
        configuration.rateLimit = rateLimit
        configuration.maximumBodyBytes = maxBodyBytes
        var logger = Logger(label: "lotse")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        do {
            // SIGTERM and SIGINT shut down gracefully: in-flight requests finish.
            try await buildApplication(configuration: configuration, logger: logger).runService()
        } catch let error as IndexError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}
