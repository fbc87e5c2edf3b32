import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../../test/support/database";
import { createApp } from "../../../app";
import { buildAllOpenData } from "../../../open-data-sources";
import { createLogger } from "../../../platform/logger";
import { seedDemo } from "../../producers";
import { generateDemoListings } from "../../trade";
import { liveRevision, pageProducts } from "../queries";

type Catalog = {
  dataset: {
    identifier: string;
    distribution: { downloadURL: string; byteSize: number; format: string }[];
  }[];
};

describe("open data downloads", () => {
  let t: TestDatabase;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  let catalog: Catalog;
  const download = async (id: string, format: string) => {
    const url = catalog.dataset
      .find((d) => d.identifier === id)
      ?.distribution.find((f) => f.format === format)?.downloadURL;
    expect(url, `${id}.${format}`).toBeDefined();
    return app.request(url as string);
  };

  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    // Demo and generated rows must never reach open data: put some in before the files are made (demo accounts, a
    // demo producer verified in a real district, generated bazaar listings).
    await seedDemo(t.db, "demo-password-2026");
    await generateDemoListings(t.db, 50);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-open-data-"));
    app = createApp({
      database: t,
      logger: createLogger("silent"),
      openDataDir: dir,
      publicOrigin: "http://odop.example",
    });
    // Requests never write the files: before the job has run, there is nothing to list, and nothing is built.
    expect((await app.request("http://odop.example/api/v1/catalog")).status).toBe(503);
    const waiting = await (await app.request("http://odop.example/open-data")).text();
    expect(waiting).toContain("The files are being prepared from the current data");
    expect(fs.readdirSync(dir)).toEqual([]);
    await buildAllOpenData(t.db, dir); // what the server's job and the import CLI do when the data changes
    catalog = (await (await app.request("http://odop.example/api/v1/catalog")).json()) as Catalog;
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("lists every dataset in the catalogue with its downloads and their exact sizes", async () => {
    expect(catalog.dataset.map((d) => d.identifier)).toEqual([
      "odop-products-dpiit-2026-04-primary",
      "districts",
      "gi-register",
      "district-exports-2024-25",
      "sectors",
      "committee-meetings",
      "committee-decisions",
      "export-plans",
      "export-plan-targets",
      "export-plan-interventions",
      "export-plan-bottlenecks",
      "bazaar-listings",
      "events",
      "gift-catalogues",
      "district-export-ranking",
    ]);
    for (const d of catalog.dataset)
      for (const f of d.distribution) {
        const res = await app.request(f.downloadURL);
        expect(res.status).toBe(200);
        expect((await res.arrayBuffer()).byteLength, f.downloadURL).toBe(f.byteSize);
      }
  });

  it("gives the products as CSV exactly as the database has them, and no generated row", async () => {
    const bytes = Buffer.from(
      await (await download("odop-products-dpiit-2026-04-primary", "CSV")).arrayBuffer(),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark Excel needs
    const rows = parse(bytes.toString("utf8"), { columns: true, bom: true }) as Record<string, string>[];
    const rev = await liveRevision(t.db);
    const db = await pageProducts(t.db, rev?.id ?? "", {}, { limit: 1000, offset: 0, sort: "district" });
    expect(rows).toHaveLength(787);
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    for (const p of db.items) {
      const r = bySlug.get(p.slug);
      expect(r?.name).toBe(p.name);
      expect(Number(r?.districtLgdCode)).toBe(p.districtLgdCode);
      expect(r?.districtName).toBeTruthy(); // the current LGD names beside the codes
      expect(r?.sector || null).toBe(p.sectorCode);
      expect(Number(r?.sourceRow)).toBe(p.sourceRow);
    }
    expect(rows.some((r) => /demo/i.test(r.name ?? ""))).toBe(false);
    const darjeeling = bySlug.get("darjeeling-tea-darjeeling");
    expect([darjeeling?.stateName, darjeeling?.districtName]).toEqual(["West Bengal", "Darjeeling"]);
  });

  it("holds no demo or generated row in any file, though the database has them", async () => {
    const demoRows = (await t.db.execute(
      sql`select (select count(*) from producers where is_demo)::int as producers, (select count(*) from users where is_demo)::int as users`,
    )) as unknown as { rows: { producers: number; users: number }[] };
    expect(demoRows.rows[0]?.producers).toBeGreaterThan(0);
    expect(demoRows.rows[0]?.users).toBeGreaterThan(0);
    for (const d of catalog.dataset)
      for (const f of d.distribution.filter((x) => x.format !== "XLSX")) {
        const text = await (await app.request(f.downloadURL)).text();
        expect(text, f.downloadURL).not.toMatch(/demo\.odophub\.invalid|\(demo\)|demo listing/i);
      }
  });

  it("gives the districts as XLSX with the same rows as the CSV, and an 'about' sheet with the licence", async () => {
    const csv = parse(await (await download("districts", "CSV")).text(), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await download("districts", "XLSX")).arrayBuffer());
    const sheet = book.getWorksheet("data");
    if (!sheet) throw new Error("no data sheet");
    expect(sheet.rowCount).toBe(csv.length + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(Object.keys(csv[0] ?? {}));
    // ExcelJS leaves empty cells out of `values`: read each column of the header instead.
    const row = (n: number) =>
      header.map((_, i) => {
        const v = sheet.getRow(n + 2).getCell(i + 1).value;
        return v === null || v === undefined ? "" : String(v);
      });
    for (const n of [0, 100, csv.length - 1]) expect(row(n)).toEqual(Object.values(csv[n] ?? {}));
    const about = JSON.stringify(book.getWorksheet("about")?.getSheetValues());
    expect(about).toContain("Government Open Data Licence");
  });

  it("gives JSON with its metadata, and the districts as GeoJSON", async () => {
    const json = (await (await download("gi-register", "JSON")).json()) as {
      meta: { licence: { name: string } };
      rows: unknown[];
    };
    expect(json.meta.licence.name).toBe("Government Open Data Licence – India");
    expect(json.rows).toHaveLength(696);
    const geo = (await (await download("districts", "GEOJSON")).json()) as {
      type: string;
      features: unknown[];
    };
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(718);
  });

  it("answers 304 for a file the client has, and 404 for one that does not exist", async () => {
    const res = await download("sectors", "CSV");
    const etag = res.headers.get("etag") as string;
    const url = catalog.dataset.find((d) => d.identifier === "sectors")?.distribution[0]
      ?.downloadURL as string;
    expect((await app.request(url, { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await app.request(url.replace("sectors.csv", "secrets.csv"))).status).toBe(404);
  });

  it("shows the datasets on the open-data page in both languages", async () => {
    const en = await (await app.request("http://odop.example/open-data")).text();
    expect(en).toContain("Government Open Data Licence – India");
    expect(en).toContain("district-exports-2024-25.xlsx");
    const hi = await (await app.request("http://odop.example/open-data?lang=hi")).text();
    expect(hi).toContain("मुक्त आँकड़े");
    expect(hi).toContain("हर ज़िला: एलजीडी और जनगणना कोड");
  });
});
