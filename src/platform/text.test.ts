import { describe, expect, it } from "vitest";
import { normalizeName, slugify } from "./text";

describe("normalizeName", () => {
  it.each([
    ["Kamrup (M)", "kamrup m"],
    ["Dadra & Nagar Haveli", "dadra and nagar haveli"],
    ["  ANDHRA   PRADESH ", "andhra pradesh"],
    ["Y.S.R. Kadapa", "y s r kadapa"],
    ["Kanniyakumari", "kanniyakumari"],
    ["Sri Potti Sriramulu Nellore", "sri potti sriramulu nellore"],
    ["कर्नाटक", "कर्नाटक"],
    ["चाय, कॉफ़ी", "चाय कॉफ़ी".normalize("NFKD")],
  ])("%s → %s", (input, expected) => expect(normalizeName(input)).toBe(expected));
});

describe("slugify", () => {
  it("makes URL-safe slugs and drops other scripts", () => {
    expect(slugify("Coffee-Arabica Chikkamagaluru (Chikmagalur)")).toBe(
      "coffee-arabica-chikkamagaluru-chikmagalur",
    );
    expect(slugify("हिन्दी")).toBe("");
  });
});
