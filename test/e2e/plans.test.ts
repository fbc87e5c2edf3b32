/// <reference lib="dom" />
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, actorOf } from "../../src/modules/accounts";
import { createBottleneck } from "../../src/modules/planning/commands/bottlenecks";
import { addIntervention } from "../../src/modules/planning/commands/interventions";
import { createPlan, editPlan, movePlan } from "../../src/modules/planning/commands/plans";
import { indiaDateTime } from "../../src/platform/india-time";
import { inLucknow, inVaranasi, UP } from "../support/actors";
import type { TestDatabase } from "../support/database";
import { depcDecision } from "../support/depc";
import { testJobs } from "../support/jobs";
import { person } from "../support/people";
import { auditPage } from "./axe";
import { haveBrowser, signedInPage, startPortal } from "./browser";

const day = 24 * 3600 * 1000;
const withLang = (p: string, lang: "en" | "hi") =>
  lang === "hi" ? `${p}${p.includes("?") ? "&" : "?"}lang=hi` : p;

describe.runIf(haveBrowser)("export action plans in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let t: TestDatabase;
  let base: string;
  let browser: Browser;
  const emails = { officer: "", member: "", state: "", admin: "", lucknow: "" };
  let decisionId: number;
  /** Lucknow's plans for the accessibility checks: an adopted one with every part, and a circulated one. */
  const ids = { draft: 0, adopted: 0, action: 0, bottleneck: 0 };
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

  const signIn = (email: string) => signedInPage(browser, base, email);
  const submit = (page: Page, form: string) =>
    Promise.all([page.waitForLoadState("load"), page.click(`${form} button[type=submit]`)]);

  beforeAll(async () => {
    portal = await startPortal();
    ({ base, browser, database: t } = portal);
    const o = await person(t.db, "district_officer", inVaranasi);
    const member = await person(t.db);
    const state = await person(t.db, "state_officer", { stateLgdCode: UP, districtLgdCode: null });
    const admin = await person(t.db, "national_admin");
    const lucknow = await person(t.db, "district_officer", inLucknow);
    Object.assign(emails, {
      officer: o.email,
      member: member.email,
      state: state.email,
      admin: admin.email,
      lucknow: lucknow.email,
    });
    const actor = (await actorOf(t.db, o.userId, { requestId: null, ip: null })) as Actor;
    decisionId = await depcDecision(t.db, actor, { memberEmail: member.email });

    // Lucknow's plans, for the accessibility checks: one adopted with every part, one circulated.
    const lk = (await actorOf(t.db, lucknow.userId, { requestId: null, ip: null })) as Actor;
    ids.adopted = await createPlan(t.db, lk, {
      districtLgdCode: inLucknow.districtLgdCode,
      fromYear: 2026,
      toYear: 2028,
    });
    await editPlan(t.db, lk, ids.adopted, { version: 1, strategy: "More exports.\n\nPackaging first." });
    const parent = await addIntervention(t.db, lk, ids.adopted, {
      title: "Market creation",
      owner: "DIC",
      startsOn: "2026-04-01",
      endsOn: "2027-03-31",
      weight: 1,
    });
    ids.action = await addIntervention(t.db, lk, ids.adopted, {
      parentId: parent,
      title: "Buyer-seller meet",
      owner: "DIC",
      startsOn: "2026-06-01",
      endsOn: "2026-12-31",
      weight: 1,
    });
    ids.bottleneck = await createBottleneck(t.db, lk, ids.adopted, {
      category: "logistics",
      description: "No container freight station slot for small consignments",
      severity: "high",
      ownerAgency: "CONCOR",
      dueDate: "2026-01-31",
    });
    const lucknowDecision = await depcDecision(t.db, lk, {
      district: { lgdCode: inLucknow.districtLgdCode as number, nameEn: "Lucknow", nameHi: "लखनऊ" },
    });
    await movePlan(t.db, lk, ids.adopted, { version: 2, step: "circulate" });
    await movePlan(t.db, lk, ids.adopted, { version: 3, step: "adopt", decisionId: lucknowDecision });
    ids.draft = await createPlan(t.db, lk, {
      districtLgdCode: inLucknow.districtLgdCode,
      fromYear: 2029,
      toYear: 2031,
    });
    await movePlan(t.db, lk, ids.draft, { version: 1, step: "circulate" });
  });
  afterAll(() => portal?.close());

  it("goes from a draft to a public plan with progress, and an overdue bottleneck rises to the State by the job", async () => {
    // The district officer starts the plan from its account page, writes it and adds an intervention with an action.
    const officer = await signIn(emails.officer);
    await Promise.all([
      officer.waitForURL(/export-plans\/new/),
      officer.click("text=Start the export action plan of Varanasi"),
    ]);
    await submit(officer, "form.form");
    await officer.waitForURL(/\/export-plans\/\d+\?/);
    const planUrl = officer.url().split("?")[0] as string;
    const planId = Number(planUrl.split("/").pop());
    await officer.fill("#f-strategy", "Silk abroad: design, packaging and a reverse buyer-seller meet.");
    await submit(officer, `form[action*="/edit"]`);
    await expectText(officer, "The draft is saved.");
    for (const [title, parent] of [
      ["Market creation", ""],
      ["Reverse buyer-seller meet", "Market creation"],
    ] as const) {
      await officer.click("text=Add the intervention or action");
      if (parent) await officer.selectOption("#f-parentId", { label: parent });
      await officer.fill("#f-title", title);
      await officer.fill("#f-owner", "DIC Varanasi");
      await officer.fill("#f-startsOn", "2026-06-01");
      await officer.fill("#f-endsOn", "2026-12-31");
      await submit(officer, "form.form");
      await expectText(officer, "It was added to the plan.");
    }

    // Circulated: the member is mailed, opens it and comments.
    await officer.check('input[name="step"][value="circulate"]');
    await submit(officer, `form[action*="/step"]`);
    await expectText(officer, "The plan is circulated");
    expect(
      await rows(
        sql`select subject from outbox where to_address = ${emails.member} and subject like '%circulated%'`,
      ),
    ).toHaveLength(1);
    const member = await signIn(emails.member);
    await member.goto(planUrl);
    await member.selectOption("#f-section", "strategy");
    await member.fill("#f-body", "Add the Gulf as a target market.");
    await submit(member, `form[action*="/comments"]`);
    await expectText(member, "Your comment is recorded.");

    // Adopted against the committee's decision, in implementation; the action's progress is reported.
    await officer.goto(planUrl);
    await expectText(officer, "Add the Gulf as a target market.");
    await officer.check('input[name="step"][value="adopt"]');
    await officer.selectOption("#f-decisionId", String(decisionId));
    await submit(officer, `form[action*="/step"]`);
    await expectText(officer, "The adoption is recorded");
    await Promise.all([
      officer.waitForURL(/\/interventions\/\d+/),
      officer.click('a:has-text("Reverse buyer-seller meet")'),
    ]);
    await officer.fill("#f-progress", "60");
    await officer.selectOption("#f-status", "in_progress");
    await officer.fill("#f-note", "Buyers from the UAE confirmed.");
    await submit(officer, `form[action*="/progress"]`);
    await expectText(officer, "The progress was reported.");

    // The public sees the plan with its progress, in both languages.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${base}/districts/${inVaranasi.districtLgdCode}/export-plan`);
    await expectText(visitor, "Overall progress: 60%");
    await expectText(visitor, "Reverse buyer-seller meet");
    await visitor.goto(`${base}/districts/${inVaranasi.districtLgdCode}/export-plan?lang=hi`);
    await expectText(visitor, "कुल प्रगति: 60%");

    // A bottleneck due today; sixteen days on (the test drives the job's clock) it is in the State's queue and mail.
    await officer.goto(planUrl);
    await officer.click("text=Record a bottleneck");
    await officer.selectOption("#f-category", "testing");
    await officer.fill("#f-description", "No NABL laboratory for silk within 300 km");
    await officer.selectOption("#f-severity", "high");
    await officer.fill("#f-ownerAgency", "Textiles Committee");
    await officer.fill("#f-dueDate", indiaDateTime(new Date()).date);
    await submit(officer, "form.form");
    await expectText(officer, "The bottleneck was recorded.");
    await testJobs(t.db).runDue(new Date(Date.now() + 16 * day));
    const state = await signIn(emails.state);
    // Lucknow's long-overdue bottleneck rose with it: the queue holds both.
    await state.click("text=Escalated bottlenecks in your State's queue (2)");
    await expectText(state, "No NABL laboratory for silk within 300 km");
    await expectText(state, "Textiles Committee");
    const [mail] = await rows(
      sql`select subject, body from outbox where to_address = ${emails.state} and subject like '%queue%'`,
    );
    expect(mail?.subject).toContain("now in your State's queue");
    expect(await rows(sql`select status from bottlenecks where plan_id = ${planId}`)).toEqual([
      { status: "at_state" },
    ]);
    for (const p of [officer, member, state, visitor]) await p.context().close();
  });

  it.each(["en", "hi"] as const)(
    "has no axe-core WCAG 2.1 AA violations on the plan pages, at 390 px and 1280 px (%s)",
    async (lang) => {
      const found: Record<string, string[]> = {};
      const pages: [string, string[]][] = [
        [
          emails.lucknow,
          [
            `/export-plans/${ids.adopted}`,
            `/export-plans/${ids.draft}`,
            `/export-plans/new?district=${inLucknow.districtLgdCode}`,
            `/export-plans/${ids.adopted}/products/new`,
            `/export-plans/${ids.adopted}/targets`,
            `/export-plans/${ids.adopted}/interventions/new`,
            `/export-plans/${ids.adopted}/bottlenecks/new`,
            `/interventions/${ids.action}`,
            `/bottlenecks/${ids.bottleneck}`,
          ],
        ],
        [emails.state, ["/escalations", "/escalations?level=nation"]],
        [emails.admin, ["/admin/bottleneck-categories"]],
      ];
      for (const [email, paths] of pages) {
        const page = await signIn(email);
        for (const p of paths) found[p] = await auditPage(page, base + withLang(p, lang));
        await page.context().close();
      }
      const anonymous = await (await browser.newContext()).newPage();
      for (const p of [
        `/districts/${inLucknow.districtLgdCode}/export-plan?version=${ids.adopted}`,
        "/export-plans",
        `/export-plans?state=${UP}`,
      ])
        found[p] = await auditPage(anonymous, base + withLang(p, lang));
      await anonymous.context().close();
      expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
    },
  );
});

async function expectText(page: Page, text: string) {
  await page.waitForSelector(`text=${text}`, { timeout: 10_000 });
}
