import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inVaranasi, UP } from "../../../test/support/actors";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { person, signedIn } from "../../../test/support/people";
import { createApp } from "../../app";
import { createLogger } from "../../platform/logger";

type Row = Record<string, unknown>;

describe("committees over HTTP", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const fresh = () => createApp({ database: t, logger: createLogger("silent") }); // public pages, uncached
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
  });
  afterAll(() => t.dispose());

  it("lets a district officer record its DEPC once, from the account page, and nobody else's", async () => {
    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    const account = await (await officer.get("/account")).text();
    expect(account).toContain(
      `href="/committees/new?kind=depc&amp;district=${inVaranasi.districtLgdCode}">DEPC of Varanasi`,
    );
    const form = await (
      await officer.get(`/committees/new?kind=depc&district=${inVaranasi.districtLgdCode}`)
    ).text();
    expect(form).toContain('value="District Export Promotion Committee, Varanasi"');
    expect(form).toContain('value="ज़िला निर्यात संवर्धन समिति, वाराणसी"');
    const fields = {
      kind: "depc",
      districtLgdCode: String(inVaranasi.districtLgdCode),
      nameEn: "District Industrial & Export Promotion Committee, Varanasi",
      nameHi: "ज़िला औद्योगिक एवं निर्यात संवर्धन समिति, वाराणसी",
    };
    const made = await officer.post("/committees/new", fields);
    expect(made.status).toBe(303);
    const id = /\/committees\/(\d+)/.exec(made.headers.get("location") ?? "")?.[1] as string;
    expect(await (await officer.get(`/committees/${id}?done=created`)).text()).toContain(
      "The committee is recorded. Now add its members.",
    );
    const twice = await officer.post("/committees/new", fields, { from: "/account" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("This place has its committee already.");

    const lucknow = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    expect((await lucknow.get(`/committees/${id}`)).status).toBe(403);
    await lucknow.get("/account");
    const other = await lucknow.post(`/committees/${id}/members`, {
      role: "member",
      designation: "Intruder",
      fromDate: "2026-04-01",
    });
    expect(other.status).toBe(403);
    const notHis = await lucknow.post("/committees/new", fields);
    expect(notHis.status).toBe(403);
    expect(
      await rows(sql`select count(*)::int as n from committee_members where committee_id = ${Number(id)}`),
    ).toEqual([{ n: 0 }]);
    expect(await rows(sql`select action, role from audit_log where entity_type = 'committee'`)).toEqual([
      { action: "committee.create", role: "district_officer" },
    ]);
  });

  it("starts from the usual composition, names seats, ends memberships, and shows it all publicly", async () => {
    const up = await signedIn(
      app,
      (await person(t.db, "state_officer", { stateLgdCode: UP, districtLgdCode: null })).email,
    );
    const made = await up.post(
      "/committees/new",
      {
        kind: "sepc",
        stateLgdCode: String(UP),
        nameEn: "State Export Promotion Committee, Uttar Pradesh",
        nameHi: "राज्य निर्यात संवर्धन समिति, उत्तर प्रदेश",
      },
      { from: `/committees/new?kind=sepc&state=${UP}` },
    );
    const id = /\/committees\/(\d+)/.exec(made.headers.get("location") ?? "")?.[1] as string;
    expect((await up.post(`/committees/${id}/composition`, {}, { from: `/committees/${id}` })).status).toBe(
      303,
    );
    expect((await up.post(`/committees/${id}/composition`, {})).status).toBe(409); // not twice
    const seats = await rows(
      sql`select id, role, designation, person_name from committee_members where committee_id = ${Number(id)} order by id`,
    );
    expect(seats.length).toBe(8);
    expect(seats[0]).toMatchObject({ role: "chair", designation: "Chief Secretary", person_name: null });

    const publicPage = await (await fresh().request(`/states/${UP}/committee`)).text();
    expect(publicPage).toContain("<h1>State Export Promotion Committee, Uttar Pradesh</h1>");
    expect(publicPage).toContain('<span class="muted">vacant</span>');
    const hindi = await (await fresh().request(`/states/${UP}/committee?lang=hi`)).text();
    expect(hindi).toContain("<td>अध्यक्ष</td>");

    // Name the chair, from the edit form's version; a second tab with the old version gets a conflict.
    const chair = seats[0]?.id as number;
    const edit = await (await up.get(`/committees/${id}/members/${chair}/edit`)).text();
    const version = versionOn(edit);
    const named = await up.post(`/committees/${id}/members/${chair}/edit`, {
      personName: "Named Person (test)",
      role: "chair",
      designation: "Chief Secretary",
      fromDate: "2026-04-01",
      version,
    });
    expect(named.status).toBe(303);
    const stale = await up.post(
      `/committees/${id}/members/${chair}/edit`,
      {
        personName: "Someone Else",
        role: "chair",
        designation: "Chief Secretary",
        fromDate: "2026-04-01",
        version,
      },
      { from: `/committees/${id}/members/${chair}/edit` },
    );
    expect(stale.status).toBe(409);
    // Ending: a date before the start is refused and named; a good one keeps the member in the history.
    const endPage = await (await up.get(`/committees/${id}/members/${chair}/end`)).text();
    const early = await up.post(`/committees/${id}/members/${chair}/end`, {
      toDate: "2025-01-01",
      version: versionOn(endPage),
    });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("The end cannot be before the member joined");
    const ended = await up.post(`/committees/${id}/members/${chair}/end`, {
      toDate: "2026-11-30",
      version: versionOn(endPage),
    });
    expect(ended.status).toBe(303);
    const after = await (await fresh().request(`/states/${UP}/committee`)).text();
    expect(after).toContain("Former members");
    expect(after).toContain("Named Person (test)");
    expect(
      await rows(
        sql`select count(*)::int as n from committee_members where id = ${chair} and to_date = '2026-11-30'`,
      ),
    ).toEqual([{ n: 1 }]);
  });

  it("names each wrong field of a member, keeps what was typed, and adds nothing", async () => {
    const officer = await signedIn(app, (await person(t.db, "national_admin")).email);
    const made = await officer.post(
      "/committees/new",
      {
        kind: "depc",
        districtLgdCode: String(inLucknow.districtLgdCode),
        nameEn: "DEPC Lucknow",
        nameHi: "डीईपीसी लखनऊ",
      },
      { from: "/account" },
    );
    const id = /\/committees\/(\d+)/.exec(made.headers.get("location") ?? "")?.[1] as string;
    const bad = await officer.post(
      `/committees/${id}/members?lang=hi`,
      { personName: "Meera Devi", role: "member", designation: "", fromDate: "2026-13-45" },
      { from: `/committees/${id}?lang=hi` },
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("तारीख YYYY-MM-DD के रूप में लिखें");
    expect(html).toContain("यह फ़ील्ड भरें");
    expect(html).toContain('value="Meera Devi"');
    expect(
      await rows(sql`select count(*)::int as n from committee_members where committee_id = ${Number(id)}`),
    ).toEqual([{ n: 0 }]);
    const missing = await fresh().request("/districts/212/committee");
    expect(await missing.text()).toContain("No committee has been recorded for Patna yet.");
    expect(await (await fresh().request("/districts/212")).text()).toContain(
      'href="/districts/212/committee"',
    );
    expect(await (await fresh().request(`/states/${UP}`)).text()).toContain(`href="/states/${UP}/committee"`);
  });

  it("links a member to an account by its address, never shows the address publicly, and refuses an unknown one", async () => {
    const officer = await signedIn(app, (await person(t.db, "national_admin")).email);
    const member = await person(t.db);
    const made = await officer.post(
      "/committees/new",
      { kind: "depc", districtLgdCode: "212", nameEn: "DEPC Patna", nameHi: "डीईपीसी पटना" },
      { from: "/account" },
    );
    const id = /\/committees\/(\d+)/.exec(made.headers.get("location") ?? "")?.[1] as string;
    const unknown = await officer.post(
      `/committees/${id}/members`,
      {
        personName: "Nobody Known",
        email: "no.such.account@example.org",
        role: "member",
        designation: "Lead Bank Manager",
        fromDate: "2026-04-01",
      },
      { from: `/committees/${id}` },
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("No account has this address");
    const linked = await officer.post(
      `/committees/${id}/members`,
      {
        personName: "Linked Member",
        email: member.email.toUpperCase(),
        role: "member",
        designation: "Lead Bank Manager",
        fromDate: "2026-04-01",
      },
      { from: `/committees/${id}` },
    );
    expect(linked.status).toBe(303);
    const [row] = await rows(
      sql`select id, user_id from committee_members where committee_id = ${Number(id)}`,
    );
    expect(row?.user_id).toBe(member.userId);
    const edit = await (await officer.get(`/committees/${id}/members/${row?.id}/edit`)).text();
    expect(edit).toContain(`value="${member.email}"`);
    const publicPage = await (await fresh().request("/districts/212/committee")).text();
    expect(publicPage).toContain("Linked Member");
    expect(publicPage).not.toContain(member.email);
  });
});
