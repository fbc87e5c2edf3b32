import { type Actor, type Grant, grantFor, type Place } from "../accounts";

type PlanPermission = "plan:write" | "plan:read";

/**
 * The district's officer writes and moves its plan; its State's officers and the national administrator read it (and
 * comment on it). Members of the district's committee comment while it is circulated: that is `mayComment`. Nobody
 * else sees a plan before it is adopted.
 */
export function can(actor: Actor | null, permission: PlanPermission, plan: Place): Grant | undefined {
  if (permission === "plan:write") return grantFor(actor, ["district_officer"], plan);
  return grantFor(actor, ["district_officer", "state_officer", "national_admin"], plan);
}

/**
 * Who may comment on a circulated plan: its readers (with their grant, for the audit row) and the members of the
 * district's committee who have an account (as themselves: no grant).
 */
export function mayComment(
  actor: Actor | null,
  plan: Place,
  isCommitteeMember: boolean,
): { grant: Grant | null } | undefined {
  const grant = can(actor, "plan:read", plan);
  if (grant) return { grant };
  return actor && isCommitteeMember ? { grant: null } : undefined;
}
