import { normalizeName } from "../../platform/text";

export type GiRecord = {
  id: number;
  listSerialNo: number;
  name: string;
  states: string[];
  origin: string;
  duplicateOfSerial: number | null;
};

const words = (s: string) => new Set(normalizeName(s).split(" ").filter(Boolean));

/** Finds GI registrations by name, and suggests the GI goods a product name covers. */
export class GiIndex {
  private readonly byNorm = new Map<string, GiRecord[]>();

  constructor(private readonly records: GiRecord[]) {
    for (const r of records) {
      const k = normalizeName(r.name);
      this.byNorm.set(k, [...(this.byNorm.get(k) ?? []), r]);
    }
  }

  /** The registration with exactly this name; a re-registered duplicate yields to its original. */
  byName(name: string, stateName?: string): GiRecord | null {
    const hits = this.byNorm.get(normalizeName(name)) ?? [];
    const inState = stateName ? hits.filter((h) => this.inState(h, stateName)) : hits;
    const pool = inState.length ? inState : hits;
    return pool.find((h) => h.duplicateOfSerial === null) ?? pool[0] ?? null;
  }

  /**
   * The rule the seed data used: a GI is suggested when every word of its name appears in the product's name
   * and it is registered for the product's State. A suggestion waits for an administrator to confirm it.
   */
  suggest(productName: string, stateName: string): GiRecord[] {
    const have = words(productName);
    return this.records.filter(
      (r) =>
        r.origin === "india" &&
        r.duplicateOfSerial === null &&
        this.inState(r, stateName) &&
        [...words(r.name)].every((w) => have.has(w)),
    );
  }

  private inState(r: GiRecord, stateName: string): boolean {
    const s = normalizeName(stateName);
    return r.states.some((x) => normalizeName(x) === s);
  }
}
