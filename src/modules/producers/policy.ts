import { type Actor, type Grant, grantFor, type Place } from "../accounts";

/** A producer profile as the policy sees it: where it is and whose it is. */
type ProducerRef = Place & { ownerUserId: number };

type Rules = {
  /** Verify or reject: the district's officer, its State's officer, or the national administrator. */
  "producer:review": ProducerRef;
  /** Change the profile: its owner only (officers review; they do not rewrite what a producer says of itself). */
  "producer:edit": ProducerRef;
  /** See the queue of profiles to review at all. */
  "producer:review-queue": null;
};
type ProducerPermission = keyof Rules;

const owner = (actor: Actor | null, ref: ProducerRef): Grant | undefined =>
  actor && actor.userId === ref.ownerUserId
    ? (actor.grants.find((g) => g.role === "producer") ?? { id: 0, role: "producer", ...ref })
    : undefined;

/** The grant that allows `permission` on `thing`, or undefined. Pure, so a table of cases tests it. */
export function can<P extends ProducerPermission>(
  actor: Actor | null,
  permission: P,
  thing: Rules[P],
): Grant | undefined {
  switch (permission) {
    case "producer:review":
      return grantFor(actor, ["district_officer", "state_officer", "national_admin"], thing as ProducerRef);
    case "producer:edit":
      return owner(actor, thing as ProducerRef);
    case "producer:review-queue":
      return grantFor(actor, ["district_officer", "state_officer", "national_admin"]);
  }
  return undefined;
}
