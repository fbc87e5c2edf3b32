import { describe, expect, it } from "vitest";
import {
  gstinCheckChar,
  gstinProblem,
  iecProblem,
  normaliseId,
  panProblem,
  udyamProblem,
} from "./identifiers";

describe("business identifiers", () => {
  it("accepts GSTINs whose check character is right, and names the slip when it is not", () => {
    // Published GSTINs (CBIC's worked example; a well-known company's registration).
    expect(gstinProblem("27AAPFU0939F1ZV")).toBeNull();
    expect(gstinProblem("29AAGCB7383J1Z4")).toBeNull();
    expect(gstinCheckChar("27AAPFU0939F1Z")).toBe("V");
    expect(gstinProblem("27AAPFU0939F1ZW")).toBe("gstinChecksum"); // last character mistyped
    expect(gstinProblem("27AAPFU0939F1ZVV")).toBe("gstinFormat");
    expect(gstinProblem("55AAPFU0939F1ZV")).toBe("gstinFormat"); // no such State code
    expect(gstinProblem(normaliseId(" 27aapfu0939f1zv "))).toBeNull();
  });

  it("checks Udyam, PAN and IEC by format", () => {
    expect(udyamProblem("UDYAM-UP-76-0012345")).toBeNull();
    expect(udyamProblem("UDYAM-UP-76-001234")).toBe("udyamFormat");
    expect(udyamProblem("UAM-UP-76-0012345")).toBe("udyamFormat");
    expect(panProblem("AAPFU0939F")).toBeNull();
    expect(panProblem("AAPXU0939F")).toBe("panFormat"); // X is no kind of holder
    expect(panProblem("AAPF0939FU")).toBe("panFormat");
    expect(iecProblem("AAPFU0939F")).toBeNull();
    expect(iecProblem("0512345678")).toBeNull();
    expect(iecProblem("05123456")).toBe("iecFormat");
  });
});
