import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { compress } from "hono/compress";
import { setCookie } from "hono/cookie";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { type AppEnv, accountsPages, loadActor } from "./modules/accounts";
import {
  catalogActions,
  catalogAuditTexts,
  catalogPages,
  currentStamp,
  giReviewPages,
  knownSearchStamp,
  knownStamp,
  proposalActions,
  proposalPages,
  publicPaths,
  registerCatalogApi,
  revisionActions,
  revisionAdminPages,
  searchStamp,
} from "./modules/catalog";
import {
  committeeActions,
  committeeAuditTexts,
  committeeManagePages,
  committeePublicPages,
  meetingManagePages,
  registerCommitteesApi,
} from "./modules/committees";
import { listDistricts, listStates } from "./modules/geo";
import {
  insightsAuditTexts,
  insightsPages,
  namedFigurePages,
  rankingActions,
  rankingAdminPages,
  registerInsightsApi,
} from "./modules/insights";
import {
  bottleneckActions,
  decisionFollowUps,
  planActions,
  planAuditTexts,
  planManagePages,
  planPublicPages,
  registerPlanningApi,
} from "./modules/planning";
import {
  producerActions,
  producerAuditTexts,
  producersPages,
  registerProducersApi,
  verifiedProducersOfProduct,
} from "./modules/producers";
import {
  cataloguePublicPages,
  eventPublicPages,
  promotionActions,
  promotionAuditTexts,
  promotionPages,
  registerPromotionApi,
} from "./modules/promotion";
import {
  bazaarPublicPages,
  producerRating,
  registerTradeApi,
  tradeActions,
  tradeAuditTexts,
  tradePages,
} from "./modules/trade";
import { openDataSources } from "./open-data-sources";
import { type Database, migrationState } from "./platform/db";
import { AppError, httpStatusOf } from "./platform/errors";
import { DirectoryFileStore, type FileStore } from "./platform/file-store";
import type { Logger } from "./platform/logger";
import { isDatabaseUnavailable, OutageMonitor } from "./platform/outage";
import { RateLimiter, rateLimit } from "./platform/rate-limit";
import { problem } from "./web/api/problem";
import { ApiReference } from "./web/api/reference";
import { ApiRegistry } from "./web/api/registry";
import { csrfProtection, isHttps } from "./web/csrf";
import { ErrorPage, type ErrorStatus } from "./web/error-pages";
import { hostGuard } from "./web/host-guard";
import { langOf } from "./web/i18n";
import { refuseNul } from "./web/input-guard";
import { langCookie, languageRedirect, switchTarget } from "./web/language";
import { hrefIn } from "./web/layout";
import { PageCache } from "./web/page-cache";
import { PersonalRoutes } from "./web/personal-routes";
import { mountSeo } from "./web/seo";
import { mountStatic } from "./web/static-assets";

