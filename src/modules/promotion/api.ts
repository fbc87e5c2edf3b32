import { z } from "zod";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { intId, isoDate, lgdCode } from "../../platform/ids";
import type { ApiRegistry } from "../../web/api/registry";
import { eventKinds, eventStates, organiserLevels } from "./event-flow";
import { eventOut } from "./presenters";
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

/** Published events (never drafts or demo, never who registered). */
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
}
