import type { Flow } from "../../platform/workflow";

export const registrationSides = ["producer", "buyer"] as const;
export type RegistrationSide = (typeof registrationSides)[number];

/**
 * A place at an event. Registering takes a confirmed place while there is room, waits for the organiser when the
 * event asks to approve registrations, and joins the waitlist when the event is full; approving a registration when
 * the event is full puts it on the waitlist. When a confirmed person withdraws, the first on the waitlist moves up
 * (the system's step, in the same transaction). Someone who withdrew may register again.
 */
export const registrationStates = ["pending", "confirmed", "waitlisted", "withdrawn", "refused"] as const;
export type RegistrationState = (typeof registrationStates)[number];

export type RegistrationPermission =
  | "registration:register"
  | "registration:own"
  | "event:organise"
  | "system";

export const registrationFlow = {
  apply: { from: ["new", "withdrawn"], to: "pending", by: "registration:register" },
  join: { from: ["new", "withdrawn"], to: "confirmed", by: "registration:register" },
  queue: { from: ["new", "withdrawn"], to: "waitlisted", by: "registration:register" },
  approve: { from: ["pending"], to: "confirmed", by: "event:organise" },
  approve_waitlist: { from: ["pending"], to: "waitlisted", by: "event:organise" },
  refuse: { from: ["pending", "waitlisted"], to: "refused", by: "event:organise" },
  withdraw: { from: ["pending", "confirmed", "waitlisted"], to: "withdrawn", by: "registration:own" },
  promote: { from: ["waitlisted"], to: "confirmed", by: "system" },
} as const satisfies Flow<RegistrationState, string, RegistrationPermission>;
export type RegistrationTransition = keyof typeof registrationFlow;

/** The step registering takes: approval first, a place while there is room, else the waitlist. */
export function registrationStep(p: {
  approvalRequired: boolean;
  confirmed: number;
  capacity: number | null;
}): "apply" | "join" | "queue" {
  if (p.approvalRequired) return "apply";
  return hasRoom(p) ? "join" : "queue";
}

export const hasRoom = (p: { confirmed: number; capacity: number | null }) =>
  p.capacity === null || p.confirmed < p.capacity;
