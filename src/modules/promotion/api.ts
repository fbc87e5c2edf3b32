import { z } from "zod";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { intId, isoDate, lgdCode } from "../../platform/ids";
import type { ApiRegistry } from "../../web/api/registry";
import { eventKinds, eventStates, organiserLevels } from "./event-flow";
import { catalogueItemOut, eventOut } from "./presenters";
import { itemsOf, openCatalogues } from "./queries/catalogues";
import { openEvent, openEvents } from "./queries/events";

const eventItem = z.object({
  id: z.number().int(),
  kind: z.enum(eventKinds),
  state: z.enum(eventStates).describe("published or cancelled"),
  titleEn: z.string(),
  titleHi: z.string().nullable(),
  organiserLevel: z.enum(organiserLevels),
  stateLgdCode: z.number().int().nullable(),
  districtLgdCode: z.number().int().nullable(),
  missionCountry: z.string().nullable().describe("ISO 3166-1 alpha-2, when an Indian Mission organises it"),
  timeZone: z.string().describe("IANA time zone of the event's clock"),
  startsAt: z.string().nullable().describe("UTC, ISO 8601"),
  endsAt: z.string().nullable().describe("UTC, ISO 8601"),
  online: z.boolean(),
  venue: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().describe("ISO 3166-1 alpha-2"),
  sectorCodes: z.string().describe("Sector codes, separated by semicolons"),
  capacity: z.number().int().nullable(),
  leads: z.number().int().nullable(),
  lettersOfIntent: z.number().int().nullable(),
  loiValueInr: z.number().nullable().describe("₹"),
  page: z.string(),
});

const catalogueItem = z.object({
  catalogue: z.string().describe("The catalogue's address (/catalogues/{slug})"),
  catalogueTitleEn: z.string(),
  catalogueTitleHi: z.string().nullable(),
  position: z.number().int(),
  label: z.string().nullable(),
  productId: z.number().int().describe("The ODOP product (id in /products)"),
  productName: z.string(),
  productSlug: z.string(),
  stateLgdCode: z.number().int(),
  districtLgdCode: z.number().int(),
  noteEn: z.string().nullable(),
  noteHi: z.string().nullable(),
  page: z.string(),
});

/** Published events (never drafts or demo, never who registered), and published gift catalogues. */
export function registerPromotionApi(api: ApiRegistry, db: Db): void {
  api.get({
    path: "/events",
    summary: "Published ODOP events and buyer-seller meets, soonest first",
    tag: "Events",
    item: eventItem,
    query: z.object({
      kind: z.enum(eventKinds).optional(),
      state: lgdCode.optional().describe("LGD code of the organising State or district's State"),
      from: isoDate.optional().describe("Only events that end after this day (YYYY-MM-DD)"),
    }),
    handler: async ({ query }) => {
      const { items, total } = await openEvents(db, query);
      return { total, items: items.map(eventOut) };
    },
  });
  api.get({
    path: "/events/{id}",
    summary: "One published event",
    tag: "Events",
    params: z.object({ id: intId }),
    response: eventItem,
    handler: async ({ params }) => {
      const e = await openEvent(db, params.id);
      if (!e) throw new AppError("not_found", `No published event ${params.id}`);
      return eventOut(e);
    },
  });
  api.get({
    path: "/catalogue-items",
    summary: "The products of published gift catalogues and campaigns, in each catalogue's order",
    tag: "Events",
    item: catalogueItem,
    query: z.object({
      catalogue: z.string().max(60).optional().describe("Only this catalogue (its address)"),
    }),
    handler: async ({ query }) => {
      const all = [];
      for (const k of await openCatalogues(db))
        if (!query.catalogue || k.slug === query.catalogue)
          all.push(...(await itemsOf(db, k.id)).map((i) => catalogueItemOut(k, i)));
      return { total: all.length, items: all.slice(query.offset, query.offset + query.limit) };
    },
  });
}
