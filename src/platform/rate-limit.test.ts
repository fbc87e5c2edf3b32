import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/support/database";
import { RateLimiter } from "./rate-limit";

/** Counters are per minute: start well inside one, so that the window cannot turn over mid-test. */
async function insideOneMinute() {
  const second = new Date().getSeconds();
  if (second > 50) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
}

describe("the rate limiter's reserved blocks", () => {
  let t: TestDatabase;
  let client = 0;
  let name: string;
  const shared = async () =>
    Number(
      (
        (await t.db.execute(
          sql`select coalesce(sum(hits), 0) as n from rate_limits where key = ${`api:${name}`}`,
        )) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]?.n,
    );
  beforeAll(async () => {
    t = await freshDatabase({ seeded: false });
  });
  afterAll(() => t.dispose());
  beforeEach(async () => {
    name = `198.51.100.${++client}`;
    await insideOneMinute();
  });

  it("writes once for a block of a quarter of what is left, and admits the rest from memory", async () => {
    const limiter = new RateLimiter(t.db, 1000);
    const first = await limiter.take(name);
    expect(first).toMatchObject({ allowed: true, remaining: 999 });
    expect(await shared()).toBe(250);
    for (let i = 1; i < 250; i++) expect(limiter.tryTake(name)?.allowed).toBe(true);
    // The block is used up: the next request must ask the database, which reserves a quarter of the 750 left.
    expect(limiter.tryTake(name)).toBeNull();
    expect((await limiter.take(name)).remaining).toBe(749);
    expect(await shared()).toBe(250 + 187);
  });

  it("never lets a client past the limit across instances asking at once, and wastes almost none of it", async () => {
    const a = new RateLimiter(t.db, 100);
    const b = new RateLimiter(t.db, 100);
    const results = await Promise.all(
      Array.from({ length: 160 }, (_, i) => (i % 3 === 0 ? a : b).take(name)),
    );
    const allowed = results.filter((r) => r.allowed).length;
    expect(allowed).toBeLessThanOrEqual(100);
    // Near the limit the blocks are one request each: what one instance reserved and did not use is a handful.
    expect(allowed).toBeGreaterThanOrEqual(96);
    const refused = results.find((r) => !r.allowed);
    expect(refused?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused?.retryAfter).toBeLessThanOrEqual(60);
  });

  it("keeps a refusal in memory for the rest of the window", async () => {
    const limiter = new RateLimiter(t.db, 3);
    for (let i = 0; i < 3; i++) expect((await limiter.take(name)).allowed).toBe(true);
    expect((await limiter.take(name)).allowed).toBe(false);
    const before = await shared();
    // Refused without asking the database again: the shared count does not move.
    expect(limiter.tryTake(name)).toMatchObject({ allowed: false, remaining: 0 });
    expect((await limiter.take(name)).allowed).toBe(false);
    expect(await shared()).toBe(before);
  });

  it("counts each client on its own", async () => {
    const limiter = new RateLimiter(t.db, 2);
    expect((await limiter.take(name)).allowed).toBe(true);
    expect((await limiter.take(name)).allowed).toBe(true);
    expect((await limiter.take(name)).allowed).toBe(false);
    expect((await limiter.take(`${name}.other`)).allowed).toBe(true);
  });
});
