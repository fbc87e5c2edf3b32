import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { meetHours, meetingRatings, meetings, meetWishes, registrations } from "../tables";
import { participantNames } from "./participants";

type RegistrationRow = typeof registrations.$inferSelect;

/** The hours a participant gave, by day. */
export async function hoursOf(db: DbOrTx, registrationId: number) {
  return db
    .select()
    .from(meetHours)
    .where(eq(meetHours.registrationId, registrationId))
    .orderBy(asc(meetHours.day));
}

/** The confirmed participants on the other side of a meet, with names, and the ranks this person gave them. */
export async function otherSide(db: DbOrTx, r: RegistrationRow) {
  const [rows, wishes] = await Promise.all([
    db
      .select()
      .from(registrations)
      .where(
        and(
          eq(registrations.eventId, r.eventId),
          eq(registrations.state, "confirmed"),
          ne(registrations.side, r.side),
        ),
      )
      .orderBy(asc(registrations.id)),
    db.select().from(meetWishes).where(eq(meetWishes.registrationId, r.id)),
  ]);
  const names = await participantNames(db, rows);
  const rank = new Map(wishes.map((w) => [w.targetRegistrationId, w.rank]));
  return rows.map((o) => ({
    id: o.id,
    name: names.get(o.id)?.name ?? "",
    country: names.get(o.id)?.country ?? null,
    rank: rank.get(o.id) ?? null,
  }));
}

/** Meetings with both names: a meet's in time order (the organiser's schedule), or one of them. */
async function withNames(db: DbOrTx, rows: (typeof meetings.$inferSelect)[]) {
  const regs = await registrationsByIds(
    db,
    rows.flatMap((m) => [m.buyerRegistrationId, m.producerRegistrationId]),
  );
  const names = await participantNames(db, regs);
  return rows.map((m) => ({
    ...m,
    buyer: names.get(m.buyerRegistrationId)?.name ?? "",
    producer: names.get(m.producerRegistrationId)?.name ?? "",
  }));
}

export async function scheduleOf(db: DbOrTx, eventId: number) {
  const rows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.eventId, eventId))
    .orderBy(asc(meetings.startsAt), asc(meetings.room));
  return withNames(db, rows);
}

/** One meeting of a meet, with both names. */
export async function meetingOf(db: DbOrTx, eventId: number, meetingId: number) {
  const rows = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.eventId, eventId), eq(meetings.id, meetingId)));
  return (await withNames(db, rows))[0] ?? null;
}

async function registrationsByIds(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(registrations)
    .where(inArray(registrations.id, [...new Set(ids)]));
}

/** A participant's own meetings: whom with, when, the video room, whether they rated it, the RFQ it became. */
export async function diaryOf(db: DbOrTx, r: RegistrationRow) {
  const rows = await db
    .select()
    .from(meetings)
    .where(or(eq(meetings.buyerRegistrationId, r.id), eq(meetings.producerRegistrationId, r.id)))
    .orderBy(asc(meetings.startsAt));
  const others = await registrationsByIds(
    db,
    rows.map((m) => (r.side === "buyer" ? m.producerRegistrationId : m.buyerRegistrationId)),
  );
  const [names, ratings] = await Promise.all([
    participantNames(db, others),
    rows.length
      ? db
          .select()
          .from(meetingRatings)
          .where(
            and(
              inArray(
                meetingRatings.meetingId,
                rows.map((m) => m.id),
              ),
              eq(meetingRatings.registrationId, r.id),
            ),
          )
      : [],
  ]);
  return rows.map((m) => {
    const otherId = r.side === "buyer" ? m.producerRegistrationId : m.buyerRegistrationId;
    const other = others.find((o) => o.id === otherId);
    return {
      ...m,
      other: names.get(otherId)?.name ?? "",
      otherProducerId: other?.producerId ?? null,
      myRating: ratings.find((x) => x.meetingId === m.id) ?? null,
    };
  });
}
