import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { Actor } from "../policy";
import { actorOf } from "../queries/actor";
import { hashPassword, hashToken, needsRehash, newToken, verifyPassword } from "../secrets";
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
 * Attempts allowed per quarter hour. A failed sign-in counts three times: for the account from this address (5: a
 * guesser at one address), for the account from anywhere (50: many addresses guessing one password; high enough
 * that others cannot lock the owner out with a few tries) and for the address (30: one address trying many
 * accounts). Reset mails per account and sign-ups per address are counted the same way.
 */
export const throttle = {
  perAccountAndAddress: 5,
  perAccount: 50,
  perAddress: 30,
  resetsPerAccount: 3,
  signUpsPerAddress: 10,
  windowMinutes: 15,
} as const;

const window = sql`date_bin('15 minutes', now(), timestamptz '2000-01-01')`;

/**
 * Counts one more attempt under each key for this quarter hour and returns the new counts. Each count is one
 * statement (insert or increment, returning the result), so parallel requests each see their own number: the
 * decision cannot be raced, and the sixth of 25 simultaneous guesses is refused like the sixth of 25 sequential ones.
 */
export async function countAttempts(db: DbOrTx, keys: string[]): Promise<number[]> {
  const counts: number[] = [];
  for (const key of keys) {
    const result = (await db.execute(sql`
      insert into ${signInFailures} (key, window_start, failures) values (${key}, ${window}, 1)
      on conflict (key, window_start) do update set failures = ${signInFailures.failures} + 1
      returning failures`)) as unknown as { rows: { failures: number }[] };
    counts.push(Number(result.rows[0]?.failures ?? 0));
  }
  await db.delete(signInFailures).where(lt(signInFailures.windowStart, sql`now() - interval '1 hour'`));
  return counts;
}

/** Takes back one counted attempt (it succeeded, so it was no failure). */
async function forgive(db: DbOrTx, keys: string[]): Promise<void> {
  await db
    .update(signInFailures)
    .set({ failures: sql`greatest(${signInFailures.failures} - 1, 0)` })
    .where(and(inArray(signInFailures.key, keys), eq(signInFailures.windowStart, window)));
}

export const tooMany = () =>
  new AppError("too_many", "Too many attempts; try again later", { minutes: throttle.windowMinutes });

/**
 * Checks the password and, when it is right, starts a new session and ends the one the browser had (so a session
 * id planted before sign-in is worthless after it). Too many failures: 429 ('too_many'), decided before the password
 * is checked. A hash made with weaker parameters than today's is replaced by a new one while the password is at hand.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string },
  meta: RequestMeta & { previousToken?: string },
): Promise<{ token: string; userId: number }> {
  const email = input.email.toLowerCase();
  const address = meta.ip ?? "unknown";
  const keys = [`account:${email}|address:${address}`, `account:${email}`, `address:${address}`];
  const [pair = 0, account = 0, fromAddress = 0] = await countAttempts(db, keys);
  if (
    pair > throttle.perAccountAndAddress ||
    account > throttle.perAccount ||
    fromAddress > throttle.perAddress
  )
    throw tooMany();
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) throw new AppError("unauthorized", "Email or password is wrong");
  const upgraded = needsRehash(user.passwordHash as string) ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    await forgive(tx, keys);
    await endSession(tx, meta.previousToken);
    if (upgraded) await tx.update(users).set({ passwordHash: upgraded }).where(eq(users.id, user.id));
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
