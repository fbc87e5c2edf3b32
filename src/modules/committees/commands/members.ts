import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, authorize, recordAudit, requireActor, userIdByEmail } from "../../accounts";
import { getDistrict, getState } from "../../geo";
import { type CommitteeKind, usualComposition } from "../kinds";
import { type CommitteeRef, can } from "../policy";
import { committeeMembers, committees } from "../tables";

type MemberFields = {
  personName?: string;
  email?: string;
  role: (typeof committeeMembers.$inferInsert)["role"];
  designation: string;
  organisation?: string;
  fromDate: string;
};

const blankToNull = (v: string | undefined) => (v === undefined || v === "" ? null : v);

/** The account a member is linked to by its address, or null without one; an address with no account is a 400. */
async function accountOf(tx: DbOrTx, email: string | undefined): Promise<number | null> {
  if (!email) return null;
  const id = await userIdByEmail(tx, email);
  if (!id) throw new AppError("bad_request", "No account has this address", { field: "email" });
  return id;
}

/**
 * Records a district's DEPC or a State's SEPC. The district's State is looked up, never taken from the form. One per
 * place: a second is a 409 that names the first. Audited.
 */
export async function createCommittee(
  db: Db,
  actorOrNull: Actor | null,
  input: {
    kind: CommitteeKind;
    stateLgdCode?: number;
    districtLgdCode?: number;
    nameEn: string;
    nameHi: string;
  },
  opts: { isDemo?: boolean } = {},
): Promise<number> {
  const actor = requireActor(actorOrNull);
  const district = input.kind === "depc" ? await getDistrict(db, input.districtLgdCode as number) : null;
  const state = await getState(db, district?.stateLgdCode ?? (input.stateLgdCode as number));
  if ((input.kind === "depc" && !district) || !state)
    throw new AppError("bad_request", "No such place", {
      field: input.kind === "depc" ? "districtLgdCode" : "stateLgdCode",
    });
  const ref: CommitteeRef = {
    kind: input.kind,
    stateLgdCode: state.lgdCode,
    districtLgdCode: district?.lgdCode ?? null,
  };
  const grant = authorize(can(actor, "committee:manage", ref), "record this committee");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(committees)
      .values({ ...ref, nameEn: input.nameEn, nameHi: input.nameHi, isDemo: opts.isDemo ?? false })
      .onConflictDoNothing()
      .returning({ id: committees.id });
    if (!row) throw new AppError("conflict", "This place has its committee already", { field: "kind" });
    await recordAudit(tx, actor, grant, {
      action: "committee.create",
      entityType: "committee",
      entityId: row.id,
      stateLgdCode: ref.stateLgdCode,
      districtLgdCode: ref.districtLgdCode,
      after: { kind: ref.kind, nameEn: input.nameEn, nameHi: input.nameHi },
    });
    return row.id;
  });
}

/** The committee, locked, and the grant that lets the actor keep it (403 otherwise). */
async function lockCommittee(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], actor: Actor, id: number) {
  const [c] = await tx.select().from(committees).where(eq(committees.id, id)).for("update");
  if (!c) throw new AppError("not_found", "No such committee");
  return {
    committee: c,
    grant: authorize(can(actor, "committee:manage", c), "keep this committee's members"),
  };
}

