import Foundation
import HTTPTypes
import Hummingbird
import LotseTickets

/// The customer portal: `GET /` is its page (`PortalPage`: the form as the operator configured it), `GET /portal/{file}`
/// its script and style sheet. The files are resources of this target, read once at start-up; the page needs no build
/// step and loads nothing external.
struct PortalRoutes {
    let holder: IndexHolder
    let page: PortalPage

    struct Asset: Sendable {
        var contentType: String
        var bytes: ByteBuffer
    }

    static let contentTypes = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
                               "js": "text/javascript; charset=utf-8"]

    static let assets = load(folder: "portal")

    /// The page's template: `index.html` as text.
    static let template = assets["index.html"].map { String(buffer: $0.bytes) } ?? ""

    /// Every file of `Resources/FOLDER` with a known type, by name.
    static func load(folder name: String) -> [String: Asset] {
        guard let folder = Bundle.module.url(forResource: name, withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var assets: [String: Asset] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let type = contentTypes[url.pathExtension], let data = try? Data(contentsOf: url) else { continue }
            assets[name] = Asset(contentType: type, bytes: ByteBuffer(bytes: data))
        }
        return assets
    }

    /// Only our own files may run or style the page (no inline script or style, no other origin), so article
    /// HTML that got past the index-time sanitiser still cannot execute anything.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func register(on router: Router<LotseRequestContext>) {
        router.get("/") { request, _ in
            let engine = holder.engine
            // A subject handed over by "Anfrage stellen" (text only: escaped, cut as the field is, no control characters).
            let subject = FormQuery.parse(request.uri.query)["betreff"].map { String($0.prefix(200)) }
                .flatMap { ControlCharacters.problem($0) == nil ? $0 : nil }
            let html = page.render(topics: engine.categories.keys.sorted(), listing: engine.categories(language: .de), subject: subject)
            return Self.response(Asset(contentType: Self.contentTypes["html"]!, bytes: ByteBuffer(string: html)))
        }
        router.get("/portal/{file}") { _, context in try Self.response(for: context.parameters.require("file")) }
    }

    static func response(for name: String, in assets: [String: Asset] = assets) throws -> Response {
        guard let asset = assets[name] else { throw APIError.notFound }
        return response(asset)
    }

    static func response(_ asset: Asset) -> Response {
        let headers: HTTPFields = [
            .contentType: asset.contentType,
            // The file names carry no version: browsers revalidate so a new release is seen at once.
            .cacheControl: "no-cache",
            HTTPField.Name("Content-Security-Policy")!: contentSecurityPolicy,
            HTTPField.Name("Referrer-Policy")!: "same-origin",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.bytes))
    }
}
