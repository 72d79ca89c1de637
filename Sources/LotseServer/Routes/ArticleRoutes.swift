import Hummingbird
import LotseAnalysis
import LotseSearch
import LotseTickets

/// `GET /api/v1/articles/{id}` and `GET /api/v1/categories`.
struct ArticleRoutes {
    let holder: IndexHolder

    struct Category: Codable, ResponseEncodable {
        var name: String
        var count: Int
    }

    struct Categories: ResponseEncodable {
        var categories: [Category]
    }

    func register(on router: Router<LotseRequestContext>) {
        router.get("/api/v1/articles/{id}") { _, context in
            let id = try context.parameters.require("id")
            guard id.count <= 200, let article = try await holder.engine.article(id: id) else { throw APIError.notFound }
            return article
        }
        router.get("/api/v1/categories") { request, _ in
            let parameters = FormQuery.parse(request.uri.query)
            if let problem = ControlCharacters.problem(parameters["lang"]) { throw APIError.badRequest(field: "lang", problem) }
            let language = try SearchRoutes.parameter("lang") { () throws(FieldProblem) in try SearchRoutes.language(parameters["lang"]) }
            return Categories(categories: holder.engine.categories(language: language).map { Category(name: $0.key, count: $0.value) }
                .sorted { $0.name < $1.name })
        }
    }
}

extension ArticleDetail: ResponseEncodable {}
