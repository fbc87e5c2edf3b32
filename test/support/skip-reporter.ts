import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";
import { chromiumPath } from "../e2e/browser-path";

/**
 * Says in the last lines of every run, loudly, which suites did not run here, so that a green `npm test` on a
 * machine without PostgreSQL or Chromium is not taken for the whole suite. (`bash .ci/run` runs them all.)
 */
export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let skipped = 0;
    for (const m of modules)
      for (const t of m.children.allTests()) if (t.result().state === "skipped") skipped++;
    const missing: string[] = [];
    if (!process.env.TEST_DATABASE_URL)
      missing.push(
        "the PostgreSQL server suite (TEST_DATABASE_URL is not set: every test ran on embedded PGlite only)",
      );
    else missing.push("the embedded-database process tests (they run when TEST_DATABASE_URL is not set)");
    if (!fs.existsSync(chromiumPath) && process.env.CI !== "true")
      missing.push(
        `the browser tests (no Chromium at ${chromiumPath}: apt-get install chromium fonts-noto-core)`,
      );
    const bar = "!".repeat(100);
    console.log(`\n${bar}`);
    console.log(`!! NOT RUN HERE: ${skipped} tests skipped. Missing from this run:`);
    for (const m of missing) console.log(`!!   - ${m}`);
    console.log("!! The whole suite, both databases and the browser: bash .ci/run");
    console.log(bar);
  }
}
