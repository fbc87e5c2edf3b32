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
import { planFlow, planStates } from "./flow";
import { can, mayComment } from "./policy";

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
