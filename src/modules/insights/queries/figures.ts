import { and, desc, eq, gte, isNull, lte, min, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import type { Period } from "../periods";
import { insightFigures, insightRuns } from "../tables";

/** Where a dashboard looks: the nation, a State, or a district (with its State). */
export type Scope =
  | { level: "nation" }
  | { level: "state"; state: number }
  | { level: "district"; state: number; district: number };

/** A figure summed over a scope: value, the rows it came from (for means), and the districts it was counted in. */
export type Total = { value: number; n: number; districts: number };
/** figure → dim → total ('' is the figure without a breakdown; every figure also has its sum over dims under '*'). */
export type Totals = Map<string, Map<string, Total>>;

export type Run = { id: number; finishedAt: Date; firstMonth: string | null; hasDemo: boolean };

/** The latest run of the figures' job, or null before the first. */
export async function latestRun(db: DbOrTx): Promise<Run | null> {
  const [run] = await db
    .select({ id: insightRuns.id, finishedAt: insightRuns.finishedAt })
    .from(insightRuns)
    .orderBy(desc(insightRuns.id))
    .limit(1);
  if (!run) return null;
  const [first] = await db
    .select({
      m: min(insightFigures.month),
      demo: sql<boolean>`coalesce(bool_or(${insightFigures.isDemo}), false)`,
    })
    .from(insightFigures)
    .where(eq(insightFigures.runId, run.id));
  return { ...run, firstMonth: first?.m ?? null, hasDemo: first?.demo === true };
}

function where(runId: number, scope: Scope, period: Period, demo: boolean): SQL | undefined {
  return and(
    eq(insightFigures.runId, runId),
    // What stands now counts in every period; what happened counts in the period it happened in.
    period.from && period.to
      ? or(
          isNull(insightFigures.month),
          and(gte(insightFigures.month, period.from), lte(insightFigures.month, period.to)),
        )
      : undefined,
    scope.level === "nation" ? undefined : eq(insightFigures.stateLgdCode, scope.state),
    scope.level === "district" ? eq(insightFigures.districtLgdCode, scope.district) : undefined,
    demo ? undefined : eq(insightFigures.isDemo, false),
  );
}

/** Every figure of a scope and period, summed, by dim. */
export async function totalsOf(
  db: DbOrTx,
  runId: number,
  scope: Scope,
  period: Period,
  demo: boolean,
): Promise<Totals> {
  const rows = await db
    .select({
      figure: insightFigures.figure,
      dim: sql<string>`coalesce(${insightFigures.dim}, '*')`,
      value: sql<number>`sum(${insightFigures.value})::float8`,
      n: sql<number>`sum(${insightFigures.n})::int`,
      districts: sql<number>`count(distinct ${insightFigures.districtLgdCode})::int`,
    })
    .from(insightFigures)
    .where(where(runId, scope, period, demo))
    .groupBy(
      sql`grouping sets ((${insightFigures.figure}, ${insightFigures.dim}), (${insightFigures.figure}))`,
    );
  const totals: Totals = new Map();
  for (const r of rows) {
    const byDim = totals.get(r.figure) ?? new Map<string, Total>();
    byDim.set(r.dim, { value: Number(r.value), n: Number(r.n), districts: Number(r.districts) });
    totals.set(r.figure, byDim);
  }
  return totals;
}

/**
 * Chosen figures per State or per district within a scope, summed over dims or for one dim: what comparisons,
 * medians and the places table are drawn from. A place with no row has none of that figure.
 */
export async function byPlace(
  db: DbOrTx,
  runId: number,
  within: Exclude<Scope, { level: "district" }>,
  per: "state" | "district",
  period: Period,
  demo: boolean,
  figures: readonly { figure: string; dim?: string }[],
): Promise<Map<string, Map<number, number>>> {
  const scope = within;
  const place = per === "state" ? insightFigures.stateLgdCode : insightFigures.districtLgdCode;
  const wanted = or(
    ...figures.map((f) =>
      and(
        eq(insightFigures.figure, f.figure),
        f.dim === undefined ? undefined : eq(insightFigures.dim, f.dim),
      ),
    ),
  );
  const rows = await db
    .select({
      figure: insightFigures.figure,
      dim: insightFigures.dim,
      place: sql<number>`${place}`,
      value: sql<number>`sum(${insightFigures.value})::float8`,
    })
    .from(insightFigures)
    .where(and(where(runId, scope, period, demo), wanted, sql`${place} is not null`))
    .groupBy(insightFigures.figure, insightFigures.dim, place);
  const out = new Map<string, Map<number, number>>();
  for (const f of figures) out.set(key(f), new Map());
  for (const r of rows)
    for (const f of figures)
      if (f.figure === r.figure && (f.dim === undefined || f.dim === r.dim)) {
        const m = out.get(key(f)) as Map<number, number>;
        m.set(Number(r.place), (m.get(Number(r.place)) ?? 0) + Number(r.value));
      }
  return out;
}

export const key = (f: { figure: string; dim?: string }) =>
  f.dim === undefined ? f.figure : `${f.figure}:${f.dim}`;
