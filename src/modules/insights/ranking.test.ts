import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { person, signedIn } from "../../../test/support/people";
import { createApp } from "../../app";
import { seedDemoWorkflows } from "../../demo";
import { buildAllOpenData } from "../../open-data-sources";
import { DirectoryFileStore } from "../../platform/file-store";
import { createLogger } from "../../platform/logger";
import { refreshInsights } from "./commands/refresh";
import { fyOf } from "./periods";
import { type DistrictIndicators, defaultWeights, indicators, rankDistricts, type Weights } from "./ranking";

const zero = Object.fromEntries(indicators.map((i) => [i.id, 0])) as DistrictIndicators["values"];
const district = (d: number, state: number, values: Partial<DistrictIndicators["values"]>) => ({
  district: d,
  state,
  values: { ...zero, ...values },
});

describe("the ranking's arithmetic", () => {
  it("scores percentages as they are and counts on a log scale against the largest", () => {
    const [a, b] = rankDistricts(
      [
        district(1, 10, { exports: 1_000_000, plan_adopted: 100 }),
        district(2, 10, { exports: 999, plan_adopted: 0 }),
      ],
      { ...zero, exports: 1, plan_adopted: 1 },
    );
    expect(a?.indicators.exports.score).toBe(100);
    // ln(1000) / ln(1000001) = 0.4999…: half the largest's score for a thousandth of its exports.
    expect(b?.indicators.exports.score).toBeCloseTo(50, 1);
    expect(a?.indicators.plan_adopted.score).toBe(100);
    expect(a?.score).toBe(100);
    expect(b?.score).toBeCloseTo(25, 1);
  });

  it("weighs by the weights, leaves out an indicator of weight 0, and shares ranks on equal scores", () => {
    const rows = [
      district(1, 10, { plan_adopted: 100 }),
      district(2, 20, { actions_on_time: 100 }),
      district(3, 20, { actions_on_time: 100 }),
      district(4, 10, {}),
    ];
    const onlyPlans = rankDistricts(rows, { ...zero, plan_adopted: 5 } as Weights);
    expect(onlyPlans.map((r) => [r.district, r.nationalRank, r.stateRank])).toEqual([
      [1, 1, 1],
      [2, 2, 1],
      [3, 2, 1],
      [4, 2, 2],
    ]);
    const both = rankDistricts(rows, { ...zero, plan_adopted: 1, actions_on_time: 3 } as Weights);
    expect(both.map((r) => [r.district, r.score, r.nationalRank])).toEqual([
      [2, 75, 1],
      [3, 75, 1],
      [1, 25, 3],
      [4, 0, 4],
    ]);
  });

  it("has a documented indicator for every default weight, in both languages", () => {
    for (const i of indicators) {
      expect(defaultWeights[i.id]).toBeGreaterThan(0);
      expect(i.en.what.length).toBeGreaterThan(20);
      expect(i.hi.what).toMatch(/[\u0900-\u097F]/);
    }
  });
});

