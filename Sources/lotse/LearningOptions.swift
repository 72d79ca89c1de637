import ArgumentParser
import Foundation
import Logging
import LotseIndex
import LotseTickets

/// `lotse index`'s learning step: the ticket data to learn from (the options and defaults of `lotse serve`) and
/// the rules of README "Learning from outcomes".
struct LearningOptions: ParsableArguments {
    @OptionGroup var ticketData: TicketDataOptions

    @Flag(help: "Build without the learned field (and remove what an earlier build learned).")
    var noLearning = false

    @Option(help: "Learned words an author blocked: ARTICLE-ID word… per line, * for every article.")
    var learningBlocklist = LearningBlocklist.defaultPath

    @Option(help: "Distinct sessions a word needs per article.")
    var minSessions = LearningConfiguration.defaultMinimumSessions

    @Option(help: "Distinct sessions per article for a word only a dictionary knows (not the articles).")
    var minDictionarySessions = LearningConfiguration.defaultMinimumDictionarySessions

    @Option(help: ArgumentHelp("Words an article keeps, for tuning it (scripts/learning_replay.py).", visibility: .hidden))
    var maxLearnedWords = LearningConfiguration.defaultMaximumWords

    func validate() throws {
        guard minSessions >= 1, minDictionarySessions >= 1, maxLearnedWords >= 1 else {
            throw ValidationError("--min-sessions, --min-dictionary-sessions and --max-learned-words must be at least 1")
        }
    }

    /// What the build learns from, and a line saying so.
    func learning() async throws -> (Learning, String) {
        if noLearning { return (.off, "learning off (--no-learning): the index has no learned field") }
        let location = try ticketData.location()
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            return (.learn(LearningConfiguration(outcomes: [])), "learning: no ticket data at \(path), nothing learned")
        }
        let outcomes = try await location.open(logger: Logger(label: "lotse")).learningOutcomes()
        let configuration = LearningConfiguration(
            outcomes: outcomes.map { CustomerWords(session: $0.session, articleID: $0.articleID, text: $0.text) },
            blocklist: try LearningBlocklist.load(path: learningBlocklist), minimumSessions: minSessions,
            minimumDictionarySessions: minDictionarySessions, maximumWords: maxLearnedWords)
        return (.learn(configuration), "learning from \(outcomes.count) outcomes")
    }
}
