import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { enqueueMail } from "../../../platform/outbox";
import { nextState } from "../../../platform/workflow";
import { formatInZone } from "../../../web/time-zones";
import {
  type Actor,
  authorize,
  type Grant,
  mailboxesOf,
  mailboxOf,
  recordAudit,
  recordAudits,
  requireVerifiedActor,
} from "../../accounts";
import { producersOwnedBy } from "../../producers";
import { buyerOf } from "../../trade";
import { type PromotionNotice, promotionMail } from "../mail";
import { promotionText } from "../messages";
import { can } from "../policy";
import { waitlistPosition } from "../queries/events";
import { participantNames } from "../queries/participants";
import {
  hasRoom,
  type RegistrationSide,
  type RegistrationTransition,
  registrationFlow,
  registrationStep,
} from "../registration-flow";
import { events, meetings, registrations } from "../tables";
import { linkTo, lockedEvent, type MailContext } from "./events";

type EventRow = typeof events.$inferSelect;
type RegistrationRow = typeof registrations.$inferSelect;

/** How many hold a confirmed place: counted under the event's row lock, so parallel registrations see each other. */
async function confirmedCount(tx: DbOrTx, eventId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.state, "confirmed")));
  return row?.n ?? 0;
}

/** Tells a registered person what happened to their place, in their language, with the event's time on its clock. */
async function tell(tx: DbOrTx, e: EventRow, r: RegistrationRow, kind: PromotionNotice, mail: MailContext) {
  const to = await mailboxOf(tx, r.userId);
  if (!to) return;
  const position = r.state === "waitlisted" ? await waitlistPosition(tx, r) : 0;
  await enqueueMail(
    tx,
    promotionMail(to.lang, kind, {
      to: to.email,
      link: linkTo(mail, `/events/${e.id}`, to.lang),
      vars: {
        event: to.lang === "hi" ? (e.titleHi ?? e.titleEn) : e.titleEn,
        when: formatInZone(e.startsAt, r.timeZone ?? e.timeZone, to.lang),
        position,
      },
    }),
  );
}

/** The event, locked, open for registration: published and not yet begun. */
async function openEvent(tx: DbOrTx, id: number): Promise<EventRow> {
  const [e] = await tx.select().from(events).where(eq(events.id, id)).for("update");
  if (!e || e.state === "draft") throw new AppError("not_found", "No such event");
  if (e.state === "cancelled")
    throw new AppError("conflict", "The event is cancelled", { reason: "cancelled" });
  if (e.startsAt <= new Date())
    throw new AppError("conflict", "Registration has closed", { reason: "closed" });
  return e;
}

/** The side a person registers on: a verified producer they own, or their buyer profile (asked when both). */
async function sideOf(db: DbOrTx, actor: Actor, wanted: RegistrationSide | undefined) {
  const [producer] = (await producersOwnedBy(db, actor.userId)).filter((p) => p.status === "verified");
  const buyer = await buyerOf(db, actor.userId);
  const sides: { side: RegistrationSide; producerId: number | null }[] = [
    ...(producer ? [{ side: "producer" as const, producerId: producer.id }] : []),
    ...(buyer ? [{ side: "buyer" as const, producerId: null }] : []),
  ];
  if (sides.length === 0)
    throw new AppError("conflict", "Register as a verified producer or a buyer first", {
      reason: "no_profile",
    });
  const chosen = wanted ? sides.find((s) => s.side === wanted) : sides[0];
  if (!chosen) throw new AppError("bad_request", "You cannot register on that side", { field: "side" });
  return chosen;
}

/**
 * Registers the person for an event: a confirmed place while there is room, the organiser's approval first when the
 * event asks for it, else the waitlist. The event's row is locked first, so that two people registering for the last
 * place at once cannot both have it. One transaction with its audit row and its mail.
 */
