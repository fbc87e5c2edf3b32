/**
 * Matching and scheduling a virtual buyer-seller meet (issue 13): 500 buyers in three time zones and 2,000 producers
 * in India over 3 days, each buyer ranking 10 producers, each producer 2 buyers, and 10 suggestions by product per
 * buyer. The meet runs 08:00–20:00 India time, 20-minute meetings with 5 minutes between, 100 video rooms. Median of 5
 * runs after a warm-up; the baseline is ordering the pairs alone (`candidatePairs`), measured in the same run.
 * Run: npx tsx bench/matching.bench.ts
 */
import { candidatePairs, type MatchInput, matchAndSchedule } from "../src/modules/promotion/matching";
import { availableHours, meetingSlots } from "../src/modules/promotion/slots";
import { percentile } from "./support";

let x = 42;
const random = (n: number) => {
  x = (x * 1103515245 + 12345) & 0x7fffffff;
  return x % n;
};
const days = ["2027-01-12", "2027-01-13", "2027-01-14"];
const zones = ["America/New_York", "Europe/London", "Asia/Dubai"];
const hours = (from: string, to: string) => days.map((day) => ({ day, from, to }));

const slots = meetingSlots({
  days,
  from: "08:00",
  to: "20:00",
  timeZone: "Asia/Kolkata",
  lengthMinutes: 20,
  bufferMinutes: 5,
});
const buyers = Array.from({ length: 500 }, (_, i) => ({
  id: `b${i}`,
  // Working hours in their own zone: 08:00–12:00 in New York is 18:30–22:30 in India; in London 13:30–17:30.
  available: availableHours(
    hours(i % 2 ? "08:00" : "09:00", i % 2 ? "12:00" : "17:00"),
    zones[i % 3] as string,
  ),
}));
const producers = Array.from({ length: 2000 }, (_, i) => ({
  id: `p${i}`,
  available: availableHours(hours(i % 3 ? "09:00" : "11:00", i % 3 ? "18:00" : "20:00"), "Asia/Kolkata"),
}));
const input: MatchInput = {
  slots,
  rooms: 100,
  buyers,
  producers,
  buyerWishes: new Map(buyers.map((b) => [b.id, Array.from({ length: 10 }, () => `p${random(2000)}`)])),
  producerWishes: new Map(producers.map((p) => [p.id, Array.from({ length: 2 }, () => `b${random(500)}`)])),
  suggestions: buyers.flatMap((b) => Array.from({ length: 10 }, () => [b.id, `p${random(2000)}`] as const)),
};

const full: number[] = [];
const base: number[] = [];
let last = matchAndSchedule(input);
for (let i = 0; i < 6; i++) {
  let t0 = performance.now();
  candidatePairs(input);
  const b = performance.now() - t0;
  t0 = performance.now();
  last = matchAndSchedule(input);
  if (i > 0) {
    base.push(b);
    full.push(performance.now() - t0);
  }
}
const byTier = (t: string) => last.meetings.filter((m) => m.tier === t).length;
console.log(
  `${buyers.length} buyers × ${producers.length} producers, ${slots.length} slots × ${input.rooms} rooms: ${last.meetings.length} meetings (mutual ${byTier("mutual")}, buyer ${byTier("buyer")}, producer ${byTier("producer")}, suggested ${byTier("suggested")}), ${last.unscheduled.length} pairs unscheduled`,
);
console.log(
  `match and schedule: median ${percentile(full, 50).toFixed(0)} ms; ordering the pairs alone ${percentile(base, 50).toFixed(0)} ms (ratio ${(percentile(full, 50) / percentile(base, 50)).toFixed(1)}×)   budget < 5 s`,
);
