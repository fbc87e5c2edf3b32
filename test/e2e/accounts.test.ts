/// <reference lib="dom" />
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inVaranasi } from "../support/actors";
import type { TestDatabase } from "../support/database";
import { readOutbox } from "../support/outbox";
import { password, person } from "../support/people";
import { auditPage, axeAtBothWidths } from "./axe";
import { haveBrowser, startPortal } from "./browser";

const withLang = (p: string, lang: "en" | "hi") =>
  lang === "hi" ? `${p}${p.includes("?") ? "&" : "?"}lang=hi` : p;

describe.runIf(haveBrowser)("accounts and producers in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let t: TestDatabase;
  let base: string;
  let browser: Browser;
  let outboxDir: string;

  beforeAll(async () => {
    portal = await startPortal();
    ({ base, browser, database: t } = portal);
    outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-e2e-outbox-"));
  });
  afterAll(async () => {
    await portal?.close();
    fs.rmSync(outboxDir, { recursive: true, force: true });
  });

  /** A new browser profile (its own cookies), on a page. */
  async function fresh(pathname: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(base + pathname);
    return page;
  }

  async function signIn(page: Page, email: string, pass = password) {
    await page.goto(`${base}/sign-in`);
    await page.fill("#f-email", email);
    await page.fill("#f-password", pass);
    await Promise.all([page.waitForURL(/\/account/), page.click("form.form button[type=submit]")]);
  }

  it("registers a producer, the district officer verifies it, and it appears in the directory", async () => {
    const producer = await fresh("/sign-up");
    await producer.fill("#f-name", "Rukhsana Bano");
    await producer.fill("#f-email", "rukhsana@example.org");
    await producer.fill("#f-password", password);
    await producer.fill("#f-confirm", password);
    await Promise.all([
      producer.waitForURL(/\/sign-up\/sent/),
      producer.click("form.form button[type=submit]"),
    ]);
    await expect(producer.locator(".notice.success").textContent()).resolves.toContain(
      "We have sent a message to the address you gave",
    );
    // The link in the mail confirms the address and signs in.
    const mail = (await readOutbox(t.db, outboxDir)).find((m) => m.to === "rukhsana@example.org");
    const link = /http:\/\/localhost(\/verify-email\?\S+)/.exec(mail?.text ?? "")?.[1] as string;
    await producer.goto(base + link);
    await expect(producer.locator(".notice.success").textContent()).resolves.toContain(
      "Your email address is confirmed",
    );

    await producer.click("text=Register a producer");
    // State, then district: a district sent empty is named as missing.
    await producer.selectOption("#f-state", String(inVaranasi.stateLgdCode));
    await Promise.all([producer.waitForURL(/state=/), producer.click("form.form button[type=submit]")]);
    await Promise.all([producer.waitForURL(/district=/), producer.click("form.form button[type=submit]")]);
    await expect(producer.locator(".error-summary").textContent()).resolves.toContain(
      "Choose the district where you produce",
    );
    await producer.selectOption("#f-district", String(inVaranasi.districtLgdCode));
    await Promise.all([producer.waitForURL(/district=\d/), producer.click("form.form button[type=submit]")]);
    // The district's ODOP product is chosen, and the account's name and address are offered as a start.
    await expect(producer.inputValue("#f-odopProductId")).resolves.not.toBe("");
    await expect(producer.inputValue("#f-email")).resolves.toBe("rukhsana@example.org");
    await producer.fill("#f-name", "Lohta Silk Weavers");
    await producer.selectOption("#f-kind", "weaver");
    await producer.selectOption("#f-odopProductId", { label: "Silk Products" });
    await producer.fill("#f-phone", "+91 94150 00000");
    await producer.fill("#f-email", "lohta.silk@example.org");
    await producer.fill("#f-gstin", "27AAPFU0939F1ZW"); // a typing slip in the check character
    await producer.click("form.form button[type=submit]");
    await expect(producer.locator(".error-summary").textContent()).resolves.toContain(
      "check character is wrong",
    );
    await expect(producer.inputValue("#f-name")).resolves.toBe("Lohta Silk Weavers"); // nothing lost
    await producer.fill("#f-gstin", "27AAPFU0939F1ZV");
    await Promise.all([
      producer.waitForURL(/\/producers\/mine/),
      producer.click("form.form button[type=submit]"),
    ]);
    await expect(producer.locator("strong.status").textContent()).resolves.toBe(
      "Waiting for the district officer",
    );

    const officer = await person(t.db, "district_officer", inVaranasi);
    const desk = await fresh("/sign-in");
    await signIn(desk, officer.email);
    await desk.click("text=Producers to verify");
    await desk.getByRole("link", { name: "Review Lohta Silk Weavers" }).click();
    await desk.check('input[name=decision][value="verified"]');
    await Promise.all([desk.waitForURL(/done=reviewed/), desk.click("form.form button[type=submit]")]);

    const visitor = await fresh("/producers");
    await expect(visitor.locator("ul.cards").textContent()).resolves.toContain("Lohta Silk Weavers");
    await producer.reload();
    await expect(producer.locator("strong.status").textContent()).resolves.toBe("Verified");
    for (const p of [producer, desk, visitor]) await p.context().close();
  });

  it("resets a forgotten password through the outbox", async () => {
    const p = await person(t.db);
    const page = await fresh("/sign-in");
    await page.click("text=Forgot your password?");
    await page.fill("#f-email", p.email);
    await page.click("form.form button[type=submit]");
    await expect(page.locator(".notice.success").textContent()).resolves.toContain("on its way");
    const mail = (await readOutbox(t.db, outboxDir)).find(
      (m) => m.to === p.email && /new password/.test(m.subject),
    );
    const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail?.text ?? "")?.[0] as string;
    await page.goto(base + new URL(link).pathname + new URL(link).search);
    await page.fill("#f-password", "a brand new passphrase");
    await page.fill("#f-confirm", "a brand new passphrase");
    await Promise.all([
      page.waitForURL(/sign-in\?done=resetDone/),
      page.click("form.form button[type=submit]"),
    ]);
    await signIn(page, p.email, "a brand new passphrase");
    await expect(page.locator("h1").textContent()).resolves.toBe("My account");
    await page.context().close();
  });

  it("shows a district officer of another district a clear refusal, and changes nothing", async () => {
    const owner = await person(t.db);
    const ownerPage = await fresh("/sign-in");
    await signIn(ownerPage, owner.email);
    await ownerPage.goto(`${base}/producers/new?district=${inVaranasi.districtLgdCode}`);
    await ownerPage.fill("#f-name", "Ramnagar Brass Works");
    await ownerPage.selectOption("#f-kind", "artisan");
    await ownerPage.fill("#f-otherProducts", "Brass lamps");
    await ownerPage.fill("#f-phone", "+91 94150 11111");
    await ownerPage.fill("#f-email", "ramnagar@example.org");
    await Promise.all([
      ownerPage.waitForURL(/\/producers\/mine/),
      ownerPage.click("form.form button[type=submit]"),
    ]);
    const id = (await t.db.execute(
      sql`select id from producers where name = 'Ramnagar Brass Works'`,
    )) as unknown as { rows: { id: number }[] };
    const producerId = id.rows[0]?.id;

    const lucknow = await person(t.db, "district_officer", inLucknow);
    const page = await fresh("/sign-in");
    await signIn(page, lucknow.email);
    const res = await page.goto(`${base}/officer/producers/${producerId}`);
    expect(res?.status()).toBe(403);
    await expect(page.locator("h1").textContent()).resolves.toBe("Not allowed");
    await expect(page.locator("main").textContent()).resolves.toContain("Nothing was changed");
    await page.goto(`${base}/officer/producers`);
    await expect(page.locator("main").textContent()).resolves.not.toContain("Ramnagar Brass Works");
    for (const p of [ownerPage, page]) await p.context().close();
  });

  it.each(["en", "hi"] as const)(
    "has no axe-core WCAG 2.1 AA violations on the account pages (%s)",
    async (lang) => {
      const q = lang === "hi" ? "?lang=hi" : "";
      const officer = await person(t.db, "district_officer", inVaranasi);
      const page = await fresh(`/sign-in${q}`);
      const found: Record<string, string[]> = {};
      for (const p of ["/sign-in", "/sign-up", "/forgot-password", "/producers", "/sign-up/sent"])
        found[p] = await auditPage(page, base + p + q);
      await page.goto(`${base}/sign-up${q}`);
      await page.click("form.form button[type=submit]"); // the form with its errors shown
      found["/sign-up (errors)"] = await axeAtBothWidths(page);
      await signIn(page, officer.email);
      const pending = (await t.db.execute(
        sql`select id from producers where status = 'pending' limit 1`,
      )) as unknown as {
        rows: { id: number }[];
      };
      for (const p of [
        "/account",
        `/producers/new?district=${inVaranasi.districtLgdCode}`,
        "/producers/new",
        "/officer/producers",
        `/officer/producers/${pending.rows[0]?.id}`,
        "/buyers/me",
        "/account/password",
        `/committees/new?kind=depc&district=${inVaranasi.districtLgdCode}`,
      ])
        found[p] = await auditPage(page, base + withLang(p, lang));
      await page.context().close();
      // The administrator's pages: invitations, officers (and a revocation's confirmation), the audit log.
      const admin = await fresh("/sign-in");
      await signIn(admin, (await person(t.db, "national_admin")).email);
      const grant = (await t.db.execute(
        sql`select id from grants where role = 'district_officer' and revoked_at is null limit 1`,
      )) as unknown as { rows: { id: number }[] };
      for (const p of [
        "/account/invite",
        "/account/officers",
        `/account/officers/${grant.rows[0]?.id}/revoke`,
        "/audit",
        "/admin/gi-links",
      ])
        found[p] = await auditPage(admin, base + withLang(p, lang));
      await admin.context().close();
      expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
    },
  );
});
