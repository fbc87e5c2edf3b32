import { and, asc, count, desc, eq, ilike, inArray, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db";
import { escapeLike, normalizeName } from "../../platform/text";
import { PlaceIndex } from "./matching";
import { boundaries, districtAliases, districts, stateAliases, states } from "./tables";

export type StateView = {
  lgdCode: number;
  nameEn: string;
  nameHi: string | null;
  kind: "state" | "ut";
  districtCount: number;
  /** Districts kept from the Dec-2022 LGD list because a source names them. */
  formerDistrictCount: number;
};

export type DistrictView = {
  lgdCode: number;
  stateLgdCode: number;
  nameEn: string;
  nameHi: string | null;
  nameHiSource: string | null;
  census2011Code: string | null;
  census2001Code: string | null;
  inCurrentLgd: boolean;
  hasBoundary: boolean;
  sourceFile: string;
  sourceRow: number;
};

const districtColumns = {
  lgdCode: districts.lgdCode,
  stateLgdCode: districts.stateLgdCode,
  nameEn: districts.nameEn,
  nameHi: districts.nameHi,
  nameHiSource: districts.nameHiSource,
  census2011Code: districts.census2011Code,
  census2001Code: districts.census2001Code,
  inCurrentLgd: districts.inCurrentLgd,
  hasBoundary: districts.hasBoundary,
  sourceFile: districts.sourceFile,
  sourceRow: districts.sourceRow,
};

export async function loadPlaceIndex(db: DbOrTx): Promise<PlaceIndex> {
  // One after another: inside a transaction there is one connection, and node-postgres will not queue on it.
  const s = await db.select({ lgdCode: states.lgdCode, nameEn: states.nameEn }).from(states);
  const d = await db
    .select({ lgdCode: districts.lgdCode, stateLgdCode: districts.stateLgdCode, nameEn: districts.nameEn })
    .from(districts);
  const a = await db
    .select({
      districtLgdCode: districtAliases.districtLgdCode,
      alias: districtAliases.alias,
      kind: districtAliases.kind,
    })
    .from(districtAliases);
  return new PlaceIndex({ states: s, districts: d, aliases: a });
}

/** States with the number of districts the current LGD list gives them. */
export async function listStates(db: DbOrTx): Promise<StateView[]> {
  const n = db
    .select({
      state: districts.stateLgdCode,
      current: sql<number>`count(*) filter (where ${districts.inCurrentLgd})`.as("current"),
      former: sql<number>`count(*) filter (where not ${districts.inCurrentLgd})`.as("former"),
    })
    .from(districts)
    .groupBy(districts.stateLgdCode)
    .as("n");
  return db
    .select({
      lgdCode: states.lgdCode,
      nameEn: states.nameEn,
      nameHi: states.nameHi,
      kind: states.kind,
      districtCount: sql<number>`coalesce(${n.current}, 0)::int`,
      formerDistrictCount: sql<number>`coalesce(${n.former}, 0)::int`,
    })
    .from(states)
    .leftJoin(n, eq(n.state, states.lgdCode))
    .orderBy(asc(states.nameEn));
}

export async function getState(db: DbOrTx, lgdCode: number): Promise<StateView | null> {
  return (await listStates(db)).find((s) => s.lgdCode === lgdCode) ?? null;
}

export async function listDistricts(
  db: DbOrTx,
  filter: { stateLgdCode?: number } = {},
): Promise<DistrictView[]> {
  return db
    .select(districtColumns)
    .from(districts)
    .where(filter.stateLgdCode === undefined ? undefined : eq(districts.stateLgdCode, filter.stateLgdCode))
    .orderBy(asc(districts.nameEn));
}

export async function getDistricts(db: DbOrTx, codes: number[]): Promise<DistrictView[]> {
  if (codes.length === 0) return [];
  return db.select(districtColumns).from(districts).where(inArray(districts.lgdCode, codes));
}

export async function getDistrict(db: DbOrTx, lgdCode: number): Promise<DistrictView | null> {
  return (await getDistricts(db, [lgdCode]))[0] ?? null;
}

export async function districtAliasesOf(db: DbOrTx, lgdCode: number) {
  return db
    .select({ alias: districtAliases.alias, kind: districtAliases.kind, source: districtAliases.source })
    .from(districtAliases)
    .where(eq(districtAliases.districtLgdCode, lgdCode))
    .orderBy(asc(districtAliases.kind), asc(districtAliases.alias));
}

/** Districts whose current name or any former name or spelling starts with the query (at most 50). */
export async function findDistrictsByName(db: DbOrTx, query: string): Promise<DistrictView[]> {
  if (normalizeName(query) === "") return [];
  return (await pageDistricts(db, { q: query }, { limit: 50, offset: 0, sort: "name" })).items;
}

export async function countPlaces(
  db: DbOrTx,
): Promise<{ states: number; districts: number; formerOnly: number }> {
  const [s] = await db.select({ n: count() }).from(states);
  const [d] = await db
    .select({
      current: sql<number>`count(*) filter (where ${districts.inCurrentLgd})::int`,
      former: sql<number>`count(*) filter (where not ${districts.inCurrentLgd})::int`,
    })
    .from(districts);
  return { states: s?.n ?? 0, districts: d?.current ?? 0, formerOnly: d?.former ?? 0 };
}

export async function boundaryGeometries(db: DbOrTx, kind: "district" | "state") {
  return db
    .select({ lgdCode: boundaries.lgdCode, geometry: boundaries.geometry })
    .from(boundaries)
    .where(eq(boundaries.kind, kind));
}

/** Every recorded other name, by district. */
export async function aliasesByDistrict(db: DbOrTx): Promise<Map<number, string[]>> {
  const rows = await db
    .select({ code: districtAliases.districtLgdCode, alias: districtAliases.alias })
    .from(districtAliases);
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.code, [...(out.get(r.code) ?? []), r.alias]);
  return out;
}

