import { formatInTimeZone } from "date-fns-tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidatePairs, type MatchInput, matchAndSchedule } from "./matching";
import { availableHours, type Interval, meetingSlots } from "./slots";

describe("meeting slots and hours across time zones", () => {
  it("lays slots on the event's clock, daylight saving included", () => {
    // New York moves to summer time on 8 March 2026: 09:00 there is 14:00 UTC on the 7th, 13:00 UTC on the 8th.
    const slots = meetingSlots({
      days: ["2026-03-07", "2026-03-08"],
      from: "09:00",
      to: "10:00",
      timeZone: "America/New_York",
      lengthMinutes: 20,
      bufferMinutes: 5,
    });
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-03-07T14:00:00.000Z",
      "2026-03-07T14:25:00.000Z",
      "2026-03-08T13:00:00.000Z",
      "2026-03-08T13:25:00.000Z",
    ]);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 20 * 60_000)).toBe(true);
  });

  it("schedules a buyer in New York and a producer in Kolkata at an hour both gave, each reading it on their own clock", () => {
    const slots = meetingSlots({
      days: ["2026-12-15"],
      from: "08:00",
      to: "12:00",
      timeZone: "UTC",
      lengthMinutes: 30,
      bufferMinutes: 0,
    });
    const buyer = {
      id: "b",
      available: availableHours([{ day: "2026-12-15", from: "05:00", to: "07:00" }], "America/New_York"),
    };
    const producer = {
      id: "p",
      available: availableHours([{ day: "2026-12-15", from: "15:00", to: "18:00" }], "Asia/Kolkata"),
    };
    const { meetings } = matchAndSchedule({
      slots,
      rooms: 1,
      buyers: [buyer],
      producers: [producer],
      buyerWishes: new Map([["b", ["p"]]]),
      producerWishes: new Map(),
      suggestions: [],
    });
    const slot = slots[meetings[0]?.slot as number] as Interval;
    // 10:00 UTC is 05:00 in New York (EST) and 15:30 in Kolkata: the first slot inside both.
    expect(formatInTimeZone(slot.start, "America/New_York", "HH:mm")).toBe("05:00");
    expect(formatInTimeZone(slot.start, "Asia/Kolkata", "HH:mm")).toBe("15:30");
  });
});

