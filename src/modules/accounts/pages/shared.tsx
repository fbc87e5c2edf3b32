import type { Db } from "../../../platform/db";
import { countryName } from "../../../web/countries";
import type { PageContext } from "../../../web/layout";
import { nameIn } from "../../../web/layout";
import { getDistricts, listStates } from "../../geo";
import { accountText } from "../messages";
import type { Grant } from "../policy";

/** Names of the places grants and invitations point at, in the page's language. */
export async function placeNames(db: Db, lang: PageContext["lang"], places: Partial<Grant>[]) {
  const states = new Map((await listStates(db)).map((s) => [s.lgdCode, nameIn(lang, s.nameEn, s.nameHi)]));
  const codes = places.map((p) => p.districtLgdCode).filter((d): d is number => typeof d === "number");
  const districts = new Map(
    (await getDistricts(db, [...new Set(codes)])).map((d) => [d.lgdCode, nameIn(lang, d.nameEn, d.nameHi)]),
  );
  const at = accountText(lang);
  return (p: { stateLgdCode?: number | null; districtLgdCode?: number | null; country?: string | null }) => {
    if (p.country) return at("missionIn", { country: countryName(p.country, lang) });
    if (p.districtLgdCode)
      return `${districts.get(p.districtLgdCode) ?? p.districtLgdCode}, ${states.get(p.stateLgdCode ?? -1) ?? ""}`;
    if (p.stateLgdCode) return states.get(p.stateLgdCode) ?? String(p.stateLgdCode);
    return at("everywhere");
  };
}

export const roleName = (lang: PageContext["lang"], role: string) =>
  accountText(lang)(`role_${role}` as "role_buyer");

/** Dates as officers read them: 25 Nov 2026, 14:05 (India time). */
export function formatWhen(d: Date | string, lang: PageContext["lang"]): string {
  return new Intl.DateTimeFormat(lang === "hi" ? "hi-IN" : "en-IN", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Kolkata",
  }).format(new Date(d));
}
