import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { districts, states } from "../geo/tables";
import { bottleneckStates, interventionStatuses, severities } from "./bottleneck-flow";
import { planSections, planStates } from "./flow";

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
    section: text("section", { enum: planSections }).notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_comments_plan").on(t.planId)],
);

/** A product or service the plan covers: the ODOP product it is (if it is one), its HS headings and target markets. */
export const planProducts = pgTable(
  "plan_products",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => exportPlans.id),
    /** The catalog product's slug when it is an ODOP product of the district; null for a service or another good. */
    productSlug: text("product_slug"),
    name: text("name").notNull(),
    /** HS 2022 headings (4 digits), checked against the catalog's HS table when saved. */
    hsHeadings: text("hs_headings").array().notNull(),
    /** Target markets: ISO 3166-1 alpha-2 country codes, each with why. */
    markets: jsonb("markets").$type<{ country: string; why: string }[]>().notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("plan_products_plan").on(t.planId)],
);

/**
 * A quantifiable target of one year, with its actual once reported: export value in ₹ or US$, producers onboarded, or
 * a measure the district defines (`measure` is "custom:<n>" with its label and unit).
 */
export const planTargets = pgTable(
  "plan_targets",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => exportPlans.id),
    measure: text("measure").notNull(),
    label: text("label").notNull().default(""),
    unit: text("unit").notNull().default(""),
    year: integer("year").notNull(),
    target: numeric("target", { mode: "number" }),
    actual: numeric("actual", { mode: "number" }),
  },
  (t) => [uniqueIndex("plan_targets_one").on(t.planId, t.measure, t.year)],
);

/** Categories of bottleneck: the nine the programme names, and those the administrator adds. */
export const bottleneckCategories = pgTable("bottleneck_categories", {
  code: text("code").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameHi: text("name_hi").notNull(),
  position: integer("position").notNull(),
});

/**
 * What stands in the way of the plan's exports, owned by a department or agency, due by a date. Past its date by the
 * configured number of days it rises to its State's queue by itself; the State resolves it, sends it back or raises it
 * to the national queue (`bottleneck-flow.ts`).
 */
export const bottlenecks = pgTable(
  "bottlenecks",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => exportPlans.id),
    stateLgdCode: integer("state_lgd_code").notNull(),
    districtLgdCode: integer("district_lgd_code").notNull(),
    category: text("category")
      .notNull()
      .references(() => bottleneckCategories.code),
    description: text("description").notNull(),
    severity: text("severity", { enum: severities }).notNull(),
    ownerAgency: text("owner_agency").notNull(),
    dueDate: date("due_date").notNull(),
    status: text("status", { enum: bottleneckStates }).notNull(),
    /** When it last moved to the State's or the nation's queue: the queue's age. */
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bottlenecks_plan").on(t.planId),
    // The escalation pass reads open bottlenecks by due date; the queues read by status and State.
    index("bottlenecks_due").on(t.status, t.dueDate),
    index("bottlenecks_queue").on(t.status, t.stateLgdCode),
  ],
);

/**
 * The dated timeline of a bottleneck: updates written by people, and its moves (escalated by the pass, sent back,
 * raised, resolved). `byName` is shown to officers only; the public sees the date, the kind and the words.
 */
export const bottleneckEvents = pgTable(
  "bottleneck_events",
  {
    id: serial("id").primaryKey(),
    bottleneckId: integer("bottleneck_id")
      .notNull()
      .references(() => bottlenecks.id),
    kind: text("kind").notNull(),
    body: text("body").notNull().default(""),
    byUserId: integer("by_user_id"),
    byName: text("by_name"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("bottleneck_events_of").on(t.bottleneckId)],
);

/** A document or photo uploaded as evidence of a bottleneck: its bytes are in the file store under `storageKey`. */
export const bottleneckEvidence = pgTable(
  "bottleneck_evidence",
  {
    id: serial("id").primaryKey(),
    bottleneckId: integer("bottleneck_id")
      .notNull()
      .references(() => bottlenecks.id),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: integer("uploaded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("bottleneck_evidence_of").on(t.bottleneckId)],
);

/**
 * The plan's interventions and their actions, as a tree: a parent's progress is the weighted mean of its children's
 * (`progress.ts`), a leaf's is what its owner reports. An action may carry out a committee decision.
 */
export const interventions = pgTable(
  "interventions",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => exportPlans.id),
    parentId: integer("parent_id"),
    title: text("title").notNull(),
    owner: text("owner").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    weight: integer("weight").notNull().default(1),
    status: text("status", { enum: interventionStatuses }).notNull().default("planned"),
    progress: integer("progress").notNull().default(0),
    decisionId: integer("decision_id"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("interventions_plan").on(t.planId), index("interventions_decision").on(t.decisionId)],
);

/** The dated timeline of an action's reported progress. */
export const interventionEvents = pgTable(
  "intervention_events",
  {
    id: serial("id").primaryKey(),
    interventionId: integer("intervention_id")
      .notNull()
      .references(() => interventions.id),
    progress: integer("progress").notNull(),
    status: text("status", { enum: interventionStatuses }).notNull(),
    note: text("note").notNull().default(""),
    byName: text("by_name"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("intervention_events_of").on(t.interventionId)],
);
