import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import * as geo from "../geo";
import { insightText } from "./messages";
import { fyOf, fyPeriod, type Period, parsePeriod } from "./periods";
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
  const stateCode = scopeFromPath.state ?? (q.state ? Number(q.state) : undefined);
  const districtCode = scopeFromPath.district ?? (q.district ? Number(q.district) : undefined);
  if (districtCode !== undefined) {
    const d = Number.isSafeInteger(districtCode) ? await geo.getDistrict(db, districtCode) : null;
    if (!d) throw new AppError("not_found", tx("badDistrict"), { field: "district" });
    return {
      scope: { level: "district", state: d.stateLgdCode, district: d.lgdCode },
      period,
      demo,
      place: { en: d.nameEn, hi: d.nameHi },
    };
  }
  if (stateCode !== undefined) {
    const s = Number.isSafeInteger(stateCode) ? await geo.getState(db, stateCode) : null;
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
