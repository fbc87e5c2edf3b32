/**
 * India has one time zone, Asia/Kolkata (UTC+05:30, no daylight saving): a meeting's date and time are entered and
 * shown in it, whatever the server's or the reader's zone, and stored as an instant.
 */
export const indiaZone = "Asia/Kolkata";

/** The instant of a date (YYYY-MM-DD) and time (HH:MM) read in India. */
export function indiaInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+05:30`);
}

const parts = (d: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: indiaZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );

/** The date (YYYY-MM-DD) and time (HH:MM) of an instant in India: what a form shows to be changed. */
export function indiaDateTime(d: Date): { date: string; time: string } {
  const p = parts(d);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** "Tuesday, 15 December 2026, 11:00 am IST": the zone said in words, since readers abroad see it too. */
export function formatIndiaTime(d: Date, lang: "en" | "hi", withWeekday = true): string {
  const text = new Intl.DateTimeFormat(lang === "hi" ? "hi-IN" : "en-IN", {
    timeZone: indiaZone,
    ...(withWeekday ? { weekday: "long" as const } : {}),
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    // Hindi readers get the 24-hour clock: ICU writes "am"/"pm" in Latin letters inside Hindi text otherwise.
    ...(lang === "hi" ? { hourCycle: "h23" as const } : {}),
  }).format(d);
  return `${text} ${lang === "hi" ? "भारतीय समय" : "IST"}`;
}
