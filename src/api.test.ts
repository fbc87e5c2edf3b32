import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inVaranasi } from "../test/support/actors";
import { freshDatabase, repoRoot, type TestDatabase } from "../test/support/database";
import { depcDecision } from "../test/support/depc";
import { person } from "../test/support/people";
import { createApp } from "./app";
import { type Actor, actorOf } from "./modules/accounts";
import { refreshInsights } from "./modules/insights";
import { createPlan, movePlan } from "./modules/planning/commands/plans";
import { registerProducer, reviewProducer } from "./modules/producers";
import { createEvent, stepEvent } from "./modules/promotion";
import { addItem, createCatalogue, stepCatalogue } from "./modules/promotion/commands/catalogues";
import { createListing, stepListing } from "./modules/trade";
import { buildAllOpenData } from "./open-data-sources";
import { createLogger } from "./platform/logger";

type Doc = {
  paths: Record<
    string,
    { get: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }
  >;
};

// One real request for every documented path, with real ids.
const examples: Record<string, string> = {
  "/states": "/states?limit=5",
  "/states/{lgdCode}": "/states/29",
  "/districts": "/districts?q=Ahmednagar",
  "/districts/{lgdCode}": "/districts/293",
  "/products": "/products?state=19&sort=-name&limit=3",
  "/products/{slug}": "/products/darjeeling-tea-darjeeling",
  "/sectors": "/sectors",
  "/gi": "/gi?class=Handicraft&linked=true",
  "/gi/{id}": "/gi/1",
  "/revisions": "/revisions",
  "/exports": "/exports?state=29&sort=-usd&limit=10",
  "/search": "/search?q=darjling%20tea",
  "/stats": "/stats",
  "/catalog": "/catalog",
  "/producers": "/producers?state=9&limit=5",
  "/committee-meetings": "/committee-meetings?state=9",
  "/committee-decisions": "/committee-decisions?district=187",
  "/export-plans": "/export-plans?state=9",
  "/export-plans/{id}": "/export-plans/1", // the plan adopted below, the first of the fresh database
  "/export-plan-status": "/export-plan-status?state=9",
  "/listings": "/listings?district=187",
  "/listings/{id}": "/listings/1", // the listing published below, the first of the fresh database
  "/events": "/events?kind=training&state=9",
  "/events/{id}": "/events/1", // the training published below, the first of the fresh database
  "/catalogue-items": "/catalogue-items?catalogue=silk-gifts",
  "/insights/dashboard": "/insights/dashboard?district=187&period=all",
  "/insights/ranking/{year}": "/insights/ranking/2025?state=9",
};

