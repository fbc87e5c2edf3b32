import { describe, expect, it } from "vitest";
import {
  actor,
  admin,
  buyer,
  inLucknow,
  inPatna,
  inVaranasi,
  nobody,
  producer,
  upOfficer,
  varanasiOfficer,
} from "../../../test/support/actors";
import { nextState } from "../../platform/workflow";
import { eventFlow } from "./event-flow";
import { can, type EventRef } from "./policy";
import { registrationFlow, registrationStep } from "./registration-flow";

const usMission = actor({
  role: "mission_officer",
  stateLgdCode: null,
  districtLgdCode: null,
  country: "US",
});
const none = { missionCountry: null };
const districtEvent = (place = inVaranasi): EventRef => ({ organiserLevel: "district", ...place, ...none });
const stateEvent: EventRef = {
  organiserLevel: "state",
  stateLgdCode: inVaranasi.stateLgdCode,
  districtLgdCode: null,
  ...none,
};
const nationEvent: EventRef = {
  organiserLevel: "nation",
  stateLgdCode: null,
  districtLgdCode: null,
  ...none,
};
const missionEvent = (country: string): EventRef => ({
  organiserLevel: "mission",
  stateLgdCode: null,
  districtLgdCode: null,
  missionCountry: country,
});

describe("who organises which event", () => {
  const cases: [string, typeof admin, EventRef, boolean][] = [
    ["district officer, own district", varanasiOfficer, districtEvent(), true],
    ["district officer, another district", varanasiOfficer, districtEvent(inLucknow), false],
    ["district officer, its State's event", varanasiOfficer, stateEvent, false],
    ["State officer, a district of its State", upOfficer, districtEvent(inLucknow), true],
    ["State officer, another State's district", upOfficer, districtEvent(inPatna), false],
    ["State officer, its State", upOfficer, stateEvent, true],
    ["State officer, the nation's", upOfficer, nationEvent, false],
    ["administrator, the nation's", admin, nationEvent, true],
    ["administrator, a Mission's", admin, missionEvent("US"), true],
    ["Mission officer, its country", usMission, missionEvent("US"), true],
    ["Mission officer, another country", usMission, missionEvent("AE"), false],
    ["Mission officer, a district's", usMission, districtEvent(), false],
    ["producer", producer, districtEvent(), false],
    ["buyer", buyer, districtEvent(), false],
    ["nobody", nobody, districtEvent(), false],
  ];
  it.each(cases)("%s → %s", (_case, who, ref, allowed) => {
    expect(can(who, "event:organise", ref) !== undefined).toBe(allowed);
  });
  it("no one signed in organises nothing and registers for nothing", () => {
    expect(can(null, "event:organise", nationEvent)).toBeUndefined();
    expect(can(null, "registration:register", null)).toBeUndefined();
  });
  it("only the person registered withdraws; only the two in a meeting rate it", () => {
    expect(can(buyer, "registration:own", { userId: buyer.userId })).toBeDefined();
    expect(can(producer, "registration:own", { userId: buyer.userId })).toBeUndefined();
    expect(can(admin, "registration:own", { userId: buyer.userId })).toBeUndefined();
    const m = { buyerUserId: buyer.userId, producerUserId: producer.userId };
    expect(can(buyer, "meeting:attend", m)).toBeDefined();
    expect(can(producer, "meeting:attend", m)).toBeDefined();
    expect(can(varanasiOfficer, "meeting:attend", m)).toBeUndefined();
  });
});

describe("the event flow, as a table", () => {
  const table: [keyof typeof eventFlow, string, string | null][] = [
    ["create", "new", "draft"],
    ["publish", "draft", "published"],
    ["publish", "published", null],
    ["publish", "cancelled", null],
    ["cancel", "draft", "cancelled"],
    ["cancel", "published", "cancelled"],
    ["cancel", "cancelled", null],
  ];
  it.each(table)("%s from %s → %s", (step, from, to) => {
    if (to === null) expect(() => nextState(eventFlow, step, from as "draft")).toThrow(/Cannot/);
    else expect(nextState(eventFlow, step, from as "draft")).toBe(to);
  });
});

describe("the registration flow, as a table", () => {
  const table: [keyof typeof registrationFlow, string, string | null][] = [
    ["apply", "new", "pending"],
    ["join", "new", "confirmed"],
    ["queue", "new", "waitlisted"],
    ["join", "withdrawn", "confirmed"],
    ["join", "confirmed", null],
    ["join", "refused", null],
    ["approve", "pending", "confirmed"],
    ["approve", "waitlisted", null],
    ["approve_waitlist", "pending", "waitlisted"],
    ["refuse", "pending", "refused"],
    ["refuse", "waitlisted", "refused"],
    ["refuse", "confirmed", null],
    ["withdraw", "pending", "withdrawn"],
    ["withdraw", "confirmed", "withdrawn"],
    ["withdraw", "waitlisted", "withdrawn"],
    ["withdraw", "withdrawn", null],
    ["promote", "waitlisted", "confirmed"],
    ["promote", "pending", null],
  ];
  it.each(table)("%s from %s → %s", (step, from, to) => {
    if (to === null) expect(() => nextState(registrationFlow, step, from as "pending")).toThrow(/Cannot/);
    else expect(nextState(registrationFlow, step, from as "pending")).toBe(to);
  });
  it("registering takes approval first, a place while there is room, else the waitlist", () => {
    expect(registrationStep({ approvalRequired: true, confirmed: 0, capacity: 5 })).toBe("apply");
    expect(registrationStep({ approvalRequired: false, confirmed: 4, capacity: 5 })).toBe("join");
    expect(registrationStep({ approvalRequired: false, confirmed: 5, capacity: 5 })).toBe("queue");
    expect(registrationStep({ approvalRequired: false, confirmed: 5000, capacity: null })).toBe("join");
  });
  it("the organiser, the person and the system each take their own steps", () => {
    expect(registrationFlow.approve.by).toBe("event:organise");
    expect(registrationFlow.withdraw.by).toBe("registration:own");
    expect(registrationFlow.promote.by).toBe("system");
    expect(registrationFlow.join.by).toBe("registration:register");
  });
});
