import type { Flow } from "../../../platform/workflow";

/**
 * A proposal goes from the district to its State, which forwards it to the nation or returns it; the national
 * administrator accepts it into the draft revision or returns it; a returned proposal is corrected and sent again,
 * or withdrawn. Publishing the draft publishes the proposals in it; discarding the draft puts them back with the
 * nation, to be decided again.
 */
export const proposalStates = [
  "with_state",
  "with_nation",
  "returned",
  "accepted",
  "published",
  "withdrawn",
] as const;
export type ProposalState = (typeof proposalStates)[number];

export type ProposalPermission =
  | "proposal:submit"
  | "proposal:forward"
  | "proposal:accept"
  | "revision:publish";

export const proposalFlow = {
  submit: { from: ["new"], to: "with_state", by: "proposal:submit" },
  resubmit: { from: ["returned"], to: "with_state", by: "proposal:submit" },
  withdraw: { from: ["with_state", "returned"], to: "withdrawn", by: "proposal:submit" },
  forward: { from: ["with_state"], to: "with_nation", by: "proposal:forward" },
  returnByState: { from: ["with_state"], to: "returned", by: "proposal:forward" },
  accept: { from: ["with_nation"], to: "accepted", by: "proposal:accept" },
  returnByNation: { from: ["with_nation"], to: "returned", by: "proposal:accept" },
  publish: { from: ["accepted"], to: "published", by: "revision:publish" },
  reconsider: { from: ["accepted"], to: "with_nation", by: "revision:publish" },
} as const satisfies Flow<ProposalState, string, ProposalPermission>;

export type ProposalTransition = keyof typeof proposalFlow;

/** Whose move it is in each state, for "where it stands" on every list and page. */
export const whoseMove: Record<ProposalState, "district" | "state" | "nation" | null> = {
  with_state: "state",
  with_nation: "nation",
  returned: "district",
  accepted: "nation",
  published: null,
  withdrawn: null,
};
