import { type Actor, type Grant, grantFor } from "../accounts";
import type { CommitteeKind } from "./kinds";

/** A committee as the policy sees it: which kind, and where. */
export type CommitteeRef = { kind: CommitteeKind; stateLgdCode: number; districtLgdCode: number | null };

type Rules = {
  /**
   * Record the committee, and keep its members: for a DEPC, the district's officer, its State's officer or the
   * national administrator; for an SEPC, the State's officer or the national administrator.
   */
  "committee:manage": CommitteeRef;
  /**
   * Convene the committee: schedule, change and cancel its meetings, record and publish their minutes. The same
   * people: the convener of a DEPC is the district's officer (the General Manager of the District Industries Centre),
   * and the State and national officers above it may act for it.
   */
  "meeting:convene": CommitteeRef;
};
type CommitteePermission = keyof Rules;

/** The grant that allows `permission` on `thing`, or undefined. Pure, so a table of cases tests it. */
export function can<P extends CommitteePermission>(
  actor: Actor | null,
  _permission: P,
  thing: Rules[P],
): Grant | undefined {
  return thing.kind === "depc"
    ? grantFor(actor, ["district_officer", "state_officer", "national_admin"], thing)
    : grantFor(actor, ["state_officer", "national_admin"], {
        stateLgdCode: thing.stateLgdCode,
        districtLgdCode: null,
      });
}
