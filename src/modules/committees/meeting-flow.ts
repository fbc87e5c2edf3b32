import type { Flow } from "../../platform/workflow";

/**
 * A meeting is scheduled (its notice goes to the members), may be changed (an update goes) or cancelled (a
 * cancellation goes); once it has begun, its attendance, minutes and decisions are recorded as a draft, and the
 * convener publishes them, after which they are public and no longer change.
 */
export const meetingStates = ["scheduled", "cancelled", "held", "minutes_published"] as const;
export type MeetingState = (typeof meetingStates)[number];

export const meetingFlow = {
  schedule: { from: ["new"], to: "scheduled", by: "meeting:convene" },
  reschedule: { from: ["scheduled"], to: "scheduled", by: "meeting:convene" },
  cancel: { from: ["scheduled"], to: "cancelled", by: "meeting:convene" },
  record: { from: ["scheduled", "held"], to: "held", by: "meeting:convene" },
  publish: { from: ["held"], to: "minutes_published", by: "meeting:convene" },
} as const satisfies Flow<MeetingState, string, "meeting:convene">;

export type MeetingTransition = keyof typeof meetingFlow;
