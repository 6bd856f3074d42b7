import Foundation
import Hummingbird
import SMMCore
import SMMEngine
import SMMStore

/// The pages of one workspace: dashboard, plans, anomalies, comments, import, reports.
struct WorkspacePageRoutes: Sendable {
    let pages: WebPages
    let services: AppServices
    static let base = "/w/:workspace/"

    func add(to w: RouterGroup<AppRequestContext>, routes: Routes) {
        let r = pages.renderer
        let services = self.services
        let pages = self.pages
        func get(_ path: String, _ role: Role,
                 _ handler: @escaping @Sendable (Request, AppRequestContext, WorkspaceServices, PageChrome) async throws -> Response) {
            routes.workspace(w, .get, path, base: Self.base, access: Access(role)) { request, context, ws in
                try await handler(request, context, ws, try await pages.chrome(request, context, services: services))
            }
        }
        func post(_ path: String, _ role: Role,
                  _ handler: @escaping @Sendable (Request, AppRequestContext, WorkspaceServices, PageChrome) async throws -> Response) {
            routes.workspace(w, .post, path, base: Self.base, access: Access(role, write: true)) { request, context, ws in
                try await handler(request, context, ws, try await pages.chrome(request, context, services: services))
            }
        }

        get("dashboard", .client) { request, _, ws, chrome in
            let q = WebPages.query(request)
            let key = ["dashboard", ws.workspace.slug, try await ws.dataVersion(), chrome.language.rawValue,
                       q.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")].joined(separator: "|")
            // The body holds no per-user data (no form token): it is rendered once per data version.
            let body = try await pages.cache.value(key, as: String.self) {
                let view = try await DashboardPage(store: ws.store).build(query: q, base: chrome.base, localizer: chrome.localizer)
                return r.fragment("dashboard", view: view, language: chrome.language)
            }
            return WebPages.html(r.page(body: body, title: chrome.localizer.t("dashboard.title"), current: "dashboard", chrome: chrome))
        }

        // Plans
        get("plans", .client) { _, _, ws, chrome in
            let view = try await PlansPage(store: ws.store).list(base: chrome.base, canEdit: chrome.permissions.canEdit, localizer: chrome.localizer)
            return WebPages.html(r.page("plans", view: view, title: chrome.localizer.t("plans.title"), current: "plans", chrome: chrome))
        }
        get("plans/new", .specialist) { request, _, ws, chrome in
            var form = PlanForm()
            let latest = try await ws.store.dataRange()?.upperBound
            form.period = latest.map { PeriodChoice.containing(PeriodChoice.containing($0, kind: .month).last.adding(days: 1), kind: .month).label } ?? ""
            let view = PlansPage(store: ws.store).editor(form: form, storedID: nil, base: chrome.base, csrf: chrome.csrf, errors: [],
                                                         check: nil, localizer: chrome.localizer)
            return WebPages.html(r.page("plan-editor", view: view, title: view.title, current: "plans", chrome: chrome, script: true))
        }
        post("plans/new", .specialist) { request, context, ws, chrome in
            try await self.submitPlan(request, context, ws, chrome, storedID: nil)
        }
        post("plans/check", .specialist) { request, context, ws, chrome in
            var request = request
            let (fields, _) = try await WebPages.form(&request, context: context)
            let (_, view) = try await PlansPage(store: ws.store).submit(fields: fields, storedID: nil, save: false, base: chrome.base,
                                                                        csrf: chrome.csrf, localizer: chrome.localizer)
            return try WebPages.jsonHTML(r.fragment("smart-live", view: view, language: chrome.language), ok: !view.hasErrors)
        }
        get("plans/:plan", .client) { _, context, ws, chrome in
            guard let id = context.parameters.get("plan", as: Int64.self),
                  let view = try await PlansPage(store: ws.store).plan(id: id, base: chrome.base, canEdit: chrome.permissions.canEdit,
                                                                      csrf: chrome.csrf, localizer: chrome.localizer)
            else { throw APIError.notFound("There is no such plan in this workspace.") }
            return WebPages.html(r.page("plan", view: view, title: view.name, current: "plans", chrome: chrome))
        }
        get("plans/:plan/edit", .specialist) { _, context, ws, chrome in
            guard let id = context.parameters.get("plan", as: Int64.self),
                  let stored = try await ws.plans.stored(String(id)) else { throw APIError.notFound("There is no such plan in this workspace.") }
            let page = PlansPage(store: ws.store)
            let check = try await ws.advisor.check(stored.plan)
            let view = page.editor(form: PlanForm(plan: stored.plan), storedID: id, base: chrome.base, csrf: chrome.csrf, errors: [],
                                   check: check, localizer: chrome.localizer)
            return WebPages.html(r.page("plan-editor", view: view, title: view.title, current: "plans", chrome: chrome, script: true))
        }
        post("plans/:plan/edit", .specialist) { request, context, ws, chrome in
            guard let id = context.parameters.get("plan", as: Int64.self) else { throw APIError.notFound("There is no such plan.") }
            return try await self.submitPlan(request, context, ws, chrome, storedID: id)
        }
        post("plans/:plan/delete", .specialist) { _, context, ws, chrome in
            guard let id = context.parameters.get("plan", as: Int64.self) else { throw APIError.notFound("There is no such plan.") }
            _ = try await ws.plans.delete(String(id))
            return .redirect(to: chrome.base + "/plans?done=plans.deleted", type: .normal)
        }

        // Anomalies
        get("anomalies", .specialist) { request, _, ws, chrome in
            let view = try await AnomaliesPage(store: ws.store).build(query: WebPages.query(request), base: chrome.base, path: chrome.path,
                                                                     canReview: chrome.permissions.canReview, csrf: chrome.csrf,
                                                                     localizer: chrome.localizer)
            return WebPages.html(r.page("anomalies", view: view, title: chrome.localizer.t("anomalies.title"), current: "anomalies", chrome: chrome))
        }
        post("anomalies/review", .director) { request, context, ws, chrome in
            var request = request
            let (fields, _) = try await WebPages.form(&request, context: context)
            _ = try await AnomaliesPage(store: ws.store).review(id: fields["id"] ?? "", verdict: fields["verdict"] ?? "", note: fields["note"])
            let back = WebPages.safeBack(fields["back"], fallback: chrome.base + "/anomalies")
            return .redirect(to: WebPages.withDone(back, "anomalies.verdictSaved"), type: .normal)
        }

        // Comments
        get("comments", .specialist) { request, _, ws, chrome in
            let view = try await CommentsPage(store: ws.store).build(query: WebPages.query(request), base: chrome.base, path: chrome.path,
                                                                    canCorrect: chrome.permissions.canEdit, csrf: chrome.csrf,
                                                                    localizer: chrome.localizer)
            return WebPages.html(r.page("comments", view: view, title: chrome.localizer.t("comments.title"), current: "comments", chrome: chrome))
        }
        post("comments/label", .specialist) { request, context, ws, chrome in
            var request = request
            let (fields, _) = try await WebPages.form(&request, context: context)
            try await CommentsPage(store: ws.store).correct(kind: fields["kind"] ?? "", id: fields["id"] ?? "", label: fields["label"] ?? "")
            let back = WebPages.safeBack(fields["back"], fallback: chrome.base + "/comments")
            return .redirect(to: WebPages.withDone(back, "comments.saved"), type: .normal)
        }

        // Import
        get("import", .specialist) { _, _, ws, chrome in
            let view = ImportPage(store: ws.store, logger: services.logger).form(base: chrome.base, csrf: chrome.csrf)
            return WebPages.html(r.page("import", view: view, title: chrome.localizer.t("import.title"), current: "import", chrome: chrome, script: true))
        }
        post("import", .specialist) { request, context, ws, chrome in
            var request = request
            let (fields, files) = try await WebPages.form(&request, context: context)
            let upload = files["bundle"] ?? files.values.first
            let view = await ImportPage(store: ws.store, logger: services.logger)
                .run(upload, skipBadRows: fields["skip_bad_rows"] == "1", base: chrome.base, csrf: chrome.csrf, localizer: chrome.localizer)
            if WebPages.wantsJSON(request) {
                return try WebPages.jsonHTML(r.fragment("import-result", view: view, language: chrome.language), ok: view.ok,
                                             status: view.ok ? .ok : .unprocessableContent)
            }
            return WebPages.html(r.page("import", view: view, title: chrome.localizer.t("import.title"), current: "import", chrome: chrome, script: true),
                                 status: view.ok ? .ok : .unprocessableContent)
        }

        // Reports
        get("reports", .client) { _, _, ws, chrome in
            let view = try await ReportsPage(store: ws.store).build(base: chrome.base, localizer: chrome.localizer)
            return WebPages.html(r.page("reports", view: view, title: chrome.localizer.t("reports.title"), current: "reports", chrome: chrome))
        }
        get("reports/kpi.csv", .client) { request, _, ws, chrome in
            let period = request.uri.queryParameters["period"].map(String.init)
            let report = try await ReportsPage(store: ws.store).report(period: period)
            let csv = ReportsPage.csv(report, localizer: chrome.localizer)
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"kpi-\(ws.workspace.slug)-\(report.period.label).csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + csv)))
        }
        get("reports/download", .client) { request, _, ws, chrome in
            let q = WebPages.query(request)
            let file = try await ReportsPage(store: ws.store).download(kind: q["kind"], period: q["period"], format: q["format"],
                                                                      language: chrome.language, logger: services.logger)
            return Response(status: .ok, headers: [.contentType: file.mimeType,
                                                   .contentDisposition: "attachment; filename=\"\(file.fileName)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
        get("reports/kpi.json", .client) { request, _, ws, _ in
            let period = request.uri.queryParameters["period"].map(String.init)
            let report = try await ReportsPage(store: ws.store).report(period: period)
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"kpi-\(ws.workspace.slug)-\(report.period.label).json\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: try ReportsPage.json(report))))
        }
    }

    /// Saves (or only checks) a submitted plan form; the editor again with the errors when it does not read.
    func submitPlan(_ request: Request, _ context: AppRequestContext, _ ws: WorkspaceServices, _ chrome: PageChrome,
                              storedID: Int64?) async throws -> Response {
        var request = request
        let (fields, _) = try await WebPages.form(&request, context: context)
        let save = fields["action"] != "check"
        let (saved, view) = try await PlansPage(store: ws.store).submit(fields: fields, storedID: storedID, save: save, base: chrome.base,
                                                                        csrf: chrome.csrf, localizer: chrome.localizer)
        if let saved { return .redirect(to: "\(chrome.base)/plans/\(saved)?done=plans.saved", type: .normal) }
        return WebPages.html(pages.renderer.page("plan-editor", view: view, title: view.title, current: "plans", chrome: chrome, script: true),
                             status: view.hasErrors ? .unprocessableContent : .ok)
    }
}
