import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/tables";
import { districts, states } from "../geo/tables";
import { committeeKinds, memberRoles } from "./kinds";
import { meetingStates } from "./meeting-flow";

/**
 * A District (DEPC) or State (SEPC) Export Promotion Committee: one per district, one per State/UT. Its name is data,
 * in both languages (some States use their own, e.g. "District Industrial & Export Promotion Committee").
 */
export const committees = pgTable(
  "committees",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: committeeKinds }).notNull(),
    stateLgdCode: integer("state_lgd_code")
      .notNull()
      .references(() => states.lgdCode),
    /** The district of a DEPC; null for an SEPC. */
    districtLgdCode: integer("district_lgd_code").references(() => districts.lgdCode),
    nameEn: text("name_en").notNull(),
    nameHi: text("name_hi").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("committees_one_per_place").on(
      t.kind,
      t.stateLgdCode,
      sql`coalesce(${t.districtLgdCode}, 0)`,
    ),
  ],
);

/**
 * A seat on a committee and who holds it: a committee role, a designation and a department or organisation, from and
 * to dates (history is kept: a member who leaves gets a to-date, never deleted). The person is a name, an account, or
 * neither while the seat is vacant (the usual composition is offered as vacant seats to fill).
 */
export const committeeMembers = pgTable(
  "committee_members",
  {
    id: serial("id").primaryKey(),
    committeeId: integer("committee_id")
      .notNull()
      .references(() => committees.id),
    personName: text("person_name"),
    userId: integer("user_id").references(() => users.id),
    role: text("role", { enum: memberRoles }).notNull(),
    designation: text("designation").notNull(),
    organisation: text("organisation"),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("committee_members_committee").on(t.committeeId)],
);

/**
 * A meeting of a committee: when (stored as an instant, shown in Asia/Kolkata), where (a venue, a video link, or
 * both), and where it stands in its flow (meeting-flow.ts). `sequence` counts the changes members were told of, for
 * their calendars; `version` guards edits (409 when stale).
 */
export const committeeMeetings = pgTable(
  "committee_meetings",
  {
    id: serial("id").primaryKey(),
    committeeId: integer("committee_id")
      .notNull()
      .references(() => committees.id),
    state: text("state", { enum: meetingStates }).notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    venue: text("venue"),
    videoLink: text("video_link"),
    /** Why it was called off, told to the members and shown on the public page. */
    cancelReason: text("cancel_reason"),
    sequence: integer("sequence").notNull().default(0),
    version: integer("version").notNull().default(1),
    minutesPublishedAt: timestamp("minutes_published_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("committee_meetings_committee").on(t.committeeId, t.startsAt)],
);

/** An item of a meeting's agenda, in order, and what the minutes say of it. */
export const meetingAgendaItems = pgTable(
  "meeting_agenda_items",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => committeeMeetings.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    minutes: text("minutes"),
  },
  (t) => [uniqueIndex("meeting_agenda_items_order").on(t.meetingId, t.position)],
);

/** Who of the members attended a meeting (one row per member present). */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => committeeMeetings.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => committeeMembers.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/**
 * A decision taken at a meeting: an addressable record (other records, such as a product proposal or an action of
 * the district's export plan, point at it by id), with the agenda item it answers, an owner and a due date.
 */
export const committeeDecisions = pgTable(
  "committee_decisions",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => committeeMeetings.id),
    agendaItemId: integer("agenda_item_id").references(() => meetingAgendaItems.id),
    text: text("text").notNull(),
    owner: text("owner"),
    dueDate: date("due_date"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("committee_decisions_meeting").on(t.meetingId)],
);
