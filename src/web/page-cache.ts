import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { wantsHindi } from "./language";

type Entry = {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  type: string;
  at: number;
  /** The app's own headers (security policy and the like), served again with every hit. */
  kept: Record<string, string>;
  /** Kept under a data stamp: browsers keep it too, but ask again each time (a 304 while the data is the same). */
  stamped: boolean;
  /** Response headers for node:http, flat [name, value, …], made once: a hit only adds its request id. */
  raw?: { plain: string[]; gzip: string[] };
};

/** Headers that describe one response (its size, encoding, cookies) rather than the page: not kept. */
const perResponse = new Set([
  "content-length",
  "content-encoding",
  "content-type",
  "etag",
  "cache-control",
  "vary",
  "x-request-id",
  "set-cookie",
  "date",
  "transfer-encoding",
  "ratelimit-limit",
  "ratelimit-remaining",
]);
function keptHeaders(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((value, name) => {
    if (!perResponse.has(name)) out[name] = value;
  });
  return out;
}

// Request ids for answers from the cache: unique per process and request without a random draw each time.
const idPrefix = crypto.randomBytes(6).toString("base64url");
let idCounter = 0;
const nextRequestId = () => `${idPrefix}-${(idCounter++).toString(36)}`;

/**
 * Pages whose answers depend on data that changes at any time (search results, the registry API): kept under the
 * data's stamp as well as their address, so that a change starts new entries at once. `current` is the stamp now
 * (read again when old), `known` the last one read, without waiting, for answers given before the app is entered.
 */
export type StampedPaths = {
  matches: (pathname: string) => boolean;
  current: () => Promise<string>;
  known: () => string | null;
};

/**
 * Admits a request for the API before a kept answer is given from node:http (the API's rate limit): the headers to
 * add, or null when the request must go to the app (over the limit, or the limit must be asked of the database).
 */
export type ApiGate = (req: IncomingMessage) => string[] | null;

const stampedTtlMs = 15 * 60_000;

