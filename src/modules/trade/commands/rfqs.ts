import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { indiaDateTime } from "../../../platform/india-time";
import { enqueueMail } from "../../../platform/outbox";
import { nextState } from "../../../platform/workflow";
import { countryName } from "../../../web/countries";
import {
  type Actor,
  actionsInLastDay,
  authorize,
  mailboxesOf,
  mailboxOf,
  officersFor,
  recordAudit,
  requireVerifiedActor,
} from "../../accounts";
import { liveProductIdsOfHsHeading, productsByIds } from "../../catalog";
import { verifiedProducers } from "../../producers";
import { tradeMail } from "../mail";
import { can } from "../policy";
import { liveResponses, maxOpenDays, responseFlow, rfqFlow } from "../rfq-flow";
import type { RfqInput } from "../schemas";
import { listings, rfqApprovalDistricts, rfqResponses, rfqs } from "../tables";
import { requireHsHeading } from "./hs-heading";

/** RFQs one account, and one address, may send in a day: a buyer's real needs, far below a flood. */
export const rfqsPerDay = 20;
export const rfqsPerAddressPerDay = 60;
/** Producers one RFQ reaches at most (the first verified ones that match). */
export const maxRecipients = 50;

import { linkTo, type MailContext } from "../../../web/notice-mail";

export { linkTo, type MailContext };

/** The verified producers an RFQ reaches: the listing's producer, or those that make the product or HS heading. */
async function recipientsOf(db: DbOrTx, input: RfqInput) {
  if (input.listingId !== undefined) {
    const [l] = await db
      .select({ producerId: listings.producerId })
      .from(listings)
      .where(and(eq(listings.id, input.listingId), eq(listings.state, "published")));
    if (!l) throw new AppError("bad_request", "No such listing", { field: "listingId" });
    return verifiedProducers(db, { ids: [l.producerId] }, 1);
  }
  let productIds: number[] = [];
  if (input.odopProductId !== undefined) {
    if ((await productsByIds(db, [input.odopProductId])).length === 0)
      throw new AppError("bad_request", "No such product", { field: "odopProductId" });
    productIds = [input.odopProductId];
  }
  if (input.hsCode) {
    await requireHsHeading(db, input.hsCode);
    productIds = [...productIds, ...(await liveProductIdsOfHsHeading(db, input.hsCode))];
  }
  // Producers with published listings of the product or heading are reached too, whatever their profile says.
  const listed = await db
    .selectDistinct({ producerId: listings.producerId })
    .from(listings)
    .where(
      and(
        eq(listings.state, "published"),
        input.hsCode && productIds.length
          ? sql`(${listings.hsCode} = ${input.hsCode} or ${inArray(listings.odopProductId, productIds)})`
          : input.hsCode
            ? eq(listings.hsCode, input.hsCode)
            : inArray(listings.odopProductId, productIds.length ? productIds : [-1]),
      ),
    )
    .limit(maxRecipients);
  return verifiedProducers(db, { productIds, ids: listed.map((l) => l.producerId) }, maxRecipients);
}

/**
 * A buyer sends an RFQ (or an enquiry from a listing). Throttled per account and per address; sent to the verified
 * producers that match, each told by mail in its language, except in districts whose officer approves RFQs first,
 * where it waits for the officer. One transaction: the RFQ, its recipients, the audit row, the mail.
 */
