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
/// could ask for another language was not read. Errors inside a request body still go to the route reading it; once
/// that request's answer has ended, the connection is closed without the second, empty 400 Hummingbird would add
/// (a proxy reusing the connection would pair it with another client's request). CONNECT, which would turn the
/// connection into a tunnel, is 405 at once. Bytes after a request that ends the connection get no answer.
final class HTTPParseErrorResponder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Every method some route takes (the `Allow` of a CONNECT's 405).
    static let methods = ["GET", "HEAD", "POST", "PATCH", "DELETE"]

    /// NIO's limit for the request line and headers together (Hummingbird's default decoder configuration).
    static let maximumHeadBytes = 80 * 1024

    /// A head arrived whose end has not.
    private var requestOpen = false
    /// Requests whose response has not ended: an answer to a broken follow-up request waits for them.
    private var responsesOwed = 0
    private var deferred: HTTPParserError?
    /// The open request's body broke HTTP/1.1: nothing more is read or answered on this connection.
    private var bodyBroken = false
    private var refused = false
    /// The last request ends the connection (`Connection: close`, as `HTTP10Close` writes an HTTP/1.0 request's):
    /// what the decoder refuses after it is no request to answer, only the end of the connection.
    private var closing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head(let head) where head.method == .connect:
            refused = true
            var problem = APIError(.methodNotAllowed, code: .methodNotAllowed, parameters: ["allowed": .list(Self.methods)])
            problem.headers[.allow] = Self.methods.joined(separator: ", ")
            answer(problem, context: context)
            return
        case .head(let head):
            requestOpen = true
            responsesOwed += 1
            closing = head.headerFields[.connection] == "close"
        case .end: requestOpen = false
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError else { return context.fireErrorCaught(error) }
        guard !requestOpen else {
            bodyBroken = true
            return responsesOwed == 0 ? context.close(promise: nil) : context.fireErrorCaught(error)
        }
        if closing {
            refused = true
            if responsesOwed == 0 { context.close(promise: nil) }
            return
        }
        if responsesOwed == 0 { answer(Self.problem(parseError), context: context) } else { deferred = parseError }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let isEnd = if case .end = unwrapOutboundIn(data) { true } else { false }
        guard !(bodyBroken && responsesOwed == 0) else {
            // Hummingbird's own 400 for the broken body, after the request was answered: dropped.
            promise?.succeed()
            if isEnd { context.close(promise: nil) }
            return
        }
        guard isEnd else { return context.write(data, promise: promise) }
        responsesOwed = max(0, responsesOwed - 1)
        if responsesOwed == 0, bodyBroken {
            // The answer to the request whose body broke: the connection ends once it is sent.
            let written = context.eventLoop.makePromise(of: Void.self), channel = context.channel
            written.futureResult.whenComplete { _ in channel.close(promise: nil) }
            written.futureResult.cascade(to: promise)
            return context.write(data, promise: written)
        }
        context.write(data, promise: promise)
        if responsesOwed == 0, let deferred {
            self.deferred = nil
            answer(Self.problem(deferred), context: context)
        }
    }

    private func answer(_ problem: APIError, context: ChannelHandlerContext) {
        let body = (try? problem.encoded(in: .de)) ?? Data()
        var headers = problem.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLanguage] = Language.de.rawValue
        headers[.contentLength] = String(body.count)
        headers[.connection] = "close"
        headers[NoSniffMiddleware.header] = "nosniff"  // the router's middleware never sees these answers
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
