import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { hashToken } from "../secrets";
import { invitations, sessions, users } from "../tables";

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
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
    })
    .from(invitations)
    .where(eq(invitations.invitedBy, userId))
    .orderBy(desc(invitations.id))
    .limit(100);
}