describe("the District Export Ranking Index", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const year = fyOf(new Date());
  const one = async (q: ReturnType<typeof sql>) =>
    Number(((await t.db.execute(q)) as unknown as { rows: { n: unknown }[] }).rows[0]?.n ?? 0);

  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    const store = new DirectoryFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "odop-rank-")));
    await seedDemoWorkflows(t.db, {
      password: "demo-password-2026",
      store,
      escalateAfterDays: 15,
      origin: "http://localhost",
    });
    // The ranking counts real work only: the demo district's rows are taken as real here, so that it has some.
    for (const table of ["export_plans", "bottlenecks", "producers", "orders", "rfqs"])
      await t.db.execute(sql.raw(`update ${table} set is_demo = false`));
    await refreshInsights(t.db);
    app = createApp({ database: t, logger: createLogger("silent") });
  }, 120_000);
  afterAll(() => t.dispose());

  type Item = Record<string, number | string>;
  const items = async (q = "") => {
    const res = await app.request(`/api/v1/insights/ranking/${year}?limit=1000${q}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { total: number; items: Item[] }).items;
  };

  it("ranks every current district, with the indicator values computed from the rows", async () => {
    const all = await items();
    expect(all).toHaveLength(await one(sql`select count(*) as n from districts where in_current_lgd`));
    const v = all.find((r) => r.districtLgdCode === 187) as Item;
    expect(v.status).toBe("provisional");
    expect(v.plan_adoptedValue).toBe(
      (await one(sql`select count(*) as n from export_plans where district_lgd_code = 187
        and state in ('adopted', 'in_implementation')`)) > 0
        ? 100
        : 0,
    );
    expect(v.producers_verifiedValue).toBe(
      await one(
        sql`select count(*) as n from producers where district_lgd_code = 187 and status = 'verified'`,
      ),
    );
    expect(v.exportsValue).toBe(
      await one(sql`select coalesce(sum(export_inr), 0) as n from district_exports where district_lgd_code = 187
        and fiscal_year = (select max(fiscal_year) from district_exports)`),
    );
    const open = await one(
      sql`select count(*) as n from bottlenecks where district_lgd_code = 187 and status <> 'resolved'`,
    );
    const resolved =
      await one(sql`select count(*) as n from bottlenecks where district_lgd_code = 187 and status = 'resolved'
      and resolved_at >= make_timestamptz(${year}, 4, 1, 0, 0, 0, 'Asia/Kolkata')`);
    expect(v.bottlenecks_resolvedValue).toBeCloseTo(
      resolved + open > 0 ? (100 * resolved) / (resolved + open) : 0,
      6,
    );
    // Ranks run from 1, best first; within the State too.
    expect(all[0]?.nationalRank).toBe(1);
    const up = await items("&state=9");
    expect(up.every((r) => r.stateLgdCode === 9)).toBe(true);
    expect(up[0]?.stateRank).toBe(1);
    expect(up.map((r) => r.stateRank)).toEqual(
      [...up.map((r) => r.stateRank)].sort((a, b) => Number(a) - Number(b)),
    );
  });

  it("lets only the administrator set weights (409 on a stale form) and publish a year, fixed from then on", async () => {
    const officer = await signedIn(
      app,
      (await person(t.db, "state_officer", { stateLgdCode: 9, districtLgdCode: null })).email,
    );
    expect((await officer.get("/admin/ranking")).status).toBe(403);
    const admin = await signedIn(app, (await person(t.db, "national_admin")).email);
    const page = await (await admin.get("/admin/ranking")).text();
    expect(page).toContain("Exports");
    const weights = Object.fromEntries(indicators.map((i) => [i.id, String(defaultWeights[i.id])]));

    const bad = await admin.post("/admin/ranking/weights", { ...weights, exports: "150", version: "0" });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain("Enter a whole number from 0 to 100");
    expect(badPage).toContain('value="150"'); // what was entered is kept
    const saved = await admin.post("/admin/ranking/weights", {
      ...weights,
      exports: "0",
      plan_adopted: "50",
      version: "0",
    });
    expect(saved.status).toBe(303);
    const stale = await admin.post("/admin/ranking/weights", { ...weights, version: "0" });
    expect(stale.status).toBe(409);
    expect(await one(sql`select weight as n from ranking_weights where indicator = 'exports'`)).toBe(0);
    expect(await one(sql`select count(*) as n from audit_log where action = 'ranking.weights'`)).toBe(1);

    const before = await items();
    expect((await admin.get(`/admin/ranking/publish?year=${year}`)).status).toBe(200);
    expect((await admin.post("/admin/ranking/publish", { year: String(year) })).status).toBe(303);
    const published = await items();
    expect(published.every((r) => r.status === "published")).toBe(true);
    expect(published.map((r) => [r.districtLgdCode, r.score])).toEqual(
      before.map((r) => [r.districtLgdCode, r.score]),
    );
    // A second publication changes nothing; the database refuses any edit of a published ranking.
    expect((await admin.post("/admin/ranking/publish", { year: String(year) })).status).toBe(409);
    const edit = await t.db
      .execute(sql`update ranking_rows set score = 0 where year = ${year}`)
      .catch((e: Error) => e);
    expect(String((edit as Error & { cause?: Error }).cause?.message)).toMatch(/fixed once published/);
    // New weights change the provisional ranking of another year, never the published one.
    await admin.post("/admin/ranking/weights", {
      ...weights,
      exports: "100",
      plan_adopted: "0",
      version: "1",
    });
    expect((await items()).map((r) => r.score)).toEqual(published.map((r) => r.score));
    // The published year is open data; a provisional one is not.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-rank-open-"));
    await buildAllOpenData(t.db, dir);
    const file = (fs.readdirSync(dir, { recursive: true }) as string[]).find((f) =>
      /district-export-ranking.*\.csv$/.test(f),
    );
    const csv = fs.readFileSync(path.join(dir, file ?? "missing"), "utf8");
    expect(csv.trim().split("\n")).toHaveLength(published.length + 1);
    expect(csv).toContain("exportsValue,exportsScore");
    const method = await (await app.request("/ranking/method")).text();
    expect(method).toContain(`Weights of FY ${year}-${String((year + 1) % 100).padStart(2, "0")}`);
    for (const lang of ["", "?lang=hi"]) {
      const html = await (await app.request(`/ranking/${year}${lang}`)).text();
      expect(html).toContain(lang ? "ज़िला निर्यात रैंकिंग सूचकांक" : "District Export Ranking Index");
      expect(html).toContain("/districts/187/dashboard");
    }
  });
});
