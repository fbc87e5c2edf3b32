import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

/** One query a person would type, and the result that must be among the first `within` hits. */
export type RelevanceCase = { query: string; expect: string; within: number; why: string };
export type Hit = { kind: string; titleEn: string; contextEn: string };

export const relevanceFile = path.join(import.meta.dirname, "queries.csv");

export function loadRelevanceSet(): RelevanceCase[] {
  const rows = parse(fs.readFileSync(relevanceFile, "utf8"), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    query: r.query ?? "",
    expect: r.expect ?? "",
    within: Number(r.within),
    why: r.why ?? "",
  }));
}

/**
 * Whether a hit is what `expect` asks for: `kind:Title` (that title, exactly), `kind:Title@Place` (and its context
 * names that place), or `kind~words` (any hit of that kind whose title holds each word, case aside).
 */
export function matches(expect: string, hit: Hit): boolean {
  const loose = expect.match(/^(\w+)~(.+)$/);
  if (loose) {
    const title = hit.titleEn.toLowerCase();
    return hit.kind === loose[1] && (loose[2] ?? "").split(" ").every((w) => title.includes(w));
  }
  const exact = expect.match(/^(\w+):([^@]+)(?:@(.+))?$/);
  if (!exact) throw new Error(`Unreadable expectation: ${expect}`);
  return hit.kind === exact[1] && hit.titleEn === exact[2] && (!exact[3] || hit.contextEn.includes(exact[3]));
}

/** Where in the hits the expected result first is (1-based), or null. */
export function rankOf(c: RelevanceCase, hits: Hit[]): number | null {
  const i = hits.findIndex((h) => matches(c.expect, h));
  return i < 0 ? null : i + 1;
}