export async function register(
  db: Db,
  actorOrNull: Actor | null,
  eventId: number,
  input: { side?: RegistrationSide; note?: string; timeZone?: string },
  mail: MailContext,
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  const grant = authorize(can(actor, "registration:register", null), "register for events");
  const { side, producerId } = await sideOf(db, actor, input.side);
  return db.transaction(async (tx) => {
    const e = await openEvent(tx, eventId);
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, actor.userId)));
    const step = registrationStep({ ...e, confirmed: await confirmedCount(tx, eventId) });
    const to = nextState(registrationFlow, step, existing?.state ?? "new");
    const values = {
      side,
      producerId,
      state: to,
      note: input.note ?? null,
      timeZone: input.timeZone ?? actor.timeZone ?? null,
      queuedAt: to === "waitlisted" ? new Date() : null,
      isDemo: actor.isDemo,
    };
    const [row] = existing
      ? await tx
          .update(registrations)
          .set({ ...values, version: sql`${registrations.version} + 1`, updatedAt: sql`now()` })
          .where(eq(registrations.id, existing.id))
          .returning()
      : await tx
          .insert(registrations)
          .values({ ...values, eventId, userId: actor.userId })
          .returning();
    const r = row as RegistrationRow;
    await recordAudit(tx, actor, grant, {
      action: `registration.${step}`,
      entityType: "registration",
      entityId: r.id,
      stateLgdCode: e.stateLgdCode,
      districtLgdCode: e.districtLgdCode,
      before: existing ? { state: existing.state } : null,
      after: { eventId, side, state: to },
    });
    await tell(tx, e, r, to as PromotionNotice, mail);
    // A registration that needs approval is the organiser's to decide: the officer who wrote the event is told.
    const organiser = to === "pending" ? await mailboxOf(tx, e.createdBy) : null;
    if (organiser)
      await enqueueMail(
        tx,
        promotionMail(organiser.lang, "toApprove", {
          to: organiser.email,
          link: linkTo(mail, `/events/${e.id}/registrations`, organiser.lang),
          vars: {
            event: organiser.lang === "hi" ? (e.titleHi ?? e.titleEn) : e.titleEn,
            person: actor.name,
            side: promotionText(organiser.lang)(`side_${side}`),
          },
        }),
      );
    return r.id;
  });
}

/** A registration locked with its event (the event first: the order every registration change takes its locks in). */
async function lockedRegistration(tx: DbOrTx, id: number) {
  const [head] = await tx
    .select({ eventId: registrations.eventId })
    .from(registrations)
    .where(eq(registrations.id, id));
  if (!head) throw new AppError("not_found", "No such registration");
  const [e] = await tx.select().from(events).where(eq(events.id, head.eventId)).for("update");
  const [r] = await tx.select().from(registrations).where(eq(registrations.id, id)).for("update");
  if (!e || !r) throw new AppError("not_found", "No such registration");
  return { e, r };
}

