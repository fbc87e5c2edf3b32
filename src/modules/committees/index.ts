/** committees: the DEPC of each district and the SEPC of each State, their members, meetings, minutes and decisions. */
export { registerCommitteesApi } from "./api";
export { seedDemoCommittees } from "./demo";
export { enqueueMinutesPdf, renderMinutesPdfs } from "./documents";
export { committeeActions, committeeManagePages } from "./pages/manage";
export { meetingManagePages } from "./pages/meetings-manage";
export { committeePublicPages } from "./pages/public";
export { committeeFigures } from "./queries/figures";
export { type DistrictDecision, decisionsOfDistrict } from "./queries/meetings";
export { depcMemberAccounts } from "./queries/members";
export { committeeDataStamp, publicDecisions, publicMeetings } from "./queries/open-data";

/** The committees module's audited actions, in words, for the audit log. */
export const committeeAuditTexts = {
  "committee.create": { en: "Recorded a committee", hi: "समिति दर्ज की" },
  "committee.member_add": { en: "Added a committee member", hi: "समिति सदस्य जोड़ा" },
  "committee.composition_add": { en: "Added the usual seats of a committee", hi: "समिति के सामान्य पद जोड़े" },
  "committee.member_update": { en: "Edited a committee member", hi: "समिति सदस्य बदला" },
  "committee.member_end": { en: "Ended a committee membership", hi: "समिति सदस्यता समाप्त की" },
  "meeting.schedule": { en: "Scheduled a committee meeting", hi: "समिति की बैठक निर्धारित की" },
  "meeting.reschedule": { en: "Changed a committee meeting", hi: "समिति की बैठक बदली" },
  "meeting.cancel": { en: "Cancelled a committee meeting", hi: "समिति की बैठक रद्द की" },
  "meeting.minutes_save": { en: "Saved draft minutes", hi: "मसौदा कार्यवृत्त सहेजा" },
  "meeting.decision_add": { en: "Added a committee decision", hi: "समिति का निर्णय जोड़ा" },
  "meeting.decision_remove": { en: "Removed a draft decision", hi: "मसौदा निर्णय हटाया" },
  "meeting.minutes_publish": { en: "Published minutes", hi: "कार्यवृत्त प्रकाशित किया" },
};
