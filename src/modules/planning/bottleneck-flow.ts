import type { Flow } from "../../platform/workflow";

/**
 * A bottleneck of a plan: open with the district (its owner works on it by a due date); past that date by the
 * configured number of days, the escalation pass moves it to its State's queue; the State officer resolves it, sends
 * it back to the district with a new due date, or raises it to the national queue; the national administrator
 * resolves it or returns it to the State. The district resolves what it can.
 */
export const bottleneckStates = ["open", "at_state", "at_nation", "resolved"] as const;
export type BottleneckState = (typeof bottleneckStates)[number];

/** Who takes a step: the district's officer, its State's officer, the national administrator, or the pass itself. */
export type BottleneckPermission =
  | "bottleneck:district"
  | "bottleneck:state"
  | "bottleneck:nation"
  | "system";

export const bottleneckFlow = {
  create: { from: ["new"], to: "open", by: "bottleneck:district" },
  resolve: { from: ["open"], to: "resolved", by: "bottleneck:district" },
  escalate: { from: ["open"], to: "at_state", by: "system" },
  resolveAtState: { from: ["at_state"], to: "resolved", by: "bottleneck:state" },
  sendBack: { from: ["at_state"], to: "open", by: "bottleneck:state" },
  raise: { from: ["at_state"], to: "at_nation", by: "bottleneck:state" },
  resolveAtNation: { from: ["at_nation"], to: "resolved", by: "bottleneck:nation" },
  returnToState: { from: ["at_nation"], to: "at_state", by: "bottleneck:nation" },
} as const satisfies Flow<BottleneckState, string, BottleneckPermission>;

export type BottleneckTransition = keyof typeof bottleneckFlow;
/** The steps people take (the pass escalates; creating is its own command). */
export const bottleneckSteps = [
  "resolve",
  "resolveAtState",
  "sendBack",
  "raise",
  "resolveAtNation",
  "returnToState",
] as const satisfies readonly BottleneckTransition[];
export type BottleneckStep = (typeof bottleneckSteps)[number];

export const severities = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof severities)[number];

export const interventionStatuses = ["planned", "in_progress", "done", "dropped"] as const;
export type InterventionStatus = (typeof interventionStatuses)[number];
