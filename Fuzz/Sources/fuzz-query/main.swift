import Dispatch
import Foundation
import FuzzSupport
import LotseIndex
import LotseSearch

// Arbitrary bytes as a search-box query and as a ticket draft against an index of the real articles: every term
// the query builder produces must be looked up without an error (search never throws), results must come from
// the index, and snippets must be escaped text with nothing but <mark> added.

let articles = ProcessInfo.processInfo.environment["LOTSE_FUZZ_ARTICLES"] ?? "articles"
let indexPath = NSTemporaryDirectory() + "lotse-fuzz-\(getpid())/index.sqlite"
let engine: SearchEngine
do {
    _ = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: articles, indexPath: indexPath)).build()
    engine = try SearchEngine(indexPath: indexPath, connectionCount: 1)
    atexit { try? FileManager.default.removeItem(atPath: (indexPath as NSString).deletingLastPathComponent) }
} catch {
    FileHandle.standardError.write(Data("cannot index \(articles): \(error)\n".utf8))
    exit(2)
}

func check(_ results: [SearchResult], input: UnsafeBufferPointer<UInt8>) {
    for result in results {
        let id = result.id
        guard case .success(.some) = blocking({ try await engine.article(id: id) }) else {
            FuzzDriver.fail("result \(id) is not a stored article", input: input)
        }
        if !result.score.isFinite { FuzzDriver.fail("score \(result.score)", input: input) }
        // <mark> and </mark> are the only tags a snippet may contain.
        if result.snippet.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: "").contains("<") {
            FuzzDriver.fail("unescaped markup in snippet \(result.snippet)", input: input)
        }
    }
}

/// Runs the async engine from libFuzzer's synchronous callback.
func blocking<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) -> Result<Value, any Error> {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var outcome: Result<Value, any Error>?
    Task {
        do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
        done.signal()
    }
    done.wait()
    return outcome!
}

FuzzDriver.run { data, size in
    let input = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: input, as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let subject = String(lines.first ?? ""), description = lines.count > 1 ? String(lines[1]) : ""
    for outcome in [blocking { try await engine.search(text) },
                    blocking { try await engine.suggest(subject: subject, description: description) }] {
        switch outcome {
        case .success(let results): check(results, input: input)
        case .failure(let error): FuzzDriver.fail("search threw \(error)", input: input)
        }
    }
    return 0
}
