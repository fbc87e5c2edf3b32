/** accounts: users, sessions, roles with their geographic scope (grants), invitations, the audit log. */
export { type AuditEntry, recordAudit } from "./commands/audit";
export { addGrant, createAdmin, createDemoUser } from "./commands/grants";
export { signUp } from "./commands/register";
export type { RequestMeta } from "./commands/sessions";
export { type ActionLinks, accountPrefixes, accountsPages } from "./pages";
export { formatWhen, Notice, roleName } from "./pages/shared";
export {
  type Actor,
  authorize,
  covers,
  type Grant,
  grantFor,
  type Place,
  type PlaceScope,
  placeScope,
  requireActor,
} from "./policy";
export { mailboxOf } from "./queries/account";
export { actorOf } from "./queries/actor";
export { actionsInLastDay } from "./queries/audit";
export { email as emailSchema } from "./schemas";
export { hashPassword } from "./secrets";
export { type AppEnv, loadActor, requestMeta } from "./web";
