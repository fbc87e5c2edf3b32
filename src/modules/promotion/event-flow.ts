import type { Flow } from "../../platform/workflow";

/** The kinds of promotion events the programme runs (DOMAIN.md, "Buyers and sellers"). */
export const eventKinds = [
  "exhibition",
  "training",
  "sampark",
  "gem_drive",
  "mission_showcase",
  "vbsm",
  "reverse_bsm",
] as const;
export type EventKind = (typeof eventKinds)[number];

/** Who organises: a district, a State, the nation, or an Indian Mission abroad. */
export const organiserLevels = ["district", "state", "nation", "mission"] as const;
export type OrganiserLevel = (typeof organiserLevels)[number];

/**
 * An event is written as a draft, published (registration opens), and may be cancelled (everyone registered is
 * told). Once it has ended it is past; that is a matter of its dates, not a state.
 */
export const eventStates = ["draft", "published", "cancelled"] as const;
export type EventState = (typeof eventStates)[number];

export const eventFlow = {
  create: { from: ["new"], to: "draft", by: "event:organise" },
  publish: { from: ["draft"], to: "published", by: "event:organise" },
  cancel: { from: ["draft", "published"], to: "cancelled", by: "event:organise" },
} as const satisfies Flow<EventState, string, "event:organise">;
export type EventTransition = keyof typeof eventFlow;
