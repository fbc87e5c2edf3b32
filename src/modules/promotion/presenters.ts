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

/** A catalogue's product as the open data gives it: the catalogue, the product's place in it, the product. */
export const catalogueItemOut = (
  k: { slug: string; titleEn: string; titleHi: string | null },
  i: {
    position: number;
    label: string | null;
    noteEn: string | null;
    noteHi: string | null;
    product: { id: number; name: string; slug: string; stateLgdCode: number; districtLgdCode: number };
  },
) => ({
  catalogue: k.slug,
  catalogueTitleEn: k.titleEn,
  catalogueTitleHi: k.titleHi,
  position: i.position,
  label: i.label,
  productId: i.product.id,
  productName: i.product.name,
  productSlug: i.product.slug,
  stateLgdCode: i.product.stateLgdCode,
  districtLgdCode: i.product.districtLgdCode,
  noteEn: i.noteEn,
  noteHi: i.noteHi,
  page: `/catalogues/${k.slug}`,
});