/**
 * Keeps rendered public pages in memory for a short time, plain and gzipped, with a strong ETag, and answers 304
 * when the browser already has the page. `middleware()` fills it from the app; `serveNode()` answers hits straight
 * from node:http before the app is entered, as a caching proxy in front of it would.
 * The registry changes only through imports, so a page may be at most `ttlMs` stale on an instance that did not
 * run the import (the embedded database is locked while an import runs, so there the server restarts fresh).
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly rendering = new Map<string, Promise<void>>();
  private readonly cacheControl: string;
  private readonly stamped: StampedPaths[] = [];
  private apiGate: ApiGate | null = null;

  /** Keeps the pages at these paths (HTML, JSON or CSV) under a data stamp too (see StampedPaths). */
  stampPaths(stamped: StampedPaths): void {
    this.stamped.push(stamped);
  }

  /** Lets serveNode answer kept API requests that the gate admits (otherwise the API is always left to the app). */
  gateApi(gate: ApiGate): void {
    this.apiGate = gate;
  }

  private stampedOf(pathname: string): StampedPaths | undefined {
    return this.stamped.find((g) => g.matches(pathname));
  }

  constructor(private readonly opts: { ttlMs: number; maxEntries: number; maxAgeSeconds: number }) {
    this.cacheControl = `public, max-age=${opts.maxAgeSeconds}`;
  }

  private fresh(key: string): Entry | undefined {
    const e = this.entries.get(key);
    // A stamped page is as fresh as its stamp says; the time limit only returns its memory.
    if (e && Date.now() - e.at > (e.stamped ? stampedTtlMs : this.opts.ttlMs)) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private headers(e: Entry, gzip: boolean, requestId: string): Record<string, string> {
    return {
      ...e.kept,
      ETag: e.etag,
      "Cache-Control": e.stamped ? "public, no-cache" : this.cacheControl,
      Vary: "Accept-Encoding",
      "X-Request-Id": requestId,
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    };
  }

  /** Fills the cache with successful HTML responses of the routes it wraps, and serves hits inside the app. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
      const url = new URL(c.req.url);
      const group = this.stampedOf(url.pathname);
      const stamped = group !== undefined;
      const stamp = group ? `#${await group.current()}` : "";
      const key = `${url.host}${url.pathname}${url.search}${stamp}`;
      let entry = this.fresh(key);
      // A page being rendered is waited for, not rendered again by every request of a burst (after a change, or
      // when a popular page's time is up).
      const rendering = entry ? undefined : this.rendering.get(key);
      if (rendering) {
        await rendering;
        entry = this.fresh(key);
      }
      if (!entry) {
        let rendered = () => {};
        this.rendering.set(key, new Promise<void>((resolve) => (rendered = resolve)));
        try {
          await next();
          entry = await this.keep(c.res, key, stamped);
        } finally {
          this.rendering.delete(key);
          rendered();
        }
        if (!entry) return;
      }
      const id = c.res.headers.get("X-Request-Id") ?? crypto.randomUUID();
      if (c.req.header("If-None-Match") === entry.etag) {
        c.res = new Response(null, { status: 304, headers: this.headers(entry, false, id) });
        return;
      }
      const gzip = /\bgzip\b/.test(c.req.header("Accept-Encoding") ?? "");
      c.res = new Response(new Uint8Array(gzip ? entry.gzip : entry.body), {
        status: 200,
        headers: { ...this.headers(entry, gzip, id), "Content-Type": entry.type },
      });
    };
  }

  /** Keeps a response that may be kept, and returns its entry. */
  private async keep(res: Response, key: string, stamped: boolean): Promise<Entry | undefined> {
    const type = res.headers.get("Content-Type") ?? "";
    // A page that says it is not to be kept (a state that is about to change) is passed through as it is.
    if (
      res.status !== 200 ||
      !(type.startsWith("text/html") || (stamped && /^(application\/json|text\/csv)/.test(type))) ||
      res.headers.get("Content-Encoding") ||
      /no-store/.test(res.headers.get("Cache-Control") ?? "")
    )
      return undefined;
    const body = Buffer.from(await res.clone().arrayBuffer());
    const entry: Entry = {
      body,
      gzip: zlib.gzipSync(body),
      // The app's own ETag when it gives one (the API's), so that a kept answer and a fresh one tag alike.
      etag: res.headers.get("ETag") ?? `"${crypto.createHash("sha1").update(body).digest("base64url")}"`,
      type,
      at: Date.now(),
      kept: keptHeaders(res.headers),
      stamped,
    };
    if (this.entries.size >= this.opts.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
    return entry;
  }

  /** Answers a cached page directly on node:http; false when the request must go to the app. */
  serveNode(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "GET" || !req.url) return false;
    const api = req.url.startsWith("/api/");
    if (api && !this.apiGate) return false;
    // A reader who wants Hindi at an address without `lang` is sent to the Hindi address by the app, not served here.
    if (
      !api &&
      wantsHindi(new URL(req.url, "http://here.invalid"), req.headers.cookie, req.headers["accept-language"])
    )
      return false;
    const q = req.url.indexOf("?");
    let stamp = "";
    const group = this.stampedOf(q < 0 ? req.url : req.url.slice(0, q));
    if (group) {
      const known = group.known();
      if (known === null) return false;
      stamp = `#${known}`;
    }
    // The API's answers are kept only under a stamp: anything else there is the app's to answer.
    if (api && !group) return false;
    const entry = this.fresh(`${req.headers.host}${req.url}${stamp}`);
    if (!entry) return false;
    const admitted = api ? this.apiGate?.(req) : [];
    if (!admitted) return false;
    const id = nextRequestId();
    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, [...Object.entries(this.headers(entry, false, id)).flat(), ...admitted]).end();
      return true;
    }
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? entry.gzip : entry.body;
    entry.raw ??= { plain: this.rawHeaders(entry, false), gzip: this.rawHeaders(entry, true) };
    res
      .writeHead(200, [...(gzip ? entry.raw.gzip : entry.raw.plain), "X-Request-Id", id, ...admitted])
      .end(body);
    return true;
  }

  private rawHeaders(entry: Entry, gzip: boolean): string[] {
    const { "X-Request-Id": _, ...headers } = this.headers(entry, gzip, "");
    const all: Record<string, string> = {
      ...headers,
      "Content-Type": entry.type,
      "Content-Length": String((gzip ? entry.gzip : entry.body).length),
    };
    return Object.entries(all).flat();
  }
}