/** The whole HTTP face over one database: pages, JSON API, health checks. */
export function createApp(deps: {
  database: Database;
  logger: Logger;
  externalImages?: boolean;
  pageCache?: PageCache;
  apiRateLimit?: number;
  trustProxy?: boolean;
  /** Where open-data files are written (DATA_DIR/open-data on a server). */
  openDataDir?: string;
  /**
   * Where people reach the platform (PUBLIC_ORIGIN): links in mail are built on it, never on the request's Host, and
   * requests for other hosts are refused. Without it, only localhost is served and mail links point there.
   */
  publicOrigin?: string;
  /** Where mail links point when no public origin is configured (the local server and its port). */
  localOrigin?: string;
  /** The data folder, whose free space /readyz watches (embedded database, outbox files, open data). */
  dataDir?: string;
  /** Below this much free space in dataDir, /readyz says not ready (default 100 MB). */
  minFreeBytes?: number;
  /** Where uploaded files are kept, evidence and listing photos (DATA_DIR/files on a server, or S3). */
  fileStore?: FileStore;
  /** Days past its due date after which a bottleneck rises to its State's queue (ESCALATE_AFTER_DAYS). */
  escalateAfterDays?: number;
}): Hono {
  const { database, logger } = deps;
  const openDataDir = deps.openDataDir ?? path.join(os.tmpdir(), `odop-open-data-${process.pid}`);
  const fileStore =
    deps.fileStore ?? new DirectoryFileStore(path.join(os.tmpdir(), `odop-files-${process.pid}`));
  const db = database.db;
  const app = new Hono();
  const outage = new OutageMonitor(logger, { dataDir: deps.dataDir, minFreeBytes: deps.minFreeBytes });
  const pageCache = deps.pageCache ?? newPageCache();
  // Search pages and suggestions are kept under the search stamp: a publication starts new entries at once.
  pageCache.stampPaths({
    matches: (p) => p === "/search" || p === "/search/suggest",
    current: async () => String(await searchStamp(db)),
    known: () => knownSearchStamp(db)?.toString() ?? null,
  });
  const cache = pageCache.middleware();
  const trustProxy = deps.trustProxy ?? false;
  const limiter = new RateLimiter(db, deps.apiRateLimit ?? 600);
  // Kept API answers are given before the app is entered when the client's rate-limit block admits them.
  pageCache.gateApi((req) => {
    const admission = limiter.tryTake(nodeClientAddress(req, trustProxy));
    return admission?.allowed ? limiter.headers(admission) : null;
  });
  const publicOrigin = (deps.publicOrigin ?? deps.localOrigin ?? "http://localhost").replace(/\/$/, "");
  app.use(requestId());
  app.use(hostGuard(deps.publicOrigin));
  app.use(
    refuseNul((c, param) =>
      c.req.path.startsWith("/api/")
        ? problem(400, "Bad Request", "A parameter contains a NUL character", {
            instance: c.req.path,
            "invalid-params": [{ name: param, reason: "must not contain a NUL character" }],
          })
        : errorPage(c, 400),
    ),
  );
  app.use(compress());
  app.use(securityHeaders(deps.externalImages ?? false, trustProxy));
  app.use(async (c, next) => {
    c.set("publicOrigin" as never, publicOrigin as never);
    await next();
  });

  app.use(languageRedirect());
  // The language switch: remembers the choice for a year, then shows the same page (query kept) in that language.
  app.get("/language", (c) => {
    const to = c.req.query("to") === "hi" ? "hi" : "en";
    setCookie(c, langCookie, to, {
      path: "/",
      maxAge: 365 * 24 * 3600,
      sameSite: "Lax",
      httpOnly: true,
      secure: isHttps(c, trustProxy),
    });
    c.header("Cache-Control", "private, no-store");
    return c.redirect(switchTarget(c.req.query("next"), to), 303);
  });
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const state = await migrationState(db);
    if (state.reachable) outage.recovered();
    const reason = !state.reachable
      ? "database unreachable"
      : state.pending > 0
        ? "migrations pending"
        : outage.notReadyReason();
    return c.json(
      {
        status: reason ? "not ready" : "ready",
        database: database.kind,
        ...state,
        ...(reason ? { reason } : {}),
      },
      reason ? 503 : 200,
    );
  });

  mountStatic(app);
  mountSeo(app, async () => [
    ...(await publicPaths(db)),
    "/open-data",
    "/exports",
    "/export-plans",
    "/bazaar",
    "/events",
    "/catalogues",
    "/dashboard",
    "/ranking",
    "/ranking/method",
    ...(await listStates(db)).map((s) => `/states/${s.lgdCode}`),
    ...(await listDistricts(db)).map((d) => `/districts/${d.lgdCode}`),
  ]);
  app.route("/api/v1", apiApp(db, pageCache, limiter, trustProxy, openDataDir));
  // Pages for a signed-in person, each declared personal where its route is (PersonalRoutes): the session is read,
  // forms are CSRF-checked and bodies limited. Every other page is public: it never touches sessions and is cached.
  const personalUnder = (maxSize: number) =>
    every(
      bodyLimit({ maxSize, onError: (c) => errorPage(c, 413) }),
      loadActor(db, { clientOf: (c) => clientAddress(c, trustProxy), trustProxy }),
      csrfProtection((c) => errorPage(c, 403)),
    );
  const personalRoutes = new PersonalRoutes<AppEnv>(
    personalUnder(maxFormBytes),
    personalUnder(maxUploadBytes),
  );
  accountsPages(personalRoutes, db, {
    actionLinks: async (actor, lang) => [
      ...(await catalogActions(db, actor, lang)),
      ...(await proposalActions(db, actor, lang)),
      ...(await revisionActions(db, actor, lang)),
      ...(await producerActions(db, actor, lang)),
      ...(await committeeActions(db, actor, lang)),
      ...(await planActions(db, actor, lang)),
      ...(await bottleneckActions(db, actor, lang)),
      ...(await tradeActions(db, actor, lang)),
      ...(await promotionActions(db, actor, lang)),
      ...(await rankingActions(db, actor, lang)),
    ],
    auditTexts: {
      ...catalogAuditTexts,
      ...producerAuditTexts,
      ...committeeAuditTexts,
      ...planAuditTexts,
      ...tradeAuditTexts,
      ...promotionAuditTexts,
      ...insightsAuditTexts,
    },
  });
  giReviewPages(personalRoutes, db);
  proposalPages(personalRoutes, db);
  revisionAdminPages(personalRoutes, db);
  committeeManagePages(personalRoutes, db);
  meetingManagePages(personalRoutes, db);
  planManagePages(personalRoutes, db, { store: fileStore, escalateAfterDays: deps.escalateAfterDays ?? 15 });
  producersPages(personalRoutes, db, { ratingOf: (id) => producerRating(db, id) });
  tradePages(personalRoutes, db, { store: fileStore });
  promotionPages(personalRoutes, db);
  namedFigurePages(personalRoutes, db);
  rankingAdminPages(personalRoutes, db);
  app.route("/", personalRoutes.app as unknown as Hono);
  // Public pages: rendered once a minute at most per URL, with ETag and 304 (search pages also keyed by the search
  // stamp). The bazaar's searches show listings' prices and stock, and the API has its own caching.
  app.use("*", async (c, next) =>
    c.req.path.startsWith("/api/") ||
    (c.req.path === "/bazaar" && !!c.req.query("q")) ||
    c.req.path.startsWith("/open-data/files/") ||
    c.req.path.startsWith("/bazaar/photos/")
      ? next()
      : cache(c, next),
  );
  app.route("/", insightsPages(db));
  committeePublicPages(app, db, { followUps: (ids, lang) => decisionFollowUps(db, ids, lang) });
  planPublicPages(app, db);
  bazaarPublicPages(app, db, { store: fileStore });
  eventPublicPages(app, db);
  cataloguePublicPages(app, db);
  app.route(
    "/",
    catalogPages(db, {
      externalImages: deps.externalImages ?? false,
      openDataDir,
      openDataSources,
      verifiedProducersOf: (productId) => verifiedProducersOfProduct(db, productId),
    }),
  );

  app.notFound((c) => {
    if (c.req.path.startsWith("/api/"))
      return problem(404, "Not Found", "No such resource", { instance: c.req.path });
    return c.html(<ErrorPage lang={langOf(c.req.query("lang"))} path={c.req.path} status={404} />, 404);
  });
  app.onError((err, c) => {
    const unavailable = isDatabaseUnavailable(err);
    if (unavailable) outage.failed(err);
    const status = err instanceof AppError ? httpStatusOf[err.code] : unavailable ? 503 : 500;
    if (status === 401 && !c.req.path.startsWith("/api/")) {
      const lang = langOf(c.req.query("lang"));
      const next = c.req.method === "GET" ? c.req.path : "/account";
      return c.redirect(hrefIn("/sign-in", lang, { next }), 303);
    }
    // Something that reaches other people was asked for before the address was confirmed: say so where the button
    // to confirm it is.
    if (
      err instanceof AppError &&
      err.details.reason === "email_unverified" &&
      !c.req.path.startsWith("/api/")
    )
      return c.redirect(hrefIn("/account", langOf(c.req.query("lang")), { done: "verifyFirst" }), 303);
    if (status >= 500 && !unavailable)
      logger.error({ err, path: c.req.path, requestId: c.get("requestId") }, "request failed");
    if (status === 503) c.header("Retry-After", "30");
    if (c.req.path.startsWith("/api/"))
      return problem(
        status,
        err instanceof AppError ? err.code : unavailable ? "Service Unavailable" : "Internal Server Error",
        status >= 500 ? "The server could not answer this request" : err.message,
        { instance: c.req.path, headers: status === 503 ? { "Retry-After": "30" } : undefined },
      );
    return errorPage(c, ([400, 403, 404, 409, 413, 429, 503] as const).find((s) => s === status) ?? 500);
  });
  return app;
}

