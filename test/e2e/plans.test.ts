/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, actorOf } from "../../src/modules/accounts";
import { createPlan, editPlan, movePlan } from "../../src/modules/planning/commands/plans";
import { inVaranasi } from "../support/actors";
import type { TestDatabase } from "../support/database";
import { password, person } from "../support/people";
import { auditPage } from "./axe";
import { haveBrowser, startPortal } from "./browser";

const withLang = (p: string, lang: "en" | "hi") =>
  lang === "hi" ? `${p}${p.includes("?") ? "&" : "?"}lang=hi` : p;

describe.runIf(haveBrowser)("export action plans in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let t: TestDatabase;
  let base: string;
  let browser: Browser;
  let email: string;
  let planId: number;

  beforeAll(async () => {
    portal = await startPortal();
    ({ base, browser, database: t } = portal);
    const o = await person(t.db, "district_officer", inVaranasi);
    email = o.email;
    const actor = (await actorOf(t.db, o.userId, { requestId: null, ip: null })) as Actor;
    planId = await createPlan(t.db, actor, {
      districtLgdCode: inVaranasi.districtLgdCode,
      fromYear: 2026,
      toYear: 2028,
    });
    await editPlan(t.db, actor, planId, { version: 1, strategy: "More silk exports.\n\nPackaging first." });
    await movePlan(t.db, actor, planId, { version: 2, step: "circulate" });
  });
  afterAll(() => portal?.close());

  it.each(["en", "hi"] as const)(
    "has no axe-core WCAG 2.1 AA violations on the plan pages (%s)",
    async (lang) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.fill("#f-email", email);
      await page.fill("#f-password", password);
      await Promise.all([page.waitForURL(/\/account/), page.click("form.form button[type=submit]")]);
      const found: Record<string, string[]> = {};
      for (const p of [
        `/export-plans/${planId}`,
        `/export-plans/new?district=${inVaranasi.districtLgdCode}`,
        `/districts/${inVaranasi.districtLgdCode}/export-plan`,
        "/export-plans",
      ])
        found[p] = await auditPage(page, base + withLang(p, lang));
      await context.close();
      expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
    },
  );
});
