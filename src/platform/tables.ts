import { integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";

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

/** A file sent with a message: small and textual (an iCalendar invitation), so it is kept in the row itself. */
export type MailAttachment = { filename: string; contentType: string; content: string };

/**
 * Mail waiting to be delivered. A command inserts its message in its own transaction, so a message exists exactly when
 * the change it announces does; the outbox worker delivers it later, never inside the user's request.
 */
export const outbox = pgTable("outbox", {
  id: serial("id").primaryKey(),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  /** Files sent with the message (a meeting's .ics invitation), as text. */
  attachments: jsonb("attachments").$type<MailAttachment[]>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
  attempts: integer("attempts").notNull().default(0),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  lastError: text("last_error"),
});
