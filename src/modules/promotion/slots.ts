import { fromZonedTime } from "date-fns-tz";

/** A meeting slot: an interval of time, [start, end). */
export type Interval = { start: Date; end: Date };

/**
 * The meeting slots of a virtual buyer-seller meet: on each day, from `from` to `to` in the event's time zone, meetings
 * of `lengthMinutes` with `bufferMinutes` between them. The clock is the event's (daylight saving included): a day in
 * New York that changes to summer time still starts at 09:00 there.
 */
export function meetingSlots(p: {
  days: readonly string[];
  from: string;
  to: string;
  timeZone: string;
  lengthMinutes: number;
  bufferMinutes: number;
}): Interval[] {
  const slots: Interval[] = [];
  const step = (p.lengthMinutes + p.bufferMinutes) * 60_000;
  const length = p.lengthMinutes * 60_000;
  for (const day of p.days) {
    const open = fromZonedTime(`${day} ${p.from}`, p.timeZone).getTime();
    const close = fromZonedTime(`${day} ${p.to}`, p.timeZone).getTime();
    for (let t = open; t + length <= close; t += step)
      slots.push({ start: new Date(t), end: new Date(t + length) });
  }
  return slots;
}

/** A person's available hours, given in their own time zone: the same day and clock times mean other instants. */
export function availableHours(
  hours: readonly { day: string; from: string; to: string }[],
  timeZone: string,
): Interval[] {
  return hours.map((h) => ({
    start: fromZonedTime(`${h.day} ${h.from}`, timeZone),
    end: fromZonedTime(`${h.day} ${h.to}`, timeZone),
  }));
}
