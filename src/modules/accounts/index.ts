/** accounts: users, sessions, roles with their geographic scope (grants), invitations, the audit log. */
export type { AuditTexts } from "./audit-texts";
export { recordAudit, recordAudits } from "./commands/audit";
export { addGrant, createAdmin, createDemoUser } from "./commands/grants";
export { setTimeZone, signUp, userIdByEmail } from "./commands/register";
export { type AccountAction, accountsPages } from "./pages";
export { formatWhen } from "./pages/shared";
export {
  type Actor,
  authorize,
  type Grant,
  grantFor,
  missionGrant,
  type Place,
  placeScope,
  requireActor,
  requireVerifiedActor,
} from "./policy";
export { accountSummary, mailboxesOf, mailboxOf, officersFor } from "./queries/account";
export { actorOf } from "./queries/actor";
export { actionsInLastDay } from "./queries/audit";
export { email as emailSchema } from "./schemas";
export { hashPassword } from "./secrets";
export { type AppEnv, loadActor, mailContext } from "./web";
