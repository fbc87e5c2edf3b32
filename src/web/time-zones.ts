import type { Lang } from "./i18n";

/** India's clock: the time zone of everyone who has not chosen another. */
export const indiaZone = "Asia/Kolkata";

/** Whether `zone` is an IANA time zone this runtime knows (aliases such as Asia/Calcutta included). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let zones: string[] | null = null;

/**
 * The time zones to choose from, by name. ICU lists India's under its old name (Asia/Calcutta); people look for
 * Asia/Kolkata, which is the IANA name, so that is the one offered.
 */
export function timeZoneOptions(): { value: string; label: string }[] {
  zones ??= [
    ...Intl.supportedValuesOf("timeZone").map((z) => (z === "Asia/Calcutta" ? indiaZone : z)),
    "UTC",
  ].sort();
  return zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }));
}

/** An instant's calendar day in a zone: "3 Dec 2026". */
export function dayInZone(d: Date, zone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "hi" ? "hi-IN" : "en-IN", {
    dateStyle: "medium",
    timeZone: zone,
  }).format(d);
}

/** An instant on a clock, as people read it: "3 Dec 2026, 9:00 pm GMT+5:30". */
export function formatInZone(d: Date, zone: string, lang: Lang): string {
  return `${dayInZone(d, zone, lang)}, ${clockInZone(d, zone, lang)}`;
}

/** The clock time alone, with the zone's short name: "9:00 pm GMT+5:30". */
export function clockInZone(d: Date, zone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "hi" ? "hi-IN" : "en-IN", {
    hour: "numeric",
    minute: "2-digit",
    timeZone: zone,
    timeZoneName: "short",
  }).format(d);
}

/** The calendar day and clock time of an instant in a zone, as a form shows them (YYYY-MM-DD, HH:MM). */
export function localParts(d: Date, zone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: zone,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}
