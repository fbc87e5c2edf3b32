import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/tables";
import { districts, states } from "../geo/tables";
import { committeeKinds, memberRoles } from "./kinds";

/**
 * A District (DEPC) or State (SEPC) Export Promotion Committee: one per district, one per State/UT. Its name is data,
 * in both languages (some States use their own, e.g. "District Industrial & Export Promotion Committee").
 */
export const committees = pgTable(
  "committees",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: committeeKinds }).notNull(),
    stateLgdCode: integer("state_lgd_code")
      .notNull()
      .references(() => states.lgdCode),
    /** The district of a DEPC; null for an SEPC. */
    districtLgdCode: integer("district_lgd_code").references(() => districts.lgdCode),
    nameEn: text("name_en").notNull(),
    nameHi: text("name_hi").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("committees_one_per_place").on(
      t.kind,
      t.stateLgdCode,
      sql`coalesce(${t.districtLgdCode}, 0)`,
    ),
  ],
);

/**
 * A seat on a committee and who holds it: a committee role, a designation and a department or organisation, from and
 * to dates (history is kept: a member who leaves gets a to-date, never deleted). The person is a name, an account, or
 * neither while the seat is vacant (the usual composition is offered as vacant seats to fill).
 */
export const committeeMembers = pgTable(
  "committee_members",
  {
    id: serial("id").primaryKey(),
    committeeId: integer("committee_id")
      .notNull()
      .references(() => committees.id),
    personName: text("person_name"),
    userId: integer("user_id").references(() => users.id),
    role: text("role", { enum: memberRoles }).notNull(),
    designation: text("designation").notNull(),
    organisation: text("organisation"),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("committee_members_committee").on(t.committeeId)],
);