export async function sendRfq(
  db: Db,
  actorOrNull: Actor | null,
  input: RfqInput,
  mail: MailContext,
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  const grant = authorize(can(actor, "rfq:send", null), "send a request for quotes");
  const today = indiaDateTime(new Date()).date;
  if (input.neededBy < today)
    throw new AppError("bad_request", "Needed by a past day", { field: "neededBy" });
  if (input.openDays > maxOpenDays) throw new AppError("bad_request", "Open too long", { field: "openDays" });
  const recipients = await recipientsOf(db, input);
  if (recipients.length === 0)
    throw new AppError("conflict", "No verified producer matches", { reason: "no_recipients" });
  return db.transaction(async (tx) => {
    // Counted under locks (account, then address), so that parallel requests cannot all pass before any is written.
    const address = actor.ip ?? "unknown";
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rfq:user:${actor.userId}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rfq:address:${address}`}))`);
    if (
      (await actionsInLastDay(tx, { userId: actor.userId }, "rfq.send")) >= rfqsPerDay ||
      (await actionsInLastDay(tx, { ip: address }, "rfq.send")) >= rfqsPerAddressPerDay
    )
      throw new AppError("too_many", `At most ${rfqsPerDay} requests for quotes a day`);
    const [row] = await tx
      .insert(rfqs)
      .values({
        buyerUserId: actor.userId,
        listingId: input.listingId ?? null,
        odopProductId: input.odopProductId ?? null,
        hsCode: input.hsCode ?? null,
        subject: input.subject,
        details: input.details ?? null,
        quantity: input.quantity,
        unit: input.unit,
        targetPriceInr: input.targetPriceInr ?? null,
        destinationCountry: input.destinationCountry,
        incoterm: input.incoterm,
        neededBy: input.neededBy,
        closesAt: sql`now() + make_interval(days => ${input.openDays})`,
        state: nextState(rfqFlow, "send", "new"),
        isDemo: actor.isDemo,
      })
      .returning({ id: rfqs.id, closesAt: rfqs.closesAt });
    const { id, closesAt } = row as { id: number; closesAt: Date };
    const approving = new Set(
      (
        await tx
          .select({ d: rfqApprovalDistricts.districtLgdCode })
          .from(rfqApprovalDistricts)
          .where(
            inArray(rfqApprovalDistricts.districtLgdCode, [
              ...new Set(recipients.map((r) => r.districtLgdCode)),
            ]),
          )
      ).map((r) => r.d),
    );
    await tx.insert(rfqResponses).values(
      recipients.map((p) => ({
        rfqId: id,
        producerId: p.id,
        stateLgdCode: p.stateLgdCode,
        districtLgdCode: p.districtLgdCode,
        state: approving.has(p.districtLgdCode) ? ("held" as const) : ("invited" as const),
      })),
    );
    await recordAudit(tx, actor, grant, {
      action: "rfq.send",
      entityType: "rfq",
      entityId: id,
      after: {
        subject: input.subject,
        recipients: recipients.length,
        held: recipients.filter((r) => approving.has(r.districtLgdCode)).length,
      },
    });
    const rfq = invitationVars({ ...input, closesAt });
    await tellProducers(
      tx,
      recipients.filter((r) => !approving.has(r.districtLgdCode)).map((r) => r.ownerUserId),
      "invited",
      rfq,
      mail,
      "/rfqs/inbox",
    );
    for (const district of approving) {
      const place = recipients.find((r) => r.districtLgdCode === district) as (typeof recipients)[number];
      for (const o of await officersFor(tx, "district_officer", place))
        await enqueueMail(
          tx,
          tradeMail(o.lang, "held", { to: o.email, link: linkTo(mail, "/officer/rfqs", o.lang), vars: rfq }),
        );
    }
    return id;
  });
}

/** What an invitation to quote says of an RFQ: what, how much, where to, on which terms, by when, until when. */
export const invitationVars = (r: {
  subject: string;
  quantity: number;
  unit: string;
  destinationCountry: string;
  incoterm: string;
  neededBy: string;
  closesAt: Date;
}) => ({
  subject: r.subject,
  quantity: `${r.quantity} ${r.unit}`,
  country: r.destinationCountry,
  incoterm: r.incoterm,
  neededBy: r.neededBy,
  closes: indiaDateTime(r.closesAt).date,
});

/** Mails producers' owners about an RFQ, each in their language with the country named in it (one query for all). */
export async function tellProducers(
  tx: DbOrTx,
  ownerUserIds: readonly number[],
  kind: "invited" | "accepted" | "rejected" | "closed",
  rfq: { subject: string; country?: string } & Record<string, string | number | undefined>,
  mail: MailContext,
  path: string,
) {
  const vars = Object.fromEntries(Object.entries(rfq).filter(([, v]) => v !== undefined)) as Record<
    string,
    string | number
  >;
  for (const owner of await mailboxesOf(tx, ownerUserIds))
    await enqueueMail(
      tx,
      tradeMail(owner.lang, kind, {
        to: owner.email,
        link: linkTo(mail, path, owner.lang),
        vars: rfq.country ? { ...vars, country: countryName(rfq.country, owner.lang) } : vars,
      }),
    );
}

/** An RFQ locked for this transaction, at the version the person saw (409 when it moved on meanwhile). */
export async function lockedRfq(tx: DbOrTx, id: number, version: number | null) {
  const [r] = await tx.select().from(rfqs).where(eq(rfqs.id, id)).for("update");
  if (!r) throw new AppError("not_found", "No such request");
  if (version !== null && r.version !== version)
    throw new AppError("conflict", "The request changed since you opened it", { current: r.version });
  return r;
}

