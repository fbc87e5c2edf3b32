import type { EventRow } from "./queries/events";

/** An event as the API and the open data give it: what its public page shows, never who registered. */
export const eventOut = (e: EventRow) => ({
  id: e.id,
  kind: e.kind,
  state: e.state,
  titleEn: e.titleEn,
  titleHi: e.titleHi,
  organiserLevel: e.organiserLevel,
  stateLgdCode: e.stateLgdCode,
  districtLgdCode: e.districtLgdCode,
  missionCountry: e.missionCountry,
  timeZone: e.timeZone,
  startsAt: e.startsAt?.toISOString?.() ?? null,
  endsAt: e.endsAt?.toISOString?.() ?? null,
  online: e.online,
  venue: e.venue,
  city: e.city,
  country: e.country,
  sectorCodes: e.sectorCodes?.join(";") ?? "",
  capacity: e.capacity,
  leads: e.leads,
  lettersOfIntent: e.lettersOfIntent,
  loiValueInr: e.loiValueInr,
  page: `/events/${e.id}`,
});
