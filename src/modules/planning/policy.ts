import { type Actor, type Grant, grantFor, type Place } from "../accounts";
import type { BottleneckPermission } from "./bottleneck-flow";

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

/**
 * Who takes a bottleneck's steps: the district's officer while it is with the district, its State's officer once it
 * is in the State's queue, the national administrator in the national queue. The pass (`system`) is nobody's grant.
 */
export function canBottleneck(
  actor: Actor | null,
  permission: BottleneckPermission,
  place: Place,
): Grant | undefined {
  if (permission === "bottleneck:district") return grantFor(actor, ["district_officer"], place);
  if (permission === "bottleneck:state") return grantFor(actor, ["state_officer"], place);
  if (permission === "bottleneck:nation") return grantFor(actor, ["national_admin"], place);
  return undefined;
}
