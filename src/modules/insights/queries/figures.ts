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
    return this.remember(`t|${scopeKey(scope)}|${period.key}|${demo}`, () => {
      const totals: Totals = new Map();
      const seen = new Map<Total, Set<number>>();
      const add = (byDim: Map<string, Total>, dim: string, r: FigureRow) => {
        let t = byDim.get(dim);
        if (!t) {
          t = { value: 0, n: 0, districts: 0 };
          byDim.set(dim, t);
          seen.set(t, new Set());
        }
        t.value += r.value;
        t.n += r.n;
        const districts = seen.get(t) as Set<number>;
        if (r.district !== null && !districts.has(r.district)) {
          districts.add(r.district);
          t.districts++;
        }
      };
      for (const r of this.rowsOf(scope, period, demo)) {
        let byDim = totals.get(r.figure);
        if (!byDim) {
          byDim = new Map();
          totals.set(r.figure, byDim);
        }
        add(byDim, r.dim, r);
        add(byDim, "*", r);
      }
      return totals;
    });
  }

  /** Answers kept for this run (it never changes), the most recently used last, at most 500. */
  private readonly answers = new Map<string, unknown>();
  private remember<T>(k: string, compute: () => T): T {
    const held = this.answers.get(k) as T | undefined;
    if (held !== undefined) {
      this.answers.delete(k);
      this.answers.set(k, held);
      return held;
    }
    const answer = compute();
    if (this.answers.size >= 500) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(k, answer);
    return answer;
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
    const k = `p|${scopeKey(within)}|${per}|${period.key}|${demo}|${figures.map(key).join(",")}`;
    return this.remember(k, () => {
      const out = new Map<string, Map<number, number>>(figures.map((f) => [key(f), new Map()]));
      const wanted = new Set(figures.map((f) => f.figure));
      for (const r of this.rowsOf(within, period, demo)) {
        const place = per === "state" ? r.state : r.district;
        if (place === null || !wanted.has(r.figure)) continue;
        for (const f of figures)
          if (f.figure === r.figure && (f.dim === undefined || f.dim === r.dim)) {
            const m = out.get(key(f)) as Map<number, number>;
            m.set(place, (m.get(place) ?? 0) + r.value);
          }
      }
      return out;
    });
  }
}

const scopeKey = (s: Scope) =>
  s.level === "nation" ? "n" : s.level === "state" ? `s${s.state}` : `d${s.district}`;

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

type Held = { id: number; figures: Promise<RunFigures>; ready: RunFigures | null; next: Held | null };
const kept = new WeakMap<object, Held>();

function startLoading(db: DbOrTx, run: Run): Held {
  const held: Held = { id: run.id, figures: loadRun(db, run), ready: null, next: null };
  held.figures.then(
    (f) => {
      held.ready = f;
      // A newer run read in the background takes the place of the one answering meanwhile.
      const current = kept.get(db);
      if (current !== held && current?.next === held) kept.set(db, held);
    },
    () => {
      const current = kept.get(db);
      if (current === held) kept.delete(db);
      else if (current?.next === held) current.next = null;
    },
  );
  return held;
}

/**
 * The latest run's figures, read once per run and database (readers arriving together share the read). When a new
 * run appears, the one read before keeps answering (its pages say as of when) while the new one is read in the
 * background, so no reader waits for it; the job that wrote the run reads it at once (refreshInsights).
 */
export async function latestFigures(db: DbOrTx): Promise<RunFigures | null> {
  const run = await latestRun(db);
  if (!run) return null;
  const held = kept.get(db);
  if (held?.id === run.id) return held.figures;
  if (held?.ready && held.id < run.id) {
    if (held.next?.id !== run.id) held.next = startLoading(db, run);
    return held.ready;
  }
  const fresh = startLoading(db, run);
  kept.set(db, fresh);
  return fresh.figures;
}

/** Reads the latest run into memory now (after the job wrote it), so that the next page need not wait for it. */
export async function holdLatestFigures(db: DbOrTx): Promise<void> {
  const run = await latestRun(db);
  if (!run || kept.get(db)?.id === run.id) return;
  const fresh = startLoading(db, run);
  kept.set(db, fresh);
  await fresh.figures;
}
