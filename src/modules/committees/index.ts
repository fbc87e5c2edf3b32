/** committees: the DEPC of each district and the SEPC of each State, their members (meetings and minutes to come). */
export { seedDemoCommittees } from "./demo";
export { committeeActions, committeeManagePages } from "./pages/manage";
export { committeePublicPages } from "./pages/public";

/** The committees module's audited actions, in words, for the audit log. */
export const committeeAuditTexts = {
  "committee.create": { en: "Recorded a committee", hi: "समिति दर्ज की" },
  "committee.member_add": { en: "Added a committee member", hi: "समिति सदस्य जोड़ा" },
  "committee.composition_add": { en: "Added the usual seats of a committee", hi: "समिति के सामान्य पद जोड़े" },
  "committee.member_update": { en: "Edited a committee member", hi: "समिति सदस्य बदला" },
  "committee.member_end": { en: "Ended a committee membership", hi: "समिति सदस्यता समाप्त की" },
};
