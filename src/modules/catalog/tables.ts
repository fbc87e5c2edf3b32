import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
// Foreign keys only: catalog reads places through geo's index, never its tables.
import { districts, states } from "../geo/tables";

/** The bilingual sector taxonomy of ODOP products. */
export const sectors = pgTable("sectors", {
  code: text("code").primaryKey(),
  nameEn: text("name_en").notNull(),
  nameHi: text("name_hi").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

/** A published version of the national ODOP list; exactly one is live. */
export const listRevisions = pgTable(
  "list_revisions",
  {
    id: text("id").primaryKey(),
    titleEn: text("title_en").notNull(),
    titleHi: text("title_hi").notNull(),
    source: text("source").notNull(),
    sourceFile: text("source_file").notNull(),
    /** The file's hash, for a revision imported from one (the same file twice is refused); null for one made of proposals. */
    fileSha256: text("file_sha256"),
    publishedAt: date("published_at").notNull(),
    effectiveAt: date("effective_at").notNull(),
    notes: text("notes").notNull().default(""),
    isLive: boolean("is_live").notNull().default(false),
    /**
     * A draft is being prepared by the national administrator (from accepted proposals, or an uploaded list) and is
     * seen only by officers; published revisions are public, and stay browsable after the next one goes live.
     */
    status: text("status", { enum: ["draft", "published"] })
      .notNull()
      .default("published"),
    /** The live revision a draft was made from, against which its diff is shown. */
    basedOn: text("based_on"),
    version: integer("version").notNull().default(1),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("list_revisions_one_live").on(t.isLive).where(sql`${t.isLive}`),
    uniqueIndex("list_revisions_sha").on(t.fileSha256),
    // One draft at a time: proposals are accepted into it, and an uploaded list waits in it.
    uniqueIndex("list_revisions_one_draft").on(t.status).where(sql`${t.status} = 'draft'`),
  ],
);

/** An ODOP product of one district in one list revision, with where it came from. */
export const products = pgTable(
  "products",
  {
    id: serial("id").primaryKey(),
    revisionId: text("revision_id")
      .notNull()
      .references(() => listRevisions.id),
    stateLgdCode: integer("state_lgd_code")
      .notNull()
      .references(() => states.lgdCode),
    districtLgdCode: integer("district_lgd_code")
      .notNull()
      .references(() => districts.lgdCode),
    name: text("name").notNull(),
    nameNorm: text("name_norm").notNull(),
    /** The Hindi name, once a district sets it through an accepted proposal; Hindi pages show the English until then. */
    nameHi: text("name_hi"),
    slug: text("slug").notNull(),
    rank: text("rank", { enum: ["Primary", "Secondary", "Tertiary", "Others"] }).notNull(),
    sectorCode: text("sector_code").references(() => sectors.code),
    /** How the sector was set: never silently. */
    sectorSetBy: text("sector_set_by", { enum: ["source", "admin", "keyword_rule", "unassigned"] }).notNull(),
    sectorRule: text("sector_rule"),
    description: text("description"),
    giStatusAsPublished: text("gi_status_as_published"),
    photoUrl: text("photo_url"),
    stateAsPublished: text("state_as_published").notNull(),
    districtAsPublished: text("district_as_published").notNull(),
    districtMatch: text("district_match").notNull(),
    sourceFile: text("source_file").notNull(),
    sourceRow: integer("source_row").notNull(),
  },
  (t) => [
    uniqueIndex("products_revision_slug").on(t.revisionId, t.slug),
    uniqueIndex("products_revision_district_name").on(t.revisionId, t.districtLgdCode, t.nameNorm),
    index("products_district_idx").on(t.districtLgdCode),
    index("products_state_idx").on(t.stateLgdCode),
  ],
);

/**
 * Registered Geographical Indications (IP India register). The register's serial is not unique (29 is used
 * twice for two different goods), so each registration has its own id.
 */
export const giRegistrations = pgTable("gi_registrations", {
  id: serial("id").primaryKey(),
  listSerialNo: integer("list_serial_no").notNull(),
  name: text("name").notNull(),
  nameNorm: text("name_norm").notNull(),
  goodsCategory: text("goods_category").notNull(),
  goodsCategoryRaw: text("goods_category_raw").notNull(),
  states: text("states").array().notNull(),
  origin: text("origin", { enum: ["india", "foreign"] }).notNull(),
  duplicateOfSerial: integer("duplicate_of_serial"),
  sourceFile: text("source_file").notNull(),
  sourceRow: integer("source_row").notNull(),
});

/** A product's GI: a name-match suggestion until an administrator confirms it; a loose hint stays a hint. */
export const productGiLinks = pgTable(
  "product_gi_links",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    giId: integer("gi_id")
      .notNull()
      .references(() => giRegistrations.id),
    status: text("status", { enum: ["suggested", "hint", "confirmed", "rejected"] }).notNull(),
    basis: text("basis").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.giId] })],
);

