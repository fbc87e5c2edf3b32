import type { Interval } from "./slots";

/** A participant of a meet: who, and the hours they are free (instants, from their own time zone). */
export type Participant = { id: string; available: readonly Interval[] };

/** Why a pair meets, in the order pairs are placed: mutual wishes, then the buyer's, the producer's, suggestions. */
export const tiers = ["mutual", "buyer", "producer", "suggested"] as const;
export type Tier = (typeof tiers)[number];

export type Meeting = { buyer: string; producer: string; slot: number; room: number; tier: Tier };

export type MatchInput = {
  slots: readonly Interval[];
  /** Meetings that can run at once (video rooms). */
  rooms: number;
  buyers: readonly Participant[];
  producers: readonly Participant[];
  /** Each buyer's ranked wishes (producer ids, most wanted first), and each producer's (buyer ids). */
  buyerWishes: ReadonlyMap<string, readonly string[]>;
  producerWishes: ReadonlyMap<string, readonly string[]>;
  /** Pairs suggested by product match, best first (pairs already wished for are skipped). */
  suggestions: readonly (readonly [buyer: string, producer: string])[];
};

/** The pairs to place, in order: mutual wishes by their combined rank, then the buyer's, the producer's, suggestions. */
export function candidatePairs(input: MatchInput): { buyer: string; producer: string; tier: Tier }[] {
  const rankOf = (wishes: ReadonlyMap<string, readonly string[]>, who: string, whom: string) => {
    const i = wishes.get(who)?.indexOf(whom) ?? -1;
    return i < 0 ? null : i;
  };
  const mutual: { buyer: string; producer: string; score: number }[] = [];
  const buyerOnly: { buyer: string; producer: string; score: number }[] = [];
  const producerOnly: { buyer: string; producer: string; score: number }[] = [];
  for (const [buyer, wished] of input.buyerWishes)
    wished.forEach((producer, rank) => {
      const back = rankOf(input.producerWishes, producer, buyer);
      if (back === null) buyerOnly.push({ buyer, producer, score: rank });
      else mutual.push({ buyer, producer, score: rank + back });
    });
  for (const [producer, wished] of input.producerWishes)
    wished.forEach((buyer, rank) => {
      if (rankOf(input.buyerWishes, buyer, producer) === null)
        producerOnly.push({ buyer, producer, score: rank });
    });
  const byScore = (a: { score: number }, b: { score: number }) => a.score - b.score;
  const seen = new Set<string>();
  const out: { buyer: string; producer: string; tier: Tier }[] = [];
  const add = (buyer: string, producer: string, tier: Tier) => {
    const key = `${buyer}\u0000${producer}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ buyer, producer, tier });
  };
  for (const p of mutual.sort(byScore)) add(p.buyer, p.producer, "mutual");
  for (const p of buyerOnly.sort(byScore)) add(p.buyer, p.producer, "buyer");
  for (const p of producerOnly.sort(byScore)) add(p.buyer, p.producer, "producer");
  for (const [buyer, producer] of input.suggestions) add(buyer, producer, "suggested");
  return out;
}

/** For each participant, which slots lie wholly inside their available hours. */
function availability(slots: readonly Interval[], people: readonly Participant[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const p of people) {
    const free = new Uint8Array(slots.length);
    slots.forEach((s, i) => {
      if (p.available.some((a) => a.start <= s.start && s.end <= a.end)) free[i] = 1;
    });
    out.set(p.id, free);
  }
  return out;
}

/**
 * Matches buyers and producers and schedules their meetings: pairs are taken in order (`candidatePairs`), each
 * placed in the earliest slot that lies in both people's hours, where neither is already meeting and a room is free.
 * Because every mutual wish is placed before any one-sided one, a one-sided meeting can never take the place of a
 * mutual one. A pair that fits nowhere is returned as unscheduled, with its tier.
 */
export function matchAndSchedule(input: MatchInput): {
  meetings: Meeting[];
  unscheduled: { buyer: string; producer: string; tier: Tier }[];
} {
  const n = input.slots.length;
  const free = availability(input.slots, [...input.buyers, ...input.producers]);
  const busy = new Map<string, Uint8Array>();
  const busyOf = (id: string) => {
    const known = busy.get(id);
    if (known) return known;
    const b = new Uint8Array(n);
    busy.set(id, b);
    return b;
  };
  const used = new Uint16Array(n);
  const meetings: Meeting[] = [];
  const unscheduled: { buyer: string; producer: string; tier: Tier }[] = [];
  for (const pair of candidatePairs(input)) {
    const fb = free.get(pair.buyer);
    const fp = free.get(pair.producer);
    if (!fb || !fp) continue; // someone who is not a participant
    const bb = busyOf(pair.buyer);
    const bp = busyOf(pair.producer);
    let placed = false;
    for (let s = 0; s < n; s++) {
      if (fb[s] && fp[s] && !bb[s] && !bp[s] && (used[s] as number) < input.rooms) {
        bb[s] = 1;
        bp[s] = 1;
        meetings.push({ ...pair, slot: s, room: used[s] as number });
        used[s] = (used[s] as number) + 1;
        placed = true;
        break;
      }
    }
    if (!placed) unscheduled.push(pair);
  }
  return { meetings, unscheduled };
}
