/** The roles a grant can give; officers' grants carry a State or district, a Mission officer's a country. */
export const roles = [
  "national_admin",
  "state_officer",
  "district_officer",
  "mission_officer",
  "producer",
  "buyer",
] as const;
export type Role = (typeof roles)[number];
