import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { indiaDateTime, indiaInstant } from "../../../platform/india-time";
import { enqueueMail } from "../../../platform/outbox";
import { nextState } from "../../../platform/workflow";
import { type Actor, authorize, mailboxOf, recordAudit, requireActor } from "../../accounts";
import { type MeetingTransition, meetingFlow } from "../meeting-flow";
import { type MeetingNotice, meetingMail, type NoticeKind } from "../meeting-mail";
import { can } from "../policy";
import { agendaOf, membersOn } from "../queries/meetings";
import type { MeetingInput } from "../schemas";
import { committeeMeetings, committees, meetingAgendaItems } from "../tables";

/** Where the links in notices point, and who signs them; without it (the demo seed) no mail is sent. */
export type MailContext = { origin: string };

type Meeting = typeof committeeMeetings.$inferSelect;
type Committee = typeof committees.$inferSelect;

/**
 * The committee, locked, and the grant that lets the actor convene it (403 otherwise). Locking the committee
 * serialises its meetings' changes with its members' (a notice goes to the members of that moment).
 */
async function convenedCommittee(tx: Tx, actor: Actor, committeeId: number) {
  const [c] = await tx.select().from(committees).where(eq(committees.id, committeeId)).for("update");
  if (!c) throw new AppError("not_found", "No such committee");
  return { committee: c, grant: authorize(can(actor, "meeting:convene", c), "convene this committee") };
}

/**
 * A meeting, locked, with its committee and the actor's grant; checks the version it was opened at (409 when stale)
 * and that its state allows `transition` (409 otherwise). Returns the state the transition leads to.
 */
export async function lockMeeting(
  tx: Tx,
  actor: Actor,
  meetingId: number,
  version: number,
  transition: MeetingTransition,
) {
  const [m] = await tx
    .select()
    .from(committeeMeetings)
    .where(eq(committeeMeetings.id, meetingId))
    .for("update");
  if (!m) throw new AppError("not_found", "No such meeting");
  const { committee, grant } = await convenedCommittee(tx, actor, m.committeeId);
  if (m.version !== version)
    throw new AppError("conflict", "The meeting changed since you opened it", { current: m.version });
  return { meeting: m, committee, grant, next: nextState(meetingFlow, transition, m.state) };
}

/** A notice's date cannot be in the past: members cannot attend it. */
function startOf(input: MeetingInput, now: Date): Date {
  const startsAt = indiaInstant(input.date, input.time);
  if (startsAt.getTime() <= now.getTime())
    throw new AppError("bad_request", "The meeting would be in the past", {
      field: "date",
      reason: "inPast",
    });
  return startsAt;
}

const whereOf = (input: MeetingInput) => ({
  venue: input.venue ?? null,
  videoLink: input.videoLink ?? null,
  durationMinutes: input.durationMinutes,
});

async function replaceAgenda(tx: Tx, meetingId: number, agenda: string[]) {
  await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meetingId));
  await tx
    .insert(meetingAgendaItems)
    .values(agenda.map((title, i) => ({ meetingId, position: i + 1, title })));
}

/** Members with accounts who sit on the committee on the meeting's date: they get its notices and its minutes. */
export async function meetingRecipients(tx: Tx, committeeId: number, startsAt: Date) {
  const members = await membersOn(tx, committeeId, indiaDateTime(startsAt).date);
  const ids = [...new Set(members.flatMap((m) => (m.userId ? [m.userId] : [])))];
  return (await Promise.all(ids.map((id) => mailboxOf(tx, id)))).filter((m) => m !== null);
}

/** Queues the notice (or update, or cancellation) to every member with an account, each in their language. */
async function notify(
  tx: Tx,
  actor: Actor,
  kind: NoticeKind,
  committee: Committee,
  meeting: Meeting,
  mail: MailContext | undefined,
) {
  if (!mail) return 0;
  const notice: MeetingNotice = {
    id: meeting.id,
    committee: { en: committee.nameEn, hi: committee.nameHi },
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    venue: meeting.venue,
    videoLink: meeting.videoLink,
    agenda: (await agendaOf(tx, meeting.id)).map((a) => a.title),
    sequence: meeting.sequence,
    cancelReason: meeting.cancelReason,
  };
  const people = await meetingRecipients(tx, committee.id, meeting.startsAt);
  for (const p of people)
    await enqueueMail(
      tx,
      meetingMail(p.lang, kind, notice, p, { origin: mail.origin, organizer: actor.email ?? "" }),
    );
  return people.length;
}

