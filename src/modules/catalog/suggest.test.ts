import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { createApp } from "../../app";
import { createLogger } from "../../platform/logger";
import { PageCache } from "../../web/page-cache";
import { indexListing, unindexListing } from ".";

type Suggestions = { items: { kind: string; kindLabel: string; label: string; href: string }[] };

describe("suggestions while typing, and search pages kept until the data changes", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({
      database: t,
      logger: createLogger("silent"),
      pageCache: new PageCache({ ttlMs: 60_000, maxEntries: 100, maxAgeSeconds: 60 }),
    });
  });
  afterAll(() => t.dispose());

  const suggest = async (q: string, lang = "") =>
    (await (await app.request(`/search/suggest?q=${encodeURIComponent(q)}${lang}`)).json()) as Suggestions;

  it("suggests districts by their former names, products by Hindi words, nothing for one letter", async () => {
    expect((await suggest("bomb")).items[0]).toMatchObject({
      kind: "district",
      label: "Mumbai",
      href: "/districts/482",
    });
    expect((await suggest("b")).items).toEqual([]);
    const silk = await suggest("रेशम", "&lang=hi");
    expect(silk.items.length).toBeGreaterThan(0);
    expect(silk.items.every((i) => i.kind === "product" && i.label.toLowerCase().includes("silk"))).toBe(
      true,
    );
    // Products without a Hindi name are named in English, and say so; links stay in Hindi.
    expect(silk.items[0]?.kindLabel).toBe("उत्पाद (अंग्रेज़ी में)");
    expect(silk.items[0]?.href).toMatch(/\?lang=hi$/);
    expect((await suggest("bomb")).items.some((i) => i.kind === "listing")).toBe(false);
  });

  it("answers misspelt searches and suggestions asked at the same moment", async () => {
    // Corrections read the dictionary inside the search's transaction; on the embedded database (one connection)
    // waiting there for a stamp read outside it would never end.
    const answers = await Promise.all(
      [
        "/search?q=darjlingg+tea",
        "/search/suggest?q=darjlin",
        "/search?q=chikenkarii",
        "/search/suggest?q=tanjor",
      ].map((u) => app.request(u)),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await answers[0]?.text()).toContain(`href="/products/darjeeling-tea-darjeeling"`);
  }, 20_000);

  it("keeps a search page until a search entry changes, then shows the change at once", async () => {
    const url = "/search?q=wxyqvz";
    const first = await app.request(url);
    expect(await first.text()).toContain("Nothing found for");
    const etag = first.headers.get("ETag") as string;
    expect(first.headers.get("Cache-Control")).toBe("public, no-cache");
    // Unchanged data: the browser's copy is still good.
    expect((await app.request(url, { headers: { "If-None-Match": etag } })).status).toBe(304);

    await indexListing(t.db, {
      listingId: 990001,
      titleEn: "Wxyqvz stole",
      titleHi: null,
      contextEn: "Leh Ladakh",
      contextHi: null,
      stateLgdCode: 37,
      districtLgdCode: 9,
      sectorCode: null,
      hasGi: false,
      names: ["Wxyqvz stole"],
      isDemo: true,
    });
    const after = await app.request(url, { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain(`href="/bazaar/listings/990001"`);
    await unindexListing(t.db, 990001);
    expect(await (await app.request(url)).text()).not.toContain("/bazaar/listings/990001");
  });
});
