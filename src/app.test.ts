import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../test/support/database";
import { createApp } from "./app";
import { createLogger } from "./platform/logger";

const logger = createLogger("silent");

describe("the HTTP app on the seeded registry", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger });
  });
  afterAll(() => t.dispose());

  it("serves the national figures computed from the database", async () => {
    const res = await app.request("/api/v1/stats");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      states: 36,
      districts: 784,
      products: 787,
      districtsWithProducts: 773,
      giRegistrations: 696,
      revision: {
        id: "dpiit-2026-04-primary",
        title: "DPIIT / Invest India ODOP list, April 2026 copy — primary products",
        publishedAt: "2026-04-01",
      },
    });
  });

  it("answers health and readiness", async () => {
    expect((await app.request("/healthz")).status).toBe(200);
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", pending: 0 });
  });

  it("shows the home page in English and in Hindi, with the live revision and a language switch", async () => {
    const en = await (await app.request("/")).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("DPIIT / Invest India ODOP list, April 2026 copy — primary products");
    expect(en).toMatch(/<strong>787<\/strong>ODOP products/);
    expect(en).toContain('<a class="lang" href="/language?to=hi&amp;next=%2F"');
    const hi = await (await app.request("/?lang=hi")).text();
    expect(hi).toContain('<html lang="hi">');
    expect(hi).toContain("राष्ट्रीय रजिस्टर");
    expect(hi).toContain("कर्नाटक");
    expect(hi).toContain('href="/states/29?lang=hi"');
  });

  it("drills down State → district → product", async () => {
    const state = await (await app.request("/states/29")).text();
    expect(state).toContain("<h1>Karnataka</h1>");
    const link = state.match(/href="(\/districts\/\d+)"><span>Chikkamagaluru<\/span>/)?.[1];
    expect(link).toBeDefined();
    const district = await (await app.request(link as string)).text();
    expect(district).toContain("<h1>Chikkamagaluru</h1>");
    expect(district).toContain("Chikmagalur");
    const product = district.match(/href="(\/products\/coffee[^"]+)"/)?.[1];
    const page = await (await app.request(product as string)).text();
    expect(page).toContain("Coffee-Arabica");
    expect(page).toContain("odop_dpiit_primary_products_by_district.csv, line 306");
    expect(page).toContain("keyword “coffee”");
  });

  it("answers an unchanged page with 304, and gives it an ETag and Cache-Control", async () => {
    const first = await app.request("/districts/293");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const again = await app.request("/districts/293", { headers: { "If-None-Match": etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await app.request("/districts/293?lang=hi", {
      headers: { "If-None-Match": etag as string },
    });
    expect(other.status).toBe(200);
  });

  it("compresses pages for browsers that accept gzip", async () => {
    const res = await app.request("/", { headers: { "Accept-Encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
  });

  it("lists every public page in sitemap.xml, in both languages, and points robots at it", async () => {
    const served = createApp({ database: t, logger, publicOrigin: "http://odop.example" });
    const sitemap = await (await served.request("http://odop.example/sitemap.xml")).text();
    expect(sitemap).toContain("<loc>http://odop.example/districts/293</loc>");
    expect(sitemap).toContain("<loc>http://odop.example/districts/293?lang=hi</loc>");
    expect(sitemap).toContain("<loc>http://odop.example/products/darjeeling-tea-darjeeling</loc>");
    const robots = await (await served.request("http://odop.example/robots.txt")).text();
    expect(robots).toContain("Sitemap: http://odop.example/sitemap.xml");
  });

  it("gives every page a canonical URL, a description and Open Graph tags", async () => {
    const served = createApp({ database: t, logger, publicOrigin: "http://odop.example" });
    const html = await (await served.request("http://odop.example/states/29?lang=hi")).text();
    expect(html).toContain('<link rel="canonical" href="http://odop.example/states/29?lang=hi"/>');
    expect(html).toMatch(/<meta name="description" content="[^"]+"\/>/);
    expect(html).toContain('<meta property="og:title" content="कर्नाटक"/>');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it("says when a Hindi page falls back to an English name", async () => {
    const sribhumi = await (await app.request("/districts/293?lang=hi")).text();
    expect(sribhumi).toContain("<h1>Sribhumi</h1>");
    expect(sribhumi).toContain("KARIMGANJ");
  });

  it("answers unknown pages with a 404 page in the reader's language, and unknown API paths with problem+json", async () => {
    const page = await app.request("/districts/99999999?lang=hi");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("पृष्ठ नहीं मिला");
    const bad = await app.request("/states/abc");
    expect(bad.status).toBe(404);
    const api = await app.request("/api/v1/nothing");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("readiness on a database without the schema", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: false });
    await t.db.execute("drop schema drizzle cascade");
  });
  afterAll(() => t.dispose());

  it("is 503 while migrations are not applied", async () => {
    const res = await createApp({ database: t, logger }).request("/readyz");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "not ready", reachable: true });
  });
});
