import { Hono } from "hono";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { catalogPages, publicPaths } from "./modules/catalog";
import { listDistricts, listStates } from "./modules/geo";
import { insightsApi, insightsPages } from "./modules/insights";
import { type Database, migrationState } from "./platform/db";
import { AppError, httpStatusOf } from "./platform/errors";
import type { Logger } from "./platform/logger";
import { ErrorPage } from "./web/error-pages";
import { langOf } from "./web/i18n";
import { PageCache } from "./web/page-cache";
import { mountSeo } from "./web/seo";
import { mountStatic } from "./web/static-assets";

/** The whole HTTP face over one database: pages, JSON API, health checks. */
export function createApp(deps: {
  database: Database;
  logger: Logger;
  externalImages?: boolean;
  pageCache?: PageCache;
}): Hono {
  const { database, logger } = deps;
  const db = database.db;
  const app = new Hono();
  const cache = (deps.pageCache ?? newPageCache()).middleware();
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
  mountSeo(app, async () => [
    ...(await publicPaths(db)),
    ...(await listStates(db)).map((s) => `/states/${s.lgdCode}`),
    ...(await listDistricts(db)).map((d) => `/districts/${d.lgdCode}`),
  ]);
  app.route("/api/v1", insightsApi(db));
  // Public pages: rendered once a minute at most per URL, with ETag and 304. Search results are too many
  // combinations to keep, and the API has its own caching.
  app.use("*", async (c, next) =>
    c.req.path.startsWith("/api/") || c.req.path === "/search" ? next() : cache(c, next),
  );
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

/** Public pages: rendered once a minute at most per URL, with ETag and 304. */
export const newPageCache = () => new PageCache({ ttlMs: 60_000, maxEntries: 5_000, maxAgeSeconds: 300 });
