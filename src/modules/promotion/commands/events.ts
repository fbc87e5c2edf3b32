import { fromZonedTime } from "date-fns-tz";
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { enqueueMail } from "../../../platform/outbox";
import { nextState } from "../../../platform/workflow";
import { isCountry } from "../../../web/countries";
import { linkTo, type MailContext } from "../../../web/notice-mail";
import { type Actor, authorize, mailboxesOf, recordAudit, requireVerifiedActor } from "../../accounts";
import { productsByIds } from "../../catalog";
import { getDistrict, getState } from "../../geo";
import { type EventTransition, eventFlow } from "../event-flow";
import { promotionMail } from "../mail";
import { can, type EventRef } from "../policy";
import type { EventInput, OutcomesInput } from "../schemas";
import { eventProducts, events, registrations } from "../tables";

export { linkTo, type MailContext };

/** The organiser a form names (`district:532`, `state:9`, `nation`, `mission:US`), taken from the registry. */
export async function organiserOf(db: DbOrTx, value: string): Promise<EventRef> {
  const [level, code = ""] = value.split(":");
  const none = { stateLgdCode: null, districtLgdCode: null, missionCountry: null };
  if (level === "nation") return { organiserLevel: "nation", ...none };
  if (level === "mission" && isCountry(code))
    return { organiserLevel: "mission", ...none, missionCountry: code };
  if (level === "state") {
    const state = await getState(db, Number(code));
    if (state) return { organiserLevel: "state", ...none, stateLgdCode: state.lgdCode };
  }
  if (level === "district") {
    const d = await getDistrict(db, Number(code));
    if (d)
      return {
        organiserLevel: "district",
        stateLgdCode: d.stateLgdCode,
        districtLgdCode: d.lgdCode,
        missionCountry: null,
      };
  }
  throw new AppError("bad_request", "No such organiser", { field: "organiser" });
}

/** The event's columns from a form: instants from the event's clock, the meet's settings only for a meet. */
function columnsOf(input: EventInput, ref: EventRef) {
  const meet = input.kind === "vbsm";
  return {
    kind: input.kind,
    ...ref,
    titleEn: input.titleEn,
    titleHi: input.titleHi || null,
    descriptionEn: input.descriptionEn,
    descriptionHi: input.descriptionHi || null,
    timeZone: input.timeZone,
    startsAt: fromZonedTime(`${input.startDate} ${input.startTime}`, input.timeZone),
    endsAt: fromZonedTime(`${input.endDate} ${input.endTime}`, input.timeZone),
    online: input.online,
    venue: input.online ? null : (input.venue ?? null),
    city: input.online ? null : (input.city ?? null),
    country: input.country,
    joinUrl: input.joinUrl || null,
    sectorCodes: input.sectorCodes,
    capacity: input.capacity ?? null,
    approvalRequired: input.approvalRequired,
    meetingMinutes: meet ? (input.meetingMinutes ?? null) : null,
    bufferMinutes: meet ? (input.bufferMinutes ?? 0) : null,
    rooms: meet ? (input.rooms ?? null) : null,
    dayFrom: meet ? (input.dayFrom ?? null) : null,
    dayTo: meet ? (input.dayTo ?? null) : null,
  };
}

async function checkProducts(db: DbOrTx, ids: readonly number[]) {
  const found = await productsByIds(db, ids);
  if (found.length !== new Set(ids).size)
    throw new AppError("bad_request", "No such ODOP product", { field: "productIds" });
}

/** Writes a new event as a draft for an organiser the person's grants reach (`seed:demo`'s marked demo). */
export async function createEvent(
  db: Db,
  actorOrNull: Actor | null,
  input: EventInput,
  opts: { isDemo?: boolean } = {},
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  const ref = await organiserOf(db, input.organiser);
  const grant = authorize(can(actor, "event:organise", ref), "organise this event");
  await checkProducts(db, input.productIds);
  const state = nextState(eventFlow, "create", "new");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({
        ...columnsOf(input, ref),
        state,
        isDemo: opts.isDemo ?? actor.isDemo,
        createdBy: actor.userId,
      })
      .returning({ id: events.id });
    const id = (row as { id: number }).id;
    if (input.productIds.length)
      await tx
        .insert(eventProducts)
        .values(input.productIds.map((productId) => ({ eventId: id, productId })));
    await recordAudit(tx, actor, grant, {
      action: "event.create",
      entityType: "event",
      entityId: id,
      stateLgdCode: ref.stateLgdCode,
      districtLgdCode: ref.districtLgdCode,
      after: { kind: input.kind, title: input.titleEn, organiser: input.organiser },
    });
    return id;
  });
}

/** The event locked for this transaction, at the version the form was opened at (409 when stale), and its grant. */
export async function lockedEvent(tx: DbOrTx, actor: Actor, id: number, version?: number) {
  const [e] = await tx.select().from(events).where(eq(events.id, id)).for("update");
  if (!e) throw new AppError("not_found", "No such event");
  const grant = authorize(can(actor, "event:organise", e), "organise this event");
  if (version !== undefined && e.version !== version)
    throw new AppError("conflict", "The event changed since you opened it", { current: e.version });
  return { e, grant };
}