/** A form's body beyond this is refused (413) before it is read: no form of the platform comes near it. */
export const maxFormBytes = 64 * 1024;
/** A file uploaded with a form (the national list as CSV or XLSX: ~1,250 rows is ~150 KB) beyond this is refused. */
export const maxUploadBytes = 10 * 1024 * 1024;

function errorPage(c: Context, status: ErrorStatus) {
  return c.html(<ErrorPage lang={langOf(c.req.query("lang"))} path={c.req.path} status={status} />, status);
}

/**
 * Security headers on every response: a Content-Security-Policy that allows no inline script or style and no framing,
 * no referrer beyond the origin, no MIME sniffing. Official photos come from elsewhere only when the operator allows it.
 */
function securityHeaders(externalImages: boolean, trustProxy: boolean): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: externalImages ? ["'self'", "data:", "https:"] : ["'self'", "data:"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginEmbedderPolicy: false,
    // frame-ancestors 'none' says it all; X-Frame-Options SAMEORIGIN would contradict it.
    xFrameOptions: false,
    // HSTS means something only over HTTPS (RFC 6797 forbids it on plain HTTP): added below when that is so.
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await headers(c, next);
    if (isHttps(c, trustProxy)) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
}

/** Public pages: rendered once a minute at most per URL, with ETag and 304. */
/** The app on node:http: kept public pages (and kept API answers) are answered before the app is entered. */
export function nodeListener(
  app: Hono,
  pageCache: PageCache,
): (req: IncomingMessage, res: ServerResponse) => void {
  const appListener = getRequestListener(app.fetch);
  return (req, res) => {
    if (!pageCache.serveNode(req, res)) appListener(req, res);
  };
}

