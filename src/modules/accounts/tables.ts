import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { districts, states } from "../geo/tables";

import { roles } from "./roles";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Stored as typed; compared lower-cased (one account per address, whatever its case). */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id; null until the person sets one (an invited officer, an administrator made by the CLI). */
    passwordHash: text("password_hash"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    lang: text("lang", { enum: ["en", "hi"] })
      .notNull()
      .default("en"),
    /** The IANA time zone the person keeps their diary in (a buyer in New York); null: India time. */
    timeZone: text("time_zone"),
    /** Made by `npm run seed:demo`: shown as demo, kept out of open data and exports. */
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower").on(sql`lower(${t.email})`)],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so the table cannot be replayed. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** What a person may do and where: a role with its scope (a State for its SEPC, a district for its DEPC). */
export const grants = pgTable(
  "grants",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: roles }).notNull(),
    stateLgdCode: integer("state_lgd_code").references(() => states.lgdCode),
    districtLgdCode: integer("district_lgd_code").references(() => districts.lgdCode),
    /** An Indian Mission officer's country (ISO 3166-1 alpha-2); null for every other role. */
    country: text("country"),
    grantedBy: integer("granted_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("grants_user_idx").on(t.userId)],
);

export const invitations = pgTable("invitations", {
  id: serial("id").primaryKey(),
  tokenHash: text("token_hash").notNull().unique(),
  email: text("email").notNull(),
  role: text("role", { enum: roles }).notNull(),
  stateLgdCode: integer("state_lgd_code").references(() => states.lgdCode),
  districtLgdCode: integer("district_lgd_code").references(() => districts.lgdCode),
  country: text("country"),
  invitedBy: integer("invited_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  acceptedAt: timestamp("accepted_at", { withTimezone: true }),
});

/** Single-use links sent by email: password reset and address verification. */
export const userTokens = pgTable("user_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  purpose: text("purpose", { enum: ["reset", "verify"] }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Failed sign-ins per account and per address, by quarter hour: the throttle counts them here, shared by instances. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    failures: integer("failures").notNull(),
  },
  (t) => [uniqueIndex("sign_in_failures_key_window").on(t.key, t.windowStart)],
);

/**
 * Every write: who, when, with which role, what, before and after. Append-only: a trigger (migration 0006) refuses
 * UPDATE, DELETE and TRUNCATE, so not even a bug or a careless administrator's SQL can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer("actor_user_id"),
    actorEmail: text("actor_email"),
    role: text("role"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    stateLgdCode: integer("state_lgd_code"),
    districtLgdCode: integer("district_lgd_code"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    ip: text("ip"),
  },
  (t) => [index("audit_log_state_at").on(t.stateLgdCode, t.at), index("audit_log_at").on(t.at)],
);
