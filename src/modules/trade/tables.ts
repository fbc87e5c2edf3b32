import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/tables";
import { products } from "../catalog/tables";
import { districts, states } from "../geo/tables";
import { producers } from "../producers/tables";
import { listingUnits, type PhotoSize } from "./kinds";
import { listingStates } from "./listing-flow";

export const buyers = pgTable("buyers", {
  id: serial("id").primaryKey(),
  ownerUserId: integer("owner_user_id")
    .notNull()
    .unique()
    .references(() => users.id),
  organisation: text("organisation").notNull(),
  /** ISO 3166-1 alpha-2. */
  country: text("country").notNull(),
  interests: text("interests").notNull(),
  isDemo: boolean("is_demo").notNull().default(false),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a verified producer offers in the bazaar. Its place is its producer's, copied when it is written, so that
 * officers' scopes and the bazaar's filters read one row. Quantities and prices are per `unit`.
 */
export const listings = pgTable(
  "listings",
  {
    id: serial("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    stateLgdCode: integer("state_lgd_code")
      .notNull()
      .references(() => states.lgdCode),
    districtLgdCode: integer("district_lgd_code")
      .notNull()
      .references(() => districts.lgdCode),
    /** The district's ODOP product it is, or null with `otherProduct` named. */
    odopProductId: integer("odop_product_id").references(() => products.id),
    otherProduct: text("other_product"),
    sectorCode: text("sector_code"),
    /** HS 2022 heading (four digits). */
    hsCode: text("hs_code"),
    titleEn: text("title_en"),
    titleHi: text("title_hi"),
    descriptionEn: text("description_en"),
    descriptionHi: text("description_hi"),
    unit: text("unit", { enum: listingUnits }).notNull(),
    minOrder: numeric("min_order", { mode: "number" }).notNull(),
    monthlyCapacity: numeric("monthly_capacity", { mode: "number" }).notNull(),
    leadTimeDays: integer("lead_time_days").notNull(),
    priceMinInr: numeric("price_min_inr", { mode: "number" }).notNull(),
    priceMaxInr: numeric("price_max_inr", { mode: "number" }).notNull(),
    fobUsd: numeric("fob_usd", { mode: "number" }),
    giAuthorisedUser: text("gi_authorised_user"),
    organic: boolean("organic").notNull().default(false),
    bis: boolean("bis").notNull().default(false),
    otherCertifications: text("other_certifications"),
    packaging: text("packaging"),
    samplesAvailable: boolean("samples_available").notNull().default(false),
    state: text("state", { enum: listingStates }).notNull(),
    hiddenReason: text("hidden_reason"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("listings_producer").on(t.producerId),
    // The bazaar reads published listings newest first, narrowed by place, product or sector.
    index("listings_published").on(t.publishedAt.desc(), t.id.desc()).where(sql`${t.state} = 'published'`),
    index("listings_published_district")
      .on(t.districtLgdCode, t.publishedAt.desc())
      .where(sql`${t.state} = 'published'`),
    index("listings_published_state")
      .on(t.stateLgdCode, t.publishedAt.desc())
      .where(sql`${t.state} = 'published'`),
    index("listings_published_product")
      .on(t.odopProductId, t.publishedAt.desc())
      .where(sql`${t.state} = 'published'`),
    index("listings_published_sector")
      .on(t.sectorCode, t.publishedAt.desc())
      .where(sql`${t.state} = 'published'`),
  ],
);

/** One stored size of a photo: its key in the file store and its pixel size, which pages set on the img. */
export type PhotoVariant = { key: string; width: number; height: number; bytes: number };

/** A listing's photo, kept in the sizes pages use (WebP, metadata stripped), in the order the producer gave. */
export const listingPhotos = pgTable(
  "listing_photos",
  {
    id: serial("id").primaryKey(),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    variants: jsonb("variants").$type<Record<PhotoSize, PhotoVariant>>().notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("listing_photos_listing").on(t.listingId, t.position)],
);
