import { sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { Db } from "./db";
import { rateLimits } from "./tables";

/**
 * At most `perMinute` requests per client and minute, counted in the database so that every instance behind a load
 * balancer shares the count. Over the limit: 429 problem+json with Retry-After.
 */
export function rateLimit(
  db: Db,
  opts: { perMinute: number; clientOf: (c: Parameters<MiddlewareHandler>[0]) => string },
): MiddlewareHandler {
  let calls = 0;
  return async (c, next) => {
    const key = `api:${opts.clientOf(c)}`;
    const result = (await db.execute(sql`
      insert into ${rateLimits} (key, window_start, hits) values (${key}, date_trunc('minute', now()), 1)
      on conflict (key, window_start) do update set hits = ${rateLimits.hits} + 1
      returning hits, extract(epoch from (date_trunc('minute', now()) + interval '1 minute' - now()))::float8 as left`)) as unknown as {
      rows: { hits: number; left: number }[];
    };
    // Old windows are of no use: sweep them now and then rather than on every request.
    if (++calls % 500 === 0)
      await db.execute(sql`delete from ${rateLimits} where window_start < now() - interval '10 minutes'`);
    const row = result.rows[0];
    const remaining = Math.max(0, opts.perMinute - (row?.hits ?? 0));
    c.header("RateLimit-Limit", String(opts.perMinute));
    c.header("RateLimit-Remaining", String(remaining));
    if ((row?.hits ?? 0) > opts.perMinute) {
      const retry = Math.max(1, Math.ceil(row?.left ?? 60));
      return new Response(
        JSON.stringify({
          type: "about:blank",
          title: "Too Many Requests",
          status: 429,
          detail: `More than ${opts.perMinute} requests in a minute from this client; try again in ${retry} s`,
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
