import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError, isUniqueViolation } from "../../../platform/errors";
import { enqueueMail } from "../../../platform/outbox";
import { accountMail } from "../mail";
import type { Actor } from "../policy";
import { actorOf } from "../queries/actor";
import { hashPassword, hashToken, newToken, verifyPassword } from "../secrets";
import { sessions, users, userTokens } from "../tables";
import { recordAudit } from "./audit";
import {
  countFailure,
  createSession,
  endAllSessions,
  endSession,
  failuresOf,
  type RequestMeta,
  throttle,
} from "./sessions";

/** Links in mail point here (scheme and host of the platform, e.g. https://odop.gov.in). */
export type MailContext = { origin: string };

/** Makes an account, signs it in and sends the address-verification link. An address already in use is a 409. */
export async function signUp(
  db: Db,
  input: { name: string; email: string; password: string; lang: "en" | "hi" },
  meta: RequestMeta & MailContext & { previousToken?: string },
): Promise<{ userId: number; token: string }> {
  const passwordHash = await hashPassword(input.password);
  const taken = () =>
    new AppError("conflict", "An account with this email already exists", { field: "email" });
  // Two sign-ups for one address at the same moment: the unique index stops the second, which gets the same 409.
  return db.transaction(async (tx) => {
    if (await userIdByEmail(tx, input.email)) throw taken();
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, lang: input.lang })
      .returning({ id: users.id })
      .catch((err) => {
        throw isUniqueViolation(err) ? taken() : err;
      });
    const userId = (user as { id: number }).id;
    const actor = (await actorOf(tx, userId, meta)) as Actor;
    await recordAudit(tx, actor, null, {
      action: "user.sign_up",
      entityType: "user",
      entityId: userId,
      after: { email: input.email, name: input.name, lang: input.lang },
    });
    await sendVerification(tx, userId, input.email, input.lang, meta.origin);
    const { token } = await signInFresh(tx, userId, meta);
    return { userId, token };
  });
}

async function signInFresh(tx: DbOrTx, userId: number, meta: RequestMeta & { previousToken?: string }) {
  await endSession(tx, meta.previousToken);
  return { token: await createSession(tx, userId, meta) };
}

export async function userIdByEmail(db: DbOrTx, email: string): Promise<number | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row?.id ?? null;
}

async function issueToken(tx: DbOrTx, userId: number, purpose: "reset" | "verify", hours: number) {
  const { token, hash } = newToken();
  await tx
    .insert(userTokens)
    .values({ tokenHash: hash, userId, purpose, expiresAt: sql`now() + make_interval(hours => ${hours})` });
  return token;
}

async function sendVerification(
  tx: DbOrTx,
  userId: number,
  email: string,
  lang: "en" | "hi",
  origin: string,
) {
  const token = await issueToken(tx, userId, "verify", 48);
  await enqueueMail(
    tx,
    accountMail.verify(lang, { to: email, link: `${origin}/verify-email?token=${token}` }),
  );
}

/**
 * Sends a reset link when the address has an account; says nothing either way, so the form cannot be used to learn
 * who has one. The link works once, for an hour.
 */
export async function requestPasswordReset(db: Db, email: string, ctx: MailContext): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, lang: users.lang })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    if (!user) return;
    const key = `reset:${user.id}`;
    if (((await failuresOf(tx, [key])).get(key) ?? 0) >= throttle.resetsPerAccount) return;
    await countFailure(tx, [key]);
    const token = await issueToken(tx, user.id, "reset", 1);
    await enqueueMail(
      tx,
      accountMail.reset(user.lang, { to: user.email, link: `${ctx.origin}/reset-password?token=${token}` }),
    );
  });
}

/** Spends a single-use token of this purpose; an unknown, used or expired one is a 400 that changes nothing. */
async function spendToken(tx: DbOrTx, token: string, purpose: "reset" | "verify"): Promise<number> {
  const [row] = await tx
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: userTokens.userId });
  if (!row) throw new AppError("bad_request", "This link is invalid, used or expired", { field: "token" });
  return row.userId;
}

/** Sets a new password from a reset link, ends every session of the account (whoever held one), and marks the
 * address verified (the link proved it). */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const userId = await spendToken(tx, input.token, "reset");
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId));
    const ended = await endAllSessions(tx, userId);
    const actor = await actorOf(tx, userId, meta);
    await recordAudit(tx, actor, null, {
      action: "user.password_reset",
      entityType: "user",
      entityId: userId,
      after: { sessionsEnded: ended },
    });
  });
}

export async function verifyEmail(db: Db, token: string, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    const userId = await spendToken(tx, token, "verify");
    await tx.update(users).set({ emailVerifiedAt: sql`now()` }).where(eq(users.id, userId));
    const actor = await actorOf(tx, userId, meta);
    await recordAudit(tx, actor, null, {
      action: "user.email_verified",
      entityType: "user",
      entityId: userId,
    });
  });
}

/** "Sign out everywhere": every session of the actor ends, this one included. */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await endAllSessions(tx, actor.userId);
    await recordAudit(tx, actor, null, {
      action: "session.sign_out_everywhere",
      entityType: "user",
      entityId: actor.userId,
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}

/** Makes a token for an account without a password (an administrator made by the CLI) to choose one. */
export async function issuePasswordLink(tx: DbOrTx, userId: number, origin: string, hours = 72) {
  return `${origin}/reset-password?token=${await issueToken(tx, userId, "reset", hours)}`;
}

/**
 * A signed-in person changes the password: the current one first (a wrong one counts towards the sign-in
 * throttle), then every other session ends; this one stays.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { current: string; password: string },
  currentToken: string | undefined,
): Promise<void> {
  const key = `account:${actor.email.toLowerCase()}`;
  if (((await failuresOf(db, [key])).get(key) ?? 0) >= throttle.perAccount)
    throw new AppError("too_many", "Too many failed attempts; try again later");
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user?.hash ?? null, input.current))) {
    await countFailure(db, [key]);
    throw new AppError("bad_request", "The current password is wrong", { field: "current" });
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    const others = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.userId), ne(sessions.tokenHash, hashToken(currentToken ?? ""))))
      .returning({ t: sessions.tokenHash });
    await recordAudit(tx, actor, null, {
      action: "user.password_change",
      entityType: "user",
      entityId: actor.userId,
      after: { otherSessionsEnded: others.length },
    });
  });
}
