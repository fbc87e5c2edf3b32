import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { lgdCode } from "../../platform/ids";
import * as geo from "../geo";
import { type InsightText, insightText } from "./messages";
import { fyLabel, fyOf, fyPeriod, type Period, parsePeriod } from "./periods";
import type { Scope } from "./queries/figures";

/** The scope, period and demo choice a dashboard request names; a bad one is a 400 naming the field. */
export async function dashboardRequest(
  db: Db,
  q: { state?: string; district?: string; period?: string; demo?: string },
  scopeFromPath: { state?: number; district?: number },
): Promise<{ scope: Scope; period: Period; demo: boolean; place: { en: string; hi: string | null } }> {
  const tx = insightText("en");
  const period = q.period ? parsePeriod(q.period) : fyPeriod(fyOf(new Date()));
  if (!period) throw new AppError("bad_request", tx("badPeriod"), { field: "period" });
  const demo = q.demo === "1";
  // An LGD code is a whole number from 1 to 999,999: anything else names no place (and never reaches the database).
  const code = (value: string | number | undefined, field: string) => {
    if (value === undefined || value === "") return undefined;
    const parsed = lgdCode.safeParse(value);
    if (!parsed.success)
      throw new AppError("bad_request", tx(field === "state" ? "badState" : "badDistrict"), { field });
    return parsed.data;
  };
  const stateCode = code(scopeFromPath.state ?? q.state, "state");
  const districtCode = code(scopeFromPath.district ?? q.district, "district");
  if (districtCode !== undefined) {
    const d = await geo.getDistrict(db, districtCode);
    if (!d) throw new AppError("not_found", tx("badDistrict"), { field: "district" });
    return {
      scope: { level: "district", state: d.stateLgdCode, district: d.lgdCode },
      period,
      demo,
      place: { en: d.nameEn, hi: d.nameHi },
    };
  }
  if (stateCode !== undefined) {
    const s = await geo.getState(db, stateCode);
    if (!s) throw new AppError("not_found", tx("badState"), { field: "state" });
    return {
      scope: { level: "state", state: s.lgdCode },
      period,
      demo,
      place: { en: s.nameEn, hi: s.nameHi },
    };
  }
  return {
    scope: { level: "nation" },
    period,
    demo,
    place: { en: tx("nation"), hi: insightText("hi")("nation") },
  };
}

/** Where a scope's dashboard is. */
export function dashboardPath(scope: Scope): string {
  if (scope.level === "nation") return "/dashboard";
  if (scope.level === "state") return `/states/${scope.state}/dashboard`;
  return `/districts/${scope.district}/dashboard`;
}

/** A period in words ("Financial year 2026-27", "2026-27, quarter 1 (April–June)"). */
export function periodName(tx: InsightText, p: Period): string {
  if (p.fy === null) return tx("periodAll");
  if (p.quarter === null) return tx("periodFy", { fy: fyLabel(p.fy) });
  return tx("periodQuarter", {
    fy: fyLabel(p.fy),
    q: p.quarter,
    months: tx(`q${p.quarter}` as "q1"),
  });
}