export const hsSections = pgTable("hs_sections", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

/** HS 2022 chapters (2 digits) and headings (4 digits). */
export const hsCodes = pgTable("hs_codes", {
  code: text("code").primaryKey(),
  /** Null for chapter 99 ("not specified according to kind"), which the source files under TOTAL. */
  sectionCode: text("section_code").references(() => hsSections.code),
  description: text("description").notNull(),
  parentCode: text("parent_code"),
  level: integer("level").notNull(),
});

export const productHsHeadings = pgTable(
  "product_hs_headings",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    hsCode: text("hs_code")
      .notNull()
      .references(() => hsCodes.code),
  },
  (t) => [primaryKey({ columns: [t.productId, t.hsCode] })],
);

/**
 * Exports by district of origin and HS-based sector, FY 2024-25. Every source row is kept, joined or not,
 * so that totals stay those of the source; `districtLgdCode` is null where the name could not be placed.
 */
export const districtExports = pgTable(
  "district_exports",
  {
    id: serial("id").primaryKey(),
    fiscalYear: text("fiscal_year").notNull(),
    stateLgdCode: integer("state_lgd_code").references(() => states.lgdCode),
    districtLgdCode: integer("district_lgd_code").references(() => districts.lgdCode),
    stateAsGiven: text("state_as_given").notNull(),
    districtAsGiven: text("district_as_given").notNull(),
    districtMatch: text("district_match").notNull(),
    sector: text("sector").notNull(),
    exportUsd: bigint("export_usd", { mode: "number" }).notNull(),
    exportInr: bigint("export_inr", { mode: "number" }).notNull(),
    avgPci: doublePrecision("avg_pci"),
    eci: doublePrecision("eci"),
    sourceFile: text("source_file").notNull(),
    sourceRow: integer("source_row").notNull(),
  },
  (t) => [index("district_exports_district_idx").on(t.districtLgdCode)],
);

/** One row per successful import, with its full report; failed imports leave only a report file. */
export const importRuns = pgTable("import_runs", {
  id: serial("id").primaryKey(),
  kind: text("kind").notNull(),
  files: jsonb("files").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }).notNull(),
  report: jsonb("report").notNull(),
});

/**
 * One row per thing a visitor can search for (product of the live revision, district, State, GI good), with every
 * name it goes by in `terms` (English and Hindi, former names, spellings). Rebuilt when the live revision changes.
 * Full-text search finds words and prefixes; trigrams find typos and transliteration slips.
 */
