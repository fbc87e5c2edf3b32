import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";
import { AppError, isUniqueViolation } from "../../../platform/errors";
import type { FileStore } from "../../../platform/file-store";
import { enqueueMail } from "../../../platform/outbox";
import { checkEvidenceUpload } from "../../../platform/upload-check";
import { nextState } from "../../../platform/workflow";
import { type Actor, authorize, officersFor, recordAudit, requireVerifiedActor } from "../../accounts";
import { getDistricts } from "../../geo";
import { type BottleneckStep, bottleneckFlow, type Severity } from "../bottleneck-flow";
import { type BottleneckMailKind, bottleneckMail } from "../mail";
import { can, canBottleneck } from "../policy";
import { bottleneckCategories, bottleneckEvents, bottleneckEvidence, bottlenecks } from "../tables";
import { lockedCurrent, planAudit, planChanged } from "./plan-content";
import type { MailContext } from "./plans";

type Bottleneck = typeof bottlenecks.$inferSelect;

const audit = (b: Pick<Bottleneck, "stateLgdCode" | "districtLgdCode">) => ({
  ...planAudit(b),
  entityType: "bottleneck",
});

/** Records a bottleneck of a current plan: its district's officer writes it, open with the district. Audited. */
export async function createBottleneck(
  db: Db,
  actorOrNull: Actor | null,
  planId: number,
  input: { category: string; description: string; severity: Severity; ownerAgency: string; dueDate: string },
  opts: { isDemo?: boolean } = {},
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  return db.transaction(async (tx) => {
    const p = await lockedCurrent(tx, planId);
    const grant = authorize(can(actor, "plan:write", p), "write this district's plan");
    const [category] = await tx
      .select()
      .from(bottleneckCategories)
      .where(eq(bottleneckCategories.code, input.category));
    if (!category) throw new AppError("bad_request", "No such category", { field: "category" });
    const [row] = await tx
      .insert(bottlenecks)
      .values({
        planId,
        stateLgdCode: p.stateLgdCode,
        districtLgdCode: p.districtLgdCode,
        ...input,
        status: nextState(bottleneckFlow, "create", "new"),
        isDemo: opts.isDemo ?? p.isDemo,
      })
      .returning({ id: bottlenecks.id });
    const id = (row as { id: number }).id;
    await tx
      .insert(bottleneckEvents)
      .values({ bottleneckId: id, kind: "created", byUserId: actor.userId, byName: actor.name });
    await planChanged(tx, planId);
    await recordAudit(tx, actor, grant, {
      action: "bottleneck.create",
      entityId: id,
      ...audit(p),
      after: { planId, ...input },
    });
    return id;
  });
}

/** The bottleneck, locked, at the version it was opened at (409 when stale). */
async function locked(tx: Tx, id: number, version: number | null) {
  const [b] = await tx.select().from(bottlenecks).where(eq(bottlenecks.id, id)).for("update");
  if (!b) throw new AppError("not_found", "No such bottleneck");
  if (version !== null && b.version !== version)
    throw new AppError("conflict", "The bottleneck changed since you opened it", { current: b.version });
  return b;
}

/** Who may write updates and evidence: the district's, its State's and the national officers (the plan's readers). */
function reader(actor: Actor, b: Bottleneck) {
  return authorize(can(actor, "plan:read", b), "work on this bottleneck");
}

/** A dated update on the bottleneck's timeline, by one of its officers. Audited, 409 when stale or resolved. */
export async function noteBottleneck(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { version: number; body: string },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const b = await locked(tx, id, input.version);
    const grant = reader(actor, b);
    if (b.status === "resolved")
      throw new AppError("conflict", "The bottleneck is resolved", { state: b.status });
    await tx.insert(bottleneckEvents).values({
      bottleneckId: id,
      kind: "note",
      body: input.body,
      byUserId: actor.userId,
      byName: actor.name,
    });
    await tx
      .update(bottlenecks)
      .set({ version: sql`${bottlenecks.version} + 1`, updatedAt: sql`now()` })
      .where(eq(bottlenecks.id, id));
    await planChanged(tx, b.planId);
    await recordAudit(tx, actor, grant, { action: "bottleneck.note", entityId: id, ...audit(b) });
  });
}

const mailOf: Partial<
  Record<BottleneckStep, { kind: BottleneckMailKind; to: "district" | "state" | "nation" }>
> = {
  sendBack: { kind: "sentBack", to: "district" },
  raise: { kind: "raised", to: "nation" },
  returnToState: { kind: "returned", to: "state" },
  resolveAtState: { kind: "resolved", to: "district" },
  resolveAtNation: { kind: "resolved", to: "district" },
};

