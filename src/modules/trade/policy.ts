import { type Actor, type Grant, grantFor, type Place } from "../accounts";

/** A listing as the policy sees it: where it is and who owns the producer it belongs to. */
export type ListingRef = Place & { ownerUserId: number };

type Rules = {
  /** Write, publish and withdraw: the owner of the listing's producer (verified, checked by the command). */
  "listing:edit": ListingRef;
  /** Hide with a reason and restore: the officers of its district, its State, or the national administrator. */
  "listing:moderate": ListingRef;
  /** See the listings of a place to moderate them at all. */
  "listing:moderate-queue": null;
};
export type TradePermission = keyof Rules;

const officers = ["district_officer", "state_officer", "national_admin"] as const;

/** The grant that allows `permission` on `thing`, or undefined. Pure, so a table of cases tests it. */
export function can<P extends TradePermission>(
  actor: Actor | null,
  permission: P,
  thing: Rules[P],
): Grant | undefined {
  switch (permission) {
    case "listing:edit": {
      const ref = thing as ListingRef;
      if (!actor || actor.userId !== ref.ownerUserId) return undefined;
      return actor.grants.find((g) => g.role === "producer") ?? { id: 0, role: "producer", ...ref };
    }
    case "listing:moderate":
      return grantFor(actor, officers, thing as ListingRef);
    case "listing:moderate-queue":
      return grantFor(actor, officers);
  }
  return undefined;
}
