/**
 * planning: district export action plans — the plan and its versions, products and markets, targets and actuals,
 * bottlenecks that escalate district → State → nation, interventions with progress, in print and as open data.
 */
export { registerPlanningApi } from "./api";
export { generateDemoBottlenecks } from "./commands/demo-bottlenecks";
export { escalationPass } from "./commands/escalation";
export { seedDemoPlan } from "./demo";
export { planDimLabel, planFigureDims } from "./figure-labels";
export { decisionFollowUps } from "./follow-ups";
export { planningOpenData } from "./open-data";
export { type BottleneckDeps, bottleneckActions } from "./pages/bottlenecks";
export { planActions, planManagePages } from "./pages/manage";
export { renderPlanPdfs } from "./pages/plan-pdf";
export { planPublicPages } from "./pages/public";
export { planningFigures } from "./queries/figures";
export { bottleneckCategoryList } from "./queries/parts";

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
  "plan.product": { en: "Added a product to an export action plan", hi: "निर्यात कार्य योजना में उत्पाद जोड़ा" },
  "plan.productRemove": {
    en: "Removed a product from an export action plan",
    hi: "निर्यात कार्य योजना से उत्पाद हटाया",
  },
  "plan.measure": { en: "Added a measure to a plan's targets", hi: "योजना के लक्ष्यों में माप जोड़ा" },
  "plan.targets": { en: "Set a plan's targets", hi: "योजना के लक्ष्य तय किए" },
  "plan.actuals": { en: "Entered a plan's actuals", hi: "योजना के वास्तविक आँकड़े भरे" },
  "plan.intervention": { en: "Added an intervention or action", hi: "हस्तक्षेप या कार्य जोड़ा" },
  "plan.progress": { en: "Reported an action's progress", hi: "कार्य की प्रगति दर्ज की" },
  "bottleneck.create": { en: "Recorded a bottleneck", hi: "अड़चन दर्ज की" },
  "bottleneck.note": { en: "Added an update to a bottleneck", hi: "अड़चन पर अद्यतन जोड़ा" },
  "bottleneck.evidence": { en: "Added evidence to a bottleneck", hi: "अड़चन में साक्ष्य जोड़ा" },
  "bottleneck.escalate": {
    en: "Bottleneck rose to the State's queue (overdue)",
    hi: "अड़चन राज्य की कतार में गई (समय पार)",
  },
  "bottleneck.resolve": { en: "Resolved a bottleneck (district)", hi: "अड़चन सुलझाई (ज़िला)" },
  "bottleneck.resolveAtState": { en: "Resolved a bottleneck (State)", hi: "अड़चन सुलझाई (राज्य)" },
  "bottleneck.sendBack": { en: "Sent a bottleneck back to its district", hi: "अड़चन ज़िले को लौटाई" },
  "bottleneck.raise": { en: "Raised a bottleneck to the national queue", hi: "अड़चन राष्ट्रीय कतार में भेजी" },
  "bottleneck.resolveAtNation": { en: "Resolved a bottleneck (national)", hi: "अड़चन सुलझाई (राष्ट्रीय)" },
  "bottleneck.returnToState": { en: "Returned a bottleneck to its State", hi: "अड़चन राज्य को लौटाई" },
  "bottleneck.category": { en: "Added a category of bottleneck", hi: "अड़चन की श्रेणी जोड़ी" },
};
