import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { type Actor, actorOf } from "../src/modules/accounts";
import { createPlan, movePlan } from "../src/modules/planning/commands/plans";
import { buildAllOpenData } from "../src/open-data-sources";
import { DirectoryFileStore } from "../src/platform/file-store";
import { indiaDateTime } from "../src/platform/india-time";
import { createLogger } from "../src/platform/logger";
import { inLucknow, inVaranasi, UP } from "./support/actors";
import { freshDatabase, type TestDatabase } from "./support/database";
import { depcDecision } from "./support/depc";
import { testJobs } from "./support/jobs";
import { person, signedIn } from "./support/people";
import type { Visitor } from "./support/visitor";
import { zip } from "./support/zip";

type Row = Record<string, unknown>;
const day = 24 * 3600 * 1000;
const shift = (days: number) => indiaDateTime(new Date(Date.now() + days * day)).date;

describe("a plan's parts: products and markets, targets, interventions with progress, bottlenecks that escalate", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let officer: Visitor;
  let officerActor: Actor;
  let stateOfficer: Visitor;
  let stateEmail: string;
  let nation: Visitor;
  let nationEmail: string;
  let decisionId: number;
  let planId: number;
  let adoptedId: number;
  const files = fs.mkdtempSync(path.join(os.tmpdir(), "odop-evidence-"));
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const fresh = () => createApp({ database: t, logger: createLogger("silent") });
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;
  const planVersion = async () =>
    String((await rows(sql`select version from export_plans where id = ${planId}`))[0]?.version);

  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({
      database: t,
      logger: createLogger("silent"),
      fileStore: new DirectoryFileStore(files),
      escalateAfterDays: 15,
    });
    const o = await person(t.db, "district_officer", inVaranasi);
    officer = await signedIn(app, o.email);
    officerActor = (await actorOf(t.db, o.userId, { requestId: null, ip: null })) as Actor;
    const s = await person(t.db, "state_officer", { stateLgdCode: UP, districtLgdCode: null });
    stateEmail = s.email;
    stateOfficer = await signedIn(app, s.email);
    const n = await person(t.db, "national_admin");
    nationEmail = n.email;
    nation = await signedIn(app, n.email);
    decisionId = await depcDecision(t.db, officerActor);
    planId = await createPlan(t.db, officerActor, {
      districtLgdCode: inVaranasi.districtLgdCode,
      fromYear: 2026,
      toYear: 2028,
    });
    // A second, adopted plan (a later period) for the bottlenecks, so that each test stands alone.
    adoptedId = await createPlan(t.db, officerActor, {
      districtLgdCode: inVaranasi.districtLgdCode,
      fromYear: 2029,
      toYear: 2031,
    });
    await movePlan(t.db, officerActor, adoptedId, { version: 1, step: "circulate" });
    await movePlan(t.db, officerActor, adoptedId, { version: 2, step: "adopt", decisionId });
  });
  afterAll(() => t.dispose());

  it("takes products with HS headings and markets, targets and actions in the draft; actuals and progress once adopted; shows them publicly and in print", async () => {
    const page = `/export-plans/${planId}`;
    const add = `${page}/products/new`;
    const form = await (await officer.get(add)).text();
    expect(form).toContain("Silk Products"); // the district's own ODOP products to pick from, with their HS headings
    const slug = /<option value="([^"]+)"[^>]*>Silk Products/.exec(form)?.[1] as string;

    // Wrong HS headings and a market without a country are named on their fields; nothing is added.
    const bad = await officer.post(
      add,
      { version: versionOn(form), productSlug: slug, hsHeadings: "50, 9999", markets: "Gulf: near" },
      { from: add },
    );
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Enter HS headings of four digits");
    expect(badHtml).toContain("Begin each line with a two-letter ISO country code");
    expect(badHtml).toContain("Gulf: near"); // what was typed is kept
    const unknown = await officer.post(
      add,
      {
        version: versionOn(form),
        productSlug: slug,
        hsHeadings: "5007, 9990",
        markets: "AE: diaspora demand",
      },
      { from: add },
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Not HS 2022 headings: 9990");
    expect(await rows(sql`select count(*)::int as n from plan_products`)).toEqual([{ n: 0 }]);

    const added = await officer.post(
      add,
      {
        version: versionOn(form),
        productSlug: slug,
        hsHeadings: "5007, 6214",
        markets: "AE: large Indian diaspora, duty cut under CEPA\nus - silk home furnishing buyers",
      },
      { from: add },
    );
    expect(added.status).toBe(303);
    expect(await rows(sql`select hs_headings, markets from plan_products`)).toEqual([
      {
        hs_headings: ["5007", "6214"],
        markets: [
          { country: "AE", why: "large Indian diaspora, duty cut under CEPA" },
          { country: "US", why: "silk home furnishing buyers" },
        ],
      },
    ]);

    // Targets: a wrong number names its cell; a measure of the district's own joins the standard three.
    const targets = `${page}/targets`;
    let html = await (await officer.get(targets)).text();
    const badTarget = await officer.post(
      targets,
      { version: versionOn(html), "c|export_inr|2026": "lots", "c|producers|2027": "120" },
      { from: targets },
    );
    expect(badTarget.status).toBe(400);
    expect(await badTarget.text()).toContain("Exports, ₹ crore, 2026-27: Enter a number of 0 or more");
    html = await (await officer.get(targets)).text();
    expect(
      (
        await officer.post(
          `${page}/measures`,
          { version: versionOn(html), label: "Buyer-seller meets held", unit: "meets" },
          { from: targets },
        )
      ).status,
    ).toBe(303);
    html = await (await officer.get(targets)).text();
    const saved = await officer.post(
      targets,
      {
        version: versionOn(html),
        "c|export_inr|2026": "120.5",
        "c|export_inr|2027": "140",
        "c|producers|2026": "200",
        "c|custom:1|2026": "2",
      },
      { from: targets },
    );
    expect(saved.status).toBe(303);

    // An intervention with two actions, one carrying out the committee's decision.
    const newIntervention = `${page}/interventions/new`;
    html = await (await officer.get(newIntervention)).text();
    const reversed = await officer.post(
      newIntervention,
      {
        version: versionOn(html),
        title: "Market creation",
        owner: "DIC",
        startsOn: "2026-05-01",
        endsOn: "2026-04-01",
        weight: "2",
      },
      { from: newIntervention },
    );
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toContain("The end is before the start");
    const made = await officer.post(
      newIntervention,
      {
        version: versionOn(html),
        title: "Market creation",
        owner: "DIC",
        startsOn: "2026-05-01",
        endsOn: "2027-03-31",
        weight: "2",
      },
      { from: newIntervention },
    );
    expect(made.status).toBe(303);
    const [parent] = await rows(sql`select id from interventions where parent_id is null`);
    for (const [title, weight, decision] of [
      ["Reverse buyer-seller meet", "3", String(decisionId)],
      ["GeM onboarding camp", "1", ""],
    ] as const)
      expect(
        (
          await officer.post(
            newIntervention,
            {
              version: versionOn(html),
              parentId: String(parent?.id),
              title,
              owner: "DIC Varanasi",
              startsOn: "2026-06-01",
              endsOn: "2026-12-31",
              weight,
              decisionId: decision,
            },
            { from: newIntervention },
          )
        ).status,
      ).toBe(303);

    // Adopted (circulated and adopted against the decision), then actuals and progress.
    const v = Number(await planVersion());
    await movePlan(t.db, officerActor, planId, { version: v, step: "circulate" });
    await movePlan(t.db, officerActor, planId, { version: v + 1, step: "adopt", decisionId });
    html = await (await officer.get(targets)).text();
    expect(html).toContain("Save the actuals");
    expect(
      (
        await officer.post(
          targets,
          { version: versionOn(html), "c|export_inr|2026": "98.25" },
          { from: targets },
        )
      ).status,
    ).toBe(303);
    expect(
      await rows(
        sql`select target::float8 as target, actual::float8 as actual from plan_targets where measure = 'export_inr' and year = 2026`,
      ),
    ).toEqual([{ target: 120.5, actual: 98.25 }]);
    const [meet] = await rows(
      sql`select id, version from interventions where title = 'Reverse buyer-seller meet'`,
    );
    const action = `/interventions/${meet?.id}`;
    await officer.get(action);
    const tooMuch = await officer.post(
      `${action}/progress`,
      { version: String(meet?.version), progress: "140", status: "in_progress" },
      { from: action },
    );
    expect(tooMuch.status).toBe(400);
    expect(
      (
        await officer.post(
          `${action}/progress`,
          {
            version: String(meet?.version),
            progress: "60",
            status: "in_progress",
            note: "Buyers from UAE confirmed",
          },
          { from: action },
        )
      ).status,
    ).toBe(303);
    const stale = await officer.post(
      `${action}/progress`,
      { version: String(meet?.version), progress: "70", status: "in_progress" },
      { from: action },
    );
    expect(stale.status).toBe(409);
    // Market creation = (3 × 60 + 1 × 0) / 4 = 45%.
    const publicPage = `/districts/${inVaranasi.districtLgdCode}/export-plan?version=${planId}`;
    const pub = await (await fresh().request(publicPage)).text();
    expect(pub).toContain("United Arab Emirates");
    expect(pub).toContain("large Indian diaspora, duty cut under CEPA");
    expect(pub).toContain("5007, 6214");
    expect(pub).toContain("Buyer-seller meets held, meets");
    expect(pub).toContain('value="45"');
    expect(pub).toContain("Overall progress: 45%");
    expect(pub).not.toContain("Buyers from UAE confirmed"); // an officer's note is not public
    const hi = await (await fresh().request(`${publicPage}&lang=hi`)).text();
    expect(hi).toContain("संयुक्त अरब अमीरात");
    expect(hi).toContain("कुल प्रगति: 45%");

    // The decision's minutes link to the action that carries it out.
    const [meeting] = await rows(sql`select meeting_id from committee_decisions where id = ${decisionId}`);
    const minutes = await (await fresh().request(`/committee-meetings/${meeting?.meeting_id}`)).text();
    expect(minutes).toContain(`#intervention-${meet?.id}`);

    // In the API, in full, and in the open-data files.
    const api = (await (await fresh().request(`/api/v1/export-plans/${planId}`)).json()) as {
      products: { hsHeadings: string[]; markets: { country: string }[] }[];
      targets: { measure: string; year: number; target: number; actual: number | null }[];
      interventions: { title: string; progress: number; decisionId: number | null }[];
    };
    expect(api.products[0]?.markets.map((m) => m.country)).toEqual(["AE", "US"]);
    expect(api.targets).toContainEqual(
      expect.objectContaining({ measure: "export_inr", year: 2026, target: 120.5, actual: 98.25 }),
    );
    expect(api.interventions).toContainEqual(
      expect.objectContaining({ title: "Market creation", progress: 45 }),
    );
    expect(api.interventions).toContainEqual(
      expect.objectContaining({ title: "Reverse buyer-seller meet", decisionId }),
    );
    const status = (await (
      await fresh().request(`/api/v1/export-plan-status?state=${UP}&limit=200`)
    ).json()) as {
      items: { districtLgdCode: number; status: string }[];
    };
    expect(status.items.find((d) => d.districtLgdCode === inVaranasi.districtLgdCode)?.status).toBe(
      "adopted",
    );
    const manifest = await buildAllOpenData(t.db, path.join(files, "open-data"));
    const ids = manifest.datasets.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "export-plans",
        "export-plan-targets",
        "export-plan-interventions",
        "export-plan-bottlenecks",
      ]),
    );
    const csv = fs.readFileSync(path.join(files, "open-data", manifest.version, "export-plans.csv"), "utf8");
    expect(csv).toContain("5007; 6214");
    expect(csv).toContain("AE (United Arab Emirates): large Indian diaspora, duty cut under CEPA");

    // In print: rendered by the job, then served in the reader's language.
    const pdfPath = `/districts/${inVaranasi.districtLgdCode}/export-plan.pdf?version=${planId}`;
    await testJobs(t.db).runDue();
    for (const lang of ["en", "hi"] as const) {
      const pdf = await fresh().request(`${pdfPath}&lang=${lang}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
      const file = path.join(files, `plan-${lang}.pdf`);
      fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
      // What officers typed is printed as typed; the rest in the reader's language (pdftotext reorders some
      // Devanagari vowel signs, so the Hindi is checked on words without them).
      expect(text).toContain("Reverse buyer-seller meet");
      expect(text).toContain(lang === "en" ? "United Arab Emirates" : "ओडीओपी उत्पाद");
    }
    expect(
      (
        await rows(
          sql`select action from audit_log where entity_type = 'export_plan' and entity_id = ${String(planId)} order by id`,
        )
      ).map((r) => r.action),
    ).toEqual([
      "plan.create",
      "plan.product",
      "plan.measure",
      "plan.targets",
      "plan.intervention",
      "plan.intervention",
      "plan.intervention",
      "plan.circulate",
      "plan.adopt",
      "plan.actuals",
      "plan.progress",
    ]);
  });

  it("records a bottleneck with evidence, refuses files that lie, and escalates it by the job to the State and the nation, with mail", async () => {
    const newB = `/export-plans/${adoptedId}/bottlenecks/new`;
    await officer.get(newB);
    const badDate = await officer.post(
      `${newB}?lang=hi`,
      {
        category: "testing",
        description: "No NABL laboratory for silk within 300 km",
        severity: "high",
        ownerAgency: "Textiles Committee",
        dueDate: "2026-02-30",
      },
      { from: `${newB}?lang=hi` },
    );
    expect(badDate.status).toBe(400);
    expect(await badDate.text()).toContain("तारीख YYYY-MM-DD के रूप में लिखें");
    const badCategory = await officer.post(
      newB,
      {
        category: "no-such-category",
        description: "No NABL laboratory for silk within 300 km",
        severity: "high",
        ownerAgency: "Textiles Committee",
        dueDate: shift(0),
      },
      { from: newB },
    );
    expect(badCategory.status).toBe(400);
    expect(await badCategory.text()).toContain("Choose one of the categories listed");
    const made = await officer.post(
      newB,
      {
        category: "testing",
        description: "No NABL laboratory for silk within 300 km",
        severity: "high",
        ownerAgency: "Textiles Committee",
        dueDate: shift(0),
      },
      { from: newB },
    );
    expect(made.status).toBe(303);
    const page = made.headers.get("location")?.split("?")[0] as string;
    const id = Number(page.split("/").pop());
    const soon = await officer.post(
      newB,
      {
        category: "packaging",
        description: "Export-grade cartons not made in the district",
        severity: "medium",
        ownerAgency: "MSME-DFO",
        dueDate: shift(3),
      },
      { from: newB },
    );
    expect(soon.status).toBe(303);

    // Evidence: a file that lies about its type, an oversized one and a ZIP bomb are refused; a real PDF is kept.
    const upload = (name: string, bytes: Buffer) =>
      officer.upload(`${page}/evidence`, {}, { name, bytes }, { from: page });
    const lying = await upload("report.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64)]));
    expect(lying.status).toBe(400);
    expect(await lying.text()).toContain("its content is not what its name says");
    const big = await upload(
      "scan.pdf",
      Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(11 * 1024 * 1024)]),
    );
    expect(big.status).toBe(413);
    const bomb = zip([
      { name: "word/document.xml", data: Buffer.from("<w:document/>") },
      { name: "word/media/x.bin", data: Buffer.alloc(120 * 1024 * 1024), declare: 10 },
    ]);
    const bombed = await upload("note.docx", bomb);
    expect(bombed.status).toBe(400);
    expect(await bombed.text()).toContain("inflates far beyond");
    expect(await rows(sql`select count(*)::int as n from bottleneck_evidence`)).toEqual([{ n: 0 }]);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    expect((await upload("lab letter.pdf", pdf)).status).toBe(303);
    const [file] = await rows(sql`select id, storage_key from bottleneck_evidence`);
    expect(fs.existsSync(path.join(files, file?.storage_key as string))).toBe(true);
    const got = await officer.get(`${page}/evidence/${file?.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("Content-Disposition")).toContain("attachment");
    expect(Buffer.from(await got.arrayBuffer())).toEqual(pdf);
    const lucknow = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    expect((await lucknow.get(`${page}/evidence/${file?.id}`)).status).toBe(403);
    expect((await lucknow.get(page)).status).toBe(403);

    // The next hourly pass reminds the district of what is due within a week, and escalates nothing yet.
    const jobs = testJobs(t.db);
    await jobs.runDue(new Date(Date.now() + 3601 * 1000));
    expect(await rows(sql`select status from bottlenecks where id = ${id}`)).toEqual([{ status: "open" }]);
    expect(
      (await rows(sql`select subject from outbox where subject like '%due within a week%'`)).length,
    ).toBeGreaterThan(0);

    // Sixteen days on (the test's clock), past its date by more than 15 days: it rises to the State's queue.
    await jobs.runDue(new Date(Date.now() + 16 * day));
    expect(await rows(sql`select status from bottlenecks where id = ${id}`)).toEqual([
      { status: "at_state" },
    ]);
    expect(
      await rows(
        sql`select role, action from audit_log where entity_type = 'bottleneck' and action = 'bottleneck.escalate' and entity_id = ${String(id)}`,
      ),
    ).toEqual([{ role: "system", action: "bottleneck.escalate" }]);
    const [toState] = await rows(
      sql`select subject, body from outbox where to_address = ${stateEmail} order by id desc limit 1`,
    );
    expect(toState?.subject).toContain("now in your State's queue");
    expect(toState?.body).toContain(`/bottlenecks/${id}`);
    const queue = await (await stateOfficer.get("/escalations")).text();
    expect(queue).toContain("No NABL laboratory for silk within 300 km");
    expect(queue).toContain("Textiles Committee");

    // The district may no longer resolve it; the State raises it (a reason is needed) to the nation.
    let html = await (await officer.get(page)).text();
    expect(html).not.toContain('value="resolve"');
    html = await (await stateOfficer.get(page)).text();
    const noReason = await stateOfficer.post(
      `${page}/step`,
      { version: versionOn(html), step: "raise" },
      { from: page },
    );
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Give the reason");
    const raised = await stateOfficer.post(
      `${page}/step`,
      {
        version: versionOn(html),
        step: "raise",
        note: "Needs a Textiles Committee lab under the national scheme",
      },
      { from: page },
    );
    expect(raised.status).toBe(303);
    const stale = await stateOfficer.post(
      `${page}/step`,
      { version: versionOn(html), step: "resolveAtState" },
      { from: page },
    );
    expect(stale.status).toBe(409);
    const [toNation] = await rows(
      sql`select subject from outbox where to_address = ${nationEmail} order by id desc limit 1`,
    );
    expect(toNation?.subject).toContain("raised to the national queue");
    expect(await (await nation.get("/escalations?level=nation")).text()).toContain(
      "No NABL laboratory for silk within 300 km",
    );
    html = await (await nation.get(page)).text();
    expect(
      (
        await nation.post(
          `${page}/step`,
          { version: versionOn(html), step: "resolveAtNation" },
          { from: page },
        )
      ).status,
    ).toBe(303);
    expect(await rows(sql`select status from bottlenecks where id = ${id}`)).toEqual([
      { status: "resolved" },
    ]);

    // The public sees it resolved, with the dates it moved, and no one's name.
    const pub = await (
      await fresh().request(`/districts/${inVaranasi.districtLgdCode}/export-plan?version=${adoptedId}`)
    ).text();
    expect(pub).toContain("No NABL laboratory for silk within 300 km");
    expect(pub).toContain("Raised to the national queue");
    expect(pub).not.toContain("Needs a Textiles Committee lab");
    expect(pub).not.toContain("lab letter.pdf");
  });

  it("lets the administrator add a category of bottleneck, once, with a clear error for a bad code", async () => {
    const page = "/admin/bottleneck-categories";
    expect((await officer.get(page)).status).toBe(403);
    const bad = await nation.post(
      page,
      { code: "Cold Chain", nameEn: "Cold chain", nameHi: "कोल्ड चेन" },
      { from: page },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Use 2 to 40 lower-case letters");
    expect(
      (
        await nation.post(
          page,
          { code: "cold-chain", nameEn: "Cold chain", nameHi: "कोल्ड चेन" },
          { from: page },
        )
      ).status,
    ).toBe(303);
    const again = await nation.post(
      page,
      { code: "cold-chain", nameEn: "Cold chain", nameHi: "कोल्ड चेन" },
      { from: page },
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("A category has this code already.");
    const form = await (await officer.get(`/export-plans/${planId}/bottlenecks/new?lang=hi`)).text();
    expect(form).toContain("कोल्ड चेन");
  });
});
