import { normalizeName } from "../../platform/text";
import { stateAliases } from "./state-aliases";

export type PlaceRecords = {
  states: { lgdCode: number; nameEn: string }[];
  districts: { lgdCode: number; stateLgdCode: number; nameEn: string }[];
  aliases: { districtLgdCode: number; alias: string; kind: string }[];
};

export type DistrictMatch =
  | { status: "matched"; lgdCode: number; method: string }
  | { status: "ambiguous"; candidates: number[] }
  | { status: "unknown" };

/**
 * Finds States and districts by any name the sources use. Tries the current LGD name, then every recorded
 * former name or spelling, then the name without a parenthesis ("Ballari (Bellary)"), then the name inside it.
 * A name that fits two districts of one State is ambiguous: reported, never guessed.
 */
export class PlaceIndex {
  private readonly stateByNorm = new Map<string, number>();
  private readonly byState = new Map<number, Map<string, Map<number, string>>>();

  constructor(records: PlaceRecords) {
    for (const s of records.states) this.stateByNorm.set(normalizeName(s.nameEn), s.lgdCode);
    for (const [alias, code] of Object.entries(stateAliases))
      if (!this.stateByNorm.has(alias)) this.stateByNorm.set(alias, code);
    const stateOf = new Map<number, number>();
    for (const d of records.districts) {
      stateOf.set(d.lgdCode, d.stateLgdCode);
      this.add(d.stateLgdCode, d.nameEn, d.lgdCode, "lgd_name");
    }
    for (const a of records.aliases) {
      const state = stateOf.get(a.districtLgdCode);
      if (state === undefined) continue;
      this.add(state, a.alias, a.districtLgdCode, `alias:${a.kind}`);
      // "Ballari (Bellary)" also stands for "Bellary"; too short an inner part ("Kamrup (M)") stands for nothing.
      for (const part of parenthesisParts(a.alias))
        if (normalizeName(part).length >= 4)
          this.add(state, part, a.districtLgdCode, `alias:${a.kind}+parenthesis`);
    }
  }

  private add(state: number, name: string, code: number, method: string) {
    const norm = normalizeName(name);
    const names = this.byState.get(state) ?? new Map<string, Map<number, string>>();
    this.byState.set(state, names);
    const codes = names.get(norm) ?? new Map<number, string>();
    names.set(norm, codes);
    // The current name wins over an alias as the reported method.
    if (!codes.has(code) || method === "lgd_name") codes.set(code, method);
  }

  stateCodes(): number[] {
    return [...new Set(this.stateByNorm.values())];
  }

  districtCodes(): number[] {
    return [...this.byState.values()].flatMap((names) => [...names.values()].flatMap((c) => [...c.keys()]));
  }

  stateCode(name: string): number | null {
    return this.stateByNorm.get(normalizeName(name)) ?? null;
  }

  matchDistrict(stateCode: number, name: string): DistrictMatch {
    const names = this.byState.get(stateCode);
    if (!names) return { status: "unknown" };
    const tries: [string, string | null][] = [
      [name, null],
      ...parenthesisParts(name).map((n, i): [string, string] => [
        n,
        i === 0 ? "without_parenthesis" : "parenthesis",
      ]),
    ];
    for (const [candidate, how] of tries) {
      const codes = names.get(normalizeName(candidate));
      if (!codes || codes.size === 0) continue;
      // A whole name (current or former) beats a part of an alias: "Kamrup" is Kamrup, even though "Kamrup (M)"
      // (Kamrup Metro) contains it. A current name and another district's former name tie: ambiguous.
      const best = Math.min(...[...codes.values()].map(strength));
      const top = [...codes.entries()].filter(([, m]) => strength(m) === best);
      if (top.length > 1)
        return { status: "ambiguous", candidates: top.map(([c]) => c).sort((a, b) => a - b) };
      const [[code, method]] = top as [[number, string]];
      return { status: "matched", lgdCode: code, method: how ? `${method}+${how}` : method };
    }
    return { status: "unknown" };
  }
}

/** For "A (B)": ["A", "B"]; for a name without a parenthesis: []. */
function parenthesisParts(name: string): string[] {
  if (!name.includes("(")) return [];
  const outside = name.replace(/\([^)]*\)/g, " ").trim();
  const inside = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => (m[1] ?? "").trim());
  return [outside, ...inside].filter(Boolean);
}

function strength(method: string): number {
  return method.endsWith("+parenthesis") ? 1 : 0;
}
