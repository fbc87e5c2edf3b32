import type { Db } from "../../../platform/db";
import type { Lang } from "../../../web/i18n";
import { exportsYear } from "../../catalog";
import * as geo from "../../geo";
import { bottleneckCategoryList, planFigureDims } from "../../planning";
import { comparedFigures, dashboardSections, median, type Section } from "../dashboard";
import type { Period } from "../periods";
import { key, latestFigures, type Run, type Scope } from "./figures";

export type Comparison = {
  id: string;
  figure: (typeof comparedFigures)[number];
  /** This place's figure, then what it is set beside (medians of peers, the nation). */
  values: number[];
};
export type PlaceRow = { lgdCode: number; nameEn: string; nameHi: string | null; values: number[] };

export type DashboardData = {
  run: Run;
  /** The nation's or a State's districts drawn, each with its current plan's state ('' for none). */
  planMap: { drawing: geo.DrawnMap; stateOf: Map<number, string> } | null;
  sections: Section[];
  /** Column headings' keys for the comparison: district → [state median, nation median]; State → [median State, India]. */
  comparisons: Comparison[];
  places: PlaceRow[];
};

/**
 * Everything a dashboard shows for a scope and period, from the latest run of the figures' job: null before the
 * first run. Reads the run's figures only (a few indexed aggregates), whatever the size of the workflows' tables.
 */
export async function dashboardData(
  db: Db,
  lang: Lang,
  scope: Scope,
  period: Period,
  demo: boolean,
): Promise<DashboardData | null> {
  const figures = await latestFigures(db);
  if (!figures) return null;
  const { run } = figures;
  const totals = figures.totals(scope, period, demo);
  const states = await geo.listStates(db);
  const currentDistricts = (await geo.listDistricts(db)).filter((d) => d.inCurrentLgd);
  const districtsIn = (state: number) => currentDistricts.filter((d) => d.stateLgdCode === state);
  const districtCount =
    scope.level === "nation"
      ? currentDistricts.length
      : scope.level === "state"
        ? districtsIn(scope.state).length
        : 1;
  const sections = dashboardSections(lang, totals, {
    scope,
    districts: districtCount,
    states: scope.level === "nation" ? states.length : 1,
    categories: await bottleneckCategoryList(db),
    exportsYear: await exportsYear(db),
  });
  const figureOf = (f: (typeof comparedFigures)[number]) =>
    totals.get(f.figure)?.get("dim" in f ? f.dim : "*")?.value ?? 0;
  const perPlace = async (within: Scope & { level: "nation" | "state" }, per: "state" | "district") =>
    figures.byPlace(within, per, period, demo, comparedFigures);
  const at = (m: Map<string, Map<number, number>>, f: (typeof comparedFigures)[number], place: number) =>
    m.get(key(f))?.get(place) ?? 0;

  let comparisons: Comparison[] = [];
  let places: PlaceRow[] = [];
  if (scope.level === "district") {
    const inState = await perPlace({ level: "state", state: scope.state }, "district");
    const inNation = await perPlace({ level: "nation" }, "district");
    const peers = districtsIn(scope.state).map((d) => d.lgdCode);
    const all = currentDistricts.map((d) => d.lgdCode);
    comparisons = comparedFigures.map((f) => ({
      id: f.id,
      figure: f,
      values: [
        figureOf(f),
        median(peers.map((p) => at(inState, f, p))),
        median(all.map((p) => at(inNation, f, p))),
      ],
    }));
  } else if (scope.level === "state") {
    const perState = await perPlace({ level: "nation" }, "state");
    const nation = figures.totals({ level: "nation" }, period, demo);
    comparisons = comparedFigures.map((f) => ({
      id: f.id,
      figure: f,
      values: [
        figureOf(f),
        median(states.map((s) => at(perState, f, s.lgdCode))),
        nation.get(f.figure)?.get("dim" in f ? f.dim : "*")?.value ?? 0,
      ],
    }));
    const perDistrict = await perPlace({ level: "state", state: scope.state }, "district");
    places = districtsIn(scope.state).map((d) => ({
      lgdCode: d.lgdCode,
      nameEn: d.nameEn,
      nameHi: d.nameHi,
      values: comparedFigures.map((f) => at(perDistrict, f, d.lgdCode)),
    }));
  } else {
    const perState = await perPlace({ level: "nation" }, "state");
    places = states.map((s) => ({
      lgdCode: s.lgdCode,
      nameEn: s.nameEn,
      nameHi: s.nameHi,
      values: comparedFigures.map((f) => at(perState, f, s.lgdCode)),
    }));
  }
  let planMap: DashboardData["planMap"] = null;
  if (scope.level !== "district") {
    const drawing =
      scope.level === "nation"
        ? await geo.nationalMap(db)
        : await geo.stateMap(
            db,
            scope.state,
            districtsIn(scope.state).map((d) => d.lgdCode),
          );
    // A district with plans in two states (a revision beside the plan it revises) shows the furthest along.
    const states = planFigureDims.plans ?? [];
    const perDistrict = figures.byPlace(
      scope,
      "district",
      period,
      demo,
      states.map((dim) => ({ figure: "plans", dim })),
    );
    const stateOf = new Map<number, string>();
    for (const dim of states)
      for (const [d, n] of perDistrict.get(key({ figure: "plans", dim })) ?? [])
        if (n > 0) stateOf.set(d, dim);
    if (drawing) planMap = { drawing, stateOf };
  }
  return { run, sections, comparisons, places, planMap };
}
