import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Request counters per client and minute, shared by every instance on the database (never in process memory). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
