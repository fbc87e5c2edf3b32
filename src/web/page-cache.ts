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
 * Keeps rendered public pages in memory for a short time, plain and gzipped, with a strong ETag, and answers 304
 * when the browser already has the page. `middleware()` fills it from the app; `serveNode()` answers hits straight
 * from node:http before the app is entered, as a caching proxy in front of it would.
 * The registry changes only through imports, so a page may be at most `ttlMs` stale on an instance that did not
 * run the import (the embedded database is locked while an import runs, so there the server restarts fresh).
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly cacheControl: string;

  constructor(private readonly opts: { ttlMs: number; maxEntries: number; maxAgeSeconds: number }) {
    this.cacheControl = `public, max-age=${opts.maxAgeSeconds}`;
  }

  private fresh(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && Date.now() - e.at > this.opts.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private headers(e: Entry, gzip: boolean, requestId: string): Record<string, string> {
    return {
      ...e.kept,
      ETag: e.etag,
      "Cache-Control": this.cacheControl,
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
      const key = `${url.host}${url.pathname}${url.search}`;
      let entry = this.fresh(key);
      if (!entry) {
        await next();
        const type = c.res.headers.get("Content-Type") ?? "";
        // A page that says it is not to be kept (a state that is about to change) is passed through as it is.
        if (
          c.res.status !== 200 ||
          !type.startsWith("text/html") ||
          c.res.headers.get("Content-Encoding") ||
          /no-store/.test(c.res.headers.get("Cache-Control") ?? "")
        )
          return;
        const body = Buffer.from(await c.res.clone().arrayBuffer());
        entry = {
          body,
          gzip: zlib.gzipSync(body),
          etag: `"${crypto.createHash("sha1").update(body).digest("base64url")}"`,
          type,
          at: Date.now(),
          kept: keptHeaders(c.res.headers),
        };
        if (this.entries.size >= this.opts.maxEntries)
          this.entries.delete(this.entries.keys().next().value as string);
        this.entries.set(key, entry);
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

  /** Answers a cached page directly on node:http; false when the request must go to the app. */
  serveNode(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "GET" || !req.url || req.url.startsWith("/api/")) return false;
    // A reader who wants Hindi at an address without `lang` is sent to the Hindi address by the app, not served here.
    if (
      wantsHindi(new URL(req.url, "http://here.invalid"), req.headers.cookie, req.headers["accept-language"])
    )
      return false;
    const entry = this.fresh(`${req.headers.host}${req.url}`);
    if (!entry) return false;
    const id = nextRequestId();
    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, this.headers(entry, false, id)).end();
      return true;
    }
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? entry.gzip : entry.body;
    entry.raw ??= { plain: this.rawHeaders(entry, false), gzip: this.rawHeaders(entry, true) };
    res.writeHead(200, [...(gzip ? entry.raw.gzip : entry.raw.plain), "X-Request-Id", id]).end(body);
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
