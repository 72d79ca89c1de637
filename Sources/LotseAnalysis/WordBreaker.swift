import CICUShim

/// ICU word segmentation over UTF-8, yielding byte ranges of word-like segments.
/// Not thread-safe: each analyzer owns one.
final class WordBreaker {
    private let breaker: OpaquePointer

    init() {
        guard let breaker = lotse_wb_open() else {
            preconditionFailure("ICU word break iterator unavailable: ICU data missing from libicu")
        }
        self.breaker = breaker
    }

    deinit { lotse_wb_close(breaker) }

    /// Calls `body` with the byte range of every word-like segment of `text`.
    func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        guard let base = text.baseAddress, !text.isEmpty, text.count < Int(Int32.max) else { return }
        let status = base.withMemoryRebound(to: CChar.self, capacity: text.count) {
            lotse_wb_set_text(breaker, $0, Int32(text.count))
        }
        guard status == 0 else { return }
        var start: Int32 = 0
        var end: Int32 = 0
        while lotse_wb_next(breaker, &start, &end) == 1 {
            body(Int(start), Int(end))
        }
    }
}
