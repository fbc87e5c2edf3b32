import { describe, expect, it } from "vitest";
import { PlaceIndex } from "./matching";

const index = new PlaceIndex({
  states: [
    { lgdCode: 29, nameEn: "Karnataka" },
    { lgdCode: 38, nameEn: "The Dadra And Nagar Haveli And Daman And Diu" },
    { lgdCode: 27, nameEn: "Maharashtra" },
    { lgdCode: 18, nameEn: "Assam" },
  ],
  districts: [
    { lgdCode: 1, stateLgdCode: 29, nameEn: "Ballari" },
    { lgdCode: 2, stateLgdCode: 29, nameEn: "Bengaluru South" },
    { lgdCode: 3, stateLgdCode: 27, nameEn: "Ahilyanagar" },
    { lgdCode: 4, stateLgdCode: 27, nameEn: "Aurangabad" },
    { lgdCode: 5, stateLgdCode: 27, nameEn: "Chhatrapati Sambhajinagar" },
    { lgdCode: 6, stateLgdCode: 38, nameEn: "Dadra And Nagar Haveli" },
    { lgdCode: 7, stateLgdCode: 18, nameEn: "Kamrup" },
    { lgdCode: 8, stateLgdCode: 18, nameEn: "Kamrup Metro" },
  ],
  aliases: [
    { districtLgdCode: 1, alias: "Ballari (Bellary)", kind: "odop_sheet" },
    { districtLgdCode: 2, alias: "RAMANAGARA", kind: "lgd_dec2022" },
    { districtLgdCode: 3, alias: "AHMEDNAGAR", kind: "lgd_dec2022" },
    // Two districts once went by this name: a source that says "Aurangabad" in Maharashtra is ambiguous.
    { districtLgdCode: 5, alias: "Aurangabad", kind: "lgd_dec2022" },
    { districtLgdCode: 8, alias: "Kamrup (M)", kind: "odop_sheet" },
  ],
});

describe("PlaceIndex", () => {
  it.each([
    ["Karnataka", "Ballari", { status: "matched", lgdCode: 1, method: "lgd_name" }],
    ["Karnataka", "BALLARI", { status: "matched", lgdCode: 1, method: "lgd_name" }],
    ["Karnataka", "Bellary", { status: "matched", lgdCode: 1, method: "alias:odop_sheet+parenthesis" }],
    ["Karnataka", "Ballari (Bellary)", { status: "matched", lgdCode: 1, method: "alias:odop_sheet" }],
    ["Karnataka", "Ramanagara", { status: "matched", lgdCode: 2, method: "alias:lgd_dec2022" }],
    ["Maharashtra", "Ahmednagar", { status: "matched", lgdCode: 3, method: "alias:lgd_dec2022" }],
    [
      "Maharashtra",
      "Ahilyanagar (Ahmednagar)",
      { status: "matched", lgdCode: 3, method: "lgd_name+without_parenthesis" },
    ],
    ["Maharashtra", "Aurangabad", { status: "ambiguous", candidates: [4, 5] }],
    ["Karnataka", "Atlantis", { status: "unknown" }],
    ["Assam", "KAMRUP", { status: "matched", lgdCode: 7, method: "lgd_name" }],
    ["Assam", "Kamrup (M)", { status: "matched", lgdCode: 8, method: "alias:odop_sheet" }],
    ["Maharashtra", "Ballari", { status: "unknown" }],
  ])("%s / %s", (state, district, expected) => {
    const code = index.stateCode(state);
    expect(code).not.toBeNull();
    expect(index.matchDistrict(code as number, district)).toEqual(expected);
  });

  it("knows States by the spellings the sources use", () => {
    expect(index.stateCode("Dadra & Nagar Haveli (UT)Daman & Diu (UT)")).toBe(38);
    expect(index.stateCode("DADRA,NH,DAMAN,DIU")).toBe(38);
    expect(index.stateCode("KARNATAKA")).toBe(29);
    expect(index.stateCode("UNSPECIFIED")).toBeNull();
  });
});
