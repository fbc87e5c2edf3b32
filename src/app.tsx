import { Hono } from "hono";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { catalogPages } from "./modules/catalog";
import { insightsApi, insightsPages } from "./modules/insights";
import { type Database, migrationState } from "./platform/db";
import { AppError, httpStatusOf } from "./platform/errors";
import type { Logger } from "./platform/logger";
import { ErrorPage } from "./web/error-pages";
import { langOf } from "./web/i18n";
import { mountStatic } from "./web/static-assets";

/** The whole HTTP face over one database: pages, JSON API, health checks. */
export function createApp(deps: { database: Database; logger: Logger; externalImages?: boolean }): Hono {
  const { database, logger } = deps;
  const db = database.db;
  const app = new Hono();
  app.use(requestId());
  app.use(compress());

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const state = await migrationState(db);
    const ready = state.reachable && state.pending === 0;
    return c.json(
      { status: ready ? "ready" : "not ready", database: database.kind, ...state },
      ready ? 200 : 503,
    );
  });

  mountStatic(app);
  app.route("/api/v1", insightsApi(db));
  app.route("/", insightsPages(db));
  app.route("/", catalogPages(db, { externalImages: deps.externalImages ?? false }));

  app.notFound((c) => {
    if (c.req.path.startsWith("/api/")) return problem(c.req.path, 404, "Not Found", "No such resource");
    return c.html(<ErrorPage lang={langOf(c.req.query("lang"))} path={c.req.path} status={404} />, 404);
  });
  app.onError((err, c) => {
    const status = err instanceof AppError ? httpStatusOf[err.code] : 500;
    if (status >= 500)
      logger.error({ err, path: c.req.path, requestId: c.get("requestId") }, "request failed");
    if (c.req.path.startsWith("/api/"))
      return problem(
        c.req.path,
        status,
        err instanceof AppError ? err.code : "Internal Server Error",
        err.message,
      );
    const page = status === 404 ? 404 : 500;
    return c.html(<ErrorPage lang={langOf(c.req.query("lang"))} path={c.req.path} status={page} />, page);
  });
  return app;
}

/** RFC 9457 problem details. */
function problem(instance: string, status: number, title: string, detail: string) {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail, instance }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });
}
