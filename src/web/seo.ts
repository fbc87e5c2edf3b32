import type { Hono } from "hono";

/** robots.txt and sitemap.xml for the public pages; `paths` lists every page worth indexing. */
export function mountSeo(app: Hono, paths: () => Promise<string[]>): void {
  app.get("/robots.txt", (c) => {
    const origin = new URL(c.req.url).origin;
    return c.text(`User-agent: *\nAllow: /\nDisallow: /search\nSitemap: ${origin}/sitemap.xml\n`);
  });
  app.get("/sitemap.xml", async (c) => {
    const origin = new URL(c.req.url).origin;
    const urls = (await paths()).flatMap((p) => [p, `${p}${p.includes("?") ? "&" : "?"}lang=hi`]);
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...urls.map((u) => `<url><loc>${escapeXml(origin + u)}</loc></url>`),
      "</urlset>",
    ].join("\n");
    return c.body(body, 200, {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    });
  });
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
