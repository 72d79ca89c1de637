import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with `100 Continue` as soon as the head is read. curl sends it with every body over
/// 1 MB (a ticket with a photo attached; older libcurl, as in many PHP integrations, over 1 KB) and then waits a second
/// for the interim answer before sending the body: such a ticket took 1.02 s instead of 0.02 s. The request itself goes
/// on unchanged. A declared length over the limit gets no `100 Continue`: its 413 follows the head, so the body is not sent.
final class ExpectContinueResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    let lengths: DeclaredLength

    init(lengths: DeclaredLength) {
        self.lengths = lengths
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let request) = unwrapInboundIn(data), Self.expectsContinue(request),
            lengths.exceededLimit(request.headerFields) == nil
        {
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        context.fireChannelRead(data)
    }

    /// RFC 9110 §10.1.1: the expectation's only defined value, in any case.
    static func expectsContinue(_ request: HTTPRequest) -> Bool {
        request.headerFields[values: .expect].contains { $0.lowercased().filter { $0 != " " && $0 != "\t" } == "100-continue" }
    }
}
