import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { indiaDateTime } from "../../../platform/india-time";
import { enqueueMail } from "../../../platform/outbox";
import { type Actor, recordAudit, requireActor } from "../../accounts";
import { enqueueMinutesPdf } from "../documents";
import { minutesMail } from "../meeting-mail";
import { agendaOf, membersOn } from "../queries/meetings";
import { committeeDecisions, committeeMeetings, meetingAgendaItems, meetingAttendance } from "../tables";
import { lockMeeting, type MailContext, meetingRecipients } from "./meetings";

type Locked = Awaited<ReturnType<typeof lockMeeting>>;

/** Minutes are of a meeting that has begun: before it, there is nothing to record (409). */
function mustHaveBegun(meeting: Locked["meeting"], now: Date) {
  if (meeting.startsAt.getTime() > now.getTime())
    throw new AppError("conflict", "The meeting has not begun yet", { reason: "notBegun" });
}

const auditPlace = (l: Locked) => ({
  stateLgdCode: l.committee.stateLgdCode,
  districtLgdCode: l.committee.districtLgdCode,
});

/** Moves a scheduled meeting that has begun into its minutes draft (the "record" transition), bumping its version. */
async function intoDraft(tx: Tx, l: Locked) {
  if (l.meeting.state === l.next) return;
  await tx
    .update(committeeMeetings)
    .set({ state: l.next, version: sql`${committeeMeetings.version} + 1` })
    .where(eq(committeeMeetings.id, l.meeting.id));
}

/**
 * Records who attended and what the minutes say of each agenda item, as a draft (nothing is public until the
 * convener publishes). A member who did not sit on the committee that day, or an item of another meeting, is a 400
 * on its field. Audited, 409 when stale.
 */
export async function saveMinutes(
  db: Db,
  actorOrNull: Actor | null,
  meetingId: number,
  input: { version: number; present: number[]; minutes: { itemId: number; text: string }[] },
  opts: { now?: Date } = {},
): Promise<void> {
  const actor = requireActor(actorOrNull);
  await db.transaction(async (tx) => {
    const l = await lockMeeting(tx, actor, meetingId, input.version, "record");
    mustHaveBegun(l.meeting, opts.now ?? new Date());
    const day = indiaDateTime(l.meeting.startsAt).date;
    const seated = new Set((await membersOn(tx, l.committee.id, day)).map((m) => m.id));
    const stranger = input.present.find((id) => !seated.has(id));
    if (stranger !== undefined)
      throw new AppError("bad_request", "Not a member on the meeting's day", {
        field: `present-${stranger}`,
      });
    const items = await agendaOf(tx, meetingId);
    const known = new Set(items.map((i) => i.id));
    const unknown = input.minutes.find((m) => !known.has(m.itemId));
    if (unknown)
      throw new AppError("bad_request", "Not an item of this meeting", {
        field: `minutes-${unknown.itemId}`,
      });

    await tx
      .update(committeeMeetings)
      .set({ state: l.next, version: sql`${committeeMeetings.version} + 1` })
      .where(eq(committeeMeetings.id, meetingId));
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
    const present = [...new Set(input.present)];
    if (present.length)
      await tx.insert(meetingAttendance).values(present.map((memberId) => ({ meetingId, memberId })));
    for (const m of input.minutes)
      await tx
        .update(meetingAgendaItems)
        .set({ minutes: m.text === "" ? null : m.text })
        .where(eq(meetingAgendaItems.id, m.itemId));
    await recordAudit(tx, actor, l.grant, {
      action: "meeting.minutes_save",
      entityType: "committee_meeting",
      entityId: meetingId,
      ...auditPlace(l),
      before: { state: l.meeting.state, minutes: items.map((i) => ({ item: i.id, text: i.minutes })) },
      after: {
        state: l.next,
        present,
        minutes: input.minutes.map((m) => ({ item: m.itemId, text: m.text })),
      },
    });
  });
}

/**
 * Adds a decision to a meeting's draft minutes (the meeting must have begun; its agenda item, if named, must be its
 * own). A new record, so no version is needed to add it; the meeting's version still moves when it leaves
 * "scheduled". Audited.
 */
