import { and, asc, eq, isNotNull, sql, sum } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { districtExports } from "../tables";

export const rankingPageSize = 50;

/**
 * Districts ranked by their exports in FY 2024-25, nationally or within a State, in all sectors or one: each with
 * its rank, its total in US$ and ₹, and its share of the total ranked. Rows the source could not place in a district
 * are left out of the ranking (they stay in the open data).
 */
export async function exportRanking(
  db: DbOrTx,
  filter: { stateLgdCode?: number; sector?: string },
  page: number,
) {
  const where = and(
    isNotNull(districtExports.districtLgdCode),
    filter.stateLgdCode === undefined ? undefined : eq(districtExports.stateLgdCode, filter.stateLgdCode),
    filter.sector === undefined ? undefined : eq(districtExports.sector, filter.sector),
  );
  const usd = sql<number>`${sum(districtExports.exportUsd)}::float8`;
  const ranked = db
    .select({
      districtLgdCode: sql<number>`${districtExports.districtLgdCode}`.as("district"),
      stateLgdCode: sql<number>`min(${districtExports.stateLgdCode})`.as("state"),
      usd: usd.as("usd"),
      inr: sql<number>`${sum(districtExports.exportInr)}::float8`.as("inr"),
      rank: sql<number>`rank() over (order by sum(${districtExports.exportUsd}) desc)::int`.as("rank"),
      share:
        sql<number>`(sum(${districtExports.exportUsd}) / nullif(sum(sum(${districtExports.exportUsd})) over (), 0))::float8`.as(
          "share",
        ),
      districts: sql<number>`(count(*) over ())::int`.as("districts"),
      totalUsd: sql<number>`(sum(sum(${districtExports.exportUsd})) over ())::float8`.as("total_usd"),
    })
    .from(districtExports)
    .where(where)
    .groupBy(districtExports.districtLgdCode)
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .orderBy(ranked.rank, ranked.districtLgdCode)
    .limit(rankingPageSize)
    .offset((page - 1) * rankingPageSize);
  return {
    rows,
    total: rows[0]?.districts ?? 0,
    totalUsd: rows[0]?.totalUsd ?? 0,
  };
}

/** The export sectors that have any data, for the filter. */
export async function exportSectorsPresent(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ sector: districtExports.sector })
    .from(districtExports)
    .orderBy(asc(districtExports.sector));
  return rows.map((r) => r.sector);
}
