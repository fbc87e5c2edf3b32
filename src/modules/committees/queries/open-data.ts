import { and, asc, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { committeeDecisions, committeeMeetings, committees, meetingAgendaItems } from "../tables";

type Place = { state?: number; district?: number };
type Window = { offset: number; limit: number };
const placeFilter = (p: Place) =>
  and(
    p.state ? eq(committees.stateLgdCode, p.state) : undefined,
    p.district ? eq(committees.districtLgdCode, p.district) : undefined,
  );

/**
 * The committees' meetings as open data: when, where (the venue; a video link is said only as "online"), where each
 * stands, and the agenda. Demo committees are never in it.
 */
export async function publicMeetings(db: DbOrTx, place: Place = {}, window?: Window) {
  const where = and(eq(committeeMeetings.isDemo, false), eq(committees.isDemo, false), placeFilter(place));
  const rows = db
    .select({
      id: committeeMeetings.id,
      committeeKind: committees.kind,
      committeeName: committees.nameEn,
      committeeNameHi: committees.nameHi,
      stateLgdCode: committees.stateLgdCode,
      districtLgdCode: committees.districtLgdCode,
      startsAt: committeeMeetings.startsAt,
      durationMinutes: committeeMeetings.durationMinutes,
      venue: committeeMeetings.venue,
      online: sql<boolean>`${committeeMeetings.videoLink} is not null`,
      state: committeeMeetings.state,
      cancelReason: committeeMeetings.cancelReason,
      minutesPublishedAt: committeeMeetings.minutesPublishedAt,
      agenda: sql<string>`coalesce((select string_agg(a.title, ' | ' order by a.position) from meeting_agenda_items a
        where a.meeting_id = committee_meetings.id), '')`,
    })
    .from(committeeMeetings)
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(where)
    .orderBy(asc(committeeMeetings.startsAt), asc(committeeMeetings.id))
    .$dynamic();
  const [items, [total]] = await Promise.all([
    window ? rows.limit(window.limit).offset(window.offset) : rows,
    db
      .select({ n: count() })
      .from(committeeMeetings)
      .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The decisions of published minutes as open data, each with its meeting, committee, place and agenda item. */
export async function publicDecisions(db: DbOrTx, place: Place = {}, window?: Window) {
  const where = and(
    eq(committeeMeetings.state, "minutes_published"),
    eq(committeeMeetings.isDemo, false),
    eq(committees.isDemo, false),
    placeFilter(place),
  );
  const rows = db
    .select({
      id: committeeDecisions.id,
      meetingId: committeeMeetings.id,
      meetingDate: committeeMeetings.startsAt,
      committeeKind: committees.kind,
      committeeName: committees.nameEn,
      stateLgdCode: committees.stateLgdCode,
      districtLgdCode: committees.districtLgdCode,
      agendaItem: meetingAgendaItems.title,
      text: committeeDecisions.text,
      owner: committeeDecisions.owner,
      dueDate: committeeDecisions.dueDate,
    })
    .from(committeeDecisions)
    .innerJoin(committeeMeetings, eq(committeeMeetings.id, committeeDecisions.meetingId))
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .leftJoin(meetingAgendaItems, eq(meetingAgendaItems.id, committeeDecisions.agendaItemId))
    .where(where)
    .orderBy(asc(committeeMeetings.startsAt), asc(committeeDecisions.id))
    .$dynamic();
  const [items, [total]] = await Promise.all([
    window ? rows.limit(window.limit).offset(window.offset) : rows,
    db
      .select({ n: count() })
      .from(committeeDecisions)
      .innerJoin(committeeMeetings, eq(committeeMeetings.id, committeeDecisions.meetingId))
      .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** What the open data of committees depends on: it changes whenever a public meeting or its minutes do. */
export async function committeeDataStamp(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({
      stamp: sql<string>`count(*) || '-' || coalesce(sum(${committeeMeetings.version}), 0)`,
    })
    .from(committeeMeetings)
    .where(eq(committeeMeetings.isDemo, false));
  return row?.stamp ?? "0-0";
}
