import ArgumentParser

@main
struct Lotse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lotse",
        abstract: "German-first knowledge-base search with ticket deflection.",
        subcommands: [
            IndexCommand.self, SearchCommand.self, SuggestCommand.self, EvaluateCommand.self, ServeCommand.self, StatsCommand.self,
            LearnedCommand.self,
        ])
}
