import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** States and Union Territories, keyed by their LGD code. */
export const states = pgTable("states", {
  lgdCode: integer("lgd_code").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameHi: text("name_hi"),
  nameHiSource: text("name_hi_source"),
  kind: text("kind", { enum: ["state", "ut"] }).notNull(),
  census2011Code: text("census2011_code"),
  lgdDistrictCount: integer("lgd_district_count").notNull(),
  sourceFile: text("source_file").notNull(),
  sourceRow: integer("source_row").notNull(),
});

/**
 * Districts keyed by LGD code. `inCurrentLgd` is false for the few districts the ODOP list names that
 * the current LGD snapshot no longer has (they carry their Dec-2022 codes).
 */
export const districts = pgTable(
  "districts",
  {
    lgdCode: integer("lgd_code").primaryKey(),
    stateLgdCode: integer("state_lgd_code")
      .notNull()
      .references(() => states.lgdCode),
    nameEn: text("name_en").notNull(),
    nameHi: text("name_hi"),
    nameHiSource: text("name_hi_source"),
    census2011Code: text("census2011_code"),
    census2001Code: text("census2001_code"),
    inCurrentLgd: boolean("in_current_lgd").notNull(),
    inLgdDec2022: boolean("in_lgd_dec2022").notNull(),
    hasBoundary: boolean("has_boundary").notNull().default(false),
    sourceFile: text("source_file").notNull(),
    sourceRow: integer("source_row").notNull(),
  },
  (t) => [index("districts_state_idx").on(t.stateLgdCode)],
);

/** Every other name a district is known by, with where that name was seen. */
export const districtAliases = pgTable(
  "district_aliases",
  {
    id: serial("id").primaryKey(),
    districtLgdCode: integer("district_lgd_code")
      .notNull()
      .references(() => districts.lgdCode),
    alias: text("alias").notNull(),
    aliasNorm: text("alias_norm").notNull(),
    kind: text("kind", {
      enum: ["lgd_dec2022", "odop_sheet", "exports_census", "boundary_2011", "former", "colloquial"],
    }).notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    uniqueIndex("district_aliases_unique").on(t.districtLgdCode, t.aliasNorm),
    index("district_aliases_norm_trgm").using("gin", sql`${t.aliasNorm} gin_trgm_ops`),
  ],
);

/** Former and colloquial names of States and UTs (Orissa, Uttaranchal), from the reviewed place-names file. */
export const stateAliases = pgTable(
  "state_aliases",
  {
    id: serial("id").primaryKey(),
    stateLgdCode: integer("state_lgd_code")
      .notNull()
      .references(() => states.lgdCode),
    alias: text("alias").notNull(),
    aliasNorm: text("alias_norm").notNull(),
    kind: text("kind", { enum: ["former", "colloquial"] }).notNull(),
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("state_aliases_unique").on(t.stateLgdCode, t.aliasNorm)],
);

/** Boundary polygons (GeoJSON geometry, WGS84) of districts and States, from the 2020 DataMeet/covid19india file. */
export const boundaries = pgTable(
  "boundaries",
  {
    kind: text("kind", { enum: ["district", "state"] }).notNull(),
    lgdCode: integer("lgd_code").notNull(),
    geometry: jsonb("geometry").notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.lgdCode] })],
);
