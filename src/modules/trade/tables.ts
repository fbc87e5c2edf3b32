import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/tables";
import { products } from "../catalog/tables";
import { districts, states } from "../geo/tables";
import { producers } from "../producers/tables";
import { gemStatuses, listingUnits, type PhotoSize } from "./kinds";
import { listingStates } from "./listing-flow";
import { orderStates } from "./order-flow";
import { incoterms, responseStates, rfqStates } from "./rfq-flow";

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
    // Officers' lists: a state, most recently changed first.
    index("listings_state_updated").on(t.state, t.updatedAt.desc(), t.id.desc()),
    // The bazaar reads published listings newest first, narrowed by place, product or sector.
    index("listings_published").on(t.publishedAt.desc(), t.id.desc()).where(sql`${t.state} = 'published'`),
    index("listings_published_district")
      .on(t.districtLgdCode, t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.state} = 'published'`),
    index("listings_published_state")
      .on(t.stateLgdCode, t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.state} = 'published'`),
    index("listings_published_product")
      .on(t.odopProductId, t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.state} = 'published'`),
    index("listings_published_sector")
      .on(t.sectorCode, t.publishedAt.desc(), t.id.desc())
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

/**
 * A buyer's request for quotes: from one listing (an enquiry to its producer) or for a product (an ODOP product or
 * an HS heading) sent to the verified producers that match. Open until `closesAt` (two weeks at most).
 */
export const rfqs = pgTable(
  "rfqs",
  {
    id: serial("id").primaryKey(),
    buyerUserId: integer("buyer_user_id")
      .notNull()
      .references(() => users.id),
    listingId: integer("listing_id").references(() => listings.id),
    odopProductId: integer("odop_product_id").references(() => products.id),
    hsCode: text("hs_code"),
    /** What is asked for, in the buyer's words. */
    subject: text("subject").notNull(),
    details: text("details"),
    quantity: numeric("quantity", { mode: "number" }).notNull(),
    unit: text("unit", { enum: listingUnits }).notNull(),
    targetPriceInr: numeric("target_price_inr", { mode: "number" }),
    destinationCountry: text("destination_country").notNull(),
    incoterm: text("incoterm", { enum: incoterms }).notNull(),
    neededBy: date("needed_by").notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    state: text("state", { enum: rfqStates }).notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("rfqs_buyer").on(t.buyerUserId, t.createdAt.desc()),
    index("rfqs_open_closes").on(t.closesAt).where(sql`${t.state} = 'open'`),
  ],
);

/**
 * One producer's part in an RFQ: its state says whose move it is, and once it quotes, its quote (revised at most
 * once). Its place is the producer's, for the officers' approvals and pipeline.
 */
export const rfqResponses = pgTable(
  "rfq_responses",
  {
    id: serial("id").primaryKey(),
    rfqId: integer("rfq_id")
      .notNull()
      .references(() => rfqs.id),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    stateLgdCode: integer("state_lgd_code").notNull(),
    districtLgdCode: integer("district_lgd_code").notNull(),
    state: text("state", { enum: responseStates }).notNull(),
    priceInr: numeric("price_inr", { mode: "number" }),
    quantity: numeric("quantity", { mode: "number" }),
    leadTimeDays: integer("lead_time_days"),
    validUntil: date("valid_until"),
    incoterm: text("incoterm", { enum: incoterms }),
    notes: text("notes"),
    revisions: integer("revisions").notNull().default(0),
    firstQuotedAt: timestamp("first_quoted_at", { withTimezone: true }),
    refusedReason: text("refused_reason"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rfq_responses_rfq_producer").on(t.rfqId, t.producerId),
    index("rfq_responses_producer").on(t.producerId, t.state),
    index("rfq_responses_district").on(t.districtLgdCode, t.state),
  ],
);

/** The messages between a buyer and one producer about an RFQ (each producer's thread is its own). */
export const rfqMessages = pgTable(
  "rfq_messages",
  {
    id: serial("id").primaryKey(),
    responseId: integer("response_id")
      .notNull()
      .references(() => rfqResponses.id),
    fromUserId: integer("from_user_id")
      .notNull()
      .references(() => users.id),
    /** Who wrote it, as the other side sees it: the buyer or the producer. */
    side: text("side", { enum: ["buyer", "producer"] }).notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rfq_messages_response").on(t.responseId, t.id)],
);

/** Districts whose officer approves RFQs before its producers see them. */
export const rfqApprovalDistricts = pgTable("rfq_approval_districts", {
  districtLgdCode: integer("district_lgd_code")
    .primaryKey()
    .references(() => districts.lgdCode),
  setBy: integer("set_by")
    .notNull()
    .references(() => users.id),
  setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An accepted quote, followed to delivery. The terms are the quote's, copied when it is accepted. */
export const orders = pgTable(
  "orders",
  {
    id: serial("id").primaryKey(),
    rfqId: integer("rfq_id")
      .notNull()
      .references(() => rfqs.id),
    responseId: integer("response_id")
      .notNull()
      .unique()
      .references(() => rfqResponses.id),
    buyerUserId: integer("buyer_user_id")
      .notNull()
      .references(() => users.id),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    stateLgdCode: integer("state_lgd_code").notNull(),
    districtLgdCode: integer("district_lgd_code").notNull(),
    quantity: numeric("quantity", { mode: "number" }).notNull(),
    unit: text("unit", { enum: listingUnits }).notNull(),
    priceInr: numeric("price_inr", { mode: "number" }).notNull(),
    incoterm: text("incoterm", { enum: incoterms }).notNull(),
    destinationCountry: text("destination_country").notNull(),
    state: text("state", { enum: orderStates }).notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("orders_district").on(t.districtLgdCode), index("orders_buyer").on(t.buyerUserId)],
);

/** An order's milestones, each with the day it happened and who recorded it. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: serial("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    state: text("state", { enum: orderStates }).notNull(),
    happenedOn: date("happened_on").notNull(),
    note: text("note"),
    byUserId: integer("by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order").on(t.orderId, t.id)],
);

/** Each side rates the other once an order is delivered: one rating per side. */
export const orderRatings = pgTable(
  "order_ratings",
  {
    id: serial("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    side: text("side", { enum: ["buyer", "producer"] }).notNull(),
    stars: integer("stars").notNull(),
    comment: text("comment"),
    byUserId: integer("by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("order_ratings_order_side").on(t.orderId, t.side)],
);

/** What a buyer wants to hear of: an ODOP product or an HS heading. New listings that match are mailed daily. */
export const buyerInterests = pgTable(
  "buyer_interests",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    odopProductId: integer("odop_product_id").references(() => products.id),
    hsCode: text("hs_code"),
    /** Listings published after this were not yet mailed. */
    notifiedUpTo: timestamp("notified_up_to", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("buyer_interests_user").on(t.userId)],
);

/** A producer's way onto the Government e-Marketplace, set by the producer or its district's officer. */
export const gemOnboarding = pgTable(
  "gem_onboarding",
  {
    producerId: integer("producer_id")
      .primaryKey()
      .references(() => producers.id),
    stateLgdCode: integer("state_lgd_code").notNull(),
    districtLgdCode: integer("district_lgd_code").notNull(),
    status: text("status", { enum: gemStatuses }).notNull(),
    sellerId: text("seller_id"),
    updatedBy: integer("updated_by")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("gem_onboarding_district").on(t.districtLgdCode, t.status)],
);
