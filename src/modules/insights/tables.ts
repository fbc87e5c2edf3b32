import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * One refresh of the dashboards' figures (a job, every few minutes): when it ran and how many figure rows it wrote.
 * Only the latest run's rows are kept; the pages say "as of" its end.
 */
export const insightRuns = pgTable("insight_runs", {
  id: serial("id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }).notNull().defaultNow(),
  rowCount: integer("row_count").notNull(),
  millis: integer("millis").notNull(),
  /** The first month any figure was counted in (the period filter's first year), and whether demo rows are in it. */
  firstMonth: text("first_month"),
  hasDemo: boolean("has_demo").notNull().default(false),
});

/**
 * The figures of one run, as the modules counted them in their own tables (FigureRow): per place, per month for what
 * happened, and demo rows apart. Never edited: the next run replaces them.
 */
export const insightFigures = pgTable(
  "insight_figures",
  {
    runId: integer("run_id")
      .notNull()
      .references(() => insightRuns.id, { onDelete: "cascade" }),
    figure: text("figure").notNull(),
    dim: text("dim").notNull(),
    stateLgdCode: integer("state_lgd_code"),
    districtLgdCode: integer("district_lgd_code"),
    month: text("month"),
    isDemo: boolean("is_demo").notNull(),
    value: doublePrecision("value").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [index("insight_figures_run").on(t.runId, t.figure, t.stateLgdCode)],
);

/** The administrator's weight for each indicator of the District Export Ranking Index (0 leaves it out). */
export const rankingWeights = pgTable("ranking_weights", {
  indicator: text("indicator").primaryKey(),
  weight: integer("weight").notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: integer("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A published ranking of a financial year (by the calendar year it starts in): fixed once published. */
export const rankingSnapshots = pgTable("ranking_snapshots", {
  year: integer("year").primaryKey(),
  /** The weights it was computed with, and the figures' run, for the method page. */
  weights: jsonb("weights").$type<Record<string, number>>().notNull(),
  figuresAsOf: timestamp("figures_as_of", { withTimezone: true }).notNull(),
  publishedBy: integer("published_by").notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One district's place in a published ranking, with the indicator values behind it. */
export const rankingRows = pgTable(
  "ranking_rows",
  {
    year: integer("year")
      .notNull()
      .references(() => rankingSnapshots.year),
    districtLgdCode: integer("district_lgd_code").notNull(),
    stateLgdCode: integer("state_lgd_code").notNull(),
    score: doublePrecision("score").notNull(),
    nationalRank: integer("national_rank").notNull(),
    stateRank: integer("state_rank").notNull(),
    /** indicator → { value: the district's figure, score: 0–100 against every district }. */
    indicators: jsonb("indicators").$type<Record<string, { value: number; score: number }>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.districtLgdCode] }),
    index("ranking_rows_state").on(t.year, t.stateLgdCode, t.stateRank),
  ],
);
