import { sql } from "drizzle-orm";
import type { Hono } from "hono";
import { expect } from "vitest";
import { addGrant, type Grant, type Place, signUp } from "../../src/modules/accounts";
import { verifyEmail } from "../../src/modules/accounts/commands/register";
import type { Db } from "../../src/platform/db";
import { Visitor } from "./visitor";

let counter = 0;
export const password = "a long enough passphrase";
const meta = { requestId: null, ip: null, userAgent: null, origin: "http://localhost" };

/**
 * A person with an account (signed up through the real command, the address confirmed through the link that was
 * mailed, unless `verified: false`) and, when asked, one grant.
 */
export async function person(
  db: Db,
  role?: Grant["role"],
  place: Place = { stateLgdCode: null, districtLgdCode: null },
  opts: { verified?: boolean } = {},
) {
  const email = `person${++counter}.${process.pid}@example.org`;
  const { userId } = await signUp(db, { name: `Person ${counter}`, email, password, lang: "en" }, meta);
  if (userId === null) throw new Error(`sign-up made no account for ${email}`);
  if (opts.verified ?? true) await verifyEmail(db, await mailedToken(db, email, "verify-email"), meta);
  if (role) await db.transaction((tx) => addGrant(tx, null, null, userId, role, place));
  return { userId, email };
}

/** The token of the newest link to `pathname` mailed to `email` (read from the outbox, as the mail will carry it). */
export async function mailedToken(db: Db, email: string, pathname: string): Promise<string> {
  const rows = (await db.execute(
    sql`select body from outbox where to_address = ${email} order by id desc`,
  )) as unknown as { rows: { body: string }[] };
  for (const r of rows.rows) {
    const token = new RegExp(`/${pathname}\\?token=([\\w-]+)`).exec(r.body)?.[1];
    if (token) return token;
  }
  throw new Error(`no ${pathname} link mailed to ${email}`);
}

/** A browser signed in as that person, through the sign-in form. */
export async function signedIn(app: Hono, email: string): Promise<Visitor> {
  const v = new Visitor(app);
  const res = await v.post("/sign-in", { email, password }, { from: "/sign-in" });
  expect(res.status).toBe(303);
  return v;
}
