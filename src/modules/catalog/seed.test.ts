import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, seedDir, type TestDatabase } from "../../../test/support/database";
import { ImportRejectedError, type ImportReport } from "../../platform/import-report";
import * as geo from "../geo";
import { nationalStats } from "../insights";
import { exportTotals, importSeed, lastImportRun, liveRevision, productsOfDistricts } from ".";

describe("the seed import on the real data", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
  });
  afterAll(() => t.dispose());

  it("reproduces the registry's figures", async () => {
    const stats = await nationalStats(t.db);
    expect(stats).toMatchObject({
      states: 36,
      districts: 784,
      products: 787,
      districtsWithProducts: 773,
      giRegistrations: 696,
      revision: { id: "dpiit-2026-04-primary", publishedAt: "2026-04-01" },
    });
    expect(await geo.countPlaces(t.db)).toEqual({ states: 36, districts: 784, formerOnly: 3 });
  });

  it("keeps every export row, so the total is India's US$437.7 billion", async () => {
    const totals = await exportTotals(t.db);
    expect(totals.rows).toBe(8702);
    expect(Math.round(totals.usd / 1e8) / 10).toBe(437.7);
    expect(totals.joinedUsd).toBeLessThan(totals.usd);
  });

  it.each([
    ["Ahmednagar", "Ahilyanagar"],
    ["Ramanagara", "Bengaluru South"],
    ["Karimganj", "Sribhumi"],
    ["Osmanabad", "Dharashiv"],
    ["Cuttack", "Kataka"],
    ["Hoshangabad", "Narmadapuram"],
  ])("finds a district by its former name %s", async (former, current) => {
    const found = await geo.findDistrictsByName(t.db, former);
    expect(found.map((d) => d.nameEn)).toContain(current);
  });

  it("keeps the Dec-2022 districts the ODOP list names (Shahdara, Mahe, Yanam)", async () => {
    const rev = await liveRevision(t.db);
    for (const name of ["Shahdara", "Mahe", "Yanam"]) {
      const [d] = await geo.findDistrictsByName(t.db, name);
      expect(d?.inCurrentLgd).toBe(false);
      const products = await productsOfDistricts(t.db, rev?.id ?? "", [d?.lgdCode ?? 0]);
      expect(products.length).toBeGreaterThan(0);
    }
  });

  it("gives Hindi names from the package, but never a former name's Hindi to a renamed district", async () => {
    const [karnataka] = (await geo.listStates(t.db)).filter((s) => s.nameEn === "Karnataka");
    expect(karnataka?.nameHi).toBe("कर्नाटक");
    for (const renamed of ["Sribhumi", "Ahilyanagar", "Dharashiv", "Narmadapuram", "Bengaluru South"]) {
      const [d] = await geo.findDistrictsByName(t.db, renamed);
      expect(d?.nameHi, renamed).toBeNull();
    }
    const [kataka] = await geo.findDistrictsByName(t.db, "Kataka");
    expect(kataka?.nameHi).toMatch(/[\u0900-\u097F]/);
    expect(kataka?.nameHiSource).toContain("@coffeebeanslabs/country_state_district");
  });

  it("changes nothing when run a second time", async () => {
    const before = await nationalStats(t.db);
    const report = await importSeed(t.db, seedDir);
    expect(report.outcome).toBe("unchanged");
    expect(await nationalStats(t.db)).toEqual(before);
  });
});

describe("a seed folder with one bad row", () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-seed-"));
    for (const f of fs.readdirSync(seedDir)) fs.copyFileSync(path.join(seedDir, f), path.join(dir, f));
    // Break the last ODOP row: a district code that no State has.
    const file = path.join(dir, "odop_dpiit_primary_products_by_district.csv");
    fs.chmodSync(file, 0o644);
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
    const cells = (lines.at(-1) as string).split(",");
    cells[7] = "999999";
    lines[lines.length - 1] = cells.join(",");
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is rejected whole, names the row and the field, and leaves the database empty", async () => {
    const err = await importSeed(t.db, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejectedError);
    const report = (err as ImportRejectedError).report;
    expect(report.outcome).toBe("rejected");
    expect(report.rejected).toEqual([
      expect.objectContaining({
        line: 788,
        field: "lgd_district_code",
        file: "odop_dpiit_primary_products_by_district.csv",
      }),
    ]);
    expect(await nationalStats(t.db)).toMatchObject({
      states: 0,
      districts: 0,
      products: 0,
      giRegistrations: 0,
    });
  });
});

describe("the seed report", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
  });
  afterAll(() => t.dispose());

  it("is saved with every join between sources and what did not join", async () => {
    const run = await lastImportRun(t.db, "seed");
    const report = run?.report as ImportReport;
    expect(report.rowsRead).toBe(12352);
    expect(report.rejected).toEqual([]);
    const join = (prefix: string) => report.joins.find((j) => j.name.startsWith(prefix));
    expect(join("ODOP list")).toMatchObject({ total: 787, matched: 787 });
    expect(join("boundaries")).toMatchObject({ total: 723, matched: 718 });
    expect(join("boundaries")?.unmatched).toContain("Muzaffarabad (Jammu and Kashmir)");
    expect(join("district exports")).toMatchObject({ total: 697, matched: 675 });
    expect(join("district exports")?.unmatched).toContain("SOUTH (HARYANA)");
    expect(join("Hindi names: States")).toMatchObject({ total: 37, matched: 37 });
    expect(join("Hindi names: districts")?.unmatched).toContain(
      "Karimganj (a former name of Sribhumi: Hindi not used)",
    );
  });
});
