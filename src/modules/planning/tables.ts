import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { districts, states } from "../geo/tables";
import { planStates } from "./flow";

/**
 * A district's export action plan for a period of financial years (e.g. 2026-27 to 2028-29), one version a row:
 * revising an adopted plan supersedes it with a new version, and the old one stays readable. The export profile is
 * never stored: it is built from the platform's data when shown.
 */
export const exportPlans = pgTable(
  "export_plans",
  {
    id: serial("id").primaryKey(),
    stateLgdCode: integer("state_lgd_code")
      .notNull()
      .references(() => states.lgdCode),
    districtLgdCode: integer("district_lgd_code")
      .notNull()
      .references(() => districts.lgdCode),
    /** The first and last financial years, by the calendar year they start in (2026 is FY 2026-27). */
    fromYear: integer("from_year").notNull(),
    toYear: integer("to_year").notNull(),
    versionNo: integer("version_no").notNull().default(1),
    revisesId: integer("revises_id"),
    state: text("state", { enum: planStates }).notNull(),
    /** The plan's own words: vision, priorities, the support it plans along the chain and its outreach. */
    strategy: text("strategy").notNull().default(""),
    /** The DEPC decision that adopted it (a committee decision's id; committees owns that record). */
    decisionId: integer("decision_id"),
    adoptedAt: timestamp("adopted_at", { withTimezone: true }),
    createdBy: integer("created_by").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One current version of a district's plan for a period; superseded versions stay beside it.
    uniqueIndex("export_plans_one_current")
      .on(t.districtLgdCode, t.fromYear)
      .where(sql`${t.state} <> 'superseded'`),
    index("export_plans_state").on(t.stateLgdCode, t.state),
  ],
);

/** A comment on a circulated plan, on one of its sections, by an officer or a committee member. */
export const planComments = pgTable(
  "plan_comments",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => exportPlans.id),
    authorUserId: integer("author_user_id").notNull(),
    authorName: text("author_name").notNull(),
    section: text("section", { enum: ["profile", "strategy", "general"] }).notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_comments_plan").on(t.planId)],
);
