import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { readCsv } from "../../platform/csv";
import { allRevisions, importOdopList, liveRevision, productsOfDistricts, revisionById } from ".";

const header = "State,District,Product,Category,Sector,Description,GI Status";
const meta = { titleEn: "Full official list", source: "DPIIT", publishedAt: "2026-10-01" };
let dir: string;

function csv(name: string, rows: string[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, [header, ...rows].join("\n"));
  return readCsv(file);
}

describe("importing a national ODOP list as a new revision", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-list-"));
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("rejects the whole file, listing every bad row, and changes nothing", async () => {
    const before = await allRevisions(t.db);
    const report = await importOdopList(
      t.db,
      csv("bad.csv", [
        "Maharashtra,Ahmednagar,Jaggery,Primary,,,",
        "Karnataka,Atlantis,Gold,Primary,,,",
        "Narnia,Somewhere,Gold,Primary,,,",
        "Maharashtra,Ahilyanagar,jaggery,Secondary,,,",
        "Karnataka,Mysuru,,Primary,,,",
        "Karnataka,Mysuru,Silk,Fourth,,,",
        "Karnataka,Mysuru,Incense,Primary,Perfumery,,",
      ]),
      meta,
    );
    expect(report.outcome).toBe("rejected");
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual(
      expect.arrayContaining([
        [3, "District"],
        [4, "State"],
        [5, "Product"],
        [6, "Product"],
        [7, "Category"],
        [8, "Sector"],
      ]),
    );
    expect(report.rejected).toHaveLength(6);
    expect(report.rejected.find((r) => r.line === 5)?.reason).toContain("duplicate of line 2");
    expect(await allRevisions(t.db)).toEqual(before);
  });

  it("places districts by former names and source spellings, and goes live", async () => {
    const old = await liveRevision(t.db);
    const report = await importOdopList(
      t.db,
      csv("good.csv", [
        "Maharashtra,Ahmednagar,Sugar and Jaggery,Primary,Food processing,,",
        "Karnataka,Ramanagara,Channapatna Toys and Dolls,Primary,,Lacquered wooden toys,GI Tagged",
        "Karnataka,Bellary,Denim jeans,Secondary,,,",
        "Assam,Karimganj,Areca leaf plates,Primary,,,",
      ]),
      meta,
    );
    expect(report.rejected).toEqual([]);
    expect(report.outcome).toBe("imported");
    expect(report.rowsPlaced).toBe(4);
    const live = await liveRevision(t.db);
    expect(live?.id).toBe("full-official-list-2026-10-01");
    // The earlier revision stays readable.
    expect(old && (await revisionById(t.db, old.id))?.isLive).toBe(false);
    expect((await allRevisions(t.db)).filter((r) => r.isLive)).toHaveLength(1);
    const channapatna = (
      await productsOfDistricts(t.db, live?.id ?? "", [await codeOf(t, "Bengaluru South")])
    )[0];
    expect(channapatna).toMatchObject({ name: "Channapatna Toys and Dolls", sectorSetBy: "keyword_rule" });
    const jaggery = (await productsOfDistricts(t.db, live?.id ?? "", [await codeOf(t, "Ahilyanagar")]))[0];
    expect(jaggery).toMatchObject({ sectorCode: "food_processing", sectorSetBy: "source" });
  });

  it("changes nothing when the same file comes again", async () => {
    const before = await allRevisions(t.db);
    const report = await importOdopList(t.db, readCsv(path.join(dir, "good.csv")), {
      ...meta,
      titleEn: "Again",
    });
    expect(report.outcome).toBe("unchanged");
    expect(await allRevisions(t.db)).toEqual(before);
  });

  it("refuses a file that is not an ODOP list, naming the columns it needs", async () => {
    const file = path.join(dir, "other.csv");
    fs.writeFileSync(file, "a,b\n1,2\n");
    const report = await importOdopList(t.db, readCsv(file), meta);
    expect(report.outcome).toBe("rejected");
    expect(report.rejected[0]?.reason).toContain("State, District, Product, Category");
  });

  it("refuses bad revision details, naming the field", async () => {
    const report = await importOdopList(t.db, csv("dated.csv", ["Karnataka,Mysuru,Silk,Primary,,,"]), {
      ...meta,
      publishedAt: "2026-13-40",
    });
    expect(report.outcome).toBe("rejected");
    expect(report.rejected[0]?.field).toBe("publishedAt");
  });
});

async function codeOf(t: TestDatabase, name: string): Promise<number> {
  const { findDistrictsByName } = await import("../geo");
  const [d] = await findDistrictsByName(t.db, name);
  return d?.lgdCode ?? -1;
}
