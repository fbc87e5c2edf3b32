import crypto from "node:crypto";
import type { MiddlewareHandler } from "hono";

type Entry = { body: ArrayBuffer; etag: string; headers: Record<string, string>; at: number };

/**
 * Keeps rendered public pages in memory for a short time, with a strong ETag, and answers 304 when the browser
 * already has the page. The registry changes only through imports, so a page may be at most `ttlMs` stale on an
 * instance that did not run the import (the embedded database is locked while an import runs, so there the server
 * restarts with a fresh cache).
 */
export function pageCache(opts: {
  ttlMs: number;
  maxEntries: number;
  maxAgeSeconds: number;
}): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  const cacheControl = `public, max-age=${opts.maxAgeSeconds}`;
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const key = c.req.url;
    const now = Date.now();
    let entry = entries.get(key);
    if (entry && now - entry.at > opts.ttlMs) {
      entries.delete(key);
      entry = undefined;
    }
    if (!entry) {
      await next();
      const type = c.res.headers.get("Content-Type") ?? "";
      if (c.res.status !== 200 || !type.startsWith("text/html")) return;
      // Kept encoded, with its headers ready: a hit then costs a map lookup and a Response.
      const body = await c.res.clone().arrayBuffer();
      const etag = `"${crypto.createHash("sha1").update(new Uint8Array(body)).digest("base64url")}"`;
      entry = {
        body,
        etag,
        headers: { ETag: etag, "Cache-Control": cacheControl, Vary: "Accept-Encoding", "Content-Type": type },
        at: now,
      };
      if (entries.size >= opts.maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, entry);
    }
    if (c.req.header("If-None-Match") === entry.etag) {
      const { "Content-Type": _, ...headers } = entry.headers;
      c.res = new Response(null, { status: 304, headers });
      return;
    }
    c.res = new Response(entry.body, { status: 200, headers: entry.headers });
  };
}
