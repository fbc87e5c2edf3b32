import { describe, expect, it } from "vitest";
import { sectorByKeyword, sectorByName, sectorTaxonomy } from "./sectors";

describe("sector keyword rule", () => {
  it.each([
    ["Processed Prawn & Shrimp", "marine"],
    ["Turmeric", "spices"],
    ["Coffee-Arabica", "plantation"],
    ["Kolhapur Jaggery (Sugarcane Products etc)", "food_processing"],
    ["Handloom Silk Sarees", "textiles_handloom"],
    ["Bamboo Craft", "handicrafts"],
    ["Auto components", "engineering"],
    ["Granites", "minerals_stone"],
    ["Alphonso Mangoes", "agriculture"],
    ["IT/ITES and R&D", "electronics_it"],
  ])("%s → %s", (name, code) => expect(sectorByKeyword(name)?.code).toBe(code));

  it("says which keyword decided, and leaves unknown products unassigned", () => {
    expect(sectorByKeyword("Darjeeling Tea")).toEqual({ code: "plantation", rule: 'keyword "tea"' });
    expect(sectorByKeyword("Tourism")).toBeNull();
  });

  it("reads sector names in either language", () => {
    expect(sectorByName("Handicrafts")).toBe("handicrafts");
    expect(sectorByName("हस्तशिल्प")).toBe("handicrafts");
    expect(sectorByName("Space")).toBeNull();
  });

  it("has a Hindi name for every sector", () => {
    for (const s of sectorTaxonomy) expect(s.nameHi).toMatch(/[\u0900-\u097F]/);
  });
});
