import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./db";

/**
 * One counted figure of one place, for the dashboards: what a module counts in its own tables, grouped by place and
 * (for things that happen) by month, in India's time. `state`/`district` null: counted above that level (a national
 * event, exports not placed in a district). `value` is a count or a sum; `n` the rows it came from (a mean is
 * sum(value) / sum(n)).
 */
export type FigureRow = {
  figure: string;
  dim: string;
  state: number | null;
  district: number | null;
  /** 'YYYY-MM' for what happened in a month; null for what stands now. */
  month: string | null;
  demo: boolean;
  value: number;
  n: number;
};

/** Runs a query whose columns are FigureRow's, and gives its rows with numbers as numbers. */
export async function figureRows(db: DbOrTx, query: SQL): Promise<FigureRow[]> {
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => ({
    figure: String(r.figure),
    dim: String(r.dim ?? ""),
    state: r.state === null || r.state === undefined ? null : Number(r.state),
    district: r.district === null || r.district === undefined ? null : Number(r.district),
    month: r.month === null || r.month === undefined ? null : String(r.month),
    demo: r.demo === true || r.demo === "t",
    value: Number(r.value),
    n: Number(r.n),
  }));
}
