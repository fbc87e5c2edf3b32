import { type Actor, type Grant, grantFor, missionGrant, type Place } from "../accounts";
import type { OrganiserLevel } from "./event-flow";

/** An event as the policy sees it: who organises it, and where. */
export type EventRef = Place & { organiserLevel: OrganiserLevel; missionCountry: string | null };

type Rules = {
  /** Write, publish, cancel; manage registrations, attendance, outcomes; run and change a meet's schedule. */
  "event:organise": EventRef;
  /** Register for an event: anyone signed in with a confirmed address (the side is checked by the command). */
  "registration:register": null;
  /** Withdraw, give hours and wishes, see one's diary: the person registered. */
  "registration:own": { userId: number };
  /** Rate a meeting, turn it into an RFQ: the buyer or the producer in it. */
  "meeting:attend": { buyerUserId: number; producerUserId: number };
  /** Curate gift catalogues and campaigns: the national administrator. */
  "catalogue:curate": null;
};
export type PromotionPermission = keyof Rules;

/** Who organises at each level: the officers whose scope holds it (a State officer also runs its districts'). */
const organisers: Record<Exclude<OrganiserLevel, "mission">, readonly Grant["role"][]> = {
  district: ["district_officer", "state_officer", "national_admin"],
  state: ["state_officer", "national_admin"],
  nation: ["national_admin"],
};

const self = (actor: Actor, role: Grant["role"]): Grant =>
  actor.grants.find((g) => g.role === role) ?? { id: 0, role, stateLgdCode: null, districtLgdCode: null };

/** The grant that allows `permission` on `thing`, or undefined. Pure, so a table of cases tests it. */
export function can<P extends PromotionPermission>(
  actor: Actor | null,
  permission: P,
  thing: Rules[P],
): Grant | undefined {
  if (!actor) return undefined;
  switch (permission) {
    case "event:organise": {
      const ref = thing as EventRef;
      if (ref.organiserLevel === "mission") return missionGrant(actor, ref.missionCountry ?? "");
      return grantFor(actor, organisers[ref.organiserLevel], ref);
    }
    case "registration:register":
      return actor.emailVerified ? self(actor, "buyer") : undefined;
    case "registration:own":
      return actor.userId === (thing as { userId: number }).userId ? self(actor, "buyer") : undefined;
    case "meeting:attend": {
      const m = thing as Rules["meeting:attend"];
      if (actor.userId === m.buyerUserId) return self(actor, "buyer");
      if (actor.userId === m.producerUserId) return self(actor, "producer");
      return undefined;
    }
    case "catalogue:curate":
      return grantFor(actor, ["national_admin"]);
  }
  return undefined;
}

/** Whether the person may organise events at all (the "new event" link). */
export const mayOrganise = (actor: Actor | null) =>
  !!actor?.grants.some((g) =>
    ["district_officer", "state_officer", "national_admin", "mission_officer"].includes(g.role),
  );
