import type { Db } from "../../../platform/db";
import { countryName, countryOptions } from "../../../web/countries";
import {
  CheckboxField,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  SelectField,
  TextArea,
  TextField,
} from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { nameIn } from "../../../web/layout";
import { localParts, timeZoneOptions } from "../../../web/time-zones";
import type { Actor } from "../../accounts";
import { liveRevision, productsByIds, productsOfDistricts, sectorTaxonomy } from "../../catalog";
import { getDistricts, listDistricts, listStates } from "../../geo";
import { eventKinds } from "../event-flow";
import { promotionText } from "../messages";
import type { EventRow } from "../queries/events";

/** The organisers a person may choose: each district, State or Mission their grants reach; the nation for the administrator. */
export async function organiserOptions(db: Db, actor: Actor, lang: Lang) {
  const t = promotionText(lang);
  const states = await listStates(db);
  const stateName = new Map(states.map((s) => [s.lgdCode, nameIn(lang, s.nameEn, s.nameHi)]));
  const districtCodes = actor.grants.flatMap((g) =>
    g.role === "district_officer" && g.districtLgdCode ? [g.districtLgdCode] : [],
  );
  const districts = await getDistricts(db, districtCodes);
  const out: { value: string; label: string }[] = [];
  if (actor.grants.some((g) => g.role === "national_admin")) {
    out.push({ value: "nation", label: t("organiserNation") });
    for (const s of states) out.push({ value: `state:${s.lgdCode}`, label: stateName.get(s.lgdCode) ?? "" });
  }
  for (const g of actor.grants) {
    if (g.role === "state_officer" && g.stateLgdCode)
      out.push({ value: `state:${g.stateLgdCode}`, label: stateName.get(g.stateLgdCode) ?? "" });
    if (g.role === "mission_officer" && g.country)
      out.push({
        value: `mission:${g.country}`,
        label: t("missionIn", { country: countryName(g.country, lang) }),
      });
  }
  for (const d of districts)
    out.push({
      value: `district:${d.lgdCode}`,
      label: t("districtOf", {
        district: nameIn(lang, d.nameEn, d.nameHi),
        state: stateName.get(d.stateLgdCode) ?? "",
      }),
    });
  return [...new Map(out.map((o) => [o.value, o])).values()];
}

/** The ODOP products a person may tie an event to: those of their districts and States, and any already chosen. */
export async function productChoices(db: Db, actor: Actor, chosen: readonly number[]) {
  const revision = await liveRevision(db);
  const stateCodes = actor.grants.flatMap((g) =>
    g.role === "state_officer" && g.stateLgdCode ? [g.stateLgdCode] : [],
  );
  const districtCodes = [
    ...actor.grants.flatMap((g) =>
      g.role === "district_officer" && g.districtLgdCode ? [g.districtLgdCode] : [],
    ),
    ...(await Promise.all(stateCodes.map((s) => listDistricts(db, { stateLgdCode: s }))))
      .flat()
      .map((d) => d.lgdCode),
  ];
  const own = revision ? await productsOfDistricts(db, revision.id, [...new Set(districtCodes)]) : [];
  const extra = await productsByIds(
    db,
    chosen.filter((id) => !own.some((p) => p.id === id)),
  );
  return [...own.map((p) => ({ id: p.id, name: p.name })), ...extra.map((p) => ({ id: p.id, name: p.name }))];
}

/** An event's values as its form shows them: dates and times on its own clock. */
export function eventValues(e: EventRow, productIds: readonly number[]): FormValues {
  const start = localParts(e.startsAt, e.timeZone);
  const end = localParts(e.endsAt, e.timeZone);
  const organiser =
    e.organiserLevel === "nation"
      ? "nation"
      : e.organiserLevel === "mission"
        ? `mission:${e.missionCountry}`
        : e.organiserLevel === "state"
          ? `state:${e.stateLgdCode}`
          : `district:${e.districtLgdCode}`;
  const text = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    kind: e.kind,
    organiser,
    titleEn: e.titleEn,
    titleHi: text(e.titleHi),
    descriptionEn: e.descriptionEn,
    descriptionHi: text(e.descriptionHi),
    timeZone: e.timeZone,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    online: e.online ? "on" : "",
    venue: text(e.venue),
    city: text(e.city),
    country: e.country,
    joinUrl: text(e.joinUrl),
    capacity: text(e.capacity),
    approvalRequired: e.approvalRequired ? "on" : "",
    meetingMinutes: text(e.meetingMinutes),
    bufferMinutes: text(e.bufferMinutes),
    rooms: text(e.rooms),
    dayFrom: text(e.dayFrom),
    dayTo: text(e.dayTo),
    version: String(e.version),
    ...Object.fromEntries(e.sectorCodes.map((s) => [`sector_${s}`, "on"])),
    ...Object.fromEntries(productIds.map((p) => [`product_${p}`, "on"])),
  };
}

