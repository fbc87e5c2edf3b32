import { and, asc, count, desc, eq, gt, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, mailboxesOf, placeScope } from "../../accounts";
import { productsByIds } from "../../catalog";
import type { EventKind } from "../event-flow";
import { can } from "../policy";
import { eventProducts, events, meetings, registrations } from "../tables";
import { participantNames } from "./participants";

export type EventRow = typeof events.$inferSelect;
export const eventsPageSize = 20;

export type EventFilters = {
  when: "upcoming" | "past";
  kind?: EventKind;
  state?: number;
  product?: number;
  online?: boolean;
  page: number;
};

/** Public events (published or cancelled, never drafts): upcoming soonest first, past latest first, a page at a time. */
export async function publicEvents(db: DbOrTx, f: EventFilters) {
  const now = new Date();
  const where = and(
    inArray(events.state, ["published", "cancelled"]),
    f.when === "upcoming" ? gt(events.endsAt, now) : lte(events.endsAt, now),
    f.kind ? eq(events.kind, f.kind) : undefined,
    f.state ? eq(events.stateLgdCode, f.state) : undefined,
    f.online === undefined ? undefined : eq(events.online, f.online),
    f.product
      ? sql`exists (select 1 from ${eventProducts} where ${eventProducts.eventId} = ${events.id} and ${eventProducts.productId} = ${f.product})`
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(events)
      .where(where)
      .orderBy(f.when === "upcoming" ? asc(events.startsAt) : desc(events.startsAt), asc(events.id))
      .limit(eventsPageSize)
      .offset((f.page - 1) * eventsPageSize),
    db.select({ n: count() }).from(events).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Upcoming published events for the calendar feed (at most 500). */
export async function upcomingEvents(db: DbOrTx) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.state, "published"), gt(events.endsAt, new Date())))
    .orderBy(asc(events.startsAt))
    .limit(500);
}

/** The products an event is for, with their names. */
export async function productsOfEvent(db: DbOrTx, eventId: number) {
  const rows = await db.select().from(eventProducts).where(eq(eventProducts.eventId, eventId));
  return productsByIds(
    db,
    rows.map((r) => r.productId),
  );
}

/** How many registrations an event has in each state. */
export async function registrationCounts(db: DbOrTx, eventId: number) {
  const rows = await db
    .select({
      state: registrations.state,
      n: count(),
      attended: sql<number>`count(${registrations.attendedAt})::int`,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .groupBy(registrations.state);
  const of = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
  return {
    confirmed: of("confirmed"),
    waitlisted: of("waitlisted"),
    pending: of("pending"),
    attended: rows.reduce((a, r) => a + r.attended, 0),
  };
}

/** A public event (not a draft), or a 404. */
export async function publicEvent(db: DbOrTx, id: number): Promise<EventRow> {
  const [e] = await db.select().from(events).where(eq(events.id, id));
  if (!e || e.state === "draft") throw new AppError("not_found", "No such event");
  return e;
}

/** An event its organiser may manage (drafts included), or a 404 for anyone else. */
export async function eventToManage(db: DbOrTx, actor: Actor, id: number): Promise<EventRow> {
  const [e] = await db.select().from(events).where(eq(events.id, id));
  if (!e || !can(actor, "event:organise", e)) throw new AppError("not_found", "No such event");
  return e;
}

/** The events a person's grants let them organise, newest first, in SQL by scope. */
export async function eventsToManage(db: DbOrTx, actor: Actor, page: number) {
  const scope = placeScope(actor, ["national_admin", "state_officer", "district_officer"]);
  const countries = actor.grants.filter((g) => g.role === "mission_officer").map((g) => g.country ?? "");
  const inScope: SQL | undefined = scope.all
    ? undefined
    : sql`(${events.districtLgdCode} in ${scope.districts.length ? scope.districts : [-1]}
        or (${events.stateLgdCode} in ${scope.states.length ? scope.states : [-1]})
        or ${events.missionCountry} in ${countries.length ? countries : [""]})`;
  const rows = await db
    .select()
    .from(events)
    .where(inScope)
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(eventsPageSize + 1)
    .offset((page - 1) * eventsPageSize);
  return { rows: rows.slice(0, eventsPageSize), more: rows.length > eventsPageSize };
}

/** A person's registration for an event, if any. */
export async function registrationOf(db: DbOrTx, eventId: number, userId: number) {
  const [r] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId)));
  return r ?? null;
}

