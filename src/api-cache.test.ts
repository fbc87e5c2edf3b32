import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../test/support/database";
import { createApp, newPageCache, nodeListener } from "./app";
import { createLogger } from "./platform/logger";

/** Answers from the app carry a UUID request id; answers given before the app is entered, a short counter. */
const fromTheApp = (res: Response) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(res.headers.get("x-request-id") ?? "");

describe("API answers kept under the registry's data stamp, on node:http", () => {
  let t: TestDatabase;
  let server: http.Server;
  let base: string;
  let client = 0;
  const ask = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers: { "X-Forwarded-For": `192.0.2.${client}`, ...headers } });
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    const pageCache = newPageCache();
    const app = createApp({
      database: t,
      logger: createLogger("silent"),
      pageCache,
      apiRateLimit: 40,
      trustProxy: true,
    });
    server = http.createServer(nodeListener(app, pageCache));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await t.dispose();
  });

  it("answers from memory until the registry changes, and anew once it has", async () => {
    client = 1;
    const path = "/api/v1/states/9";
    const first = await ask(path);
    expect(first.status).toBe(200);
    expect(fromTheApp(first)).toBe(true);
    const body = await first.text();
    const etag = first.headers.get("etag");
    expect(first.headers.get("cache-control")).toBe("public, no-cache");

    const again = await ask(path);
    expect(fromTheApp(again)).toBe(false);
    expect(await again.text()).toBe(body);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("content-type")).toMatch(/^application\/json/);
    expect(again.headers.get("access-control-allow-origin")).toBe("*");
    expect(again.headers.get("cache-control")).toBe("public, no-cache");
    expect(Number(again.headers.get("ratelimit-remaining"))).toBeLessThan(40);
    const unchanged = await ask(path, { "If-None-Match": etag ?? "" });
    expect(unchanged.status).toBe(304);

    // Any write to a registry table bumps the stamp (a trigger), whichever code made it.
    await t.db.execute(sql`update states set name_hi = 'उत्तर प्रदेश राज्य' where lgd_code = 9`);
    let changed = "";
    for (let i = 0; i < 20 && !changed.includes("उत्तर प्रदेश राज्य"); i++) {
      changed = await (await ask(path)).text();
      if (!changed.includes("उत्तर प्रदेश राज्य")) await new Promise((r) => setTimeout(r, 100));
    }
    expect(JSON.parse(changed).nameHi).toBe("उत्तर प्रदेश राज्य");
    const now = await ask(path, { "If-None-Match": etag ?? "" });
    expect(now.status).toBe(200);
  });

  it("counts answers from memory against the rate limit, and refuses past it", async () => {
    client = 2;
    const statuses: number[] = [];
    let kept = 0;
    for (let i = 0; i < 45; i++) {
      const res = await ask("/api/v1/products?limit=5");
      statuses.push(res.status);
      if (res.status === 200 && !fromTheApp(res)) kept++;
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.slice(40)).toEqual([429, 429, 429, 429, 429]);
    expect(kept).toBeGreaterThan(20);
  });

  it("answers what is not kept (a person's data, errors) from the app every time", async () => {
    client = 3;
    for (let i = 0; i < 2; i++) {
      const bad = await ask("/api/v1/products?limit=0");
      expect(bad.status).toBe(400);
      expect(fromTheApp(bad)).toBe(true);
    }
    await ask("/api/v1/openapi.json");
    expect(fromTheApp(await ask("/api/v1/openapi.json"))).toBe(true);
  });
});