/** Tells the officers whose move it now is (or the district, of a resolution), each in their language. */
export async function tellOfBottlenecks(
  tx: Tx,
  kind: BottleneckMailKind,
  to: "district" | "state" | "nation",
  place: { stateLgdCode: number; districtLgdCode: number | null },
  items: Pick<Bottleneck, "id" | "districtLgdCode" | "description" | "dueDate">[],
  mail: MailContext,
  note?: string,
): Promise<void> {
  const role = to === "district" ? "district_officer" : to === "state" ? "state_officer" : "national_admin";
  const people = await officersFor(tx, role, place);
  if (!people.length) return;
  // One query for the districts named, however many items the pass moved.
  const names = new Map(
    (await getDistricts(tx, [...new Set(items.map((b) => b.districtLgdCode))])).map((d) => [
      d.lgdCode,
      { en: d.nameEn, hi: d.nameHi ?? d.nameEn },
    ]),
  );
  const listed = items.map((b) => ({
    id: b.id,
    district: names.get(b.districtLgdCode) ?? { en: "", hi: "" },
    description: b.description,
    dueDate: b.dueDate,
  }));
  for (const person of people)
    await enqueueMail(
      tx,
      bottleneckMail(person.lang, kind, { to: person.email, items: listed, note, origin: mail.origin }),
    );
}

/**
 * A step of a bottleneck by the officer whose move it is: the district resolves; the State resolves, sends back with a
 * new due date, or raises to the nation; the nation resolves or returns to the State. One transaction with its
 * timeline entry, audit row and mail; 409 when stale or out of turn, 403 for anyone else.
 */
export async function moveBottleneck(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { version: number; step: BottleneckStep; note?: string; dueDate?: string },
  opts: { mail?: MailContext } = {},
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const b = await locked(tx, id, input.version);
    const step = bottleneckFlow[input.step];
    const grant = authorize(canBottleneck(actor, step.by, b), "take this step");
    const to = nextState(bottleneckFlow, input.step, b.status);
    const [after] = await tx
      .update(bottlenecks)
      .set({
        status: to,
        ...(to === "at_state" || to === "at_nation" ? { escalatedAt: sql`now()` } : {}),
        ...(to === "resolved" ? { resolvedAt: sql`now()` } : {}),
        // Sent back with a new date: it escalates again only past that date, and is reminded again before it.
        ...(input.step === "sendBack" ? { dueDate: input.dueDate, escalatedAt: null, remindedAt: null } : {}),
        version: sql`${bottlenecks.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(bottlenecks.id, id))
      .returning();
    await tx.insert(bottleneckEvents).values({
      bottleneckId: id,
      kind: input.step,
      body: [input.note, input.dueDate && input.step === "sendBack" ? `→ ${input.dueDate}` : ""]
        .filter(Boolean)
        .join(" "),
      byUserId: actor.userId,
      byName: actor.name,
    });
    await planChanged(tx, b.planId);
    await recordAudit(tx, actor, grant, {
      action: `bottleneck.${input.step}`,
      entityId: id,
      ...audit(b),
      before: { status: b.status, dueDate: b.dueDate },
      after: { status: to, ...(input.dueDate ? { dueDate: input.dueDate } : {}), note: input.note },
    });
    const tell = mailOf[input.step];
    if (tell && opts.mail && after)
      await tellOfBottlenecks(tx, tell.kind, tell.to, b, [after], opts.mail, input.note);
  });
}

/**
 * Keeps a document or photo as evidence of a bottleneck: checked by content and size before anything is stored
 * (`UploadRefused` otherwise), its bytes in the file store, its record and audit row in one transaction.
 */
export async function addEvidence(
  db: Db,
  store: FileStore,
  actorOrNull: Actor | null,
  id: number,
  file: { name: string; bytes: Buffer },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const [b0] = await db.select().from(bottlenecks).where(eq(bottlenecks.id, id));
  if (!b0) throw new AppError("not_found", "No such bottleneck");
  reader(actor, b0);
  const { contentType } = await checkEvidenceUpload(file.name, file.bytes);
  // Stored before the record: a crash between leaves an orphan file, never a record without its bytes.
  const storageKey = await store.put(`evidence/${id}`, file.bytes);
  await db.transaction(async (tx) => {
    const b = await locked(tx, id, null);
    const grant = reader(actor, b);
    const fileName = file.name.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(0, 120);
    await tx.insert(bottleneckEvidence).values({
      bottleneckId: id,
      fileName,
      contentType,
      bytes: file.bytes.length,
      storageKey,
      uploadedBy: actor.userId,
    });
    await tx.insert(bottleneckEvents).values({
      bottleneckId: id,
      kind: "evidence",
      body: fileName,
      byUserId: actor.userId,
      byName: actor.name,
    });
    await recordAudit(tx, actor, grant, {
      action: "bottleneck.evidence",
      entityId: id,
      ...audit(b),
      after: { fileName, contentType, bytes: file.bytes.length },
    });
  });
}

/** The administrator adds a category of bottleneck (409 when the code is taken). Audited. */
export async function addCategory(
  db: Db,
  actorOrNull: Actor | null,
  input: { code: string; nameEn: string; nameHi: string },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const grant = authorize(
    actor.grants.find((g) => g.role === "national_admin"),
    "add a category of bottleneck",
  );
  await db
    .transaction(async (tx) => {
      const [{ n } = { n: 0 }] = await tx
        .select({ n: sql<number>`coalesce(max(${bottleneckCategories.position}), 0)::int` })
        .from(bottleneckCategories);
      await tx.insert(bottleneckCategories).values({ ...input, position: n + 1 });
      await recordAudit(tx, actor, grant, {
        action: "bottleneck.category",
        entityType: "bottleneck_category",
        entityId: input.code,
        after: input,
      });
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw new AppError("conflict", "The code is taken", { field: "code" });
      throw err;
    });
}
