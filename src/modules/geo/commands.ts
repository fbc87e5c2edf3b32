import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db";
import { normalizeName } from "../../platform/text";
import type { LgdDistrictRow, LgdStateRow, NewAlias } from "./schemas";
import { boundaries, districtAliases, districts, stateAliases, states } from "./tables";

type Sourced<T> = { line: number; row: T };

/** Writes the LGD States and districts, and each district's Dec-2022 name where LGD has changed it since. */
export async function insertLgd(
  tx: DbOrTx,
  input: {
    file: { states: string; districts: string };
    states: Sourced<LgdStateRow>[];
    districts: Sourced<LgdDistrictRow>[];
  },
): Promise<void> {
  await tx.insert(states).values(
    input.states.map(({ line, row }) => ({
      lgdCode: row.lgd_state_code,
      nameEn: row.state_name,
      kind: row.state_or_ut === "S" ? ("state" as const) : ("ut" as const),
      census2011Code: row.census2011_state_code,
      lgdDistrictCount: row.district_count,
      sourceFile: input.file.states,
      sourceRow: line,
    })),
  );
  await tx.insert(districts).values(
    input.districts.map(({ line, row }) => ({
      lgdCode: row.lgd_district_code,
      stateLgdCode: row.lgd_state_code,
      nameEn: row.district_name,
      census2011Code: row.census2011_district_code,
      census2001Code: row.census2001_district_code,
      inCurrentLgd: true,
      inLgdDec2022: row.in_lgd_dec2022 === "yes",
      sourceFile: input.file.districts,
      sourceRow: line,
    })),
  );
  await addAliases(
    tx,
    input.districts.flatMap(({ line, row }) =>
      row.name_dec2022
        ? [
            {
              districtLgdCode: row.lgd_district_code,
              alias: row.name_dec2022,
              kind: "lgd_dec2022" as const,
              source: `${input.file.districts} line ${line}`,
            },
          ]
        : [],
    ),
  );
}

/** A district that a source names with its Dec-2022 LGD code but that the current LGD list no longer has. */
export async function insertFormerDistrict(
  tx: DbOrTx,
  d: { lgdCode: number; stateLgdCode: number; nameEn: string; sourceFile: string; sourceRow: number },
): Promise<void> {
  await tx
    .insert(districts)
    .values({ ...d, inCurrentLgd: false, inLgdDec2022: true })
    .onConflictDoNothing();
}

/** Records other names of districts; a name equal to the current one, or already known, is skipped. */
export async function addAliases(tx: DbOrTx, aliases: NewAlias[]): Promise<number> {
  if (aliases.length === 0) return 0;
  const codes = [...new Set(aliases.map((a) => a.districtLgdCode))];
  const current = await tx
    .select({ code: districts.lgdCode, name: districts.nameEn })
    .from(districts)
    .where(inArray(districts.lgdCode, codes));
  const currentNorm = new Map(current.map((d) => [d.code, normalizeName(d.name)]));
  const rows = aliases
    .map((a) => ({ ...a, aliasNorm: normalizeName(a.alias) }))
    .filter((a) => a.aliasNorm !== "" && a.aliasNorm !== currentNorm.get(a.districtLgdCode));
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(districtAliases)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: districtAliases.id });
  return inserted.length;
}

export async function markBoundaries(tx: DbOrTx, codes: number[]): Promise<void> {
  if (codes.length === 0) return;
  await tx.update(districts).set({ hasBoundary: true }).where(inArray(districts.lgdCode, codes));
}

export async function setStateHindiName(tx: DbOrTx, code: number, nameHi: string, source: string) {
  await tx.update(states).set({ nameHi, nameHiSource: source }).where(eq(states.lgdCode, code));
}

export async function setDistrictHindiNames(
  tx: DbOrTx,
  names: { lgdCode: number; nameHi: string }[],
  source: string,
): Promise<void> {
  if (names.length === 0) return;
  const values = sql.join(
    names.map((n) => sql`(${n.lgdCode}::int, ${n.nameHi}::text)`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${districts} set name_hi = v.name_hi, name_hi_source = ${source}
        from (values ${values}) as v(code, name_hi) where ${districts.lgdCode} = v.code`,
  );
}

export async function insertBoundaries(tx: DbOrTx, rows: (typeof boundaries.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await tx.insert(boundaries).values(rows.slice(i, i + 100));
}

type PlaceName = { code: number; alias: string; kind: "former" | "colloquial"; source: string };

/**
 * Puts the reviewed former and colloquial names in place of those there were: other aliases (spellings seen in the
 * sources) stay, and a name a district already has from a source is not repeated.
 */
export async function replacePlaceNames(
  tx: DbOrTx,
  names: { states: PlaceName[]; districts: PlaceName[] },
): Promise<void> {
  await tx.delete(stateAliases);
  await tx.delete(districtAliases).where(inArray(districtAliases.kind, ["former", "colloquial"]));
  if (names.states.length > 0)
    await tx
      .insert(stateAliases)
      .values(
        names.states.map((n) => ({
          stateLgdCode: n.code,
          alias: n.alias,
          aliasNorm: normalizeName(n.alias),
          kind: n.kind,
          source: n.source,
        })),
      )
      .onConflictDoNothing();
  await addAliases(
    tx,
    names.districts.map((n) => ({ districtLgdCode: n.code, alias: n.alias, kind: n.kind, source: n.source })),
  );
}
