import { sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { Db } from "./db";
import { rateLimits } from "./tables";

/** What a client may still do in this minute, as this instance knows it. */
type Allowance = {
  /** Requests this instance reserved in the shared count and has not used yet. */
  left: number;
  /** The shared count of the window after this instance's last reservation (its own and every other instance's). */
  shared: number;
  /** When the window ends, on this machine's clock (from the database's seconds left, so clocks may differ). */
  until: number;
};

export type Admission = { allowed: boolean; remaining: number; retryAfter: number };

/**
 * At most `perMinute` requests per client and minute, counted in the database so that every instance behind a load
 * balancer shares the count — but not written on every request: an instance reserves a block of requests in the
 * shared count (a quarter of what is left in the window, at most `maxBlock`) and admits from its block in memory.
 * Blocks shrink as the window fills, to one request near the limit, so the limit is never passed, and at most a few
 * reserved requests sit unused in other instances when a client is refused. A refusal is final for the window: it
 * is kept in memory too. Decision 021.
 */
export class RateLimiter {
  private readonly allowances = new Map<string, Allowance>();
  private readonly leasing = new Map<string, Promise<void>>();
  private leases = 0;

  constructor(
    private readonly db: Db,
    readonly perMinute: number,
    private readonly maxBlock = 1000,
  ) {}

  /** Admits from this instance's block without waiting; null when the database must be asked (take()). */
  tryTake(client: string): Admission | null {
    const a = this.allowances.get(client);
    if (!a || Date.now() >= a.until) return null;
    const retryAfter = Math.max(1, Math.ceil((a.until - Date.now()) / 1000));
    if (a.left > 0) {
      a.left--;
      return { allowed: true, remaining: this.remaining(a), retryAfter };
    }
    return a.shared >= this.perMinute ? { allowed: false, remaining: 0, retryAfter } : null;
  }

  /** Admits or refuses one request, reserving a new block in the shared count when this instance's is used up. */
  async take(client: string): Promise<Admission> {
    for (;;) {
      const known = this.tryTake(client);
      if (known) return known;
      // Requests of one client arriving together wait for one reservation rather than each making its own.
      let leasing = this.leasing.get(client);
      if (!leasing) {
        leasing = this.lease(client).finally(() => this.leasing.delete(client));
        this.leasing.set(client, leasing);
      }
      await leasing;
    }
  }

  private async lease(client: string): Promise<void> {
    const before = this.allowances.get(client);
    const guess = before && Date.now() < before.until ? before.shared : 0;
    const want = Math.max(1, Math.min(this.maxBlock, Math.floor((this.perMinute - guess) / 4)));
    const result = (await this.db.execute(sql`
      insert into ${rateLimits} (key, window_start, hits) values (${`api:${client}`}, date_trunc('minute', now()), ${want})
      on conflict (key, window_start) do update set hits = ${rateLimits.hits} + ${want}
      returning hits, extract(epoch from (date_trunc('minute', now()) + interval '1 minute' - now()))::float8 as left`)) as unknown as {
      rows: { hits: number; left: number }[];
    };
    const row = result.rows[0];
    if (!row) throw new Error("the rate-limit reservation returned no row");
    const shared = Number(row.hits);
    // What was reserved beyond the limit cannot be used; the other instances' share of the count is left to them.
    const usable = Math.max(0, Math.min(want, this.perMinute - (shared - want)));
    // A window ending this very moment is still one that ends: at least a millisecond, so the loop in take() ends.
    this.allowances.set(client, {
      left: usable,
      shared,
      until: Date.now() + Math.max(1, Number(row.left) * 1000),
    });
    // Old windows are of no use: swept now and then rather than on every reservation.
    if (++this.leases % 500 === 0) {
      await this.db.execute(
        sql`delete from ${rateLimits} where window_start < now() - interval '10 minutes'`,
      );
      this.forgetEnded();
    }
  }

  /** Headers for an admitted request, flat [name, value, …] for node:http. */
  headers(admission: Admission): string[] {
    return ["RateLimit-Limit", String(this.perMinute), "RateLimit-Remaining", String(admission.remaining)];
  }

  private remaining(a: Allowance): number {
    return Math.max(0, this.perMinute - a.shared + a.left);
  }

  private forgetEnded(): void {
    const now = Date.now();
    for (const [client, a] of this.allowances) if (now >= a.until) this.allowances.delete(client);
  }
}

/** The limiter as middleware: RateLimit headers on every answer; over the limit, 429 problem+json with Retry-After. */
export function rateLimit(
  limiter: RateLimiter,
  clientOf: (c: Parameters<MiddlewareHandler>[0]) => string,
): MiddlewareHandler {
  return async (c, next) => {
    const admission = await limiter.take(clientOf(c));
    c.header("RateLimit-Limit", String(limiter.perMinute));
    c.header("RateLimit-Remaining", String(admission.remaining));
    if (!admission.allowed) {
      const retry = admission.retryAfter;
      return new Response(
        JSON.stringify({
          type: "about:blank",
          title: "Too Many Requests",
          status: 429,
          detail: `More than ${limiter.perMinute} requests in a minute from this client; try again in ${retry} s`,
          instance: c.req.path,
        }),
        {
          status: 429,
          headers: { "Content-Type": "application/problem+json", "Retry-After": String(retry) },
        },
      );
    }
    await next();
  };
}
