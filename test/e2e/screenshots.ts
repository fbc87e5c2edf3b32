/**
 * Screenshots of pages in headless Debian Chromium, for looking at what we build.
 * Run against a running server: npx tsx test/e2e/screenshots.ts http://localhost:3000 docs/screenshots /path?lang=hi:name ...
 * Each page is taken at 1280 px and 390 px wide. With SIGN_IN=email:password, pages are seen signed in as that person
 * (e.g. a demo account of `npm run seed:demo`). FULL=1 takes whole pages, not the first 900 px.
 */
import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "./browser";

const [base = "http://localhost:3000", outDir = "docs/screenshots", ...pages] = process.argv.slice(2);
const targets = pages.length ? pages : ["/:home-en", "/?lang=hi:home-hi"];

fs.mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
const context = await browser.newContext();
const signIn = process.env.SIGN_IN;
if (signIn) {
  const cut = signIn.indexOf(":");
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.fill("#f-email", signIn.slice(0, cut));
  await page.fill("#f-password", signIn.slice(cut + 1));
  await Promise.all([page.waitForURL(/\/account/), page.click("form.form button[type=submit]")]);
  await page.close();
}
for (const target of targets) {
  const cut = target.lastIndexOf(":");
  const [url, name] = [target.slice(0, cut), target.slice(cut + 1)];
  for (const width of [1280, 390]) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(base + url);
    const file = path.join(outDir, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
    await page.close();
    console.log(file);
  }
}
await browser.close();