describe("the open data API", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let openDataDir: string;
  let doc: Doc;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    openDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-api-open-data-"));
    app = createApp({ database: t, logger: createLogger("silent"), openDataDir });
    // Varanasi's plan, adopted by its committee's decision: the example of one plan in full.
    const o = await person(t.db, "district_officer", inVaranasi);
    const officer = (await actorOf(t.db, o.userId, { requestId: null, ip: null })) as Actor;
    const decisionId = await depcDecision(t.db, officer);
    const planId = await createPlan(t.db, officer, {
      districtLgdCode: inVaranasi.districtLgdCode,
      fromYear: 2026,
      toYear: 2028,
    });
    await movePlan(t.db, officer, planId, { version: 1, step: "circulate" });
    await movePlan(t.db, officer, planId, { version: 2, step: "adopt", decisionId });
    // A Varanasi producer's listing, published: the example of the bazaar's API.
    const owner = await person(t.db);
    const ownerActor = (await actorOf(t.db, owner.userId, { requestId: null, ip: null })) as Actor;
    const producerId = await registerProducer(t.db, ownerActor, {
      name: "Lohta Weavers",
      kind: "shg",
      districtLgdCode: inVaranasi.districtLgdCode,
      otherProducts: "Silk",
      phone: "+91 98390 00001",
      email: "lohta@example.org",
    });
    await reviewProducer(t.db, officer, producerId, 1, { decision: "verified" });
    const listingId = await createListing(t.db, ownerActor, producerId, {
      titleEn: "Katan silk stole",
      otherProduct: "Silk stole",
      hsCode: "5007",
      unit: "piece",
      minOrder: 20,
      monthlyCapacity: 500,
      leadTimeDays: 21,
      priceMinInr: 1800,
      priceMaxInr: 2400,
      organic: false,
      bis: false,
      samplesAvailable: true,
    });
    await stepListing(t.db, ownerActor, listingId, { transition: "publish", version: 1 });
    // Varanasi's training on export packaging, six weeks from now, published: the example of the events' API.
    const soon = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
    const eventId = await createEvent(t.db, officer, {
      kind: "training",
      organiser: `district:${inVaranasi.districtLgdCode}`,
      titleEn: "Packaging for export",
      descriptionEn: "A day on export packaging.",
      timeZone: "Asia/Kolkata",
      startDate: soon,
      startTime: "10:00",
      endDate: soon,
      endTime: "16:00",
      online: false,
      venue: "Collectorate hall",
      country: "IN",
      sectorCodes: ["textiles_handloom"],
      productIds: [],
      approvalRequired: false,
    });
    await stepEvent(t.db, officer, eventId, "publish", { version: 1 }, { origin: "http://localhost" });
    // A gift catalogue of Varanasi's silk, published by the administrator: the example of the catalogues' API.
    const admin = (await actorOf(t.db, (await person(t.db, "national_admin")).userId, {
      requestId: null,
      ip: null,
    })) as Actor;
    const silk = (
      (await t.db.execute(
        sql`select p.id from products p join list_revisions r on r.id = p.revision_id where p.slug = 'silk-products-varanasi' and r.is_live`,
      )) as unknown as { rows: { id: number }[] }
    ).rows[0];
    const catalogueId = await createCatalogue(t.db, admin, {
      slug: "silk-gifts",
      titleEn: "Silk gifts",
      introEn: "Gifts of Banaras silk.",
    });
    await addItem(t.db, admin, catalogueId, { productId: silk?.id as number, version: 1 });
    await stepCatalogue(t.db, admin, catalogueId, "publish", { version: 2 });
    await buildAllOpenData(t.db, openDataDir); // as the server's job does when the data changes
    await refreshInsights(t.db); // the dashboards' figures, as the server's job counts them
    doc = (await (await app.request("/api/v1/openapi.json")).json()) as Doc;
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(openDataDir, { recursive: true, force: true });
  });

  it("documents every path it serves, and has a real example for each", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(examples).sort());
  });

  it.each(Object.entries(examples))("answers %s as its OpenAPI document says", async (docPath, url) => {
    const res = await app.request(`/api/v1${url}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const schema = doc.paths[docPath]?.get.responses["200"]?.content?.["application/json"]?.schema;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema as object);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it("passes Redocly's linter with no errors", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "odop-openapi-")), "openapi.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(
      path.join(repoRoot, "node_modules", ".bin", "redocly"),
      ["lint", file, "--format=json"],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    const report = JSON.parse(run.stdout) as { problems: { severity: string; message: string }[] };
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(run.status).toBe(0);
  });

  it.each([
    ["/products?limit=5000", "limit"],
    ["/products?limit=-1", "limit"],
    ["/products?offset=abc", "offset"],
    ["/products?state=abc", "state"],
    ["/products?sort=price", "sort"],
    ["/products?format=xml", "format"],
    ["/products?fields=name,secret", "fields"],
    ["/products?color=red", "color"],
    ["/products?limit=1&limit=2", "limit"],
    ["/products?revision=x%27%3B%20drop%20table%20products%3B--", "revision"],
    ["/districts?hasProduct=yes", "hasProduct"],
    ["/search", "q"],
    ["/search?q=", "q"],
    ["/states/abc", "lgdCode"],
  ])("rejects %s with 400 problem+json naming %s", async (url, name) => {
    const res = await app.request(`/api/v1${url}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = (await res.json()) as { "invalid-params": { name: string }[]; status: number };
    expect(body.status).toBe(400);
    expect(body["invalid-params"].map((p) => p.name)).toContain(name);
  });

  it("answers unknown ids with 404 problem+json", async () => {
    for (const url of [
      "/states/99",
      "/districts/999999",
      "/products/no-such-product",
      "/gi/99999",
      "/nothing",
    ]) {
      const res = await app.request(`/api/v1${url}`);
      expect(res.status, url).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("counts a GI's linked products as the products' giIds do (hints left out)", async () => {
    const products = (await (await app.request("/api/v1/products?limit=1000&fields=giIds")).json()) as {
      items: { giIds: number[] }[];
    };
    const gi = (await (await app.request("/api/v1/gi?limit=1000&linked=true")).json()) as {
      items: { id: number; linkedProducts: number }[];
    };
    expect(gi.items.length).toBeGreaterThan(0);
    for (const g of gi.items)
      expect(g.linkedProducts, `GI ${g.id}`).toBe(
        products.items.filter((p) => p.giIds.includes(g.id)).length,
      );
  });

  it("takes a district's name, or a former one, where it takes its code, and names the ambiguous ones", async () => {
    const byCode = (await (await app.request("/api/v1/exports?district=187")).json()) as {
      total: number;
      items: unknown[];
    };
    const byName = (await (await app.request("/api/v1/exports?district=Varanasi")).json()) as typeof byCode;
    expect(byCode.total).toBeGreaterThan(0);
    expect(byName).toEqual(byCode);
    const former = await app.request("/api/v1/exports?district=Ahmednagar");
    expect(former.status).toBe(200);
    const none = await app.request("/api/v1/exports?district=Atlantis");
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({
      "invalid-params": [{ name: "district", reason: 'no district is called "Atlantis"' }],
    });
  });

  it("stores an injection string as text: it just finds nothing", async () => {
    const res = await app.request(`/api/v1/products?q=${encodeURIComponent("' or 1=1; --")}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(0);
  });

  it("pages with a stable order and a total", async () => {
    const all = (await (await app.request("/api/v1/products?limit=1000&fields=slug")).json()) as {
      total: number;
      items: { slug: string }[];
    };
    expect(all.total).toBe(787);
    const pages: string[] = [];
    for (let offset = 0; offset < 787; offset += 300) {
      const page = (await (
        await app.request(`/api/v1/products?limit=300&offset=${offset}&fields=slug`)
      ).json()) as {
        items: { slug: string }[];
      };
      pages.push(...page.items.map((i) => i.slug));
    }
    expect(pages).toEqual(all.items.map((i) => i.slug));
  });

  it("gives the same rows as CSV as it does as JSON", async () => {
    const url = "/api/v1/products?state=29&fields=slug,name,districtLgdCode,giIds,sourceRow";
    const json = (await (await app.request(url)).json()) as { items: Record<string, unknown>[] };
    const res = await app.request(`${url}&format=csv`);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.items.length);
    rows.forEach((row, i) => {
      const item = json.items[i] as Record<string, unknown>;
      expect(row.slug).toBe(item.slug);
      expect(row.name).toBe(item.name);
      expect(Number(row.districtLgdCode)).toBe(item.districtLgdCode);
      expect(row.giIds).toBe((item.giIds as number[]).join("|"));
      expect(Number(row.sourceRow)).toBe(item.sourceRow);
    });
  });

  it("answers an unchanged resource with 304, and lets any site read it (CORS)", async () => {
    const first = await app.request("/api/v1/states/29", { headers: { Origin: "https://example.org" } });
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("x-request-id")).toBeTruthy();
    const etag = first.headers.get("etag") as string;
    expect(etag).toBeTruthy();
    const again = await app.request("/api/v1/states/29", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  it("serves a readable reference of the API", async () => {
    const html = await (await app.request("/api/v1/docs")).text();
    expect(html).toContain("GET /api/v1/products");
    expect(html).toContain("<code>limit</code>");
  });
});

describe("the API's rate limit", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: false });
  });
  afterAll(() => t.dispose());

  it("is shared by two instances on one database, per client, with Retry-After", async () => {
    const logger = createLogger("silent");
    const a = createApp({ database: t, logger, apiRateLimit: 5, trustProxy: true });
    const b = createApp({ database: t, logger, apiRateLimit: 5, trustProxy: true });
    const ask = (app: typeof a, client: string) =>
      app.request("/api/v1/states", {
        // The proxy appends the address it saw: the right-most entry. Whatever the client wrote before it is ignored.
        headers: { "X-Forwarded-For": `10.0.0.${Math.floor(Math.random() * 250)}, ${client}` },
      });
    // Counters are per minute: start well inside one, so that the window cannot turn over mid-test.
    const second = new Date().getSeconds();
    if (second > 50) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const statuses = [];
    for (const app of [a, b, a, b, a]) statuses.push((await ask(app, "203.0.113.7")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const over = await ask(b, "203.0.113.7");
    expect(over.status).toBe(429);
    expect(over.headers.get("content-type")).toBe("application/problem+json");
    const retry = Number(over.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await ask(a, "198.51.100.2")).status).toBe(200);
  });
});
