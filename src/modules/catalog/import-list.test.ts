import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { person } from "../../../test/support/people";
import { readCsv } from "../../platform/csv";
import { listFromBuffer } from "../../platform/spreadsheet";
import { type Actor, actorOf } from "../accounts";
import { allRevisions, importOdopList, liveRevision, productsOfDistricts, revisionById } from ".";

type Row = Record<string, unknown>;
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
  let admin: Actor;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    const a = await person(t.db, "national_admin");
    admin = (await actorOf(t.db, a.userId, { requestId: "cli:import", ip: null })) as Actor;
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
      admin,
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
      admin,
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
    // Audited as the named administrator, from the command line: the upload, then the publication.
    const audit = (await t.db.execute(
      sql`select action, actor_email, role, request_id from audit_log where entity_type = 'list_revision' order by id`,
    )) as unknown as { rows: Row[] };
    expect(audit.rows).toEqual([
      {
        action: "revision.upload",
        actor_email: admin.email,
        role: "national_admin",
        request_id: "cli:import",
      },
      {
        action: "revision.publish",
        actor_email: admin.email,
        role: "national_admin",
        request_id: "cli:import",
      },
    ]);
  });

  it("reads an XLSX list as it reads the same list in CSV", async () => {
    const rows = [
      ["State", "District", "Product", "Category", "Sector", "Description", "GI Status"],
      ["Karnataka", "Mysuru", "Mysore Silk", "Primary", "", "", "GI Tagged"],
      ["Kerala", "Alappuzha", "Coir products", "Primary", "", "", ""],
    ];
    const book = new ExcelJS.Workbook();
    book.addWorksheet("ODOP").addRows(rows);
    const xlsx = await listFromBuffer("list.xlsx", Buffer.from(await book.xlsx.writeBuffer()));
    const fromCsv = csv(
      "same.csv",
      rows.slice(1).map((r) => r.join(",")),
    );
    expect(xlsx.header).toEqual(fromCsv.header);
    expect(xlsx.records).toEqual(fromCsv.records);
    await expect(listFromBuffer("broken.xlsx", Buffer.from("PK\x03\x04 not a zip"))).rejects.toThrow(
      "broken.xlsx",
    );
  });

  it("refuses anyone but the national administrator, and changes nothing", async () => {
    const before = await allRevisions(t.db);
    const officer = await person(t.db, "state_officer", { stateLgdCode: 29, districtLgdCode: null });
    const actor = await actorOf(t.db, officer.userId, { requestId: null, ip: null });
    await expect(
      importOdopList(t.db, actor, csv("officer.csv", ["Karnataka,Mysuru,Silk,Primary,,,"]), meta),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await allRevisions(t.db)).toEqual(before);
  });

  it("changes nothing when the same file comes again", async () => {
    const before = await allRevisions(t.db);
    const report = await importOdopList(t.db, admin, readCsv(path.join(dir, "good.csv")), {
      ...meta,
      titleEn: "Again",
    });
    expect(report.outcome).toBe("unchanged");
    expect(await allRevisions(t.db)).toEqual(before);
  });

  it("refuses a file that is not an ODOP list, naming the columns it needs", async () => {
    const file = path.join(dir, "other.csv");
    fs.writeFileSync(file, "a,b\n1,2\n");
    const report = await importOdopList(t.db, admin, readCsv(file), meta);
    expect(report.outcome).toBe("rejected");
    expect(report.rejected.map((r) => r.reason).join("\n")).toContain("State, District, Product, Category");
  });

  it("refuses bad revision details, naming the field", async () => {
    const report = await importOdopList(t.db, admin, csv("dated.csv", ["Karnataka,Mysuru,Silk,Primary,,,"]), {
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
