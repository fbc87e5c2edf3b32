import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { Actor } from "../../accounts";
import type { CommitteeKind } from "../kinds";
import { can } from "../policy";
import { committeeMembers, committees } from "../tables";

/** The committee of a place: a district's DEPC or a State's SEPC, or null. */
export async function committeeOf(
  db: DbOrTx,
  place: { kind: CommitteeKind; stateLgdCode?: number; districtLgdCode?: number },
) {
  const [row] = await db
    .select()
    .from(committees)
    .where(
      place.kind === "depc"
        ? and(eq(committees.kind, "depc"), eq(committees.districtLgdCode, place.districtLgdCode ?? -1))
        : and(eq(committees.kind, "sepc"), eq(committees.stateLgdCode, place.stateLgdCode ?? -1)),
    );
  return row ?? null;
}

/** A committee the actor keeps (404 if none, 403 outside its reach): for the pages that change it. */
export async function committeeForActor(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await db.select().from(committees).where(eq(committees.id, id));
  if (!row) throw new AppError("not_found", "No such committee");
  if (!can(actor, "committee:manage", row))
    throw new AppError("forbidden", "Not allowed: keep this committee");
  return row;
}

/** Current members, chair first, then by role and start; and past members, the latest to leave first. */
export async function membersOf(db: DbOrTx, committeeId: number) {
  const roleOrder = sql`array_position(array['chair','co_chair','convener','co_convener','member','special_invitee'], ${committeeMembers.role})`;
  const [current, past] = await Promise.all([
    db
      .select()
      .from(committeeMembers)
      .where(and(eq(committeeMembers.committeeId, committeeId), isNull(committeeMembers.toDate)))
      .orderBy(roleOrder, asc(committeeMembers.fromDate), asc(committeeMembers.id)),
    db
      .select()
      .from(committeeMembers)
      .where(and(eq(committeeMembers.committeeId, committeeId), isNotNull(committeeMembers.toDate)))
      .orderBy(desc(committeeMembers.toDate), asc(committeeMembers.id)),
  ]);
  return { current, past };
}

export type MemberRow = Awaited<ReturnType<typeof membersOf>>["current"][number];

/** One member, for its edit and end pages. */
export async function memberById(db: DbOrTx, id: number) {
  const [row] = await db.select().from(committeeMembers).where(eq(committeeMembers.id, id));
  if (!row) throw new AppError("not_found", "No such member");
  return row;
}

/** The accounts of the current members of a district's DEPC: who may comment on its export plan, and is told of it. */
export async function depcMemberAccounts(db: DbOrTx, districtLgdCode: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ userId: committeeMembers.userId })
    .from(committeeMembers)
    .innerJoin(committees, eq(committees.id, committeeMembers.committeeId))
    .where(
      and(
        eq(committees.kind, "depc"),
        eq(committees.districtLgdCode, districtLgdCode),
        isNull(committeeMembers.toDate),
        isNotNull(committeeMembers.userId),
      ),
    );
  return rows.map((r) => r.userId as number);
}
