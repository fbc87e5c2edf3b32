import { describe, expect, it } from "vitest";
import {
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
import { flowTable } from "../../../test/support/flow-table";
import { openTransitions } from "../../platform/workflow";
import { bottleneckFlow, bottleneckStates } from "./bottleneck-flow";
import { planFlow, planStates } from "./flow";
import { can, canBottleneck, mayComment } from "./policy";

describe("who may write, read and comment on a district's plan", () => {
  it.each([
    ["the district officer writes its plan", varanasiOfficer, inVaranasi, true, true],
    ["the district officer, not another district's", varanasiOfficer, inLucknow, false, false],
    ["a State officer reads its districts' plans, does not write them", upOfficer, inLucknow, false, true],
    ["a State officer, not another State's", upOfficer, inPatna, false, false],
    ["the administrator reads every plan, writes none", admin, inPatna, false, true],
    ["a producer", producer, inVaranasi, false, false],
    ["a buyer", buyer, inVaranasi, false, false],
    ["someone without a role", nobody, inVaranasi, false, false],
    ["nobody signed in", null, inVaranasi, false, false],
  ] as const)("%s", (_case, actor, place, writes, reads) => {
    expect(can(actor, "plan:write", place) !== undefined).toBe(writes);
    expect(can(actor, "plan:read", place) !== undefined).toBe(reads);
    expect(mayComment(actor, place, false) !== undefined).toBe(reads);
  });

  it("lets a member of the district's committee comment as itself, and nobody signed out", () => {
    expect(mayComment(buyer, inVaranasi, true)).toEqual({ grant: null });
    expect(mayComment(null, inVaranasi, true)).toBeUndefined();
  });
});

describe("the plan flow, as a table", () => {
  flowTable(planFlow, planStates, [
    ["create", "new", "draft"],
    ["circulate", "draft", "circulated"],
    ["recall", "circulated", "draft"],
    ["adopt", "circulated", "adopted"],
    ["implement", "adopted", "in_implementation"],
    ["revise", "adopted", "superseded"],
    ["revise", "in_implementation", "superseded"],
  ] as const);

  it("ends a superseded version: it stays readable, nothing moves it", () => {
    expect(openTransitions(planFlow, "superseded")).toEqual([]);
  });
});

describe("the bottleneck flow, as a table", () => {
  flowTable(bottleneckFlow, bottleneckStates, [
    ["create", "new", "open"],
    ["resolve", "open", "resolved"],
    ["escalate", "open", "at_state"],
    ["resolveAtState", "at_state", "resolved"],
    ["sendBack", "at_state", "open"],
    ["raise", "at_state", "at_nation"],
    ["resolveAtNation", "at_nation", "resolved"],
    ["returnToState", "at_nation", "at_state"],
  ] as const);

  it("ends a resolved bottleneck: nothing moves it", () => {
    expect(openTransitions(bottleneckFlow, "resolved")).toEqual([]);
  });
});

describe("who takes each step of a bottleneck", () => {
  it.each([
    ["the district officer, with the district", varanasiOfficer, "bottleneck:district", inVaranasi, true],
    ["another district's officer", varanasiOfficer, "bottleneck:district", inLucknow, false],
    ["the State officer, not at the district's step", upOfficer, "bottleneck:district", inVaranasi, false],
    ["the State officer, in its State's queue", upOfficer, "bottleneck:state", inVaranasi, true],
    ["the State officer, not another State's queue", upOfficer, "bottleneck:state", inPatna, false],
    [
      "the district officer, not in the State's queue",
      varanasiOfficer,
      "bottleneck:state",
      inVaranasi,
      false,
    ],
    ["the administrator, in the national queue", admin, "bottleneck:nation", inPatna, true],
    ["the State officer, not in the national queue", upOfficer, "bottleneck:nation", inVaranasi, false],
    ["nobody as the pass: only the job escalates", admin, "system", inVaranasi, false],
    ["nobody signed in", null, "bottleneck:district", inVaranasi, false],
  ] as const)("%s", (_case, actor, permission, place, allowed) => {
    expect(canBottleneck(actor, permission, place) !== undefined).toBe(allowed);
  });
});
