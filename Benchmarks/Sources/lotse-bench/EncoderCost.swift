import BenchmarkFixtures
import Foundation
import LotseSemantic

/// `lotse-bench encoder`: CPU time of one embedding at each piece budget the product uses (32: typed text, 64: drafts,
/// 256: articles at index time), with the products in bfloat16 (the CPU's kernel) and in float32 (OpenBLAS), in
/// the same run. Texts: the traffic drafts, each embedded once per budget by both models, the order alternating per
/// text so neither model always finds the caches warm. Needs `$LOTSE_BENCH_SEMANTIC`.
@MainActor func encoderCost(limit: Int) throws {
    guard let directory = ProcessInfo.processInfo.environment["LOTSE_BENCH_SEMANTIC"], !directory.isEmpty else {
        fatalError("lotse-bench encoder: set LOTSE_BENCH_SEMANTIC to the model's directory")
    }
    let bfloat16 = try SemanticModel(directory: directory), float32 = try SemanticModel(directory: directory, bfloat16: false)
    precondition(!float32.multipliesInBfloat16)
    let texts = TrafficInputs.drafts.prefix(limit).map { $0.subject + "\n" + $0.description }
    print("\(texts.count) drafts; bfloat16 kernel on this CPU: \(bfloat16.multipliesInBfloat16)")
    print("| pieces | bfloat16 mean / p50 / p99 ms | float32 (OpenBLAS) mean / p50 / p99 ms | bfloat16 / float32 (means) |")
    print("| ---: | ---: | ---: | ---: |")
    for budget in [32, 64, SemanticModel.articlePieces] {
        let pieces = texts.map { bfloat16.pieces($0, maxPieces: budget) }
        var times: [[Double]] = [[], []]
        for (number, ids) in pieces.enumerated() {
            let order = number % 2 == 0 ? [0, 1] : [1, 0]
            for which in order {
                let model = which == 0 ? bfloat16 : float32
                let started = cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID)
                _ = model.embed(pieces: ids)
                times[which].append(cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID) - started)
            }
        }
        let summary = times.map { values -> (mean: Double, text: String) in
            let sorted = values.sorted(), mean = values.reduce(0, +) / Double(max(1, values.count))
            return (mean, "\(format(mean)) / \(format(percentile(sorted, 50))) / \(format(percentile(sorted, 99)))")
        }
        print("| \(budget) | \(summary[0].text) | \(summary[1].text) | \(format(summary[0].mean / summary[1].mean, 2)) |")
    }
}

