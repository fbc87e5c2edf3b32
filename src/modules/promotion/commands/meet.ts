import { randomBytes } from "node:crypto";
import { fromZonedTime } from "date-fns-tz";
import { and, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { meetingsCalendar } from "../../../platform/ical";
import { enqueueJob } from "../../../platform/job-runner";
import { enqueueMail } from "../../../platform/outbox";
import { formatInZone, indiaZone } from "../../../web/time-zones";
import {
  type Actor,
  authorize,
  mailboxesOf,
  mailboxOf,
  recordAudit,
  requireVerifiedActor,
  setTimeZone,
} from "../../accounts";
import { verifiedProducers } from "../../producers";
import { buyerOf, followedProductsOf, publishedListingsOf, type RfqInput, sendRfq } from "../../trade";
import { promotionMail } from "../mail";
import { matchAndSchedule, type Participant } from "../matching";
import { can } from "../policy";
import { participantNames } from "../queries/participants";
import { availableHours, meetingSlots } from "../slots";
import { events, meetHours, meetingRatings, meetings, meetWishes, registrations } from "../tables";
import { linkTo, lockedEvent, type MailContext } from "./events";

type EventRow = typeof events.$inferSelect;
type MeetingRow = typeof meetings.$inferSelect;

/** The days a meet runs on, on its own clock (YYYY-MM-DD), from its first day to its last. */
export function meetDays(e: Pick<EventRow, "startsAt" | "endsAt" | "timeZone">): string[] {
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: e.timeZone }).format(d);
  const out: string[] = [];
  const last = day(e.endsAt);
  for (let d = day(e.startsAt); d <= last && out.length < 31; ) {
    out.push(d);
    const next = new Date(`${d}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    d = next.toISOString().slice(0, 10);
  }
  return out;
}

/** A meet participant's own confirmed registration, locked, while the meet has not begun. */
async function ownMeetRegistration(tx: DbOrTx, actor: Actor, registrationId: number, version: number) {
  const [r] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
  if (!r) throw new AppError("not_found", "No such registration");
  const grant = authorize(can(actor, "registration:own", r), "change this registration");
  const [e] = await tx.select().from(events).where(eq(events.id, r.eventId));
  if (e?.kind !== "vbsm") throw new AppError("not_found", "No such meet");
  if (r.state !== "confirmed") throw new AppError("conflict", "Only a confirmed place", { state: r.state });
  if (e.startsAt <= new Date()) throw new AppError("conflict", "The meet has begun", { reason: "closed" });
  if (r.version !== version)
    throw new AppError("conflict", "The registration changed since you opened it", { current: r.version });
  return { r, e, grant };
}

/**
 * A participant's hours for each day of the meet, in the time zone they choose (remembered for their diary). A day
 * left empty is a day they are not free. The whole set replaces what they gave before.
 */
export async function saveHours(
  db: Db,
  actorOrNull: Actor | null,
  registrationId: number,
  input: { timeZone: string; version: number; days: { day: string; from: string; to: string }[] },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { r, e, grant } = await ownMeetRegistration(tx, actor, registrationId, input.version);
    const days = new Set(meetDays(e));
    for (const d of input.days)
      if (!days.has(d.day))
        throw new AppError("bad_request", "Not a day of the meet", { field: `from_${d.day}` });
    await tx.delete(meetHours).where(eq(meetHours.registrationId, r.id));
    if (input.days.length)
      await tx
        .insert(meetHours)
        .values(
          input.days.map((d) => ({ registrationId: r.id, day: d.day, fromTime: d.from, toTime: d.to })),
        );
    await tx
      .update(registrations)
      .set({ timeZone: input.timeZone, version: sql`${registrations.version} + 1`, updatedAt: sql`now()` })
      .where(eq(registrations.id, r.id));
    await setTimeZone(tx, actor.userId, input.timeZone);
    await recordAudit(tx, actor, grant, {
      action: "meet.hours",
      entityType: "registration",
      entityId: r.id,
      stateLgdCode: e.stateLgdCode,
      districtLgdCode: e.districtLgdCode,
      after: { timeZone: input.timeZone, days: input.days },
    });
  });
}

/** Whom a participant wants to meet, most wanted first: confirmed participants of the other side only. */
export async function saveWishes(
  db: Db,
  actorOrNull: Actor | null,
  registrationId: number,
  input: { ranked: number[]; version: number },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { r, e, grant } = await ownMeetRegistration(tx, actor, registrationId, input.version);
    if (new Set(input.ranked).size !== input.ranked.length)
      throw new AppError("bad_request", "Each rank once", { field: "ranked" });
    const targets = input.ranked.length
      ? await tx
          .select({ id: registrations.id })
          .from(registrations)
          .where(
            and(
              inArray(registrations.id, input.ranked),
              eq(registrations.eventId, e.id),
              eq(registrations.state, "confirmed"),
              ne(registrations.side, r.side),
            ),
          )
      : [];
    if (targets.length !== input.ranked.length)
      throw new AppError("bad_request", "Choose among the other side's participants", { field: "ranked" });
    await tx.delete(meetWishes).where(eq(meetWishes.registrationId, r.id));
    if (input.ranked.length)
      await tx
        .insert(meetWishes)
        .values(input.ranked.map((t, i) => ({ registrationId: r.id, targetRegistrationId: t, rank: i + 1 })));
    await tx
      .update(registrations)
      .set({ version: sql`${registrations.version} + 1`, updatedAt: sql`now()` })
      .where(eq(registrations.id, r.id));
    await recordAudit(tx, actor, grant, {
      action: "meet.wishes",
      entityType: "registration",
      entityId: r.id,
      stateLgdCode: e.stateLgdCode,
      districtLgdCode: e.districtLgdCode,
      after: { ranked: input.ranked },
    });
  });
}

/** The organiser asks for the matching: a job does it (never inside the request), and the page shows its progress. */
export async function requestMatching(
  db: Db,
  actorOrNull: Actor | null,
  eventId: number,
  input: { version: number },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { e, grant } = await lockedEvent(tx, actor, eventId, input.version);
    if (e.kind !== "vbsm") throw new AppError("not_found", "No such meet");
    if (e.state !== "published") throw new AppError("conflict", "Publish the meet first", { state: e.state });
    if (e.startsAt <= new Date()) throw new AppError("conflict", "The meet has begun", { reason: "closed" });
    if (await scheduleKept(tx, eventId))
      throw new AppError("conflict", "Meetings have begun or been rated", { reason: "schedule_kept" });
    await tx
      .update(events)
      .set({ matchingRequestedAt: sql`now()`, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
      .where(eq(events.id, eventId));
    await recordAudit(tx, actor, grant, {
      action: "meet.match",
      entityType: "event",
      entityId: eventId,
      stateLgdCode: e.stateLgdCode,
      districtLgdCode: e.districtLgdCode,
    });
    await enqueueJob(tx, "meet-matching", { eventId }, { singletonKey: `meet-matching:${eventId}` });
  });
}

/** Whether a meet's schedule must stay: a meeting has begun, been rated or become an RFQ. */
async function scheduleKept(tx: DbOrTx, eventId: number): Promise<boolean> {
  const [kept] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(
      and(
        eq(meetings.eventId, eventId),
        or(
          lt(meetings.startsAt, new Date()),
          sql`${meetings.rfqId} is not null`,
          sql`exists (select 1 from ${meetingRatings} where ${meetingRatings.meetingId} = ${meetings.id})`,
        ),
      ),
    );
  return (kept?.n ?? 0) > 0;
}

/** Each meeting's own video room under the meet's video service: unguessable, so only the two can find it. */
const roomLink = (base: string, eventId: number) =>
  `${base.replace(/\/+$/, "")}/odophub-${eventId}-${randomBytes(9).toString("hex")}`;

/**
 * The job: matches the meet's confirmed participants (wishes, then suggestions by the products buyers follow) and
 * writes the schedule in one transaction, replacing an earlier one, then mails each person their diary in their own
 * time zone with a calendar file. Nothing is replaced once a meeting has begun, been rated or become an RFQ.
 */
export async function runMatching(db: Db, payload: unknown, mail: MailContext): Promise<void> {
  const eventId = Number((payload as { eventId?: unknown }).eventId);
  await db.transaction(async (tx) => {
    const [e] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
    if (e?.kind !== "vbsm" || e.state !== "published" || !e.dayFrom || !e.dayTo || !e.meetingMinutes) return;
    if (await scheduleKept(tx, eventId)) {
      // Asked for before a meeting began or was rated: the schedule stays, and the page stops saying "under way".
      await tx.update(events).set({ matchingRequestedAt: null }).where(eq(events.id, eventId));
      return;
    }
    const regs = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.state, "confirmed")));
    const ids = regs.map((r) => r.id);
    const [hours, wishes, follows, producerProducts] = await Promise.all([
      ids.length ? tx.select().from(meetHours).where(inArray(meetHours.registrationId, ids)) : [],
      ids.length ? tx.select().from(meetWishes).where(inArray(meetWishes.registrationId, ids)) : [],
      followedProductsOf(
        tx,
        regs.filter((r) => r.side === "buyer").map((r) => r.userId),
      ),
      verifiedProducers(tx, { ids: regs.flatMap((r) => (r.producerId ? [r.producerId] : [])) }, regs.length),
    ]);
    const participant = (r: (typeof regs)[number]): Participant => ({
      id: String(r.id),
      available: availableHours(
        hours
          .filter((h) => h.registrationId === r.id)
          .map((h) => ({ day: h.day, from: h.fromTime, to: h.toTime })),
        r.timeZone ?? indiaZone,
      ),
    });
    const ranked = (side: string) => {
      const out = new Map<string, string[]>();
      for (const r of regs.filter((x) => x.side === side))
        out.set(
          String(r.id),
          wishes
            .filter((w) => w.registrationId === r.id)
            .sort((a, b) => a.rank - b.rank)
            .map((w) => String(w.targetRegistrationId)),
        );
      return out;
    };
    const buyers = regs.filter((r) => r.side === "buyer");
    const producers = regs.filter((r) => r.side === "producer");
    // What each producer registration makes (its producer's ODOP product), for suggestions.
    const productOf = new Map(
      producers.map((r) => [
        r.id,
        producerProducts.find((p) => p.id === r.producerId)?.odopProductId ?? null,
      ]),
    );
    const suggestions = buyers.flatMap((b) =>
      producers
        .filter((p) => {
          const product = productOf.get(p.id);
          return product != null && (follows.get(b.userId)?.has(product) ?? false);
        })
        .map((p) => [String(b.id), String(p.id)] as const),
    );
    const slots = meetingSlots({
      days: meetDays(e),
      from: e.dayFrom,
      to: e.dayTo,
      timeZone: e.timeZone,
      lengthMinutes: e.meetingMinutes,
      bufferMinutes: e.bufferMinutes ?? 0,
    }).filter((s) => s.start >= e.startsAt && s.end <= e.endsAt);
    const plan = matchAndSchedule({
      slots,
      rooms: e.rooms ?? 1,
      buyers: buyers.map(participant),
      producers: producers.map(participant),
      buyerWishes: ranked("buyer"),
      producerWishes: ranked("producer"),
      suggestions,
    });
    await tx.delete(meetings).where(eq(meetings.eventId, eventId));
    const written = plan.meetings.length
      ? await tx
          .insert(meetings)
          .values(
            plan.meetings.map((m) => ({
              eventId,
              buyerRegistrationId: Number(m.buyer),
              producerRegistrationId: Number(m.producer),
              startsAt: (slots[m.slot] as { start: Date }).start,
              endsAt: (slots[m.slot] as { end: Date }).end,
              room: m.room + 1,
              tier: m.tier,
              videoUrl: roomLink(e.joinUrl ?? "https://meet.jit.si", eventId),
            })),
          )
          .returning()
      : [];
    await tx
      .update(events)
      .set({ scheduledAt: sql`now()`, version: sql`${events.version} + 1` })
      .where(eq(events.id, eventId));
    await recordAudit(tx, null, null, {
      action: "meet.scheduled",
      entityType: "event",
      entityId: eventId,
      stateLgdCode: e.stateLgdCode,
      districtLgdCode: e.districtLgdCode,
      after: { meetings: written.length, unscheduled: plan.unscheduled.length },
    });
    await sendDiaries(tx, e, regs, written, mail);
  });
}

/** Each participant's diary by mail: their meetings on their own clock, and one calendar file with all of them. */
async function sendDiaries(
  tx: DbOrTx,
  e: EventRow,
  regs: (typeof registrations.$inferSelect)[],
  written: MeetingRow[],
  mail: MailContext,
) {
  const names = await participantNames(tx, regs);
  const boxes = new Map(
    (
      await mailboxesOf(
        tx,
        regs.map((r) => r.userId),
      )
    ).map((m) => [m.userId, m]),
  );
  for (const r of regs) {
    const to = boxes.get(r.userId);
    if (!to) continue;
    const mine = written.filter((m) => m.buyerRegistrationId === r.id || m.producerRegistrationId === r.id);
    const zone = r.timeZone ?? indiaZone;
    const other = (m: MeetingRow) =>
      names.get(r.side === "buyer" ? m.producerRegistrationId : m.buyerRegistrationId)?.name ?? "";
    const title = to.lang === "hi" ? (e.titleHi ?? e.titleEn) : e.titleEn;
    await enqueueMail(
      tx,
      promotionMail(to.lang, "scheduled", {
        to: to.email,
        link: linkTo(mail, `/events/${e.id}/diary`, to.lang),
        vars: {
          event: title,
          n: mine.length,
          zone,
          lines: mine
            .map((m) => `${formatInZone(m.startsAt, zone, to.lang)} · ${other(m)} · ${m.videoUrl}`)
            .join("\n"),
        },
        attachments: mine.length
          ? [
              {
                filename: "meetings.ics",
                contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                content: meetingsCalendar(mine.map((m) => calendarEntry(e, m, title, other(m), mail))),
              },
            ]
          : undefined,
      }),
    );
  }
}

/** One meeting as a calendar entry: the same uid for its whole life, the sequence growing with each move. */
export function calendarEntry(e: EventRow, m: MeetingRow, title: string, other: string, mail: MailContext) {
  return {
    uid: `meet-meeting-${m.id}@${new URL(mail.origin).hostname}`,
    sequence: m.sequence,
    start: m.startsAt,
    end: m.endsAt,
    summary: `${title}: ${other}`,
    description: m.videoUrl,
    location: m.videoUrl,
    url: `${mail.origin}/events/${e.id}/diary`,
  };
}

/** The meeting locked with its event, its two registrations, and which side the actor is on. */
async function lockedMeeting(tx: DbOrTx, meetingId: number) {
  const [head] = await tx
    .select({ eventId: meetings.eventId })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  if (!head) throw new AppError("not_found", "No such meeting");
  const [e] = await tx.select().from(events).where(eq(events.id, head.eventId)).for("update");
  const [m] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for("update");
  if (!e || !m) throw new AppError("not_found", "No such meeting");
  const pair = await tx
    .select()
    .from(registrations)
    .where(inArray(registrations.id, [m.buyerRegistrationId, m.producerRegistrationId]));
  const buyer = pair.find((r) => r.id === m.buyerRegistrationId);
  const producer = pair.find((r) => r.id === m.producerRegistrationId);
  if (!buyer || !producer) throw new AppError("not_found", "No such meeting");
  return { e, m, buyer, producer };
}

/**
 * The organiser moves a meeting to another start (on the meet's clock) and room. Refused with the reason when either
 * person is in another meeting then, when the time lies outside either person's hours or the meet, or when the room
 * is taken. Both are told, with the calendar file that updates the one they hold.
 */
export async function moveMeeting(
  db: Db,
  actorOrNull: Actor | null,
  meetingId: number,
  input: { date: string; time: string; room: number; version: number },
  mail: MailContext,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { e, m, buyer, producer } = await lockedMeeting(tx, meetingId);
    const grant = authorize(can(actor, "event:organise", e), "organise this event");
    if (m.version !== input.version)
      throw new AppError("conflict", "The meeting changed since you opened it", { current: m.version });
    const start = fromZonedTime(`${input.date} ${input.time}`, e.timeZone);
    const end = new Date(start.getTime() + (m.endsAt.getTime() - m.startsAt.getTime()));
    if (start < e.startsAt || end > e.endsAt || start <= new Date())
      throw new AppError("conflict", "Outside the meet", { reason: "outside_meet" });
    if ((e.rooms ?? 1) < input.room) throw new AppError("bad_request", "No such room", { field: "room" });
    const hours = await tx
      .select()
      .from(meetHours)
      .where(inArray(meetHours.registrationId, [buyer.id, producer.id]));
    for (const r of [buyer, producer]) {
      const free = availableHours(
        hours
          .filter((h) => h.registrationId === r.id)
          .map((h) => ({ day: h.day, from: h.fromTime, to: h.toTime })),
        r.timeZone ?? indiaZone,
      );
      if (!free.some((a) => a.start <= start && end <= a.end))
        throw new AppError("conflict", "Outside a participant's hours", { reason: `outside_${r.side}` });
    }
    const overlapping = await tx
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.eventId, e.id),
          ne(meetings.id, m.id),
          lt(meetings.startsAt, end),
          sql`${meetings.endsAt} > ${start}`,
        ),
      );
    for (const o of overlapping) {
      if (o.buyerRegistrationId === buyer.id)
        throw new AppError("conflict", "Buyer busy", { reason: "busy_buyer" });
      if (o.producerRegistrationId === producer.id)
        throw new AppError("conflict", "Producer busy", { reason: "busy_producer" });
      if (o.room === input.room) throw new AppError("conflict", "Room taken", { reason: "room_taken" });
    }
    const [moved] = await tx
      .update(meetings)
      .set({
        startsAt: start,
        endsAt: end,
        room: input.room,
        tier: m.tier,
        sequence: sql`${meetings.sequence} + 1`,
        version: sql`${meetings.version} + 1`,
      })
      .where(eq(meetings.id, m.id))
      .returning();
    await recordAudit(tx, actor, grant, {
      action: "meet.move",
      entityType: "meeting",
      entityId: m.id,
      stateLgdCode: e.stateLgdCode,
      districtLgdCode: e.districtLgdCode,
      before: { startsAt: m.startsAt, room: m.room },
      after: { startsAt: start, room: input.room },
    });
    const names = await participantNames(tx, [buyer, producer]);
    for (const [r, other] of [
      [buyer, producer],
      [producer, buyer],
    ] as const) {
      const to = await mailboxOf(tx, r.userId);
      if (!to) continue;
      const zone = r.timeZone ?? indiaZone;
      const title = to.lang === "hi" ? (e.titleHi ?? e.titleEn) : e.titleEn;
      const otherName = names.get(other.id)?.name ?? "";
      await enqueueMail(
        tx,
        promotionMail(to.lang, "moved", {
          to: to.email,
          link: linkTo(mail, `/events/${e.id}/diary`, to.lang),
          vars: { event: title, other: otherName, when: formatInZone(start, zone, to.lang), zone },
          attachments: [
            {
              filename: "meeting.ics",
              contentType: "text/calendar; charset=utf-8; method=PUBLISH",
              content: meetingsCalendar([calendarEntry(e, moved as MeetingRow, title, otherName, mail)]),
            },
          ],
        }),
      );
    }
  });
}

/** The buyer or the producer rates a meeting once it has begun; once each. */
export async function rateMeeting(
  db: Db,
  actorOrNull: Actor | null,
  meetingId: number,
  input: { stars: number; comment?: string },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { e, m, buyer, producer } = await lockedMeeting(tx, meetingId);
    const grant = authorize(
      can(actor, "meeting:attend", { buyerUserId: buyer.userId, producerUserId: producer.userId }),
      "rate this meeting",
    );
    if (m.startsAt > new Date())
      throw new AppError("conflict", "The meeting has not begun", { reason: "not_begun" });
    const mine = actor.userId === buyer.userId ? buyer : producer;
    const [done] = await tx
      .select()
      .from(meetingRatings)
      .where(and(eq(meetingRatings.meetingId, m.id), eq(meetingRatings.registrationId, mine.id)));
    if (done) throw new AppError("conflict", "Already rated", { reason: "rated" });
    await tx.insert(meetingRatings).values({
      meetingId: m.id,
      registrationId: mine.id,
      stars: input.stars,
      comment: input.comment ?? null,
    });
    await recordAudit(tx, actor, grant, {
      action: "meet.rate",
      entityType: "meeting",
      entityId: m.id,
      stateLgdCode: e.stateLgdCode,
      districtLgdCode: e.districtLgdCode,
      after: { stars: input.stars },
    });
  });
}

/**
 * The buyer turns a meeting into an RFQ to the producer met, in one step: the trade module's own RFQ (its checks,
 * throttle, mail and audit) for one of the producer's listings, linked to the meeting in the same transaction.
 */
export async function meetingRfq(
  db: Db,
  actorOrNull: Actor | null,
  meetingId: number,
  input: Omit<RfqInput, "destinationCountry" | "odopProductId" | "hsCode"> & { listingId: number },
  mail: MailContext,
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  return db.transaction(async (tx) => {
    const { m, buyer, producer } = await lockedMeeting(tx, meetingId);
    if (actor.userId !== buyer.userId) throw new AppError("not_found", "No such meeting");
    if (m.rfqId) throw new AppError("conflict", "Already an RFQ", { reason: "has_rfq" });
    if (m.startsAt > new Date())
      throw new AppError("conflict", "The meeting has not begun", { reason: "not_begun" });
    const profile = await buyerOf(tx, actor.userId);
    const offered = producer.producerId ? await publishedListingsOf(tx, producer.producerId) : [];
    if (!profile || !offered.some((l) => l.id === input.listingId))
      throw new AppError("bad_request", "Choose one of the producer's listings", { field: "listingId" });
    // A savepoint inside this transaction: the RFQ and the link to it are written together or not at all.
    const rfqId = await sendRfq(
      tx as unknown as Db,
      actor,
      { ...input, destinationCountry: profile.country },
      mail,
    );
    await tx
      .update(meetings)
      .set({ rfqId, version: sql`${meetings.version} + 1` })
      .where(eq(meetings.id, m.id));
    return rfqId;
  });
}
