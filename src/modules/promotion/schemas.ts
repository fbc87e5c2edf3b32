import { z } from "zod";
import { amount, intId, isoDate, optionalText, ticked } from "../../platform/ids";
import { isCountry } from "../../web/countries";
import { isTimeZone } from "../../web/time-zones";
import { sectorTaxonomy } from "../catalog";
import { eventKinds } from "./event-flow";

const clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "timeFormat");
const zone = z.string().trim().refine(isTimeZone, { message: "timeZoneFormat" });
const sectorCodes = new Set<string>(sectorTaxonomy.map((s) => s.code));
/**
 * The boxes ticked among checkboxes named `prefix` + a value (`sector_handicrafts`, `product_12`): forms send each
 * field once, so a set of checkboxes is a set of fields.
 */
export function tickedValues(values: Record<string, unknown>, prefix: string): string[] {
  return Object.keys(values)
    .filter((k) => k.startsWith(prefix) && values[k] === "on")
    .map((k) => k.slice(prefix.length));
}
const count = (max: number) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(0, "countFormat").max(max, "countFormat").optional(),
  );

/**
 * An event as its organiser writes it. The organiser is chosen among the places the person's grants reach
 * (`district:532`, `state:9`, `nation`, `mission:US`); dates and times are on the event's clock. A meet also says how
 * long a meeting is, the buffer between meetings, how many run at once, and the hours of each day.
 */
export const eventInput = z.preprocess(
  (v) =>
    v && typeof v === "object"
      ? {
          ...v,
          sectorCodes: tickedValues(v as Record<string, unknown>, "sector_"),
          productIds: tickedValues(v as Record<string, unknown>, "product_"),
        }
      : v,
  z
    .object({
      kind: z.enum(eventKinds),
      organiser: z
        .string()
        .regex(/^(district:\d{1,6}|state:\d{1,6}|nation|mission:[A-Z]{2})$/, "organiserFormat"),
      titleEn: z.string().trim().min(1).max(200),
      titleHi: optionalText(200),
      descriptionEn: z.string().trim().min(1).max(4000),
      descriptionHi: optionalText(4000),
      timeZone: zone,
      startDate: isoDate,
      startTime: clock,
      endDate: isoDate,
      endTime: clock,
      online: ticked,
      venue: optionalText(300),
      city: optionalText(120),
      country: z.string().trim().toUpperCase().refine(isCountry, { message: "countryFormat" }),
      joinUrl: z
        .string()
        .trim()
        .max(500)
        .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), { message: "urlFormat" })
        .optional(),
      sectorCodes: z.array(z.string().refine((v) => sectorCodes.has(v), { message: "sectorFormat" })).max(50),
      productIds: z.array(intId).max(200),
      capacity: count(100_000).refine((v) => v === undefined || v > 0, { message: "countFormat" }),
      approvalRequired: ticked,
      meetingMinutes: count(240),
      bufferMinutes: count(120),
      rooms: count(500),
      dayFrom: clock.optional().or(z.literal("").transform(() => undefined)),
      dayTo: clock.optional().or(z.literal("").transform(() => undefined)),
    })
    .refine((v) => `${v.endDate} ${v.endTime}` > `${v.startDate} ${v.startTime}`, {
      path: ["endDate"],
      message: "endBeforeStart",
    })
    .refine((v) => v.online || !!v.venue, { path: ["venue"], message: "venueRequired" })
    .refine((v) => !v.online || !!v.joinUrl, { path: ["joinUrl"], message: "joinUrlRequired" })
    .refine((v) => v.kind !== "vbsm" || (v.meetingMinutes ?? 0) >= 5, {
      path: ["meetingMinutes"],
      message: "meetingMinutesRequired",
    })
    .refine((v) => v.kind !== "vbsm" || (v.rooms ?? 0) >= 1, { path: ["rooms"], message: "roomsRequired" })
    .refine((v) => v.kind !== "vbsm" || (!!v.dayFrom && !!v.dayTo && v.dayFrom < v.dayTo), {
      path: ["dayTo"],
      message: "dayHoursRequired",
    })
    .refine((v) => v.kind !== "vbsm" || !!v.joinUrl, { path: ["joinUrl"], message: "joinUrlRequired" }),
);
export type EventInput = z.infer<typeof eventInput>;

/** Registering: which side (when the person is both a producer and a buyer) and a note for the organiser. */
export const registerInput = z.object({
  side: z.enum(["producer", "buyer"]).optional(),
  note: optionalText(1000),
});

/** A meet participant's hours: their time zone, and for each day of the meet a from–to (both empty: not free). */
export const hoursInput = z.object({ timeZone: zone, version: intId });
export const dayHours = z
  .object({ day: isoDate, from: clock, to: clock })
  .refine((v) => v.from < v.to, { path: ["to"], message: "toBeforeFrom" });

/** Wishes: the registration ids of the other side, most wanted first (at most ten). */
export const wishesInput = z.object({ ranked: z.array(intId).max(10) });

/** The organiser moves a meeting: a new start on the event's clock, and a room. */
export const moveInput = z.object({
  date: isoDate,
  time: clock,
  room: z.coerce.number().int().min(1, "countFormat").max(500, "countFormat"),
  version: intId,
});

export const ratingInput = z.object({
  stars: z.coerce.number().int().min(1, "starsFormat").max(5, "starsFormat"),
  comment: optionalText(1000),
});

/** What came of an event: leads, letters of intent and their value, notes. */
export const outcomesInput = z.object({
  leads: count(1_000_000),
  lettersOfIntent: count(1_000_000),
  loiValueInr: z.preprocess((v) => (v === "" ? undefined : v), amount.optional()),
  outcomeNotes: optionalText(4000),
  version: intId,
});

export const versionInput = z.object({ version: intId });
export const reasonInput = z.object({ reason: z.string().trim().min(1, "reasonRequired").max(1000) });
export type OutcomesInput = z.infer<typeof outcomesInput>;

/** The public list's filters, from the query string. */
export const eventFilters = z.object({
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  kind: z.enum(eventKinds).optional(),
  state: z.coerce.number().int().positive().max(999_999).optional(),
  product: intId.optional(),
  online: z
    .enum(["yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "yes")),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

/** A catalogue as the administrator writes it: its address (`g20-gifts`), titles and introductions. */
export const catalogueInput = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slugFormat")
    .max(60, "slugFormat")
    // The administrator's own pages live beside the catalogues' addresses.
    .refine((v) => !["manage", "new", "sector-art"].includes(v), { message: "slugFormat" }),
  titleEn: z.string().trim().min(1).max(200),
  titleHi: optionalText(200),
  introEn: z.string().trim().min(1).max(4000),
  introHi: optionalText(4000),
});
export type CatalogueInput = z.infer<typeof catalogueInput>;

/** An item's label ("A") and note, in English and Hindi. */
export const itemInput = z.object({
  label: optionalText(12),
  noteEn: optionalText(1000),
  noteHi: optionalText(1000),
  version: intId,
});
export type ItemInput = z.infer<typeof itemInput>;

/** Finding a product to add: a few words of its name or district. */
export const productQuery = z.object({ q: z.string().trim().max(100).optional() });