async function move(
  tx: DbOrTx,
  actor: Actor | null,
  grant: Grant | null,
  e: EventRow,
  r: RegistrationRow,
  transition: RegistrationTransition,
  extra: Record<string, unknown> = {},
): Promise<RegistrationRow> {
  const to = nextState(registrationFlow, transition, r.state);
  const [row] = await tx
    .update(registrations)
    .set({
      state: to,
      queuedAt: to === "waitlisted" ? new Date() : r.queuedAt,
      version: sql`${registrations.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(registrations.id, r.id))
    .returning();
  await recordAudit(tx, actor, grant, {
    action: `registration.${transition}`,
    entityType: "registration",
    entityId: r.id,
    stateLgdCode: e.stateLgdCode,
    districtLgdCode: e.districtLgdCode,
    before: { state: r.state },
    after: { state: to, ...extra },
  });
  return row as RegistrationRow;
}

/** The organiser approves a registration (a place, or the waitlist when the event is full) or refuses it. */
export async function decideRegistration(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  decision: "approve" | "refuse",
  input: { version: number },
  mail: MailContext,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { e, r } = await lockedRegistration(tx, id);
    const grant = authorize(can(actor, "event:organise", e), "organise this event");
    if (r.version !== input.version)
      throw new AppError("conflict", "The registration changed since you opened it", { current: r.version });
    const transition =
      decision === "refuse"
        ? "refuse"
        : hasRoom({ capacity: e.capacity, confirmed: await confirmedCount(tx, e.id) })
          ? "approve"
          : "approve_waitlist";
    const after = await move(tx, actor, grant, e, r, transition);
    await tell(
      tx,
      e,
      after,
      transition === "approve" ? "approved" : transition === "refuse" ? "refused" : "approvedToWaitlist",
      mail,
    );
  });
}

/**
 * The person withdraws. When they held a confirmed place, the first on the waitlist moves up in the same
 * transaction (the system's step, audited as such) and is told; a meet's meetings not yet begun are called off and
 * the other side told.
 */
export async function withdraw(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { version: number },
  mail: MailContext,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { e, r } = await lockedRegistration(tx, id);
    const grant = authorize(can(actor, "registration:own", r), "withdraw this registration");
    if (r.version !== input.version)
      throw new AppError("conflict", "The registration changed since you opened it", { current: r.version });
    const after = await move(tx, actor, grant, e, r, "withdraw");
    await tell(tx, e, after, "withdrawn", mail);
    if (r.state === "confirmed") {
      await callOffMeetings(tx, e, r, mail);
      const [next] = await tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.eventId, e.id), eq(registrations.state, "waitlisted")))
        .orderBy(asc(registrations.queuedAt), asc(registrations.id))
        .limit(1)
        .for("update");
      if (next && hasRoom({ capacity: e.capacity, confirmed: await confirmedCount(tx, e.id) }))
        await tell(tx, e, await move(tx, null, null, e, next, "promote", { after: r.id }), "promoted", mail);
    }
  });
}

/** A withdrawn participant's meetings that have not begun: deleted, and the other side told. */
async function callOffMeetings(tx: DbOrTx, e: EventRow, r: RegistrationRow, mail: MailContext) {
  const mine = r.side === "buyer" ? meetings.buyerRegistrationId : meetings.producerRegistrationId;
  const theirs = r.side === "buyer" ? meetings.producerRegistrationId : meetings.buyerRegistrationId;
  const gone = await tx
    .delete(meetings)
    .where(and(eq(mine, r.id), gte(meetings.startsAt, new Date())))
    .returning({ other: theirs, startsAt: meetings.startsAt });
  if (gone.length === 0) return;
  const others = await tx
    .select()
    .from(registrations)
    .where(
      inArray(
        registrations.id,
        gone.map((g) => g.other),
      ),
    );
  const name = (await participantNames(tx, [r])).get(r.id)?.name ?? "";
  const boxes = await mailboxesOf(
    tx,
    others.map((o) => o.userId),
  );
  for (const g of gone) {
    const other = others.find((o) => o.id === g.other);
    const to = boxes.find((b) => b.userId === other?.userId);
    if (!other || !to) continue;
    await enqueueMail(
      tx,
      promotionMail(to.lang, "meetingCancelled", {
        to: to.email,
        link: linkTo(mail, `/events/${e.id}/diary`, to.lang),
        vars: {
          event: to.lang === "hi" ? (e.titleHi ?? e.titleEn) : e.titleEn,
          other: name,
          when: formatInZone(g.startsAt, other.timeZone ?? e.timeZone, to.lang),
        },
      }),
    );
  }
}

/**
 * Attendance: at the door (one person checked in or out) or afterwards from the paper list (the ticked set replaces
 * what was marked). Only confirmed registrations attend; every change is in the audit log.
 */
export async function markAttendance(
  db: Db,
  actorOrNull: Actor | null,
  eventId: number,
  changes: { registrationId: number; attended: boolean }[],
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  return db.transaction(async (tx) => {
    const { e, grant } = await lockedEvent(tx, actor, eventId);
    const rows = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.state, "confirmed")));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const real = changes.filter((c) => {
      const r = byId.get(c.registrationId);
      if (!r)
        throw new AppError("bad_request", "Not a confirmed registration of this event", {
          field: "attended",
        });
      return (r.attendedAt !== null) !== c.attended;
    });
    for (const attended of [true, false]) {
      const ids = real.filter((c) => c.attended === attended).map((c) => c.registrationId);
      if (ids.length)
        await tx
          .update(registrations)
          .set({ attendedAt: attended ? sql`now()` : null, updatedAt: sql`now()` })
          .where(inArray(registrations.id, ids));
    }
    await recordAudits(
      tx,
      actor,
      grant,
      real.map((c) => ({
        action: c.attended ? "registration.check_in" : "registration.check_out",
        entityType: "registration",
        entityId: c.registrationId,
        stateLgdCode: e.stateLgdCode,
        districtLgdCode: e.districtLgdCode,
        after: { attended: c.attended },
      })),
    );
    return real.length;
  });
}