/** Adds a member (or a vacant seat, without a name). Audited. */
export async function addMember(
  db: Db,
  actorOrNull: Actor | null,
  committeeId: number,
  input: MemberFields,
): Promise<number> {
  const actor = requireActor(actorOrNull);
  return db.transaction(async (tx) => {
    const { committee, grant } = await lockCommittee(tx, actor, committeeId);
    const values = {
      committeeId,
      userId: await accountOf(tx, input.email),
      personName: blankToNull(input.personName),
      role: input.role,
      designation: input.designation,
      organisation: blankToNull(input.organisation),
      fromDate: input.fromDate,
    };
    const [row] = await tx.insert(committeeMembers).values(values).returning({ id: committeeMembers.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, actor, grant, {
      action: "committee.member_add",
      entityType: "committee_member",
      entityId: id,
      stateLgdCode: committee.stateLgdCode,
      districtLgdCode: committee.districtLgdCode,
      after: values,
    });
    return id;
  });
}

/**
 * Offers the usual composition as vacant seats, for a committee that has no member yet (a second time would double
 * the seats: 409). The convener then names the people, changes designations or ends the seats that do not apply.
 */
export async function addUsualComposition(
  db: Db,
  actorOrNull: Actor | null,
  committeeId: number,
  input: { fromDate: string; lang: "en" | "hi" },
): Promise<number> {
  const actor = requireActor(actorOrNull);
  return db.transaction(async (tx) => {
    const { committee, grant } = await lockCommittee(tx, actor, committeeId);
    const [has] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(committeeMembers)
      .where(eq(committeeMembers.committeeId, committeeId));
    if ((has?.n ?? 0) > 0) throw new AppError("conflict", "This committee has members already");
    const seats = usualComposition[committee.kind].map((s) => ({
      committeeId,
      role: s.role,
      designation: s.designation[input.lang],
      fromDate: input.fromDate,
    }));
    await tx.insert(committeeMembers).values(seats);
    await recordAudit(tx, actor, grant, {
      action: "committee.composition_add",
      entityType: "committee",
      entityId: committeeId,
      stateLgdCode: committee.stateLgdCode,
      districtLgdCode: committee.districtLgdCode,
      after: { seats: seats.length },
    });
    return seats.length;
  });
}

/** Locks a member of a committee the actor keeps, checking the version it was edited from (409 when stale). */
async function lockMember(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  actor: Actor,
  memberId: number,
  version: number,
) {
  const [m] = await tx.select().from(committeeMembers).where(eq(committeeMembers.id, memberId)).for("update");
  if (!m) throw new AppError("not_found", "No such member");
  const { committee, grant } = await lockCommittee(tx, actor, m.committeeId);
  if (m.version !== version)
    throw new AppError("conflict", "The member changed since you opened it", { current: m.version });
  return { member: m, committee, grant };
}

/** Changes a member's name, role, designation or organisation (naming a vacant seat, say). Audited, 409 when stale. */
export async function updateMember(
  db: Db,
  actorOrNull: Actor | null,
  memberId: number,
  version: number,
  input: MemberFields,
): Promise<void> {
  const actor = requireActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { member, committee, grant } = await lockMember(tx, actor, memberId, version);
    const after = {
      userId: await accountOf(tx, input.email),
      personName: blankToNull(input.personName),
      role: input.role,
      designation: input.designation,
      organisation: blankToNull(input.organisation),
      fromDate: input.fromDate,
    };
    await tx
      .update(committeeMembers)
      .set({ ...after, version: sql`${committeeMembers.version} + 1` })
      .where(eq(committeeMembers.id, memberId));
    await recordAudit(tx, actor, grant, {
      action: "committee.member_update",
      entityType: "committee_member",
      entityId: memberId,
      stateLgdCode: committee.stateLgdCode,
      districtLgdCode: committee.districtLgdCode,
      before: {
        userId: member.userId,
        personName: member.personName,
        role: member.role,
        designation: member.designation,
        organisation: member.organisation,
        fromDate: member.fromDate,
      },
      after,
    });
  });
}

/**
 * Ends a membership on a date (history is kept: nobody is deleted). The date cannot be before the member joined.
 * Audited, 409 when stale.
 */
export async function endMember(
  db: Db,
  actorOrNull: Actor | null,
  memberId: number,
  input: { toDate: string; version: number },
): Promise<void> {
  const actor = requireActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { member, committee, grant } = await lockMember(tx, actor, memberId, input.version);
    if (member.toDate) throw new AppError("conflict", "This membership has ended already");
    if (input.toDate < member.fromDate)
      throw new AppError("bad_request", "The end is before the start", { field: "toDate" });
    await tx
      .update(committeeMembers)
      .set({ toDate: input.toDate, version: sql`${committeeMembers.version} + 1` })
      .where(and(eq(committeeMembers.id, memberId), isNull(committeeMembers.toDate)));
    await recordAudit(tx, actor, grant, {
      action: "committee.member_end",
      entityType: "committee_member",
      entityId: memberId,
      stateLgdCode: committee.stateLgdCode,
      districtLgdCode: committee.districtLgdCode,
      before: { toDate: null },
      after: { toDate: input.toDate },
    });
  });
}
