import Foundation
import HTTPTypes
import LotseAnalysis
import LotseTickets
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// A request that breaks HTTP/1.1 before its head is read (request line and headers over 80 KB, a NUL byte in the
/// URL, no HTTP at all) never reaches the router, and Hummingbird would answer with an empty 400. This handler, right
/// after the HTTP codec, answers it in the API's JSON error shape and closes the connection. German: the header that
/// could ask for another language was not read. Errors inside a request body still go to the route reading it.
final class HTTPParseErrorResponder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// NIO's limit for the request line and headers together (Hummingbird's default decoder configuration).
    static let maximumHeadBytes = 80 * 1024

    /// A head arrived whose end has not.
    private var requestOpen = false
    /// Requests whose response has not ended: an answer to a broken follow-up request waits for them.
    private var responsesOwed = 0
    private var deferred: HTTPParserError?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: requestOpen = true; responsesOwed += 1
        case .end: requestOpen = false
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError, !requestOpen else { return context.fireErrorCaught(error) }
        if responsesOwed == 0 { answer(parseError, context: context) } else { deferred = parseError }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let isEnd = if case .end = unwrapOutboundIn(data) { true } else { false }
        context.write(data, promise: promise)
        guard isEnd else { return }
        responsesOwed = max(0, responsesOwed - 1)
        if responsesOwed == 0, let deferred {
            self.deferred = nil
            answer(deferred, context: context)
        }
    }

    private func answer(_ error: HTTPParserError, context: ChannelHandlerContext) {
        let problem = Self.problem(error)
        let body = (try? problem.encoded(in: .de)) ?? Data()
        var headers = problem.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLanguage] = Language.de.rawValue
        headers[.contentLength] = String(body.count)
        headers[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: problem.status, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    /// 431 naming the headers when they overflow (the request line counts: a 100 KB query string lands here), 400 otherwise.
    static func problem(_ error: HTTPParserError) -> APIError {
        guard error == .headerOverflow else { return APIError(.badRequest, code: .malformedRequest) }
        return APIError(.requestHeaderFieldsTooLarge, code: .headersTooLarge,
                        invalid: [InvalidField("headers", .tooLarge(maximumBytes: maximumHeadBytes))])
    }
}
