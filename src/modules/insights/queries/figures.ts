import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import type { FigureRow } from "../../../platform/figures";
import type { Period } from "../periods";
import { insightFigures, insightRuns } from "../tables";

/** Where a dashboard looks: the nation, a State, or a district (with its State). */
export type Scope =
  | { level: "nation" }
  | { level: "state"; state: number }
  | { level: "district"; state: number; district: number };

/** A figure summed over a scope: value, the rows it came from (for means), and the districts it was counted in. */
export type Total = { value: number; n: number; districts: number };
/** figure → dim → total (every figure also has its sum over dims under '*'). */
export type Totals = Map<string, Map<string, Total>>;

export type Run = { id: number; finishedAt: Date; firstMonth: string | null; hasDemo: boolean };

/** The latest run of the figures' job, or null before the first (one row, by its key). */
export async function latestRun(db: DbOrTx): Promise<Run | null> {
  const [run] = await db
    .select({
      id: insightRuns.id,
      finishedAt: insightRuns.finishedAt,
      firstMonth: insightRuns.firstMonth,
      hasDemo: insightRuns.hasDemo,
    })
    .from(insightRuns)
    .orderBy(desc(insightRuns.id))
    .limit(1);
  return run ?? null;
}

/**
 * One run's figure rows in memory, indexed by State and district. A run is written once and never changed, so it is
 * read once per instance (the first dashboard after a run waits for it: ~0.3 s with a million listings on the
 * embedded database) and every dashboard after that is summed here, without scanning its 100,000-odd rows in SQL.
 */
export class RunFigures {
  private readonly byState = new Map<number, FigureRow[]>();
  private readonly byDistrict = new Map<number, FigureRow[]>();

  constructor(
    readonly run: Run,
    readonly rows: FigureRow[],
  ) {
    for (const r of rows) {
      if (r.state !== null) push(this.byState, r.state, r);
      if (r.district !== null) push(this.byDistrict, r.district, r);
    }
  }

  /** The rows of a scope, in a period, with or without demo rows. */
  private rowsOf(scope: Scope, period: Period, demo: boolean): FigureRow[] {
    const rows =
      scope.level === "nation"
        ? this.rows
        : scope.level === "state"
          ? (this.byState.get(scope.state) ?? [])
          : (this.byDistrict.get(scope.district) ?? []);
    return rows.filter((r) => (demo || !r.demo) && inPeriod(r, period));
  }

  /** Every figure of a scope and period, summed, by dim and over dims ('*'). */
  totals(scope: Scope, period: Period, demo: boolean): Totals {
    const totals: Totals = new Map();
    const seen = new Map<string, Set<number>>();
    for (const r of this.rowsOf(scope, period, demo))
      for (const dim of [r.dim, "*"]) {
        const byDim = totals.get(r.figure) ?? new Map<string, Total>();
        totals.set(r.figure, byDim);
        const t = byDim.get(dim) ?? { value: 0, n: 0, districts: 0 };
        t.value += r.value;
        t.n += r.n;
        if (r.district !== null) {
          const k = `${r.figure}|${dim}`;
          const districts = seen.get(k) ?? new Set<number>();
          seen.set(k, districts);
          if (!districts.has(r.district)) {
            districts.add(r.district);
            t.districts++;
          }
        }
        byDim.set(dim, t);
      }
    return totals;
  }

  /**
   * Chosen figures per State or per district within a scope, summed over dims or for one dim: what comparisons,
   * medians and the places table are drawn from. A place with no row has none of that figure.
   */
  byPlace(
    within: Exclude<Scope, { level: "district" }>,
    per: "state" | "district",
    period: Period,
    demo: boolean,
    figures: readonly { figure: string; dim?: string }[],
  ): Map<string, Map<number, number>> {
    const out = new Map<string, Map<number, number>>(figures.map((f) => [key(f), new Map()]));
    for (const r of this.rowsOf(within, period, demo)) {
      const place = per === "state" ? r.state : r.district;
      if (place === null) continue;
      for (const f of figures)
        if (f.figure === r.figure && (f.dim === undefined || f.dim === r.dim)) {
          const m = out.get(key(f)) as Map<number, number>;
          m.set(place, (m.get(place) ?? 0) + r.value);
        }
    }
    return out;
  }
}

function push<K>(m: Map<K, FigureRow[]>, k: K, r: FigureRow) {
  const list = m.get(k);
  if (list) list.push(r);
  else m.set(k, [r]);
}

/** What stands now counts in every period; what happened counts in the period it happened in. */
const inPeriod = (r: FigureRow, p: Period) =>
  r.month === null || p.from === null || p.to === null || (r.month >= p.from && r.month <= p.to);

export const key = (f: { figure: string; dim?: string }) =>
  f.dim === undefined ? f.figure : `${f.figure}:${f.dim}`;

/** Reads a run's rows. */
export async function loadRun(db: DbOrTx, run: Run): Promise<RunFigures> {
  const rows = await db.select().from(insightFigures).where(eq(insightFigures.runId, run.id));
  return new RunFigures(
    run,
    rows.map((r) => ({
      figure: r.figure,
      dim: r.dim,
      state: r.stateLgdCode,
      district: r.districtLgdCode,
      month: r.month,
      demo: r.isDemo,
      value: r.value,
      n: r.n,
    })),
  );
}

const kept = new WeakMap<object, { id: number; figures: Promise<RunFigures> }>();

/** The latest run's figures, read once per run and database (readers arriving together share the read). */
export async function latestFigures(db: DbOrTx): Promise<RunFigures | null> {
  const run = await latestRun(db);
  if (!run) return null;
  const held = kept.get(db);
  if (held?.id === run.id) return held.figures;
  const figures = loadRun(db, run);
  kept.set(db, { id: run.id, figures });
  figures.catch(() => {
    if (kept.get(db)?.figures === figures) kept.delete(db);
  });
  return figures;
}
