import { and, eq, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { Actor } from "../policy";
import { actorOf } from "../queries/actor";
import { hashToken, newToken, verifyPassword } from "../secrets";
import { sessions, signInFailures, users } from "../tables";
import { recordAudit } from "./audit";

/** Where a request came from, for sessions, throttling and the audit log. */
export type RequestMeta = { requestId: string | null; ip: string | null; userAgent: string | null };

export const sessionDays = 14;

/** A new session for a user: a fresh random token (never one the browser offered), stored only as its hash. */
export async function createSession(db: DbOrTx, userId: number, meta: RequestMeta): Promise<string> {
  const { token, hash } = newToken();
  // The person's expired sessions go now: cheap (by user), and no sweeper is needed.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
  await db.insert(sessions).values({
    tokenHash: hash,
    userId,
    expiresAt: sql`now() + make_interval(days => ${sessionDays})`,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** Signs out: ends this browser's session, recorded in the audit log. */
export async function signOut(db: Db, actor: Actor | null, token: string | undefined): Promise<void> {
  await db.transaction(async (tx) => {
    await endSession(tx, token);
    if (actor)
      await recordAudit(tx, actor, null, {
        action: "session.sign_out",
        entityType: "user",
        entityId: actor.userId,
      });
  });
}

/** Ends one session (the browser's own, e.g. the one it had before signing in again). */
export async function endSession(db: DbOrTx, token: string | undefined): Promise<void> {
  if (token) await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/**
 * Attempts allowed per quarter hour: failed sign-ins per account (guessing one password) and per address (trying
 * many), and reset mails per account (so the form cannot flood someone's inbox).
 */
export const throttle = { perAccount: 5, perAddress: 30, resetsPerAccount: 3, windowMinutes: 15 } as const;

const window = sql`date_bin('15 minutes', now(), timestamptz '2000-01-01')`;

export async function failuresOf(db: DbOrTx, keys: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ key: signInFailures.key, failures: signInFailures.failures })
    .from(signInFailures)
    .where(and(sql`${signInFailures.key} in ${keys}`, eq(signInFailures.windowStart, window)));
  return new Map(rows.map((r) => [r.key, r.failures]));
}

export async function countFailure(db: DbOrTx, keys: string[]): Promise<void> {
  for (const key of keys)
    await db.execute(sql`
      insert into ${signInFailures} (key, window_start, failures) values (${key}, ${window}, 1)
      on conflict (key, window_start) do update set failures = ${signInFailures.failures} + 1`);
  await db.delete(signInFailures).where(lt(signInFailures.windowStart, sql`now() - interval '1 hour'`));
}

/**
 * Checks the password and, when it is right, starts a new session and ends the one the browser had (so a session
 * id planted before sign-in is worthless after it). Too many failures: 429 ('throttled'), checked before the password.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string },
  meta: RequestMeta & { previousToken?: string },
): Promise<{ token: string; userId: number }> {
  const keys = [`account:${input.email.toLowerCase()}`, `address:${meta.ip ?? "unknown"}`];
  const failures = await failuresOf(db, keys);
  if (
    (failures.get(keys[0] as string) ?? 0) >= throttle.perAccount ||
    (failures.get(keys[1] as string) ?? 0) >= throttle.perAddress
  )
    throw new AppError("too_many", "Too many failed sign-ins; try again later", {
      minutes: throttle.windowMinutes,
    });
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) {
    await countFailure(db, keys);
    throw new AppError("unauthorized", "Email or password is wrong");
  }
  return db.transaction(async (tx) => {
    await endSession(tx, meta.previousToken);
    await tx.delete(signInFailures).where(eq(signInFailures.key, keys[0] as string));
    const token = await createSession(tx, user.id, meta);
    const actor = await actorOf(tx, user.id, meta);
    await recordAudit(tx, actor, null, { action: "session.sign_in", entityType: "user", entityId: user.id });
    return { token, userId: user.id };
  });
}

/** Ends every session of the user: "sign out everywhere", and after a password change. */
export async function endAllSessions(db: DbOrTx, userId: number): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ t: sessions.tokenHash });
  return ended.length;
}
