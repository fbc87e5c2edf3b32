/// <reference lib="dom" />
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoWorkflows } from "../../src/demo";
import { fyOf } from "../../src/modules/insights/periods";
import { DirectoryFileStore } from "../../src/platform/file-store";
import { person } from "../support/people";
import { auditPage } from "./axe";
import { haveBrowser, signedInPage, startPortal } from "./browser";

describe.runIf(haveBrowser)("dashboards and the ranking in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let base: string;
  let browser: Browser;
  let admin = "";
  const year = fyOf(new Date());

  beforeAll(async () => {
    portal = await startPortal();
    ({ base, browser } = portal);
    const store = new DirectoryFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "odop-insights-e2e-")));
    await seedDemoWorkflows(portal.database.db, {
      password: "demo-password-2026",
      store,
      escalateAfterDays: 15,
      origin: base,
    });
    admin = (await person(portal.database.db, "national_admin")).email;
  }, 180_000);
  afterAll(() => portal?.close());

  it("chooses a period with the keyboard and shows its figures", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/districts/187/dashboard?demo=1`);
    await page.focus("select[name=period]");
    await page.selectOption("select[name=period]", "all");
    // Tab past the demo box to the button; Enter on it sends the form.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Show");
    await Promise.all([page.waitForURL(/period=all/), page.keyboard.press("Enter")]);
    expect(await page.locator("p[role=status] strong").first().textContent()).toBe("Everything on record");
    // Each chart is drawn with its table beside it.
    expect(await page.locator(".dashboard-chart svg.chart").count()).toBeGreaterThan(5);
    expect(await page.locator(".dashboard-chart table").count()).toBe(
      await page.locator(".dashboard-chart svg.chart").count(),
    );
    await page.close();
  });

  it("passes axe at 390 px and at desktop width, in English and Hindi", async () => {
    const page = await signedInPage(browser, base, admin);
    const found: string[] = [];
    for (const url of [
      "/dashboard?period=all&demo=1",
      "/states/9/dashboard?period=all&demo=1",
      "/districts/187/dashboard?period=all&demo=1",
      "/dashboard/producers?district=187&period=all&demo=1",
      "/ranking",
      `/ranking/${year}`,
      `/ranking/${year}?state=9`,
      "/ranking/method",
      "/admin/ranking",
    ])
      for (const lang of ["en", "hi"]) {
        const full = lang === "hi" ? `${url}${url.includes("?") ? "&" : "?"}lang=hi` : url;
        found.push(...(await auditPage(page, `${base}${full}`)).map((v) => `${full} ${v}`));
      }
    expect(found).toEqual([]);
    await page.close();
  });
});
