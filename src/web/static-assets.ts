import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Hono } from "hono";

const dir = path.join(import.meta.dirname, "static");
const types: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};
/** Browsers ask for the icons at the site's root. */
const atRoot = new Set(["favicon.ico", "favicon.svg"]);

/** Serves the few static files from memory with an ETag; there is no CDN. */
export function mountStatic(app: Hono): void {
  for (const name of fs.readdirSync(dir)) {
    const body = fs.readFileSync(path.join(dir, name));
    const etag = `"${crypto.createHash("sha1").update(body).digest("base64url").slice(0, 16)}"`;
    const type = types[path.extname(name)] ?? "application/octet-stream";
    app.get(atRoot.has(name) ? `/${name}` : `/static/${name}`, (c) => {
      c.header("ETag", etag);
      c.header("Cache-Control", "public, max-age=3600");
      if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
      return c.body(body, 200, { "Content-Type": type });
    });
  }
}
