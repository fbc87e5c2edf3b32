import type { EventInput } from "../../src/modules/promotion/schemas";
import { inVaranasi } from "./actors";

/** A calendar day `n` days from today (UTC), as an event's form gives it. */
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A day's training of Varanasi's district on export packaging, ten days from now: the base of the event tests. */
export const trainingInput = (over: Partial<EventInput> = {}): EventInput => ({
  kind: "training",
  organiser: `district:${inVaranasi.districtLgdCode}`,
  titleEn: "Packaging for export",
  descriptionEn: "A day on export packaging.",
  timeZone: "Asia/Kolkata",
  startDate: inDays(10),
  startTime: "10:00",
  endDate: inDays(10),
  endTime: "16:00",
  online: false,
  venue: "Collectorate hall",
  country: "IN",
  sectorCodes: [],
  productIds: [],
  approvalRequired: false,
  ...over,
});

/** A one-day online meet of Varanasi on `day`, 09:00–23:00 India time, 20-minute meetings, 10 between, one room. */
export const meetInput = (day: string, over: Partial<EventInput> = {}): EventInput =>
  trainingInput({
    kind: "vbsm",
    online: true,
    venue: undefined,
    joinUrl: "https://meet.jit.si",
    startDate: day,
    startTime: "09:00",
    endDate: day,
    endTime: "23:00",
    meetingMinutes: 20,
    bufferMinutes: 10,
    rooms: 1,
    dayFrom: "09:00",
    dayTo: "23:00",
    ...over,
  });