export async function addDecision(
  db: Db,
  actorOrNull: Actor | null,
  meetingId: number,
  input: { agendaItemId?: number; text: string; owner?: string; dueDate?: string },
  opts: { now?: Date } = {},
): Promise<number> {
  const actor = requireActor(actorOrNull);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: committeeMeetings.version })
      .from(committeeMeetings)
      .where(eq(committeeMeetings.id, meetingId));
    if (!current) throw new AppError("not_found", "No such meeting");
    const l = await lockMeeting(tx, actor, meetingId, current.version, "record");
    mustHaveBegun(l.meeting, opts.now ?? new Date());
    if (
      input.agendaItemId !== undefined &&
      !(await agendaOf(tx, meetingId)).some((i) => i.id === input.agendaItemId)
    )
      throw new AppError("bad_request", "Not an item of this meeting", { field: "agendaItemId" });
    await intoDraft(tx, l);
    const values = {
      meetingId,
      agendaItemId: input.agendaItemId ?? null,
      text: input.text,
      owner: input.owner ?? null,
      dueDate: input.dueDate ?? null,
    };
    const [row] = await tx.insert(committeeDecisions).values(values).returning({ id: committeeDecisions.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, actor, l.grant, {
      action: "meeting.decision_add",
      entityType: "committee_decision",
      entityId: id,
      ...auditPlace(l),
      after: values,
    });
    return id;
  });
}

/** Removes a decision from draft minutes (once published, minutes do not change: 409). Audited. */
export async function removeDecision(db: Db, actorOrNull: Actor | null, decisionId: number): Promise<void> {
  const actor = requireActor(actorOrNull);
  await db.transaction(async (tx) => {
    const [d] = await tx.select().from(committeeDecisions).where(eq(committeeDecisions.id, decisionId));
    if (!d) throw new AppError("not_found", "No such decision");
    const [current] = await tx
      .select({ version: committeeMeetings.version, state: committeeMeetings.state })
      .from(committeeMeetings)
      .where(eq(committeeMeetings.id, d.meetingId));
    if (current?.state !== "held") throw new AppError("conflict", "The minutes are not a draft");
    const l = await lockMeeting(tx, actor, d.meetingId, current.version, "record");
    await tx.delete(committeeDecisions).where(eq(committeeDecisions.id, decisionId));
    await recordAudit(tx, actor, l.grant, {
      action: "meeting.decision_remove",
      entityType: "committee_decision",
      entityId: decisionId,
      ...auditPlace(l),
      before: d,
    });
  });
}

/**
 * Publishes the minutes: attendance, minutes and decisions become public (page, PDF, open data) and stay as they
 * are. Minutes without anyone recorded present are a 400 (a meeting has at least its convener). Members are told.
 * Audited, 409 when stale.
 */
export async function publishMinutes(
  db: Db,
  actorOrNull: Actor | null,
  meetingId: number,
  version: number,
  opts: { mail?: MailContext } = {},
): Promise<void> {
  const actor = requireActor(actorOrNull);
  await db.transaction(async (tx) => {
    const l = await lockMeeting(tx, actor, meetingId, version, "publish");
    const [present] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meetingId));
    if (!present?.n) throw new AppError("bad_request", "Nobody is recorded present", { field: "attendance" });
    await tx
      .update(committeeMeetings)
      .set({ state: l.next, minutesPublishedAt: sql`now()`, version: sql`${committeeMeetings.version} + 1` })
      .where(eq(committeeMeetings.id, meetingId));
    await recordAudit(tx, actor, l.grant, {
      action: "meeting.minutes_publish",
      entityType: "committee_meeting",
      entityId: meetingId,
      ...auditPlace(l),
      before: { state: l.meeting.state },
      after: { state: l.next },
    });
    await enqueueMinutesPdf(tx, meetingId);
    if (!opts.mail) return;
    const notice = {
      id: meetingId,
      committee: { en: l.committee.nameEn, hi: l.committee.nameHi },
      startsAt: l.meeting.startsAt,
    };
    for (const p of await meetingRecipients(tx, l.committee.id, l.meeting.startsAt))
      await enqueueMail(tx, minutesMail(p.lang, notice, p, opts.mail));
  });
}
