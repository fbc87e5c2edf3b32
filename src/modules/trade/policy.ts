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
  /** Send an RFQ or an enquiry: a buyer (a person with a buyer profile). */
  "rfq:send": null;
  /** Accept, decline, cancel, write in the thread as the buyer: the RFQ's own buyer. */
  "rfq:buy": { buyerUserId: number };
  /** Quote, revise, decline, write as the producer: the owner of the producer it was sent to. */
  "rfq:quote": ListingRef;
  /** Let an RFQ through to a district's producers, or refuse it: the officers of that district, State or nation. */
  "rfq:moderate": ListingRef;
  /** Record an order's producer milestones: the producer's owner; the buyer's: the buyer; cancel: either. */
  "order:sell": ListingRef;
  "order:buy": { buyerUserId: number };
  /** See a place's trade pipeline (counts and values, never contacts): its officers. */
  "pipeline:view": Place;
  /** Set a producer's GeM onboarding: the producer's owner or the officer of its district. */
  "gem:set": ListingRef;
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
    case "rfq:send":
      return grantFor(actor, ["buyer"]);
    case "rfq:buy":
    case "order:buy":
      return actor && actor.userId === (thing as { buyerUserId: number }).buyerUserId
        ? (grantFor(actor, ["buyer"]) ?? { id: 0, role: "buyer", stateLgdCode: null, districtLgdCode: null })
        : undefined;
    case "rfq:quote":
    case "order:sell":
      return can(actor, "listing:edit", thing as ListingRef);
    case "rfq:moderate":
    case "pipeline:view":
      return grantFor(actor, officers, thing as Place);
    case "gem:set":
      return (
        can(actor, "listing:edit", thing as ListingRef) ??
        grantFor(actor, ["district_officer"], thing as Place)
      );
  }
  return undefined;
}
