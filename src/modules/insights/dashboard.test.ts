import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { parse } from "csv-parse/sync";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { person, signedIn } from "../../../test/support/people";
import { createApp } from "../../app";
import { seedDemoWorkflows } from "../../demo";
import { DirectoryFileStore } from "../../platform/file-store";
import { createLogger } from "../../platform/logger";
import { fyOf, fyPeriod } from "./periods";

type Scope = { state?: number; district?: number };
const varanasi = { state: 9, district: 187 };

/**
 * Every figure of the dashboards, computed again here from the workflows' rows in SQL written for the test (a
 * month is tested as a range of instants in India's time, not as the job's text month), and compared with the CSV
 * the dashboard gives, for the nation, a State and a district, for everything on record and the current year.
 */
describe("the dashboards' figures", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let producerNames: string[];
  const one = async (q: SQL) =>
    Number(((await t.db.execute(q)) as unknown as { rows: { n: unknown }[] }).rows[0]?.n ?? 0);

  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    const store = new DirectoryFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "odop-dash-")));
    await seedDemoWorkflows(t.db, {
      password: "demo-password-2026",
      store,
      escalateAfterDays: 15,
      origin: "http://localhost",
    });
    app = createApp({ database: t, logger: createLogger("silent") });
    producerNames = (
      (await t.db.execute(sql`select name from producers`)) as unknown as { rows: { name: string }[] }
    ).rows.map((r) => r.name);
  }, 120_000);
  afterAll(() => t.dispose());

  /** The dashboard's CSV, as item → value per chart. */
  async function csvOf(scope: Scope, period: string, demo: boolean) {
    const q = new URLSearchParams({
      period,
      ...(scope.state ? { state: String(scope.state) } : {}),
      ...(scope.district ? { district: String(scope.district) } : {}),
      ...(demo ? { demo: "1" } : {}),
    });
    const res = await app.request(`/dashboard.csv?${q}`);
    expect(res.status).toBe(200);
    const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<
      string,
      string
    >[];
    return (chart: string, item: string) => {
      const row = rows.find((r) => r.chart === chart && r.item === item);
      if (!row) throw new Error(`no ${chart}/${item} in the CSV`);
      return row.value === "" ? null : Number(row.value);
    };
  }

  /** The expected figures, each one SQL query over the rows. */
  function expected(scope: Scope, range: { from: string; to: string } | null, demo: boolean) {
    const place = (alias: string) =>
      sql.raw(
        [
          scope.state ? `${alias}.state_lgd_code = ${scope.state}` : "true",
          scope.district ? `${alias}.district_lgd_code = ${scope.district}` : "true",
        ].join(" and "),
      );
    const when = (column: string) =>
      range
        ? sql.raw(
            `(${column} >= timestamp '${range.from}-01' at time zone 'Asia/Kolkata' and ${column} < (timestamp '${range.to}-01' + interval '1 month') at time zone 'Asia/Kolkata')`,
          )
        : sql.raw(`${column} is not null`);
    const real = (alias: string) => sql.raw(demo ? "true" : `not ${alias}.is_demo`);
    return {
      // A district has its products or not: the chart of districts with and without is drawn above it only.
      ...(scope.district
        ? {}
        : {
            "coverage/with": sql`select count(distinct p.district_lgd_code) as n from products p
              join list_revisions r on r.id = p.revision_id and r.is_live where ${place("p")}`,
          }),
      "facts/products": sql`select count(*) as n from products p
        join list_revisions r on r.id = p.revision_id and r.is_live where ${place("p")}`,
      "committees/depc": sql`select count(*) as n from committees c where c.kind = 'depc' and ${place("c")} and ${real("c")}`,
      "committees/meetings_depc": sql`select count(*) as n from committee_meetings m join committees c on c.id = m.committee_id
        where c.kind = 'depc' and m.state in ('held', 'minutes_published') and ${when("m.starts_at")} and ${place("c")} and ${real("m")}`,
      "plans/in_implementation": sql`select count(*) as n from export_plans p where p.state = 'in_implementation' and ${place("p")} and ${real("p")}`,
      "plans/draft": sql`select count(*) as n from export_plans p where p.state = 'draft' and ${place("p")} and ${real("p")}`,
      "facts/plans_adopted": sql`select count(*) as n from export_plans p where ${when("p.adopted_at")} and ${place("p")} and ${real("p")}`,
      "bottlenecks_flow/raised": sql`select count(*) as n from bottlenecks b where ${when("b.created_at")} and ${place("b")} and ${real("b")}`,
      "bottlenecks_flow/resolved": sql`select count(*) as n from bottlenecks b where b.status = 'resolved' and ${when("b.resolved_at")} and ${place("b")} and ${real("b")}`,
      "open_by_category/packaging": sql`select count(*) as n from bottlenecks b where b.status <> 'resolved' and b.category = 'packaging' and ${place("b")} and ${real("b")}`,
      "open_by_age/0-30": sql`select count(*) as n from bottlenecks b where b.status <> 'resolved' and b.created_at > now() - interval '30 days' and ${place("b")} and ${real("b")}`,
      "open_by_queue/at_state": sql`select count(*) as n from bottlenecks b where b.status = 'at_state' and ${place("b")} and ${real("b")}`,
      "facts/open": sql`select count(*) as n from bottlenecks b where b.status <> 'resolved' and ${place("b")} and ${real("b")}`,
      "producers/verified": sql`select count(*) as n from producers p where p.status = 'verified' and ${place("p")} and ${real("p")}`,
      "producers/pending": sql`select count(*) as n from producers p where p.status = 'pending' and ${place("p")} and ${real("p")}`,
      "facts/registered": sql`select count(*) as n from producers p where ${when("p.created_at")} and ${place("p")} and ${real("p")}`,
      "facts/listings": sql`select count(*) as n from listings l where l.state = 'published' and ${place("l")} and ${real("l")}`,
      "funnel/rfqs": sql`select count(distinct (r.id, s.district_lgd_code)) as n from rfqs r join rfq_responses s on s.rfq_id = r.id
        where ${when("r.created_at")} and ${place("s")} and ${real("r")}`,
      "funnel/quotes": sql`select count(*) as n from rfq_responses s join rfqs r on r.id = s.rfq_id
        where ${when("s.first_quoted_at")} and ${place("s")} and ${real("r")}`,
      "funnel/orders": sql`select count(*) as n from orders o where ${when("o.created_at")} and ${place("o")} and ${real("o")}`,
      "facts/order_value": sql`select coalesce(sum(o.quantity * o.price_inr), 0) as n from orders o
        where o.state <> 'cancelled' and ${when("o.created_at")} and ${place("o")} and ${real("o")}`,
      "events/exhibition": sql`select count(*) as n from events e where e.kind = 'exhibition' and e.state = 'published'
        and e.starts_at <= now() and ${when("e.starts_at")} and ${place("e")} and ${real("e")}`,
      "facts/leads": sql`select coalesce(sum(e.leads), 0) as n from events e where e.state = 'published'
        and e.starts_at <= now() and ${when("e.starts_at")} and ${place("e")} and ${real("e")}`,
      "facts/exports": sql`select coalesce(sum(e.export_inr), 0) as n from district_exports e
        where e.fiscal_year = '2024-25' and e.state_lgd_code is not null and ${place("e")}`,
    } satisfies Record<string, SQL>;
  }

  const fy = fyPeriod(fyOf(new Date()));
  for (const [name, scope] of [
    ["the nation", {}],
    ["a State", { state: varanasi.state }],
    ["a district", varanasi],
  ] as const)
    for (const demo of [true, false])
      for (const period of ["all", fy.key])
        it(`match the rows for ${name}, ${period}, ${demo ? "with" : "without"} demo rows`, async () => {
          const got = await csvOf(scope, period, demo);
          const want = expected(
            scope,
            period === "all" ? null : { from: fy.from ?? "", to: fy.to ?? "" },
            demo,
          );
          let nonZero = 0;
          for (const [k, q] of Object.entries(want)) {
            const [chart = "", item = ""] = k.split("/");
            const value = await one(q);
            if (value !== 0) nonZero++;
            expect({ figure: k, value: got(chart, item) }).toEqual({
              figure: k,
              value: Math.round(value * 100) / 100,
            });
          }
          // The demo rows make the workflows' figures non-zero: the comparison is not of zeros only.
          expect(nonZero).toBeGreaterThanOrEqual(demo ? 15 : 2);
        });

  it("shows the same figures on the page, the API and in both languages, never a producer's name", async () => {
    for (const path of ["/dashboard", "/states/9/dashboard", "/districts/187/dashboard"])
      for (const lang of ["en", "hi"]) {
        const res = await app.request(`${path}?period=all&demo=1${lang === "hi" ? "&lang=hi" : ""}`);
        expect(res.status).toBe(200);
        const html = await res.text();
        // What is sent: pages go out gzipped (the national map's paths are most of the national page).
        expect(zlib.gzipSync(html).length).toBeLessThan(150_000);
        for (const name of producerNames) expect(html).not.toContain(name);
        if (lang === "hi") expect(html).toContain("डैशबोर्ड");
      }
    const api = (await (await app.request("/api/v1/insights/dashboard?district=187&period=all")).json()) as {
      sections: { id: string; facts: { id: string; value: number }[] }[];
    };
    for (const name of producerNames) expect(JSON.stringify(api)).not.toContain(name);
    const coverage = api.sections.find((s) => s.id === "coverage")?.facts.find((f) => f.id === "products");
    expect(coverage?.value).toBe(
      await one(sql`select count(*) as n from products p join list_revisions r
      on r.id = p.revision_id and r.is_live where p.district_lgd_code = 187`),
    );
  });

  it("refuses a bad period or place, naming the field", async () => {
    expect((await app.request("/dashboard?period=2026-28")).status).toBe(400);
    // A code out of any range is a 400 naming it, never a database error (found by the fuzz test).
    expect((await app.request("/dashboard?district=-2147483649")).status).toBe(400);
    expect((await app.request("/dashboard.csv?state=99999999999&period=all")).status).toBe(400);
    expect((await app.request("/api/v1/insights/dashboard?period=2026")).status).toBe(400);
    const unknown = await app.request("/api/v1/insights/dashboard?state=999999");
    expect(unknown.status).toBe(404);
    expect((await app.request("/dashboard.csv?period=all&chart=nothing")).status).toBe(400);
  });

  it("shows figures that name producers only to the officers of the place", async () => {
    const anonymous = await app.request("/dashboard/producers?district=187&period=all&demo=1");
    expect([302, 303, 401]).toContain(anonymous.status);
    const districtOfficer = await signedIn(
      app,
      (await person(t.db, "district_officer", { stateLgdCode: 9, districtLgdCode: 187 })).email,
    );
    const own = await districtOfficer.get("/dashboard/producers?district=187&period=all&demo=1");
    expect(own.status).toBe(200);
    const ordered = (
      (await t.db.execute(sql`select distinct p.name from orders o join producers p on p.id = o.producer_id
      where o.district_lgd_code = 187 and o.state <> 'cancelled'`)) as unknown as { rows: { name: string }[] }
    ).rows;
    expect(ordered.length).toBeGreaterThan(0);
    const page = await own.text();
    const escaped = (s: string) =>
      s
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
    for (const r of ordered) expect(page).toContain(escaped(r.name));
    expect((await districtOfficer.get("/dashboard/producers?district=188&period=all")).status).toBe(403);
    expect((await districtOfficer.get("/dashboard/producers?state=9&period=all")).status).toBe(403);
    expect((await districtOfficer.get("/dashboard/producers?period=all")).status).toBe(403);
    const stateOfficer = await signedIn(
      app,
      (await person(t.db, "state_officer", { stateLgdCode: 9, districtLgdCode: null })).email,
    );
    expect((await stateOfficer.get("/dashboard/producers?state=9&period=all&demo=1")).status).toBe(200);
    expect((await stateOfficer.get("/dashboard/producers?district=187&period=all")).status).toBe(200);
    expect((await stateOfficer.get("/dashboard/producers?state=29&period=all")).status).toBe(403);
    const admin = await signedIn(app, (await person(t.db, "national_admin")).email);
    expect((await admin.get("/dashboard/producers?period=all&demo=1")).status).toBe(200);
  });
});
