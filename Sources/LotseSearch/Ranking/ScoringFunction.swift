import GRDB
import GRDBSQLite

/// Lotse's ranking as the FTS5 auxiliary function `lotse_score(fts, plan)`: BM25F over the columns with
/// query terms grouped into concepts, times weighted concept coverage.
///
/// `plan` is `ScoringPlan.encoded`: for each FTS5 phrase its concept and weight, and each concept's weight
/// (query weight × idf). Parsed once per statement and kept as FTS5 aux data.
enum ScoringFunction {
    static let name = "lotse_score"
    /// `lotse_positions(fts, column)`: the token positions of the current row's matches in `column`, as
    /// comma-separated numbers — what snippets highlight, straight from the index.
    static let positionsName = "lotse_positions"

    static func register(on db: Database) throws {
        let api = FTS5.api(db)
        for (functionName, function) in [(name, score), (positionsName, positions)] {
            let code = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), functionName, nil, function, nil)
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(functionName)")
            }
        }
    }

    private static let positions: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts, let context else { return }
        guard argumentCount >= 1, let arguments, let wanted = arguments[0].map({ sqlite3_value_int($0) }) else {
            sqlite3_result_error(context, "lotse_positions needs a column number", -1)
            return
        }
        var instances: Int32 = 0
        _ = api.pointee.xInstCount(fts, &instances)
        var found: Set<Int32> = []
        for index in 0..<max(instances, 0) {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            if api.pointee.xInst(fts, index, &phrase, &column, &offset) == SQLITE_OK, column == wanted { found.insert(offset) }
        }
        // SQLITE_TRANSIENT (a macro Swift cannot import): SQLite copies the text before the call returns.
        sqlite3_result_text(context, found.sorted().map(String.init).joined(separator: ","), -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    private static let score: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts, let context else { return }
        let plan: ScoringPlan
        if let cached = api.pointee.xGetAuxdata(fts, 0) {
            plan = Unmanaged<ScoringPlan>.fromOpaque(cached).takeUnretainedValue()
        } else {
            guard argumentCount >= 1, let arguments, let text = sqlite3_value_text(arguments[0]),
                  let parsed = ScoringPlan(encoded: String(cString: text)) else {
                sqlite3_result_error(context, "lotse_score needs a scoring plan", -1)
                return
            }
            let retained = Unmanaged.passRetained(parsed).toOpaque()
            _ = api.pointee.xSetAuxdata(fts, retained) { pointer in
                if let pointer { Unmanaged<ScoringPlan>.fromOpaque(pointer).release() }
            }
            plan = parsed
        }
        sqlite3_result_double(context, plan.score(api: api, fts: fts))
    }
}

extension ScoringPlan {
    /// Column weights and length normalisation: title, headings, tags, body.
    static let columnWeights: [Double] = [6, 2.5, 3, 1]
    static let lengthNormalization: [Double] = [0.3, 0.5, 0.3, 0.75]
    static let saturation = 1.2

    func score(api: UnsafePointer<Fts5ExtensionApi>, fts: OpaquePointer) -> Double {
        var rows: Int64 = 0
        _ = api.pointee.xRowCount(fts, &rows)
        var instances: Int32 = 0
        guard api.pointee.xInstCount(fts, &instances) == SQLITE_OK, instances > 0 else { return 0 }

        // (concept, column, token offset) → best phrase weight: one occurrence counts once per concept.
        var hits: [(concept: Int32, column: Int32, offset: Int32, weight: Double)] = []
        hits.reserveCapacity(Int(instances))
        for index in 0..<instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            guard api.pointee.xInst(fts, index, &phrase, &column, &offset) == SQLITE_OK,
                  Int(phrase) < phraseConcepts.count, column < 4 else { continue }
            hits.append((phraseConcepts[Int(phrase)], column, offset, phraseWeights[Int(phrase)]))
        }
        hits.sort { ($0.concept, $0.column, $0.offset, -$0.weight) < ($1.concept, $1.column, $1.offset, -$1.weight) }

        var normalizer = [Double](repeating: 1, count: 4)
        for column in 0..<4 {
            var size: Int32 = 0, total: Int64 = 0
            _ = api.pointee.xColumnSize(fts, Int32(column), &size)
            _ = api.pointee.xColumnTotalSize(fts, Int32(column), &total)
            let average = rows > 0 ? max(Double(total) / Double(rows), 1) : 1
            let b = Self.lengthNormalization[column]
            normalizer[column] = 1 - b + b * Double(size) / average
        }

        var frequencies = [Double](repeating: 0, count: conceptWeights.count)
        var previous: (Int32, Int32, Int32)?
        for hit in hits {
            if let previous, previous == (hit.concept, hit.column, hit.offset) { continue }
            previous = (hit.concept, hit.column, hit.offset)
            frequencies[Int(hit.concept)] += hit.weight * Self.columnWeights[Int(hit.column)] / normalizer[Int(hit.column)]
        }
        return combine(frequencies)
    }

    /// Saturated per-concept scores, weighted, scaled to 0…1, times coverage^coverageExponent.
    func combine(_ frequencies: [Double]) -> Double {
        let k1 = Self.saturation
        var total = 0.0
        var covered = 0.0
        for (concept, frequency) in frequencies.enumerated() where frequency > 0 {
            total += conceptWeights[concept] * frequency / (frequency + k1)
            covered += conceptWeights[concept]
        }
        guard totalWeight > 0 else { return 0 }
        let coverage = covered / totalWeight
        return (total / totalWeight) * pow(coverage, coverageExponent)
    }
}

#if canImport(Glibc)
import Glibc
#endif
