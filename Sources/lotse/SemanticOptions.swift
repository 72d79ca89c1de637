import ArgumentParser
import Foundation
import LotseSearch
import LotseSemantic

/// Where the sentence encoder is, and whether to use it: shared by the commands that build or search the index.
struct SemanticOptions: ParsableArguments {
    /// The environment variable naming the model's folder, for deployments that set it once for every command.
    static let environmentVariable = "LOTSE_MODEL"

    @Option(help: ArgumentHelp(
        "Folder of the sentence encoder (default: $\(SemanticOptions.environmentVariable), else `model` beside the index, else "
            + "\(SemanticModel.defaultDirectory) in the working directory, which `make deps` fills).",
        valueName: "dir"))
    var model: String?

    /// On by default when the model is found: on the four never-tuned fresh judged sets the hybrid ranking is ahead
    /// of lexical-only in Recall@1 and MRR@10 and answers no more out-of-scope queries, for ~25 MB more server memory
    /// and about twice the CPU per draft (BENCHMARKS.md "Relevance", "HTTP"). Without the model Lotse runs
    /// lexical-only.
    @Flag(name: .customLong("semantic"), inversion: .prefixedNo,
          help: ArgumentHelp("Semantic ranking with the sentence encoder (article vectors at index time, hybrid ranking). "
                             + "Default: on when the model is found, else lexical-only; --semantic makes a missing model an error."))
    var enabled: Bool?

    @Option(help: ArgumentHelp("Fusion parameters for tuning: semantic weight, similarity floor, opening weight (-1: max), "
                               + "lexical confidence, query pieces (short, draft).",
                               visibility: .hidden))
    var fusion: String?

    /// The folders the model is looked for in, in order, and whether the user named it (`--model` or the
    /// environment variable): a model missing from a named folder is an error, not a quiet fallback.
    func candidates(index: String) -> (directories: [String], named: Bool) {
        if let model { return ([model], true) }
        if let named = ProcessInfo.processInfo.environment[Self.environmentVariable], !named.isEmpty { return ([named], true) }
        // Beside the index first, so `lotse serve --index /srv/lotse/index.sqlite` started from anywhere finds
        // /srv/lotse/model; for the default index that is .lotse/model, where `make deps` puts it.
        let beside = ((index as NSString).deletingLastPathComponent as NSString).appendingPathComponent("model")
        let standard = SemanticModel.defaultDirectory
        return (Self.absolute(beside) == Self.absolute(standard) ? [beside] : [beside, standard], false)
    }

    /// The model for the index at `index`, or nil (lexical-only) when turned off or not found; unusable files, and a
    /// model missing where the user said it is, are an error.
    func load(index: String) throws -> SemanticModel? {
        guard enabled != false else { return nil }
        let (directories, named) = candidates(index: index)
        for directory in directories {
            do {
                if let model = try SemanticModel.loadIfPresent(directory: directory) { return model }
            } catch {
                printError("error: the sentence encoder in \(directory) cannot be used (`make deps` converts it again): \(error)")
                throw ExitCode.failure
            }
        }
        if named || enabled == true {
            printError("error: \(Self.missing(directories)); --no-semantic runs lexical-only")
            throw ExitCode.failure
        }
        return nil
    }

    /// Why semantic search is off, for the user (after `load(index:)` returned nil).
    func offReason(index: String) -> String {
        enabled == false ? "turned off (--no-semantic)" : Self.missing(candidates(index: index).directories) + " (`make deps` fetches it)"
    }

    /// Why `engine` ranks lexical-only although not turned off: no model, or an index without its vectors (nil:
    /// hybrid, or --no-semantic).
    func lexicalOnlyNote(engine: SearchEngine, model: SemanticModel?, index: String) -> String? {
        guard !engine.isSemantic, enabled != false else { return nil }
        return model == nil ? offReason(index: index) : "\(index) has no vectors of this model (`lotse index` adds them)"
    }

    private static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    private static func missing(_ directories: [String]) -> String {
        "no sentence encoder in " + directories.joined(separator: " or ")
    }

    var fusionParameters: FusionParameters {
        var parameters = FusionParameters()
        let values = (fusion ?? "").split(separator: ",").compactMap { Double($0) }
        // Both modes alike: for tuning a single fusion from the command line.
        if values.count > 0 { (parameters.short.semanticWeight, parameters.draft.semanticWeight) = (values[0], values[0]) }
        if values.count > 1 { (parameters.short.similarityFloor, parameters.draft.similarityFloor) = (values[1], values[1]) }
        if values.count > 2 { parameters.openingWeight = values[2] }
        if values.count > 3 { (parameters.short.lexicalConfidence, parameters.draft.lexicalConfidence) = (values[3], values[3]) }
        if values.count > 5 { (parameters.shortPieces, parameters.draftPieces) = (Int(values[4]), Int(values[5])) }
        return parameters
    }
}
