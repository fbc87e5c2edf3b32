import type { Hono } from "hono";
import { expect } from "vitest";
import { addGrant, type Grant, type Place, signUp } from "../../src/modules/accounts";
import type { Db } from "../../src/platform/db";
import { Visitor } from "./visitor";

let counter = 0;
export const password = "a long enough passphrase";

/** A person with an account (signed up through the real command) and, when asked, one grant. */
export async function person(
  db: Db,
  role?: Grant["role"],
  place: Place = { stateLgdCode: null, districtLgdCode: null },
) {
  const email = `person${++counter}.${process.pid}@example.org`;
  const meta = { requestId: null, ip: null, userAgent: null, origin: "http://localhost" };
  const { userId } = await signUp(db, { name: `Person ${counter}`, email, password, lang: "en" }, meta);
  if (role) await db.transaction((tx) => addGrant(tx, null, null, userId, role, place));
  return { userId, email };
}

/** A browser signed in as that person, through the sign-in form. */
export async function signedIn(app: Hono, email: string): Promise<Visitor> {
  const v = new Visitor(app);
  const res = await v.post("/sign-in", { email, password }, { from: "/sign-in" });
  expect(res.status).toBe(303);
  return v;
}