/** The fields of an event, shared by the new and the edit page. */
export function EventFields(props: {
  lang: Lang;
  values: FormValues;
  errors: FieldErrors;
  organisers: { value: string; label: string }[];
  products: { id: number; name: string }[];
}) {
  const { lang, values, errors } = props;
  const t = promotionText(lang);
  const field = { values, errors, lang };
  const labels = {
    kind: t("fieldKind"),
    organiser: t("fieldOrganiser"),
    titleEn: t("titleEn"),
    titleHi: t("titleHi"),
    descriptionEn: t("descriptionEn"),
    descriptionHi: t("descriptionHi"),
    timeZone: t("timeZone"),
    startDate: t("startDate"),
    startTime: t("startTime"),
    endDate: t("endDate"),
    endTime: t("endTime"),
    venue: t("venue"),
    city: t("city"),
    country: t("country"),
    joinUrl: t("joinUrl"),
    capacity: t("capacityField"),
    meetingMinutes: t("meetingMinutes"),
    bufferMinutes: t("bufferMinutes"),
    rooms: t("rooms"),
    dayFrom: t("dayFrom"),
    dayTo: t("dayTo"),
  };
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} labels={labels} />
      <SelectField
        {...field}
        name="kind"
        label={labels.kind}
        options={eventKinds.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
      />
      <SelectField {...field} name="organiser" label={labels.organiser} options={props.organisers} />
      <TextField {...field} name="titleEn" label={labels.titleEn} maxLength={200} />
      <TextField {...field} name="titleHi" label={labels.titleHi} optional maxLength={200} />
      <TextArea {...field} name="descriptionEn" label={labels.descriptionEn} maxLength={4000} />
      <TextArea {...field} name="descriptionHi" label={labels.descriptionHi} optional maxLength={4000} />
      <SelectField
        {...field}
        name="timeZone"
        label={labels.timeZone}
        hint={t("timeZoneHint")}
        options={timeZoneOptions()}
      />
      <TextField {...field} name="startDate" type="date" label={labels.startDate} />
      <TextField {...field} name="startTime" label={labels.startTime} type="time" />
      <TextField {...field} name="endDate" type="date" label={labels.endDate} />
      <TextField {...field} name="endTime" label={labels.endTime} type="time" />
      <CheckboxField {...field} name="online" label={t("onlineField")} />
      <TextField {...field} name="venue" label={labels.venue} optional="conditional" maxLength={300} />
      <TextField {...field} name="city" label={labels.city} optional maxLength={120} />
      <SelectField {...field} name="country" label={labels.country} options={countryOptions(lang)} />
      <TextField
        {...field}
        name="joinUrl"
        label={labels.joinUrl}
        hint={t("joinUrlHint")}
        optional="conditional"
        maxLength={500}
      />
      <TextField {...field} name="capacity" label={labels.capacity} optional inputmode="numeric" />
      <CheckboxField {...field} name="approvalRequired" label={t("approvalField")} />
      {props.products.length > 0 && (
        <fieldset>
          <legend>{t("products")}</legend>
          <p class="hint">{t("productsHint")}</p>
          {props.products.map((p) => (
            <CheckboxField {...field} name={`product_${p.id}`} label={p.name} />
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t("sectorsField")}</legend>
        {sectorTaxonomy.map((s) => (
          <CheckboxField {...field} name={`sector_${s.code}`} label={lang === "hi" ? s.nameHi : s.nameEn} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("meetSettings")}</legend>
        <TextField
          {...field}
          name="meetingMinutes"
          label={labels.meetingMinutes}
          optional="conditional"
          inputmode="numeric"
        />
        <TextField
          {...field}
          name="bufferMinutes"
          label={labels.bufferMinutes}
          optional
          inputmode="numeric"
        />
        <TextField {...field} name="rooms" label={labels.rooms} optional="conditional" inputmode="numeric" />
        <TextField {...field} name="dayFrom" label={labels.dayFrom} optional="conditional" type="time" />
        <TextField {...field} name="dayTo" label={labels.dayTo} optional="conditional" type="time" />
      </fieldset>
    </>
  );
}
