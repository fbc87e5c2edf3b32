import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { enqueueMail } from "../../../platform/outbox";
import { accountMail } from "../mail";
import type { Actor } from "../policy";
import { actorOf } from "../queries/actor";
import { hashPassword, hashToken, newToken, verifyPassword } from "../secrets";
import { sessions, users, userTokens } from "../tables";
import { recordAudit } from "./audit";
import {
  countAttempts,
  createSession,
  endAllSessions,
  endSession,
  type RequestMeta,
  throttle,
  tooMany,
} from "./sessions";

/** Links in mail point here (scheme and host of the platform, e.g. https://odop.gov.in). */
export type MailContext = { origin: string };

/**
 * Sign-up answers the same whether or not the address already has an account, as the reset form does, so that it
 * cannot be used to learn who is registered: a new address gets an account (not signed in yet) and a link that
 * confirms the address and signs in; an address that has an account gets a note saying so, with the way to sign in or
 * choose a new password. The password is hashed either way, so the time taken tells nothing either. Sign-ups per
 * address are throttled (429). Returns the new account's id, or null when none was made.
 */
export async function signUp(
  db: Db,
  input: { name: string; email: string; password: string; lang: "en" | "hi"; next?: string },
  meta: RequestMeta & MailContext,
): Promise<{ userId: number | null }> {
  // Counted per network address; a call without one (in-process, not over the network) has nothing to count by.
  if (meta.ip && meta.ip !== "unknown") {
    const [fromAddress = 0] = await countAttempts(db, [`signup:${meta.ip}`]);
    if (fromAddress > throttle.signUpsPerAddress) throw tooMany();
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await userIdByEmail(tx, input.email);
    if (existing) {
      await tellAccountExists(tx, existing, meta.origin);
      return { userId: null };
    }
    // Two sign-ups for one address at the same moment: the unique index keeps the first; the second makes nothing.
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, lang: input.lang })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return { userId: null };
    const actor = (await actorOf(tx, user.id, meta)) as Actor;
    await recordAudit(tx, actor, null, {
      action: "user.sign_up",
      entityType: "user",
      entityId: user.id,
      after: { email: input.email, name: input.name, lang: input.lang },
    });
    await sendVerification(tx, user.id, input.email, input.lang, meta.origin, input.next);
    return { userId: user.id };
  });
}

/** Someone asked for an account with an address that has one: its owner is told (at most as often as resets). */
async function tellAccountExists(tx: DbOrTx, userId: number, origin: string) {
  const [user] = await tx
    .select({ email: users.email, lang: users.lang })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return;
  const [sent = 0] = await countAttempts(tx, [`reset:${userId}`]);
  if (sent > throttle.resetsPerAccount) return;
  await enqueueMail(
    tx,
    accountMail.accountExists(user.lang, {
      to: user.email,
      signIn: linkIn(origin, "/sign-in", user.lang),
      reset: linkIn(origin, "/forgot-password", user.lang),
    }),
  );
}

/** A link in mail: on the public origin, in the recipient's language, so that it opens in the language they read. */
export function linkIn(
  origin: string,
  pathname: string,
  lang: "en" | "hi",
  query: Record<string, string> = {},
) {
  const params = new URLSearchParams(query);
  if (lang === "hi") params.set("lang", "hi");
  const q = params.toString();
  return `${origin}${pathname}${q ? `?${q}` : ""}`;
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
  next?: string,
) {
  const token = await issueToken(tx, userId, "verify", 48);
  const query: Record<string, string> = { token };
  if (next && next !== "/account") query.next = next;
  await enqueueMail(
    tx,
    accountMail.verify(lang, { to: email, link: linkIn(origin, "/verify-email", lang, query) }),
  );
}

/** Sends the confirmation link again to a signed-in person whose address is not confirmed (throttled like resets). */
export async function resendVerification(db: Db, actor: Actor, ctx: MailContext): Promise<void> {
  if (actor.emailVerified) return;
  await db.transaction(async (tx) => {
    const [sent = 0] = await countAttempts(tx, [`reset:${actor.userId}`]);
    if (sent > throttle.resetsPerAccount) throw tooMany();
    const [user] = await tx.select({ lang: users.lang }).from(users).where(eq(users.id, actor.userId));
    await sendVerification(tx, actor.userId, actor.email, user?.lang ?? "en", ctx.origin);
  });
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
    const [sent = 0] = await countAttempts(tx, [`reset:${user.id}`]);
    if (sent > throttle.resetsPerAccount) return;
    const token = await issueToken(tx, user.id, "reset", 1);
    await enqueueMail(
      tx,
      accountMail.reset(user.lang, {
        to: user.email,
        link: linkIn(ctx.origin, "/reset-password", user.lang, { token }),
      }),
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

/**
 * Confirms the address from the mailed link and signs the person in (the link proves the mailbox, as a reset link
 * does), ending the session the browser had. An unknown, used or expired link is a 400 that changes nothing.
 */
export async function verifyEmail(
  db: Db,
  token: string,
  meta: RequestMeta & { previousToken?: string },
): Promise<{ token: string; userId: number }> {
  return db.transaction(async (tx) => {
    const userId = await spendToken(tx, token, "verify");
    await tx.update(users).set({ emailVerifiedAt: sql`now()` }).where(eq(users.id, userId));
    await endSession(tx, meta.previousToken);
    const session = await createSession(tx, userId, meta);
    const actor = await actorOf(tx, userId, meta);
    await recordAudit(tx, actor, null, {
      action: "user.email_verified",
      entityType: "user",
      entityId: userId,
    });
    return { token: session, userId };
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
  return linkIn(origin, "/reset-password", "en", { token: await issueToken(tx, userId, "reset", hours) });
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
  const [tries = 0] = await countAttempts(db, [`password:${actor.userId}`]);
  if (tries > throttle.perAccountAndAddress) throw tooMany();
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user?.hash ?? null, input.current)))
    throw new AppError("bad_request", "The current password is wrong", { field: "current" });
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

/** Remembers the time zone a person keeps their diary in (chosen where they give their hours). */
export async function setTimeZone(tx: DbOrTx, userId: number, timeZone: string): Promise<void> {
  await tx.update(users).set({ timeZone }).where(eq(users.id, userId));
}
