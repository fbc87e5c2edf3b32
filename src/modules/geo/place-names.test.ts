import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { createApp } from "../../app";
import { newReport } from "../../platform/import-report";
import { createLogger } from "../../platform/logger";
import { refreshSearchVocabulary } from "../catalog";
import { districtAliasesOf, importPlaceNames, stateAliasesOf } from ".";

describe("the names places went by", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
  });
  afterAll(() => t.dispose());

  it("are loaded with the seed, each with its kind and source", async () => {
    const mumbai = await districtAliasesOf(t.db, 482);
    expect(mumbai).toContainEqual({
      alias: "Bombay",
      kind: "former",
      source: "https://en.wikipedia.org/wiki/Renaming_of_cities_in_India",
    });
    expect((await stateAliasesOf(t.db, 21)).map((a) => a.alias)).toEqual(["Orissa"]);
  });

  it("are shown on the district's and the State's pages, in both languages", async () => {
    const app = createApp({ database: t, logger: createLogger("silent") });
    const district = await (await app.request("/districts/482")).text();
    expect(district).toMatch(/<span lang="en">Bombay<\/span> <span class="muted">\(former name/);
    const state = await (await app.request("/states/21?lang=hi")).text();
    expect(state).toContain("Orissa");
    expect(state).toContain("पूर्व नाम");
  });

  it("refuses a file whose row names a code that is not that place, and changes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "place-names-"));
    const file = path.join(dir, "place-names.csv");
    fs.writeFileSync(
      file,
      "name,level,lgd_code,today,kind,source\n" +
        "Bombay,district,482,Mumbai,former,https://example.org/a\n" +
        "Madras,district,482,Chennai,former,https://example.org/b\n" +
        "Nowhere,state,999,Atlantis,former,https://example.org/c\n",
    );
    const report = newReport("test");
    await expect(
      t.db.transaction(async (tx) => {
        await importPlaceNames(tx, report, file);
        if (report.rejected.length) throw new Error("rejected");
      }),
    ).rejects.toThrow("rejected");
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([
      [3, "today"],
      [4, "today"],
    ]);
    expect(report.rejected[0]?.reason).toContain('LGD district 482 is "Mumbai", not "Chennai"');
    expect((await districtAliasesOf(t.db, 568)).map((a) => a.alias)).toContain("Madras");
  });

  it("are loaded again only when the vocabulary files change", async () => {
    expect(await refreshSearchVocabulary(t.db)).toBeNull();
  });
});
