import type { Flow } from "../../platform/workflow";

/** Incoterms 2020: who pays and bears the risk of carriage, and where the goods change hands. */
export const incoterms = [
  "EXW",
  "FCA",
  "FAS",
  "FOB",
  "CFR",
  "CIF",
  "CPT",
  "CIP",
  "DAP",
  "DPU",
  "DDP",
] as const;
export type Incoterm = (typeof incoterms)[number];

/** How long an RFQ is open at most: two weeks, as B2B marketplaces keep them (DOMAIN.md). */
export const maxOpenDays = 14;

/**
 * A buyer's request for quotes: open until the buyer accepts a quote (awarded), cancels it, or it closes unanswered
 * (expired, by the hourly job).
 */
export const rfqStates = ["open", "awarded", "cancelled", "expired"] as const;
export type RfqState = (typeof rfqStates)[number];

export const rfqFlow = {
  send: { from: ["new"], to: "open", by: "rfq:buy" },
  award: { from: ["open"], to: "awarded", by: "rfq:buy" },
  cancel: { from: ["open"], to: "cancelled", by: "rfq:buy" },
  expire: { from: ["open"], to: "expired", by: "rfq:system" },
} as const satisfies Flow<RfqState, string, "rfq:buy" | "rfq:system">;

/**
 * One producer's part in an RFQ, named by whose move it is: held for the district officer's approval (when the
 * district asks to approve RFQs first), waiting for the producer (invited), waiting for the buyer (quoted), then
 * accepted, declined by the buyer, declined by the producer, refused by the officer, or expired.
 */
export const responseStates = [
  "held",
  "invited",
  "quoted",
  "accepted",
  "declined_by_buyer",
  "declined_by_producer",
  "refused",
  "expired",
] as const;
export type ResponseState = (typeof responseStates)[number];

export const responseFlow = {
  approve: { from: ["held"], to: "invited", by: "rfq:moderate" },
  refuse: { from: ["held"], to: "refused", by: "rfq:moderate" },
  quote: { from: ["invited"], to: "quoted", by: "rfq:quote" },
  /** A quote may be revised once (counted by the command). */
  revise: { from: ["quoted"], to: "quoted", by: "rfq:quote" },
  decline: { from: ["invited", "quoted"], to: "declined_by_producer", by: "rfq:quote" },
  accept: { from: ["quoted"], to: "accepted", by: "rfq:buy" },
  reject: { from: ["quoted"], to: "declined_by_buyer", by: "rfq:buy" },
  expire: { from: ["held", "invited", "quoted"], to: "expired", by: "rfq:system" },
} as const satisfies Flow<ResponseState, string, "rfq:moderate" | "rfq:quote" | "rfq:buy" | "rfq:system">;
export type ResponseTransition = keyof typeof responseFlow;

/** States in which a producer's part is still live: the RFQ's expiry, or another quote's acceptance, ends them. */
export const liveResponses: readonly ResponseState[] = ["held", "invited", "quoted"];

/** The revisions a producer may make to its quote. */
export const maxRevisions = 1;
