import type { Flow } from "../../platform/workflow";

/**
 * A producer's listing in the bazaar: written as a draft, published (shown and searched), withdrawn by the producer
 * (and published again when it wants), or hidden by an officer of its district, State or the nation with a reason
 * (shown to nobody but the producer and officers) until an officer restores it.
 */
export const listingStates = ["draft", "published", "withdrawn", "hidden"] as const;
export type ListingState = (typeof listingStates)[number];

export const listingFlow = {
  create: { from: ["new"], to: "draft", by: "listing:edit" },
  publish: { from: ["draft", "withdrawn"], to: "published", by: "listing:edit" },
  withdraw: { from: ["published"], to: "withdrawn", by: "listing:edit" },
  hide: { from: ["published", "withdrawn"], to: "hidden", by: "listing:moderate" },
  restore: { from: ["hidden"], to: "published", by: "listing:moderate" },
} as const satisfies Flow<ListingState, string, "listing:edit" | "listing:moderate">;

export type ListingTransition = keyof typeof listingFlow;

/** The transitions a listing's owner takes on its page; the others are the officers'. */
export const ownerTransitions = ["publish", "withdraw"] as const satisfies readonly ListingTransition[];