/** The people an event's news goes to: everyone registered and not withdrawn or refused. */
async function activeRegistrants(tx: DbOrTx, eventId: number) {
  const rows = await tx
    .select({ userId: registrations.userId })
    .from(registrations)
    .where(
      sql`${registrations.eventId} = ${eventId} and ${registrations.state} in ('pending', 'confirmed', 'waitlisted')`,
    );
  return mailboxesOf(
    tx,
    rows.map((r) => r.userId),
  );
}

/**
 * Changes an event. The organiser may move it to another place its grants reach. When a published event's time or
 * place changes, everyone registered is told. A cancelled event is not edited.
 */
export async function updateEvent(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: EventInput & { version: number },
  mail: MailContext,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const ref = await organiserOf(db, input.organiser);
  authorize(can(actor, "event:organise", ref), "organise this event");
  await checkProducts(db, input.productIds);
  await db.transaction(async (tx) => {
    const { e, grant } = await lockedEvent(tx, actor, id, input.version);
    if (e.state === "cancelled")
      throw new AppError("conflict", "A cancelled event is not changed", { state: e.state });
    const cols = columnsOf(input, ref);
    await tx
      .update(events)
      .set({ ...cols, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
      .where(eq(events.id, id));
    await tx.delete(eventProducts).where(eq(eventProducts.eventId, id));
    if (input.productIds.length)
      await tx
        .insert(eventProducts)
        .values(input.productIds.map((productId) => ({ eventId: id, productId })));
    await recordAudit(tx, actor, grant, {
      action: "event.update",
      entityType: "event",
      entityId: id,
      stateLgdCode: ref.stateLgdCode,
      districtLgdCode: ref.districtLgdCode,
      before: { startsAt: e.startsAt, endsAt: e.endsAt, venue: e.venue, online: e.online },
      after: { startsAt: cols.startsAt, endsAt: cols.endsAt, venue: cols.venue, online: cols.online },
    });
    const moved =
      e.startsAt.getTime() !== cols.startsAt.getTime() ||
      e.endsAt.getTime() !== cols.endsAt.getTime() ||
      e.venue !== cols.venue ||
      e.online !== cols.online;
    if (e.state === "published" && moved)
      for (const to of await activeRegistrants(tx, id))
        await enqueueMail(
          tx,
          promotionMail(to.lang, "changed", {
            to: to.email,
            link: linkTo(mail, `/events/${id}`, to.lang),
            vars: { event: to.lang === "hi" ? (cols.titleHi ?? cols.titleEn) : cols.titleEn },
          }),
        );
  });
}

/**
 * Publishes an event (registration opens while it has not begun; an event already held may be published to record
 * what came of it) or cancels it (everyone registered is told, with the reason).
 */
export async function stepEvent(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  transition: Exclude<EventTransition, "create">,
  input: { version: number; reason?: string },
  mail: MailContext,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { e, grant } = await lockedEvent(tx, actor, id, input.version);
    const to = nextState(eventFlow, transition, e.state);
    await tx
      .update(events)
      .set({ state: to, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
      .where(eq(events.id, id));
    await recordAudit(tx, actor, grant, {
      action: `event.${transition}`,
      entityType: "event",
      entityId: id,
      stateLgdCode: e.stateLgdCode,
      districtLgdCode: e.districtLgdCode,
      before: { state: e.state },
      after: { state: to, ...(input.reason ? { reason: input.reason } : {}) },
    });
    if (transition === "cancel")
      for (const p of await activeRegistrants(tx, id))
        await enqueueMail(
          tx,
          promotionMail(p.lang, "cancelled", {
            to: p.email,
            link: linkTo(mail, `/events/${id}`, p.lang),
            vars: {
              event: p.lang === "hi" ? (e.titleHi ?? e.titleEn) : e.titleEn,
              reason: input.reason ?? "",
            },
          }),
        );
  });
}

/** What came of an event, recorded by its organiser once it has begun. */
export async function recordOutcomes(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: OutcomesInput,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { e, grant } = await lockedEvent(tx, actor, id, input.version);
    if (e.startsAt > new Date())
      throw new AppError("conflict", "The event has not begun", { reason: "not_begun" });
    const after = {
      leads: input.leads ?? null,
      lettersOfIntent: input.lettersOfIntent ?? null,
      loiValueInr: input.loiValueInr ?? null,
      outcomeNotes: input.outcomeNotes ?? null,
    };
    await tx
      .update(events)
      .set({ ...after, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
      .where(eq(events.id, id));
    await recordAudit(tx, actor, grant, {
      action: "event.outcomes",
      entityType: "event",
      entityId: id,
      stateLgdCode: e.stateLgdCode,
      districtLgdCode: e.districtLgdCode,
      before: { leads: e.leads, lettersOfIntent: e.lettersOfIntent, loiValueInr: e.loiValueInr },
      after,
    });
  });
}