/** A waitlisted registration's place in the queue (1 is next). */
export async function waitlistPosition(db: DbOrTx, r: typeof registrations.$inferSelect): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      sql`${registrations.eventId} = ${r.eventId} and ${registrations.state} = 'waitlisted'
        and (${registrations.queuedAt}, ${registrations.id}) <= (${r.queuedAt}, ${r.id})`,
    );
  return row?.n ?? 1;
}

/** An event's registrations for its organiser: who, which side, state, attendance, with names and addresses. */
export async function registrationsOfEvent(db: DbOrTx, eventId: number) {
  const rows = await db
    .select()
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .orderBy(asc(registrations.state), asc(registrations.queuedAt), asc(registrations.createdAt));
  const [names, boxes] = await Promise.all([
    participantNames(db, rows),
    mailboxesOf(
      db,
      rows.map((r) => r.userId),
    ),
  ]);
  const box = new Map(boxes.map((b) => [b.userId, b]));
  return rows.map((r) => ({
    ...r,
    person: box.get(r.userId)?.name ?? "",
    email: box.get(r.userId)?.email ?? "",
    organisation: names.get(r.id)?.name ?? "",
  }));
}

/** The events a person registered for, soonest first. */
export async function myRegistrations(db: DbOrTx, userId: number) {
  return db
    .select({ registration: registrations, event: events })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.userId, userId))
    .orderBy(desc(events.startsAt));
}

/** How many RFQs an event's meetings became. */
export async function rfqsFromMeetings(db: DbOrTx, eventId: number): Promise<number> {
  const [row] = await db
    .select({ n: count(meetings.rfqId) })
    .from(meetings)
    .where(eq(meetings.eventId, eventId));
  return row?.n ?? 0;
}

/** Public real events (never drafts, never demo): the open data and the API read them. */
const openWhere = and(inArray(events.state, ["published", "cancelled"]), eq(events.isDemo, false));

/** The open data's version of events: changes whenever an open event does. */
export async function eventDataStamp(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({ stamp: sql<string>`count(*) || '-' || coalesce(max(${events.updatedAt})::text, '')` })
    .from(events)
    .where(openWhere);
  return row?.stamp ?? "0-";
}

/** Open events a page at a time by id (the open data file). */
export async function openEventsAfter(db: DbOrTx, afterId: number, limit: number) {
  return db
    .select()
    .from(events)
    .where(and(openWhere, gt(events.id, afterId)))
    .orderBy(asc(events.id))
    .limit(limit);
}

/** Open events for the API, filtered and paged, soonest first. */
export async function openEvents(
  db: DbOrTx,
  f: { kind?: EventKind; state?: number; from?: string; limit: number; offset: number },
) {
  const where = and(
    openWhere,
    f.kind ? eq(events.kind, f.kind) : undefined,
    f.state !== undefined ? eq(events.stateLgdCode, f.state) : undefined,
    f.from ? gt(events.endsAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(events)
      .where(where)
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(events).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One open event, or null. */
export async function openEvent(db: DbOrTx, id: number) {
  const [e] = await db
    .select()
    .from(events)
    .where(and(openWhere, eq(events.id, id)));
  return e ?? null;
}

/** Whether `seed:demo` has made its events already. */
export async function hasDemoEvents(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.isDemo, true)).limit(1);
  return row !== undefined;
}
