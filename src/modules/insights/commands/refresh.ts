import { lt, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import type { FigureRow } from "../../../platform/figures";
import { catalogFigures } from "../../catalog";
import { committeeFigures } from "../../committees";
import { planningFigures } from "../../planning";
import { producerFigures } from "../../producers";
import { promotionFigures } from "../../promotion";
import { tradeFigures } from "../../trade";
import { holdLatestFigures } from "../queries/figures";
import { insightFigures, insightRuns } from "../tables";

/** Every module's figures, counted in its own tables (nothing is kept a second time between runs). */
const sources: ((db: Db) => Promise<FigureRow[]>)[] = [
  catalogFigures,
  committeeFigures,
  planningFigures,
  producerFigures,
  tradeFigures,
  promotionFigures,
];

/**
 * The dashboards' job: counts every figure afresh from the workflows' tables (the slow part, outside any
 * transaction), then replaces the previous run's figures with these in one short transaction, so that a page reads
 * one whole run or the one before, never half of each.
 */
export async function refreshInsights(db: Db): Promise<{ runId: number; rows: number; millis: number }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const rows: FigureRow[] = [];
  for (const source of sources) rows.push(...(await source(db)));
  const millis = Math.round(performance.now() - t0);
  const runId = await db.transaction(async (tx) => {
    const [run] = await tx
      .insert(insightRuns)
      .values({
        startedAt,
        rowCount: rows.length,
        millis,
        firstMonth: rows.reduce<string | null>(
          (m, r) => (r.month && (!m || r.month < m) ? r.month : m),
          null,
        ),
        hasDemo: rows.some((r) => r.demo),
      })
      .returning({ id: insightRuns.id });
    const id = run?.id as number;
    // Sent as JSON, 10,000 rows a statement: binding nine parameters per row made 125,000 rows take 19 s.
    for (let i = 0; i < rows.length; i += 10_000)
      await tx.execute(sql`
        insert into ${insightFigures} (run_id, figure, dim, state_lgd_code, district_lgd_code, month, is_demo, value, n)
        select ${id}, r.figure, r.dim, r.state, r.district, r.month, r.demo, r.value, r.n
        from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 10_000))}::jsonb)
          as r(figure text, dim text, state int, district int, month text, demo boolean, value float8, n int)`);
    await tx.delete(insightRuns).where(lt(insightRuns.id, id)); // their figures go with them (cascade)
    return id;
  });
  await holdLatestFigures(db);
  return { runId, rows: rows.length, millis };
}
