import NIOCore
import NIOHTTP1

/// An HTTP/1.0 request without `Connection: keep-alive` ends its connection with its answer (RFC 9112 §9.3), and
/// clients such as `wget` or a monitoring probe read until the server closes. Hummingbird reads requests as
/// version-less `HTTPRequest`s and closes only on `Connection: close`, so such a client waited for the idle timeout
/// (30 s) and held a connection that long. This handler reads the head before the version is dropped and, where the
/// request does not keep its connection (`isKeepAlive`: by version and `Connection`), says so as `Connection: close`.
final class HTTP10Close: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive else { return context.fireChannelRead(data) }
        head.headers.replaceOrAdd(name: "Connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    /// Hummingbird adds its extra handlers after the conversion to `HTTPRequest`: this one puts an `HTTP10Close` right
    /// after NIO's request decoder, where the version is still there, and passes everything on untouched itself.
    final class Installer: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny

        func handlerAdded(context: ChannelHandlerContext) {
            let pipeline = context.pipeline.syncOperations
            guard let decoder = try? pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self) else { return }
            try? pipeline.addHandler(HTTP10Close(), position: .after(decoder))
        }
    }
}
