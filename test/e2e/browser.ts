import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { createApp } from "../../src/app";
import { createLogger } from "../../src/platform/logger";
import { freshDatabase } from "../support/database";
import { password } from "../support/people";
import { chromiumPath } from "./browser-path";

export { chromiumPath };

/** Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no background traffic). */
export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** On CI the browser is installed by .ci/run, so a missing browser is a failure there, not a skip. */
export const haveBrowser = fs.existsSync(chromiumPath) || process.env.CI === "true";

/** The app over a fresh seeded database, on a real port, and a browser: what every browser test starts from. */
export async function startPortal() {
  const database = await freshDatabase({ seeded: true });
  const app = createApp({ database, logger: createLogger("silent") });
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const browser = await launchChromium();
  return {
    database,
    browser,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await database.dispose();
    },
  };
}

/** A new browser context signed in as `email` (through the sign-in form), at a desktop or a phone's width. */
export async function signedInPage(
  browser: Browser,
  base: string,
  email: string,
  opts: { width?: number; password?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.fill("#f-email", email);
  await page.fill("#f-password", opts.password ?? password);
  await Promise.all([page.waitForURL(/\/account/), page.click("form.form button[type=submit]")]);
  return page;
}
