import { AppError } from "../../platform/errors";
import type { Role } from "./roles";

export type { Role };

/** A role held by a person, with where it applies. A district officer's grant names its district and that district's State. */
export type Grant = {
  id: number;
  role: Role;
  stateLgdCode: number | null;
  districtLgdCode: number | null;
  /** A Mission officer's country (ISO 3166-1 alpha-2). */
  country?: string | null;
};

/** Who is acting, and through which request: what the audit log records beside each write. */
export type Actor = {
  userId: number;
  email: string;
  name: string;
  isDemo: boolean;
  emailVerified: boolean;
  grants: Grant[];
  /** The IANA time zone the person keeps their diary in, once they have chosen one (null: India time). */
  timeZone?: string | null;
  requestId: string | null;
  ip: string | null;
};

/** Where a thing lies: the State and district that scope who may act on it. */
export type Place = { stateLgdCode: number | null; districtLgdCode: number | null };

/** Does this grant reach that place? An administrator's reaches everywhere; an officer's its State or district. */
export function covers(grant: Grant, place: Place): boolean {
  switch (grant.role) {
    case "national_admin":
      return true;
    case "state_officer":
      return grant.stateLgdCode !== null && grant.stateLgdCode === place.stateLgdCode;
    case "district_officer":
      return grant.districtLgdCode !== null && grant.districtLgdCode === place.districtLgdCode;
    default:
      return false;
  }
}

/** The first of the actor's grants, among `roles`, that reaches `place` (or any, when no place is given). */
export function grantFor(actor: Actor | null, roles: readonly Role[], place?: Place): Grant | undefined {
  return actor?.grants.find((g) => roles.includes(g.role) && (place === undefined || covers(g, place)));
}

/** The places a person's officer grants reach, for filtering lists in SQL: everything, or these States and districts. */
export type PlaceScope = { all: true } | { all: false; states: number[]; districts: number[] };

export function placeScope(actor: Actor | null, roles: readonly Role[]): PlaceScope {
  const held = actor?.grants.filter((g) => roles.includes(g.role)) ?? [];
  if (held.some((g) => g.role === "national_admin")) return { all: true };
  return {
    all: false,
    states: held.filter((g) => g.role === "state_officer").map((g) => g.stateLgdCode as number),
    districts: held.filter((g) => g.role === "district_officer").map((g) => g.districtLgdCode as number),
  };
}

/** Who may invite whom: the administrator invites State officers (and anyone below), a State officer its districts'. */
const inviters: Record<InvitationTarget["role"], readonly Role[]> = {
  state_officer: ["national_admin"],
  district_officer: ["national_admin", "state_officer"],
  mission_officer: ["national_admin"],
};

/** Whom an invitation makes an officer of what: a State, a district, or (an Indian Mission) a country. */
export type InvitationTarget = Place & {
  role: "state_officer" | "district_officer" | "mission_officer";
  country?: string | null;
};
export const officerRoles = ["state_officer", "district_officer", "mission_officer"] as const;

/** A Mission officer's grant for `country`, or the administrator's (who acts for every Mission). */
export function missionGrant(actor: Actor | null, country: string): Grant | undefined {
  return actor?.grants.find(
    (g) => g.role === "national_admin" || (g.role === "mission_officer" && g.country === country),
  );
}

/** The permissions of this module and what each is asked about. */
type Rules = {
  "invitation:create": InvitationTarget;
  /** Taking an officer's role away: whoever could have invited that officer. */
  "grant:revoke": InvitationTarget;
  /** A State's part of the log, or (null) whether the person may open the log at all. */
  "audit:read": Place | null;
};
type AccountPermission = keyof Rules;

/** The grant that allows `permission` on `thing`, or undefined. Pure: the services call it, tests table it. */
export function can<P extends AccountPermission>(
  actor: Actor | null,
  permission: P,
  thing: Rules[P],
): Grant | undefined {
  switch (permission) {
    case "invitation:create":
    case "grant:revoke": {
      const target = thing as InvitationTarget;
      return grantFor(actor, inviters[target.role], target);
    }
    case "audit:read":
      return grantFor(actor, ["national_admin", "state_officer"], (thing as Place | null) ?? undefined);
  }
  return undefined;
}

/** Throws unless signed in: 401 tells the pages to send the person to sign in. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthorized", "Sign in to continue");
  return actor;
}

/**
 * Anything that reaches other people or their data (registering a producer, revealing contacts; later RFQs, quotes,
 * registrations) needs an address the person has proved is theirs: otherwise a 403 whose reason the pages turn into
 * "confirm your email first", with a button to send the link again.
 */
export function requireVerifiedActor(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!a.emailVerified)
    throw new AppError("forbidden", "Confirm your email address first", { reason: "email_unverified" });
  return a;
}

/** The grant that allows this, or a 403 that names what was refused. Nothing is changed before this passes. */
export function authorize(grant: Grant | undefined, what: string): Grant {
  if (!grant) throw new AppError("forbidden", `Not allowed: ${what}`);
  return grant;
}
