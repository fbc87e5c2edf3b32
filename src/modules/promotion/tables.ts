import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/tables";
import { products } from "../catalog/tables";
import { districts, states } from "../geo/tables";
import { producers } from "../producers/tables";
import { rfqs } from "../trade/tables";
import { catalogueStates } from "./catalogue-flow";
import { eventKinds, eventStates, organiserLevels } from "./event-flow";
import { registrationSides, registrationStates } from "./registration-flow";

/**
 * An exhibition, a training, a Mission's showcase, a buyer-seller meet. Its organiser is a district, a State, the
 * nation or an Indian Mission (the country); its times are instants, shown in the event's own time zone and in each
 * reader's. A meet (`vbsm`) also has its meeting length, buffer, rooms and daily hours on the event's clock.
 */
export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: eventKinds }).notNull(),
    titleEn: text("title_en").notNull(),
    titleHi: text("title_hi"),
    descriptionEn: text("description_en").notNull(),
    descriptionHi: text("description_hi"),
    organiserLevel: text("organiser_level", { enum: organiserLevels }).notNull(),
    stateLgdCode: integer("state_lgd_code").references(() => states.lgdCode),
    districtLgdCode: integer("district_lgd_code").references(() => districts.lgdCode),
    /** The Mission's country (ISO 3166-1 alpha-2) when an Indian Mission organises it. */
    missionCountry: text("mission_country"),
    timeZone: text("time_zone").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    online: boolean("online").notNull(),
    venue: text("venue"),
    city: text("city"),
    /** Where it takes place (ISO 3166-1 alpha-2); India for most. */
    country: text("country").notNull(),
    /** The online event's link, or the meet's video service: each meeting gets its own room under it. */
    joinUrl: text("join_url"),
    sectorCodes: text("sector_codes").array().notNull().default([]),
    /** Confirmed places; null means no limit. */
    capacity: integer("capacity"),
    approvalRequired: boolean("approval_required").notNull().default(false),
    state: text("state", { enum: eventStates }).notNull().default("draft"),
    meetingMinutes: integer("meeting_minutes"),
    bufferMinutes: integer("buffer_minutes"),
    rooms: integer("rooms"),
    dayFrom: text("day_from"),
    dayTo: text("day_to"),
    /** When the organiser last asked for matching, and when the schedule it made was written. */
    matchingRequestedAt: timestamp("matching_requested_at", { withTimezone: true }),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    leads: integer("leads"),
    lettersOfIntent: integer("letters_of_intent"),
    loiValueInr: numeric("loi_value_inr", { precision: 16, scale: 2, mode: "number" }),
    outcomeNotes: text("outcome_notes"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_public_idx").on(t.state, t.startsAt),
    index("events_state_place_idx").on(t.stateLgdCode, t.startsAt),
  ],
);

/** The ODOP products an event is for. */
export const eventProducts = pgTable(
  "event_products",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.productId] }),
    index("event_products_product_idx").on(t.productId),
  ],
);

/**
 * A producer's or a buyer's place at an event. The waitlist is in the order people joined it (`queuedAt`); attendance
 * is the moment the person was checked in at the door or marked afterwards from the paper list.
 */
export const registrations = pgTable(
  "event_registrations",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    side: text("side", { enum: registrationSides }).notNull(),
    producerId: integer("producer_id").references(() => producers.id),
    state: text("state", { enum: registrationStates }).notNull(),
    note: text("note"),
    /** The person's time zone for a meet's hours (IANA). */
    timeZone: text("time_zone"),
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    attendedAt: timestamp("attended_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("event_registrations_person_idx").on(t.eventId, t.userId),
    index("event_registrations_event_idx").on(t.eventId, t.state),
    index("event_registrations_user_idx").on(t.userId),
  ],
);

/** The hours a meet's participant is free, as they gave them: a day and clock times in their own time zone. */
export const meetHours = pgTable(
  "meet_hours",
  {
    registrationId: integer("registration_id")
      .notNull()
      .references(() => registrations.id),
    day: date("day").notNull(),
    fromTime: text("from_time").notNull(),
    toTime: text("to_time").notNull(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.day] })],
);

/** Whom a participant wants to meet, ranked (1 is the most wanted). */
export const meetWishes = pgTable(
  "meet_wishes",
  {
    registrationId: integer("registration_id")
      .notNull()
      .references(() => registrations.id),
    targetRegistrationId: integer("target_registration_id")
      .notNull()
      .references(() => registrations.id),
    rank: integer("rank").notNull(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.targetRegistrationId] })],
);

/** One meeting of a meet: a buyer and a producer, a slot, a room with its own video link. */
export const meetings = pgTable(
  "meetings",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    buyerRegistrationId: integer("buyer_registration_id")
      .notNull()
      .references(() => registrations.id),
    producerRegistrationId: integer("producer_registration_id")
      .notNull()
      .references(() => registrations.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    room: integer("room").notNull(),
    tier: text("tier", { enum: ["mutual", "buyer", "producer", "suggested", "organiser"] }).notNull(),
    videoUrl: text("video_url").notNull(),
    /** Grows with each move, so that calendars update the meeting they hold. */
    sequence: integer("sequence").notNull().default(0),
    rfqId: integer("rfq_id").references(() => rfqs.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("meetings_pair_idx").on(t.eventId, t.buyerRegistrationId, t.producerRegistrationId),
    index("meetings_buyer_idx").on(t.buyerRegistrationId),
    index("meetings_producer_idx").on(t.producerRegistrationId),
  ],
);

/** Each side's rating of a meeting, once. */
export const meetingRatings = pgTable(
  "meeting_ratings",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    registrationId: integer("registration_id")
      .notNull()
      .references(() => registrations.id),
    stars: integer("stars").notNull(),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.registrationId] })],
);

/** A curated collection of ODOP products: a G20 gift catalogue, an "A to Z of India". */
export const catalogues = pgTable("catalogues", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  titleEn: text("title_en").notNull(),
  titleHi: text("title_hi"),
  introEn: text("intro_en").notNull(),
  introHi: text("intro_hi"),
  state: text("state", { enum: catalogueStates }).notNull().default("draft"),
  isDemo: boolean("is_demo").notNull().default(false),
  version: integer("version").notNull().default(1),
  createdBy: integer("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A product in a catalogue, in the catalogue's order, with an optional label ("A") and note. */
export const catalogueItems = pgTable(
  "catalogue_items",
  {
    catalogueId: integer("catalogue_id")
      .notNull()
      .references(() => catalogues.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    position: integer("position").notNull(),
    label: text("label"),
    noteEn: text("note_en"),
    noteHi: text("note_hi"),
  },
  (t) => [primaryKey({ columns: [t.catalogueId, t.productId] })],
);
