import { and, asc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { enqueueMail } from "../../../platform/outbox";
import { type Actor, mailboxesOf, recordAudit, requireVerifiedActor } from "../../accounts";
import { productsByIds } from "../../catalog";
import { tradeMail } from "../mail";
import { listingTitle } from "../search-entry";
import { buyerInterests, listings } from "../tables";
import { requireHsHeading } from "./hs-heading";
import { linkTo, type MailContext } from "./rfqs";

/** A buyer follows an ODOP product or an HS heading (at most 20 interests). */
export async function addInterest(
  db: Db,
  actorOrNull: Actor | null,
  input: { odopProductId?: number; hsCode?: string },
) {
  const actor = requireVerifiedActor(actorOrNull);
  if (input.odopProductId !== undefined && (await productsByIds(db, [input.odopProductId])).length === 0)
    throw new AppError("bad_request", "No such product", { field: "odopProductId" });
  await requireHsHeading(db, input.hsCode);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`interests:${actor.userId}`}))`);
    const mine = await tx.select().from(buyerInterests).where(eq(buyerInterests.userId, actor.userId));
    if (mine.length >= 20)
      throw new AppError("conflict", "At most 20 interests", { reason: "too_many_interests" });
    if (
      mine.some(
        (i) => i.odopProductId === (input.odopProductId ?? null) && i.hsCode === (input.hsCode ?? null),
      )
    )
      return;
    const [row] = await tx
      .insert(buyerInterests)
      .values({
        userId: actor.userId,
        odopProductId: input.odopProductId ?? null,
        hsCode: input.hsCode ?? null,
      })
      .returning({ id: buyerInterests.id });
    await recordAudit(tx, actor, null, {
      action: "buyer.interest_add",
      entityType: "buyer_interest",
      entityId: (row as { id: number }).id,
      after: input,
    });
  });
}

export async function removeInterest(db: Db, actorOrNull: Actor | null, id: number) {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(buyerInterests)
      .where(and(eq(buyerInterests.id, id), eq(buyerInterests.userId, actor.userId)))
      .returning({ id: buyerInterests.id });
    if (gone.length === 0) throw new AppError("not_found", "No such interest");
    await recordAudit(tx, actor, null, {
      action: "buyer.interest_remove",
      entityType: "buyer_interest",
      entityId: id,
    });
  });
}

/**
 * The daily digest: for each buyer, the listings published since its last digest that match what it follows (real
 * listings only, 20 at most), in one mail in its language. Each interest then counts as told up to `now`.
 */
export async function sendDigests(db: Db, now: Date, mail: MailContext): Promise<number> {
  return db.transaction(async (tx) => {
    const interests = await tx.select().from(buyerInterests).orderBy(asc(buyerInterests.userId));
    const byUser = new Map<number, typeof interests>();
    for (const i of interests) byUser.set(i.userId, [...(byUser.get(i.userId) ?? []), i]);
    const mailboxes = new Map((await mailboxesOf(tx, [...byUser.keys()])).map((m) => [m.userId, m]));
    let sent = 0;
    for (const [userId, mine] of byUser) {
      const since = new Date(Math.min(...mine.map((i) => i.notifiedUpTo.getTime())));
      const products = mine.flatMap((i) => (i.odopProductId ? [i.odopProductId] : []));
      const headings = mine.flatMap((i) => (i.hsCode ? [i.hsCode] : []));
      const found = await tx
        .select()
        .from(listings)
        .where(
          and(
            eq(listings.state, "published"),
            eq(listings.isDemo, false),
            gt(listings.publishedAt, since),
            lte(listings.publishedAt, now),
            or(
              products.length ? inArray(listings.odopProductId, products) : undefined,
              headings.length ? inArray(listings.hsCode, headings) : undefined,
            ),
          ),
        )
        .orderBy(asc(listings.publishedAt))
        .limit(20);
      await tx.update(buyerInterests).set({ notifiedUpTo: now }).where(eq(buyerInterests.userId, userId));
      if (found.length === 0) continue;
      const to = mailboxes.get(userId);
      if (!to) continue;
      const lines = found
        .map((l) => `- ${listingTitle(l, to.lang)}: ${linkTo(mail, `/bazaar/listings/${l.id}`, to.lang)}`)
        .join("\n");
      await enqueueMail(
        tx,
        tradeMail(to.lang, "digest", {
          to: to.email,
          link: linkTo(mail, "/buyers/me", to.lang),
          vars: { lines },
        }),
      );
      sent++;
    }
    return sent;
  });
}
