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
} from "../../../../test/support/actors";
import { flowTable } from "../../../../test/support/flow-table";
import { openTransitions } from "../../../platform/workflow";
import { type ProposalPermission, proposalFlow, proposalStates, whoseMove } from "./flow";
import { can } from "./policy";

describe("who may take each step of a proposal, by role and place", () => {
  const cases: [
    string,
    Parameters<typeof can>[0],
    ProposalPermission | "proposal:view",
    typeof inVaranasi,
    boolean,
  ][] = [
    ["the district officer proposes for its district", varanasiOfficer, "proposal:submit", inVaranasi, true],
    ["the district officer, for another district", varanasiOfficer, "proposal:submit", inLucknow, false],
    ["a State officer does not propose for its districts", upOfficer, "proposal:submit", inVaranasi, false],
    ["the administrator does not propose", admin, "proposal:submit", inVaranasi, false],
    ["a State officer forwards its districts' proposals", upOfficer, "proposal:forward", inLucknow, true],
    ["a State officer, another State's", upOfficer, "proposal:forward", inPatna, false],
    ["a district officer does not forward", varanasiOfficer, "proposal:forward", inVaranasi, false],
    ["the administrator does not forward for a State", admin, "proposal:forward", inVaranasi, false],
    ["the administrator accepts", admin, "proposal:accept", inPatna, true],
    ["a State officer does not accept", upOfficer, "proposal:accept", inVaranasi, false],
    ["the administrator publishes", admin, "revision:publish", inPatna, true],
    ["a State officer does not publish", upOfficer, "revision:publish", inVaranasi, false],
    ["the district officer sees its district's", varanasiOfficer, "proposal:view", inVaranasi, true],
    ["the district officer, not another district's", varanasiOfficer, "proposal:view", inLucknow, false],
    ["a State officer sees its State's", upOfficer, "proposal:view", inLucknow, true],
    ["a State officer, not another State's", upOfficer, "proposal:view", inPatna, false],
    ["the administrator sees every one", admin, "proposal:view", inPatna, true],
    ["a producer sees none", producer, "proposal:view", inVaranasi, false],
    ["a buyer sees none", buyer, "proposal:view", inVaranasi, false],
    ["someone without a role", nobody, "proposal:submit", inVaranasi, false],
    ["nobody signed in", null, "proposal:view", inVaranasi, false],
  ];
  it.each(cases)("%s → %s", (_case, actor, permission, place, allowed) => {
    expect(can(actor, permission, place) !== undefined).toBe(allowed);
  });
});

describe("the proposal flow, as a table", () => {
  flowTable(proposalFlow, proposalStates, [
    ["submit", "new", "with_state"],
    ["forward", "with_state", "with_nation"],
    ["returnByState", "with_state", "returned"],
    ["withdraw", "with_state", "withdrawn"],
    ["withdraw", "returned", "withdrawn"],
    ["resubmit", "returned", "with_state"],
    ["accept", "with_nation", "accepted"],
    ["returnByNation", "with_nation", "returned"],
    ["publish", "accepted", "published"],
    ["reconsider", "accepted", "with_nation"],
  ] as const);

  it("ends with publishing or withdrawing, and says whose move it is everywhere else", () => {
    expect(openTransitions(proposalFlow, "published")).toEqual([]);
    expect(openTransitions(proposalFlow, "withdrawn")).toEqual([]);
    for (const s of proposalStates)
      expect(whoseMove[s] === null).toBe(openTransitions(proposalFlow, s).length === 0);
  });
});
