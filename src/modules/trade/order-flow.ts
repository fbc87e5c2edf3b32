import type { Flow } from "../../platform/workflow";

/**
 * An order, made when a buyer accepts a quote, followed to delivery: the producer sends a sample (when there is
 * one), the buyer confirms, the producer produces and ships, the buyer records delivery. Either side may cancel before
 * it ships. Each step has the date it happened, which may be earlier than the day it is recorded.
 */
export const orderStates = [
  "placed",
  "sample_sent",
  "confirmed",
  "produced",
  "shipped",
  "delivered",
  "cancelled",
] as const;
export type OrderState = (typeof orderStates)[number];

export const orderFlow = {
  sample: { from: ["placed"], to: "sample_sent", by: "order:sell" },
  confirm: { from: ["placed", "sample_sent"], to: "confirmed", by: "order:buy" },
  produce: { from: ["confirmed"], to: "produced", by: "order:sell" },
  ship: { from: ["produced"], to: "shipped", by: "order:sell" },
  deliver: { from: ["shipped"], to: "delivered", by: "order:buy" },
  cancel: { from: ["placed", "sample_sent", "confirmed", "produced"], to: "cancelled", by: "order:either" },
} as const satisfies Flow<OrderState, string, "order:sell" | "order:buy" | "order:either">;
export type OrderTransition = keyof typeof orderFlow;

/** The milestones in the order a timeline shows them. */
export const milestones = ["placed", "sample_sent", "confirmed", "produced", "shipped", "delivered"] as const;
