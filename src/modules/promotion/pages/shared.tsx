import type { Db } from "../../../platform/db";
import { countryName } from "../../../web/countries";
import type { Lang } from "../../../web/i18n";
import { nameIn } from "../../../web/layout";
import { formatInZone, indiaZone } from "../../../web/time-zones";
import { getDistricts, listStates } from "../../geo";
import { promotionText } from "../messages";
import type { EventRow } from "../queries/events";

export const eventTitle = (e: Pick<EventRow, "titleEn" | "titleHi">, lang: Lang) =>
  nameIn(lang, e.titleEn, e.titleHi);

/** Who organises each of some events, in words: a district and its State, a State, the nation, a Mission's country. */
export async function organiserNames(db: Db, lang: Lang, rows: readonly EventRow[]) {
  const t = promotionText(lang);
  const codes = rows.flatMap((e) => (e.districtLgdCode ? [e.districtLgdCode] : []));
  const [states, districts] = await Promise.all([listStates(db), getDistricts(db, [...new Set(codes)])]);
  const stateName = new Map(states.map((s) => [s.lgdCode, nameIn(lang, s.nameEn, s.nameHi)]));
  const districtName = new Map(districts.map((d) => [d.lgdCode, nameIn(lang, d.nameEn, d.nameHi)]));
  return (e: EventRow): string => {
    switch (e.organiserLevel) {
      case "district":
        return t("districtOf", {
          district: districtName.get(e.districtLgdCode ?? -1) ?? "",
          state: stateName.get(e.stateLgdCode ?? -1) ?? "",
        });
      case "state":
        return stateName.get(e.stateLgdCode ?? -1) ?? "";
      case "mission":
        return t("missionIn", { country: countryName(e.missionCountry ?? "", lang) });
      default:
        return t("organiserNation");
    }
  };
}

/**
 * When an event is, on its own clock, and on India's and the reader's when those differ: a buyer in New York and a
 * producer in Kolkata read the same instant each on their own clock.
 */
export function EventWhen(props: { e: EventRow; lang: Lang; zone?: string | null }) {
  const { e, lang } = props;
  const t = promotionText(lang);
  const span = (zone: string) =>
    `${formatInZone(e.startsAt, zone, lang)} – ${formatInZone(e.endsAt, zone, lang)}`;
  const zones = [...new Set([e.timeZone, indiaZone, props.zone ?? indiaZone])];
  return (
    <ul class="plain">
      {zones.map((zone) => (
        <li>
          {span(zone)}{" "}
          <span class="muted">
            (
            {zone === e.timeZone
              ? t("eventClock", { zone })
              : zone === props.zone
                ? t("yourClock", { zone })
                : t("indiaClock")}
            )
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The place line of an event: online, or venue, city and country. */
export function wherePlace(e: EventRow, lang: Lang): string {
  if (e.online) return promotionText(lang)("onlineEvent");
  return [e.venue, e.city, countryName(e.country, lang)].filter(Boolean).join(", ");
}