/** The buyer withdraws its RFQ: every producer still on it is told it closed. */
export async function cancelRfq(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  version: number,
  mail: MailContext,
) {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const r = await lockedRfq(tx, id, null);
    const grant = authorize(can(actor, "rfq:buy", r), "withdraw this request");
    if (r.version !== version) throw new AppError("conflict", "The request changed", { current: r.version });
    const to = nextState(rfqFlow, "cancel", r.state);
    await tx
      .update(rfqs)
      .set({ state: to, version: sql`${rfqs.version} + 1`, updatedAt: sql`now()` })
      .where(eq(rfqs.id, id));
    await closeLiveResponses(tx, id, "declined_by_buyer", { subject: r.subject }, mail);
    await recordAudit(tx, actor, grant, {
      action: "rfq.cancel",
      entityType: "rfq",
      entityId: id,
      before: { state: r.state },
      after: { state: to },
    });
  });
}

/** Ends the producers' parts still live on an RFQ (another quote accepted, withdrawn, expired), telling each. */
export async function closeLiveResponses(
  tx: DbOrTx,
  rfqId: number,
  to: "declined_by_buyer" | "expired",
  rfq: { subject: string },
  mail: MailContext | null,
) {
  const closed = await tx
    .update(rfqResponses)
    .set({ state: to, version: sql`${rfqResponses.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(rfqResponses.rfqId, rfqId), inArray(rfqResponses.state, [...liveResponses])))
    .returning({ producerId: rfqResponses.producerId, id: rfqResponses.id });
  if (!mail || closed.length === 0) return;
  const owners = await verifiedProducers(tx, { ids: closed.map((c) => c.producerId) }, closed.length);
  await tellProducers(
    tx,
    owners.map((p) => p.ownerUserId),
    "closed",
    rfq,
    mail,
    "/rfqs/inbox",
  );
}

/**
 * The hourly job: RFQs past their closing time expire, with every part still live; each buyer is told. Audited as
 * the system. Returns how many expired.
 */
export async function expireRfqs(db: Db, now: Date, mail: MailContext): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(rfqs)
      .where(and(eq(rfqs.state, "open"), lt(rfqs.closesAt, now)))
      .for("update", { skipLocked: true });
    for (const r of due) {
      await tx
        .update(rfqs)
        .set({
          state: nextState(rfqFlow, "expire", r.state),
          version: sql`${rfqs.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(rfqs.id, r.id));
      await closeLiveResponses(tx, r.id, nextState(responseFlow, "expire", "invited") as "expired", r, null);
      await recordAudit(tx, null, null, {
        action: "rfq.expire",
        entityType: "rfq",
        entityId: r.id,
        before: { state: r.state },
        after: { state: "expired" },
      });
      const buyer = await mailboxOf(tx, r.buyerUserId);
      if (buyer)
        await enqueueMail(
          tx,
          tradeMail(buyer.lang, "expired", {
            to: buyer.email,
            link: linkTo(mail, `/rfqs/${r.id}`, buyer.lang),
            vars: { subject: r.subject },
          }),
        );
    }
    return due.length;
  });
}

/** An officer asks that RFQs reach its district's producers only once it has let them through (or stops asking). */
export async function setRfqApproval(
  db: Db,
  actorOrNull: Actor | null,
  districtLgdCode: number,
  on: boolean,
) {
  const actor = requireVerifiedActor(actorOrNull);
  const place = { stateLgdCode: null, districtLgdCode };
  const grant = authorize(
    actor.grants.find((g) => g.role === "district_officer" && g.districtLgdCode === districtLgdCode),
    "set RFQ approval for this district",
  );
  await db.transaction(async (tx) => {
    if (on)
      await tx
        .insert(rfqApprovalDistricts)
        .values({ districtLgdCode, setBy: actor.userId })
        .onConflictDoNothing();
    else
      await tx.delete(rfqApprovalDistricts).where(eq(rfqApprovalDistricts.districtLgdCode, districtLgdCode));
    await recordAudit(tx, actor, grant, {
      action: on ? "rfq.approval_on" : "rfq.approval_off",
      entityType: "district",
      entityId: districtLgdCode,
      ...place,
      stateLgdCode: grant.stateLgdCode,
    });
  });
}