export const searchEntries = pgTable(
  "search_entries",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: ["product", "district", "state", "gi", "listing"] }).notNull(),
    ref: text("ref").notNull(),
    titleEn: text("title_en").notNull(),
    titleHi: text("title_hi"),
    contextEn: text("context_en").notNull().default(""),
    contextHi: text("context_hi"),
    stateLgdCode: integer("state_lgd_code"),
    /** Listings' district, for the bazaar's district filter. */
    districtLgdCode: integer("district_lgd_code"),
    sectorCode: text("sector_code"),
    hasGi: boolean("has_gi").notNull().default(false),
    terms: text("terms").notNull(),
    /** Every whole name the entry goes by, normalised, between "|": an exact one ranks above a fuzzy match. */
    names: text("names").notNull().default(""),
    /** Demo listings (seed:demo, the benchmark generator): shown marked as demo, never in open data. */
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [
    // Two indexes: the registry's few thousand entries, searched exactly, and listings (possibly millions), whose
    // scans may be cut short for very common words (gin_fuzzy_search_limit).
    index("search_entries_fts_registry")
      .using("gin", sql`to_tsvector('simple', ${t.terms})`)
      .where(sql`${t.kind} <> 'listing'`),
    index("search_entries_fts_listings")
      .using("gin", sql`to_tsvector('simple', ${t.terms})`)
      .where(sql`${t.kind} = 'listing'`),
    index("search_entries_state").on(t.stateLgdCode),
  ],
);

/**
 * A number per kind of data that changes when the data does (`search`: any search entry): caches of answers are
 * keyed by it, so a publication on one instance empties the caches of all within a poll.
 */
export const dataStamps = pgTable("data_stamps", {
  name: text("name").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});

/** Every distinct word of the search terms: where a misspelt query word finds the words it may have meant. */
export const searchWords = pgTable("search_words", { word: text("word").primaryKey() }, (t) => [
  index("search_words_trgm").using("gin", sql`${t.word} gin_trgm_ops`),
  // Byte order whatever the database's collation: "does a word start with …" is then a range on this index.
  index("search_words_prefix").using("btree", sql`${t.word} text_pattern_ops`),
]);

/**
 * A district's proposal to add a product to the national list, change one (name, sector, HS heading, rank) or remove
 * one, with its basis and evidence; it moves district → State → nation (proposals/flow.ts) and, once accepted, is
 * applied to the draft revision, which the administrator publishes.
 */
export const productProposals = pgTable(
  "product_proposals",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: ["add", "change", "remove"] }).notNull(),
    state: text("state", {
      enum: ["with_state", "with_nation", "returned", "accepted", "published", "withdrawn"],
    }).notNull(),
    stateLgdCode: integer("state_lgd_code")
      .notNull()
      .references(() => states.lgdCode),
    districtLgdCode: integer("district_lgd_code")
      .notNull()
      .references(() => districts.lgdCode),
    /** The product of the live list it changes or removes (its slug is kept from revision to revision). */
    productSlug: text("product_slug"),
    /** What the product is to be (add, change): the fields left null in a change stay as they are. */
    name: text("name"),
    nameHi: text("name_hi"),
    sectorCode: text("sector_code").references(() => sectors.code),
    hsHeading: text("hs_heading").references(() => hsCodes.code),
    rank: text("rank", { enum: ["Primary", "Secondary", "Tertiary", "Others"] }),
    /** Why: an existing ecosystem of producers, a product of the district as an export hub, a GI good. */
    basis: text("basis").array().notNull(),
    producersAndUnits: text("producers_and_units"),
    production: text("production"),
    giId: integer("gi_id").references(() => giRegistrations.id),
    evidence: text("evidence"),
    /** The DEPC decision it carries out (a committee decision's id; committees owns that record). */
    decisionId: integer("decision_id"),
    /** The reason of the last return, shown to the district. */
    reason: text("reason"),
    /** The draft revision it was applied to, once accepted. */
    revisionId: text("revision_id").references(() => listRevisions.id),
    proposedBy: integer("proposed_by").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("product_proposals_place").on(t.stateLgdCode, t.districtLgdCode, t.state)],
);

/** Each step a proposal took, by whom and why: the history its page shows (the audit log has the same, for audit). */
export const proposalSteps = pgTable(
  "proposal_steps",
  {
    id: serial("id").primaryKey(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => productProposals.id),
    transition: text("transition").notNull(),
    toState: text("to_state").notNull(),
    actorUserId: integer("actor_user_id"),
    actorRole: text("actor_role").notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("proposal_steps_proposal").on(t.proposalId)],
);
