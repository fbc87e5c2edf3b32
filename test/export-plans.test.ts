import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { type Actor, actorOf } from "../src/modules/accounts";
import { createPlan } from "../src/modules/planning/commands/plans";
import { createLogger } from "../src/platform/logger";
import { inLucknow, inVaranasi, UP } from "./support/actors";
import { freshDatabase, type TestDatabase } from "./support/database";
import { depcDecision } from "./support/depc";
import { person, signedIn } from "./support/people";
import type { Visitor } from "./support/visitor";

type Row = Record<string, unknown>;

describe("a district's export action plan: drafted, circulated, commented, adopted, revised", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let officer: Visitor;
  let memberEmail: string;
  let member: Visitor;
  let decisionId: number;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const fresh = () => createApp({ database: t, logger: createLogger("silent") });
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;

  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
    const o = await person(t.db, "district_officer", inVaranasi);
    officer = await signedIn(app, o.email);
    const actor = (await actorOf(t.db, o.userId, { requestId: null, ip: null })) as Actor;
    const m = await person(t.db);
    memberEmail = m.email;
    member = await signedIn(app, m.email);
    // The DEPC, a member with an account, and a meeting whose published minutes adopt the plan.
    decisionId = await depcDecision(t.db, actor, { memberEmail: m.email });
  });
  afterAll(() => t.dispose());

  it("goes from draft to adopted and public, with comments and mail, then a revision keeps the old version readable", async () => {
    const start = `/export-plans/new?district=${inVaranasi.districtLgdCode}`;
    const form = await (await officer.get(start)).text();
    expect(form).toContain("Start the export action plan of Varanasi");
    const made = await officer.post(
      "/export-plans/new",
      { districtLgdCode: String(inVaranasi.districtLgdCode), fromYear: "2026", years: "3", strategy: "" },
      { from: start },
    );
    expect(made.status).toBe(303);
    const id = /\/export-plans\/(\d+)/.exec(made.headers.get("location") ?? "")?.[1] as string;
    const again = await officer.post(
      "/export-plans/new",
      { districtLgdCode: String(inVaranasi.districtLgdCode), fromYear: "2026", years: "3" },
      { from: start },
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("The district has a plan for this period already.");

    const page = `/export-plans/${id}`;
    let html = await (await officer.get(page)).text();
    expect(html).toContain("Export action plan of Varanasi, 2026-27 – 2028-29");
    expect(html).toContain("Silk Products"); // the profile, from the platform's data
    const strategy = "Silk exporters to reach the EU and the USA with export-grade packaging.";
    const v = versionOn(html);
    expect((await officer.post(`${page}/edit`, { version: v, strategy }, { from: page })).status).toBe(303);
    const stale = await officer.post(`${page}/edit`, { version: v, strategy: "Other words" }, { from: page });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Other words"); // what was typed is kept

    // The public does not see a draft; the member does not either, until it is circulated.
    expect(
      await (await fresh().request(`/districts/${inVaranasi.districtLgdCode}/export-plan`)).text(),
    ).toContain("Varanasi has no adopted export action plan yet.");
    expect((await member.get(page)).status).toBe(403);
    html = await (await officer.get(page)).text();
    expect(
      (await officer.post(`${page}/step`, { version: versionOn(html), step: "circulate" }, { from: page }))
        .status,
    ).toBe(303);
    const mail = await rows(
      sql`select subject from outbox where to_address = ${memberEmail} order by id desc limit 1`,
    );
    expect(mail[0]?.subject).toContain(
      "Export action plan of Varanasi (2026-27 – 2028-29) circulated for your comments",
    );

    // A committee member comments; another district's officer may not.
    const read = await member.get(page);
    expect(read.status).toBe(200);
    const commented = await member.post(
      `${page}/comments`,
      { section: "strategy", body: "Add a target market in the Gulf." },
      { from: page },
    );
    expect(commented.status).toBe(303);
    const lucknow = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    expect((await lucknow.get(page)).status).toBe(403);

    // Adoption needs a decision in published minutes of the district's committee.
    html = await (await officer.get(page)).text();
    expect(html).toContain("Add a target market in the Gulf.");
    const noDecision = await officer.post(
      `${page}/step`,
      { version: versionOn(html), step: "adopt" },
      { from: page },
    );
    expect(noDecision.status).toBe(400);
    expect(await noDecision.text()).toContain("Choose a decision in the published minutes");
    const adopted = await officer.post(
      `${page}/step`,
      { version: versionOn(html), step: "adopt", decisionId: String(decisionId) },
      { from: page },
    );
    expect(adopted.status).toBe(303);
    const pub = await (
      await fresh().request(`/districts/${inVaranasi.districtLgdCode}/export-plan?lang=hi`)
    ).text();
    expect(pub).toContain("अपनाई गई");
    expect(pub).toContain(strategy);

    // Revising supersedes it with a new draft; the adopted version stays the public one, and readable by its id.
    html = await (await officer.get(page)).text();
    const revised = await officer.post(
      `${page}/step`,
      { version: versionOn(html), step: "revise" },
      { from: page },
    );
    expect(revised.status).toBe(303);
    expect(revised.headers.get("location")).not.toContain(`/export-plans/${id}?`);
    expect(await rows(sql`select version_no, state from export_plans order by id`)).toEqual([
      { version_no: 1, state: "superseded" },
      { version_no: 2, state: "draft" },
    ]);
    const api = (await (
      await fresh().request(`/api/v1/export-plans?district=${inVaranasi.districtLgdCode}`)
    ).json()) as {
      items: { id: number; state: string }[];
    };
    expect(api.items).toEqual([expect.objectContaining({ id: Number(id), state: "superseded" })]); // no draft
    const old = await fresh().request(`/districts/${inVaranasi.districtLgdCode}/export-plan?version=${id}`);
    expect(old.status).toBe(200);
    expect(await old.text()).toContain(strategy);
    expect(
      (await rows(sql`select action from audit_log where entity_type = 'export_plan' order by id`)).map(
        (r) => r.action,
      ),
    ).toEqual(["plan.create", "plan.edit", "plan.circulate", "plan.comment", "plan.adopt", "plan.revise"]);
  });

  it("counts plans by State on the coverage page, live, leaving demo plans out", async () => {
    const before = await (await fresh().request("/export-plans")).text();
    const drafted = (html: string) => Number(/India: (\d+) plans drafted/.exec(html)?.[1]);
    const o = await person(t.db, "district_officer", inLucknow);
    const actor = (await actorOf(t.db, o.userId, { requestId: null, ip: null })) as Actor;
    await createPlan(t.db, actor, {
      districtLgdCode: inLucknow.districtLgdCode,
      fromYear: 2027,
      toYear: 2029,
    });
    const patna = await person(t.db, "district_officer", { stateLgdCode: 10, districtLgdCode: 212 });
    const demoActor = (await actorOf(t.db, patna.userId, { requestId: null, ip: null })) as Actor;
    await createPlan(
      t.db,
      demoActor,
      { districtLgdCode: 212, fromYear: 2027, toYear: 2029 },
      { isDemo: true },
    );
    const after = await (await fresh().request("/export-plans")).text();
    expect(drafted(after)).toBe(drafted(before) + 1);
    const up = (await rows(sql`select name_en from states where lgd_code = ${UP}`))[0]?.name_en as string;
    // The Uttar Pradesh row counts Lucknow among its drafted plans.
    const row = new RegExp(`>${up}</a></td><td>\\d+</td><td>(\\d+)</td>`).exec(after);
    expect(Number(row?.[1])).toBeGreaterThanOrEqual(1);
  });
});