describe("matching and scheduling", () => {
  it("takes mutual wishes first, then the buyer's, the producer's, then suggestions, each pair once", () => {
    const pairs = candidatePairs({
      slots: [],
      rooms: 1,
      buyers: [],
      producers: [],
      buyerWishes: new Map([
        ["b1", ["p1", "p2"]],
        ["b2", ["p3"]],
      ]),
      producerWishes: new Map([
        ["p2", ["b1"]],
        ["p4", ["b2"]],
      ]),
      suggestions: [
        ["b1", "p2"],
        ["b2", "p5"],
      ],
    });
    expect(pairs).toEqual([
      { buyer: "b1", producer: "p2", tier: "mutual" },
      { buyer: "b1", producer: "p1", tier: "buyer" },
      { buyer: "b2", producer: "p3", tier: "buyer" },
      { buyer: "b2", producer: "p4", tier: "producer" },
      { buyer: "b2", producer: "p5", tier: "suggested" },
    ]);
  });

  /** A random meet: 12 slots of 30 minutes, people free in random runs of them, random wishes and suggestions. */
  const meet = fc
    .record({
      buyers: fc.integer({ min: 1, max: 8 }),
      producers: fc.integer({ min: 1, max: 10 }),
      rooms: fc.integer({ min: 1, max: 4 }),
      seed: fc.array(fc.tuple(fc.nat(11), fc.integer({ min: 1, max: 12 })), { minLength: 18, maxLength: 18 }),
      wishes: fc.array(fc.tuple(fc.nat(7), fc.nat(9), fc.boolean()), { maxLength: 40 }),
      suggestions: fc.array(fc.tuple(fc.nat(7), fc.nat(9)), { maxLength: 20 }),
    })
    .map((r): MatchInput => {
      const base = Date.UTC(2026, 11, 15, 9);
      const slots = Array.from({ length: 12 }, (_, i) => ({
        start: new Date(base + i * 30 * 60_000),
        end: new Date(base + (i + 1) * 30 * 60_000),
      }));
      const person = (id: string, k: number) => {
        const [from, len] = r.seed[k % r.seed.length] as [number, number];
        return {
          id,
          available: [
            {
              start: new Date(base + from * 30 * 60_000),
              end: new Date(base + Math.min(12, from + len) * 30 * 60_000),
            },
          ],
        };
      };
      const buyers = Array.from({ length: r.buyers }, (_, i) => person(`b${i}`, i));
      const producers = Array.from({ length: r.producers }, (_, i) => person(`p${i}`, i + 8));
      const buyerWishes = new Map<string, string[]>();
      const producerWishes = new Map<string, string[]>();
      for (const [b, p, fromBuyer] of r.wishes) {
        const buyer = `b${b % r.buyers}`;
        const producer = `p${p % r.producers}`;
        const [who, whom, map] = fromBuyer
          ? [buyer, producer, buyerWishes]
          : [producer, buyer, producerWishes];
        const list = map.get(who) ?? [];
        if (!list.includes(whom)) map.set(who, [...list, whom]);
      }
      return {
        slots,
        rooms: r.rooms,
        buyers,
        producers,
        buyerWishes,
        producerWishes,
        suggestions: r.suggestions.map(([b, p]) => [`b${b % r.buyers}`, `p${p % r.producers}`] as const),
      };
    });

  it("never double-books anyone or a room, and every meeting lies in both people's hours", () => {
    fc.assert(
      fc.property(meet, (input) => {
        const { meetings } = matchAndSchedule(input);
        const seen = new Set<string>();
        const people = new Map([...input.buyers, ...input.producers].map((p) => [p.id, p]));
        for (const m of meetings) {
          for (const key of [`${m.buyer}@${m.slot}`, `${m.producer}@${m.slot}`, `room${m.room}@${m.slot}`]) {
            expect(seen.has(key), key).toBe(false);
            seen.add(key);
          }
          expect(m.room).toBeLessThan(input.rooms);
          const slot = input.slots[m.slot] as Interval;
          for (const id of [m.buyer, m.producer])
            expect(people.get(id)?.available.some((a) => a.start <= slot.start && slot.end <= a.end)).toBe(
              true,
            );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("schedules every mutual wish that fits before any one-sided wish: one left out had no room even among mutual ones", () => {
    fc.assert(
      fc.property(meet, (input) => {
        const { meetings, unscheduled } = matchAndSchedule(input);
        const mutualMeetings = meetings.filter((m) => m.tier === "mutual");
        // Placed in tier order: the mutual meetings come first.
        expect(meetings.slice(0, mutualMeetings.length).every((m) => m.tier === "mutual")).toBe(true);
        // A mutual wish left unscheduled: with only the mutual meetings in place, no slot in both people's hours had
        // both free and a room free.
        const people = new Map([...input.buyers, ...input.producers].map((p) => [p.id, p]));
        const inHours = (id: string, s: Interval) =>
          !!people.get(id)?.available.some((a) => a.start <= s.start && s.end <= a.end);
        for (const u of unscheduled.filter((x) => x.tier === "mutual"))
          input.slots.forEach((s, i) => {
            const here = mutualMeetings.filter((m) => m.slot === i);
            const fits =
              inHours(u.buyer, s) &&
              inHours(u.producer, s) &&
              here.length < input.rooms &&
              !here.some((m) => m.buyer === u.buyer || m.producer === u.producer);
            expect(fits, `${u.buyer}–${u.producer} fits slot ${i}`).toBe(false);
          });
      }),
      { numRuns: 300 },
    );
  });
});
