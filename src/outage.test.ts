import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../test/support/database";
import { createApp } from "./app";
import { type Database, openDatabase } from "./platform/db";
import { createLogger } from "./platform/logger";

/** A logger whose lines are kept, to count what an outage writes. */
function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe("when the database is down", () => {
  let down: Database;
  beforeAll(async () => {
    // A PostgreSQL address where nothing listens: every query fails to connect, as in a real outage.
    down = await openDatabase({ url: "postgres://postgres@127.0.0.1:9/odop" });
  });
  afterAll(() => down.close());

  it("answers 503 with Retry-After and a page that says so, and logs the outage once", async () => {
    const { logger, lines } = recordingLogger();
    const app = createApp({ database: down, logger });
    const page = await app.request("/districts/187?lang=hi");
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("30");
    expect(await page.text()).toContain("कुछ समय के लिए अनुपलब्ध");
    const api = await app.request("/api/v1/states");
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect(api.headers.get("retry-after")).toBe("30");
    for (let i = 0; i < 5; i++) expect((await app.request("/gi")).status).toBe(503);
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toBe("database unavailable: answering 503 until it is back");
    expect((await app.request("/readyz")).status).toBe(503);
  });
});

describe("readiness and the disk", () => {
  let t: TestDatabase;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-disk-"));
  beforeAll(async () => {
    t = await freshDatabase({ seeded: false });
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("reports not ready when the data folder's disk is (nearly) full, and ready otherwise", async () => {
    const logger = createLogger("silent");
    const roomy = await createApp({ database: t, logger, dataDir, minFreeBytes: 1 }).request("/readyz");
    expect(roomy.status).toBe(200);
    const full = await createApp({
      database: t,
      logger,
      dataDir,
      minFreeBytes: Number.MAX_SAFE_INTEGER,
    }).request("/readyz");
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({
      status: "not ready",
      reason: expect.stringContaining("disk nearly full"),
    });
  });
});
