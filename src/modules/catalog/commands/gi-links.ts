import { and, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, authorize, grantFor, recordAudit, requireActor } from "../../accounts";
import { productGiLinks, products } from "../tables";

/**
 * The national administrator confirms or rejects a product–GI link that the name match only suggested. One
 * transaction: the link is locked, must still be a suggestion (a second decision is a 409 that changes nothing),
 * and the decision is audited. A confirmed link loses its "not yet confirmed" note; a rejected one leaves the pages
 * and the open data.
 */
export async function decideGiLink(
  db: Db,
  actorOrNull: Actor | null,
  link: { productId: number; giId: number },
  decision: "confirmed" | "rejected",
): Promise<void> {
  const actor = requireActor(actorOrNull);
  const grant = authorize(grantFor(actor, ["national_admin"]), "confirm GI links");
  await db.transaction(async (tx) => {
    const where = and(eq(productGiLinks.productId, link.productId), eq(productGiLinks.giId, link.giId));
    const [row] = await tx.select().from(productGiLinks).where(where).for("update");
    if (!row) throw new AppError("not_found", "No such suggested link");
    if (row.status !== "suggested")
      throw new AppError("conflict", "This link has been decided already", { status: row.status });
    await tx.update(productGiLinks).set({ status: decision }).where(where);
    const [product] = await tx
      .select({ stateLgdCode: products.stateLgdCode, districtLgdCode: products.districtLgdCode })
      .from(products)
      .where(eq(products.id, link.productId));
    await recordAudit(tx, actor, grant, {
      action: decision === "confirmed" ? "gi_link.confirm" : "gi_link.reject",
      entityType: "gi_link",
      entityId: `${link.productId}-${link.giId}`,
      stateLgdCode: product?.stateLgdCode ?? null,
      districtLgdCode: product?.districtLgdCode ?? null,
      before: { status: row.status, basis: row.basis },
      after: { status: decision },
    });
  });
}
