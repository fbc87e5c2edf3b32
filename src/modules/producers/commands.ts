import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { enqueueMail } from "../../platform/outbox";
import {
  type Actor,
  addGrant,
  authorize,
  mailboxOf,
  recordAudit,
  requireActor,
  requireVerifiedActor,
} from "../accounts";
import { liveRevision, productsOfDistricts } from "../catalog";
import { getDistrict } from "../geo";
import { demoDomain } from "./kinds";
import { decisionMail } from "./mail";
import { can } from "./policy";
import type { ProducerInput } from "./schemas";
import { producers } from "./tables";

/** A district's products in the live list revision: the ones a producer can say it makes. */
export async function districtProducts(db: DbOrTx, districtLgdCode: number) {
  const revision = await liveRevision(db);
  return revision ? productsOfDistricts(db, revision.id, [districtLgdCode]) : [];
}

const nullable = (v: string | undefined) => (v === undefined || v === "" ? null : v);

/** The columns a producer's own form sets, with the district's State looked up (never taken from the form). */
async function columnsOf(db: DbOrTx, input: ProducerInput) {
  const district = await getDistrict(db, input.districtLgdCode);
  if (!district) throw new AppError("bad_request", "No such district", { field: "districtLgdCode" });
  if (
    input.odopProductId !== undefined &&
    !(await districtProducts(db, district.lgdCode)).some((p) => p.id === input.odopProductId)
  )
    throw new AppError("bad_request", "Not an ODOP product of this district", { field: "odopProductId" });
  return {
    name: input.name,
    kind: input.kind,
    stateLgdCode: district.stateLgdCode,
    districtLgdCode: district.lgdCode,
    odopProductId: input.odopProductId ?? null,
    otherProducts: nullable(input.otherProducts),
    description: nullable(input.description),
    phone: input.phone,
    email: input.email,
    udyam: nullable(input.udyam),
    gstin: nullable(input.gstin),
    iec: nullable(input.iec),
    pan: nullable(input.pan),
  };
}

/** A person registers a producer; it waits for its district's officer. The owner gets the producer role there. */
export async function registerProducer(
  db: Db,
  actorOrNull: Actor | null,
  input: ProducerInput,
  opts: { isDemo?: boolean } = {},
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  const values = await columnsOf(db, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(producers)
      .values({ ...values, ownerUserId: actor.userId, isDemo: opts.isDemo ?? actor.isDemo })
      .returning({ id: producers.id });
    const id = (row as { id: number }).id;
    const place = { stateLgdCode: values.stateLgdCode, districtLgdCode: values.districtLgdCode };
    await recordAudit(tx, actor, null, {
      action: "producer.register",
      entityType: "producer",
      entityId: id,
      ...place,
      after: values,
    });
    if (!actor.grants.some((g) => g.role === "producer" && g.districtLgdCode === values.districtLgdCode))
      await addGrant(tx, actor, null, actor.userId, "producer", place);
    return id;
  });
}

async function lockedProducer(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(producers).where(eq(producers.id, id)).for("update");
  if (!row) throw new AppError("not_found", "No such producer");
  return row;
}

/**
 * The owner edits its profile. The edit names the version it was made from: if someone changed the profile since,
 * 409 and nothing is written. A verified profile whose facts change goes back to the officer.
 */
export async function updateProducer(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  version: number,
  input: ProducerInput,
): Promise<void> {
  const actor = requireActor(actorOrNull);
  const values = await columnsOf(db, input);
  await db.transaction(async (tx) => {
    const before = await lockedProducer(tx, id);
    const grant = authorize(can(actor, "producer:edit", before), "edit this producer");
    if (before.version !== version)
      throw new AppError("conflict", "Someone changed this profile meanwhile", { current: before.version });
    await tx
      .update(producers)
      .set({
        ...values,
        status: "pending",
        statusReason: null,
        version: sql`${producers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(producers.id, id), eq(producers.version, version)));
    await recordAudit(tx, actor, grant, {
      action: "producer.update",
      entityType: "producer",
      entityId: id,
      stateLgdCode: values.stateLgdCode,
      districtLgdCode: values.districtLgdCode,
      before: pick(before, Object.keys(values)),
      after: values,
    });
  });
}

const pick = (row: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, row[k]]));

/** An officer verifies or rejects (with a reason the producer sees). Outside its district or State: 403, no change. */
export async function reviewProducer(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  version: number,
  decision: { decision: "verified" | "rejected" | "returned"; reason?: string },
  /** Where links in the owner's notification point; without it (the demo seed) no mail is sent. */
  mail?: { origin: string },
): Promise<void> {
  const actor = requireActor(actorOrNull);
  await db.transaction(async (tx) => {
    const before = await lockedProducer(tx, id);
    const grant = authorize(can(actor, "producer:review", before), "review this producer");
    if (before.version !== version)
      throw new AppError("conflict", "The profile changed since you opened it", { current: before.version });
    const after = { status: decision.decision, statusReason: nullable(decision.reason) };
    await tx
      .update(producers)
      .set({
        ...after,
        reviewedBy: actor.userId,
        reviewedAt: sql`now()`,
        version: sql`${producers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(producers.id, id));
    await recordAudit(tx, actor, grant, {
      action: `producer.${({ verified: "verify", rejected: "reject", returned: "return" } as const)[decision.decision]}`,
      entityType: "producer",
      entityId: id,
      stateLgdCode: before.stateLgdCode,
      districtLgdCode: before.districtLgdCode,
      before: { status: before.status, statusReason: before.statusReason },
      after,
    });
    const owner = await mailboxOf(tx, before.ownerUserId);
    if (owner && mail)
      await enqueueMail(
        tx,
        decisionMail(owner.lang, {
          to: owner.email,
          producer: before.name,
          decision: decision.decision,
          reason: after.statusReason,
          link: `${mail.origin}/producers/mine${owner.lang === "hi" ? "?lang=hi" : ""}`,
        }),
      );
  });
}

/**
 * One verified demo producer in each of these districts, owned by `ownerUserId`, for the benchmark generator of
 * listings: made in one statement, marked demo, never in the directory's open data. Returns district → producer id.
 */
export async function generateDemoProducers(
  tx: DbOrTx,
  ownerUserId: number,
  districts: { stateLgdCode: number; districtLgdCode: number; name: string }[],
): Promise<Map<number, number>> {
  if (districts.length === 0) return new Map();
  const rows = await tx
    .insert(producers)
    .values(
      districts.map((d) => ({
        ownerUserId,
        name: `Generated producer, ${d.name} (demo)`,
        kind: "msme" as const,
        stateLgdCode: d.stateLgdCode,
        districtLgdCode: d.districtLgdCode,
        description: "Generated for benchmarks. Not a real enterprise.",
        phone: "+91 00000 00000",
        email: `generated-${d.districtLgdCode}@${demoDomain}`,
        status: "verified" as const,
        isDemo: true,
      })),
    )
    .returning({ id: producers.id, district: producers.districtLgdCode });
  return new Map(rows.map((r) => [r.district, r.id]));
}
