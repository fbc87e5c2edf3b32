import { Hono } from "hono";
import type { Db } from "../../../platform/db";
import type { AppEnv } from "../web";
import { type ActionLinks, accountPages } from "./account";
import { auditPages } from "./audit";
import { authPages } from "./auth";
import { officerPages } from "./officers";

/** Paths of the accounts pages: they read the session, so they are never cached and are CSRF-checked. */
export const accountPrefixes = [
  "/sign-up",
  "/sign-in",
  "/sign-out",
  "/forgot-password",
  "/reset-password",
  "/verify-email",
  "/account",
  "/invitations/",
  "/audit",
];

export function accountsPages(db: Db, opts: { actionLinks: ActionLinks }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  authPages(app, db);
  accountPages(app, db, opts.actionLinks);
  officerPages(app, db);
  auditPages(app, db);
  return app;
}

export type { ActionLinks };
