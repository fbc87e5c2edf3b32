import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import type { Actor } from "../policy";
import { hashToken } from "../secrets";
import { grants, sessions, users } from "../tables";

type Meta = { requestId: string | null; ip: string | null };

/** A user with their live grants, as the services see them. */
export async function actorOf(db: DbOrTx, userId: number, meta: Meta): Promise<Actor | null> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isDemo: users.isDemo,
      verifiedAt: users.emailVerifiedAt,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const held = await db
    .select({
      id: grants.id,
      role: grants.role,
      stateLgdCode: grants.stateLgdCode,
      districtLgdCode: grants.districtLgdCode,
      country: grants.country,
    })
    .from(grants)
    .where(and(eq(grants.userId, userId), isNull(grants.revokedAt)))
    .orderBy(grants.id);
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isDemo: user.isDemo,
    emailVerified: user.verifiedAt !== null,
    grants: held,
    timeZone: user.timeZone,
    requestId: meta.requestId,
    ip: meta.ip,
  };
}

/** The actor behind a session cookie, or null when the token is unknown or expired. */
export async function actorForSession(
  db: DbOrTx,
  token: string | undefined,
  meta: Meta,
): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, sql`now()`)));
  return row ? actorOf(db, row.userId, meta) : null;
}
