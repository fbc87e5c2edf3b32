import type { Actor, Grant } from "../../src/modules/accounts";

/** Real LGD codes (Uttar Pradesh, Bihar and three of their districts), so the tables read as real cases. */
export const UP = 9;
export const BIHAR = 10;
export const VARANASI = 187;
export const LUCKNOW = 162;
export const PATNA = 212;

let nextId = 1;
/** An actor holding these grants, for policy tables (no database needed: policies are pure). */
export const actor = (...grants: Omit<Grant, "id">[]): Actor => ({
  userId: nextId++,
  email: "x@example.org",
  name: "X",
  isDemo: false,
  emailVerified: true,
  grants: grants.map((g, i) => ({ ...g, id: i + 1 })),
  requestId: null,
  ip: null,
});

export const admin = actor({ role: "national_admin", stateLgdCode: null, districtLgdCode: null });
export const upOfficer = actor({ role: "state_officer", stateLgdCode: UP, districtLgdCode: null });
export const varanasiOfficer = actor({
  role: "district_officer",
  stateLgdCode: UP,
  districtLgdCode: VARANASI,
});
export const producer = actor({ role: "producer", stateLgdCode: UP, districtLgdCode: VARANASI });
export const buyer = actor({ role: "buyer", stateLgdCode: null, districtLgdCode: null });
export const nobody = actor();

export const inVaranasi = { stateLgdCode: UP, districtLgdCode: VARANASI };
export const inLucknow = { stateLgdCode: UP, districtLgdCode: LUCKNOW };
export const inPatna = { stateLgdCode: BIHAR, districtLgdCode: PATNA };
