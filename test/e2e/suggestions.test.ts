/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeAtBothWidths } from "./axe";
import { haveBrowser, startPortal } from "./browser";

describe.runIf(haveBrowser)("suggestions under the search box, in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let page: Page;
  beforeAll(async () => {
    portal = await startPortal();
    page = await portal.browser.newPage({ viewport: { width: 390, height: 900 } });
  });
  afterAll(() => portal.close());

  /** Types into a box letter by letter, as a person does, and waits for the list. */
  const type = async (box: string, text: string) => {
    await page.fill(box, "");
    await page.locator(box).pressSequentially(text, { delay: 20 });
    await page.waitForSelector('[role="listbox"]:not([hidden]) [role="option"]');
  };

  it("offers a district by its former name, chosen with the keyboard", async () => {
    await page.goto(`${portal.base}/`);
    await type("#q-home", "bomb");
    const box = page.locator("#q-home");
    expect(await box.getAttribute("role")).toBe("combobox");
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    const options = page.locator('[role="listbox"]:not([hidden]) [role="option"]');
    expect(await options.first().textContent()).toContain("Mumbai");
    // The count is announced; the arrows move the choice, which the box points at.
    await expect
      .poll(() => page.locator('#q-home ~ [role="status"]').textContent())
      .toMatch(/^\d+ suggestions/);
    await page.keyboard.press("ArrowDown");
    const active = await box.getAttribute("aria-activedescendant");
    expect(active).toBeTruthy();
    expect(await page.locator(`#${active}`).getAttribute("aria-selected")).toBe("true");
    // Escape closes the list and keeps what was typed; Enter on a choice opens it.
    await page.keyboard.press("Escape");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    expect(await box.inputValue()).toBe("bomb");
    await type("#q-home", "bomb");
    await page.keyboard.press("ArrowDown");
    await Promise.all([page.waitForURL(/\/districts\/482$/), page.keyboard.press("Enter")]);
  });

  it("without a choice, Enter still searches, and the results page finds the old name", async () => {
    await page.goto(`${portal.base}/`);
    await type("#q-home", "Benares");
    await Promise.all([page.waitForURL(/\/search\?q=Benares/), page.keyboard.press("Enter")]);
    expect(await page.locator("ol.results li a").first().textContent()).toBe("Varanasi");
  });

  it.each([
    ["en", "/search?q=silk", "#q", "kanch"],
    ["hi", "/?lang=hi", "#q-home", "रेशम"],
  ])(
    "is accessible with the list open (%s), at a phone's width and a desktop's",
    async (_lang, url, box, text) => {
      await page.setViewportSize({ width: 390, height: 900 });
      await page.goto(`${portal.base}${url}`);
      await type(box, text);
      expect(await axeAtBothWidths(page)).toEqual([]);
    },
  );
});
