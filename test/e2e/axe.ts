/// <reference lib="dom" />
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The WCAG 2.1 AA violations axe-core finds on the page, as "rule: targets" lines. axe is evaluated through the
 * DevTools protocol, which the pages' Content-Security-Policy (no inline scripts) rightly does not allow as a tag.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
  });
}

/** axe's violations at a phone's width (390 px) and at a desktop's (1280 px), each prefixed with its width. */
export async function axeAtBothWidths(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    found.push(...(await axeViolations(page)).map((v) => `${width}px ${v}`));
  }
  return found;
}

/**
 * Opens `url` and audits it at both widths. It must answer 200: a 404 or an error page would pass axe and prove
 * nothing about the page meant, so any other status is reported as a violation of its own.
 */
export async function auditPage(page: Page, url: string): Promise<string[]> {
  const res = await page.goto(url);
  if (res?.status() !== 200) return [`HTTP ${res?.status()} instead of 200`];
  return axeAtBothWidths(page);
}
