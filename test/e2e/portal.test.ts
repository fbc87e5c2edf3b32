import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "./axe";
import { haveBrowser, startPortal } from "./browser";

describe.runIf(haveBrowser)("the public portal in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    portal = await startPortal();
    ({ base, browser } = portal);
  });
  afterAll(() => portal?.close());

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const res = await page.goto(base + path);
    expect(res?.status()).toBe(200);
    return page;
  }

  it("renders in standards mode with an icon, and puts focus on the error summary after a failed submit", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(`${base}/`);
    expect(await page.evaluate(() => document.compatMode)).toBe("CSS1Compat"); // <!DOCTYPE html>, not quirks
    const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>("link[rel=icon]")?.href);
    expect((await page.request.get(icon as string)).status()).toBe(200);
    expect((await page.request.get(`${base}/favicon.ico`)).headers()["content-type"]).toBe("image/x-icon");
    expect(problems).toEqual([]); // no script error, no blocked resource (the CSP would say so here)
    await page.goto(`${base}/sign-up?lang=hi`);
    await page.click("form.form button[type=submit]"); // nothing filled in
    await page.waitForSelector("#error-summary");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    await page.close();
  });

  it("goes from a district on the national map to its page", async () => {
    const page = await open("/");
    // Kachchh: a large, compact district, so the middle of its shape is inside it.
    const kachchh = page.locator('svg.map a[data-code="449"]');
    await Promise.all([page.waitForURL(/\/districts\/449$/), kachchh.click()]);
    await expect(page.locator("h1").textContent()).resolves.toBe("Kachchh");
    await page.close();
  });

  it("finds the right product from a misspelt search typed on the home page", async () => {
    const page = await open("/");
    await page.fill("#q-home", "darjling tea");
    await Promise.all([page.waitForURL(/\/search\?q=darjling/), page.press("#q-home", "Enter")]);
    const first = page.locator("ol.results li a").first();
    await expect(first.textContent()).resolves.toBe("Darjeeling Tea");
    await Promise.all([page.waitForURL(/\/products\//), first.click()]);
    await expect(page.locator("h1").textContent()).resolves.toBe("Darjeeling Tea");
    await page.close();
  });

  it("switches language and stays on the same page", async () => {
    const page = await open("/states/29");
    await Promise.all([page.waitForURL(/\/states\/29\?lang=hi$/), page.click("a.lang")]);
    await expect(page.getAttribute("html", "lang")).resolves.toBe("hi");
    await expect(page.locator("h1").textContent()).resolves.toBe("कर्नाटक");
    await Promise.all([page.waitForURL(/\/states\/29$/), page.click("a.lang")]);
    await expect(page.getAttribute("html", "lang")).resolves.toBe("en");
    await page.close();
  });

  it.each(["/", "/districts/293", "/search?q=silk"])(
    "fits a 390 px phone screen without sideways scrolling: %s",
    async (path) => {
      const page = await open(path, 390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    },
  );

  const pages = [
    "/",
    "/states/29",
    "/districts/293",
    "/products/darjeeling-tea-darjeeling",
    "/gi",
    "/search?q=silk",
    "/districts",
    "/sectors",
    "/open-data",
    "/api/v1/docs",
    "/exports",
    "/districts/187/committee",
  ];
  it.each(pages.flatMap((p) => [p, `${p}${p.includes("?") ? "&" : "?"}lang=hi`]))(
    "has no WCAG 2.1 AA violations that axe-core finds: %s",
    async (path) => {
      const page = await open(path);
      const violations = await auditPage(page, page.url());
      expect(violations).toEqual([]);
      await page.close();
    },
  );
});
