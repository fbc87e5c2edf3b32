import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import {
  committeeDecisions,
  committeeMeetings,
  committeeMembers,
  committees,
  meetingAgendaItems,
  meetingAttendance,
} from "../tables";

/** The agenda in order. */
export async function agendaOf(db: DbOrTx, meetingId: number) {
  return db
    .select()
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItems.position));
}

export type MeetingRow = typeof committeeMeetings.$inferSelect;

/** A committee's meetings to come (soonest first) and past ones (latest first), cancelled ones included and marked. */
export async function meetingsOf(db: DbOrTx, committeeId: number, now = new Date()) {
  const of = eq(committeeMeetings.committeeId, committeeId);
  const [upcoming, past] = await Promise.all([
    db
      .select()
      .from(committeeMeetings)
      .where(and(of, gte(committeeMeetings.startsAt, now)))
      .orderBy(asc(committeeMeetings.startsAt)),
    db
      .select()
      .from(committeeMeetings)
      .where(and(of, lt(committeeMeetings.startsAt, now)))
      .orderBy(desc(committeeMeetings.startsAt))
      .limit(200),
  ]);
  return { upcoming, past };
}

/** A meeting with its committee, agenda, attendance and decisions: everything its pages and its PDF show. */
export async function meetingRecord(db: DbOrTx, meetingId: number) {
  const [row] = await db
    .select({ meeting: committeeMeetings, committee: committees })
    .from(committeeMeetings)
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(eq(committeeMeetings.id, meetingId));
  if (!row) throw new AppError("not_found", "No such meeting");
  const [agenda, present, decisions] = await Promise.all([
    agendaOf(db, meetingId),
    db
      .select({ member: committeeMembers })
      .from(meetingAttendance)
      .innerJoin(committeeMembers, eq(committeeMembers.id, meetingAttendance.memberId))
      .where(eq(meetingAttendance.meetingId, meetingId))
      .orderBy(asc(committeeMembers.id)),
    db
      .select()
      .from(committeeDecisions)
      .where(eq(committeeDecisions.meetingId, meetingId))
      .orderBy(asc(committeeDecisions.id)),
  ]);
  return { ...row, agenda, present: present.map((p) => p.member), decisions };
}
export type MeetingRecord = Awaited<ReturnType<typeof meetingRecord>>;

/** Members who sat on the committee on a day (YYYY-MM-DD): those whose attendance can be recorded. */
export async function membersOn(db: DbOrTx, committeeId: number, day: string) {
  const rows = await db
    .select()
    .from(committeeMembers)
    .where(eq(committeeMembers.committeeId, committeeId))
    .orderBy(asc(committeeMembers.id));
  return rows.filter((m) => m.fromDate <= day && (m.toDate === null || m.toDate >= day));
}

/** How many meetings of these committees wait for their minutes to be published: for the officer's worklist. */
export async function meetingsAwaitingMinutes(db: DbOrTx, committeeIds: number[], now = new Date()) {
  if (!committeeIds.length) return [];
  return db
    .select({
      id: committeeMeetings.id,
      committeeId: committeeMeetings.committeeId,
      startsAt: committeeMeetings.startsAt,
    })
    .from(committeeMeetings)
    .where(
      and(
        inArray(committeeMeetings.committeeId, committeeIds),
        lt(committeeMeetings.startsAt, now),
        ne(committeeMeetings.state, "cancelled"),
        ne(committeeMeetings.state, "minutes_published"),
      ),
    )
    .orderBy(asc(committeeMeetings.startsAt));
}

/**
 * The decisions of a district's DEPC, newest meeting first, with when they were taken and whether their minutes are
 * published: what a product proposal may say it carries out.
 */
export async function decisionsOfDistrict(db: DbOrTx, districtLgdCode: number) {
  return db
    .select({
      id: committeeDecisions.id,
      text: committeeDecisions.text,
      meetingId: committeeMeetings.id,
      startsAt: committeeMeetings.startsAt,
      published: sql<boolean>`${committeeMeetings.state} = 'minutes_published'`,
    })
    .from(committeeDecisions)
    .innerJoin(committeeMeetings, eq(committeeMeetings.id, committeeDecisions.meetingId))
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(and(eq(committees.kind, "depc"), eq(committees.districtLgdCode, districtLgdCode)))
    .orderBy(desc(committeeMeetings.startsAt), asc(committeeDecisions.id));
}

export type DistrictDecision = Awaited<ReturnType<typeof decisionsOfDistrict>>[number];
