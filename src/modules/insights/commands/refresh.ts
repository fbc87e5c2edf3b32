import { lt } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import type { FigureRow } from "../../../platform/figures";
import { catalogFigures } from "../../catalog";
import { committeeFigures } from "../../committees";
import { planningFigures } from "../../planning";
import { producerFigures } from "../../producers";
import { promotionFigures } from "../../promotion";
import { tradeFigures } from "../../trade";
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
      .values({ startedAt, rowCount: rows.length, millis })
      .returning({ id: insightRuns.id });
    const id = run?.id as number;
    for (let i = 0; i < rows.length; i += 2000)
      await tx.insert(insightFigures).values(
        rows.slice(i, i + 2000).map((r) => ({
          runId: id,
          figure: r.figure,
          dim: r.dim,
          stateLgdCode: r.state,
          districtLgdCode: r.district,
          month: r.month,
          isDemo: r.demo,
          value: r.value,
          n: r.n,
        })),
      );
    await tx.delete(insightRuns).where(lt(insightRuns.id, id)); // their figures go with them (cascade)
    return id;
  });
  return { runId, rows: rows.length, millis };
}
