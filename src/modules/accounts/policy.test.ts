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
  VARANASI,
  varanasiOfficer,
} from "../../../test/support/actors";
import { type Actor, can, placeScope } from "./policy";

describe("accounts policy: who may invite whom", () => {
  const cases: [string, Actor | null, "state_officer" | "district_officer", typeof inVaranasi, boolean][] = [
    [
      "administrator → State officer",
      admin,
      "state_officer",
      { stateLgdCode: BIHAR, districtLgdCode: null } as never,
      true,
    ],
    ["administrator → district officer anywhere", admin, "district_officer", inPatna, true],
    ["State officer → district officer of its State", upOfficer, "district_officer", inLucknow, true],
    ["State officer → district officer of another State", upOfficer, "district_officer", inPatna, false],
    [
      "State officer → State officer",
      upOfficer,
      "state_officer",
      { stateLgdCode: UP, districtLgdCode: null } as never,
      false,
    ],
    [
      "district officer → district officer of its own district",
      varanasiOfficer,
      "district_officer",
      inVaranasi,
      false,
    ],
    ["producer → district officer", producer, "district_officer", inVaranasi, false],
    [
      "buyer → State officer",
      buyer,
      "state_officer",
      { stateLgdCode: UP, districtLgdCode: null } as never,
      false,
    ],
    ["signed-out visitor", null, "district_officer", inVaranasi, false],
  ];
  it.each(cases)("%s", (_, who, role, place, allowed) => {
    expect(can(who, "invitation:create", { role, ...place }) !== undefined).toBe(allowed);
  });

  it.each([
    [
      "administrator revokes a State officer",
      admin,
      "state_officer",
      { stateLgdCode: UP, districtLgdCode: null },
      true,
    ],
    ["State officer revokes a district officer of its State", upOfficer, "district_officer", inLucknow, true],
    ["State officer revokes a district officer elsewhere", upOfficer, "district_officer", inPatna, false],
    [
      "State officer revokes a State officer",
      upOfficer,
      "state_officer",
      { stateLgdCode: UP, districtLgdCode: null },
      false,
    ],
    ["district officer revokes a district officer", varanasiOfficer, "district_officer", inVaranasi, false],
    ["nobody revokes", null, "district_officer", inVaranasi, false],
  ] as const)("revoking: %s", (_, who, role, place, allowed) => {
    expect(can(who, "grant:revoke", { role, ...place }) !== undefined).toBe(allowed);
  });

  it("names the grant that allowed it, for the audit log", () => {
    expect(can(upOfficer, "invitation:create", { role: "district_officer", ...inLucknow })?.role).toBe(
      "state_officer",
    );
  });
});

describe("accounts policy: the audit log", () => {
  it.each([
    ["administrator, any State", admin, inPatna, true],
    ["State officer, its State", upOfficer, inLucknow, true],
    ["State officer, another State", upOfficer, inPatna, false],
    ["district officer", varanasiOfficer, inVaranasi, false],
    ["producer", producer, inVaranasi, false],
    ["nobody", nobody, inVaranasi, false],
  ] as const)("%s", (_, who, place, allowed) => {
    expect(can(who, "audit:read", place) !== undefined).toBe(allowed);
  });

  it("filters lists by scope: all for the administrator, own States and districts for officers", () => {
    expect(placeScope(admin, ["national_admin", "state_officer"])).toEqual({ all: true });
    expect(placeScope(upOfficer, ["national_admin", "state_officer"])).toEqual({
      all: false,
      states: [UP],
      districts: [],
    });
    expect(placeScope(varanasiOfficer, ["national_admin", "state_officer", "district_officer"])).toEqual({
      all: false,
      states: [],
      districts: [VARANASI],
    });
    expect(placeScope(null, ["national_admin"])).toEqual({ all: false, states: [], districts: [] });
  });
});
