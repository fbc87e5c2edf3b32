/// <reference lib="dom" />
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inVaranasi, UP } from "../support/actors";
import type { TestDatabase } from "../support/database";
import { person } from "../support/people";
import { auditPage } from "./axe";
import { haveBrowser, signedInPage, startPortal } from "./browser";

const withLang = (p: string, lang: "en" | "hi") =>
  lang === "hi" ? `${p}${p.includes("?") ? "&" : "?"}lang=hi` : p;

describe.runIf(haveBrowser)("proposals and revisions in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let t: TestDatabase;
  let base: string;
  let browser: Browser;
  const emails = { district: "", lucknow: "", state: "", admin: "" };

  beforeAll(async () => {
    portal = await startPortal();
    ({ base, browser, database: t } = portal);
    emails.district = (await person(t.db, "district_officer", inVaranasi)).email;
    emails.lucknow = (await person(t.db, "district_officer", inLucknow)).email;
    emails.state = (await person(t.db, "state_officer", { stateLgdCode: UP, districtLgdCode: null })).email;
    emails.admin = (await person(t.db, "national_admin")).email;
  });
  afterAll(() => portal?.close());

  const as = (email: string, width = 1280) => signedInPage(browser, base, email, { width });

  /** The district officer proposes a change of its product from the form; returns the proposal's address. */
  async function propose(page: Page, district: number, fill: (page: Page) => Promise<void>) {
    await page.goto(`${base}/proposals/new?district=${district}`);
    await page.check('input[name="kind"][value="change"]');
    await page.selectOption("#f-productSlug", { index: 1 });
    await fill(page);
    await page.check('input[name="basis_ecosystem"]');
    await Promise.all([
      page.waitForURL(/\/proposals\/\d+\?done=submitted/),
      page.click("form.form button[type=submit]"),
    ]);
    return new URL(page.url()).pathname;
  }

  async function step(page: Page, path: string, value: string, reason?: string) {
    await page.goto(base + path);
    await page.check(`input[name="step"][value="${value}"]`);
    if (reason) await page.fill("#f-reason", reason);
    await Promise.all([
      page.waitForURL(/done=/),
      page.click('section[aria-labelledby="your-move"] button[type=submit]'),
    ]);
  }

  it("district proposes → State forwards → nation accepts and publishes → the public pages show the new revision", async () => {
    const district = await as(emails.district, 390);
    const proposal = await propose(district, inVaranasi.districtLgdCode, (p) =>
      p.fill("#f-hsHeading", "5007"),
    );
    expect(await district.textContent(".notice.success")).toContain("sent to your State");
    const state = await as(emails.state);
    await step(state, proposal, "forward");
    const admin = await as(emails.admin);
    await step(admin, proposal, "accept");
    await admin.goto(`${base}/admin/revisions`);
    expect(await admin.textContent("main")).toContain("0 added, 0 removed, 1 changed");
    await admin.fill("#f-titleEn", "ODOP list with Varanasi's HS heading");
    await admin.fill("#f-titleHi", "वाराणसी के एचएस शीर्ष सहित ओडीओपी सूची");
    await Promise.all([
      admin.waitForURL(/\/revisions\/[a-z0-9-]+$/),
      admin.click("#publish ~ form button[type=submit]"),
    ]);
    expect(await admin.textContent("h1")).toContain("ODOP list with Varanasi's HS heading");

    const visitor = await browser.newPage();
    await visitor.goto(`${base}/districts/${inVaranasi.districtLgdCode}`);
    expect(await visitor.textContent("main")).toContain("As in ODOP list with Varanasi's HS heading");
    await visitor.click("ul.products a");
    expect(await visitor.textContent("main")).toContain("5007");
    expect(await visitor.textContent(".provenance")).toContain("Listed since");
    for (const p of [district, state, admin, visitor]) await p.context().close();
  });

  it("shows the district the State's reason when a proposal is returned", async () => {
    const district = await as(emails.lucknow);
    const proposal = await propose(district, inLucknow.districtLgdCode, async (p) => {
      await p.selectOption("#f-rank", "Secondary");
    });
    const state = await as(emails.state, 390);
    await state.goto(base + proposal);
    await state.check('input[name="step"][value="returnByState"]');
    await state.click('section[aria-labelledby="your-move"] button[type=submit]');
    expect(await state.textContent("#error-summary")).toContain("Give the reasons");
    await step(state, proposal, "returnByState", "Attach the DIC survey of units first.");
    await district.goto(base + proposal);
    expect(await district.textContent("main")).toContain("Returned to the district");
    expect(await district.textContent("main")).toContain("Attach the DIC survey of units first.");
    for (const p of [district, state]) await p.context().close();
  });

  it.each(["en", "hi"] as const)(
    "has no axe-core WCAG 2.1 AA violations on the proposal and revision pages (%s)",
    async (lang) => {
      const [row] = (
        (await t.db.execute(sql`select id from product_proposals order by id limit 1`)) as unknown as {
          rows: { id: number }[];
        }
      ).rows;
      const found: Record<string, string[]> = {};
      const district = await as(emails.district);
      for (const p of [
        "/proposals",
        `/proposals/new?district=${inVaranasi.districtLgdCode}`,
        `/proposals/${row?.id}`,
      ])
        found[`district ${p}`] = await auditPage(district, base + withLang(p, lang));
      await district.context().close();
      const admin = await as(emails.admin);
      for (const p of ["/admin/revisions", "/proposals", "/revisions"])
        found[`admin ${p}`] = await auditPage(admin, base + withLang(p, lang));
      const [rev] = (
        (await t.db.execute(sql`select id from list_revisions where is_live`)) as unknown as {
          rows: { id: string }[];
        }
      ).rows;
      found.revision = await auditPage(admin, base + withLang(`/revisions/${rev?.id}`, lang));
      await admin.context().close();
      expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
    },
  );
});
