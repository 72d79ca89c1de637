import ArgumentParser
import Foundation
import LotseSearch
import LotseSemantic

/// Where the sentence encoder is, or that it is off: shared by the commands that build or search the index.
struct SemanticOptions: ParsableArguments {
    @Option(help: "Directory of the sentence encoder that `make deps` fills (default: \(SemanticModel.defaultDirectory)).")
    var model = SemanticModel.defaultDirectory

    /// Off by default: on the held-out help-center set the hybrid ranking still loses Recall@1 and Recall@3, and a
    /// draft waits ~6 ms for the encoder (BENCHMARKS.md, "Semantic retrieval").
    @Flag(name: .customLong("semantic"), inversion: .prefixedNo,
          help: "Semantic ranking with the sentence encoder (article vectors at index time, hybrid ranking); off by default.")
    var enabled = false

    @Option(help: ArgumentHelp("Fusion parameters for tuning: semantic weight, similarity floor, opening weight (-1: max), "
                               + "lexical confidence, query pieces (short, draft).",
                               visibility: .hidden))
    var fusion: String?

    /// The model, or nil (lexical-only) when turned off or its files are missing; unusable files are an error.
    func load() throws -> SemanticModel? {
        guard enabled else { return nil }
        do {
            return try SemanticModel.loadIfPresent(directory: model)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Why the semantic ranking is off, for the user.
    var offReason: String {
        enabled ? "no model in \(model) (run `make deps`)" : "off (--semantic turns it on)"
    }

    var fusionParameters: FusionParameters {
        var parameters = FusionParameters()
        let values = (fusion ?? "").split(separator: ",").compactMap { Double($0) }
        if values.count > 0 { parameters.semanticWeight = values[0] }
        if values.count > 1 { parameters.similarityFloor = values[1] }
        if values.count > 2 { parameters.openingWeight = values[2] }
        if values.count > 3 { parameters.lexicalConfidence = values[3] }
        if values.count > 5 { (parameters.shortPieces, parameters.draftPieces) = (Int(values[4]), Int(values[5])) }
        return parameters
    }
}
