import { describe, expect, it } from "vitest";
import {
  admin,
  BIHAR,
  buyer,
  inLucknow,
  inPatna,
  inVaranasi,
  nobody,
  producer,
  UP,
  upOfficer,
  varanasiOfficer,
} from "../../../test/support/actors";
import { flowTable } from "../../../test/support/flow-table";
import { openTransitions } from "../../platform/workflow";
import { meetingFlow, meetingStates } from "./meeting-flow";
import { can } from "./policy";

const varanasiDepc = { kind: "depc" as const, ...inVaranasi };
const lucknowDepc = { kind: "depc" as const, ...inLucknow };
const patnaDepc = { kind: "depc" as const, ...inPatna };
const upSepc = { kind: "sepc" as const, stateLgdCode: UP, districtLgdCode: null };
const biharSepc = { kind: "sepc" as const, stateLgdCode: BIHAR, districtLgdCode: null };

describe("who may keep a committee", () => {
  it.each([
    ["the administrator, any DEPC", admin, patnaDepc, true],
    ["the administrator, any SEPC", admin, biharSepc, true],
    ["a State officer, a DEPC of its State", upOfficer, lucknowDepc, true],
    ["a State officer, its SEPC", upOfficer, upSepc, true],
    ["a State officer, another State's DEPC", upOfficer, patnaDepc, false],
    ["a State officer, another State's SEPC", upOfficer, biharSepc, false],
    ["a district officer, its DEPC", varanasiOfficer, varanasiDepc, true],
    ["a district officer, another district's DEPC", varanasiOfficer, lucknowDepc, false],
    ["a district officer, its State's SEPC", varanasiOfficer, upSepc, false],
    ["a producer of the district", producer, varanasiDepc, false],
    ["a buyer", buyer, varanasiDepc, false],
    ["someone without a role", nobody, upSepc, false],
    ["nobody signed in", null, varanasiDepc, false],
  ] as const)("%s → %s", (_case, actor, committee, allowed) => {
    expect(can(actor, "committee:manage", committee) !== undefined).toBe(allowed);
    // Convening its meetings goes with keeping the committee: the DEPC's convener is the district's officer.
    expect(can(actor, "meeting:convene", committee) !== undefined).toBe(allowed);
  });
});

describe("the meeting flow, as a table: from which state each transition goes, and where", () => {
  const _states = ["new", ...meetingStates] as const;
  flowTable(meetingFlow, meetingStates, [
    ["schedule", "new", "scheduled"],
    ["reschedule", "scheduled", "scheduled"],
    ["cancel", "scheduled", "cancelled"],
    ["record", "scheduled", "held"],
    ["record", "held", "held"],
    ["publish", "held", "minutes_published"],
  ] as const);

  it("names every transition in the table above, each taken by a convener of the committee", () => {
    expect(Object.keys(meetingFlow).sort()).toEqual([
      "cancel",
      "publish",
      "record",
      "reschedule",
      "schedule",
    ]);
    expect(new Set(Object.values(meetingFlow).map((t) => t.by))).toEqual(new Set(["meeting:convene"]));
    expect(openTransitions(meetingFlow, "minutes_published")).toEqual([]);
    expect(openTransitions(meetingFlow, "cancelled")).toEqual([]);
  });
});
