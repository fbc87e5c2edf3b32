import type { Flow } from "../../platform/workflow";

/**
 * A district's export action plan for a period: drafted by the district officer, circulated to the committee for
 * comments (and called back to be changed), adopted by a DEPC decision, then in implementation. Revising an adopted
 * plan supersedes it with a new draft version; the old one stays readable.
 */
export const planStates = ["draft", "circulated", "adopted", "in_implementation", "superseded"] as const;
export type PlanState = (typeof planStates)[number];

export const planFlow = {
  create: { from: ["new"], to: "draft", by: "plan:write" },
  circulate: { from: ["draft"], to: "circulated", by: "plan:write" },
  recall: { from: ["circulated"], to: "draft", by: "plan:write" },
  adopt: { from: ["circulated"], to: "adopted", by: "plan:write" },
  implement: { from: ["adopted"], to: "in_implementation", by: "plan:write" },
  revise: { from: ["adopted", "in_implementation"], to: "superseded", by: "plan:write" },
} as const satisfies Flow<PlanState, string, "plan:write">;

export type PlanTransition = keyof typeof planFlow;

/** The states in which a plan is the district's public plan. */
export const publicStates: readonly PlanState[] = ["adopted", "in_implementation", "superseded"];

/** The sections of a plan a comment may be about. */
export const planSections = [
  "general",
  "profile",
  "strategy",
  "products",
  "targets",
  "interventions",
  "bottlenecks",
] as const;
export type PlanSection = (typeof planSections)[number];
