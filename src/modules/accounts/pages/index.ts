import type { Db } from "../../../platform/db";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AuditTexts, accountAuditTexts } from "../audit-texts";
import type { AppEnv } from "../web";
import { type AccountAction, type ActionLinks, accountPages } from "./account";
import { auditPages } from "./audit";
import { authPages } from "./auth";
import { officerPages } from "./officers";

/** The accounts pages: every one is personal (reads the session, never cached, CSRF-checked). */
export function accountsPages(
  routes: PersonalRoutes<AppEnv>,
  db: Db,
  opts: { actionLinks: ActionLinks; auditTexts?: AuditTexts },
): void {
  authPages(routes, db);
  accountPages(routes, db, opts.actionLinks);
  officerPages(routes, db);
  auditPages(routes, db, { ...accountAuditTexts, ...opts.auditTexts });
}

export type { AccountAction, ActionLinks };
