import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import * as geo from "../../geo";
import { fyPeriod } from "../periods";
import {
  type DistrictIndicators,
  defaultWeights,
  type RankedDistrict,
  rankDistricts,
  type Weights,
} from "../ranking";
import { rankingRows, rankingSnapshots, rankingWeights } from "../tables";
import { key, latestFigures, type RunFigures } from "./figures";

/** The weights the administrator set (the defaults for an indicator never set), with the version for a 409. */
export async function currentWeights(db: DbOrTx): Promise<{ weights: Weights; version: number }> {
  const rows = await db.select().from(rankingWeights);
  const weights = { ...defaultWeights };
  for (const r of rows) if (r.indicator in weights) weights[r.indicator as keyof Weights] = r.weight;
  return { weights, version: rows.reduce((v, r) => Math.max(v, r.version), 0) };
}

/**
 * Each current district's indicator values for a financial year, from a run of the figures (demo rows left out:
 * the ranking is of real work). What stands now (plans, producers, GeM, open bottlenecks) is as of the run.
 */
export function indicatorValues(
  figures: RunFigures,
  year: number,
  districts: { lgdCode: number; stateLgdCode: number }[],
): DistrictIndicators[] {
  const wanted = [
    { figure: "exports_inr" },
    { figure: "plans", dim: "adopted" },
    { figure: "plans", dim: "in_implementation" },
    { figure: "actions_due" },
    { figure: "actions_due", dim: "on_time" },
    { figure: "bottlenecks_resolved" },
    { figure: "open_by_queue" },
    { figure: "producers", dim: "verified" },
    { figure: "gem", dim: "registered" },
    { figure: "gem", dim: "listed" },
    { figure: "orders", dim: "delivered" },
  ];
  const per = figures.byPlace({ level: "nation" }, "district", fyPeriod(year), false, wanted);
  const get = (d: number, figure: string, dim?: string) => per.get(key({ figure, dim }))?.get(d) ?? 0;
  const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);
  return districts.map((d) => {
    const c = d.lgdCode;
    const resolved = get(c, "bottlenecks_resolved");
    return {
      district: c,
      state: d.stateLgdCode,
      values: {
        exports: get(c, "exports_inr"),
        plan_adopted: get(c, "plans", "adopted") + get(c, "plans", "in_implementation") > 0 ? 100 : 0,
        actions_on_time: share(get(c, "actions_due", "on_time"), get(c, "actions_due")),
        bottlenecks_resolved: share(resolved, resolved + get(c, "open_by_queue")),
        producers_verified: get(c, "producers", "verified"),
        producers_on_gem: get(c, "gem", "registered") + get(c, "gem", "listed"),
        orders_delivered: get(c, "orders", "delivered"),
      },
    };
  });
}

export type Snapshot = typeof rankingSnapshots.$inferSelect;

export async function publishedYears(db: DbOrTx): Promise<Snapshot[]> {
  return db.select().from(rankingSnapshots).orderBy(desc(rankingSnapshots.year));
}

export async function snapshotOf(db: DbOrTx, year: number): Promise<Snapshot | null> {
  const [s] = await db.select().from(rankingSnapshots).where(eq(rankingSnapshots.year, year));
  return s ?? null;
}

/** A published year's rows, nationally or within a State, best first. */
export async function publishedRows(db: DbOrTx, year: number, state?: number): Promise<RankedDistrict[]> {
  const rows = await db
    .select()
    .from(rankingRows)
    .where(
      and(eq(rankingRows.year, year), state === undefined ? undefined : eq(rankingRows.stateLgdCode, state)),
    )
    .orderBy(asc(rankingRows.nationalRank), asc(rankingRows.districtLgdCode));
  return rows.map((r) => ({
    district: r.districtLgdCode,
    state: r.stateLgdCode,
    score: r.score,
    nationalRank: r.nationalRank,
    stateRank: r.stateRank,
    indicators: r.indicators as RankedDistrict["indicators"],
  }));
}

export type Ranking =
  | { status: "published"; snapshot: Snapshot; rows: RankedDistrict[] }
  | { status: "provisional"; asOf: Date; weights: Weights; rows: RankedDistrict[] };

/**
 * A year's ranking: as published, or — for a year not published yet — computed now from the latest figures with
 * today's weights (provisional). Null before the figures' first run.
 */
export async function rankingOf(db: DbOrTx, year: number): Promise<Ranking | null> {
  const snapshot = await snapshotOf(db, year);
  if (snapshot) return { status: "published", snapshot, rows: await publishedRows(db, year) };
  const figures = await latestFigures(db);
  if (!figures) return null;
  const districts = (await geo.listDistricts(db)).filter((d) => d.inCurrentLgd);
  const { weights } = await currentWeights(db);
  return {
    status: "provisional",
    asOf: figures.run.finishedAt,
    weights,
    rows: rankDistricts(indicatorValues(figures, year, districts), weights),
  };
}

/** Every published year's rows (open data): what stamps them is the number of published years and the last one. */
export async function allPublishedRows(db: DbOrTx) {
  const years = await publishedYears(db);
  const out: (RankedDistrict & { year: number })[] = [];
  for (const y of [...years].reverse())
    out.push(...(await publishedRows(db, y.year)).map((r) => ({ ...r, year: y.year })));
  return out;
}

export async function rankingStamp(db: DbOrTx): Promise<string> {
  const years = await publishedYears(db);
  return `${years.length}-${years[0]?.publishedAt.toISOString() ?? ""}`;
}