export const newPageCache = () => new PageCache({ ttlMs: 60_000, maxEntries: 5_000, maxAgeSeconds: 300 });

const apiInfo = {
  title: "ODOP Hub open data API",
  version: "1.0.0",
  description:
    "The national registry of One District One Product: States, districts (LGD codes and every former name), ODOP products by list revision, sectors, GI registrations, district exports FY 2024-25, verified producers, the committees' meetings and decisions, and search. Read-only, open (GODL-India), JSON or CSV.",
};

/** /api/v1: the registry's JSON API, its OpenAPI document and its reference page. Open to every site (CORS, GET). */
function apiApp(
  db: Database["db"],
  pageCache: PageCache,
  limiter: RateLimiter,
  trustProxy: boolean,
  openDataDir: string,
): Hono {
  const api = new ApiRegistry();
  registerCatalogApi(api, db, openDataDir, openDataSources);
  registerInsightsApi(api, db);
  registerProducersApi(api, db);
  registerCommitteesApi(api, db);
  registerPlanningApi(api, db);
  registerTradeApi(api, db);
  registerPromotionApi(api, db);
  const sub = new Hono();
  sub.use(
    cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], exposeHeaders: ["ETag", "X-Request-Id"] }),
  );
  sub.use(rateLimit(limiter, (c) => clientAddress(c, trustProxy)));
  sub.use(etag());
  sub.use(async (c, next) => {
    await next();
    if (c.res.status === 200 && !c.res.headers.has("Cache-Control"))
      c.header("Cache-Control", "public, max-age=300");
  });
  // Answers that depend only on published data (or on the search entries) are kept under that data's stamp.
  pageCache.stampPaths({
    matches: api.keptMatcher("/api/v1", "registry"),
    current: async () => String(await currentStamp(db, "registry")),
    known: () => knownStamp(db, "registry")?.toString() ?? null,
  });
  pageCache.stampPaths({
    matches: api.keptMatcher("/api/v1", "search"),
    current: async () => String(await searchStamp(db)),
    known: () => knownSearchStamp(db)?.toString() ?? null,
  });
  sub.get("/openapi.json", (c) => c.json(api.openapi(apiInfo, `${new URL(c.req.url).origin}/api/v1`)));
  sub.get("/docs", (c) =>
    c.html(
      <ApiReference
        doc={api.openapi(apiInfo, "/api/v1") as never}
        lang={c.req.query("lang") === "hi" ? "hi" : "en"}
        path={c.req.path}
        origin={new URL(c.req.url).origin}
      />,
    ),
  );
  api.mount(sub, pageCache.middleware());
  return sub;
}

/**
 * Who is asking: the socket's address, or behind a trusted proxy the address that proxy saw, which it appends as the
 * right-most X-Forwarded-For entry. The entries to its left are whatever the client wrote, so they are never used.
 */
/** The client's address as clientAddress gives it, for a request not yet in the app (node:http). */
function nodeClientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const forwarded = (Array.isArray(header) ? header.join(",") : header)?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? "unknown";
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("X-Forwarded-For")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}
