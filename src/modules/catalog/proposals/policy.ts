import { type Actor, type Grant, grantFor, type Place } from "../../accounts";
import type { ProposalPermission } from "./flow";

/**
 * Who may take each step of a proposal, for the proposal's district: the district's officer proposes (and corrects
 * or withdraws), its State's officer forwards or returns, the national administrator accepts or returns and
 * publishes. Each is that role only: a State officer does not propose for its districts, nor accept for the nation.
 */
export function can(
  actor: Actor | null,
  permission: ProposalPermission | "proposal:view",
  place: Place,
): Grant | undefined {
  switch (permission) {
    case "proposal:submit":
      return grantFor(actor, ["district_officer"], place);
    case "proposal:forward":
      return grantFor(actor, ["state_officer"], place);
    case "proposal:accept":
    case "revision:publish":
      return grantFor(actor, ["national_admin"]);
    case "proposal:view":
      return grantFor(actor, ["district_officer", "state_officer", "national_admin"], place);
  }
}
