import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** Bytes, as PostgreSQL keeps them (Drizzle has no built-in bytea column). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

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

/**
 * Work to do later, outside any request: a queue name, its data, when it is due, how often it was tried and what went
 * wrong. Enqueued in the caller's transaction (it exists exactly when the change that asks for it does); claimed with
 * SKIP LOCKED and a lease, so that one instance runs it and a crashed run is tried again when its lease ends.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: serial("id").primaryKey(),
    queue: text("queue").notNull(),
    payload: jsonb("payload").notNull(),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** At most one job of a key waits at a time (a second enqueue of the same key is a no-op). */
    singletonKey: text("singleton_key"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("jobs_due").on(t.runAt).where(sql`${t.doneAt} is null`),
    uniqueIndex("jobs_one_waiting_per_key").on(t.singletonKey).where(sql`${t.doneAt} is null`),
  ],
);

/**
 * Recurring work (build the open data, deliver mail, back up): when each is next due. An instance runs a schedule only
 * after moving its next time forward in one statement, so that several instances on one database never run the same
 * beat twice, and a restart finds the schedule where it was.
 */
export const jobSchedules = pgTable("job_schedules", {
  name: text("name").primaryKey(),
  everySeconds: integer("every_seconds").notNull(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull(),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }),
  lastError: text("last_error"),
});

/**
 * Printable documents rendered by a job (a plan's PDF, a meeting's minutes), one per key and language, with the stamp
 * of the data they were rendered from: a request serves them and never renders.
 */
export const renderedDocuments = pgTable(
  "rendered_documents",
  {
    key: text("key").notNull(),
    lang: text("lang").notNull(),
    stamp: text("stamp").notNull(),
    body: bytea("body").notNull(),
    renderedAt: timestamp("rendered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.lang] })],
);
