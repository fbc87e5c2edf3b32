import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, authorize, grantFor, recordAudit, requireActor } from "../../accounts";
import * as geo from "../../geo";
import { fyOf } from "../periods";
import { latestRun, loadRun } from "../queries/figures";
import { currentWeights, indicatorValues } from "../queries/ranking";
import { indicators, rankDistricts, type Weights } from "../ranking";
import { rankingRows, rankingSnapshots, rankingWeights } from "../tables";

/**
 * The administrator sets the indicators' weights (whole numbers 0–100; at least one above 0). One transaction:
 * the weights are locked, a version other than the one the form was read at is a 409, the change is audited.
 */
export async function setRankingWeights(
  db: Db,
  actorOrNull: Actor | null,
  weights: Weights,
  version: number,
): Promise<void> {
  const actor = requireActor(actorOrNull);
  const grant = authorize(grantFor(actor, ["national_admin"]), "set the ranking's weights");
  if (!indicators.some((i) => weights[i.id] > 0))
    throw new AppError("bad_request", "At least one indicator must weigh more than 0", {
      field: indicators[0].id,
    });
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${rankingWeights} in exclusive mode`);
    const before = await currentWeights(tx);
    if (before.version !== version)
      throw new AppError("conflict", "The weights were changed by someone else since you opened the form", {
        version: before.version,
      });
    for (const i of indicators)
      await tx
        .insert(rankingWeights)
        .values({ indicator: i.id, weight: weights[i.id], version: version + 1, updatedBy: actor.userId })
        .onConflictDoUpdate({
          target: rankingWeights.indicator,
          set: {
            weight: weights[i.id],
            version: version + 1,
            updatedBy: actor.userId,
            updatedAt: new Date(),
          },
        });
    await recordAudit(tx, actor, grant, {
      action: "ranking.weights",
      entityType: "ranking_weights",
      entityId: "current",
      stateLgdCode: null,
      districtLgdCode: null,
      before: before.weights,
      after: weights,
    });
  });
}

/**
 * Publishes the ranking of a financial year that has begun: computed from the latest run of the figures with the
 * weights now, kept with them, and fixed from then on (the database refuses any change to it). Publishing a year
 * twice is a 409 that changes nothing.
 */
export async function publishRanking(db: Db, actorOrNull: Actor | null, year: number): Promise<number> {
  const actor = requireActor(actorOrNull);
  const grant = authorize(grantFor(actor, ["national_admin"]), "publish the ranking");
  if (!Number.isInteger(year) || year < 2020 || year > fyOf(new Date()))
    throw new AppError("bad_request", "Choose a financial year that has begun", { field: "year" });
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${rankingSnapshots} in exclusive mode`);
    const [published] = await tx
      .select()
      .from(rankingSnapshots)
      .where(sql`${rankingSnapshots.year} = ${year}`);
    if (published) throw new AppError("conflict", "This year's ranking is published already", { year });
    const run = await latestRun(tx);
    if (!run) throw new AppError("unavailable", "The figures are being counted; try again in a minute");
    const districts = (await geo.listDistricts(tx)).filter((d) => d.inCurrentLgd);
    const { weights } = await currentWeights(tx);
    const ranked = rankDistricts(indicatorValues(await loadRun(tx, run), year, districts), weights);
    await tx
      .insert(rankingSnapshots)
      .values({ year, weights, figuresAsOf: run.finishedAt, publishedBy: actor.userId });
    for (let i = 0; i < ranked.length; i += 500)
      await tx.insert(rankingRows).values(
        ranked.slice(i, i + 500).map((r) => ({
          year,
          districtLgdCode: r.district,
          stateLgdCode: r.state,
          score: r.score,
          nationalRank: r.nationalRank,
          stateRank: r.stateRank,
          indicators: r.indicators,
        })),
      );
    await recordAudit(tx, actor, grant, {
      action: "ranking.publish",
      entityType: "ranking",
      entityId: String(year),
      stateLgdCode: null,
      districtLgdCode: null,
      before: null,
      after: { year, weights, districts: ranked.length, figuresAsOf: run.finishedAt.toISOString() },
    });
    return ranked.length;
  });
}