const audited = (
  m: Pick<Meeting, "startsAt" | "durationMinutes" | "venue" | "videoLink">,
  agenda: string[],
) => ({
  startsAt: m.startsAt.toISOString(),
  durationMinutes: m.durationMinutes,
  venue: m.venue,
  videoLink: m.videoLink,
  agenda,
});

/** Schedules a meeting and sends its notice with an invitation. Audited; a date in the past is a 400 on `date`. */
export async function scheduleMeeting(
  db: Db,
  actorOrNull: Actor | null,
  committeeId: number,
  input: MeetingInput,
  opts: { mail?: MailContext; isDemo?: boolean; now?: Date } = {},
): Promise<number> {
  const actor = requireActor(actorOrNull);
  const startsAt = startOf(input, opts.now ?? new Date());
  return db.transaction(async (tx) => {
    const { committee, grant } = await convenedCommittee(tx, actor, committeeId);
    const [row] = await tx
      .insert(committeeMeetings)
      .values({
        committeeId,
        state: nextState(meetingFlow, "schedule", "new"),
        startsAt,
        ...whereOf(input),
        isDemo: opts.isDemo ?? false,
      })
      .returning();
    const meeting = row as Meeting;
    await replaceAgenda(tx, meeting.id, input.agenda);
    await recordAudit(tx, actor, grant, {
      action: "meeting.schedule",
      entityType: "committee_meeting",
      entityId: meeting.id,
      stateLgdCode: committee.stateLgdCode,
      districtLgdCode: committee.districtLgdCode,
      after: audited(meeting, input.agenda),
    });
    await notify(tx, actor, "notice", committee, meeting, opts.mail);
    return meeting.id;
  });
}

/** Changes a scheduled meeting; members get an update that replaces the event in their calendars. Audited, 409 when stale. */
export async function rescheduleMeeting(
  db: Db,
  actorOrNull: Actor | null,
  meetingId: number,
  version: number,
  input: MeetingInput,
  opts: { mail?: MailContext; now?: Date } = {},
): Promise<void> {
  const actor = requireActor(actorOrNull);
  const startsAt = startOf(input, opts.now ?? new Date());
  await db.transaction(async (tx) => {
    const { meeting, committee, grant, next } = await lockMeeting(
      tx,
      actor,
      meetingId,
      version,
      "reschedule",
    );
    const before = audited(
      meeting,
      (await agendaOf(tx, meetingId)).map((a) => a.title),
    );
    const [row] = await tx
      .update(committeeMeetings)
      .set({
        state: next,
        startsAt,
        ...whereOf(input),
        sequence: sql`${committeeMeetings.sequence} + 1`,
        version: sql`${committeeMeetings.version} + 1`,
      })
      .where(eq(committeeMeetings.id, meetingId))
      .returning();
    await replaceAgenda(tx, meetingId, input.agenda);
    await recordAudit(tx, actor, grant, {
      action: "meeting.reschedule",
      entityType: "committee_meeting",
      entityId: meetingId,
      stateLgdCode: committee.stateLgdCode,
      districtLgdCode: committee.districtLgdCode,
      before,
      after: audited(row as Meeting, input.agenda),
    });
    await notify(tx, actor, "update", committee, row as Meeting, opts.mail);
  });
}

/** Calls a scheduled meeting off, with the reason members are told. Audited, 409 when stale or no longer scheduled. */
export async function cancelMeeting(
  db: Db,
  actorOrNull: Actor | null,
  meetingId: number,
  input: { version: number; reason: string },
  opts: { mail?: MailContext } = {},
): Promise<void> {
  const actor = requireActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { meeting, committee, grant, next } = await lockMeeting(
      tx,
      actor,
      meetingId,
      input.version,
      "cancel",
    );
    const [row] = await tx
      .update(committeeMeetings)
      .set({
        state: next,
        cancelReason: input.reason,
        sequence: sql`${committeeMeetings.sequence} + 1`,
        version: sql`${committeeMeetings.version} + 1`,
      })
      .where(eq(committeeMeetings.id, meetingId))
      .returning();
    await recordAudit(tx, actor, grant, {
      action: "meeting.cancel",
      entityType: "committee_meeting",
      entityId: meetingId,
      stateLgdCode: committee.stateLgdCode,
      districtLgdCode: committee.districtLgdCode,
      before: { state: meeting.state },
      after: { state: next, cancelReason: input.reason },
    });
    await notify(tx, actor, "cancellation", committee, row as Meeting, opts.mail);
  });
}
