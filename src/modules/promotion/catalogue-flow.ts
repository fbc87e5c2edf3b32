import type { Flow } from "../../platform/workflow";

/**
 * A gift catalogue or campaign: curated as a draft, published (its page, PDF and open data appear), and withdrawn
 * (kept, no longer shown) or published again. Only the national administrator curates.
 */
export const catalogueStates = ["draft", "published", "withdrawn"] as const;
export type CatalogueState = (typeof catalogueStates)[number];

export const catalogueFlow = {
  create: { from: ["new"], to: "draft", by: "catalogue:curate" },
  publish: { from: ["draft", "withdrawn"], to: "published", by: "catalogue:curate" },
  withdraw: { from: ["published"], to: "withdrawn", by: "catalogue:curate" },
} as const satisfies Flow<CatalogueState, string, "catalogue:curate">;
export type CatalogueTransition = keyof typeof catalogueFlow;