/** A page of districts: by State, by any name they have had, and within (or outside) a set of codes. */
export async function pageDistricts(
  db: DbOrTx,
  filter: { stateLgdCode?: number; q?: string; inCodes?: number[]; notInCodes?: number[] },
  page: { limit: number; offset: number; sort: "name" | "-name" | "lgdCode" | "-lgdCode" },
): Promise<{ total: number; items: DistrictView[] }> {
  const norm = filter.q ? normalizeName(filter.q) : "";
  const where = and(
    filter.stateLgdCode === undefined ? undefined : eq(districts.stateLgdCode, filter.stateLgdCode),
    norm
      ? or(
          ilike(districts.nameEn, `${escapeLike(filter.q?.trim() ?? "")}%`),
          inArray(
            districts.lgdCode,
            db
              .select({ code: districtAliases.districtLgdCode })
              .from(districtAliases)
              .where(ilike(districtAliases.aliasNorm, `${escapeLike(norm)}%`)),
          ),
        )
      : undefined,
    filter.inCodes ? inArray(districts.lgdCode, filter.inCodes.length ? filter.inCodes : [-1]) : undefined,
    filter.notInCodes?.length ? notInArray(districts.lgdCode, filter.notInCodes) : undefined,
  );
  const order = {
    name: [asc(districts.nameEn), asc(districts.lgdCode)],
    "-name": [desc(districts.nameEn), asc(districts.lgdCode)],
    lgdCode: [asc(districts.lgdCode)],
    "-lgdCode": [desc(districts.lgdCode)],
  }[page.sort];
  const [n] = await db.select({ n: count() }).from(districts).where(where);
  const items = await db
    .select(districtColumns)
    .from(districts)
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
  return { total: n?.n ?? 0, items };
}

/** The former and colloquial names of each State, by LGD code. */
export async function aliasesByState(db: DbOrTx): Promise<Map<number, string[]>> {
  const rows = await db
    .select({ code: stateAliases.stateLgdCode, alias: stateAliases.alias })
    .from(stateAliases)
    .orderBy(asc(stateAliases.alias));
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.code, [...(out.get(r.code) ?? []), r.alias]);
  return out;
}

/** A State's former and colloquial names with their sources, for its page. */
export async function stateAliasesOf(db: DbOrTx, lgdCode: number) {
  return db
    .select({ alias: stateAliases.alias, kind: stateAliases.kind, source: stateAliases.source })
    .from(stateAliases)
    .where(eq(stateAliases.stateLgdCode, lgdCode))
    .orderBy(asc(stateAliases.alias));
}
