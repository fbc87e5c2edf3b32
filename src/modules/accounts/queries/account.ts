import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { type Actor, authorize, can, placeScope } from "../policy";
import type { Role } from "../roles";
import { hashToken } from "../secrets";
import { grants, invitations, sessions, users } from "../tables";

/** The sessions a person has open, newest first, with the current one marked. */
export async function sessionsOf(db: DbOrTx, userId: number, currentToken?: string) {
  const current = currentToken ? hashToken(currentToken) : "";
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.createdAt));
  return rows.map(({ tokenHash, ...r }) => ({ ...r, current: tokenHash === current }));
}

/** What an invitation link offers, and whether its address already has an account (then no password is asked). */
export async function invitationByToken(db: DbOrTx, token: string) {
  const [inv] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      stateLgdCode: invitations.stateLgdCode,
      districtLgdCode: invitations.districtLgdCode,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    );
  if (!inv) return null;
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${inv.email.toLowerCase()}`);
  return { ...inv, hasAccount: existing !== undefined };
}

/** Invitations the person sent, newest first. */
export async function invitationsSentBy(db: DbOrTx, userId: number) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      stateLgdCode: invitations.stateLgdCode,
      districtLgdCode: invitations.districtLgdCode,
      country: invitations.country,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
    })
    .from(invitations)
    .where(eq(invitations.invitedBy, userId))
    .orderBy(desc(invitations.id))
    .limit(100);
}

/**
 * An invitation that can still be accepted, for the page that asks before withdrawing it: only for someone who may
 * withdraw it (the GET shows the invitee's address, so it is checked like the POST). Outside one's reach: 403.
 */
export async function openInvitation(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      stateLgdCode: invitations.stateLgdCode,
      districtLgdCode: invitations.districtLgdCode,
    })
    .from(invitations)
    .where(
      and(eq(invitations.id, id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)),
    );
  if (!row || (row.role !== "state_officer" && row.role !== "district_officer")) return null;
  authorize(can(actor, "invitation:create", { ...row, role: row.role }), "withdraw this invitation");
  return row;
}

const officerColumns = {
  grantId: grants.id,
  role: grants.role,
  stateLgdCode: grants.stateLgdCode,
  districtLgdCode: grants.districtLgdCode,
  country: grants.country,
  createdAt: grants.createdAt,
  name: users.name,
  email: users.email,
};

/** Live officer grants within a person's reach, in SQL: every State and district officer for the administrator,
 * the district officers of its State for a State officer. */
function officersWhere(actor: Actor) {
  const scope = placeScope(actor, ["national_admin", "state_officer"]);
  const roles: Role[] = scope.all
    ? ["state_officer", "district_officer", "mission_officer"]
    : ["district_officer"];
  return and(
    isNull(grants.revokedAt),
    inArray(grants.role, roles),
    scope.all ? undefined : inArray(grants.stateLgdCode, scope.states.length ? scope.states : [-1]),
  );
}

export const officersPageSize = 100;

/** The officers a person manages, a page at a time, by State, district and name. */
export async function officersInScope(db: DbOrTx, actor: Actor, page = 1) {
  const where = officersWhere(actor);
  const [rows, [count]] = await Promise.all([
    db
      .select(officerColumns)
      .from(grants)
      .innerJoin(users, eq(users.id, grants.userId))
      .where(where)
      .orderBy(asc(grants.stateLgdCode), asc(grants.districtLgdCode), asc(users.name))
      .limit(officersPageSize)
      .offset((page - 1) * officersPageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(grants).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** One officer grant, if it is within the person's reach. */
export async function officerInScope(db: DbOrTx, actor: Actor, grantId: number) {
  const [row] = await db
    .select(officerColumns)
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(officersWhere(actor), eq(grants.id, grantId)));
  return row ?? null;
}

/** Who a person is, as an officer reviewing what they submitted sees it: name, address, whether confirmed, since when. */
export async function accountSummary(db: DbOrTx, userId: number) {
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Where to write to a person, and in which language: for other modules' notifications. */
export async function mailboxOf(db: DbOrTx, userId: number) {
  const [row] = await db
    .select({ email: users.email, lang: users.lang })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** The mailboxes of several people at once (a notice to many: one query, not one per person). */
export async function mailboxesOf(db: DbOrTx, userIds: readonly number[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: users.id, email: users.email, lang: users.lang, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set(userIds)]));
}

/**
 * The mailboxes of the officers who hold `role` for a place (its district's officers, its State's officers, or the
 * national administrators), each with its language: whom a workflow tells that it is their move.
 */
export async function officersFor(
  db: DbOrTx,
  role: "district_officer" | "state_officer" | "national_admin",
  place: { stateLgdCode: number; districtLgdCode: number | null },
) {
  return db
    .selectDistinct({ email: users.email, lang: users.lang })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(
      and(
        eq(grants.role, role),
        isNull(grants.revokedAt),
        role === "district_officer"
          ? eq(grants.districtLgdCode, place.districtLgdCode ?? -1)
          : role === "state_officer"
            ? eq(grants.stateLgdCode, place.stateLgdCode)
            : undefined,
      ),
    )
    .orderBy(users.email);
}
