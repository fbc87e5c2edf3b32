import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../../test/support/database";
import { search } from ".";

describe("search on the real registry", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
  });
  afterAll(() => t.dispose());

  const top = async (q: string, filters = {}) =>
    (await search(t.db, q, filters, { limit: 5, offset: 0 })).hits.map((h) => `${h.kind}:${h.titleEn}`);

  it.each([
    ["Ahmednagar", "district:Ahilyanagar"],
    ["Ramanagara", "district:Bengaluru South"],
    ["Karimganj", "district:Sribhumi"],
    ["chikenkari", "product:Lucknow Chikan Craft & Lucknow Zardozi"],
    ["channapatna toy", "product:Channapatna Toys"],
    ["darjling tea", "product:Darjeeling Tea"],
    ["कर्नाटक", "state:Karnataka"],
    ["karnataka", "state:Karnataka"],
  ])("%s finds %s first", async (q, expected) => {
    expect((await top(q))[0]).toBe(expected);
  });

  it("finds products by a Hindi word of their sector", async () => {
    const tea = await search(t.db, "चाय", { kind: "product" }, { limit: 50, offset: 0 });
    expect(tea.total).toBeGreaterThan(0);
    expect(tea.hits.every((h) => h.sectorCode === "plantation")).toBe(true);
    expect(tea.hits.map((h) => h.titleEn)).toContain("Darjeeling Tea");
  });

  it("finds GI goods and filters by kind, State and GI", async () => {
    expect(await top("darjeeling", { kind: "gi" })).toContain("gi:Darjeeling Tea");
    const inUp = await search(t.db, "zardozi", { state: 9 }, { limit: 50, offset: 0 });
    expect(inUp.total).toBeGreaterThan(0);
    expect(inUp.hits.every((h) => h.contextEn.endsWith("Uttar Pradesh"))).toBe(true);
    const withGi = await search(t.db, "tea", { gi: true, kind: "product" }, { limit: 50, offset: 0 });
    expect(withGi.hits.length).toBeGreaterThan(0); // "every" of an empty list would prove nothing
    expect(withGi.hits.every((h) => h.hasGi)).toBe(true);
    const all = await search(t.db, "tea", { kind: "product" }, { limit: 50, offset: 0 });
    expect(all.hits.some((h) => !h.hasGi)).toBe(true); // so the filter took something away
  });

  it("pages through results with a stable total", async () => {
    const first = await search(t.db, "rice", {}, { limit: 5, offset: 0 });
    const second = await search(t.db, "rice", {}, { limit: 5, offset: 5 });
    expect(first.total).toBe(second.total);
    expect(first.total).toBeGreaterThan(10);
    expect(second.hits.map((h) => h.ref)).not.toEqual(first.hits.map((h) => h.ref));
  });

  it("finds nothing for nonsense, and treats injection strings as text", async () => {
    expect((await search(t.db, "xyzzyqq", {}, { limit: 5, offset: 0 })).total).toBe(0);
    // An injection attempt is searched for as words: it finds the products named like its words ("table"), and the
    // products table is still there afterwards.
    const injected = await search(t.db, "'; drop table products; --", {}, { limit: 5, offset: 0 });
    expect(injected.total).toBe(
      (await search(t.db, "drop table products", {}, { limit: 5, offset: 0 })).total,
    );
    expect((await search(t.db, "darjeeling tea", {}, { limit: 1, offset: 0 })).total).toBeGreaterThan(0);
    expect((await search(t.db, "  ", {}, { limit: 5, offset: 0 })).total).toBe(0);
    expect((await search(t.db, "tea", {}, { limit: 1, offset: 0 })).total).toBeGreaterThan(0);
  });
});
