/** planning: district export action plans — the plan and its versions (targets, bottlenecks and interventions to come). */
export { registerPlanningApi } from "./api";
export { seedDemoPlan } from "./demo";
export { planActions, planManagePages } from "./pages/manage";
export { planPublicPages } from "./pages/public";

/** The planning module's audited actions, in words, for the audit log. */
export const planAuditTexts = {
  "plan.create": { en: "Started an export action plan", hi: "निर्यात कार्य योजना शुरू की" },
  "plan.edit": { en: "Edited a draft export action plan", hi: "मसौदा निर्यात कार्य योजना बदली" },
  "plan.circulate": { en: "Circulated an export action plan", hi: "निर्यात कार्य योजना परिचालित की" },
  "plan.recall": { en: "Called back an export action plan", hi: "निर्यात कार्य योजना वापस ली" },
  "plan.adopt": {
    en: "Recorded the adoption of an export action plan",
    hi: "निर्यात कार्य योजना का अपनाया जाना दर्ज किया",
  },
  "plan.implement": {
    en: "Marked an export action plan in implementation",
    hi: "निर्यात कार्य योजना कार्यान्वयन में चिह्नित की",
  },
  "plan.revise": { en: "Revised an export action plan", hi: "निर्यात कार्य योजना संशोधित की" },
  "plan.comment": { en: "Commented on an export action plan", hi: "निर्यात कार्य योजना पर टिप्पणी की" },
};
